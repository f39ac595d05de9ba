/**
 * Pivot tables of the report: frequency tables turned into one row per group and a
 * column per year, as report.html shows them. Pure functions of the aggregate rows.
 */
import { periodDomain, type AnalysisWindow } from './periods';
import type { Row } from './schema';

const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
const num = (v: unknown): number => {
  const n = typeof v === 'number' ? v : v === '' || v === null || v === undefined ? NaN : Number(v);
  return Number.isFinite(n) ? n : 0;
};

/** A pivot: the years (its columns besides the group and totals) and its rows, in order. */
export interface Pivot {
  years: string[];
  rows: Row[];
}

/**
 * Statements per speaker country (rows: `country`, each year, `total`) and year, from
 * statements_by_country rows; most statements first, ties by the country's label.
 */
export function statementsByCountryYear(rows: readonly Row[], window: AnalysisWindow, label: (code: string) => string): Pivot {
  const yearly = rows.filter((r) => str(r.period_type) === 'year');
  const years = periodDomain('year', yearly.map((r) => str(r.period)), window);
  const byCountry = new Map<string, Record<string, number>>();
  for (const r of yearly) {
    const c = byCountry.get(str(r.speaker_country)) ?? {};
    c[str(r.period)] = (c[str(r.period)] ?? 0) + num(r.count);
    byCountry.set(str(r.speaker_country), c);
  }
  const out = [...byCountry.entries()].map(([code, counts]) => ({
    country: label(code),
    ...Object.fromEntries(years.map((y) => [y, counts[y] ?? 0])),
    total: years.reduce((s, y) => s + (counts[y] ?? 0), 0),
  }));
  out.sort((a, b) => b.total - a.total || a.country.localeCompare(b.country));
  return { years, rows: out };
}

/**
 * Themes (rows: `theme` label, each year as "statements (share%)", `total`
 * statements, `matches` in any sentence) by year, from themes_by_year rows; most
 * statements first, then most matches, then by label.
 */
export function themesByYear(rows: readonly Row[], window: AnalysisWindow): Pivot {
  const years = periodDomain('year', rows.map((r) => str(r.period)), window);
  const byTheme = new Map<string, { cells: Record<string, string>; statements: number; matches: number }>();
  for (const r of rows) {
    const label = str(r.label) || str(r.theme);
    const t = byTheme.get(label) ?? { cells: {}, statements: 0, matches: 0 };
    t.cells[str(r.period)] = num(r.statements) ? `${num(r.statements)} (${Math.round(num(r.share) * 100)}%)` : '0';
    t.statements += num(r.statements);
    t.matches += num(r.count);
    byTheme.set(label, t);
  }
  const out = [...byTheme.entries()]
    .map(([label, t]) => ({ theme: label, ...Object.fromEntries(years.map((y) => [y, t.cells[y] ?? '0'])), total: t.statements, matches: t.matches }))
    .sort((a, b) => b.total - a.total || b.matches - a.matches || a.theme.localeCompare(b.theme));
  return { years, rows: out };
}
