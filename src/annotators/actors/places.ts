/**
 * Place or actor? A capital or seat of government can name the place ("talks in
 * Beijing") or the government acting ("Beijing responded"). Decided by the words
 * before it (rules in matching-rules.yaml):
 *
 * 1. A metonym right after a locative preposition ("in", "at", … optionally with
 *    "the") is a place: "In Brussels last week", "talks in Beijing", "in Kyiv".
 * 2. After "to", "from" or "into", only when a word of motion precedes: "visit to
 *    Beijing" is a place, "warnings to Beijing" is the actor.
 * 3. Right after a verb of visiting ("visiting Moscow") it is a place.
 * 4. A metonym followed by another capitalised word is part of a longer proper name
 *    ("Beijing Winter Olympics"), except in headline-cased lines ("Beijing Says …").
 * Everything else — a verb after it, a possessive, an object — is the actor.
 *
 * A country is a place only when it introduces a place: after a place name and a
 * comma that follow a locative preposition ("in Guilin, China"), or after a locative
 * preposition as a possessive before a place inside it ("in China's far western
 * Xinjiang region"). "Peace in Ukraine" keeps Ukraine as an actor.
 */
import { wordsAfter, wordsBefore, type TokenLayer } from '../../text';
import type { MatchingRules } from './rules';

const UPPER_START = /^\p{Lu}/u;

/** True when the words before `start` make it a place: rules 1–3. */
export function afterPlacePreposition(layer: TokenLayer, start: number, rules: MatchingRules): boolean {
  const text = layer.text;
  const before = wordsBefore(layer, start, 3);
  // Only spaces may separate the words considered ("in Ukraine, Beijing said" is not "in Beijing").
  const adjacent = (i: number): boolean => {
    const w = before[i];
    const next = i === 0 ? start : before[i - 1]!.start;
    return w !== undefined && /^\s+$/.test(text.slice(w.end, next));
  };
  let i = 0;
  if (adjacent(0) && before[0]!.text.toLowerCase() === 'the') i = 1;
  if (!adjacent(i)) return false;
  const word = before[i]!.text.toLowerCase();
  if (rules.locative.has(word) || rules.placeVerbs.has(word)) return true;
  return rules.directional.has(word) && adjacent(i + 1) && rules.motion.has(before[i + 1]!.text.toLowerCase());
}

/** Rule 4: "Beijing Winter Olympics". `headline` says the sentence is headline-cased. */
export function continuesProperName(layer: TokenLayer, end: number, rules: MatchingRules, headline: boolean): boolean {
  if (headline || layer.text[end] !== ' ') return false;
  const next = wordsAfter(layer, end, 1)[0];
  return next !== undefined && next.start === end + 1 && UPPER_START.test(next.text) && !rules.nameStopWords.has(next.text.replace(/\.$/, ''));
}

export function metonymIsPlace(layer: TokenLayer, start: number, end: number, rules: MatchingRules, headline: boolean): boolean {
  return afterPlacePreposition(layer, start, rules) || continuesProperName(layer, end, rules, headline);
}

/** "… in Guilin, " before a country: a word, then one to three capitalised words and a comma. */
const PLACE_THEN_COMMA = /(?:^|[^\p{L}\p{N}])(\p{L}+)\s+((?:\p{Lu}[\p{L}'-]*\s+){0,2}\p{Lu}[\p{L}'-]*),\s*$/u;

/**
 * A country naming a place: "in Guilin, China" or "in China's far western Xinjiang".
 * `isActorAt(start)` says whether an actor mention starts at an offset (so "in Ukraine,
 * China said" and "in China's National People's Congress" stay actors).
 */
export function countryIsPlace(layer: TokenLayer, start: number, end: number, rules: MatchingRules, isActorAt: (offset: number) => boolean): boolean {
  const text = layer.text;
  // "in Guilin, China": place name(s), a comma, after a locative preposition.
  const window = text.slice(Math.max(0, start - 80), start);
  // The pattern ends in a comma and white space (what trimEnd removes is what \s matches): check that first.
  const appositive = window.trimEnd().endsWith(',') ? PLACE_THEN_COMMA.exec(window) : null;
  if (appositive) {
    const word = appositive[1]!.toLowerCase();
    const placeStart = start - (window.length - window.lastIndexOf(appositive[2]!));
    if ((rules.locative.has(word) || rules.directional.has(word) || rules.placeVerbs.has(word)) && !isActorAt(placeStart)) return true;
  }
  // "in China's far western Xinjiang region"
  const possessive = wordsAfter(layer, end, 1)[0];
  if (possessive?.start !== end || possessive.lower !== "'s" || !afterPlacePreposition(layer, start, rules)) return false;
  const after = wordsAfter(layer, possessive.end, 5);
  let geographic = 0;
  for (const w of after) {
    if (rules.geographic.has(w.text.toLowerCase())) {
      geographic++;
      continue;
    }
    return UPPER_START.test(w.text) ? !isActorAt(w.start) : geographic > 0;
  }
  return geographic > 0;
}
