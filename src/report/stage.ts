import type { AnnotatedArticle } from '../pipeline';
import type { Row, TableSpec } from '../tables/schema';

/** One article's share of a stage: its rows of each streamed table, and what the aggregates need of it. */
export interface StageDigest<T = unknown> {
  /** Rows for each streamed table, by table name. */
  rows: Record<string, Row[]>;
  /** Plain data (it crosses threads and is cached on disk) for `add`. */
  tally?: T;
}

/**
 * What a pipeline stage contributes to the report: tables written article by
 * article (streamed), and small aggregate tables computed at the end from what
 * the stage kept (counts, not texts), so memory stays bounded on large corpora.
 *
 * `digest` is pure, so it runs wherever the article was annotated (a worker
 * thread) and its result can be cached; `add` runs on the main thread, in input
 * order, so the aggregates are the same whatever the number of workers.
 */
export interface ReportStage<T = unknown> {
  name: string;
  /** Tables streamed row by row. */
  tables: readonly TableSpec[];
  digest(a: AnnotatedArticle): StageDigest<T>;
  /** Adds one article's tally to the aggregates. */
  add?(tally: T): void;
  /** Aggregate tables written once all articles are read. */
  finish?(): { spec: TableSpec; rows: Row[] }[];
}

/** Digests an article and adds its tally at once: a stage driven by hand (scripts, tests), without the report. */
export function rowsOf<T>(stage: ReportStage<T>, a: AnnotatedArticle): Record<string, Row[]> {
  const { rows, tally } = stage.digest(a);
  if (tally !== undefined) stage.add?.(tally);
  return rows;
}
