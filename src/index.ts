/**
 * The kit's public API: the same functions serve notebooks, the report command and scripts.
 * Data flows one way: corpus → annotators → tables → charts.
 */
export * from './corpus';
export * from './annotators/types';
export { createPipeline, type Pipeline, type PipelineOptions, type AnnotatedArticle } from './pipeline';
export { runReport, type ReportOptions, type RunSummary } from './report/run';
export { DEFAULT_WINDOW } from './tables/periods';
export { toDataFrame, loadDanfo } from './tables/frame';
export { formatCsv, guardFormula, CsvTableWriter, type CsvOptions } from './tables/csv';
export * from './tables/schema';
export { articleRow, sentenceRows, removedRows } from './tables/corpus';
export { KitError } from './errors';
export { Logger, type Warning } from './logger';
export { KIT_VERSION } from './data';
export * from './charts';
export { writeChartsAndReport, readTables, REPORT_CHARTS, type Tables, type ChartsAndReportOptions } from './report/charts';
export { show, showTable, type ShowTableOptions } from './display';
export * from './annotators/actors';
export {
  MENTIONS,
  COOCCURRENCE,
  UNREGISTERED,
  ACTOR_TABLES,
  filterMentions,
  mentionRows,
  articleUnits,
  cooccurrenceRows,
  mentionsTable,
  cooccurrenceTable,
  unregisteredTable,
  type MentionFilter,
  type CooccurrenceTableOptions,
} from './tables/actors';
export {
  THEMES,
  KWIC,
  THEMES_BY_YEAR,
  THEMES_BY_COUNTRY,
  KEYNESS,
  THEME_TABLES,
  themeRows,
  kwic,
  kwicFrame,
  themeFrequencies,
  keyness,
  keynessRows,
  parseKeynessGroups,
  DEFAULT_KEYNESS_GROUPS,
  type KeynessGroups,
  type KwicOptions,
  type FrequencyOptions as ThemeFrequencyOptions,
  type KeynessOptions as KeynessTableOptions,
} from './tables/themes';
export { loadCodebook, codeThemes, type Codebook } from './annotators/themes';
export { loadCues, extractStatements, findQuotes, statementDate, loadAttributionRules, ATTRIBUTION_RULES_FILE, type CueLexicon, type AttributionRules } from './annotators/statements';
export { evaluateStatements, loadGoldStatements } from './annotators/statements/evaluate';
export * from './tables/statements';
export { periodOf, periodsInWindow, PERIOD_UNITS, type PeriodUnit } from './tables/periods';
export { analyzeText, tokensOf, tokensIn, tokenIndexAt, forEachWord, wordCount, type Token, type TokenLayer, type PartOfSpeech, type TokenShape } from './text';
export { loadDevsetGold, goldArticleId, type GoldArticle, type GoldStatement } from './evaluate/devset';
export { scoreActors, normalizeActorName, type ActorScores, type ScoredArticle } from './evaluate/actors';
export { scoreDevsetStatements, speakerIsRight, type DevsetStatementScores } from './evaluate/statements';
export { scoreDevsetThemes, matchGoldStatements, type DevsetThemeScores } from './evaluate/themes';
export { evaluateThemes, loadGold as loadThemeGold } from './annotators/themes';
