import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { runReport, type RunSummary } from '../src/report/run';
import { fnv1a, parseShard, shardOf } from '../src/report/shard';
import { writeBenchCorpus } from '../scripts/bench/corpus';
import { readParquetDataset, SEEDS } from './helpers';

const tmp = () => mkdtempSync(join(tmpdir(), 'srkit-shard-'));
const csv = (out: string, table: string) => parse(readFileSync(join(out, 'tables', `${table}.csv`), 'utf8'), { columns: true }) as Record<string, string>[];

describe('report --shard i/n', () => {
  let single: RunSummary;
  let shards: RunSummary[];
  beforeAll(async () => {
    const corpus = tmp();
    await writeBenchCorpus(corpus, 40, 11);
    single = await runReport({ corpus, out: tmp(), charts: false });
    shards = [];
    for (const index of [1, 2, 3]) shards.push(await runReport({ corpus, out: tmp(), charts: false, shard: { index, count: 3 } }));
  });

  it('splits the corpus into 3 disjoint, non-empty slices that together are the whole corpus', () => {
    const ids = shards.map((s) => csv(s.out, 'articles').map((r) => r.article_id!));
    for (const slice of ids) expect(slice.length).toBeGreaterThan(0);
    const all = ids.flat();
    expect(new Set(all).size).toBe(all.length);
    expect([...all].sort()).toEqual(csv(single.out, 'articles').map((r) => r.article_id).sort());
    expect(shards.map((s) => s.shard)).toEqual(['1/3', '2/3', '3/3']);
    expect(single.shard).toBeUndefined();
  });

  it("merged shards' Parquet statements give the single run's statements per speaker country per year", async () => {
    // what the README's DuckDB query does: GROUP BY year, coalesce(nullif(speaker_country, ''), 'unknown')
    const merged = new Map<string, number>();
    for (const shard of shards) {
      const rows = await readParquetDataset(join(shard.out, 'parquet', 'statements'));
      for (const s of rows) {
        const date = String(s.date ?? '');
        const year = /^\d{4}-\d{2}/.test(date) ? date.slice(0, 4) : 'undated';
        const key = `${year},${(s.speaker_country as string) || 'unknown'}`;
        merged.set(key, (merged.get(key) ?? 0) + 1);
      }
    }
    const expected = new Map(
      csv(single.out, 'statements_by_country')
        .filter((r) => r.period_type === 'year' && r.count !== '0')
        .map((r) => [`${r.period},${r.speaker_country}`, Number(r.count)]),
    );
    expect(expected.size).toBeGreaterThan(3);
    expect(Object.fromEntries([...merged].sort())).toEqual(Object.fromEntries([...expected].sort()));
    const total = shards.reduce((n, s) => n + s.parquet.find((t) => t.name === 'statements')!.rows, 0);
    expect(total).toBe(single.tables.find((t) => t.name === 'statements')!.rows);
  });

  it('assigns inputs by a stable FNV-1a hash of their path', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(shardOf('corpus.jsonl:7', 3)).toBe(1 + (fnv1a('corpus.jsonl:7') % 3));
    expect(shardOf('corpus.jsonl:7', 1)).toBe(1);
  });

  it('refuses shard specs outside 1..N', async () => {
    expect(parseShard(' 2/8 ')).toEqual({ index: 2, count: 8 });
    for (const bad of ['0/3', '4/3', '1/0', 'a/b', '2', '-1/3']) expect(() => parseShard(bad), bad).toThrow(/--shard must be I\/N/);
    const run = await runReport({ corpus: SEEDS, out: tmp(), charts: false, shard: { index: 1, count: 1 } });
    expect(run.articles).toBe(5);
  });
});
