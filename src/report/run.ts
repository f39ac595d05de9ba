import type { AnalysisWindow } from '../tables/periods';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { countInputs, MANIFEST_FILE, readCorpusInputs } from '../corpus/read';
import type { Encoding, TextEncoding } from '../corpus/decode';
import type { SkippedInput } from '../corpus/types';
export type { TableWritten } from './writer';
import { KIT_VERSION } from '../data';
import { check, environmentError, KitError } from '../errors';
import { Logger, type Warning } from '../logger';
import { filterMessages, messages, reportMessages } from '../messages';
import type { PipelineOptions } from '../pipeline';
import { formatCsv } from '../tables/csv';
import { DEFAULT_KEYNESS_GROUPS, keynessGroupLabel, type KeynessGroups } from '../tables/themes';
import { DEFAULT_WINDOW } from '../tables/periods';
import { writeRunCharts, type RunCharts } from './charts';
import { checkWorkers, processCorpus, ProcessorPool } from './parallel';
import { kitPaths, OutputFolder } from './output-folder';
import { inShard, shardOf, type Shard } from './shard';
import { OutputCache, pipelineFingerprint } from './cache';
import { createInputProcessor, type ProcessorOptions } from './article-output';
import { ReportWriter, type TableWritten } from './writer';
import { finishStages } from '../tables/stage';

export interface ReportOptions extends PipelineOptions {
  /** Corpus folder (default: the bundled seeds/). */
  corpus: string;
  /** Output folder; tables go to OUT/tables, run.json to OUT. */
  out: string;
  /** Files that are not valid UTF-8: "auto" (default) detects each one's legacy encoding; see `Encoding`. */
  encoding?: Encoding;
  /** Guard CSV text cells against formula injection (default true). */
  formulaGuard?: boolean;
  logger?: Logger;
  /** Analysis window for zero-filled period tables (default 2021-01-01 to 2024-12-31). */
  window?: AnalysisWindow;
  /** Called as inputs are processed: (done, total, file); total counts files and .jsonl lines. */
  onProgress?: (done: number, total: number, file: string) => void;
  /** Called as charts are drawn: (done, total, chart name). */
  onChartProgress?: (done: number, total: number, chart: string) => void;
  /** Write charts (OUT/charts) and OUT/report.html after the tables (default true). */
  charts?: boolean;
  /** Worker threads annotating in parallel (default 1: none). Tables are identical whatever the number. */
  workers?: number;
  /** Also write sentences, mentions, statements and themes as OUT/parquet/TABLE.parquet (default true). */
  parquet?: boolean;
  /** Process only shard `index` of `count` (see report/shard.ts); every input is in exactly one shard. */
  shard?: Shard;
  /** Reuse the outputs of unchanged inputs from OUT/.cache (default true; see report/cache.ts). */
  cache?: boolean;
  /** Speaker groups keyness.csv compares (default: CHN target, USA reference; see `parseKeynessGroups`). */
  keyness?: KeynessGroups;
  /** Largest input read, in MB (a file, or one .jsonl line); larger ones are skipped with their reason (default DEFAULT_MAX_INPUT_MB). */
  maxInputMb?: number;
}

/**
 * The largest input the report reads by default, in MB: some 800,000 words, ten times
 * the longest news article; a larger one is skipped with its reason, so no one file
 * can hold up or take down the run.
 */
export const DEFAULT_MAX_INPUT_MB = 5;


/** Contents of run.json: what was read and skipped, warnings, timings, versions. */
export interface RunSummary {
  kit: { name: string; version: string };
  /** Versions of the data files the run used. */
  versions: { registry: string; codebook: string; cues: string };
  corpus: string;
  out: string;
  started: string;
  finished: string;
  articles: number;
  read: string[];
  skipped: SkippedInput[];
  /** The encoding each input was read in, in reading order: manifest.csv, files, .jsonl lines as "file.jsonl:LINE". */
  encodings: Record<string, TextEncoding>;
  warnings: Warning[];
  tables: TableWritten[];
  /** The Parquet copies of the large tables (OUT/parquet/TABLE/part-*.parquet). */
  parquet: TableWritten[];
  /** "I/N" when the run processed one shard of the corpus. */
  shard?: string;
  /** The speaker groups keyness.csv compares ("CHN", "USA"; several codes joined by "+"). */
  keyness: { target: string; reference: string };
  /** Articles whose output came from the cache (hits) or was computed (misses); segments served whole or built again. */
  cache?: { hits: number; misses: number; segments: { hits: number; misses: number } };
  /** The charts drawn, copied unchanged from the cache, and left out (listed in report.html), when charts were written. */
  charts?: RunCharts;
  /** The whole run, and of it the charts and report.html. */
  timings_ms: { total: number; charts?: number };
}

