import { DEFAULT_WINDOW } from '../tables/periods';
import type { TopLevelSpec } from 'vega-lite';
import { countryScale } from './colors';
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
  shorten,
  str,
  VEGA_LITE_SCHEMA,
  type ChartOptions,
  type PeriodType,
  type TableRow,
  type WindowOption,
} from './common';

export interface StatementsByCountryOptions extends ChartOptions, WindowOption {
  /** Which rows of statements_by_country.csv to draw (default year). */
  periodType?: PeriodType;
  /** Countries stacked in one bar per period, or side by side (default stacked). */
  layout?: 'stacked' | 'grouped';
}

const PERIOD_TITLE: Record<PeriodType, string> = { year: 'Year', quarter: 'Quarter', month: 'Month' };

/**
 * Statements per period by speaker country, from statements_by_country.csv
 * (`period_type,period,speaker_country,count`). Every period of the window is drawn,
 * zero where nothing was said, so a quiet year reads as a gap, not as missing.
 */
export function statementsByCountry(rows: readonly TableRow[], options: StatementsByCountryOptions = {}): TopLevelSpec {
  const periodType = options.periodType ?? 'year';
  const layout = options.layout ?? 'stacked';
  const picked = rows.filter((r) => r.period_type === undefined || str(r.period_type) === periodType);
  const domain = periodDomain(periodType, picked.map((r) => str(r.period) || 'undated'), options.window);
  const codes = [...new Set(picked.map((r) => str(r.speaker_country)))];
  // Zero-fill here too, so a table missing some (period, country) rows still shows every period.
  const counts = new Map<string, number>();
  for (const r of picked) {
    const key = `${str(r.period) || 'undated'}\u0000${str(r.speaker_country)}`;
    counts.set(key, (counts.get(key) ?? 0) + num(r.count));
  }
  const scale = countryScale(codes, paletteOf(options));
  const countryRank = rankOf(scale.domain);
  const values: { period: string; country: string; code: string; country_rank: number; count: number }[] = [];
  for (const period of domain) {
    for (const code of codes.length ? codes : ['']) {
      const country = labelOf(code, options);
      values.push({ period, code, country, country_rank: countryRank.get(country) ?? 0, count: counts.get(`${period}\u0000${code}`) ?? 0 });
    }
  }
  const total = values.reduce((s, v) => s + v.count, 0);
  const color = { field: 'country', type: 'nominal' as const, scale, title: 'Speaker country' };
  const tooltip = [
    { field: 'period', type: 'ordinal' as const, title: PERIOD_TITLE[periodType] },
    { field: 'country', type: 'nominal' as const, title: 'Speaker country' },
    { field: 'count', type: 'quantitative' as const, title: 'Statements' },
  ];
  const x = {
    field: 'period',
    type: 'ordinal' as const,
    scale: { domain },
    title: PERIOD_TITLE[periodType],
    axis: { labelAngle: periodType === 'year' ? 0 : -90 },
  };
  const totals = new Map<string, number>();
  for (const v of values) totals.set(v.period, (totals.get(v.period) ?? 0) + v.count);
  const max = layout === 'stacked' ? Math.max(0, ...totals.values()) : Math.max(0, ...values.map((v) => v.count));
  const y = { field: 'count', type: 'quantitative' as const, aggregate: 'sum' as const, title: 'Statements', axis: countAxis(max) };
  const width = options.width ?? (periodType === 'month' ? 900 : 640);
  const spec: TopLevelSpec =
    layout === 'stacked'
      ? {
          $schema: VEGA_LITE_SCHEMA,
          title: { text: options.title ?? `Statements per ${periodType} by speaker country`, subtitle: `${total} attributed statements; every ${periodType} of the window shown, including empty ones` },
          width,
          height: 320,
          data: { values },
          encoding: { x },
          layer: [
            { mark: { type: 'bar' }, encoding: { y, color, tooltip, order: { field: 'country_rank', sort: 'ascending' } } },
            {
              transform: [{ aggregate: [{ op: 'sum', field: 'count', as: 'total' }], groupby: ['period'] }],
              mark: { type: 'text', dy: -8, fontSize: 12, color: '#333333' },
              encoding: { y: { field: 'total', type: 'quantitative' }, text: { field: 'total', type: 'quantitative' } },
            },
          ],
          config: CHART_CONFIG,
        }
      : {
          $schema: VEGA_LITE_SCHEMA,
          title: { text: options.title ?? `Statements per ${periodType} by speaker country`, subtitle: `${total} attributed statements; every ${periodType} of the window shown, including empty ones` },
          width,
          height: 320,
          data: { values },
          encoding: { x, xOffset: { field: 'country', type: 'nominal', sort: byRank('country_rank') } },
          layer: [
            { mark: { type: 'bar' }, encoding: { y, color, tooltip } },
            {
              mark: { type: 'text', dy: -8, fontSize: 11, color: '#333333' },
              encoding: { y, text: { field: 'count', type: 'quantitative' } },
            },
          ],
          config: CHART_CONFIG,
        };
  return spec;
}

