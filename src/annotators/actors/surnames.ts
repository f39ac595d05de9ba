/**
 * A surname alone ("Wang", "Lavrov") resolves within its article to the person last
 * named in full before it — "Wang" is Wang Wenbin in one article and Wang Yi in
 * another — or, when the full name only comes later (a headline), to the first
 * person named in full after it. Surnames of people never named in full in the
 * article are not read: "Wang" alone says too little.
 */
import type { MatchingRules } from './rules';
import type { Hit } from './hit';
import { Coverage, lowerBound } from '../positions';
import { endsToken, startsToken, type TokenLayer } from '../../text';
import { actorRef } from './hit';
import { rolesOn, type Actor } from './registry';

/** Where the surname (or its capitals) stands as whole tokens of the text layer: "Putin's" holds "Putin", "Putinism" does not. */
function occurrences(layer: TokenLayer, surname: string, indexed: boolean): number[] {
  const text = layer.text;
  const out: number[] = [];
  const caps = surname.toUpperCase();
  if (!indexed) {
    // A search of the text: the faster way while the text times the surnames stays small (see INDEXED_WORK).
    for (const variant of caps === surname ? [surname] : [surname, caps]) {
      for (let i = text.indexOf(variant); i >= 0; i = text.indexOf(variant, i + 1)) {
        if (startsToken(layer, i) && endsToken(layer, i + variant.length)) out.push(i);
      }
    }
    return out;
  }
  const byText = tokenStarts(layer);
  for (const variant of caps === surname ? [surname] : [surname, caps]) {
    // A match starts at a token and ends at one, so the token it starts with is a prefix of it: look those up.
    for (let k = 1; k <= variant.length; k++) {
      for (const i of byText.get(variant.slice(0, k)) ?? []) {
        if (text.startsWith(variant, i) && endsToken(layer, i + variant.length)) out.push(i);
      }
    }
  }
  return out;
}

/** Characters searched (text length × surnames) above which surnames are looked up in the token index: an article of 100k characters naming 100 people. */
const INDEXED_WORK = 1e7;

/** Where each token's text starts, by the text (a layer's index, built once): surnames are looked up by it, not searched for in the whole text. */
const tokenStartIndexes = new WeakMap<TokenLayer, Map<string, number[]>>();
function tokenStarts(layer: TokenLayer): Map<string, number[]> {
  let index = tokenStartIndexes.get(layer);
  if (!index) {
    index = new Map();
    for (const t of layer.tokens) {
      if (t.end <= t.start) continue;
      const key = layer.text.slice(t.start, t.end);
      (index.get(key) ?? index.set(key, []).get(key)!).push(t.start);
    }
    tokenStartIndexes.set(layer, index);
  }
  return index;
}

/**
 * The registry's surname, else the last word of the name; for a registered name whose
 * family name comes first, the given name too (sources mistake it for the surname).
 * For unregistered people both: the order of family and given names is unknown
 * ("Chen Mingguo" is Chen, "Josep Borrell" is Borrell).
 */
