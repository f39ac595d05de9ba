import { DEFAULT_WINDOW, periodsInWindow, type AnalysisWindow, type PeriodUnit } from '../tables/periods';
export { periodDomain } from '../tables/periods';
export { shorten } from '../tables/timeline';
import { ticks } from 'd3-array';
import type { Config, TopLevelSpec } from 'vega-lite';
import type { Spec as VegaSpec } from 'vega';
import { countryLabel, countryPalette, type CountryPalette } from './colors';

/** A chart the kit builds: a vega-lite spec, or (for the network) a plain vega spec. */
export type ChartSpec = TopLevelSpec | VegaSpec;

/**
 * A table row as the builders take it: read from CSV (all strings) or built in
 * code (numbers). Builders coerce the columns they use.
 */
export type TableRow = Readonly<Record<string, string | number | null | undefined>>;

/** Options every builder accepts. */
export interface ChartOptions {
  /** Country colours and labels (default: the actor registry's). */
  palette?: CountryPalette;
  /** Chart title (default: the builder's own). */
  title?: string;
  /** Plot width in pixels. */
  width?: number;
}

/** Analysis window: every period in it is drawn, even with no data. */
export interface WindowOption {
  window?: AnalysisWindow;
}

export type PeriodType = PeriodUnit;

/** Shared look: readable at report size (about 700 px wide), one font the PNG renderer has. */
export const CHART_CONFIG: Config = {
  font: 'DejaVu Sans, Verdana, Arial, sans-serif',
  background: '#ffffff',
  padding: 12,
  title: { fontSize: 16, subtitleFontSize: 12, subtitleColor: '#555555', anchor: 'start', offset: 12 },
  axis: { labelFontSize: 12, titleFontSize: 13, titleFontWeight: 'normal', labelLimit: 220 },
  legend: { labelFontSize: 12, titleFontSize: 13, titleFontWeight: 'normal', labelLimit: 220 },
  view: { stroke: null },
};

export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v5.json';

export function str(v: TableRow[string]): string {
  return v === null || v === undefined ? '' : String(v);
}

/** A numeric cell; empty or malformed cells count as 0 so one bad row cannot hide a chart. */
export function num(v: TableRow[string]): number {
  if (typeof v === 'number') return Number.isFinite(v) ? v : 0;
  const n = Number(v);
  return v === '' || v === null || v === undefined || !Number.isFinite(n) ? 0 : n;
}

export function paletteOf(options: ChartOptions): CountryPalette {
  return options.palette ?? countryPalette();
}

export function labelOf(code: string, options: ChartOptions): string {
  return countryLabel(code, paletteOf(options));
}

/** Every period label of the window, in order: "2021", "2021-Q1" or "2021-01" (the tables' own periods). */
export function windowPeriods(type: PeriodType, window: AnalysisWindow = DEFAULT_WINDOW): string[] {
  return periodsInWindow(window, type);
}

/** Height of a chart with one band per category: readable bars, not a wall. */
export function bandHeight(categories: number, band = 26, min = 120): number {
  return Math.max(min, categories * band);
}

/**
 * Axis for whole counts: no fractional ticks ("0.5 statements") on small corpora.
 * d3 picks a step of at least 1 when asked for no more ticks than the maximum.
 */
export function countAxis(max: number): { tickCount: number; format: string } {
  return { tickCount: Math.max(1, Math.min(Math.ceil(max), 10)), format: 'd' };
}

/** Whole-number legend ticks from `from` to `max`. */
export function countTicks(from: number, max: number): number[] {
  return [...new Set([from, ...ticks(from, max, 5).filter(Number.isInteger), max])].sort((a, b) => a - b);
}

/**
 * Sort a nominal axis by a numeric rank field the builder computed. Never by an array
 * of values: vega-lite turns such an array into an expression with each value as a
 * string literal, and vega's expression parser misreads some words ("if",
 * "toString") there. Article text stays data, never code.
 */
export function byRank(field: string): { field: string; op: 'min' } {
  return { field, op: 'min' };
}

/** Rank of each value in `order` (0-based), for `byRank`. */
export function rankOf(order: readonly string[]): Map<string, number> {
  return new Map(order.map((v, i) => [v, i]));
}

/**
 * A category value as the chart shows it. vega keys some internal maps by category
 * value in plain objects, so a word that names an Object.prototype member ("constructor",
 * "toString") breaks grouping; a zero-width space after such a word keeps it displayed
 * as written but distinct from the member.
 */
export function safeLabel(value: string): string {
  return value in Object.prototype || value === '__proto__' ? value + '\u200b' : value;
}
