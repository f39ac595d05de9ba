/**
 * The report's unit of work: one input read from the corpus goes in (raw text and
 * manifest row), and what the report writes of it comes out: its CSV lines and
 * Parquet columns for each streamed table, and each stage's tally for the
 * aggregate tables. The same function runs on the main thread, on worker threads,
 * and its results are what the cache keeps, so all three give the same tables.
 */
import type { CorpusInput } from '../corpus/read';
import { buildArticle } from '../corpus/article';
import { Logger, type Warning } from '../logger';
import { createPipeline, type AnnotatedArticle, type Pipeline, type PipelineOptions } from '../pipeline';
import { csvLines } from '../tables/csv';
import { PARQUET_TABLES, parquetColumns, type ParquetColumns } from '../tables/parquet';
import type { AnalysisWindow } from '../tables/periods';
import type { KeynessGroups } from '../tables/themes';
import type { ReportStage } from '../tables/stage';
import { encodeEntry } from './cache';
import { createStages } from './stages';

/** One article's rows of one streamed table. */
export interface TableChunk {
  rows: number;
  /** CSV lines, no header, as UTF-8 bytes: they cross threads and go to the file and the cache without re-encoding. */
  csv: Uint8Array;
  /** The same rows by column, for tables also written as Parquet. */
  parquet?: ParquetColumns;
}

export interface ArticleOutput {
  file: string;
  /** By table name. */
  tables: Record<string, TableChunk>;
  /** By stage name: what `ReportStage.add` takes. */
  tallies: Record<string, unknown>;
  /** Warnings the annotators raised on this article. */
  warnings: Warning[];
}

/** An input that was cleaned and annotated, or one with no text left after cleaning. */
export type InputResult = { kind: 'article'; output: ArticleOutput; entry?: Uint8Array } | { kind: 'no-text' };

/** What decides the bytes written besides the data files (part of the cache's fingerprint). */
export interface OutputOptions {
  formulaGuard: boolean;
  parquet: boolean;
}

/** Everything a thread needs to process inputs on its own. */
export interface ProcessorOptions extends OutputOptions {
  pipeline: Omit<PipelineOptions, 'logger'>;
  window: AnalysisWindow;
  /** Speaker groups keyness.csv compares (default: CHN target, USA reference). */
  keyness?: KeynessGroups;
  /** Encode each article's cache entry with its output (the run keeps a cache). */
  cacheEntries?: boolean;
}

const utf8 = new TextEncoder();

/** An article's rows of every streamed table and every stage's tally. */
export function articleOutput(annotated: AnnotatedArticle, stages: readonly ReportStage[], options: OutputOptions, warnings: Warning[] = []): ArticleOutput {
  const tables: Record<string, TableChunk> = {};
  const tallies: Record<string, unknown> = {};
  for (const stage of stages) {
    const { rows, tally, warnings: told } = stage.digest(annotated);
    if (told) warnings.push(...told);
    for (const spec of stage.tables) {
      const tableRows = rows[spec.name] ?? [];
      const chunk: TableChunk = { rows: tableRows.length, csv: utf8.encode(csvLines(tableRows, spec, options)) };
      if (options.parquet && PARQUET_TABLES.includes(spec.name)) chunk.parquet = parquetColumns(tableRows, spec);
      tables[spec.name] = chunk;
    }
    if (tally !== undefined) tallies[stage.name] = tally;
  }
  return { file: annotated.article.file, tables, tallies, warnings };
}

export interface InputProcessor {
  pipeline: Pipeline;
  stages: ReportStage[];
  process(input: Extract<CorpusInput, { kind: 'input' }>): InputResult;
}

/** Loads the data files once; then cleans, annotates and digests inputs one at a time. */
export function createInputProcessor(options: ProcessorOptions): InputProcessor {
  // The annotators' warnings are collected per article and travel with its output,
  // so the run logs them in input order whichever thread did the work.
  const logger = new Logger();
  const pipeline = createPipeline({ ...options.pipeline, logger });
  const stages = createStages(pipeline, { window: options.window, keyness: options.keyness });
  return {
    pipeline,
    stages,
    process({ raw, entry }) {
      const article = buildArticle(raw, entry);
      if (!article) return { kind: 'no-text' };
      const annotated = pipeline.annotate(article);
      const output = articleOutput(annotated, stages, options, logger.warnings.splice(0));
      return options.cacheEntries ? { kind: 'article', output, entry: encodeEntry(output) } : { kind: 'article', output };
    },
  };
}
