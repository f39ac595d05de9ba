import type { DataFrame } from 'danfojs-node';
import { STATEMENT_KINDS, type Statement } from '../annotators/types';
import { checkOneOf } from '../errors';
import type { AnnotatedArticle } from '../pipeline';
import type { ReportStage } from './stage';
import { toDataFrame } from './frame';
import { DEFAULT_WINDOW, periodOf, periodsInWindow, PERIOD_UNITS, type AnalysisWindow, type PeriodUnit } from './periods';
import { detach } from './detach';
import { speakersData, type ReportData } from './report-data';
import { ExplorerTally, type ExplorerState } from './explorer';
import { quoteOf, speakerKey, TimelineTally, type TimelineKey, type TimelineState } from './timeline';
import { col, type Row, type TableSpec } from './schema';
import { checkCountryCodes } from './valid-values';


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
    col('speaker_id', 'string', 'actor id from the registry, unregistered:NAME, both ids joined by "+" for a joint statement ("china+russia"), or empty for unnamed speakers'),
    col('speaker_type', 'string', 'person, state, organization or unnamed'),
    col('speaker_country', 'string', 'country or bloc code of the speaker (CHN, RUS, USA, EU, …), empty when unknown'),
    col('cue', 'string', 'the reporting verb or phrase as written ("said", "told", "according to"); empty for a quote continuing the previous one'),
    col('kind', 'string', 'direct (all quoted), mixed (reported speech with a partial quote) or indirect (no quotes)'),
    col('date', 'date', 'when it was said: a date stated in the attribution, else the publication date'),
    col('date_basis', 'string', 'text, publication or none'),
    col('text', 'string', 'the content (direct: the words inside the quotes; parts of a split quote joined by " … ")'),
    col('caption', 'integer', '1 when the statement comes from a photo caption, else 0'),
    col('rule', 'string', 'the attribution pattern that found it: quote-cue-speaker, quote-speaker-cue, split-quote, speaker-cue-quote, speaker-cue-content, content-speaker-cue, content-cue-speaker, participle, according-to, label or continuation'),
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
    rule: s.rule,
  }));
}

/** The fields frequency tables need: what the report keeps per statement (no texts). */
export type StatementKey = Pick<Statement, 'article_id' | 'speaker' | 'speaker_id' | 'speaker_type' | 'speaker_country' | 'date'>;

/**
 * Statement counts kept statement by statement, for the frequency tables: its size
 * grows with periods, countries and speakers, never with the number of statements,
 * so the report's memory stays bounded. Keys must come grouped by article (as the
 * pipeline yields them) for the per-speaker article counts.
 */
type SpeakerCounts = Row & { count: number; articles: number; first_date: string; last_date: string; lastArticle: string };

/** `StatementTally.state()`. */
export interface StatementState {
  periods: [string, number][];
  countries: [string, number][];
  countriesSeen: string[];
  speakers: [string, SpeakerCounts][];
}

export class StatementTally {
  /** unit, period → statements */
  private readonly periods = new Map<string, number>();
  /** unit, period, country → statements */
  private readonly countries = new Map<string, number>();
  private readonly countriesSeen = new Set<string>();
  private readonly speakers = new Map<string, SpeakerCounts>();
  /** date, country → its (unit, period) and (unit, period, country) keys: far fewer dates and countries than statements */
  private readonly keys = new Map<string, [string, string][]>();

  private keysOf(date: string, country: string): [string, string][] {
    const at = `${date}\t${country}`;
    let keys = this.keys.get(at);
    if (!keys) {
      keys = PERIOD_UNITS.map((unit) => {
        const p = `${unit}\t${periodOf(date, unit)}`;
        return [p, `${p}\t${country}`];
      });
      this.keys.set(detach(at), keys);
    }
    return keys;
  }

  add(k: StatementKey): void {
    const country = k.speaker_country || 'unknown';
    this.countriesSeen.add(country);
    for (const [p, c] of this.keysOf(k.date, country)) {
      this.periods.set(p, (this.periods.get(p) ?? 0) + 1);
      this.countries.set(c, (this.countries.get(c) ?? 0) + 1);
    }
    const id = k.speaker_id || `unnamed:${k.speaker.toLowerCase()}`;
    let sp = this.speakers.get(id);
    if (!sp) {
      sp = { speaker_id: k.speaker_id, speaker: detach(k.speaker), speaker_type: k.speaker_type, speaker_country: k.speaker_country, count: 0, articles: 0, first_date: '', last_date: '', lastArticle: '' };
      this.speakers.set(detach(id), sp);
    }
    sp.count++;
    if (sp.lastArticle !== k.article_id) [sp.articles, sp.lastArticle] = [sp.articles + 1, k.article_id];
    if (k.date && (!sp.first_date || k.date < sp.first_date)) sp.first_date = k.date;
    if (k.date && k.date > sp.last_date) sp.last_date = k.date;
  }

