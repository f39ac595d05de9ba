/**
 * Reader of gold files in the devset format (tests/fixtures/devset/README.md): one
 * object per article with its publication date, statements and actors. Validated on
 * load; errors name the file and the article.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { validateData } from '../data';
import { KitError } from '../errors';

const goldStatementSchema = z
  .object({
    speaker: z.string(),
    speaker_type: z.enum(['person', 'state', 'organization', 'unnamed']),
    speaker_country: z.string(),
    cue: z.string(),
    kind: z.enum(['direct', 'mixed', 'indirect']),
    quote: z.string().min(1),
    required: z.boolean(),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    themes: z.array(z.string()).default([]),
  })
  .passthrough();

const goldArticleSchema = z
  .object({
    file: z.string().min(1),
    url: z.string().default(''),
    outlet: z.string().default(''),
    published: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    published_evidence: z.string().default(''),
    statements: z.array(goldStatementSchema).default([]),
    excluded: z.array(z.object({ why: z.string(), quote: z.string() }).passthrough()).default([]),
    actors: z.array(z.string().min(1)).default([]),
  })
  .passthrough();

export const devsetGoldSchema = z.array(goldArticleSchema);
export type GoldArticle = z.output<typeof goldArticleSchema>;
export type GoldStatement = z.output<typeof goldStatementSchema>;

/** Reads a devset-format gold file (a JSON array of articles). */
export function loadDevsetGold(file: string): GoldArticle[] {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new KitError(`${file}: cannot read gold file as JSON (${(e as Error).message})`, 'invalid-data', file);
  }
  return validateData(data, devsetGoldSchema, file);
}

/** The article id the corpus reader gives a gold article's file ("01_x.txt" -> "01_x"). */
export function goldArticleId(gold: GoldArticle): string {
  return gold.file.replace(/\.[^./]+$/, '');
}

/** Characters two spans share. */
export function overlap(a: [number, number], b: [number, number]): number {
  return Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]));
}

/** Where a gold fragment stands in the article text (cleaning may fold white space, so spaces match any run). */
export function locate(text: string, fragment: string): [number, number] | undefined {
  const at = text.indexOf(fragment);
  if (at >= 0) return [at, at + fragment.length];
  const pattern = new RegExp(fragment.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'), 'u');
  const m = pattern.exec(text);
  return m ? [m.index, m.index + m[0].length] : undefined;
}
