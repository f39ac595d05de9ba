import { rollup } from 'd3-array';
import type { DataFrame } from 'danfojs-node';
import type { Statement } from '../annotators/types';
import type { AnnotatedArticle } from '../pipeline';
import type { ReportStage } from '../report/stage';
import { toDataFrame } from './frame';
import { DEFAULT_WINDOW, periodOf, periodsInWindow, PERIOD_UNITS, type AnalysisWindow, type PeriodUnit } from './periods';
import { col, type Row, type TableSpec } from './schema';


export const STATEMENTS: TableSpec = {
  name: 'statements',
  file: 'tables/statements.csv',
  description: 'One row per attributed statement: who said what, and when.',
  columns: [
    col('statement_id', 'string', 'ARTICLE_ID#N, N counting the article’s statements from 1'),
    col('article_id', 'string', 'article the statement is in'),
    col('sentence', 'integer', 'index of the sentence where the statement starts (sentences.csv)'),
    col('start', 'integer', 'offset of the whole statement (speaker, cue and content) in the cleaned text'),
    col('end', 'integer', 'offset after the whole statement'),
    col('speaker', 'string', 'canonical name when resolved (registry or unregistered), else the words used ("analysts")'),
    col('speaker_id', 'string', 'actor id from the registry, unregistered:NAME, or empty for unnamed speakers'),
    col('speaker_type', 'string', 'person, state, organization or unnamed'),
    col('speaker_country', 'string', 'country or bloc code of the speaker (CHN, RUS, USA, EU, …), empty when unknown'),
    col('cue', 'string', 'the reporting verb or phrase as written ("said", "told", "according to"); empty for a quote continuing the previous one'),
    col('kind', 'string', 'direct (all quoted), mixed (reported speech with a partial quote) or indirect (no quotes)'),
    col('date', 'date', 'when it was said: a date stated in the attribution, else the publication date'),
    col('date_basis', 'string', 'text, publication or none'),
    col('text', 'string', 'the content (direct: the words inside the quotes; parts of a split quote joined by " … ")'),
    col('caption', 'integer', '1 when the statement comes from a photo caption, else 0'),
  ],
};

export const STATEMENTS_BY_COUNTRY: TableSpec = {
  name: 'statements_by_country',
  file: 'tables/statements_by_country.csv',
  description: 'Statements per period and speaker country, zero-filled across the analysis window.',
  columns: [
    col('period_type', 'string', 'year, quarter or month'),
    col('period', 'string', '2022, 2022-Q1 or 2022-03; "undated" for statements without a date'),
    col('speaker_country', 'string', 'country code, or "unknown"'),
    col('count', 'integer', 'number of statements'),
  ],
};

export const STATEMENTS_BY_SPEAKER: TableSpec = {
  name: 'statements_by_speaker',
  file: 'tables/statements_by_speaker.csv',
  description: 'Statements per speaker, most frequent first.',
  columns: [
    col('speaker_id', 'string', 'actor id (empty for unnamed speakers, grouped by their words)'),
    col('speaker', 'string', 'speaker name'),
    col('speaker_type', 'string', 'person, state, organization or unnamed'),
    col('speaker_country', 'string', 'country code or empty'),
    col('count', 'integer', 'number of statements'),
    col('articles', 'integer', 'number of articles with at least one'),
    col('first_date', 'date', 'earliest statement date'),
    col('last_date', 'date', 'latest statement date'),
  ],
};

export const STATEMENTS_BY_PERIOD: TableSpec = {
  name: 'statements_by_period',
  file: 'tables/statements_by_period.csv',
  description: 'Statements per period (year, quarter and month rows), zero-filled across the analysis window.',
  columns: [
    col('period_type', 'string', 'year, quarter or month'),
    col('period', 'string', 'period label'),
    col('count', 'integer', 'number of statements'),
  ],
};

export function statementRows(statements: readonly Statement[]): Row[] {
  return statements.map((s) => ({
    statement_id: s.statement_id,
    article_id: s.article_id,
    sentence: s.sentence,
    start: s.start,
    end: s.end,
    speaker: s.speaker,
    speaker_id: s.speaker_id,
    speaker_type: s.speaker_type,
    speaker_country: s.speaker_country,
    cue: s.cue,
    kind: s.kind,
    date: s.date,
    date_basis: s.date_basis,
    text: s.text,
    caption: s.caption ? 1 : 0,
  }));
}

/** The fields frequency tables need: what the report keeps per statement (no texts). */
export type StatementKey = Pick<Statement, 'article_id' | 'speaker' | 'speaker_id' | 'speaker_type' | 'speaker_country' | 'date'>;

/** Every period of the window first (zero-filled), then any other period present (outside the window, "undated"). */
function periodsFor(keys: readonly StatementKey[], unit: PeriodUnit, window: AnalysisWindow): string[] {
  const periods = periodsInWindow(window, unit);
  const extra = new Set(keys.map((k) => periodOf(k.date, unit)).filter((p) => !periods.includes(p)));
  return [...periods, ...[...extra].sort()];
}

