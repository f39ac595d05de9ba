import { mkdtempSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import fc from 'fast-check';
import { expect } from 'vitest';
import type { DataFrame } from 'danfojs-node';
import { loadDanfo } from '../src/tables/frame';

export const SEEDS = resolve(__dirname, '..', 'seeds');

/** The seeds' article ids, by the outlet they come from. */
export const SEED = {
  kyivPost: '000_6c805811b0115857',
  ap: '001_a6909c2cfd527a08',
  newsweek: '002_85751d1f4b45d821',
  dw: '003_ba9e1a6144e27da5',
  newsmax: '004_3e01f6d52798d3e2',
} as const;

/** A fresh temporary folder holding the given files (path -> text or bytes). */
export function tempCorpus(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'srkit-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

/** Compares a DataFrame with plain columns, arquero-style: `expectTable(df, { a: [1, 2] })`. */
export function expectTable(df: DataFrame, columns: Record<string, unknown[]>): void {
  const json = loadDanfo().toJSON(df) as Record<string, unknown>[];
  const actual = Object.fromEntries(Object.keys(columns).map((c) => [c, json.map((r) => r[c])]));
  expect(actual).toEqual(columns);
}

/** Every row of a Parquet dataset folder (OUT/parquet/TABLE), its parts read in order, as DuckDB's read_parquet('TABLE/*.parquet') does. */
export async function readParquetDataset(dir: string): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  for (const part of readdirSync(dir).filter((f) => f.endsWith('.parquet')).sort()) rows.push(...(await parquetReadObjects({ file: await asyncBufferFromFile(join(dir, part)) })));
  return rows;
}

/**
 * Texts for scanner property tests: the given awkward pieces (apostrophes, hyphens,
 * non-Latin scripts, astral and lone surrogates) and short random UTF-16 strings, joined.
 */
export function textOfPieces(pieces: readonly string[], maxPieces = 30): fc.Arbitrary<string> {
  const piece = fc.oneof(fc.constantFrom(...pieces), fc.string({ unit: 'binary', maxLength: 4 }));
  return fc.array(piece, { maxLength: maxPieces }).map((parts) => parts.join(''));
}
