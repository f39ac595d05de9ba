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
 * 3. Unregistered people named with a title (unregistered.ts), with the country of
 *    the nearest state or organisation mentioned beside them.
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
import { isHeadlineCase, sentenceIndexAt, wordsOf } from './text';
import { findTitledNames, type FoundName } from './unregistered';

/** How far (characters, same sentence) the country of an unregistered person is looked for. */
export const COUNTRY_REACH = 80;

/**
 * Country of an unregistered person: the nearest state or organisation mentioned
 * before the name in its sentence (within COUNTRY_REACH characters, no other person
 * between: "EU foreign policy chief Josep Borrell"), else one inside its appositive
 * ("Chen Mingguo, director of the Xinjiang Public Security Bureau"); "" otherwise.
 */
function inferCountry(name: FoundName, hits: readonly Hit[], sentence: { start: number; end: number }): string {
  const inSentence = hits.filter((h) => h.start >= sentence.start && h.end <= sentence.end).sort((a, b) => a.start - b.start);
  let country = '';
  for (const h of inSentence) {
    if (h.end > name.start || name.start - h.end > COUNTRY_REACH) continue;
    if (h.actor.type === 'person') country = '';
    else if (h.actor.country) country = h.actor.country;
  }
  if (country || name.appositiveEnd === undefined) return country;
  const inAppositive = inSentence.find((h) => h.start >= name.end && h.end <= name.appositiveEnd! && h.actor.type !== 'person' && h.actor.country);
  return inAppositive?.actor.country ?? '';
}

export function findMentions(article: Article, registry: Registry): Mention[] {
  const text = article.norm;
  const { rules } = registry;
  const sentenceOf = (offset: number) => article.sentences[sentenceIndexAt(article, offset)];
  const headline = new Map<number, boolean>();
  const isHeadline = (offset: number): boolean => {
    const s = sentenceOf(offset);
    if (!s) return false;
    if (!headline.has(s.index)) headline.set(s.index, isHeadlineCase(text.slice(s.start, s.end)));
    return headline.get(s.index)!;
  };

  // 1–2. Registered forms (the longest at each word start), places dropped.
  const words = wordsOf(text);
  const matched = registry.lexicon.forms.longestMatches(text, words).flatMap((m) => {
    const actor = registry.byId.get(m.form.actorId);
    return actor ? [{ ...m, actor }] : [];
  });
  const notMetonymPlaces = matched.filter(
    (m) => !(m.form.metonym && metonymIsPlace(text, m.start, m.end, rules, isHeadline(m.start))) && !(m.form.seat && afterPlacePreposition(text, m.start, rules)),
  );
  const starts = new Set(notMetonymPlaces.map((m) => m.start));
  const isCountryName = (m: { actor: Actor; form: SurfaceForm }): boolean => m.actor.type === 'state' && !m.form.metonym && m.form.kind !== 'adjective';
  const registered = notMetonymPlaces.filter((m) => !(isCountryName(m) && countryIsPlace(text, m.start, m.end, rules, (o) => starts.has(o))));
  const hits: Hit[] = registered.map((m) => ({ start: m.start, end: m.end, actor: actorRef(m.actor), kind: m.form.kind }));

  // 3. Unregistered people with a title; one actor record per person, with the first country found for any mention.
  const unregistered = new Map<string, ActorRef>();
  for (const sentence of article.sentences) {
    const names = findTitledNames(text, sentence.start, sentence.end, rules, (s, e) => hits.some((h) => overlaps(h, s, e)));
    for (const name of names) {
      const country = inferCountry(name, hits, sentence);
      let actor = unregistered.get(name.id);
      if (!actor) unregistered.set(name.id, (actor = { id: name.id, name: article.text.slice(name.start, name.end), type: 'person', country, unregistered: true }));
      actor.country ||= country;
      hits.push({ start: name.start, end: name.end, kind: 'name', actor });
    }
  }

  // 4. Surnames; 5. role phrases.
  const sentenceStarts = new Set(article.sentences.map((s) => s.start));
  hits.push(...findSurnames(text, hits, rules, (o) => sentenceStarts.has(o)));
  hits.push(...findRoleMentions(text, words, registry.lexicon, registry.actors, article.published, hits));

  return hits
    .sort((a, b) => a.start - b.start || b.end - a.end)
    .map((h): Mention => {
      const mention: Mention = {
        article_id: article.article_id,
        sentence: sentenceIndexAt(article, h.start),
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
