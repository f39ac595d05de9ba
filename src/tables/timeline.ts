/**
 * The statement timeline as aggregates: statements per speaker and month, with the
 * first few statements of each (speaker, month) kept as samples (id, date, a short
 * quote), so a chart of any corpus draws a bounded number of marks and every mark
 * still leads to its statements (by id in statements.csv). What is kept grows with
 * speakers and months, never with the number of statements.
 */
import { detach } from './detach';
import type { AnalysisWindow } from './periods';
import type { StatementKey } from './statements';

/** Statements kept per (speaker, month) to show in the chart. */
export const TIMELINE_SAMPLES = 3;
/** Characters of a quotation kept in a sample. */
export const TIMELINE_QUOTE = 160;
/** Speakers drawn on rows of their own; the others share one row. */
export const TIMELINE_SPEAKERS = 20;

/** What the timeline needs of a statement. */
export interface TimelineKey extends StatementKey {
  statement_id: string;
  /** The content, or its start (`quoteOf`): shortened when kept as a sample. */
  quote: string;
}

/**
 * As much of a statement's content as a sample can show: a cheap cut (marked "…"),
 * shortened on a word boundary only when kept as a sample.
 */
export const quoteOf = (text: string): string => (text.length > 2 * TIMELINE_QUOTE ? `${text.slice(0, 2 * TIMELINE_QUOTE)}…` : text);

export interface TimelineSample {
  statement_id: string;
  article_id: string;
  date: string;
  quote: string;
  /** Who said it: only in the other speakers' cells. */
  speaker?: string;
}

/** One mark: a speaker's (or the other speakers', key "") statements in a month. */
export interface TimelineCell {
  key: string;
  /** YYYY-MM */
  month: string;
  count: number;
  /** The first statements of the cell, at most TIMELINE_SAMPLES. */
  samples: TimelineSample[];
}

export interface TimelineSpeaker {
  /** speaker_id, or "unnamed:" and the words used. */
  key: string;
  speaker: string;
  speaker_id: string;
  speaker_country: string;
  /** Dated statements in the window. */
  count: number;
}

/** What the timeline chart draws, bounded: `TIMELINE_SPEAKERS` rows and one more, by month. */
export interface TimelineData {
  /** The most quoted speakers (in the window), most first. */
  speakers: TimelineSpeaker[];
  /** Cells of those speakers and of the other speakers (key ""), by month. */
  cells: TimelineCell[];
  /** The speakers sharing the last row, and their statements. */
  others: { speakers: number; statements: number };
  /** Dated statements in months of the window; undated ones; dated outside the window. */
  inWindow: number;
  undated: number;
  outside: number;
}

/** Shortens a quotation for a tooltip or a label, on a word boundary. */
export function shorten(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return (space > max * 0.6 ? cut.slice(0, space) : cut) + '…';
}

interface SpeakerMonths {
  speaker: string;
  speaker_id: string;
  speaker_country: string;
  /** month → statements and the first samples */
  months: Map<string, { count: number; samples: TimelineSample[] }>;
}

/** `TimelineTally.state()`. */
export interface TimelineState {
  speakers: [string, { speaker: string; speaker_id: string; speaker_country: string; months: [string, number, TimelineSample[]][] }][];
  undated: number;
}

/** A speaker's key in the timeline and the explorer: speaker_id, or "unnamed:" and the words used. */
export const speakerKey = (k: Pick<StatementKey, 'speaker_id' | 'speaker'>) => k.speaker_id || `unnamed:${k.speaker.toLowerCase()}`;

const byDateThenId = (a: TimelineSample, b: TimelineSample) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.statement_id < b.statement_id ? -1 : a.statement_id > b.statement_id ? 1 : 0);

export class TimelineTally {
  private readonly speakers = new Map<string, SpeakerMonths>();
  private undated = 0;

