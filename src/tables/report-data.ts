/**
 * What the charts and report.html read: small typed rows cut from the stages'
 * aggregates (the report's run) or from the tables' CSV files (`reportDataFromTables`,
 * for tables made elsewhere). Every piece is bounded whatever the corpus size: top
 * lists, period × group counts, a month-by-speaker timeline, so drawing the charts
 * of 50,000 articles reads no table back and holds no row per article or statement.
 * Each cut keeps exactly what its chart draws from the whole table (the tests build
 * the charts both ways).
 */
import { COOCCURRENCE_WINDOWS, type CooccurrenceWindow } from './actors';
import { detach } from './detach';
import type { Sentence } from '../corpus/types';
import type { AnalysisWindow } from './periods';
import type { Row } from './schema';
import { ExplorerTally, type ExplorerData } from './explorer';
import { CooccurrenceSamples, unitTexts, type CooccurrenceExplorerData } from './cooccurrence-explorer';
import { articleUnits } from './actors';
import { speakerKey, timelineOfRows, type TimelineData } from './timeline';

/** Articles listed in report.html (the earliest by publication date). */
export const ARTICLE_LIST = 50;
/** Speakers in the top-speakers chart and table. */
export const TOP_SPEAKERS = 15;
/** Unregistered names listed in report.html. */
export const UNREGISTERED_LIST = 20;
/** Terms in the keyness chart. */
export const TOP_KEYNESS = 20;
/** Actors in the co-occurrence heatmap and network; pairs in the by-year chart. */
export const TOP_ACTORS = 15;
export const TOP_PAIRS = 12;

export interface ArticlesData {
  /** Articles per publication year ("undated" when unknown) and outlet ("" when unknown). */
  byYear: { year: string; outlet: string; count: number }[];
  /** The first ARTICLE_LIST articles by publication date (undated first; ties in input order). */
  list: ArticleSummary[];
  /** Articles in all. */
  total: number;
  /** Earliest and latest publication dates, and the articles without one; null when none is dated. */
  dates: { from: string; to: string; undated: number } | null;
}

/** The leading rows of a table, and how many rows it has. */
export interface TopRows {
  rows: Row[];
  total: number;
}

/** statements_by_speaker's leading rows (the top of all speakers and of the named ones), its size and its named speakers. */
export interface SpeakersData extends TopRows {
  named: number;
}

/** The co-occurrence charts' share of cooccurrence.csv: one window's rows of the pairs they can draw. */
export interface CooccurrenceData {
  /** The narrowest window with any pair (sentence, else paragraph, else article). */
  window: CooccurrenceWindow;
  /** Rows of that window whose pair touches one of the TOP_ACTORS actors or is one of the TOP_PAIRS pairs. */
  rows: Row[];
  /** Name and country of each actor in `rows`. */
  actors: [string, { name: string; country: string }][];
  /** Actors with any co-occurrence in the window. */
  actorCount: number;
  /** Periods of the window's rows. */
  periods: string[];
  /** The TOP_ACTORS actors the heatmap and network draw, most co-occurrences first. */
  topActors: string[];
  /** The TOP_PAIRS pairs (a < b) the by-year chart draws, most frequent first. */
  topPairs: [string, string][];
}

export interface ReportData {
  articles: ArticlesData;
  statements_by_country: Row[];
  statements_by_speaker: SpeakersData;
  statements: TimelineData;
  cooccurrence: CooccurrenceData;
  unregistered: TopRows;
  themes_by_year: Row[];
  themes_by_country: Row[];
  keyness: TopRows;
  /** The statements behind each mark, for report.html's explorer (bounded). */
  explorer: ExplorerData;
  /** The sentences behind each co-occurrence mark, for the explorer (bounded). */
  cooccurrence_explorer: CooccurrenceExplorerData;
}

export type ReportDataKey = keyof ReportData;

/** The tables each piece of data is cut from: a piece is absent when one of them has no rows (or is missing). */
export const DATA_SOURCES: Record<ReportDataKey, readonly string[]> = {
  articles: ['articles'],
  statements_by_country: ['statements_by_country'],
  statements_by_speaker: ['statements_by_speaker'],
  statements: ['statements'],
  cooccurrence: ['cooccurrence', 'mentions'],
  unregistered: ['unregistered'],
  themes_by_year: ['themes_by_year'],
  themes_by_country: ['themes_by_country'],
  keyness: ['keyness'],
  explorer: ['statements'],
  cooccurrence_explorer: ['cooccurrence', 'mentions', 'sentences', 'articles'],
};

