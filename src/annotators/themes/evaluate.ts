/**
 * Evaluation against hand-coded sentences: per-theme precision, recall and F1, and
 * the codebook's own examples checked.
 */
import { z } from 'zod';
import { loadYaml } from '../../data';
import { themesOf } from './code';
import type { Codebook } from './codebook';

/** One hand-coded sentence. */
export interface GoldSentence {
  article_id: string;
  sentence: number;
  text: string;
  /** Theme ids a careful reader codes the sentence with (may be empty). */
  themes: string[];
}

const goldSchema = z
  .object({
    sentences: z
      .array(
        z
          .object({
            article_id: z.string().min(1),
            sentence: z.number().int().min(0),
            text: z.string().min(1),
            themes: z.array(z.string().min(1)).default([]),
          })
          .strict(),
      )
      .min(1),
  })
  .passthrough();

/** Reads a gold file (YAML: `sentences: [{article_id, sentence, text, themes}]`). */
export function loadGold(file: string): GoldSentence[] {
  return loadYaml(file, goldSchema).sentences;
}

export interface ThemeScore {
  theme: string;
  /** Sentences coded with the theme by both the gold standard and the codebook. */
  tp: number;
  /** Coded by the codebook only. */
  fp: number;
  /** Coded by the gold standard only. */
  fn: number;
  /** tp / (tp + fp); null when the codebook coded nothing. */
  precision: number | null;
  /** tp / (tp + fn); null when the gold standard has no such sentence. */
  recall: number | null;
  f1: number | null;
}

export interface ThemeEvaluation {
  sentences: number;
  themes: ThemeScore[];
  /** Pooled over every theme (counts summed first). */
  micro: ThemeScore;
  /** Sentences where the codebook and the gold standard disagree. */
  disagreements: { article_id: string; sentence: number; missed: string[]; extra: string[] }[];
}

/** Precision, recall and F1 of one theme (or pooled counts) from its counts. */
export function themeScore(theme: string, tp: number, fp: number, fn: number): ThemeScore {
  const precision = tp + fp > 0 ? tp / (tp + fp) : null;
  const recall = tp + fn > 0 ? tp / (tp + fn) : null;
  let f1: number | null = null;
  if (precision !== null && recall !== null) f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { theme, tp, fp, fn, precision, recall, f1 };
}

/** Codes each gold sentence's text and compares theme sets, sentence by sentence. */
export function evaluateThemes(gold: readonly GoldSentence[], codebook: Codebook): ThemeEvaluation {
  const ids = [...new Set([...codebook.themes.map((t) => t.id), ...gold.flatMap((g) => g.themes)])];
  const counts = new Map(ids.map((id) => [id, { tp: 0, fp: 0, fn: 0 }]));
  const disagreements: ThemeEvaluation['disagreements'] = [];
  for (const g of gold) {
    const expected = new Set(g.themes);
    const coded = new Set(themesOf(g.text, codebook));
    for (const id of ids) {
      const c = counts.get(id)!;
      if (expected.has(id) && coded.has(id)) c.tp++;
      else if (coded.has(id)) c.fp++;
      else if (expected.has(id)) c.fn++;
    }
    const missed = [...expected].filter((t) => !coded.has(t));
    const extra = [...coded].filter((t) => !expected.has(t));
    if (missed.length || extra.length) disagreements.push({ article_id: g.article_id, sentence: g.sentence, missed, extra });
  }
  const themes = ids.map((id) => {
    const c = counts.get(id)!;
    return themeScore(id, c.tp, c.fp, c.fn);
  });
  const sum = (k: 'tp' | 'fp' | 'fn') => themes.reduce((n, t) => n + t[k], 0);
  return { sentences: gold.length, themes, micro: themeScore('(micro)', sum('tp'), sum('fp'), sum('fn')), disagreements };
}

export interface ExampleFailure {
  theme: string;
  kind: 'example' | 'counter_example';
  text: string;
}

/** Examples not coded with their theme and counter-examples that are: empty when the codebook is consistent. */
export function checkExamples(codebook: Codebook): ExampleFailure[] {
  const failures: ExampleFailure[] = [];
  for (const theme of codebook.themes) {
    for (const text of theme.examples) if (!themesOf(text, codebook).includes(theme.id)) failures.push({ theme: theme.id, kind: 'example', text });
    for (const text of theme.counter_examples) if (themesOf(text, codebook).includes(theme.id)) failures.push({ theme: theme.id, kind: 'counter_example', text });
  }
  return failures;
}
