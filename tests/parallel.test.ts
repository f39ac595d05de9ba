import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runReport } from '../src/report/run';
import { processCorpus, ProcessorPool } from '../src/report/parallel';
import { OutputCache, pipelineFingerprint } from '../src/report/cache';
import { Logger } from '../src/logger';
import { readCorpusInputs } from '../src/corpus';
import { createInputProcessor, type ProcessorOptions } from '../src/report/article-output';
import { buildSegment, type BuiltSegment } from '../src/report/segment-builder';
import { inputKey, type PendingItem } from '../src/report/segments';
import { DEFAULT_WINDOW } from '../src/tables/periods';
import { writeBenchCorpus } from '../scripts/bench/corpus';
import { SEED, SEEDS } from './helpers';

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
    for await (const item of processCorpus(read, { workers: 2, processor: notUsed, processorOptions: broken, targets: { out: tmp(), parquet: true }, logger: new Logger(), cache })) kinds.push(item.kind);
    expect(kinds).toEqual(['cached-segment']);
    // with inputs to process, workers that cannot load their data files fail the run, naming the file
    const run = async () => {
      for await (const _ of processCorpus(read, { workers: 2, processor: notUsed, processorOptions: broken, targets: { out: tmp(), parquet: true }, logger: new Logger() }));
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

  it('builds whole segments on the workers, each the same as on the calling thread', async () => {
    const items: PendingItem[] = [];
    for await (const input of readCorpusInputs(SEEDS)) if (input.kind === 'input') items.push({ input, warnings: [], key: inputKey(input) });
    const options: ProcessorOptions = { pipeline: {}, window: DEFAULT_WINDOW, formulaGuard: true, parquet: true };
    const [onWorkers, here] = [tmp(), tmp()];
    const pool = await ProcessorPool.start(2, options);
    const requests = [
      { index: 0, key: 'first', items: items.slice(0, 2).map((pending) => ({ pending })), targets: { out: onWorkers, parquet: true } },
      { index: 1, key: 'second', items: items.slice(2, 3).map((pending) => ({ pending })), targets: { out: onWorkers, parquet: true } },
    ];
    let built: BuiltSegment[];
    try {
      built = await Promise.all(requests.map((r) => pool.build(r)));
    } finally {
      await pool.close();
    }
    const processor = createInputProcessor(options);
    const expected = requests.map((r) => buildSegment({ id: 0, ...r, targets: { out: here, parquet: true } }, processor));
    const text = (segment: BuiltSegment) => Object.fromEntries(Object.entries(segment.tables).map(([name, t]) => [name, [t.rows, Buffer.from(t.csv).toString('utf8')]]));
    for (const [i, segment] of built.entries()) {
      expect(segment.index).toBe(i);
      expect(segment.files).toEqual(expected[i]!.files);
      expect(text(segment)).toEqual(text(expected[i]!));
      expect(segment.aggregates).toEqual(expected[i]!.aggregates);
    }
    expect(built[1]!.files).toEqual([items[2]!.input.kind === 'input' ? items[2]!.input.raw.file : '']);
    // CSV lines come back formatted: one record per statement, each of the segment's one article
    const statements = built[1]!.tables.statements!;
    const records = parseCsv(Buffer.from(statements.csv)) as string[][];
    expect(records).toHaveLength(statements.rows);
    expect(records.length).toBeGreaterThan(0);
    expect(records.every((r) => r[0]!.startsWith(`${SEED.newsweek}#`))).toBe(true);
    expect(built[0]!.tables.statements!.rows).toBeGreaterThan(0);
    expect(Buffer.from(built[0]!.tables.statements!.csv).toString('utf8')).not.toContain(`${SEED.newsweek}#`);
    // each worker wrote its segment's Parquet parts where the run's folder keeps them, the same bytes as here
    for (const part of ['part-00000.parquet', 'part-00001.parquet']) {
      expect(readFileSync(join(onWorkers, 'parquet', 'statements', part))).toEqual(readFileSync(join(here, 'parquet', 'statements', part)));
    }
  });

  it('splits a segment at the tail of a run into pieces for every worker, and builds it the same as whole', async () => {
    const dir = tmp();
    await writeBenchCorpus(dir, 40, 3);
    const items: PendingItem[] = [];
    for await (const input of readCorpusInputs(dir)) if (input.kind === 'input') items.push({ input, warnings: [], key: inputKey(input) });
    expect(items).toHaveLength(40);
    const options: ProcessorOptions = { pipeline: {}, window: DEFAULT_WINDOW, formulaGuard: true, parquet: true };
    const [whole, split, here] = [tmp(), tmp(), tmp()];
    const request = (out: string) => ({ index: 0, key: 'tail', items: items.map((pending) => ({ pending })), targets: { out, parquet: true } });
    const pool = await ProcessorPool.start(2, options);
    let first: BuiltSegment, last: BuiltSegment;
    try {
      // before the input ends, a segment goes whole to one worker
      first = await pool.build(request(whole));
      expect(pool.piecesSent).toBe(0);
      pool.endOfInput();
      // at the tail: 40 inputs in pieces of 16, 16 and 8, then the build
      last = await pool.build(request(split));
      expect(pool.piecesSent).toBe(3);
    } finally {
      await pool.close();
    }
    const expected = buildSegment({ id: 0, ...request(here) }, createInputProcessor(options));
    const text = (segment: BuiltSegment) => Object.fromEntries(Object.entries(segment.tables).map(([name, t]) => [name, [t.rows, Buffer.from(t.csv).toString('utf8')]]));
    for (const built of [first, last]) {
      expect(built.files).toEqual(expected.files);
      expect(text(built)).toEqual(text(expected));
      expect(built.aggregates).toEqual(expected.aggregates);
    }
    expect(expected.tables.statements!.rows).toBeGreaterThan(40);
    for (const table of ['sentences', 'mentions', 'statements', 'themes']) {
      const part = join('parquet', table, 'part-00000.parquet');
      expect(readFileSync(join(split, part)), table).toEqual(readFileSync(join(here, part)));
    }
  }, 60_000);

  it('keeps input order when a long segment is built beside short ones (several segments, two workers)', async () => {
    const dir = tmp();
    await writeBenchCorpus(dir, 700, 7);
    const one = await runReport({ corpus: dir, out: tmp(), charts: false });
    const two = await runReport({ corpus: dir, out: tmp(), charts: false, workers: 2 });
    expect(two.parquet[0]!.parts).toBe(one.parquet[0]!.parts);
    expect(one.parquet[0]!.parts).toBeGreaterThanOrEqual(3);
    const a = tables(one.out);
    const b = tables(two.out);
    for (const name of Object.keys(a)) expect(b[name], name).toBe(a[name]);
    for (const part of readdirSync(join(one.out, 'parquet', 'statements'))) {
      expect(readFileSync(join(two.out, 'parquet', 'statements', part)), part).toEqual(readFileSync(join(one.out, 'parquet', 'statements', part)));
    }
  }, 120_000);

  it('refuses a worker count that is not a whole number from 1 to 64', async () => {
    await expect(runReport({ corpus: SEEDS, out: tmp(), charts: false, workers: 0.5 })).rejects.toThrow(/workers must be a whole number from 1 to 64, got 0.5/);
    await expect(ProcessorPool.start(65, { pipeline: {}, window: DEFAULT_WINDOW, formulaGuard: true, parquet: false })).rejects.toThrow(/got 65/);
  });
});
