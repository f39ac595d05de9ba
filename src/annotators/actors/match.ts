/**
 * Finds actor mentions in an article, on `article.norm` (same offsets as the text;
 * straight quotes, plain spaces). In order:
 *
 * 1. Registered forms, longest match first at each word start: names, aliases,
 *    metonyms, adjectives. Word boundaries on both sides, so "Russian" is not found
 *    in "Belarussian" and "US" not in "us"; possessives and hyphenated pairs fall
 *    out of the boundaries ("Russia's" covers "Russia"; "China-Russia" is two).
 * 2. Places are dropped: capitals used as places, countries introducing a place
 *    (see places.ts).
 * 3. People and organisations the registry lacks, recognised by their context
 *    (names.ts), with the country of the state or organisation beside them.
 * 4. Surnames of people named in full in the article (surnames.ts).
 * 5. Role phrases resolved through dated roles (roles.ts).
 */
import type { Article } from '../../corpus/types';
import type { Mention } from '../types';
import type { Hit, ActorRef } from './hit';
import { actorRef, overlaps } from './hit';
import type { SurfaceForm } from './lexicon';
import { afterPlacePreposition, countryIsPlace, metonymIsPlace } from './places';
import type { Actor, Registry } from './registry';
import { findRoleMentions } from './roles';
import { findSurnames } from './surnames';
import { isHeadlineCase } from './text';
import { sentenceAt } from '../../corpus/segment';
import { wordsOfLayer } from './lexicon';
import { findNames, type FoundName } from './names';
import { firstEndingAfter, tokensOf, type TokenLayer } from '../../text';
import { lowerBound } from '../positions';

/**
 * Country of an unregistered person: that of the states and organisations named in
 * its title phrase ("Chinese Foreign Ministry spokesperson Lin Jian") or, failing
 * that, in its appositive ("Chen Mingguo, director of the Xinjiang Public Security
 * Bureau"). A state after "to", "in" or "at" is where the person serves, not whose
 * ("ambassador to the US"); two different countries in the phrase leave it unknown
 * ("Russian and Chinese ambassadors"). "" otherwise: a name beside a speech verb says
 * nothing of its country.
 */
function inferCountry(name: FoundName, hits: HitsByPosition, text: string, rules: Registry['rules']): string {
  const countriesIn = (from: number, to: number): Set<string> => {
    const codes = new Set<string>();
    for (const h of hits.within(from, to)) {
      if (h.actor.type === 'person' || !h.actor.country) continue;
      const before = /(\p{L}+)\s+(?:the\s+)?$/iu.exec(text.slice(Math.max(from, h.start - 12), h.start))?.[1]?.toLowerCase();
      if (before && (rules.locative.has(before) || rules.directional.has(before))) continue;
      codes.add(h.actor.country);
    }
    return codes;
  };
  for (const [from, to] of [[name.titleStart, name.start], [name.end, name.appositiveEnd]] as const) {
    if (from === undefined || to === undefined) continue;
    const codes = countriesIn(from, to);
    if (codes.size === 1) return [...codes][0]!;
    if (codes.size > 1) return '';
  }
  return '';
}

/**
 * The hits of the registered forms, then the names found sentence by sentence, by
 * position: a name takes the place of the hits inside it. `all()` gives them in the
 * order an array would hold them after the same removals and additions (the registered
 * ones left, then the names in the order found), which decides the order of mentions
 * sharing a span.
 */
class HitsByPosition {
  private readonly registered: { hit: Hit; at: number }[];
  private readonly starts: number[];
  private readonly removed = new Set<Hit>();
  private readonly names: Hit[] = [];
  private namesInOrder = true;

  constructor(private readonly initial: readonly Hit[]) {
    this.registered = initial.map((hit, at) => ({ hit, at })).sort((a, b) => a.hit.start - b.hit.start || a.at - b.at);
    this.starts = this.registered.map((r) => r.hit.start);
  }