  /** The counts as plain data, for `merge`. */
  state(): StatementState {
    return { periods: [...this.periods], countries: [...this.countries], countriesSeen: [...this.countriesSeen], speakers: [...this.speakers] };
  }

  /** Adds the counts of a later segment of the corpus (from `state`); a segment holds whole articles. */
  merge(state: StatementState): void {
    for (const [k, n] of state.periods) this.periods.set(k, (this.periods.get(k) ?? 0) + n);
    for (const [k, n] of state.countries) this.countries.set(k, (this.countries.get(k) ?? 0) + n);
    for (const c of state.countriesSeen) this.countriesSeen.add(c);
    for (const [id, other] of state.speakers) {
      const sp = this.speakers.get(id);
      if (!sp) {
        this.speakers.set(id, { ...other });
        continue;
      }
      sp.count += other.count;
      sp.articles += other.articles;
      if (other.first_date && (!sp.first_date || other.first_date < sp.first_date)) sp.first_date = other.first_date;
      if (other.last_date > sp.last_date) sp.last_date = other.last_date;
      sp.lastArticle = other.lastArticle;
    }
  }

  /** Every period of the window first (zero-filled), then any other period present (outside the window, "undated"). */
  private periodsFor(unit: PeriodUnit, window: AnalysisWindow): string[] {
    const inWindow = periodsInWindow(window, unit);
    const present = [...this.periods.keys()].filter((k) => k.startsWith(`${unit}\t`)).map((k) => k.slice(unit.length + 1));
    return [...inWindow, ...present.filter((p) => !inWindow.includes(p)).sort()];
  }

  /** Statements per period (zero-filled over the window). */
  byPeriod(unit: PeriodUnit, window: AnalysisWindow): Row[] {
    return this.periodsFor(unit, window).map((period) => ({ period_type: unit, period, count: this.periods.get(`${unit}\t${period}`) ?? 0 }));
  }

  /** Statements per period and speaker country (every country seen × every period of the window). */
  byCountry(unit: PeriodUnit, window: AnalysisWindow): Row[] {
    const countries = [...this.countriesSeen].sort();
    return this.periodsFor(unit, window).flatMap((period) =>
      countries.map((c) => ({ period_type: unit, period, speaker_country: c, count: this.countries.get(`${unit}\t${period}\t${c}`) ?? 0 })),
    );
  }

  /** Statements per speaker, most frequent first (ties by name). */
  bySpeaker(): Row[] {
    return [...this.speakers.values()]
      .map(({ lastArticle: _, ...row }) => row)
      .sort((a, b) => b.count - a.count || String(a.speaker).localeCompare(String(b.speaker)));
  }
}

function tallyOf(keys: readonly StatementKey[]): StatementTally {
  const tally = new StatementTally();
  for (const k of keys) tally.add(k);
  return tally;
}

/** Statements per period (zero-filled over the window). */
export function countByPeriod(keys: readonly StatementKey[], unit: PeriodUnit, window: AnalysisWindow): Row[] {
  return tallyOf(keys).byPeriod(unit, window);
}

/** Statements per period and speaker country (every country seen × every period of the window). */
export function countByCountry(keys: readonly StatementKey[], unit: PeriodUnit, window: AnalysisWindow): Row[] {
  return tallyOf(keys).byCountry(unit, window);
}

/** Statements per speaker, most frequent first (ties by name). */
export function countBySpeaker(keys: readonly StatementKey[]): Row[] {
  return tallyOf(keys).bySpeaker();
}

/** A statement's key for the aggregates: the timeline's, with what the explorer lists (outlet, themes). */
export interface StatementsKey extends TimelineKey {
  outlet: string;
  themes: string[];
}