/**
 * The report: streams the corpus one article at a time through every stage and
 * writes each table incrementally, then the charts and report.html from the stages'
 * aggregates, then run.json. Never throws on bad input;
 * the caller decides the exit code from the summary.
 */
export async function runReport(options: ReportOptions): Promise<RunSummary> {
  const t0 = performance.now();
  const started = new Date().toISOString();
  const logger = options.logger ?? new Logger();
  // Everything is checked before OUT is touched: a usage error leaves the last run's output as it was.
  const workers = checkWorkers(options.workers ?? 1);
  const maxInputMb = options.maxInputMb ?? DEFAULT_MAX_INPUT_MB;
  if (typeof maxInputMb !== 'number' || !(maxInputMb > 0) || !Number.isFinite(maxInputMb)) throw new KitError(reportMessages.badMaxInput(maxInputMb), 'bad-option');
  if (!existsSync(options.corpus) || !statSync(options.corpus).isDirectory()) throw new KitError(messages.corpusMissing(options.corpus), 'corpus-missing', options.corpus);
  const out = resolve(options.out);
  const csv = { formulaGuard: options.formulaGuard ?? true };
  const processorOptions: ProcessorOptions = {
    pipeline: { actors: options.actors, codebook: options.codebook, cues: options.cues },
    window: options.window ?? DEFAULT_WINDOW,
    keyness: options.keyness,
    formulaGuard: csv.formulaGuard,
    parquet: options.parquet !== false,
    // Where an article is processed (a worker, with workers), its cache entry is encoded too: deflating every entry on the main thread held back the workers.
    cacheEntries: options.cache !== false,
  };
  // A cold run's workers start now and load their data files while this thread loads its own; with an
  // earlier run's cache (that may serve every segment) they start with the first segment to build.
  const pool = workers > 1 && !(options.cache !== false && existsSync(join(out, '.cache'))) ? ProcessorPool.start(workers, processorOptions) : undefined;
  pool?.catch(() => undefined); // a failure to start is thrown where the first segment is built
  try {
    return await reportOn(options, { out, t0, started, logger, workers, maxInputMb, csv, processorOptions, pool });
  } finally {
    await pool?.then(
      (p) => p.close(),
      () => undefined,
    );
  }
}

/** `runReport` once its options are checked and its workers, if any, are starting. */
async function reportOn(
  options: ReportOptions,
  { out, t0, started, logger, workers, maxInputMb, csv, processorOptions, pool }: Pick<RunContext, 'out' | 't0' | 'started' | 'logger' | 'workers' | 'csv' | 'processorOptions' | 'pool'> & { maxInputMb: number },
): Promise<RunSummary> {
  // The main thread's processor (its data files loaded and checked here): its stages keep the aggregates, whoever processes the inputs.
  const processor = createInputProcessor(processorOptions);
  // Codes the registry (with --actors files) does not know would compare empty groups without a word.
  const known = processor.pipeline.registry.countries;
  for (const code of [...(options.keyness?.target ?? []), ...(options.keyness?.reference ?? [])]) {
    check(code in known, 'keyness', filterMessages.unknownKeynessCode(code, Object.keys(known).sort()));
  }
  const fingerprint = options.cache === false ? undefined : pipelineFingerprint(options, processorOptions);

  let folder: OutputFolder;
  try {
    folder = OutputFolder.open(out);
  } catch (e) {
    throw environmentError(e, out) ?? e;
  }
  try {
    const summary = await writeRun(options, { out, stage: folder.stage, started, t0, logger, workers, maxInputBytes: maxInputMb * 1e6, csv, processor, processorOptions, fingerprint, pool });
    folder.commit();
    return summary;
  } catch (e) {
    folder.abandon();
    throw environmentError(e, out) ?? e;
  }
}