  add(k: TimelineKey): void {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(k.date)) {
      this.undated++;
      return;
    }
    const key = speakerKey(k);
    let sp = this.speakers.get(key);
    if (!sp) {
      sp = { speaker: detach(k.speaker), speaker_id: detach(k.speaker_id), speaker_country: k.speaker_country, months: new Map() };
      this.speakers.set(detach(key), sp);
    }
    const month = k.date.slice(0, 7);
    let cell = sp.months.get(month);
    if (!cell) sp.months.set(month, (cell = { count: 0, samples: [] }));
    cell.count++;
    if (cell.samples.length < TIMELINE_SAMPLES) cell.samples.push({ statement_id: detach(k.statement_id), article_id: detach(k.article_id), date: k.date, quote: detach(shorten(k.quote, TIMELINE_QUOTE)) });
  }

  /** The counts and samples as plain data, for `merge`. */
  state(): TimelineState {
    return {
      speakers: [...this.speakers].map(([key, { months, ...sp }]) => [key, { ...sp, months: [...months].map(([m, c]) => [m, c.count, c.samples]) }]),
      undated: this.undated,
    };
  }

  /** Adds a later part of the corpus (from `state`): its samples come after the ones kept. */
  merge(state: TimelineState): void {
    this.undated += state.undated;
    for (const [key, other] of state.speakers) {
      let sp = this.speakers.get(key);
      if (!sp) this.speakers.set(key, (sp = { speaker: other.speaker, speaker_id: other.speaker_id, speaker_country: other.speaker_country, months: new Map() }));
      for (const [month, count, samples] of other.months) {
        const cell = sp.months.get(month);
        if (!cell) sp.months.set(month, { count, samples: samples.slice(0, TIMELINE_SAMPLES) });
        else {
          cell.count += count;
          cell.samples.push(...samples.slice(0, TIMELINE_SAMPLES - cell.samples.length));
        }
      }
    }
  }

  /**
   * The chart's data: the `top` speakers with most statements in the months of the
   * window (ties by name), a cell per month they spoke in, and one row of the other
   * speakers, whose cells keep the earliest samples (by date, then id).
   */
  data(window: AnalysisWindow, top = TIMELINE_SPEAKERS): TimelineData {
    const [from, to] = [window.from.slice(0, 7), window.to.slice(0, 7)];
    const inWindow = (month: string) => month >= from && month <= to;
    let outside = 0;
    const ranked: (TimelineSpeaker & { months: SpeakerMonths['months'] })[] = [];
    for (const [key, sp] of this.speakers) {
      let count = 0;
      for (const [month, cell] of sp.months) {
        if (inWindow(month)) count += cell.count;
        else outside += cell.count;
      }
      if (count > 0) ranked.push({ key, speaker: sp.speaker, speaker_id: sp.speaker_id, speaker_country: sp.speaker_country, count, months: sp.months });
    }
    ranked.sort((a, b) => b.count - a.count || a.speaker.localeCompare(b.speaker) || (a.key < b.key ? -1 : 1));
    const cells: TimelineCell[] = [];
    for (const sp of ranked.slice(0, top)) {
      for (const [month, { count, samples }] of [...sp.months].sort(([a], [b]) => (a < b ? -1 : 1))) if (inWindow(month)) cells.push({ key: sp.key, month, count, samples });
    }
    const rest = ranked.slice(top);
    const other = new Map<string, { count: number; samples: TimelineSample[] }>();
    for (const sp of rest) {
      for (const [month, cell] of sp.months) {
        if (!inWindow(month)) continue;
        const into = other.get(month) ?? { count: 0, samples: [] };
        into.count += cell.count;
        into.samples = [...into.samples, ...cell.samples.map((x) => ({ ...x, speaker: sp.speaker }))].sort(byDateThenId).slice(0, TIMELINE_SAMPLES);
        other.set(month, into);
      }
    }
    for (const [month, { count, samples }] of [...other].sort(([a], [b]) => (a < b ? -1 : 1))) cells.push({ key: '', month, count, samples });
    return {
      speakers: ranked.slice(0, top).map(({ months: _, ...sp }) => sp),
      cells,
      others: { speakers: rest.length, statements: rest.reduce((n, sp) => n + sp.count, 0) },
      inWindow: ranked.reduce((n, sp) => n + sp.count, 0),
      undated: this.undated,
      outside,
    };
  }
}

const cell = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

/** The timeline of statements.csv rows (as read, all strings, or as `statementRows` gives them). */
export function timelineOfRows(rows: readonly Readonly<Record<string, unknown>>[], window: AnalysisWindow, top = TIMELINE_SPEAKERS): TimelineData {
  const tally = new TimelineTally();
  for (const r of rows) {
    tally.add({
      statement_id: cell(r.statement_id),
      article_id: cell(r.article_id),
      speaker: cell(r.speaker),
      speaker_id: cell(r.speaker_id),
      speaker_type: cell(r.speaker_type) as StatementKey['speaker_type'],
      speaker_country: cell(r.speaker_country),
      date: cell(r.date),
      quote: quoteOf(cell(r.text)),
    });
  }
  return tally.data(window, top);
}
