/**
 * The explorer's data: for each mark the report's charts draw (a year × country bar,
 * a speaker's bar, a timeline mark, a theme × year cell, a theme × country bar), its
 * number of statements and its first few statements (date, outlet, speaker, text,
 * article id), so clicking a mark in report.html lists the statements behind it.
 * Bounded whatever the corpus: at most EXPLORER_MARK_ROWS statements a mark while
 * reading, and at the end only the marks drawn, cut to EXPLORER_MAX_ROWS distinct
 * statements in all (the rest are in statements.csv, which the page names).
 */
import { detach } from './detach';
import { ListedOnce } from './listed-once';
import { periodOf } from './periods';
import type { TimelineData } from './timeline';
import { quoteOf, shorten } from './timeline';

/** Statements kept per mark while reading (the first, in input order). */
export const EXPLORER_MARK_ROWS = 20;
/** Distinct statements the page embeds at most (about 350 bytes each as JSON, so at most about 1.4 MB). */
export const EXPLORER_MAX_ROWS = 4000;
/** Characters of a statement's text kept. */
export const EXPLORER_TEXT = 240;

/** What the explorer keeps of a statement. */
export interface ExplorerRow {
  statement_id: string;
  article_id: string;
  date: string;
  outlet: string;
  speaker: string;
  speaker_country: string;
  themes: string[];
  text: string;
}

/** What the explorer needs of a statement: its row and the speaker's key (as the timeline keys speakers). */
export interface ExplorerKey extends ExplorerRow {
  speaker_key: string;
}

/** Keys of the marks, as the page builds them from a clicked datum. */
export const markKeys = {
  yearCountry: (year: string, country: string) => `yc\t${year}\t${country}`,
  speaker: (speakerKey: string) => `sp\t${speakerKey}`,
  month: (month: string, speakerKey: string) => `tl\t${month}\t${speakerKey}`,
  themeYear: (theme: string, year: string) => `ty\t${theme}\t${year}`,
  themeCountry: (theme: string, country: string) => `tc\t${theme}\t${country}`,
};

export interface ExplorerData {
  /** Statements kept per mark at most. */
  perMark: number;
  rows: ExplorerRow[];
  /** Mark key → its statements in all, and its rows (indexes into `rows`). */
  marks: Record<string, { count: number; rows: number[] }>;
}

interface Mark {
  count: number;
  rows: ExplorerRow[];
}

/**
 * `ExplorerTally.state()`: each kept row once, and each mark with its count and its
 * rows' indexes (a statement is in several marks: written out per mark, the rows
 * made a cached segment's state several times larger).
 */
export interface ExplorerState {
  rows: ExplorerRow[];
  marks: [string, number, number[]][];
}

export class ExplorerTally {
  private readonly marks = new Map<string, Mark>();

  /** The marks of the statement being added that still keep rows (reused: `add` runs for every statement). */
  private readonly wanting: Mark[] = [];
  /** The last article's id and outlet as kept: an article's statements come together. */
  private lastArticle = { id: '', kept: '', outlet: '', keptOutlet: '' };

  /** Counts the statement in the mark, noting the mark when it still keeps rows. */
  private count(key: string): void {
    let mark = this.marks.get(key);
    if (!mark) this.marks.set(detach(key), (mark = { count: 0, rows: [] }));
    mark.count++;
    if (mark.rows.length < EXPLORER_MARK_ROWS) this.wanting.push(mark);
  }

  add(k: ExplorerKey): void {
    this.addStatement(k, k.text, k.speaker_key);
  }

  /** `add` with the text and the speaker's key given apart (the statements stage has them so: no copy of its key). */
  addStatement(k: Omit<ExplorerRow, 'text'>, text: string, speakerKey: string): void {
    const year = periodOf(k.date, 'year');
    const wanting = this.wanting;
    wanting.length = 0;
    this.count(markKeys.yearCountry(year, k.speaker_country || 'unknown'));
    this.count(markKeys.speaker(speakerKey));
    if (/^\d{4}-\d{2}-\d{2}$/.test(k.date)) this.count(markKeys.month(k.date.slice(0, 7), speakerKey));
    for (const theme of k.themes.length > 1 ? new Set(k.themes) : k.themes) {
      this.count(markKeys.themeYear(theme, year));
      this.count(markKeys.themeCountry(theme, k.speaker_country));
    }
    // Most statements come after their marks are full: the row (copies of the texts) is built only when one keeps it.
    if (wanting.length === 0) return;
    const last = this.lastArticle;
    if (last.id !== k.article_id || last.outlet !== k.outlet) this.lastArticle = { id: k.article_id, kept: detach(k.article_id), outlet: k.outlet, keptOutlet: detach(k.outlet) };
    const row: ExplorerRow = {
      statement_id: detach(k.statement_id),
      article_id: this.lastArticle.kept,
      date: k.date,
      outlet: this.lastArticle.keptOutlet,
      speaker: detach(k.speaker),
      speaker_country: k.speaker_country,
      themes: k.themes,
      // Cut cheaply here (most rows kept are never shown) and shortened on a word boundary in `data`.
      text: detach(quoteOf(text)),
    };
    for (const mark of wanting) mark.rows.push(row);
  }