const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
const num = (v: unknown): number => {
  const n = typeof v === 'number' ? v : v === '' || v === null || v === undefined ? NaN : Number(v);
  return Number.isFinite(n) ? n : 0;
};

// ---------------------------------------------------------------- articles

/** What the article aggregates need of one article. */
export type ArticleSummary = {
  published: string;
  outlet: string;
  title: string;
  sentences: number;
  words: number;
};

/** `ArticlesTally.state()`. */
export interface ArticlesState {
  byYear: [string, number][];
  list: ArticleSummary[];
  total: number;
  dated: number;
  from: string;
  to: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Article counts by year and outlet, the earliest articles and the date range, kept article by article. */
export class ArticlesTally {
  private readonly byYear = new Map<string, number>();
  private readonly list: ArticleSummary[] = [];
  private total = 0;
  private dated = 0;
  private from = '';
  private to = '';

  add(a: ArticleSummary): void {
    const year = /^\d{4}/.test(a.published) ? a.published.slice(0, 4) : 'undated';
    const key = `${year}\t${a.outlet}`;
    const had = this.byYear.get(key);
    this.byYear.set(had === undefined ? detach(key) : key, (had ?? 0) + 1);
    this.total++;
    if (ISO_DATE.test(a.published)) {
      this.dated++;
      if (!this.from || a.published < this.from) this.from = a.published;
      if (a.published > this.to) this.to = a.published;
    }
    this.insert(a);
  }

  /** Into the list sorted by publication date, after the articles of the same date. */
  private insert(a: ArticleSummary): void {
    let at = this.list.length;
    while (at > 0 && this.list[at - 1]!.published > a.published) at--;
    if (at >= ARTICLE_LIST) return;
    this.list.splice(at, 0, { published: a.published, outlet: detach(a.outlet), title: detach(a.title), sentences: a.sentences, words: a.words });
    if (this.list.length > ARTICLE_LIST) this.list.pop();
  }

  state(): ArticlesState {
    return { byYear: [...this.byYear], list: this.list, total: this.total, dated: this.dated, from: this.from, to: this.to };
  }

  /** Adds a later part of the corpus (from `state`). */
  merge(state: ArticlesState): void {
    for (const [k, n] of state.byYear) this.byYear.set(k, (this.byYear.get(k) ?? 0) + n);
    for (const a of state.list) this.insert(a);
    this.total += state.total;
    this.dated += state.dated;
    if (state.from && (!this.from || state.from < this.from)) this.from = state.from;
    if (state.to > this.to) this.to = state.to;
  }