interface RunContext {
  out: string;
  /** Where this run writes (swapped into `out` when complete). */
  stage: string;
  started: string;
  t0: number;
  logger: Logger;
  workers: number;
  maxInputBytes: number;
  csv: { formulaGuard: boolean };
  processor: ReturnType<typeof createInputProcessor>;
  processorOptions: ProcessorOptions;
  fingerprint: string | undefined;
  /** The workers, when started before the run (see `runReport`). */
  pool: Promise<ProcessorPool> | undefined;
}

/** The run itself, written into the staged folder. */
async function writeRun(options: ReportOptions, ctx: RunContext): Promise<RunSummary> {
  const { out, stage, logger, processor, csv } = ctx;
  const { pipeline, stages } = processor;
  const cache = ctx.fingerprint === undefined ? undefined : OutputCache.open(out, stage, ctx.fingerprint, logger);
  const writer = new ReportWriter(stage, stages, { csv, parquet: ctx.processorOptions.parquet, cache });
  // An output folder inside the corpus folder, or the kit's own files when it is the corpus folder, are not read back as articles.
  const exclude = [out, ...kitPaths(out)];
  const encodings: Record<string, TextEncoding> = {};
  const inThisShard = (file: string) => !options.shard || file === MANIFEST_FILE || shardOf(file, options.shard.count) === options.shard.index;
  const onDecoded = (file: string, encoding: TextEncoding) => {
    if (inThisShard(file)) encodings[file] = encoding;
  };
  try {
    const readInputs = (readLogger: Logger) =>
      inShard(readCorpusInputs(options.corpus, { encoding: options.encoding, exclude, logger: readLogger, maxInputBytes: ctx.maxInputBytes, onDecoded }), options.shard);
    const total = options.onProgress ? countInputs(options.corpus, exclude) : 0;
    let done = 0;
    const progress = (file: string) => options.onProgress?.(++done, Math.max(total, done), file);
    for await (const item of processCorpus(readInputs, { workers: ctx.workers, processor: () => processor, processorOptions: ctx.processorOptions, targets: writer.targets, pool: ctx.pool, logger, cache })) {
      writer.take(item);
      await writer.ready();
      if (item.kind === 'article') progress(item.output.file);
      else if (item.kind === 'skipped') progress(item.skipped.file);
      else if (item.kind === 'cached-segment' || item.kind === 'built-segment') for (const file of [...item.segment.files, ...item.segment.skipped.map((s) => s.file)]) progress(file);
    }
  } catch (e) {
    await writer.close().catch(() => undefined); // the first error is the one to report
    throw e;
  }
  await writer.close();
  const { tables, parquet } = writer.written();
  const finished = finishStages(stages);
  for (const { spec, rows } of finished.tables) {
    writeFileSync(join(ctx.stage, spec.file), formatCsv(rows, spec, csv));
    tables.push({ name: spec.name, file: spec.file, rows: rows.length });
  }

  const keynessGroups = options.keyness ?? DEFAULT_KEYNESS_GROUPS;
  const summary: RunSummary = {
    kit: { name: 'sino-russia-kit', version: KIT_VERSION },
    versions: { registry: pipeline.registry.version, codebook: pipeline.codebook.version, cues: pipeline.cues.version },
    corpus: resolve(options.corpus),
    out,
    started: ctx.started,
    finished: new Date().toISOString(),
    articles: writer.read.length,
    read: writer.read,
    skipped: writer.skipped,
    encodings,
    warnings: logger.warnings,
    tables,
    parquet,
    shard: options.shard ? `${options.shard.index}/${options.shard.count}` : undefined,
    keyness: { target: keynessGroupLabel(keynessGroups.target), reference: keynessGroupLabel(keynessGroups.reference) },
    cache: cache ? { hits: cache.hits, misses: cache.misses, segments: { ...cache.segments } } : undefined,
    timings_ms: { total: 0 },
  };
  if (options.charts !== false) {
    const t = performance.now();
    summary.charts = await writeRunCharts(ctx.stage, finished.data, summary, {
      window: ctx.processorOptions.window,
      cache: cache ? { from: cache.from, dir: cache.dir } : undefined,
      onProgress: options.onChartProgress,
    });
    summary.timings_ms.charts = Math.round(performance.now() - t);
    summary.finished = new Date().toISOString();
  }
  summary.timings_ms.total = Math.round(performance.now() - ctx.t0);
  writeFileSync(join(ctx.stage, 'run.json'), JSON.stringify(summary, null, 2) + '\n');
  return summary;
}
