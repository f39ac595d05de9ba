/**
 * The co-occurrence charts' explorer data: for each pair of actors and year, the units
 * naming both (sentences; paragraphs or articles when the charts fall back to that
 * window) as rows to list: article id, date, outlet, the sentence (index and text). A
 * click on a heatmap cell, a network node or link, or a by-year cell lists them.
 *
 * Bounded whatever the corpus: at most SAMPLE_ROWS rows a pair and year, and at most
 * SAMPLE_BUDGET rows in all. The number of pairs grows with the corpus, so past the
 * budget the pairs with the lowest counts lose their rows (and their entry); a pair
 * seen again collects anew, so its rows are some of its units, not always the first.
 * Text is only touched for a pair that still wants rows. At the end only the marks the
 * charts draw are kept, cut to COOCCURRENCE_MAX_ROWS rows for the page.
 */
import type { Article } from '../corpus/types';
import type { Mention } from '../annotators/types';
import { MAX_PAIRED_ACTORS, type ArticleUnits, type CooccurrenceWindow } from './actors';
import { detach } from './detach';
import { ListedOnce } from './listed-once';
import { boundMarks, EXPLORER_MARK_ROWS, EXPLORER_TEXT, type BoundMarks } from './explorer';
import { periodOf } from './periods';
import type { CooccurrenceData } from './report-data';
import { shorten } from './timeline';

/** Rows kept a pair and year while reading (the first ones, in input order, while under the budget). */
export const SAMPLE_ROWS = EXPLORER_MARK_ROWS;
/** Rows kept in all while reading (about 300 bytes each: some 6 MB). */
export const SAMPLE_BUDGET = 20_000;
/** Rows the page embeds at most (about 350 bytes each as JSON: at most about 0.7 MB). */
export const COOCCURRENCE_MAX_ROWS = 2_000;

const RANK: Record<CooccurrenceWindow, number> = { sentence: 0, paragraph: 1, article: 2 };

/**
 * What the samples need of one article's text, for its narrowest window with a pair
 * (a sentence naming two actors makes the corpus's charts use the sentence window, so
 * the wider windows' texts are left out then).
 */
export interface UnitTexts {
  window: CooccurrenceWindow;
  outlet: string;
  /** The sentences rows may quote, in article order: their indexes, and their texts cut at twice EXPLORER_TEXT. */
  sentences: number[];
  texts: string[];
  /**
   * For each unit of `units[window]`, positions in `sentences`: in the sentence window
   * one, the unit's own sentence; in the paragraph and article windows one for each
   * of the unit's actor ids, the first sentence of the unit naming it. Empty for a unit
   * with no pair.
   */
  firsts: number[][];
}

/** Whether a unit counts pairs (one naming more than MAX_PAIRED_ACTORS counts none, as in cooccurrence.csv). */
const paired = (ids: readonly string[]) => ids.length >= 2 && ids.length <= MAX_PAIRED_ACTORS;
/** As much of a sentence as a row can show: a cheap cut, shortened on a word boundary only when kept. */
const cut = (text: string): string => (text.length > 2 * EXPLORER_TEXT ? `${text.slice(0, 2 * EXPLORER_TEXT)}…` : text);

/** The texts an article's units give the samples; undefined when no unit pairs two actors. */
export function unitTexts(
  article: Pick<Article, 'outlet' | 'sentences'>,
  mentions: readonly Pick<Mention, 'sentence' | 'actor_id'>[],
  units: ArticleUnits,
): UnitTexts | undefined {
  const window = (['sentence', 'paragraph', 'article'] as const).find((w) => units.units[w].some(paired));
  if (!window) return undefined;
  const list = units.units[window];
  const sentenceOf = (index: number) => (article.sentences[index]?.index === index ? article.sentences[index] : article.sentences.find((s) => s.index === index));
  // A unit's key, as articleUnits groups them (ascending): its sentence, its paragraph (-1 when unknown), or the article.
  const keyOf =
    window === 'sentence' ? (s: number) => s : window === 'paragraph' ? (s: number) => sentenceOf(s)?.paragraph ?? -1 : () => 0;
  const keys = [...new Set(mentions.map((m) => keyOf(m.sentence)))].sort((a, b) => a - b);
  if (window === 'sentence') {
    // Each paired unit quotes its own sentence: the sentences in unit order are already in article order.
    const sentences: number[] = [];
    const firsts = list.map((ids, u) => (paired(ids) ? [sentences.push(keys[u]!) - 1] : []));
    return { window, outlet: article.outlet, sentences, texts: sentences.map((s) => cut(sentenceOf(s)?.text ?? '')), firsts };
  }
  const unitAt = new Map(keys.map((k, u) => [k, u]));
  /** unit → the first sentence naming each of its ids */
  const first = list.map((ids) => (paired(ids) ? ids.map(() => Infinity) : []));
  for (const m of mentions) {
    const u = unitAt.get(keyOf(m.sentence))!;
    const at = first[u]!;
    const k = at.length === 0 ? -1 : list[u]!.indexOf(m.actor_id);
    if (k >= 0 && m.sentence < at[k]!) at[k] = m.sentence;
  }
  const sentences = [...new Set(first.flat())].sort((a, b) => a - b);
  const position = new Map(sentences.map((s, i) => [s, i]));
  return {
    window,
    outlet: article.outlet,
    sentences,
    texts: sentences.map((s) => cut(sentenceOf(s)?.text ?? '')),
    firsts: first.map((at) => at.map((s) => position.get(s)!)),
  };
}

