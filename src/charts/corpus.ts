import type { TopLevelSpec } from 'vega-lite';
import { OTHER_OUTLETS_COLOR, OUTLET_COLORS } from './colors';
import {
  CHART_CONFIG,
  countAxis,
  num,
  periodDomain,
  safeLabel,
  str,
  VEGA_LITE_SCHEMA,
  type ChartOptions,
  type TableRow,
  type WindowOption,
} from './common';

/** Outlets drawn in colours of their own (OUTLET_COLORS); the others share one. */
const OUTLETS_SHOWN = OUTLET_COLORS.length - 1;

/**
 * Articles per publication year by outlet, from articles.csv rows (`published,outlet`),
 * or from counts (`year,outlet,count`, as the report keeps them): what the corpus
 * covers before any annotation. Every year of the window is drawn; undated articles
 * get their own column. Beyond ten outlets, all but the nine with most articles are
 * one "other outlets" colour.
 */
export function articlesByYear(rows: readonly TableRow[], options: ChartOptions & WindowOption = {}): TopLevelSpec {
  const counts = new Map<string, { year: string; outlet: string; articles: number }>();
  const perOutlet = new Map<string, number>();
  for (const r of rows) {
    const year = r.year !== undefined ? str(r.year) : /^\d{4}/.test(str(r.published)) ? str(r.published).slice(0, 4) : 'undated';
    const outlet = str(r.outlet) || 'unknown outlet';
    const n = r.count !== undefined ? num(r.count) : 1;
    const key = `${year}\u0000${outlet}`;
    const c = counts.get(key) ?? { year, outlet, articles: 0 };
    c.articles += n;
    counts.set(key, c);
    perOutlet.set(outlet, (perOutlet.get(outlet) ?? 0) + n);
  }
  const ranked = [...perOutlet].sort(([a, x], [b, y]) => y - x || a.localeCompare(b)).map(([o]) => o);
  const shown = new Set(ranked.length > OUTLETS_SHOWN + 1 ? ranked.slice(0, OUTLETS_SHOWN) : ranked);
  const other = `other outlets (${ranked.length - shown.size})`;
  const merged = new Map<string, { year: string; outlet: string; articles: number }>();
  for (const c of counts.values()) {
    const outlet = shown.has(c.outlet) ? safeLabel(c.outlet) : other;
    const key = `${c.year}\u0000${outlet}`;
    const m = merged.get(key) ?? { year: c.year, outlet, articles: 0 };
    m.articles += c.articles;
    merged.set(key, m);
  }
  const values = [...merged.values()].sort((a, b) => (a.year < b.year ? -1 : a.year > b.year ? 1 : a.outlet.localeCompare(b.outlet)));
  const years = periodDomain('year', values.map((v) => v.year), options.window);
  const perYear = new Map<string, number>();
  for (const v of values) perYear.set(v.year, (perYear.get(v.year) ?? 0) + v.articles);
  const total = [...perYear.values()].reduce((a, b) => a + b, 0);
  // Outlets most articles first, each its own colour; "other outlets" last, in grey.
  const outletDomain = [...ranked.filter((o) => shown.has(o)).map(safeLabel), ...(shown.size < ranked.length ? [other] : [])];
  const outletRange = outletDomain.map((o, i) => (o === other && shown.size < ranked.length ? OTHER_OUTLETS_COLOR : OUTLET_COLORS[i % OUTLET_COLORS.length]!));
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: options.title ?? 'Articles per year', subtitle: `${total} articles by publication year; colour = outlet` },
    width: options.width ?? 480,
    height: 260,
    data: { values },
    mark: { type: 'bar', stroke: '#ffffff', strokeWidth: 1 },
    encoding: {
      x: { field: 'year', type: 'ordinal', scale: { domain: years }, title: 'Year published', axis: { labelAngle: 0 } },
      y: { field: 'articles', aggregate: 'sum', type: 'quantitative', title: 'Articles', axis: countAxis(Math.max(0, ...perYear.values())) },
      color: { field: 'outlet', type: 'nominal', title: 'Outlet', scale: { domain: outletDomain, range: outletRange } },
      tooltip: [
        { field: 'year', title: 'Year' },
        { field: 'outlet', title: 'Outlet' },
        { field: 'articles', aggregate: 'sum', type: 'quantitative', title: 'Articles' },
      ],
    },
    config: CHART_CONFIG,
  };
}
