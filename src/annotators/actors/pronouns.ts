/**
 * Pronouns are left to the statements module, which knows which pronoun opens a
 * statement; this helper gives it the antecedent.
 */
import type { Article } from '../../corpus/types';
import type { Mention } from '../types';

/**
 * The person a pronoun at `offset` refers to: the nearest person mention before it
 * in the article whose gender is compatible (same, or unknown on either side).
 * The search reaches back at most PRONOUN_REACH paragraphs before the pronoun's own
 * (short news paragraphs often chain "he said", "he added", "he warned"); undefined
 * when no person is mentioned there.
 */
export const PRONOUN_REACH = 3;

/** A mention list's persons in text order, by the gender a pronoun allows, with their starts (built once per list). */
interface PersonIndex {
  any: Mention[];
  male: Mention[];
  female: Mention[];
}
const indexes = new WeakMap<readonly Mention[], PersonIndex>();

function personIndex(mentions: readonly Mention[]): PersonIndex {
  let index = indexes.get(mentions);
  if (!index) {
    // By start, ties in the list's order: the scan this replaces kept the first of equal starts.
    const persons = mentions.map((m, i) => ({ m, i })).filter(({ m }) => m.actor_type === 'person').sort((a, b) => a.m.start - b.m.start || a.i - b.i).map(({ m }) => m);
    index = { any: persons, male: persons.filter((m) => m.gender !== 'female'), female: persons.filter((m) => m.gender !== 'male') };
    indexes.set(mentions, index);
  }
  return index;
}

/** Index of the first item of `list` (by start) whose start is at least `pos`. */
function firstFrom(list: readonly Mention[], pos: number, key: (m: Mention) => number): number {
  let [lo, hi] = [0, list.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(list[mid]!) < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function resolvePronoun(article: Article, mentions: readonly Mention[], offset: number, gender?: 'male' | 'female'): Mention | undefined {
  const paragraphs = article.paragraphs;
  // The paragraph holding the offset, by binary search (paragraphs are in text order and do not overlap).
  const at = firstFrom(paragraphs as unknown as Mention[], offset + 1, (p) => p.start) - 1;
  const paragraph = at >= 0 && offset < paragraphs[at]!.end ? at : -1;
  const from = paragraph < 0 ? 0 : paragraphs[Math.max(0, paragraph - PRONOUN_REACH)]!.start;
  const index = personIndex(mentions);
  const list = gender === 'male' ? index.male : gender === 'female' ? index.female : index.any;
  // The latest start among persons ending by `offset` and starting at `from` or later, read backwards
  // from the offset (so the cost is the few mentions nearest it); of equal starts, the first in the list.
  let best: Mention | undefined;
  for (let i = firstFrom(list, offset + 1, (m) => m.start) - 1; i >= 0 && list[i]!.start >= from; i--) {
    const m = list[i]!;
    if (best && m.start < best.start) break;
    if (m.end <= offset) best = m;
  }
  return best;
}
