import type * as Chrono from 'chrono-node/en';
import { z } from 'zod';
import { dataPath, loadYaml } from '../data';
import { KitError } from '../errors';
import type { CleanParagraph } from './clean';

/** chrono-node, loaded with the first date to read: a re-run the cache serves reads none (it took a sixth of a second of every run's start; only its English locale, a third of the load). */
let chronoModule: typeof Chrono | undefined;
export const loadChrono = (): typeof Chrono => (chronoModule ??= require('chrono-node/en') as typeof Chrono);

const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/;

/** "YYYY-MM-DD" if `value` is a real calendar date in that form, else undefined. */
export function isoDate(value: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? m[0].trim() : undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * An ISO date from a piece of text that states a full date ("date 2022-03-07",
 * "March 23, 2021", "2021-03-23T10:00:00Z"); undefined when the year is not given.
 */
export function parseFullDate(text: string): string | undefined {
  const iso = ISO_DATE.exec(text);
  if (iso) return isoDate(iso[0]);
  const result = loadChrono().strict.parse(text)[0];
  if (!result || !result.start.isCertain('year') || !result.start.isCertain('month') || !result.start.isCertain('day')) return undefined;
  return `${result.start.get('year')}-${pad(result.start.get('month')!)}-${pad(result.start.get('day')!)}`;
}

const dateLinePatternSchema = z.string().refine((p) => {
  try {
    new RegExp(p, 'iu');
    return true;
  } catch {
    return false;
  }
}, 'is not a valid regular expression');
const phrasesSchema = z.array(z.string().trim().min(1)).min(1);

const urlPatternSchema = z
  .object({
    pattern: dateLinePatternSchema.refine((p) => ['y', 'm', 'd'].every((g) => p.includes(`(?<${g}>`)), 'must have the named groups y, m and d'),
    day_month_swappable: z.boolean().default(false),
    description: z.string().default(''),
  })
  .strict();

const dateLinesSchema = z
  .object({
    version: z.union([z.string(), z.number()]),
    window_paragraphs: z.number().int().min(1).max(100),
    max_line_chars: z.number().int().min(10).max(1000),
    max_name_words: z.number().int().min(0).max(20),
    max_name_run: z.number().int().min(1).max(10),
    dateline_paragraphs: z.number().int().min(0).max(20),
    dateline_prefix_chars: z.number().int().min(10).max(500),
    dateline_min_words: z.number().int().min(1).max(50),
    dateline_separator: dateLinePatternSchema,
    labels: z.object({ published: phrasesSchema, updated: phrasesSchema, credit: phrasesSchema }).strict(),
    agencies: phrasesSchema,
    weekdays: phrasesSchema,
    time_zones: phrasesSchema,
    connectors: z.array(z.string().trim().min(1)).default([]),
    ignore: z.array(dateLinePatternSchema).default([]),
    url: z
      .object({
        patterns: z.array(urlPatternSchema),
        query: z.object({ year: phrasesSchema, month: phrasesSchema, day: phrasesSchema }).strict(),
      })
      .strict(),
  })
  .strict();

type PhraseKind = 'published' | 'updated' | 'credit' | 'agency' | 'word';

/** The date-line lexicon, compiled. */
export interface DateLines {
  spec: z.infer<typeof dateLinesSchema>;
  phrases: RegExp;
  phraseKind: Map<string, PhraseKind>;
  ignore?: RegExp;
  separator: RegExp;
  urlPatterns: { regex: RegExp; swappable: boolean }[];
}

export const DEFAULT_DATE_LINES_FILE = dataPath('corpus/date-lines.yaml');

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const phraseKey = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

/** Loads and validates a date-lines file (default: the kit's `corpus/date-lines.yaml`). */
export function loadDateLines(file: string = DEFAULT_DATE_LINES_FILE): DateLines {
  const spec = loadYaml(file, dateLinesSchema);
  const phraseKind = new Map<string, PhraseKind>();
  const add = (list: string[], kind: PhraseKind) => {
    for (const phrase of list) {
      const key = phraseKey(phrase);
      const other = phraseKind.get(key);
      if (other && other !== kind) throw new KitError(`${file}: "${phrase}" is listed both as ${other} and as ${kind}`, 'invalid-data', file);
      phraseKind.set(key, kind);
    }
  };
  add(spec.labels.published, 'published');
  add(spec.labels.updated, 'updated');
  add(spec.labels.credit, 'credit');
  add(spec.agencies, 'agency');
  add([...spec.weekdays, ...spec.time_zones, ...spec.connectors], 'word');
  const alternatives = [...phraseKind.keys()].sort((a, b) => b.length - a.length).map((k) => escapeRegex(k).replace(/ /g, '\\s+'));
  return {
    spec,
    phrases: new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu'),
    phraseKind,
    ignore: spec.ignore.length ? new RegExp(spec.ignore.map((p) => `(?:${p})`).join('|'), 'giu') : undefined,
    separator: new RegExp(spec.dateline_separator, 'gu'),
    urlPatterns: spec.url.patterns.map((p) => ({ regex: new RegExp(p.pattern, 'gu'), swappable: p.day_month_swappable })),
  };
}

let defaultDateLines: DateLines | undefined;
function dateLines(): DateLines {
  return (defaultDateLines ??= loadDateLines());
}

/** A year a full date must state: two-digit years and year-less stamps never give a date. */
const YEAR = /(?<!\d)(?:19|20)\d{2}(?!\d)/;
/** Numeric dates: day first with dots (24.10.2024); with slashes or dashes only when one reading is no date. */
const NUMERIC_DATE = /(?<!\d)(\d{1,2})([./-])(\d{1,2})\2((?:19|20)\d{2})(?!\d)/;
/** chrono reads relative dates against this; they never give a publication date, so any fixed day will do. */
const REFERENCE = new Date(Date.UTC(2000, 0, 1));

const ymd = (y: number, m: number, d: number) => isoDate(`${y}-${pad(m)}-${pad(d)}`);

type DateToken = { kind: 'full'; date: string } | { kind: 'yearless' } | { kind: 'other' };

/** What one chrono result gives: a full date (stating a four-digit year), a year-less day, or something else (a time, an ambiguous date). */
function classify(result: Chrono.ParsedResult): DateToken {
  const numeric = NUMERIC_DATE.exec(result.text);
  if (numeric) {
    const [a, b, y] = [Number(numeric[1]), Number(numeric[3]), Number(numeric[4])];
    const dayFirst = ymd(y, b, a);
    const monthFirst = ymd(y, a, b);
    const date = numeric[2] === '.' ? dayFirst : dayFirst === monthFirst || !monthFirst ? dayFirst : !dayFirst ? monthFirst : undefined;
    return date ? { kind: 'full', date } : { kind: 'other' };
  }
  const start = result.start;
  if (start.isCertain('month') && start.isCertain('day')) {
    if (start.isCertain('year') && YEAR.test(result.text)) {
      const date = ymd(start.get('year')!, start.get('month')!, start.get('day')!);
      return date ? { kind: 'full', date } : { kind: 'other' };
    }
    if (!start.isCertain('year')) return { kind: 'yearless' };
  }
  return { kind: 'other' };
}

export type StampKind = 'published' | 'plain' | 'updated';
export interface Stamp {
  date: string;
  /** "published" after a label like Published/Posted, "updated" after Updated/Modified, else "plain". */
  kind: StampKind;
}

/** What a line that stands alone as a date line or dateline holds. */
interface StampLine {
  stamps: Stamp[];
  /** A stamp with no year ("BEIJING, FEB 28"). */
  yearless: boolean;
  /** A news agency is named ("(Xinhua)", "/TASS/"). */
  agency: boolean;
}

/**
 * Reads a line made only of dates, times, labels, agencies, weekdays, time zones and at
 * most a short capitalised name (a place, an outlet) before punctuation or the end:
 * undefined when it holds anything else (a sentence, a caption, a headline with a date in it).
 */
function scanStampLine(line: string, lex: DateLines): StampLine | undefined {
  if (line.length > lex.spec.max_line_chars) return undefined;
  const tokens: DateToken[] = [];
  let masked = '';
  let at = 0;
  for (const result of loadChrono().strict.parse(line, REFERENCE)) {
    if (result.index < at) continue;
    masked += line.slice(at, result.index) + ` \uE000${tokens.length} `;
    tokens.push(classify(result));
    at = result.index + result.text.length;
  }
  masked += line.slice(at);
  if (lex.ignore) masked = masked.replace(lex.ignore, ' \uE001 ');
  masked = masked.replace(lex.phrases, (m) => ` \uE002${lex.phraseKind.get(phraseKey(m))![0]} `);

  const found: StampLine = { stamps: [], yearless: false, agency: false };
  let label: StampKind | undefined;
  let run = 0;
  let names = 0;
  let credit: number | undefined;
  for (const [tok, dateIndex, phrase] of masked.matchAll(/\uE000(\d+)|\uE001|\uE002([puwca])|\p{L}[\p{L}\p{M}'’.-]*|\p{N}+|\S/gu)) {
    if (/^\p{L}/u.test(tok)) {
      if (credit !== undefined) {
        if (++credit > lex.spec.max_name_run) return undefined;
        continue;
      }
      if (!/^\p{Lu}/u.test(tok) || ++run > lex.spec.max_name_run || ++names > lex.spec.max_name_words) return undefined;
      continue;
    }
    if (!(credit === 0 && tok === ':')) credit = undefined; // "Editor: huaxia"
    const marker = tok.startsWith('\uE000') || tok.startsWith('\uE001') || tok.startsWith('\uE002');
    // A name stands before punctuation or at the end ("Moscow, 12 May 2023"), never straight before a date or label ("Talks on June 16, 2021").
    if (marker && run > 0) return undefined;
    run = 0;
    if (dateIndex !== undefined) {
      const token = tokens[Number(dateIndex)]!;
      if (token.kind === 'full') found.stamps.push({ date: token.date, kind: label ?? 'plain' });
      if (token.kind !== 'other') label = undefined;
      if (token.kind === 'yearless') found.yearless = true;
    } else if (phrase === 'p') label = 'published';
    else if (phrase === 'u') label = 'updated';
    else if (phrase === 'c') credit = 0;
    else if (phrase === 'a') found.agency = true;
  }
  return found;
}

/**
 * The dates of a line that stands alone as a date line or time stamp ("Xinhua | Updated:
 * 2021-11-24 08:50", "Moscow, 12 May 2023 (Xinhua)"): undefined when the line holds anything
 * else (a sentence, a caption, a headline with a date in it). `yearless` is set when it holds
 * a stamp with no year ("BEIJING, FEB 28"), which gives no date.
 */
export function readDateLine(line: string, lex: DateLines = dateLines()): { stamps: Stamp[]; yearless: boolean } | undefined {
  const read = scanStampLine(line, lex);
  return read && (read.stamps.length > 0 || read.yearless) ? { stamps: read.stamps, yearless: read.yearless } : undefined;
}

const count = (text: string, char: string) => text.split(char).length - 1;

/** A place in capitals opening a dateline: "BEIJING", "UNITED NATIONS", "KYIV, Ukraine". */
const CAPITALS_PLACE = /^\p{Lu}[\p{Lu}\p{M}'’.-]+(?:[\s/]+\p{Lu}[\p{Lu}\p{M}'’.-]+)*(?![\p{Ll}])/u;

/**
 * The length of the dateline opening a paragraph ("BEIJING, Feb. 28 (Xinhua) -- ",
 * "UNITED NATIONS (AP) — ", "MOSCOW, June 5. /TASS/. ", "BEIJING/ MOSCOW/WASHINGTON--"),
 * separator included; undefined when the paragraph opens with none. A dateline is what
 * a date line may hold (`scanStampLine`), up to a `dateline_separator`, and it names a
 * date, an agency, or opens with a place in capitals; a colon separates one only after a
 * date or an agency, so a speaker label ("ANTONY BLINKEN: …") is never a dateline.
 */
export function openingDateline(paragraph: string, lex: DateLines = dateLines()): number | undefined {
  const head = paragraph.slice(0, lex.spec.dateline_prefix_chars);
  for (const sep of head.matchAll(lex.separator)) {
    const prefix = head.slice(0, sep.index).trim();
    if (prefix === '') return undefined;
    // A separator inside the agency's parentheses is not the dateline's: "MOSCOW (UrduPoint News / Sputnik - 13th March, 2023) …".
    if (count(prefix, '(') > count(prefix, ')')) continue;
    const read = scanStampLine(prefix, lex);
    if (!read) continue;
    const dated = read.stamps.length > 0 || read.yearless || read.agency;
    if (dated || (!sep[0].includes(':') && CAPITALS_PLACE.test(prefix))) return sep.index! + sep[0].length;
  }
  return undefined;
}

/** Date evidence a cleaning rule removed, with its 1-based source line. */
export interface DateEvidence {
  text: string;
  line: number;
}

/** A paragraph of prose: the window always reaches the first one. Words are counted in its first WORD_COUNT_CHARS characters. */
const PROSE_WORDS = 20;
const WORD_COUNT_CHARS = 400;
const paragraphWords = (text: string, p: CleanParagraph) => text.slice(p.start, Math.min(p.end, p.start + WORD_COUNT_CHARS)).split(/\s+/).length;

/** Datelines open a paragraph of prose: navigation and share lines before it are not counted. */
function mayOpenWithDateline(text: string, p: CleanParagraph, lex: DateLines): boolean {
  return !p.caption && paragraphWords(text, p) >= lex.spec.dateline_min_words;
}

/**
 * Where the opening datelines of an article's paragraphs end (see `openingDateline`), by
 * paragraph index: looked for in the first `dateline_paragraphs` paragraphs of prose.
 */
export function datelineEnds(text: string, paragraphs: readonly CleanParagraph[], lex: DateLines = dateLines()): Map<number, number> {
  const ends = new Map<number, number>();
  let looked = 0;
  for (let i = 0; i < paragraphs.length && looked < lex.spec.dateline_paragraphs; i++) {
    const p = paragraphs[i]!;
    if (!mayOpenWithDateline(text, p, lex)) continue;
    looked++;
    const length = openingDateline(text.slice(p.start, p.end), lex);
    if (length !== undefined) ends.set(i, p.start + length);
  }
  return ends;
}


/**
 * The publication date the page itself shows at once: a date line or time stamp near the
 * top ("Updated: 2021-11-24 08:50", "20:21, 27 November 2021", "February 5, 2022 at 19:00
 * JST"), a line a cleaning rule removed as date evidence there, or an opening dateline
 * ("MOSCOW, March 20, 2023 (Reuters) - ..."). Captions and dates inside sentences never count.
 * A "published" stamp wins over a plain one, which wins over an "updated" one; among equals the first.
 */
export function inferPublished(
  text: string,
  paragraphs: readonly CleanParagraph[],
  dateEvidence: readonly DateEvidence[],
  lex: DateLines = dateLines(),
): Stamp | undefined {
  const firstProse = paragraphs.findIndex((p) => !p.caption && paragraphWords(text, p) >= PROSE_WORDS);
  const window = Math.max(lex.spec.window_paragraphs, firstProse + 1);
  const endLine = paragraphs[window]?.line ?? Infinity;
  const found: { line: number; stamps: Stamp[] }[] = [];
  for (const evidence of dateEvidence) {
    if (evidence.line >= endLine) continue;
    const read = readDateLine(evidence.text, lex)?.stamps;
    const date = read?.length ? undefined : parseFullDate(evidence.text);
    found.push({ line: evidence.line, stamps: read?.length ? read : date ? [{ date, kind: 'plain' }] : [] });
  }
  let datelines = 0;
  for (const p of paragraphs.slice(0, window)) {
    if (p.caption) continue;
    const line = p.end - p.start <= lex.spec.max_line_chars ? text.slice(p.start, p.end) : undefined;
    const whole = line && YEAR.test(line) ? readDateLine(line, lex) : undefined;
    if (whole) {
      found.push({ line: p.line, stamps: whole.stamps });
      continue;
    }
    if (!mayOpenWithDateline(text, p, lex) || datelines++ >= lex.spec.dateline_paragraphs) continue;
    const head = text.slice(p.start, Math.min(p.end, p.start + lex.spec.dateline_prefix_chars));
    if (!YEAR.test(head)) continue;
    for (const sep of head.matchAll(lex.separator)) {
      const prefix = head.slice(0, sep.index).trim();
      const stamps = YEAR.test(prefix) ? readDateLine(prefix, lex)?.stamps : undefined;
      if (stamps?.length) {
        found.push({ line: p.line, stamps: stamps.map((s) => ({ ...s, kind: s.kind === 'updated' ? 'updated' : 'plain' })) });
        break;
      }
    }
  }
  const stamps = found.sort((a, b) => a.line - b.line).flatMap((f) => f.stamps);
  return stamps.find((s) => s.kind === 'published') ?? stamps.find((s) => s.kind === 'plain') ?? stamps.find((s) => s.kind === 'updated');
}

/**
 * The date a URL's path gives (/2022/05/27/, /20221201-74197/, /news/2023-03-20/, ?dd=08&mm=03&yyyy=2022):
 * only a full, real year-month-day; a year and month alone (/2023/03/) give nothing.
 */
export function dateFromUrl(url: string, lex: DateLines = dateLines()): string | undefined {
  let target = url.trim();
  let query: URLSearchParams | undefined;
  try {
    const parsed = new URL(target);
    target = parsed.pathname + parsed.search;
    query = parsed.searchParams;
  } catch {
    // not an absolute URL: its text is read as it is
  }
  for (const { regex, swappable } of lex.urlPatterns) {
    for (const m of target.matchAll(regex)) {
      const [y, mo, d] = [Number(m.groups!.y), Number(m.groups!.m), Number(m.groups!.d)];
      const date = ymd(y, mo, d);
      if (date && (!swappable || mo === d || !ymd(y, d, mo))) return date;
    }
  }
  if (query) {
    const get = (keys: string[]) => keys.map((k) => query.get(k)).find((v) => v && /^\d{1,4}$/.test(v));
    const [y, mo, d] = [get(lex.spec.url.query.year), get(lex.spec.url.query.month), get(lex.spec.url.query.day)];
    if (y && mo && d && YEAR.test(y)) return ymd(Number(y), Number(mo), Number(d));
  }
  return undefined;
}

const TERMINAL = /[.!?:;,"”’')\]]$/;

/** The headline, if the article opens with one: a short line with no final punctuation that is not a caption. */
export function inferHeadline(text: string, paragraphs: readonly CleanParagraph[]): string | undefined {
  const first = paragraphs[0];
  if (!first || first.caption) return undefined;
  const line = text.slice(first.start, first.end);
  const words = line.split(/\s+/).length;
  return line.length <= 160 && words >= 3 && !TERMINAL.test(line) ? line : undefined;
}

/** A short descriptive title when there is no headline: the first sentence, cut at a word near 90 characters. */
export function fallbackTitle(firstSentence: string): string {
  if (firstSentence.length <= 90) return firstSentence;
  const cut = firstSentence.slice(0, 90);
  return cut.slice(0, cut.lastIndexOf(' ')) + '…';
}
