import type { TopLevelSpec } from 'vega-lite';
import { countryColor, countryScale, isUnknownCountry } from './colors';
import {
  bandHeight,
  byRank,
  CHART_CONFIG,
  countAxis,
  labelOf,
  num,
  paletteOf,
  periodDomain,
  rankOf,
  safeLabel,
  str,
  VEGA_LITE_SCHEMA,
  type ChartOptions,
  type TableRow,
  type WindowOption,
} from './common';

export interface ThemeChartOptions extends ChartOptions {
  /**
   * share (default): share of the group's statements voicing the theme (`share`, labelled
   * with `statements`); count: matches of the theme in any sentence (`count`).
   */
  measure?: 'share' | 'count';
  /** Years the corpus has articles in, when known: the heatmap's cells of a year without any read "no articles", not 0. */
  articleYears?: readonly string[];
}

interface ThemeCell {
  theme: string;
  label: string;
  count: number;
  statements: number;
  share: number;
}

/** Themes in a stable order: most frequent first (by the measure drawn), then by label. */
function themeOrder(rows: readonly ThemeCell[], measure: 'share' | 'count'): string[] {
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.label, (totals.get(r.label) ?? 0) + (measure === 'share' ? r.statements : r.count));
  return [...totals.entries()].sort(([a, x], [b, y]) => y - x || a.localeCompare(b)).map(([label]) => label);
}

/** No limit on theme labels (vega's 0): a codebook label is a short phrase, cut it would not say which theme. */
export const THEME_LABEL_LIMIT = 0;

const percent = (share: number) => `${Math.round(share * 100)}%`;

const THEME_TOOLTIP = (group: { field: string; title: string }) => [
  { field: 'label', title: 'Theme' },
  group,
  { field: 'statements', type: 'quantitative' as const, title: 'Statements voicing it' },
  { field: 'share', type: 'quantitative' as const, title: 'Share of statements', format: '.0%' },
  { field: 'count', type: 'quantitative' as const, title: 'Matches (any sentence)' },
];

/**
 * Theme × year heatmap from themes_by_year.csv (`theme,label,period,count,statements,share`):
 * by default cell colour = share of that year's statements voicing the theme, label =
 * statements (share). Every year of the window is drawn.
 */
export function themeYearHeatmap(rows: readonly TableRow[], options: ThemeChartOptions & WindowOption = {}): TopLevelSpec {
  const measure = options.measure ?? 'share';
  const periods = periodDomain('year', rows.map((r) => str(r.period)), options.window);
  const cells = new Map<string, { count: number; statements: number; share: number }>();
  for (const r of rows) cells.set(`${safeLabel(str(r.label) || str(r.theme))}\u0000${str(r.period)}`, { count: num(r.count), statements: num(r.statements), share: num(r.share) });
  const themes = [...new Map(rows.map((r) => [safeLabel(str(r.label) || str(r.theme)), str(r.theme)])).entries()];
  const values: (ThemeCell & { period: string; value: number; cell: string })[] = [];
  for (const [label, theme] of themes) {
    for (const period of periods) {
      const c = cells.get(`${label}\u0000${period}`) ?? { count: 0, statements: 0, share: 0 };
      const value = measure === 'share' ? c.share : c.count;
      const noArticles = options.articleYears !== undefined && period !== 'undated' && !options.articleYears.includes(period);
      const cell = noArticles ? 'no articles' : measure === 'share' ? (c.statements ? `${c.statements} (${percent(c.share)})` : '0') : String(c.count);
      values.push({ theme, label, period, ...c, value, cell });
    }
  }
  const order = rankOf(themeOrder(values, measure));
  const ranked = values.map((v) => ({ ...v, rank: order.get(v.label) ?? 0 }));
  const max = Math.max(measure === 'share' ? 0.01 : 1, ...values.map((v) => v.value));
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: {
      text: options.title ?? 'Rhetorical themes by year',
      subtitle:
        measure === 'share'
          ? 'Colour = share of the year’s statements voicing the theme; label = statements (share)'
          : 'Matches of each theme per year, in statements or not',
    },
    width: options.width ?? Math.max(280, periods.length * 110),
    height: bandHeight(order.size, 34),
    data: { values: ranked },
    encoding: {
      x: { field: 'period', type: 'ordinal', scale: { domain: periods }, title: 'Year', axis: { labelAngle: 0, orient: 'top' } },
      y: { field: 'label', type: 'nominal', sort: byRank('rank'), title: null, axis: { labelLimit: THEME_LABEL_LIMIT } },
    },
    layer: [
      {
        mark: { type: 'rect', stroke: '#ffffff', strokeWidth: 1 },
        encoding: {
          color: {
            condition: { test: 'datum.value === 0', value: '#f2f2f2' },
            field: 'value',
            type: 'quantitative',
            title: measure === 'share' ? 'Share' : 'Matches',
            scale: { scheme: { name: 'oranges', extent: [0.15, 0.9] }, domain: [0, max] },
            legend: measure === 'share' ? { format: '.0%' } : { format: 'd' },
          },
          tooltip: THEME_TOOLTIP({ field: 'period', title: 'Year' }),
        },
      },
      {
        mark: { type: 'text', fontSize: 12 },
        encoding: {
          text: { field: 'cell', type: 'nominal' },
          color: { condition: { test: `datum.value > ${max * 0.6}`, value: '#ffffff' }, value: '#222222' },
        },
      },
    ],
    config: CHART_CONFIG,
  };
}

