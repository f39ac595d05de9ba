import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runReport } from '../src/report/run';
import { AnnotatorPool } from '../src/report/parallel';
import { loadCorpus } from '../src/corpus';
import { writeBenchCorpus } from '../scripts/bench/corpus';
import { SEED, SEEDS } from './helpers';

const tmp = () => mkdtempSync(join(tmpdir(), 'srkit-par-'));

function tables(out: string): Record<string, string> {
  const dir = join(out, 'tables');
  return Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

describe('runReport({ workers })', () => {
  it('writes byte-identical tables with 2 workers and with 1 on the seeds', async () => {
    const one = await runReport({ corpus: SEEDS, out: tmp(), charts: false });
    const two = await runReport({ corpus: SEEDS, out: tmp(), charts: false, workers: 2 });
    const a = tables(one.out);
    const b = tables(two.out);
    expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
    for (const name of Object.keys(a)) expect(b[name], name).toBe(a[name]);
    expect(two.read).toEqual(one.read);
    expect(two.warnings).toEqual(one.warnings);
    // the statements table really has the seeds' rows (not two empty files)
    expect(a['statements.csv']!.split('\n').filter((l) => l.includes(SEED.ap)).length).toBeGreaterThan(0);
  });

  it('keeps input order when batches go to different workers (32 generated articles, 4 batches)', async () => {
    const dir = tmp();
    await writeBenchCorpus(dir, 32, 7);
    const one = await runReport({ corpus: dir, out: tmp(), charts: false });
    const two = await runReport({ corpus: dir, out: tmp(), charts: false, workers: 2 });
    const a = tables(one.out);
    const b = tables(two.out);
    for (const name of Object.keys(a)) expect(b[name], name).toBe(a[name]);
    const ids = a['articles.csv']!.split('\n').slice(1, 4).map((l) => l.split(',')[0]);
    expect(ids).toEqual(['bench-000000', 'bench-000001', 'bench-000002']);
  });

  it('spreads batches over the workers and returns each article’s annotations', async () => {
    const { articles } = await loadCorpus(SEEDS);
    const pool = await AnnotatorPool.start(2, {});
    try {
      const [first, second] = await Promise.all([pool.annotate(articles.slice(0, 2)), pool.annotate(articles.slice(2, 3))]);
      expect(first!.map((r) => r.statements[0]?.article_id)).toEqual([SEED.kyivPost, SEED.ap]);
      expect(second!.map((r) => r.statements[0]?.article_id)).toEqual([SEED.newsweek]);
      expect(second![0]!.statements.some((s) => s.article_id === SEED.ap)).toBe(false);
    } finally {
      await pool.close();
    }
  });

  it('refuses a worker count that is not a whole number from 1 to 64', async () => {
    await expect(runReport({ corpus: SEEDS, out: tmp(), charts: false, workers: 0.5 })).rejects.toThrow(/workers must be a whole number from 1 to 64, got 0.5/);
    await expect(AnnotatorPool.start(65, {})).rejects.toThrow(/got 65/);
  });
});