export interface TopSpeakersOptions extends ChartOptions {
  /** How many speakers to show (default 15). */
  top?: number;
}

/**
 * The most quoted speakers, from statements_by_speaker.csv
 * (`speaker_id,speaker,speaker_type,speaker_country,count,articles,first_date,last_date`).
 */
export function topSpeakers(rows: readonly TableRow[], options: TopSpeakersOptions = {}): TopLevelSpec {
  const top = options.top ?? 15;
  const named = rows.filter((r) => str(r.speaker) !== '');
  const ranked = [...named].sort((a, b) => num(b.count) - num(a.count) || str(a.speaker).localeCompare(str(b.speaker))).slice(0, top);
  const values = ranked.map((r, rank) => ({
    rank,
    speaker: safeLabel(str(r.speaker)),
    code: str(r.speaker_country),
    country: labelOf(str(r.speaker_country), options),
    count: num(r.count),
    articles: num(r.articles),
    first_date: str(r.first_date),
    last_date: str(r.last_date),
  }));
  const scale = countryScale(new Set(values.map((v) => v.code)), paletteOf(options));
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: {
      text: options.title ?? 'Most quoted speakers',
      subtitle: `Top ${values.length} of ${named.length} speakers by attributed statements; colour = speaker country`,
    },
    width: options.width ?? 560,
    height: bandHeight(values.length),
    data: { values },
    encoding: {
      y: { field: 'speaker', type: 'nominal', sort: byRank('rank'), title: null, axis: { labelLimit: 300 } },
      x: { field: 'count', type: 'quantitative', title: 'Statements', axis: countAxis(Math.max(0, ...values.map((v) => v.count))) },
    },
    layer: [
      {
        mark: { type: 'bar' },
        encoding: {
          color: { field: 'country', type: 'nominal', scale, title: 'Speaker country' },
          tooltip: [
            { field: 'speaker', title: 'Speaker' },
            { field: 'country', title: 'Country' },
            { field: 'count', type: 'quantitative', title: 'Statements' },
            { field: 'articles', type: 'quantitative', title: 'Articles' },
            { field: 'first_date', title: 'First' },
            { field: 'last_date', title: 'Last' },
          ],
        },
      },
      { mark: { type: 'text', align: 'left', dx: 4, fontSize: 12 }, encoding: { text: { field: 'count', type: 'quantitative' } } },
    ],
    config: CHART_CONFIG,
  };
}

export interface StatementTimelineOptions extends ChartOptions, WindowOption {
  /** Characters of the quotation kept in the tooltip (default 200). */
  quoteLength?: number;
}

/**
 * One mark per statement on a time line, a row per speaker, from statements.csv
 * (`statement_id,article_id,speaker,speaker_country,date,text,...`). Statements
 * with no date cannot be placed; the subtitle says how many.
 */