/** A kept unit: article id, date (ISO or ""), outlet, sentence index, text (at most EXPLORER_TEXT characters). */
export type SampleRow = [article_id: string, date: string, outlet: string, sentence: number, text: string];

interface Entry {
  /** Units of the pair and year since the entry was made (it orders evictions). */
  count: number;
  rows: SampleRow[];
}

/**
 * `CooccurrenceSamples.state()`: the window, each row text once, and [period, actor a,
 * actor b, count, rows] of each pair and year, a row's text given by its index (a
 * sentence naming several actors is a row of each of their pairs: written out per
 * pair, its text made a cached segment's state several times larger).
 */
export interface CooccurrenceSamplesState {
  window: CooccurrenceWindow | '';
  texts: string[];
  entries: [string, string, string, number, [article_id: string, date: string, outlet: string, sentence: number, text: number][]][];
}

/** What the explorer lists of a unit: the pair it was kept for, by name, and their countries. */
export interface CooccurrenceExplorerRow {
  article_id: string;
  date: string;
  outlet: string;
  sentence: number;
  pair: string;
  countries: string[];
  text: string;
}

/** The co-occurrence marks the charts draw, their counts (the charts' own) and their rows, cut to the page's bound. */
export interface CooccurrenceExplorerData extends BoundMarks<CooccurrenceExplorerRow> {
  /** The window the charts draw: what a row is (a sentence, or a paragraph or article with an excerpt). */
  window: CooccurrenceWindow;
}

/** Keys of the marks, as the page builds them from a clicked datum (a < b). */
export const cooccurrenceKeys = {
  pair: (a: string, b: string) => `co\t${a}\t${b}`,
  pairYear: (a: string, b: string, period: string) => `cy\t${a}\t${b}\t${period}`,
  actor: (id: string) => `cn\t${id}`,
};

export class CooccurrenceSamples {
  /** The narrowest window with a pair so far: only its units are kept. */
  private window: CooccurrenceWindow | undefined;
  /** period → actor a → actor b (a < b) → entry */
  private readonly entries = new Map<string, Map<string, Map<string, Entry>>>();
  private kept = 0;

  constructor(
    readonly budget = SAMPLE_BUDGET,
    readonly perPair = SAMPLE_ROWS,
  ) {}

  /** Rows kept now (at most `budget` after each article). */
  get rows(): number {
    return this.kept;
  }

  /** Whether units of `window` are kept: a narrower window than the one kept drops the wider one's rows. */
  private adopt(window: CooccurrenceWindow): boolean {
    if (this.window === undefined || RANK[window] < RANK[this.window]) {
      this.entries.clear();
      this.kept = 0;
      this.window = window;
    }
    return window === this.window;
  }