function surnamesOf(h: Hit, text: string): string[] {
  const words = h.actor.name.split(/\s+/);
  if (h.actor.unregistered) return [...new Set([words[0]!, words.at(-1)!])];
  // A name whose family name comes first ("Zhao Lijian", "Qin Gang"): copy that takes the
  // given name for the surname ("Lijian underlined", "Gang said") means the same person.
  if (h.actor.surname && words.length === 2 && words[0] === h.actor.surname) return [h.actor.surname, words[1]!];
  const registered = h.actor.surname ?? words.at(-1)!;
  // The article's own spelling of the name too: "Vasily Nebenzya", then "Nebenzya" (the registry's Nebenzia).
  const spelt = /\p{Lu}[\p{L}'’-]+$/u.exec(text.slice(h.start, h.end))?.[0];
  return spelt && spelt !== registered && spelt.length > 2 ? [registered, spelt] : [registered];
}

/** Registered people by surname, for the surnames that name one person only; built once per registry. */
const uniqueSurnames = new WeakMap<readonly Actor[], Map<string, Actor>>();

function onlyBearer(actors: readonly Actor[], surname: string): Actor | undefined {
  let index = uniqueSurnames.get(actors);
  if (!index) {
    const bearers = new Map<string, Actor[]>();
    for (const a of actors) if (a.type === 'person' && a.surname) bearers.set(a.surname, [...(bearers.get(a.surname) ?? []), a]);
    index = new Map([...bearers].filter(([, list]) => list.length === 1).map(([name, list]) => [name, list[0]!]));
    uniqueSurnames.set(actors, index);
  }
  return index.get(surname);
}

/**
 * Registered people an article names by surname only ("the medal from Putin"): the
 * surname must belong to one registered person alone, who holds at the article's
 * date (any of the person's roles when the article has no date) a role that news copy
 * names by surname alone (`surname_alone_roles`), and the article must mention that
 * person's country. "Wang" names several people and stays
 * unread; a former leader's or a spokesperson's surname needs the full name.
 */
function surnameOnlyPeople(layer: TokenLayer, hits: readonly Hit[], actors: readonly Actor[], date: string, named: ReadonlySet<string>, rules: MatchingRules): Hit[] {
  const candidates = surnameAloneCandidates(actors, rules);
  if (candidates.length === 0) return [];
  const countries = new Set<string>();
  for (const h of hits) if (h.actor.type !== 'person') countries.add(h.actor.country);
  const out: Hit[] = [];
  for (const a of candidates) {
    if (named.has(a.id) || !countries.has(a.country) || !layer.text.includes(a.surname!)) continue;
    // An undated page (a scraped copy without its date line): a role the person held at any time in the registry.
    if ((date ? rolesOn(a, date) : a.roles).some((r) => rules.surnameAloneRoles.has(r.role))) out.push({ start: -1, end: -1, actor: actorRef(a), kind: 'name' });
  }
  return out;
}

/** The registered people whose surname is theirs alone and who ever hold a role named by surname alone; built once per registry. */
const candidatesByRegistry = new WeakMap<readonly Actor[], Actor[]>();

function surnameAloneCandidates(actors: readonly Actor[], rules: MatchingRules): Actor[] {
  let list = candidatesByRegistry.get(actors);
  if (!list) {
    list = actors.filter((a) => a.type === 'person' && a.surname && onlyBearer(actors, a.surname) === a && a.roles.some((r) => rules.surnameAloneRoles.has(r.role)));
    candidatesByRegistry.set(actors, list);
  }
  return list;
}

/** Names and aliases of the registry's states and organisations, built once per registry. */
const institutionsByRegistry = new WeakMap<readonly Actor[], Set<string>>();

function institutionNames(actors: readonly Actor[]): Set<string> {
  let names = institutionsByRegistry.get(actors);
  if (!names) {
    names = new Set(actors.filter((a) => a.type !== 'person').flatMap((a) => [a.name, ...a.aliases]));
    institutionsByRegistry.set(actors, names);
  }
  return names;
}

/**
 * Surname mentions of the people named in full among `hits` (kind "name"), and of
 * registered people named by surname only (see surnameOnlyPeople).
 * `sentenceStart(offset)` says whether an offset opens a sentence.
 */
export function findSurnames(
  layer: TokenLayer,
  hits: readonly Hit[],
  rules: MatchingRules,
  sentenceStart: (offset: number) => boolean,
  registry?: { actors: readonly Actor[]; date: string },
): Hit[] {
  const fullNames = hits.filter((h) => h.actor.type === 'person' && h.kind === 'name').sort((a, b) => a.start - b.start);
  const bySurname = new Map<string, Hit[]>();
  // A word that names a registered state or organisation is no one's surname alone: "Jordan" after "Jordan Bardella" is still no person.
  const institutions = registry ? institutionNames(registry.actors) : new Set<string>();
  for (const h of fullNames) {
    for (const surname of surnamesOf(h, layer.text)) if (!(h.actor.unregistered && institutions.has(surname))) bySurname.set(surname, [...(bySurname.get(surname) ?? []), h]);
  }
  if (registry) {
    const named = new Set(fullNames.map((h) => h.actor.id));
    for (const h of surnameOnlyPeople(layer, hits, registry.actors, registry.date, named, rules)) if (!bySurname.has(h.actor.surname!)) bySurname.set(h.actor.surname!, [h]);
  }
  const found: Hit[] = [];
  // The hits and the surnames found by position: an overlap costs a binary search, not a scan of every mention.
  const sorted = [...hits].sort((a, b) => a.start - b.start);
  const starts = sorted.map((h) => h.start);
  const reach: number[] = [];
  for (const h of sorted) reach.push(Math.max(reach.at(-1) ?? -Infinity, h.end));
  const overlapsHit = (start: number, end: number) => {
    const k = lowerBound(starts, end) - 1;
    return k >= 0 && reach[k]! > start;
  };
  const taken = new Coverage(layer.text.length);
  // Searching the text for each surname costs text × surnames: past INDEXED_WORK the token index answers instead (same occurrences).
  const indexed = layer.text.length * bySurname.size > INDEXED_WORK;
  for (const [surname, named] of bySurname) {
    for (const start of occurrences(layer, surname, indexed).sort((a, b) => a - b)) {
      const end = start + surname.length;
      if (overlapsHit(start, end) || taken.any(start, end)) continue;
      if (rules.commonWordSurnames.has(surname) && sentenceStart(start)) continue;
      found.push({ start, end, actor: antecedentOf(named, start).actor, kind: 'surname' });
      taken.cover(start, end);
    }
  }
  return found;
}

/** The last of `named` (in text order) that ends by `start`, else the first: whom a surname there refers to. */
function antecedentOf(named: readonly Hit[], start: number): Hit {
  let [lo, hi] = [0, named.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (named[mid]!.start <= start) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo - 1; k >= 0; k--) if (named[k]!.end <= start && named[k]!.start >= 0) return named[k]!;
  return named[0]!;
}