  /** The hits inside [from, to] (start >= from, end <= to), in array order. */
  within(from: number, to: number): Hit[] {
    const found: { hit: Hit; at: number }[] = [];
    for (let k = lowerBound(this.starts, from); k < this.registered.length && this.registered[k]!.hit.start <= to; k++) {
      const r = this.registered[k]!;
      if (r.hit.end <= to && !this.removed.has(r.hit)) found.push(r);
    }
    const out = found.sort((a, b) => a.at - b.at).map((r) => r.hit);
    // Names are found in text order, so those inside lie at the end; asked of all only if they came out of order.
    if (this.namesInOrder) {
      let k = this.names.length;
      while (k > 0 && this.names[k - 1]!.start >= from) k--;
      for (; k < this.names.length; k++) if (this.names[k]!.start >= from && this.names[k]!.end <= to) out.push(this.names[k]!);
    } else out.push(...this.names.filter((h) => h.start >= from && h.end <= to));
    return out;
  }

  remove(hits: readonly Hit[]): void {
    for (const h of hits) {
      // a name inside a later one lies near the end of the names
      const at = this.names.lastIndexOf(h);
      if (at >= 0) this.names.splice(at, 1);
      else this.removed.add(h);
    }
  }

  add(hit: Hit): void {
    const last = this.names.at(-1);
    if (last && hit.start < last.start) this.namesInOrder = false;
    this.names.push(hit);
  }

  all(): Hit[] {
    return [...this.initial.filter((h) => !this.removed.has(h)), ...this.names];
  }
}

/** Parts of speech after a military noun that make it a modifier ("Russian military aid"), not the head. */
const MODIFIED_POS = new Set(['NOUN', 'PROPN', 'ADJ', 'NUM']);

/**
 * "the Chinese military and …", "Russia's military said", "the Ukrainian army will":
 * a state's adjective or possessive, then a military noun that heads its phrase, name
 * the state's armed forces (matching-rules.yaml: military_nouns, armed_forces). The
 * state's own mention stays.
 */
function armedForcesMentions(layer: TokenLayer, hits: readonly Hit[], registry: Registry): Hit[] {
  const { rules } = registry;
  const out: Hit[] = [];
  for (const h of hits) {
    if (h.actor.type !== 'state') continue;
    const forces = registry.byId.get(rules.armedForces.get(h.actor.country) ?? '');
    if (!forces) continue;
    // The noun follows the adjective after one space, or the possessive's "'s".
    let i = firstEndingAfter(layer.tokens, h.end);
    const next = layer.tokens[i];
    if (next?.lower === "'s" && next.start === h.end) i++;
    else if (next?.start !== h.end + 1 || layer.text[h.end] !== ' ') continue;
    for (const noun of rules.militaryNouns) {
      if (!noun.every((w, k) => layer.tokens[i + k]?.lower === w)) continue;
      const last = layer.tokens[i + noun.length - 1]!;
      const next = layer.tokens[i + noun.length];
      if (next && MODIFIED_POS.has(next.pos) && !/^\p{P}/u.test(next.text)) break;
      out.push({ start: h.start, end: last.end, actor: actorRef(forces), kind: 'alias' });
      break;
    }
  }
  return out;
}

/** An unregistered organisation's country: that of the one state named before its head ("Chinese Embassy"), else "". */
function organizationCountry(name: FoundName, inside: readonly Hit[]): string {
  const codes = new Set(inside.filter((h) => h.end <= (name.headEnd ?? name.end) && h.actor.country).map((h) => h.actor.country));
  return codes.size === 1 ? [...codes][0]! : '';
}