  add(units: ArticleUnits, texts: UnitTexts | undefined): void {
    if (!texts || !this.adopt(texts.window)) return;
    const window = texts.window;
    const period = periodOf(units.published, 'year');
    let byA = this.entries.get(period);
    if (!byA) this.entries.set(period, (byA = new Map()));
    let article: [string, string] | undefined;
    const list = units.units[window];
    for (let u = 0; u < list.length; u++) {
      const ids = list[u]!;
      if (!paired(ids)) continue;
      const firsts = texts.firsts[u]!;
      let sentenceText: string | undefined;
      for (let i = 0; i < ids.length; i++) {
        const a = ids[i]!;
        let withA = byA.get(a);
        if (!withA) byA.set(a, (withA = new Map()));
        for (let j = i + 1; j < ids.length; j++) {
          const b = ids[j]!;
          let entry = withA.get(b);
          if (!entry) withA.set(b, (entry = { count: 0, rows: [] }));
          entry.count++;
          if (entry.rows.length >= this.perPair) continue;
          article ??= [detach(units.article_id), detach(texts.outlet)];
          let row: SampleRow;
          if (window === 'sentence') {
            sentenceText ??= detach(texts.texts[firsts[0]!] ?? ''); // already cut; shortened on a word boundary in `data`, for the rows shown
            row = [article[0], units.published, article[1], texts.sentences[firsts[0]!]!, sentenceText];
          } else row = excerpt(texts, firsts[i]!, firsts[j]!, article, units.published);
          entry.rows.push(row);
          this.kept++;
        }
      }
      // An article naming hundreds of actors a sentence could hold many budgets' worth before its end.
      if (this.kept > 2 * this.budget) {
        this.evict();
        byA = this.entries.get(period) ?? new Map();
        this.entries.set(period, byA);
      }
    }
    if (this.kept > this.budget) this.evict();
  }

  /**
   * Drops the entries with the lowest counts (ties: the later period, then the later
   * pair) until a quarter of the budget is free again, so eviction runs seldom.
   */
  private evict(): void {
    const all: [number, string, string, string, number][] = [];
    for (const [period, byA] of this.entries) for (const [a, withA] of byA) for (const [b, e] of withA) all.push([e.count, period, a, b, e.rows.length]);
    all.sort((x, y) => x[0] - y[0] || compare(y[1], x[1]) || compare(y[2], x[2]) || compare(y[3], x[3]));
    const target = Math.floor((this.budget * 3) / 4);
    for (const [, period, a, b, n] of all) {
      if (this.kept <= target) break;
      const byA = this.entries.get(period)!;
      const withA = byA.get(a)!;
      withA.delete(b);
      if (withA.size === 0) byA.delete(a);
      if (byA.size === 0) this.entries.delete(period);
      this.kept -= n;
    }
  }

  /** The samples as plain data, in key order (period, a, b), so the same samples give the same state however they were added. */
  state(): CooccurrenceSamplesState {
    const entries: CooccurrenceSamplesState['entries'] = [];
    const texts = new ListedOnce<string>();
    const all: [string, string, string, Entry][] = [];
    for (const [period, byA] of this.entries) for (const [a, withA] of byA) for (const [b, e] of withA) all.push([period, a, b, e]);
    all.sort((x, y) => compare(x[0], y[0]) || compare(x[1], y[1]) || compare(x[2], y[2]));
    for (const [period, a, b, e] of all) entries.push([period, a, b, e.count, e.rows.map(([id, date, outlet, sentence, text]) => [id, date, outlet, sentence, texts.indexOf(text)])]);
    return { window: this.window ?? '', texts: texts.values, entries };
  }

  /** Adds a later part of the corpus (from `state`): its rows come after the ones kept. */
  merge(state: CooccurrenceSamplesState): void {
    if (!state.window || !this.adopt(state.window)) return;
    for (const [period, a, b, count, rows] of state.entries) {
      let byA = this.entries.get(period);
      if (!byA) this.entries.set(period, (byA = new Map()));
      let withA = byA.get(a);
      if (!withA) byA.set(a, (withA = new Map()));
      let entry = withA.get(b);
      if (!entry) withA.set(b, (entry = { count: 0, rows: [] }));
      entry.count += count;
      const take = rows.slice(0, Math.max(0, this.perPair - entry.rows.length)).map(([id, date, outlet, sentence, text]): SampleRow => [id, date, outlet, sentence, state.texts[text]!]);
      entry.rows.push(...take);
      this.kept += take.length;
    }
    if (this.kept > this.budget) this.evict();
  }

  /** The rows of a pair (a < b) in one period, or in every period (in period order). */
  private rowsOf(a: string, b: string, period?: string): SampleRow[] {
    if (period !== undefined) return this.entries.get(period)?.get(a)?.get(b)?.rows ?? [];
    return [...this.entries.keys()].sort().flatMap((p) => this.entries.get(p)!.get(a)?.get(b)?.rows ?? []);
  }

