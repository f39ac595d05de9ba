import { z } from 'zod';
import { loadYaml } from '../../data';
import type { Statement } from '../types';

const goldSchema = z
  .object({
    version: z.union([z.string(), z.number()]),
    statements: z.array(
      z
        .object({
          article_id: z.string().min(1),
          sentence: z.number().int().min(0),
          speaker_id: z.string(),
          kind: z.enum(['direct', 'mixed', 'indirect']),
          date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
        })
        .strict(),
    ),
  })
  .strict();

export type GoldStatement = z.infer<typeof goldSchema>['statements'][number];

export function loadGoldStatements(file: string): GoldStatement[] {
  return loadYaml(file, goldSchema).statements;
}

export interface StatementScores {
  gold: number;
  predicted: number;
  matched: number;
  precision: number;
  recall: number;
  f1: number;
  /** Of matched statements, the share with the gold speaker id. */
  speakerAccuracy: number;
  /** Of matched statements, the share with the gold kind. */
  kindAccuracy: number;
  /** Of matched statements with a gold date, the share with that date. */
  dateAccuracy: number;
  misses: GoldStatement[];
  spurious: Statement[];
  wrongSpeaker: { gold: GoldStatement; predicted: Statement }[];
}

/**
 * Scores predicted statements against a hand-annotated gold list. A prediction
 * matches a gold statement in the same article starting in the same sentence
 * (one-to-one; the same speaker is paired first when a sentence holds several).
 */
export function evaluateStatements(gold: readonly GoldStatement[], predicted: readonly Statement[], articles?: ReadonlySet<string>): StatementScores {
  const pool = predicted.filter((p) => !articles || articles.has(p.article_id));
  const unused = new Set(pool);
  const pairs: { gold: GoldStatement; predicted: Statement }[] = [];
  const misses: GoldStatement[] = [];
  for (const g of gold) {
    const candidates = pool.filter((p) => unused.has(p) && p.article_id === g.article_id && p.sentence === g.sentence);
    const pick = candidates.find((p) => p.speaker_id === g.speaker_id) ?? candidates[0];
    if (!pick) {
      misses.push(g);
      continue;
    }
    unused.delete(pick);
    pairs.push({ gold: g, predicted: pick });
  }
  const share = (n: number, d: number) => (d === 0 ? 0 : n / d);
  const precision = share(pairs.length, pool.length);
  const recall = share(pairs.length, gold.length);
  const dated = pairs.filter((p) => p.gold.date);
  return {
    gold: gold.length,
    predicted: pool.length,
    matched: pairs.length,
    precision,
    recall,
    f1: share(2 * precision * recall, precision + recall),
    speakerAccuracy: share(pairs.filter((p) => p.predicted.speaker_id === p.gold.speaker_id).length, pairs.length),
    kindAccuracy: share(pairs.filter((p) => p.predicted.kind === p.gold.kind).length, pairs.length),
    dateAccuracy: share(dated.filter((p) => p.predicted.date === p.gold.date).length, dated.length),
    misses,
    spurious: [...unused],
    wrongSpeaker: pairs.filter((p) => p.predicted.speaker_id !== p.gold.speaker_id),
  };
}