export function findMentions(article: Article, registry: Registry): Mention[] {
  const text = article.norm;
  const layer = tokensOf(article);
  const { rules } = registry;
  const sentenceOf = (offset: number) => (article.sentences.length > 0 ? sentenceAt(article, offset) : undefined);
  const headline = new Map<number, boolean>();
  const isHeadline = (offset: number): boolean => {
    const s = sentenceOf(offset);
    if (!s) return false;
    if (!headline.has(s.index)) headline.set(s.index, isHeadlineCase(layer, s.start, s.end));
    return headline.get(s.index)!;
  };

  // 1–2. Registered forms (the longest at each word start), places dropped.
  const words = wordsOfLayer(layer);
  const matched: { start: number; end: number; form: SurfaceForm; actor: Actor }[] = [];
  for (const m of registry.lexicon.forms.longestMatches(layer, words)) {
    const actor = registry.byId.get(m.form.actorId);
    if (actor) matched.push({ start: m.start, end: m.end, form: m.form, actor });
  }
  const notMetonymPlaces = matched.filter(
    (m) => !(m.form.metonym && metonymIsPlace(layer, m.start, m.end, rules, isHeadline(m.start))) && !(m.form.seat && afterPlacePreposition(layer, m.start, rules)),
  );
  const starts = new Set(notMetonymPlaces.map((m) => m.start));
  const isCountryName = (m: { actor: Actor; form: SurfaceForm }): boolean => m.actor.type === 'state' && !m.form.metonym && m.form.kind !== 'adjective';
  const registered = notMetonymPlaces.filter((m) => !(isCountryName(m) && countryIsPlace(layer, m.start, m.end, rules, (o) => starts.has(o))));
  const hits: Hit[] = registered.map((m) => ({ start: m.start, end: m.end, actor: actorRef(m.actor), kind: m.form.kind }));

  // 3. People and organisations the registry lacks (names.ts), on the text layer; one
  // actor record per name, with the first country found for any of its mentions. A
  // state named inside an organisation's name ("Hong Kong Zhi Ming Institute") is
  // the organisation's country, not a mention of its own.
  const unregistered = new Map<string, ActorRef>();
  // Registered mentions by start (they do not overlap each other): the first ending after `s` is the only one that can overlap [s, e).
  const registeredSorted = [...hits].sort((a, b) => a.start - b.start);
  const registeredAt = (s: number, e: number): ActorRef | undefined => {
    const h = registeredSorted[firstEndingAfter(registeredSorted, s)];
    return h && h.start < e ? h.actor : undefined;
  };
  // Surnames of the registered people the article names in full: "Mr Lavrov" after "Sergei Lavrov" is his (step 4), no new person.
  const namedSurnames = new Set(hits.filter((h) => h.actor.type === 'person' && h.kind === 'name').map((h) => registry.byId.get(h.actor.id)?.surname ?? h.actor.name.split(/\s+/).at(-1)!));
  // The hits so far by position, for the names' questions ("which hits lie inside this name"): the registered
  // ones (a name found replaces those inside it) and the names found, in text order.
  const current = new HitsByPosition(hits);
  for (const sentence of article.sentences) {
    const names = findNames(layer, sentence.start, sentence.end, rules, registeredAt, isHeadline(sentence.start));
    for (const name of names) {
      if (name.type === 'person' && namedSurnames.has(text.slice(name.start, name.end))) continue;
      const inside = current.within(name.start, name.end);
      if (inside.some((h) => h.actor.type !== 'state')) continue;
      const country = name.type === 'organization' ? organizationCountry(name, inside) : inferCountry(name, current, text, rules);
      current.remove(inside);
      let actor = unregistered.get(name.id);
      if (!actor) unregistered.set(name.id, (actor = { id: name.id, name: article.text.slice(name.start, name.end), type: name.type, country, unregistered: true, ...(name.gender ? { gender: name.gender } : {}) }));
      actor.country ||= country;
      current.add({ start: name.start, end: name.end, kind: 'name', actor });
    }
  }
  const kept = current.all();
  hits.length = 0;
  for (const h of kept) hits.push(h);

  // 3b. A state's armed forces by its adjective or possessive and a military noun heading the phrase.
  hits.push(...armedForcesMentions(layer, hits, registry));

  // 4. Surnames; 5. role phrases.
  const sentenceStarts = new Set(article.sentences.map((s) => s.start));
  hits.push(...findSurnames(layer, hits, rules, (o) => sentenceStarts.has(o), { actors: registry.actors, date: article.published }));
  hits.push(...findRoleMentions(layer, words, registry.lexicon, registry.actors, article.published, hits));

  return hits
    .sort((a, b) => a.start - b.start || b.end - a.end)
    .map((h): Mention => {
      const mention: Mention = {
        article_id: article.article_id,
        sentence: sentenceAt(article, h.start).index,
        start: h.start,
        end: h.end,
        surface: article.text.slice(h.start, h.end),
        actor_id: h.actor.id,
        actor: h.actor.name,
        actor_type: h.actor.type,
        country: h.actor.country,
        kind: h.kind,
      };
      if (h.actor.unregistered) mention.unregistered = true;
      if (h.actor.gender) mention.gender = h.actor.gender;
      return mention;
    });
}
