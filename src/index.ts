/**
 * The kit's public API: the same functions serve notebooks, the report command and scripts.
 * Data flows one way: corpus → annotators → tables → charts.
 */
export * from './corpus';
export * from './annotators/types';
export { createPipeline, type Pipeline, type PipelineOptions, type AnnotatedArticle } from './pipeline';
export { runReport, type ReportOptions, type RunSummary } from './report/run';
export { DEFAULT_WINDOW } from './report/stages';
export { toDataFrame, loadDanfo } from './tables/frame';
export { formatCsv, guardFormula, CsvTableWriter, type CsvOptions } from './tables/csv';
export * from './tables/schema';
export { articleRow, sentenceRows, removedRows } from './tables/corpus';
export { KitError } from './errors';
export { Logger, type Warning } from './logger';
export { KIT_VERSION } from './data';