  data(): ArticlesData {
    const byYear = [...this.byYear].map(([k, count]) => {
      const [year, outlet] = k.split('\t') as [string, string];
      return { year, outlet, count };
    });
    byYear.sort((a, b) => (a.year < b.year ? -1 : a.year > b.year ? 1 : a.outlet < b.outlet ? -1 : a.outlet > b.outlet ? 1 : 0));
    return { byYear, list: [...this.list], total: this.total, dates: this.dated ? { from: this.from, to: this.to, undated: this.total - this.dated } : null };
  }
}

// ---------------------------------------------------------------- cuts of whole tables

/** statements_by_speaker's data from its rows, most statements first (ties by name), as the table is sorted. */
export function speakersData(rows: readonly Row[]): SpeakersData {
  const sorted = [...rows].sort((a, b) => num(b.count) - num(a.count) || str(a.speaker).localeCompare(str(b.speaker)));
  const named = sorted.filter((r) => str(r.speaker) !== '');
  const keep = new Set([...sorted.slice(0, TOP_SPEAKERS), ...named.slice(0, TOP_SPEAKERS)]);
  return { rows: sorted.filter((r) => keep.has(r)), total: rows.length, named: named.length };
}

/** The first `n` rows (the table's own order) and the table's size. */
export function topRows(rows: readonly Row[], n: number): TopRows {
  return { rows: rows.slice(0, n), total: rows.length };
}

/** keyness.csv's TOP_KEYNESS terms with the largest |G²| (ties by term), as the chart picks them. */
export function keynessData(rows: readonly Row[]): TopRows {
  const g2 = (r: Row) => Math.abs(num(r.G2 ?? r.g2));
  const top = rows
    .filter((r) => str(r.feature) !== '')
    .map((r, i) => ({ r, i }))
    .sort((a, b) => g2(b.r) - g2(a.r) || str(a.r.feature).localeCompare(str(b.r.feature)) || a.i - b.i)
    .slice(0, TOP_KEYNESS)
    .map(({ r }) => r);
  return { rows: top, total: rows.length };
}

/**
 * The co-occurrence charts' rows: the narrowest window with a pair, and of it only
 * the pairs the charts can draw. The heatmap and network draw the TOP_ACTORS actors
 * with most co-occurrences and the pairs among them; the by-year chart the TOP_PAIRS
 * most frequent pairs. Every pair touching a top actor is kept, so each top actor's
 * total is whole and the same actors come out on top.
 */
export function cooccurrenceData(rows: readonly Row[], actors: ReadonlyMap<string, { name: string; country: string }>): CooccurrenceData | undefined {
  const window = COOCCURRENCE_WINDOWS.find((w) => rows.some((r) => str(r.window) === w));
  if (!window) return undefined;
  const inWindow = rows.filter((r) => str(r.window) === window);
  const pairOf = (r: Row) => [str(r.actor_a), str(r.actor_b)].sort() as [string, string];
  const totals = new Map<string, { a: string; b: string; count: number }>();
  for (const r of inWindow) {
    const [a, b] = pairOf(r);
    if (!a || !b || a === b) continue;
    const key = `${a}\u0000${b}`;
    const t = totals.get(key) ?? { a, b, count: 0 };
    t.count += num(r.count);
    totals.set(key, t);
  }
  const pairs = [...totals.values()].filter((p) => p.count > 0);
  const weight = new Map<string, number>();
  for (const p of pairs) for (const id of [p.a, p.b]) weight.set(id, (weight.get(id) ?? 0) + p.count);
  const topActorList = [...weight]
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .slice(0, TOP_ACTORS)
    .map(([id]) => id);
  const topPairList = [...pairs].sort((x, y) => y.count - x.count || `${x.a} ${x.b}`.localeCompare(`${y.a} ${y.b}`)).slice(0, TOP_PAIRS);
  const topActors = new Set(topActorList);
  const topPairs = new Set(topPairList.map((p) => `${p.a}\u0000${p.b}`));
  const kept = inWindow.filter((r) => {
    const [a, b] = pairOf(r);
    return topActors.has(a) || topActors.has(b) || topPairs.has(`${a}\u0000${b}`);
  });
  const ids = new Set(kept.flatMap((r) => pairOf(r)));
  return {
    window,
    rows: kept,
    actors: [...ids].sort().flatMap((id) => {
      const actor = actors.get(id);
      return actor ? [[id, actor] as [string, { name: string; country: string }]] : [];
    }),
    actorCount: weight.size,
    periods: [...new Set(inWindow.map((r) => str(r.period)))].sort(),
    topActors: topActorList,
    topPairs: topPairList.map((p) => [p.a, p.b]),
  };
}

/** Name and country of each actor id, from its first row in mentions.csv. */
export function actorsFromMentionRows(rows: readonly Readonly<Record<string, unknown>>[]): Map<string, { name: string; country: string }> {
  const index = new Map<string, { name: string; country: string }>();
  for (const r of rows) {
    const id = str(r.actor_id);
    if (id && !index.has(id)) index.set(id, { name: str(r.actor) || id, country: str(r.country) });
  }
  return index;
}

/** The explorer's tally of statements.csv rows, with their themes (themes.csv) and outlets (articles.csv). */
export function explorerOfRows(statements: readonly Row[], themes: readonly Row[], articles: readonly Row[]): ExplorerTally {
  const outlets = new Map(articles.map((r) => [str(r.article_id), str(r.outlet)]));
  const themesOf = new Map<string, Set<string>>();
  for (const r of themes) {
    const id = str(r.statement_id);
    if (id) (themesOf.get(id) ?? themesOf.set(id, new Set()).get(id)!).add(str(r.theme));
  }
  const tally = new ExplorerTally();
  for (const r of statements) {
    const k = { statement_id: str(r.statement_id), article_id: str(r.article_id), speaker: str(r.speaker), speaker_id: str(r.speaker_id) };
    tally.add({
      ...k,
      date: str(r.date),
      outlet: outlets.get(k.article_id) ?? '',
      speaker_country: str(r.speaker_country),
      themes: [...(themesOf.get(k.statement_id) ?? [])].sort(),
      text: str(r.text),
      speaker_key: speakerKey(k),
    });
  }
  return tally;
}

/**
 * The co-occurrence samples of tables on disk, as the run collects them: mentions.csv
 * article by article (in file order, the run's order), the texts from sentences.csv
 * (only the sentences with a mention are needed) and the dates and outlets from
 * articles.csv. The same samples as the run's while it stayed under the samples' budget.
 */
export function cooccurrenceSamplesOfRows(mentions: readonly Row[], sentences: readonly Row[], articles: readonly Row[]): CooccurrenceSamples {
  const meta = new Map(articles.map((r) => [str(r.article_id), { published: str(r.published), outlet: str(r.outlet) }]));
  const sentencesOf = new Map<string, Sentence[]>();
  for (const r of sentences) {
    const [start, end] = [num(r.start), num(r.end)];
    let text = str(r.text);
    // The formula guard's quote is not the sentence's: the offsets say how long the sentence is.
    if (text.length === end - start + 1 && text.startsWith("'")) text = text.slice(1);
    const id = str(r.article_id);
    (sentencesOf.get(id) ?? sentencesOf.set(id, []).get(id)!).push({ index: num(r.sentence), paragraph: num(r.paragraph), start, end, text });
  }
  const samples = new CooccurrenceSamples();
  const flush = (id: string, ms: { sentence: number; actor_id: string }[]) => {
    if (ms.length === 0) return;
    const article = { article_id: id, ...(meta.get(id) ?? { published: '', outlet: '' }), sentences: (sentencesOf.get(id) ?? []).sort((a, b) => a.index - b.index) };
    const units = articleUnits(article, ms);
    samples.add(units, unitTexts(article, ms, units));
  };
  let current = '';
  let ms: { sentence: number; actor_id: string }[] = [];
  for (const r of mentions) {
    const id = str(r.article_id);
    if (id !== current) {
      flush(current, ms);
      [current, ms] = [id, []];
    }
    ms.push({ sentence: num(r.sentence), actor_id: str(r.actor_id) });
  }
  flush(current, ms);
  return samples;
}

/**
 * The report's data from tables read from CSV (OUT/tables/NAME.csv, all cells
 * strings), for charts of tables written elsewhere; a piece whose table is missing or
 * empty is left out, and `missing` says why.
 */
export function reportDataFromTables(
  tables: Partial<Record<string, readonly Row[]>>,
  window: AnalysisWindow,
): { data: Partial<ReportData>; missing: Partial<Record<ReportDataKey, string>> } {
  const missing: Partial<Record<ReportDataKey, string>> = {};
  const data: Partial<ReportData> = {};
  const present = (key: ReportDataKey): boolean => {
    for (const name of DATA_SOURCES[key]) {
      const rows = tables[name];
      if (!rows) missing[key] = `tables/${name}.csv not found`;
      else if (rows.length === 0) missing[key] = `tables/${name}.csv has no rows`;
      if (missing[key]) return false;
    }
    return true;
  };
  if (present('articles')) {
    const tally = new ArticlesTally();
    for (const r of tables.articles!) tally.add({ published: str(r.published), outlet: str(r.outlet), title: str(r.title), sentences: num(r.sentences), words: num(r.words) });
    data.articles = tally.data();
  }
  // The charts and the report's table draw years.
  if (present('statements_by_country')) data.statements_by_country = tables.statements_by_country!.filter((r) => r.period_type === undefined || str(r.period_type) === 'year');
  if (present('statements_by_speaker')) data.statements_by_speaker = speakersData(tables.statements_by_speaker!);
  if (present('statements')) {
    data.statements = timelineOfRows(tables.statements!, window);
    const speakers = (data.statements_by_speaker?.rows ?? []).map((r) => speakerKey({ speaker_id: str(r.speaker_id), speaker: str(r.speaker) }));
    data.explorer = explorerOfRows(tables.statements!, tables.themes ?? [], tables.articles ?? []).data(speakers, data.statements);
  }
  if (present('cooccurrence')) {
    const co = cooccurrenceData(tables.cooccurrence!, actorsFromMentionRows(tables.mentions!));
    if (co) data.cooccurrence = co;
    else missing.cooccurrence = 'tables/cooccurrence.csv has no rows';
  }
  if (data.cooccurrence && present('cooccurrence_explorer')) {
    data.cooccurrence_explorer = cooccurrenceSamplesOfRows(tables.mentions!, tables.sentences!, tables.articles!).data(data.cooccurrence);
  }
  if (present('unregistered')) data.unregistered = topRows(tables.unregistered!, UNREGISTERED_LIST);
  if (present('themes_by_year')) data.themes_by_year = [...tables.themes_by_year!];
  if (present('themes_by_country')) data.themes_by_country = [...tables.themes_by_country!];
  if (present('keyness')) data.keyness = keynessData(tables.keyness!);
  return { data, missing };
}
