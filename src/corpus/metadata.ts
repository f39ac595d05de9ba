import * as chrono from 'chrono-node';
import type { CleanParagraph } from './clean';

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
  const result = chrono.strict.parse(text)[0];
  if (!result || !result.start.isCertain('year') || !result.start.isCertain('month') || !result.start.isCertain('day')) return undefined;
  return `${result.start.get('year')}-${pad(result.start.get('month')!)}-${pad(result.start.get('day')!)}`;
}

/** A wire-style dateline opening the article: "BEIJING, March 7, 2022 (Reuters) -". */
const DATELINE = /^[A-Z][A-Za-z .'-]{1,40}, ((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2},? \d{4})\b/;

/** The publication date the text itself states, from cleaning-rule evidence or an opening dateline. */
export function inferPublished(text: string, paragraphs: readonly CleanParagraph[], dateEvidence: readonly string[]): string | undefined {
  for (const evidence of dateEvidence) {
    const date = parseFullDate(evidence);
    if (date) return date;
  }
  for (const p of paragraphs.slice(0, 3)) {
    const m = DATELINE.exec(text.slice(p.start, p.end));
    if (m) return parseFullDate(m[1]!);
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