export function statementTimeline(rows: readonly TableRow[], options: StatementTimelineOptions = {}): TopLevelSpec {
  const window = options.window ?? DEFAULT_WINDOW;
  const dated = rows.filter((r) => /^\d{4}-\d{2}-\d{2}$/.test(str(r.date)));
  const undated = rows.length - dated.length;
  // Statements by one speaker on one day are stacked a few pixels apart within the
  // speaker's row (centred), and a "×N" label counts groups of three or more.
  const group = new Map<string, number>();
  for (const r of dated) {
    const key = `${safeLabel(str(r.speaker) || '(unattributed)')}\u0000${str(r.date)}`;
    group.set(key, (group.get(key) ?? 0) + 1);
  }
  const BAND = 30;
  const seen = new Map<string, number>();
  const values = dated.map((r) => {
    const speaker = safeLabel(str(r.speaker) || '(unattributed)');
    const key = `${speaker}\u0000${str(r.date)}`;
    const nth = seen.get(key) ?? 0;
    seen.set(key, nth + 1);
    const n = group.get(key) ?? 1;
    const spacing = n > 1 ? Math.min(8, (BAND - 10) / (n - 1)) : 0;
    return {
      statement_id: str(r.statement_id),
      article_id: str(r.article_id),
      speaker,
      code: str(r.speaker_country),
      country: labelOf(str(r.speaker_country), options),
      date: str(r.date),
      offset: Math.round((BAND / 2 + (nth - (n - 1) / 2) * spacing) * 10) / 10,
      group_label: nth === 0 && n >= 3 ? `×${n}` : '',
      speaker_rank: 0,
      quote: shorten(str(r.text), options.quoteLength ?? 200),
    };
  });
  const bySpeaker = new Map<string, { count: number; code: string }>();
  for (const v of values) {
    const s = bySpeaker.get(v.speaker) ?? { count: 0, code: v.code };
    s.count++;
    bySpeaker.set(v.speaker, s);
  }
  const palette = paletteOf(options);
  const order = Object.keys(palette.countries);
  const rank = (code: string) => (order.includes(code) ? order.indexOf(code) : code ? order.length : order.length + 1);
  // Rows grouped by country (registry order), most quoted first within a country.
  const speakers = [...bySpeaker.entries()]
    .sort(([a, x], [b, y]) => rank(x.code) - rank(y.code) || y.count - x.count || a.localeCompare(b))
    .map(([s]) => s);
  const speakerRank = rankOf(speakers);
  for (const v of values) v.speaker_rank = speakerRank.get(v.speaker) ?? 0;
  const scale = countryScale(new Set(values.map((v) => v.code)), palette);
  const [fy, fm, fd] = window.from.split('-').map(Number);
  const [ty, tm, td] = window.to.split('-').map(Number);
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: {
      text: options.title ?? 'Statement timeline',
      subtitle:
        `${values.length} dated statements, one mark each (×N: N statements that day); hover for the quotation` +
        (undated ? ` (${undated} undated not shown)` : ''),
    },
    width: options.width ?? 640,
    height: speakers.length * BAND,
    data: { values },
    encoding: {
      x: {
        field: 'date',
        type: 'temporal',
        title: 'Date of statement',
        scale: { domain: [{ year: fy!, month: fm!, date: fd! }, { year: ty!, month: tm!, date: td! }] },
        axis: { format: '%Y', tickCount: 'year', grid: true },
      },
      // A band of exactly BAND pixels per speaker; marks placed by pixel offset within it.
      y: {
        field: 'speaker',
        type: 'nominal',
        sort: byRank('speaker_rank'),
        title: null,
        scale: { type: 'band', paddingInner: 0, paddingOuter: 0 },
        axis: { grid: true, labelLimit: 300 },
      },
      yOffset: { field: 'offset', type: 'quantitative', scale: null },
    },
    layer: [
      {
        mark: { type: 'point', filled: true, size: 90, opacity: 0.85, stroke: '#ffffff', strokeWidth: 0.8 },
        encoding: {
          color: { field: 'country', type: 'nominal', scale, title: 'Speaker country' },
          tooltip: [
            { field: 'speaker', title: 'Speaker' },
            { field: 'country', title: 'Country' },
            { field: 'date', title: 'Date' },
            { field: 'quote', title: 'Quote' },
            { field: 'article_id', title: 'Article' },
          ],
        },
      },
      {
        transform: [{ filter: "datum.group_label !== ''" }],
        mark: { type: 'text', align: 'left', dx: 9, fontSize: 11, color: '#333333' },
        encoding: { yOffset: { value: BAND / 2 }, text: { field: 'group_label', type: 'nominal' } },
      },
    ],
    config: CHART_CONFIG,
  };
}
