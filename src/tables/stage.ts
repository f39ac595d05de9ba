import type { AnnotatedArticle } from '../pipeline';
import type { Warning } from '../logger';
import type { AnalysisWindow } from './periods';
import type { ReportData } from './report-data';
import type { Row, TableSpec } from './schema';
import type { KeynessGroups } from './themes';

/** Options every stage may read. */
export interface StageOptions {
  /** Analysis window for zero-filled period tables (ISO dates, inclusive). */
  window: AnalysisWindow;
  /** Speaker groups keyness.csv compares (default: CHN target, USA reference). */
  keyness?: KeynessGroups;
}

/** One article's share of a stage: its rows of each streamed table, and what the aggregates need of it. */
export interface StageDigest<T = unknown> {
  /** Rows for each streamed table, by table name. */
  rows: Record<string, Row[]>;
  /** Plain data (it crosses threads and is cached on disk) for `add`. */
  tally?: T;
  /** What the stage has to say of the article (a limit it met), logged with its other warnings. */
  warnings?: Warning[];
}

/** A stage's aggregates over one part of the corpus (a segment), built article by article. */
export interface PartialAggregate<T, S> {
  add(tally: T): void;
  /** What was added, as plain data: it is cached on disk with the segment. */
  state(): S;
}

/** What a stage gives at the end: its aggregate tables, and what the charts and report.html read of them. */
export interface StageResult {
  /** Aggregate tables, written once all articles are read. */
  tables: { spec: TableSpec; rows: Row[] }[];
  /**
   * The stage's share of the report's data: small typed rows (top speakers, period
   * counts, a month-by-speaker timeline), bounded whatever the corpus size, so charts
   * never read a table back. A key is absent when its table has no rows.
   */
  data: Partial<ReportData>;
}

/**
 * What a pipeline stage contributes to the report: tables written article by
 * article (streamed), and small aggregate tables computed at the end from what
 * the stage kept (counts, not texts), so memory stays bounded on large corpora.
 *
 * `digest` is pure, so it runs wherever the article was annotated (a worker
 * thread) and its result can be cached. The report adds each segment's tallies to a
 * `partial` aggregate and `merge`s its state into the stage's, in input order, on
 * the main thread; a segment from the cache is merged without its articles. Merging
 * the parts in order gives the same aggregates as adding every article, whatever
 * the workers or the cache (tested).
 */
export interface ReportStage<T = unknown, S = unknown> {
  name: string;
  /** Tables streamed row by row. */
  tables: readonly TableSpec[];
  digest(a: AnnotatedArticle): StageDigest<T>;
  /** A new, empty aggregate for one part of the corpus. */
  partial?(): PartialAggregate<T, S>;
  /** Adds a part's aggregates (its `state()`) to the stage's. */
  merge?(state: S): void;
  /** Aggregate tables and report data, once all articles are read. */
  finish?(): StageResult;
}

/** Digests an article and adds its tally at once: a stage driven by hand (scripts, tests), without the report. */
export function rowsOf<T, S>(stage: ReportStage<T, S>, a: AnnotatedArticle): Record<string, Row[]> {
  const { rows, tally } = stage.digest(a);
  const partial = stage.partial?.();
  if (partial && tally !== undefined) {
    partial.add(tally);
    stage.merge!(partial.state());
  }
  return rows;
}

/** Every stage's aggregate tables and report data, in stage order. */
export function finishStages(stages: readonly ReportStage[]): StageResult {
  const result: StageResult = { tables: [], data: {} };
  for (const stage of stages) {
    const { tables, data } = stage.finish?.() ?? { tables: [], data: {} };
    result.tables.push(...tables);
    Object.assign(result.data, data);
  }
  return result;
}
