import type * as Chrono from 'chrono-node/en';
import type { ParsedComponents } from 'chrono-node';
import { loadChrono } from '../../corpus/metadata';
import type { Article, Sentence } from '../../corpus/types';
import type { StatementDateBasis } from '../types';

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
/**
 * What a date of the day needs: a weekday, a month name beside a number, a numeric
 * date, or yesterday/today/tonight/ago/last. chrono-node runs only on attributions
 * holding one: the rest (a bare "year", "20 allies") could give no day it keeps.
 */
const DATE_WORD = /\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*\d|\d(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\d[-/.]\d|\b(?:yesterday|today|tonight|ago|last)\b/i;
/** A stretch of text between blanked contents (content is never read for the date). */
const ATTRIBUTION_STRETCH = /\S(?:.*?\S)??(?=\s{3,}|\s*$)/gs;
/**
 * chrono-node's casual English parsers without those that read only times or the
 * future ("at 10 a.m.", "this morning", "within days", "two days later", "the end of the
 * month"): none gives a past day, which is all a statement's date keeps, and each costs
 * a regex pass over every attribution.
 */
const TIME_OR_FUTURE_PARSERS = new Set(['ENTimeExpressionParser', 'ENCasualTimeParser', 'ENTimeUnitWithinFormatParser', 'ENTimeUnitLaterFormatParser', 'ENEndOfCurrentMonthParser']);
let dayParserOnce: Chrono.Chrono | undefined;
const dayParser = (): Chrono.Chrono => {
  if (!dayParserOnce) {
    dayParserOnce = loadChrono().casual.clone();
    dayParserOnce.parsers = dayParserOnce.parsers.filter((p) => !TIME_OR_FUTURE_PARSERS.has(p.constructor.name));
  }
  return dayParserOnce;
};
const SAME_PERIOD = /\b(?:earlier|later)\s+(?:this|today)\s*(?:week|month|year)?\b|\bthis\s+week\b/i;

/**
 * When a statement was made: a date the attribution states ("said Tuesday",
 * "on Feb. 4", "last week", "on February 28, 2022"), resolved by chrono-node against
 * the publication date and never after it (news reports the past), else the
 * publication date. Dates inside the reported content are not the statement's date.
 */
export function statementDate(
  article: Article,
  first: Sentence,
  last: Sentence,
  content: readonly { start: number; end: number }[],
  cueStart: number,
): { date: string; basis: StatementDateBasis } {
  if (!article.published) return { date: '', basis: 'none' };
  // Blank out the content so only the attribution's own words are read; offsets stay.
  let text = article.norm.slice(first.start, last.end);
  for (const p of content) {
    const a = Math.max(0, p.start - first.start);
    const b = Math.min(text.length, p.end - first.start);
    if (b > a) text = text.slice(0, a) + ' '.repeat(b - a) + text.slice(b);
  }
  const published = new Date(`${article.published}T12:00:00Z`);
  let best: { date: Date; distance: number } | undefined;
  // Each stretch of attribution between blanked contents is parsed on its own, and only when it names a day.
  const results: { index: number; text: string; start: ParsedComponents }[] = [];
  for (const m of text.matchAll(ATTRIBUTION_STRETCH)) {
    if (!DATE_WORD.test(m[0])) continue;
    for (const r of dayParser().parse(m[0], { instant: published, timezone: 0 })) results.push({ index: m.index! + r.index, text: r.text, start: r.start });
  }
  for (const r of results) {
    const c = r.start;
    const day = c.isCertain('day') || c.isCertain('weekday') || /\b(?:last|yesterday|today|ago)\b/i.test(r.text);
    if (!day) continue;
    const date = new Date(Date.UTC(c.get('year')!, c.get('month')! - 1, c.get('day')!));
    if (date > published) {
      if (c.isCertain('year')) continue; // a future date is not when something was said
      if (!c.isCertain('month')) date.setUTCDate(date.getUTCDate() - 7); // "Friday" → the one before publication
      else date.setUTCFullYear(date.getUTCFullYear() - 1); // "Dec. 30" read in January
    }
    const distance = Math.abs(first.start + r.index - cueStart);
    if (!best || distance < best.distance) best = { date, distance };
  }
  if (best) return { date: iso(best.date), basis: 'text' };
  if (SAME_PERIOD.test(text)) return { date: article.published, basis: 'text' };
  return { date: article.published, basis: 'publication' };
}