/**
 * Themes by speaker country from themes_by_country.csv
 * (`theme,label,speaker_country,count,statements,share`): one bar per country within
 * each theme, in the country's colour. By share, rows without a speaker country
 * (matches outside statements) are left out: they have no statements to share.
 */
export function themeByCountry(rows: readonly TableRow[], options: ThemeChartOptions = {}): TopLevelSpec {
  const measure = options.measure ?? 'share';
  const kept = measure === 'share' ? rows.filter((r) => !isUnknownCountry(str(r.speaker_country))) : rows;
  const values = kept.map((r) => ({
    theme: str(r.theme),
    label: safeLabel(str(r.label) || str(r.theme)),
    code: str(r.speaker_country),
    country: labelOf(str(r.speaker_country), options),
    count: num(r.count),
    statements: num(r.statements),
    share: num(r.share),
  }));
  const order = rankOf(themeOrder(values, measure));
  const scale = countryScale(new Set(values.map((v) => v.code)), paletteOf(options));
  const countryRank = rankOf(scale.domain);
  const ranked = values.map((v) => ({
    ...v,
    rank: order.get(v.label) ?? 0,
    country_rank: countryRank.get(v.country) ?? 0,
    // The label says what the bar's length is: the share (statements in the tooltip), or the matches.
    label_value: measure === 'share' ? v.share : v.count,
  }));
  const countries = scale.domain.length;
  const x =
    measure === 'share'
      ? { field: 'share', type: 'quantitative' as const, title: 'Share of the country’s statements', axis: { format: '.0%' } }
      : { field: 'count', type: 'quantitative' as const, title: 'Matches', axis: countAxis(Math.max(0, ...values.map((v) => v.count))) };
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: {
      text: options.title ?? 'Rhetorical themes by speaker country',
      subtitle:
        measure === 'share'
          ? 'Share of each country’s attributed statements voicing the theme (label); statements in the tooltip'
          : 'Matches of each theme, by speaker country (unknown: outside statements or speaker of unknown country)',
    },
    width: options.width ?? 560,
    height: bandHeight(order.size, Math.max(34, countries * 14)),
    data: { values: ranked },
    encoding: {
      y: { field: 'label', type: 'nominal', sort: byRank('rank'), title: null, axis: { labelLimit: THEME_LABEL_LIMIT } },
      yOffset: { field: 'country', type: 'nominal', sort: byRank('country_rank') },
      x,
    },
    layer: [
      {
        mark: { type: 'bar' },
        encoding: {
          color: { field: 'country', type: 'nominal', scale, title: 'Speaker country' },
          tooltip: THEME_TOOLTIP({ field: 'country', title: 'Speaker country' }),
        },
      },
      {
        transform: [{ filter: 'datum.label_value > 0' }],
        mark: { type: 'text', align: 'left', dx: 3, fontSize: 10 },
        encoding: { text: { field: 'label_value', type: 'quantitative', format: measure === 'share' ? '.0%' : 'd' } },
      },
    ],
    config: CHART_CONFIG,
  };
}

