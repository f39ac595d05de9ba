/**
 * People and organisations the registry lacks, recognised on the text layer: runs of
 * capitalised proper-noun tokens in a context that says what they are.
 *
 * A person: two to four name words (one after an honorific), with
 *   - an honorific before ("Mr. Rudenko", "Sen. Bob Menendez");
 *   - a title or role noun before, possibly with a short phrase between ("Deputy
 *     Foreign Minister Andrei Rudenko", "ambassadors to the US Anatoly Antonov",
 *     "the top diplomat for East Asia Daniel Kritenbrink");
 *   - an appositive role after ("Hui Ching, research director at …");
 *   - a speech verb beside it ("Liu Pengyu told TASS", "told Dana Bash");
 *   - or an organisation's possessive before ("CNN's Dana Bash").
 * An organisation: a capitalised run ending in an organisation head ("Hong Kong Zhi
 * Ming Institute"), an "of/on/for" phrase allowed after the head ("National
 * Committee on US-China Relations"), with at least one word of its own.
 *
 * Role nouns, honorifics, speech verbs and heads are data (matching-rules.yaml);
 * role nouns and verbs are compared by lemma, so "ambassadors" is a title and "told"
 * a speech verb. Names overlapping a registered mention are not read.
 */
import type { Token, TokenLayer } from '../../text';
import { tokensIn } from '../../text';
import type { ActorRef } from './hit';
import type { MatchingRules } from './rules';
import { slugify } from './text';

/** Why a run was read as a name: the context rule that recognised it. */
export type NameEvidence = 'honorific' | 'title' | 'appositive' | 'cue' | 'possessive' | 'organization';

export interface FoundName {
  start: number;
  end: number;
  name: string;
  id: string;
  type: 'person' | 'organization';
  evidence: NameEvidence;
  gender?: 'male' | 'female';
  /** For names found by an appositive ("Chen Mingguo, director of the X Bureau"): where the appositive ends. */
  appositiveEnd?: number;
  /** For names found by a title: where the title phrase starts ("Chinese Foreign Ministry spokesperson Lin Jian"). */
  titleStart?: number;
  /** For organisations: where the head noun ends ("Russian International Affairs Council" of "… Council on …"). */
  headEnd?: number;
}

