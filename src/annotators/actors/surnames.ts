/**
 * A surname alone ("Wang", "Lavrov") resolves within its article to the person last
 * named in full before it — "Wang" is Wang Wenbin in one article and Wang Yi in
 * another — or, when the full name only comes later (a headline), to the first
 * person named in full after it. Surnames of people never named in full in the
 * article are not read: "Wang" alone says too little.
 */
import type { MatchingRules } from './rules';
import type { Hit } from './hit';
import { overlaps } from './hit';
import { atWordBoundaries } from './text';

function occurrences(text: string, surname: string): number[] {
  const out: number[] = [];
  const caps = surname.toUpperCase();
  for (const variant of caps === surname ? [surname] : [surname, caps]) {
    for (let i = text.indexOf(variant); i >= 0; i = text.indexOf(variant, i + 1)) {
      if (atWordBoundaries(text, i, i + variant.length)) out.push(i);
    }
  }
  return out.sort((a, b) => a - b);
}

/**
 * The registry's surname, else the last word of the name. For unregistered people
 * the first word too: the order of family and given names is unknown ("Chen
 * Mingguo" is Chen, "Josep Borrell" is Borrell).
 */
function surnamesOf(h: Hit): string[] {
  const words = h.actor.name.split(/\s+/);
  if (h.actor.unregistered) return [...new Set([words[0]!, words.at(-1)!])];
  return [h.actor.surname ?? words.at(-1)!];
}

/**
 * Surname mentions of the people named in full among `hits` (kind "name").
 * `sentenceStart(offset)` says whether an offset opens a sentence.
 */
export function findSurnames(text: string, hits: readonly Hit[], rules: MatchingRules, sentenceStart: (offset: number) => boolean): Hit[] {
  const fullNames = hits.filter((h) => h.actor.type === 'person' && h.kind === 'name').sort((a, b) => a.start - b.start);
  const bySurname = new Map<string, Hit[]>();
  for (const h of fullNames) {
    for (const surname of surnamesOf(h)) bySurname.set(surname, [...(bySurname.get(surname) ?? []), h]);
  }
  const found: Hit[] = [];
  for (const [surname, named] of bySurname) {
    for (const start of occurrences(text, surname)) {
      const end = start + surname.length;
      if (hits.some((h) => overlaps(h, start, end)) || found.some((h) => overlaps(h, start, end))) continue;
      if (rules.commonWordSurnames.has(surname) && sentenceStart(start)) continue;
      let antecedent: Hit | undefined;
      for (const h of named) if (h.end <= start) antecedent = h;
      antecedent ??= named[0]!;
      found.push({ start, end, actor: antecedent.actor, kind: 'surname' });
    }
  }
  return found;
}
