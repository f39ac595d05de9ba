import type { TopLevelSpec } from 'vega-lite';
import {
  CHART_CONFIG,
  countAxis,
  periodDomain,
  safeLabel,
  str,
  VEGA_LITE_SCHEMA,
  type ChartOptions,
  type TableRow,
  type WindowOption,
} from './common';

/**
 * Articles per publication year by outlet, from articles.csv (`published,outlet,...`):
 * what the corpus covers before any annotation. Every year of the window is drawn;
 * undated articles get their own column.
 */
export function articlesByYear(rows: readonly TableRow[], options: ChartOptions & WindowOption = {}): TopLevelSpec {
  const values = rows.map((r) => ({
    year: /^\d{4}/.test(str(r.published)) ? str(r.published).slice(0, 4) : 'undated',
    outlet: safeLabel(str(r.outlet) || 'unknown outlet'),
    title: str(r.title),
    published: str(r.published),
  }));
  const years = periodDomain('year', values.map((v) => v.year), options.window);
  const perYear = new Map<string, number>();
  for (const v of values) perYear.set(v.year, (perYear.get(v.year) ?? 0) + 1);
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: options.title ?? 'Articles per year', subtitle: `${values.length} articles by publication year; colour = outlet` },
    width: options.width ?? 480,
    height: 260,
    data: { values },
    mark: { type: 'bar', stroke: '#ffffff', strokeWidth: 1 },
    encoding: {
      x: { field: 'year', type: 'ordinal', scale: { domain: years }, title: 'Year published', axis: { labelAngle: 0 } },
      y: { aggregate: 'count', type: 'quantitative', title: 'Articles', axis: countAxis(Math.max(0, ...perYear.values())) },
      color: { field: 'outlet', type: 'nominal', title: 'Outlet', scale: { scheme: 'tableau10' } },
      tooltip: [
        { field: 'title', title: 'Title' },
        { field: 'outlet', title: 'Outlet' },
        { field: 'published', title: 'Published' },
      ],
    },
    config: CHART_CONFIG,
  };
}