/** Statements per period (zero-filled over the window). */
export function countByPeriod(keys: readonly StatementKey[], unit: PeriodUnit, window: AnalysisWindow): Row[] {
  const counts = rollup(keys, (v) => v.length, (k) => periodOf(k.date, unit));
  return periodsFor(keys, unit, window).map((period) => ({ period_type: unit, period, count: counts.get(period) ?? 0 }));
}

/** Statements per period and speaker country (every country seen × every period of the window). */
export function countByCountry(keys: readonly StatementKey[], unit: PeriodUnit, window: AnalysisWindow): Row[] {
  const country = (k: StatementKey) => k.speaker_country || 'unknown';
  const counts = rollup(keys, (v) => v.length, (k) => periodOf(k.date, unit), country);
  const countries = [...new Set(keys.map(country))].sort();
  return periodsFor(keys, unit, window).flatMap((period) =>
    countries.map((c) => ({ period_type: unit, period, speaker_country: c, count: counts.get(period)?.get(c) ?? 0 })),
  );
}

/** Statements per speaker, most frequent first (ties by name). */
export function countBySpeaker(keys: readonly StatementKey[]): Row[] {
  const groups = rollup(
    keys,
    (v) => {
      const dates = v.map((k) => k.date).filter(Boolean).sort();
      return {
        speaker_id: v[0]!.speaker_id,
        speaker: v[0]!.speaker,
        speaker_type: v[0]!.speaker_type,
        speaker_country: v[0]!.speaker_country,
        count: v.length,
        articles: new Set(v.map((k) => k.article_id)).size,
        first_date: dates[0] ?? '',
        last_date: dates[dates.length - 1] ?? '',
      };
    },
    (k) => k.speaker_id || `unnamed:${k.speaker.toLowerCase()}`,
  );
  return [...groups.values()].sort((a, b) => b.count - a.count || a.speaker.localeCompare(b.speaker));
}

const keyOf = (s: Statement): StatementKey => ({
  article_id: s.article_id,
  speaker: s.speaker,
  speaker_id: s.speaker_id,
  speaker_type: s.speaker_type,
  speaker_country: s.speaker_country,
  date: s.date,
});

/** statements.csv streamed; the three frequency tables at the end, from keys only. */
export function statementsStage(options: { window: AnalysisWindow }): ReportStage {
  const keys: StatementKey[] = [];
  return {
    name: 'statements',
    tables: [STATEMENTS],
    rows: ({ statements }) => {
      for (const s of statements) keys.push(keyOf(s));
      return { statements: statementRows(statements) };
    },
    finish: () => [
      { spec: STATEMENTS_BY_COUNTRY, rows: PERIOD_UNITS.flatMap((u) => countByCountry(keys, u, options.window)) },
      { spec: STATEMENTS_BY_SPEAKER, rows: countBySpeaker(keys) },
      { spec: STATEMENTS_BY_PERIOD, rows: PERIOD_UNITS.flatMap((u) => countByPeriod(keys, u, options.window)) },
    ],
  };
}

/* ---- notebook API: one call per cell, danfo DataFrames ---- */

const allStatements = (annotated: readonly AnnotatedArticle[]) => annotated.flatMap((a) => a.statements);

export interface StatementFilter {
  /** Keep only these speaker countries. */
  countries?: readonly string[];
  /** Keep only these kinds (direct, mixed, indirect). */
  kinds?: readonly Statement['kind'][];
  /** Drop statements from photo captions (default false: kept). */
  excludeCaptions?: boolean;
}

function filterStatements(annotated: readonly AnnotatedArticle[], f: StatementFilter): Statement[] {
  return allStatements(annotated).filter(
    (s) => (!f.countries || f.countries.includes(s.speaker_country)) && (!f.kinds || f.kinds.includes(s.kind)) && !(f.excludeCaptions && s.caption),
  );
}

/** The statements table as a DataFrame. */
export function statementsTable(annotated: readonly AnnotatedArticle[], filter: StatementFilter = {}): DataFrame {
  return toDataFrame(statementRows(filterStatements(annotated, filter)), STATEMENTS);
}

export interface StatementFrequencyOptions extends StatementFilter {
  by: 'country' | 'speaker' | 'period';
  period?: PeriodUnit;
  window?: AnalysisWindow;
}

/** Statement frequency by speaker country, speaker or period, zero-filled over the window (default 2021–2024). */
export function statementFrequency(annotated: readonly AnnotatedArticle[], options: StatementFrequencyOptions): DataFrame {
  const keys = filterStatements(annotated, options).map(keyOf);
  const unit = options.period ?? 'year';
  const window = options.window ?? DEFAULT_WINDOW;
  if (options.by === 'speaker') return toDataFrame(countBySpeaker(keys), STATEMENTS_BY_SPEAKER);
  if (options.by === 'period') return toDataFrame(countByPeriod(keys, unit, window), STATEMENTS_BY_PERIOD);
  return toDataFrame(countByCountry(keys, unit, window), STATEMENTS_BY_COUNTRY);
}
