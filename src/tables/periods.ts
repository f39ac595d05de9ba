import { check, checkOneOf } from '../errors';

/** The analysis window: ISO dates, inclusive. Period tables are zero-filled across it. */
export interface AnalysisWindow {
  from: string;
  to: string;
}

/** 2021–2024, the years this kit was built to study. */
export const DEFAULT_WINDOW: AnalysisWindow = { from: '2021-01-01', to: '2024-12-31' };

export type PeriodUnit = 'year' | 'quarter' | 'month';
export const PERIOD_UNITS: readonly PeriodUnit[] = ['year', 'quarter', 'month'];

/** The period label of an ISO date: "2022", "2022-Q1" or "2022-03"; "undated" when there is no date. */
export function periodOf(date: string, unit: PeriodUnit): string {
  checkOneOf(unit, 'period', PERIOD_UNITS);
  if (!/^\d{4}-\d{2}/.test(date)) return 'undated';
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  if (unit === 'year') return year;
  if (unit === 'quarter') return `${year}-Q${Math.ceil(month / 3)}`;
  return `${year}-${date.slice(5, 7)}`;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Checks a window: two ISO dates, `from` not after `to`. */
export function checkWindow(window: AnalysisWindow): void {
  check(
    ISO_DATE.test(window.from) && ISO_DATE.test(window.to) && window.from <= window.to,
    'window',
    `got ${JSON.stringify(window)}`,
    'Give { from: "YYYY-MM-DD", to: "YYYY-MM-DD" } with from <= to, e.g. { from: "2021-01-01", to: "2024-12-31" }',
  );
}

/** Every period label from `from` to `to` (ISO dates, inclusive), in order: the rows a zero-filled table must have. */
export function periodsInWindow(window: AnalysisWindow, unit: PeriodUnit): string[] {
  checkWindow(window);
  const out: string[] = [];
  let y = Number(window.from.slice(0, 4));
  let m = Number(window.from.slice(5, 7));
  const endLabel = periodOf(window.to, unit);
  for (let guard = 0; guard < 12 * 500; guard++) {
    const label = periodOf(`${y}-${String(m).padStart(2, '0')}-01`, unit);
    if (out[out.length - 1] !== label) out.push(label);
    if (label === endLabel) break;
    m++;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

/** The window's periods plus any other period found in the data (sorted after them), undated last. */
export function periodDomain(unit: PeriodUnit, dataPeriods: Iterable<string>, window: AnalysisWindow = DEFAULT_WINDOW): string[] {
  const domain = periodsInWindow(window, unit);
  const inWindow = new Set(domain);
  const extra = [...new Set(dataPeriods)].filter((p) => p && !inWindow.has(p));
  const dated = extra.filter((p) => /^\d{4}/.test(p)).sort();
  const undated = extra.filter((p) => !/^\d{4}/.test(p)).sort();
  return [...new Set([...domain, ...dated])].sort().concat(undated);
}