  /**
   * The marks the co-occurrence charts draw, with the charts' counts (from `co`, the
   * counts of cooccurrence.csv, not the samples'): each heatmap cell and network link
   * (a pair of top actors), each by-year cell (a top pair in a year) and each network
   * node (a top actor: its co-occurrences with every other actor, as many as its
   * weight, its rows taken in turn from its partners, the most frequent first).
   */
  data(co: CooccurrenceData): CooccurrenceExplorerData {
    const sameWindow = this.window === co.window;
    const names = new Map(co.actors);
    const toRow = new Map<SampleRow, CooccurrenceExplorerRow>();
    const rowsOf = (a: string, b: string, period?: string): CooccurrenceExplorerRow[] =>
      (sameWindow ? this.rowsOf(a, b, period) : []).map((s) => {
        let row = toRow.get(s);
        if (!row) {
          const [x, y] = [names.get(a), names.get(b)];
          row = { article_id: s[0], date: s[1], outlet: s[2], sentence: s[3], pair: `${x?.name ?? a} – ${y?.name ?? b}`, countries: [x?.country ?? '', y?.country ?? ''], text: shorten(s[4], EXPLORER_TEXT) };
          toRow.set(s, row);
        }
        return row;
      });
    /** pair "a\tb" → period → units with both */
    const counts = new Map<string, Map<string, number>>();
    for (const r of co.rows) {
      const [a, b] = [String(r.actor_a ?? ''), String(r.actor_b ?? '')].sort() as [string, string];
      if (!a || !b || a === b) continue;
      const byPeriod = counts.get(`${a}\t${b}`) ?? counts.set(`${a}\t${b}`, new Map()).get(`${a}\t${b}`)!;
      const period = String(r.period ?? '');
      byPeriod.set(period, (byPeriod.get(period) ?? 0) + Number(r.count ?? 0));
    }
    const total = (byPeriod: ReadonlyMap<string, number>) => [...byPeriod.values()].reduce((n, c) => n + c, 0);
    const picked = new Map<string, { count: number; rows: CooccurrenceExplorerRow[] }>();
    const top = new Set(co.topActors);
    /** top actor → its pairs: [partner, a, b, units] */
    const partners = new Map<string, [string, string, string, number][]>(co.topActors.map((id) => [id, []]));
    for (const [key, byPeriod] of counts) {
      const [a, b] = key.split('\t') as [string, string];
      const n = total(byPeriod);
      if (n <= 0) continue;
      if (top.has(a) && top.has(b)) picked.set(cooccurrenceKeys.pair(a, b), { count: n, rows: rowsOf(a, b) });
      partners.get(a)?.push([b, a, b, n]);
      partners.get(b)?.push([a, a, b, n]);
    }
    for (const [a, b] of co.topPairs) {
      for (const [period, n] of counts.get(`${a}\t${b}`) ?? []) if (n > 0) picked.set(cooccurrenceKeys.pairYear(a, b, period), { count: n, rows: rowsOf(a, b, period) });
    }
    for (const [id, list] of partners) {
      list.sort((x, y) => y[3] - x[3] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
      // Enough rows for the page's bound, taken in turn from each partner so the list shows several.
      const lists = list.map(([, a, b]) => rowsOf(a, b).slice(0, SAMPLE_ROWS));
      const rows: CooccurrenceExplorerRow[] = [];
      for (let k = 0; rows.length < SAMPLE_ROWS && lists.some((l) => l.length > k); k++) for (const l of lists) if (l[k] && rows.length < SAMPLE_ROWS) rows.push(l[k]!);
      picked.set(cooccurrenceKeys.actor(id), { count: list.reduce((n, p) => n + p[3], 0), rows });
    }
    return { window: co.window, ...boundMarks(picked, SAMPLE_ROWS, COOCCURRENCE_MAX_ROWS, (r) => r) };
  }
}

const compare = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

/** A paragraph's or article's row: the first sentence naming one actor, " … ", the first naming the other (each shortened to fit). */
function excerpt(texts: UnitTexts, x: number, y: number, article: [string, string], date: string): SampleRow {
  const [lo, hi] = x <= y ? [x, y] : [y, x];
  const half = Math.floor((EXPLORER_TEXT - 3) / 2);
  const text = lo === hi ? shorten(texts.texts[lo] ?? '', EXPLORER_TEXT) : `${shorten(texts.texts[lo] ?? '', half)} … ${shorten(texts.texts[hi] ?? '', half)}`;
  return [article[0], date, article[1], texts.sentences[lo]!, detach(text)];
}
