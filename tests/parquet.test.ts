import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet';
import { beforeAll, describe, expect, it } from 'vitest';
import { runReport, type RunSummary } from '../src/report/run';
import { ParquetTableWriter } from '../src/tables/parquet';
import { SENTENCES } from '../src/tables/schema';
import { readParquetDataset, SEED, SEEDS } from './helpers';

const tmp = () => mkdtempSync(join(tmpdir(), 'srkit-pq-'));

async function readParquet(file: string): Promise<Record<string, unknown>[]> {
  return parquetReadObjects({ file: await asyncBufferFromFile(file) });
}

function readCsv(file: string): Record<string, string>[] {
  return parse(readFileSync(file, 'utf8'), { columns: true }) as Record<string, string>[];
}

describe('Parquet tables', () => {
  let summary: RunSummary;
  beforeAll(async () => {
    // formula guard off: the CSV then holds exactly the values the Parquet holds
    summary = await runReport({ corpus: SEEDS, out: tmp(), charts: false, formulaGuard: false });
  });

  it.each(['sentences', 'mentions', 'statements', 'themes'])('parquet/%s/ holds the same rows as %s.csv', async (table) => {
    const csv = readCsv(join(summary.out, 'tables', `${table}.csv`));
    const pq = await readParquetDataset(join(summary.out, 'parquet', table));
    expect(csv.length).toBeGreaterThan(0);
    expect(pq.length).toBe(csv.length);
    expect(summary.parquet.find((t) => t.name === table)?.rows).toBe(csv.length);
    // every cell, as the CSV writes it
    const asCsv = pq.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === null ? '' : String(v)])));
    expect(asCsv).toEqual(csv);
  });

  it('keeps exact texts, offsets and integer columns (the Kyiv Post article’s first sentence)', async () => {
    const pq = await readParquetDataset(join(summary.out, 'parquet', 'sentences'));
    const first = pq.find((r) => r.article_id === SEED.kyivPost && r.sentence === 0);
    expect(first).toEqual({
      article_id: SEED.kyivPost,
      sentence: 0,
      paragraph: 0,
      start: 0,
      end: 188,
      text: 'China vowed Wednesday it would not accept "criticism or pressure" over its ties with Russia, after Washington warned that it will hold Beijing responsible if Moscow makes gains in Ukraine.',
    });
    expect(pq.filter((r) => r.article_id === SEED.kyivPost && r.sentence === 0)).toHaveLength(1);
    const statements = await readParquetDataset(join(summary.out, 'parquet', 'statements'));
    const mao = statements.filter((s) => s.text === 'China and Russia have the right to engage in normal economic and trade cooperation');
    expect(mao.map((s) => s.article_id)).toEqual([SEED.kyivPost]);
  });

  it('writes no Parquet with parquet: false', async () => {
    const run = await runReport({ corpus: SEEDS, out: tmp(), charts: false, parquet: false });
    expect(existsSync(join(run.out, 'parquet'))).toBe(false);
    expect(run.parquet).toEqual([]);
    expect(existsSync(join(run.out, 'tables', 'sentences.csv'))).toBe(true);
  });

  it('flushes one row group per `rowGroupRows` rows and stores empty cells as null', async () => {
    const file = join(tmp(), 'sentences.parquet');
    const writer = new ParquetTableWriter(file, SENTENCES, 2);
    writer.write([{ article_id: 'a', sentence: 0, paragraph: 0, start: 0, end: 3, text: 'One' }]);
    writer.write([
      { article_id: 'a', sentence: 1, paragraph: 0, start: 4, end: 7, text: 'Two' },
      { article_id: 'a', sentence: 2, paragraph: 1, start: 8, end: 13 },
    ]);
    writer.write([{ article_id: 'b', sentence: 0, paragraph: 0, start: 0, end: 4, text: '=1+1' }]);
    writer.close();
    const metadata = await parquetMetadataAsync(await asyncBufferFromFile(file));
    expect(metadata.row_groups.map((g) => Number(g.num_rows))).toEqual([3, 1]);
    const rows = await readParquet(file);
    expect(rows.map((r) => r.text)).toEqual(['One', 'Two', null, '=1+1']);
    expect(rows.map((r) => r.end)).toEqual([3, 7, 13, 4]);
  });
});