  state(): ExplorerState {
    const rows = new ListedOnce<ExplorerRow>();
    const marks: ExplorerState['marks'] = [...this.marks].map(([key, m]) => [key, m.count, m.rows.map((row) => rows.indexOf(row))]);
    return { rows: rows.values, marks };
  }

  /** Adds a later part of the corpus: its rows come after the ones kept. */
  merge(state: ExplorerState): void {
    for (const [key, count, at] of state.marks) {
      const mark = this.marks.get(key);
      const rows = (n: number) => at.slice(0, Math.max(0, n)).map((i) => state.rows[i]!);
      if (!mark) this.marks.set(key, { count, rows: rows(EXPLORER_MARK_ROWS) });
      else {
        mark.count += count;
        mark.rows.push(...rows(EXPLORER_MARK_ROWS - mark.rows.length));
      }
    }
  }

  /**
   * The marks the charts draw: every year × country, theme × year and theme × country
   * mark, the speakers `speakers` names and the timeline's marks (its other speakers'
   * row as one mark per month, key ""). Rows per mark are cut evenly until at most
   * EXPLORER_MAX_ROWS distinct statements remain.
   */
  data(speakers: readonly string[], timeline?: TimelineData): ExplorerData {
    const picked = new Map<string, Mark>();
    const drawnSpeakers = new Set(speakers.map(markKeys.speaker));
    const timelineRows = new Set((timeline?.speakers ?? []).map((s) => s.key));
    const others = new Map<string, Mark>();
    for (const [key, mark] of this.marks) {
      const [kind, a, b] = key.split('\t') as [string, string, string];
      if (kind === 'sp' && !drawnSpeakers.has(key)) continue;
      if (kind === 'tl' && !timelineRows.has(b)) {
        if (!timeline) continue;
        // The other speakers' row: one mark a month, its earliest statements.
        const into = others.get(a) ?? { count: 0, rows: [] };
        into.count += mark.count;
        into.rows.push(...mark.rows);
        others.set(a, into);
        continue;
      }
      picked.set(key, mark);
    }
    const byDate = (x: ExplorerRow, y: ExplorerRow) => (x.date < y.date ? -1 : x.date > y.date ? 1 : x.statement_id < y.statement_id ? -1 : x.statement_id > y.statement_id ? 1 : 0);
    for (const [month, mark] of others) picked.set(markKeys.month(month, ''), { count: mark.count, rows: mark.rows.sort(byDate).slice(0, EXPLORER_MARK_ROWS) });
    const bound = boundMarks(picked, EXPLORER_MARK_ROWS, EXPLORER_MAX_ROWS, (r) => r.statement_id);
    return { ...bound, rows: bound.rows.map((r) => ({ ...r, text: shorten(r.text, EXPLORER_TEXT) })) };
  }
}

/** Marks cut to a page's bound, their rows listed once and referred to by index. */
export interface BoundMarks<R> {
  /** Rows a mark keeps at most. */
  perMark: number;
  rows: R[];
  /** Mark key → its count in all, and its rows (indexes into `rows`). */
  marks: Record<string, { count: number; rows: number[] }>;
}

/**
 * Cuts each mark's rows evenly (the first `perMarkMost` of each, then one fewer, …) until at
 * most `maxRows` distinct rows (by `idOf`) remain, and lists each row once, marks in key order.
 */
export function boundMarks<R>(picked: ReadonlyMap<string, { count: number; rows: readonly R[] }>, perMarkMost: number, maxRows: number, idOf: (row: R) => unknown): BoundMarks<R> {
  const keys = [...picked.keys()].sort();
  // The most rows a mark may keep: the largest n whose first n rows of every mark are at most
  // maxRows distinct (at least 1). Distinct rows only grow with n, so one pass adds each mark's
  // n-th row in turn and stops where the bound is passed.
  let perMark = perMarkMost;
  const seen = new Set<unknown>();
  for (let n = 1; n <= perMarkMost; n++) {
    for (const key of keys) {
      const row = picked.get(key)!.rows[n - 1];
      if (row !== undefined) seen.add(idOf(row));
    }
    if (seen.size > maxRows) {
      perMark = Math.max(1, n - 1);
      break;
    }
  }
  const rows: R[] = [];
  const index = new Map<unknown, number>();
  const marks: BoundMarks<R>['marks'] = {};
  for (const key of keys) {
    const mark = picked.get(key)!;
    const ids: number[] = [];
    for (const row of mark.rows.slice(0, perMark)) {
      const id = idOf(row);
      let at = index.get(id);
      if (at === undefined) {
        if (rows.length >= maxRows) break;
        index.set(id, (at = rows.length));
        rows.push(row);
      }
      ids.push(at);
    }
    marks[key] = { count: mark.count, rows: ids };
  }
  return { perMark, rows, marks };
}
