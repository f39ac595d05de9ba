import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runReport } from '../src/report/run';
import { processCorpus, ProcessorPool } from '../src/report/parallel';
import { OutputCache, pipelineFingerprint } from '../src/report/cache';
import { Logger } from '../src/logger';
import { readCorpusInputs, type CorpusInput } from '../src/corpus';
import type { InputResult, ProcessorOptions } from '../src/report/article-output';
import { DEFAULT_WINDOW } from '../src/tables/periods';
import type { StatementKey } from '../src/tables/statements';
import { writeBenchCorpus } from '../scripts/bench/corpus';
import { SEED, SEEDS } from './helpers';

type Input = Extract<CorpusInput, { kind: 'input' }>;

const tmp = () => mkdtempSync(join(tmpdir(), 'srkit-par-'));

function tables(out: string): Record<string, string> {
  const dir = join(out, 'tables');
  return Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

describe('processCorpus with workers', () => {
  const good: ProcessorOptions = { pipeline: {}, window: DEFAULT_WINDOW, formulaGuard: true, parquet: true };
  const notUsed = (): never => {
    throw new Error('the calling thread processes nothing when there are workers');
  };

  it('starts them only for inputs to process: a re-run the cache serves whole starts none', async () => {
    const out = tmp();
    await runReport({ corpus: SEEDS, out, charts: false });
    const broken: ProcessorOptions = { ...good, pipeline: { codebook: join(out, 'missing-codebook.yaml') } };
    const read = (logger: Logger) => readCorpusInputs(SEEDS, { logger });
    const cache = OutputCache.open(out, tmp(), pipelineFingerprint({}, good));
    const kinds: string[] = [];
    for await (const item of processCorpus(read, { workers: 2, processor: notUsed, processorOptions: broken, logger: new Logger(), cache })) kinds.push(item.kind);
    expect(kinds).toEqual(['cached-segment']);
    // with inputs to process, workers that cannot load their data files fail the run, naming the file
    const run = async () => {
      for await (const _ of processCorpus(read, { workers: 2, processor: notUsed, processorOptions: broken, logger: new Logger() }));
    };
    await expect(run()).rejects.toThrow(/could not start.*missing-codebook\.yaml/);
  });
});

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

  it('spreads batches over the workers and returns each article’s output', async () => {
    const inputs: Input[] = [];
    for await (const input of readCorpusInputs(SEEDS)) if (input.kind === 'input') inputs.push(input);
    const pool = await ProcessorPool.start(2, { pipeline: {}, window: DEFAULT_WINDOW, formulaGuard: true, parquet: false });
    try {
      const [first, second] = await Promise.all([pool.process(inputs.slice(0, 2)), pool.process(inputs.slice(2, 3))]);
      const statementIds = (r: InputResult) => (r.kind === 'article' ? (r.output.tallies.statements as StatementKey[]).map((k) => k.article_id) : []);
      expect(first!.map((r) => statementIds(r)[0])).toEqual([SEED.kyivPost, SEED.ap]);
      expect(second!.map((r) => statementIds(r)[0])).toEqual([SEED.newsweek]);
      expect(statementIds(second![0]!)).not.toContain(SEED.ap);
      // CSV lines come back formatted: one record per statement, each of this article
      const chunk = second![0]!.kind === 'article' ? second![0]!.output.tables.statements! : undefined;
      const records = parseCsv(chunk!.csv) as string[][];
      expect(records).toHaveLength(chunk!.rows);
      expect(records.length).toBeGreaterThan(0);
      expect(records.every((r) => r[0]!.startsWith(`${SEED.newsweek}#`))).toBe(true);
      expect(chunk!.parquet).toBeUndefined();
    } finally {
      await pool.close();
    }
  });

  it('refuses a worker count that is not a whole number from 1 to 64', async () => {
    await expect(runReport({ corpus: SEEDS, out: tmp(), charts: false, workers: 0.5 })).rejects.toThrow(/workers must be a whole number from 1 to 64, got 0.5/);
    await expect(ProcessorPool.start(65, { pipeline: {}, window: DEFAULT_WINDOW, formulaGuard: true, parquet: false })).rejects.toThrow(/got 65/);
  });
});
