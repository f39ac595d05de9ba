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

export function resolvePronoun(article: Article, mentions: readonly Mention[], offset: number, gender?: 'male' | 'female'): Mention | undefined {
  const paragraph = article.paragraphs.findIndex((p) => p.start <= offset && offset < p.end);
  const from = paragraph < 0 ? 0 : article.paragraphs[Math.max(0, paragraph - PRONOUN_REACH)]!.start;
  let best: Mention | undefined;
  for (const m of mentions) {
    if (m.actor_type !== 'person' || m.end > offset || m.start < from) continue;
    if (gender && m.gender && m.gender !== gender) continue;
    if (!best || m.start > best.start) best = m;
  }
  return best;
}
