import type { AnnotatedArticle } from '../pipeline';
import type { Row, TableSpec } from '../tables/schema';

/**
 * What a pipeline stage contributes to the report: tables written article by
 * article (streamed), and small aggregate tables computed at the end from what
 * the stage kept (counts, not texts), so memory stays bounded on large corpora.
 */
export interface ReportStage {
  name: string;
  /** Tables streamed row by row. */
  tables: readonly TableSpec[];
  /** Rows for each streamed table (by table name) from one annotated article. */
  rows(a: AnnotatedArticle): Record<string, Row[]>;
  /** Aggregate tables written once all articles are read. */
  finish?(): { spec: TableSpec; rows: Row[] }[];
}