function statementKeysOf(a: AnnotatedArticle): StatementsKey[] {
  const themes = new Map<string, Set<string>>();
  for (const m of a.themes) if (m.statement_id) (themes.get(m.statement_id) ?? themes.set(m.statement_id, new Set()).get(m.statement_id)!).add(m.theme);
  const outlet = a.article.outlet ?? '';
  return a.statements.map((s) => {
    const coded = themes.get(s.statement_id);
    return statementKey(s, outlet, coded ? [...coded].sort() : []);
  });
}

/** A statement's key, its fields written out: spread copies of smaller keys cost several times more, for every statement. */
const statementKey = (s: Statement, outlet = '', themes: string[] = []): StatementsKey => ({
  article_id: s.article_id,
  speaker: s.speaker,
  speaker_id: s.speaker_id,
  speaker_type: s.speaker_type,
  speaker_country: s.speaker_country,
  date: s.date,
  statement_id: s.statement_id,
  quote: quoteOf(s.text),
  outlet,
  themes,
});

/** What the statement aggregates hold of part of the corpus. */
export interface StatementsState {
  counts: StatementState;
  timeline: TimelineState;
  explorer: ExplorerState;
}

/**
 * statements.csv streamed; the three frequency tables at the end, from keys only;
 * for the charts, the top speakers and the month-by-speaker timeline.
 */
export function statementsStage(options: { window: AnalysisWindow }): ReportStage<StatementsKey[], StatementsState> {
  const aggregate = () => {
    const counts = new StatementTally();
    const timeline = new TimelineTally();
    const explorer = new ExplorerTally();
    return {
      counts,
      timeline,
      explorer,
      add(keys: StatementsKey[]) {
        for (const k of keys) {
          counts.add(k);
          timeline.add(k);
          explorer.addStatement(k, k.quote, speakerKey(k));
        }
      },
      state: (): StatementsState => ({ counts: counts.state(), timeline: timeline.state(), explorer: explorer.state() }),
    };
  };
  const whole = aggregate();
  return {
    name: 'statements',
    tables: [STATEMENTS],
    digest: (a) => ({ rows: { statements: statementRows(a.statements) }, tally: statementKeysOf(a) }),
    partial: aggregate,
    merge: (state) => {
      whole.counts.merge(state.counts);
      whole.timeline.merge(state.timeline);
      whole.explorer.merge(state.explorer);
    },
    finish: () => {
      const byCountry = PERIOD_UNITS.flatMap((u) => whole.counts.byCountry(u, options.window));
      const bySpeaker = whole.counts.bySpeaker();
      const timeline = whole.timeline.data(options.window);
      const data: Partial<ReportData> = {};
      if (byCountry.length > 0) data.statements_by_country = byCountry.filter((r) => r.period_type === 'year');
      if (bySpeaker.length > 0) data.statements_by_speaker = speakersData(bySpeaker);
      if (timeline.inWindow + timeline.undated + timeline.outside > 0) data.statements = timeline;
      if (data.statements_by_speaker) data.explorer = whole.explorer.data(data.statements_by_speaker.rows.map((r) => speakerKey({ speaker_id: String(r.speaker_id ?? ''), speaker: String(r.speaker ?? '') })), data.statements);
      return {
        tables: [
          { spec: STATEMENTS_BY_COUNTRY, rows: byCountry },
          { spec: STATEMENTS_BY_SPEAKER, rows: bySpeaker },
          { spec: STATEMENTS_BY_PERIOD, rows: PERIOD_UNITS.flatMap((u) => whole.counts.byPeriod(u, options.window)) },
        ],
        data,
      };
    },
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
  checkCountryCodes(f.countries, 'countries', () => allStatements(annotated).map((s) => s.speaker_country));
  for (const k of f.kinds ?? []) checkOneOf(k, 'kinds', STATEMENT_KINDS);
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
  checkOneOf(options.by, 'by', ['country', 'speaker', 'period']);
  checkOneOf(options.period ?? 'year', 'period', PERIOD_UNITS);
  const keys = filterStatements(annotated, options).map((st) => statementKey(st));
  const unit = options.period ?? 'year';
  const window = options.window ?? DEFAULT_WINDOW;
  if (options.by === 'speaker') return toDataFrame(countBySpeaker(keys), STATEMENTS_BY_SPEAKER);
  if (options.by === 'period') return toDataFrame(countByPeriod(keys, unit, window), STATEMENTS_BY_PERIOD);
  return toDataFrame(countByCountry(keys, unit, window), STATEMENTS_BY_COUNTRY);
}
