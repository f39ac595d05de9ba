import type { AnalysisWindow } from '../tables/periods';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { countInputs, readCorpusInputs } from '../corpus/read';
import type { Encoding } from '../corpus/decode';
import type { SkippedInput } from '../corpus/types';
export type { TableWritten } from './writer';
import { KIT_VERSION } from '../data';
import { Logger, type Warning } from '../logger';
import type { PipelineOptions } from '../pipeline';
import { formatCsv } from '../tables/csv';
import { DEFAULT_KEYNESS_GROUPS, keynessGroupLabel, type KeynessGroups } from '../tables/themes';
import { DEFAULT_WINDOW } from '../tables/periods';
import { writeRunCharts, type RunCharts } from './charts';
import { processCorpus } from './parallel';
import { inShard, type Shard } from './shard';
import { OutputCache, pipelineFingerprint } from './cache';
import { createInputProcessor, type ProcessorOptions } from './article-output';
import { ReportWriter, type TableWritten } from './writer';
import { finishStages } from '../tables/stage';

export interface ReportOptions extends PipelineOptions {
  /** Corpus folder (default: the bundled seeds/). */
  corpus: string;
  /** Output folder; tables go to OUT/tables, run.json to OUT. */
  out: string;
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
}


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
  const out = resolve(options.out);
  mkdirSync(join(out, 'tables'), { recursive: true });
  const csv = { formulaGuard: options.formulaGuard ?? true };
  const processorOptions: ProcessorOptions = {
    pipeline: { actors: options.actors, codebook: options.codebook, cues: options.cues },
    window: options.window ?? DEFAULT_WINDOW,
    keyness: options.keyness,
    formulaGuard: csv.formulaGuard,
    parquet: options.parquet !== false,
  };
  // The main thread's processor: its stages keep the aggregates, whoever processes the inputs.
  const processor = createInputProcessor(processorOptions);
  const { pipeline, stages } = processor;
  const cache = options.cache === false ? undefined : OutputCache.open(out, pipelineFingerprint(options, processorOptions));
  const writer = new ReportWriter(out, stages, { csv, parquet: processorOptions.parquet, cache });
  try {
    const readInputs = (readLogger: Logger) =>
      inShard(
        readCorpusInputs(options.corpus, {
          encoding: options.encoding,
          // An output folder inside the corpus folder is not read back as articles.
          exclude: [out],
          logger: readLogger,
        }),
        options.shard,
      );
    const total = options.onProgress ? countInputs(options.corpus, [out]) : 0;
    let done = 0;
    const progress = (file: string) => options.onProgress?.(++done, Math.max(total, done), file);
    for await (const item of processCorpus(readInputs, { workers: options.workers ?? 1, processor: () => processor, processorOptions, logger, cache })) {
      writer.take(item);
      if (item.kind === 'article') progress(item.output.file);
      else if (item.kind === 'skipped') progress(item.skipped.file);
      else if (item.kind === 'cached-segment') for (const file of [...item.segment.files, ...item.segment.skipped.map((s) => s.file)]) progress(file);
    }
  } finally {
    writer.close();
  }
  cache?.prune();
  const { tables, parquet } = writer.written();
  const finished = finishStages(stages);
  for (const { spec, rows } of finished.tables) {
    writeFileSync(join(out, spec.file), formatCsv(rows, spec, csv));
    tables.push({ name: spec.name, file: spec.file, rows: rows.length });
  }

  const keynessGroups = options.keyness ?? DEFAULT_KEYNESS_GROUPS;
  const summary: RunSummary = {
    kit: { name: 'sino-russia-kit', version: KIT_VERSION },
    versions: { registry: pipeline.registry.version, codebook: pipeline.codebook.version, cues: pipeline.cues.version },
    corpus: resolve(options.corpus),
    out,
    started,
    finished: new Date().toISOString(),
    articles: writer.read.length,
    read: writer.read,
    skipped: writer.skipped,
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
    summary.charts = await writeRunCharts(out, finished.data, summary, { window: processorOptions.window, cacheDir: cache?.dir, onProgress: options.onChartProgress });
    summary.timings_ms.charts = Math.round(performance.now() - t);
    summary.finished = new Date().toISOString();
  }
  summary.timings_ms.total = Math.round(performance.now() - t0);
  writeFileSync(join(out, 'run.json'), JSON.stringify(summary, null, 2) + '\n');
  return summary;
}