export interface KeynessOptions extends ChartOptions {
  /** Features to show (default 20, by absolute G²). */
  top?: number;
  /** Names of the two sides, for the legend (default "target" / "reference"). */
  target?: string;
  reference?: string;
  /** Country codes of the two sides: their bars take those countries' colours (default CHN and USA). */
  targetCountry?: string;
  referenceCountry?: string;
}

/** G² at p = 0.05 for chi-squared with 1 degree of freedom: a feature at or beyond it is significant. */
export const KEYNESS_CRITICAL_G2 = 3.841458820694124;

/** The legend values of significance in the keyness chart. */
export const KEYNESS_SIGNIFICANCE = ['p < 0.05', 'not significant'] as const;

/**
 * Keyness bars from keyness.csv (`feature,n_target,n_reference,G2,chi2,p`; `target_count`,
 * `reference_count`, `g2` are read too):
 * the features most over- or under-used in the target corpus by log-likelihood G².
 * A negative G² (or a feature relatively more frequent in the reference) marks under-use.
 * Features that pass p < 0.05 (p below 0.05 where the table gives p, else |G²| ≥ 3.84)
 * are drawn solid, the others faint, with dashed rules at G² = ±3.84.
 */
export function keynessBars(rows: readonly TableRow[], options: KeynessOptions = {}): TopLevelSpec {
  const target = options.target ?? 'target';
  const reference = options.reference ?? 'reference';
  const values = rows
    .filter((r) => str(r.feature) !== '')
    .map((r) => {
      // Column names of both the documented contract and the themes stage (n_target, n_reference, G2).
      const g2 = num(r.g2 ?? r.G2);
      return {
        feature: safeLabel(str(r.feature)),
        g2: Math.abs(g2),
        signed: g2,
        side: g2 < 0 ? `More in ${reference}` : `More in ${target}`,
        target_count: num(r.target_count ?? r.n_target),
        reference_count: num(r.reference_count ?? r.n_reference),
        p: str(r.p),
        significance: (str(r.p) !== '' ? num(r.p) < 0.05 : Math.abs(g2) >= KEYNESS_CRITICAL_G2) ? KEYNESS_SIGNIFICANCE[0] : KEYNESS_SIGNIFICANCE[1],
      };
    })
    .sort((a, b) => b.g2 - a.g2 || a.feature.localeCompare(b.feature))
    .slice(0, options.top ?? 20)
    .map((v, rank) => ({ ...v, rank }));
  const sides = [`More in ${target}`, `More in ${reference}`];
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: {
      text: options.title ?? 'Key terms',
      subtitle: `Top ${values.length} features by log-likelihood G² (${target} vs ${reference}); solid: p < 0.05 (|G²| ≥ 3.84, dashed lines)`,
    },
    width: options.width ?? 520,
    height: bandHeight(values.length, 24),
    data: { values },
    encoding: {
      x: { field: 'signed', type: 'quantitative', title: `G² (negative = more in ${reference})` },
    },
    layer: [
      {
        mark: { type: 'bar' },
        encoding: {
          y: { field: 'feature', type: 'nominal', sort: byRank('rank'), title: null, axis: { labelLimit: 260 } },
          color: { field: 'side', type: 'nominal', title: null, scale: { domain: sides, range: [countryColor(options.targetCountry ?? 'CHN', paletteOf(options)), countryColor(options.referenceCountry ?? 'USA', paletteOf(options))] } },
          opacity: { field: 'significance', type: 'ordinal', title: null, scale: { domain: [...KEYNESS_SIGNIFICANCE], range: [1, 0.35] } },
          tooltip: [
            { field: 'feature', title: 'Feature' },
            { field: 'signed', type: 'quantitative', title: 'G²', format: '.2f' },
            { field: 'target_count', type: 'quantitative', title: `Count in ${target}` },
            { field: 'reference_count', type: 'quantitative', title: `Count in ${reference}` },
            { field: 'p', title: 'p' },
            { field: 'significance', title: 'Significance' },
          ],
        },
      },
      {
        data: { values: [{ threshold: KEYNESS_CRITICAL_G2 }, { threshold: -KEYNESS_CRITICAL_G2 }] },
        mark: { type: 'rule', strokeDash: [4, 3], color: '#666' },
        encoding: { x: { field: 'threshold', type: 'quantitative' } },
      },
    ],
    config: CHART_CONFIG,
  };
}