const NAME_WORD = /^\p{Lu}\p{Ll}+(?:['’-]\p{Lu}?\p{Ll}+)*$/u;
const INITIAL = /^\p{Lu}\.$/u;

const UPPER = /^\p{Lu}/u;
/** A capital first letter: ASCII by code, others by the Unicode property. */
const isCapital = (code: number, text: string): boolean => (code < 128 ? code >= 65 && code <= 90 : UPPER.test(text));

/** A capitalised word ("Borrell", "Thomas-Greenfield", "O'Brien"). */
export const isNameWord = (word: string): boolean => NAME_WORD.test(word);
/** A capitalised word or an acronym ("US-China", "NATO"), as in the phrase after an organisation's head. */
const isNameWordOrAcronym = (word: string): boolean => /^\p{Lu}[\p{L}\p{N}'’-]*$/u.test(word);

/** Parts of speech a name's tokens may carry (taggers call unknown names nouns or adjectives too). */
const NAME_POS = new Set(['PROPN', 'NOUN', 'ADJ', 'X']);
/** Parts of speech a phrase between a title and a name may hold: "ambassadors to the US". */
const TITLE_PHRASE_POS = new Set(['ADP', 'DET', 'PROPN', 'NOUN', 'ADJ', 'PART', 'PUNCT']);
const CONNECTORS = new Set(['of', 'on', 'for', 'and']);
/** How many tokens before a name a title is looked for. */
const TITLE_REACH = 7;

/** A word of a name: one token, or tokens joined by hyphens with no space ("Thomas-Greenfield"). */
interface Word {
  start: number;
  end: number;
  text: string;
  tokens: Token[];
}

function wordsOf(layer: TokenLayer, tokens: Token[]): Word[] {
  const words: Word[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const joined: Token[] = [t];
    while (tokens[i + 2] && tokens[i + 1]!.text === '-' && tokens[i + 1]!.start === joined.at(-1)!.end && tokens[i + 2]!.start === tokens[i + 1]!.end && tokens[i + 2]!.shape === 'word') {
      joined.push(tokens[i + 1]!, tokens[i + 2]!);
      i += 2;
    }
    const start = joined[0]!.start;
    const end = joined.at(-1)!.end;
    words.push({ start, end, text: layer.text.slice(start, end), tokens: joined });
  }
  return words;
}

interface Context {
  layer: TokenLayer;
  words: Word[];
  rules: MatchingRules;
  /** The registered actor a mention over [start, end) names, if any. */
  registeredAt: (start: number, end: number) => ActorRef | undefined;
  headline: boolean;
  /** The sentence's span. */
  from: number;
  to: number;
}

const lemmaOf = (w: Word): string => (w.tokens.length === 1 ? w.tokens[0]!.lemma : w.text.toLowerCase());
const honorificOf = (w: Word | undefined, rules: MatchingRules) => (w ? rules.honorifics.get(w.text.replace(/\.$/, '')) : undefined);

/** Role nouns by their last word, longest first; built once per rules object. */
const roleNounsByLast = new WeakMap<MatchingRules, Map<string, string[][]>>();

function roleNounIndex(rules: MatchingRules): Map<string, string[][]> {
  let index = roleNounsByLast.get(rules);
  if (!index) {
    index = new Map();
    for (const noun of rules.roleNouns) {
      const last = noun[noun.length - 1]!;
      (index.get(last) ?? index.set(last, []).get(last)!).push(noun);
    }
    roleNounsByLast.set(rules, index);
  }
  return index;
}

/** Length in words of the role noun ending at word `end`, compared by lemma (last word) and lower case; 0 if none. */
function roleNounEndingAt(words: Word[], end: number, rules: MatchingRules): number {
  const last = words[end];
  if (!last) return 0;
  const index = roleNounIndex(rules);
  const lemma = lemmaOf(last);
  const lower = last.text.toLowerCase();
  for (const key of lemma === lower ? [lemma] : [lemma, lower]) {
    for (const noun of index.get(key) ?? []) {
      const start = end - noun.length + 1;
      if (start < 0) continue;
      if (noun.slice(0, -1).every((w, k) => words[start + k]!.text.toLowerCase() === w)) return noun.length;
    }
  }
  return 0;
}

function genderOfRole(w: Word | undefined, rules: MatchingRules): 'male' | 'female' | undefined {
  return w ? rules.genderedRoleNouns.get(w.text.toLowerCase()) : undefined;
}

const isSpace = (layer: TokenLayer, a: Word, b: Word): boolean => layer.text.slice(a.end, b.start) === ' ';

/** Maximal runs [i, j] of capitalised words (initials inside), single spaces apart, no stop word. */
function capitalisedRuns(c: Context): [number, number][] {
  const runs: [number, number][] = [];
  const { words, rules, layer } = c;
  const capital = (w: Word) => isNameWord(w.text) && !rules.nameStopWords.has(w.text.replace(/\.$/, ''));
  for (let i = 0; i < words.length; i++) {
    if (!capital(words[i]!)) continue;
    let j = i;
    while (words[j + 1] && isSpace(layer, words[j]!, words[j + 1]!) && (capital(words[j + 1]!) || (INITIAL.test(words[j + 1]!.text) && words[j + 2] && capital(words[j + 2]!)))) j++;
    runs.push([i, j]);
    i = j;
  }
  return runs;
}

/** Is word `k` part of a title (honorific, role noun, organisation word) or a registered mention? */
function isTitleWord(c: Context, k: number): boolean {
  const w = c.words[k]!;
  return honorificOf(w, c.rules) !== undefined || roleNounEndingAt(c.words, k, c.rules) > 0 || c.rules.organizationWords.has(w.text) || c.registeredAt(w.start, w.end) !== undefined;
}

const isPhraseWord = (w: Word): boolean => w.tokens.every((t) => TITLE_PHRASE_POS.has(t.pos)) && !/^[,.:;"“”()]$/.test(w.text);

/** Index of a role noun before word `i` within TITLE_REACH tokens, across a phrase of nouns, prepositions and determiners only. */
function titleBefore(c: Context, i: number): number | undefined {
  for (let k = i - 1, steps = 0; k >= 0 && steps < TITLE_REACH; k--, steps++) {
    const w = c.words[k]!;
    if (roleNounEndingAt(c.words, k, c.rules) > 0) return k;
    if (w.text === ',' && k === i - 1) continue;
    if (!isPhraseWord(w)) return undefined;
  }
  return undefined;
}

/** Start of the title phrase whose role noun is word `k`: its modifiers before it ("Chinese Foreign Ministry spokesperson"), at most TITLE_REACH words. */
function titlePhraseStart(c: Context, k: number): number {
  let first = k - roleNounEndingAt(c.words, k, c.rules) + 1;
  for (let steps = 0; first > 0 && steps < TITLE_REACH; steps++) {
    const w = c.words[first - 1]!;
    // "Russian and Chinese ambassadors": modifiers joined by "and" belong to the title.
    const joined = w.text === 'and' && first >= 2 && isPhraseWord(c.words[first - 2]!);
    if (!joined && (!isPhraseWord(w) || w.tokens.some((t) => t.pos === 'ADP' || t.pos === 'DET'))) break;
    first--;
  }
  return c.words[first]!.start;
}

/**
 * The appositive role after word `j`: ", a researcher at", ", director of", ", Senior
 * Fellow, Hudson Institute" (up to four words before the role noun); the offset where
 * the appositive ends.
 */
function appositiveAfter(c: Context, j: number, sentenceEnd: number): number | undefined {
  const { words, rules, layer } = c;
  if (words[j + 1]?.text !== ',') return undefined;
  for (let k = j + 2; k < Math.min(words.length, j + 6); k++) {
    if (!words[k]!.tokens.every((t) => t.shape === 'word')) return undefined;
    if (roleNounEndingAt(words, k, rules) > 0) {
      const rest = layer.text.slice(words[k]!.end, sentenceEnd);
      const clause = rest.search(/[,;]/);
      return clause < 0 ? sentenceEnd : words[k]!.end + clause;
    }
  }
  return undefined;
}

function genderInAppositive(c: Context, j: number, end: number): 'male' | 'female' | undefined {
  for (let k = j + 1; k < c.words.length && c.words[k]!.end <= end; k++) {
    const gender = genderOfRole(c.words[k], c.rules);
    if (gender) return gender;
  }
  return undefined;
}

const isCueVerb = (w: Word | undefined, rules: MatchingRules): boolean =>
  w !== undefined && w.tokens.length === 1 && w.tokens[0]!.pos === 'VERB' && rules.nameCues.has(w.tokens[0]!.lemma);

/** A speech verb right after the run, right before it, or "according to" before it. */
function cueBeside(c: Context, i: number, j: number): boolean {
  const { words, rules } = c;
  if (isCueVerb(words[j + 1], rules)) return true;
  if (isCueVerb(words[i - 1], rules)) return true;
  // Set off by commas right before the verb: "A top Republican senator who also attended the conference, Lindsey Graham, said …".
  if (words[i - 1]?.text === ',' && words[j + 1]?.text === ',' && isCueVerb(words[j + 2], rules)) return true;
  return words[i - 1]?.text.toLowerCase() === 'to' && words[i - 2]?.text.toLowerCase() === 'according';
}

/** "CNN's Dana Bash": a registered organisation's possessive right before the run. */
function organizationPossessiveBefore(c: Context, i: number): boolean {
  const s = c.words[i - 1];
  const owner = c.words[i - 2];
  if (!s || !owner || (s.text !== "'s" && s.text !== '’s')) return false;
  const actor = c.registeredAt(owner.start, owner.end);
  return actor !== undefined && actor.type !== 'person' && actor.type !== 'state';
}

function organizationAt(c: Context, i: number, j: number): FoundName | undefined {
  const { words, rules, layer } = c;
  let head = -1;
  for (let k = i; k <= j; k++) if (rules.organizationHeads.has(words[k]!.text)) head = k;
  if (head < 0) return undefined;
  // The organisation ends at its head, or after an "of/on/for" phrase that follows it
  // ("Committee on US-China Relations"); capitalised words after the head stay for a name.
  let end = head;
  if (head === j && words[j + 1] && CONNECTORS.has(words[j + 1]!.text) && words[j + 2] && isNameWordOrAcronym(words[j + 2]!.text) && !rules.nameStopWords.has(words[j + 2]!.text)) {
    let k = j + 2;
    const capitalised = (w: Word | undefined): boolean => w !== undefined && isNameWordOrAcronym(w.text) && !rules.nameStopWords.has(w.text);
    for (;;) {
      if (capitalised(words[k + 1]) && isSpace(layer, words[k]!, words[k + 1]!)) k++;
      // "Center for Strategic and Budgetary Assessments", "Institute of World Economy and International Relations"
      else if (words[k + 1] && CONNECTORS.has(words[k + 1]!.text) && capitalised(words[k + 2])) k += 2;
      else break;
    }
    end = k;
  }
  const span = words.slice(i, end + 1);
  const own = span.filter((w) => /^\p{Lu}/u.test(w.text) && !rules.organizationWords.has(w.text) && !rules.organizationHeads.has(w.text) && !c.registeredAt(w.start, w.end));
  if (span.length < 2 || own.length === 0) return undefined;
  const start = span[0]!.start;
  const stop = span.at(-1)!.end;
  // A line that is nothing but the name is page furniture ("World News", "Other News"), not a mention.
  if (layer.text.slice(c.from, c.to).replace(/[\s.:|]+$/u, '').trim() === layer.text.slice(start, stop)) return undefined;
  const name = layer.text.slice(start, stop);
  return { start, end: stop, name, id: `unregistered:${slugify(name)}`, type: 'organization', evidence: 'organization', headEnd: words[head]!.end };
}

function personAt(c: Context, i: number, j: number, sentenceStart: number, sentenceEnd: number): FoundName | undefined {
  const { words, rules, layer } = c;
  // Leading title words are not part of the name: "Deputy Foreign Minister Andrei Rudenko".
  let first = i;
  for (let k = i; k <= j; k++) if (isTitleWord(c, k)) first = k + 1;
  if (first > j) return undefined;
  let last = j;
  const name = words.slice(first, last + 1);
  if (name.some((w) => rules.organizationWords.has(w.text) || c.registeredAt(w.start, w.end))) return undefined;
  // A place, not a person: "Silicon Valley", "Los Angeles".
  if (rules.placeHeads.has(name.at(-1)!.text) || rules.placePrefixes.has(name[0]!.text.replace(/\.$/, ''))) return undefined;
  if (!name.some((w) => w.tokens.some((t) => t.pos === 'PROPN'))) return undefined;
  // A sentence's first word is capitalised whatever it is: only a proper noun opens a name there. Both tests give way
  // to an appositive role after a name of two words: the tagger reads "Pan" of "Pan Dawei, Director of the Center …" as a verb.
  const tagged = name.every((w) => w.tokens.every((t) => NAME_POS.has(t.pos) || INITIAL.test(t.text))) && !(words[first]!.start === sentenceStart && words[first]!.tokens[0]!.pos !== 'PROPN');
  if (!tagged && !(name.length === 2 && name[1]!.tokens.every((t) => t.pos === 'PROPN') && appositiveAfter(c, j, sentenceEnd) !== undefined)) return undefined;

  const before = words[first - 1];
  const honorific = honorificOf(before, rules);
  let evidence: NameEvidence | undefined;
  let gender: 'male' | 'female' | undefined = honorific || undefined;
  let appositiveEnd: number | undefined;
  let titleStart: number | undefined;
  if (honorific !== undefined) evidence = 'honorific';
  else {
    let title: number | undefined;
    for (let k = first - 1; k >= i && title === undefined; k--) if (roleNounEndingAt(words, k, rules) > 0) title = k;
    title ??= titleBefore(c, first);
    if (title !== undefined) {
      evidence = 'title';
      gender = genderOfRole(words[title], rules);
      titleStart = titlePhraseStart(c, title);
    } else if ((appositiveEnd = appositiveAfter(c, last, sentenceEnd)) !== undefined) {
      evidence = 'appositive';
      gender = genderInAppositive(c, last, appositiveEnd);
    }
    else if (!c.headline && first === i && cueBeside(c, first, last)) evidence = 'cue';
    else if (first === i && organizationPossessiveBefore(c, first)) evidence = 'possessive';
  }
  if (!evidence) return undefined;
  const length = last - first + 1;
  if (length === 1 && evidence !== 'honorific') return undefined;
  // A long capitalised run holds more than a name ("East Asia Daniel Kritenbrink"): its last two words are the name.
  if (length > 4 || (length > 3 && evidence === 'cue')) return undefined;
  if (length === 4) first = last - 1;
  const start = words[first]!.start;
  const end = words[last]!.end;
  const text = layer.text.slice(start, end);
  return { start, end, name: text, id: `unregistered:${slugify(text)}`, type: 'person', evidence, ...(gender ? { gender } : {}), ...(appositiveEnd !== undefined ? { appositiveEnd } : {}), ...(titleStart !== undefined ? { titleStart } : {}) };
}

/**
 * Names of people and organisations the registry lacks in [from, to) (one sentence).
 * `registeredAt(start, end)` gives the registered actor a mention over the span names.
 */
export function findNames(
  layer: TokenLayer,
  from: number,
  to: number,
  rules: MatchingRules,
  registeredAt: (start: number, end: number) => ActorRef | undefined,
  headline = false,
): FoundName[] {
  // Most sentences name no one the registry lacks: without a capitalised proper noun outside registered mentions (every name and
  // organisation read below holds one) there is nothing to read.
  const tokens = tokensIn(layer, from, to);
  if (!tokens.some((t) => t.pos === 'PROPN' && isCapital(t.text.charCodeAt(0), t.text) && !registeredAt(t.start, t.end))) return [];
  const words = wordsOf(layer, tokens);
  const c: Context = { layer, words, rules, registeredAt, headline, from, to };
  const found: FoundName[] = [];
  const take = (name: FoundName | undefined): void => {
    if (name && !found.some((f) => f.start < name.end && name.start < f.end)) found.push(name);
  };
  for (const [i, j] of capitalisedRuns(c)) {
    const organization = organizationAt(c, i, j);
    take(organization);
    const rest = organization ? words.findIndex((w) => w.start >= organization.end) : i;
    if (rest >= 0 && rest <= j) take(personAt(c, rest, j, from, to));
  }
  return found;
}
