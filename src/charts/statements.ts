import { DEFAULT_WINDOW } from '../tables/periods';
import { speakerKey, TIMELINE_SAMPLES, timelineOfRows, type TimelineData } from '../tables/timeline';
import type { TopLevelSpec } from 'vega-lite';
import { countryScale } from './colors';
import {
  bandHeight,
  byRank,
  CHART_CONFIG,
  countAxis,
  countTicks,
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
  /**
   * Years the corpus has articles in (articles.csv), when known: a year of the window
   * without any is drawn as "no articles", not as 0 statements (year rows only).
   */
  articleYears?: readonly string[];
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
  const withArticles = periodType === 'year' && options.articleYears ? new Set(options.articleYears) : undefined;
  const noArticles = withArticles ? domain.filter((p) => p !== 'undated' && !withArticles.has(p)) : [];
  // A year without articles has no bar to label: one "no articles" mark at its foot instead of a 0.
  const noArticlesLayer = noArticles.length
    ? [
        {
          data: { values: noArticles.map((period) => ({ period, note: 'no articles' })) },
          mark: { type: 'text' as const, dy: -8, fontSize: 11, fontStyle: 'italic', color: '#888888' },
          encoding: { y: { datum: 0, type: 'quantitative' as const }, text: { field: 'note', type: 'nominal' as const }, tooltip: [{ field: 'period', title: PERIOD_TITLE[periodType] }, { field: 'note', title: 'Corpus' }] },
        },
      ]
    : [];
  const hasArticles = noArticles.length ? [{ filter: { not: { field: 'period', oneOf: noArticles } } }] : [];
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
              transform: [...hasArticles, { aggregate: [{ op: 'sum', field: 'count', as: 'total' }], groupby: ['period'] }],
              mark: { type: 'text', dy: -8, fontSize: 12, color: '#333333' },
              encoding: { y: { field: 'total', type: 'quantitative' }, text: { field: 'total', type: 'quantitative' } },
            },
            ...noArticlesLayer,
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
              ...(hasArticles.length ? { transform: hasArticles } : {}),
              mark: { type: 'text', dy: -8, fontSize: 11, color: '#333333' },
              encoding: { y, text: { field: 'count', type: 'quantitative' } },
            },
            ...noArticlesLayer,
          ],
          config: CHART_CONFIG,
        };
  return spec;
}

export interface TopSpeakersOptions extends ChartOptions {
  /** How many speakers to show (default 15). */
  top?: number;
  /** Named speakers in all, when `rows` holds only the leading rows of the table (for the subtitle). */
  speakerCount?: number;
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
    // The speaker's key (speaker_id, or "unnamed:" and the words), for the explorer's list of their statements.
    speaker_key: speakerKey({ speaker_id: str(r.speaker_id), speaker: str(r.speaker) }),
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
      subtitle: `Top ${values.length} of ${options.speakerCount ?? named.length} speakers by attributed statements; colour = speaker country`,
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
  /** Characters of each quotation shown in the tooltip (default: as kept, 160). */
  quoteLength?: number;
  /** From statements.csv rows: speakers on rows of their own (default 20); the others share the last row. */
  speakers?: number;
}

/** Tooltip of a timeline mark: its speaker, month, count, first statements and where the rest are. */
const TIMELINE_TOOLTIP = `{${[
  ["'Speaker'", 'speaker'],
  ["'Country'", 'country'],
  ["'Month'", 'month'],
  ["'Statements'", 'count'],
  // Titles must differ: spaces keep them apart.
  ...Array.from({ length: TIMELINE_SAMPLES }, (_, i) => [`'Statement${' '.repeat(i)}'`, `statement_${i + 1}`]),
  ["'More'", 'more'],
]
  .map(([title, field]) => `${title}: datum.${field}`)
  .join(', ')}}`;

/** Height of one speaker's row. */
const TIMELINE_BAND = 26;
/** Colour of the other speakers' row. */
const OTHER_SPEAKERS_COLOR = '#bdbdbd';

/**
 * Statements by month and speaker, one mark per speaker and month, its size the
 * number of statements: the most quoted speakers on rows of their own (grouped by
 * country, registry order, most quoted first), all others on one last row. Built from
 * the timeline aggregates (`TimelineData`, as the report keeps them) or from
 * statements.csv rows. Each mark's tooltip holds its first statements (date, quote,
 * statement_id in statements.csv), so every mark leads to its statements, and the
 * chart stays the same size whatever the number of statements.
 */
export function statementTimeline(input: TimelineData | readonly TableRow[], options: StatementTimelineOptions = {}): TopLevelSpec {
  const window = options.window ?? DEFAULT_WINDOW;
  const data = 'cells' in input ? input : timelineOfRows(input, window, options.speakers);
  const palette = paletteOf(options);
  const order = Object.keys(palette.countries);
  const rank = (code: string) => (order.includes(code) ? order.indexOf(code) : code ? order.length : order.length + 1);
  const speakers = [...data.speakers].sort(
    (a, b) => rank(a.speaker_country) - rank(b.speaker_country) || b.count - a.count || a.speaker.localeCompare(b.speaker) || (a.key < b.key ? -1 : 1),
  );
  // A row label per speaker key; two speakers of the same name keep rows of their own.
  const labels = new Map<string, string>();
  const used = new Set<string>();
  for (const sp of speakers) {
    const base = safeLabel(sp.speaker || '(unattributed)');
    let label = base;
    for (let n = 2; used.has(label); n++) label = `${base} (${n})`;
    used.add(label);
    labels.set(sp.key, label);
  }
  const otherLabel = `other speakers (${data.others.speakers})`;
  const OTHER = 'other speakers';
  const byKey = new Map(speakers.map((sp) => [sp.key, sp]));
  const rowRank = rankOf([...speakers.map((sp) => labels.get(sp.key)!), otherLabel]);
  const quote = (text: string) => (options.quoteLength !== undefined ? shorten(text, options.quoteLength) : text);
  const values = data.cells.map((c) => {
    const sp = byKey.get(c.key);
    const speaker = sp ? labels.get(sp.key)! : otherLabel;
    // Only the fields a mark has: the tooltip leaves out fields with no value.
    const statements = Object.fromEntries(c.samples.map((x, i) => [`statement_${i + 1}`, `${x.date}${x.speaker ? ` ${x.speaker}` : ''}: “${quote(x.quote)}” (${x.statement_id})`]));
    const more = c.count > c.samples.length ? { more: `${c.count - c.samples.length} more: statements.csv, ${sp ? `speaker ${sp.speaker}` : 'other speakers'}, ${c.month}` } : {};
    return {
      speaker,
      // The row's speaker key ("" for the other speakers), for the explorer.
      key: c.key,
      speaker_rank: rowRank.get(speaker) ?? 0,
      code: sp ? sp.speaker_country : '',
      country: sp ? labelOf(sp.speaker_country, options) : OTHER,
      month: c.month,
      date: `${c.month}-15`,
      count: c.count,
      // The SVG's description of the mark (its aria-label): short, where the tooltip would put every quotation.
      label: `${speaker}, ${c.month}: ${c.count} statement${c.count === 1 ? '' : 's'}`,
      ...statements,
      ...more,
    };
  });
  const rows = speakers.length + (data.others.speakers > 0 ? 1 : 0);
  const scale = countryScale(new Set(speakers.map((sp) => sp.speaker_country)), palette);
  if (data.others.speakers > 0) {
    scale.domain.push(OTHER);
    scale.range.push(OTHER_SPEAKERS_COLOR);
  }
  const max = Math.max(1, ...values.map((v) => v.count));
  const [fy, fm, fd] = window.from.split('-').map(Number);
  const [ty, tm, td] = window.to.split('-').map(Number);
  const notShown = [data.undated ? `${data.undated} undated` : '', data.outside ? `${data.outside} outside the window` : ''].filter(Boolean).join(', ');
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: {
      text: options.title ?? 'Statement timeline',
      subtitle: [
        `${data.inWindow} dated statements by month: ` +
          (data.others.speakers > 0 ? `the ${speakers.length} most quoted speakers, then ${data.others.speakers} others on one row` : `${speakers.length} speakers`) +
          (notShown ? ` (${notShown} not shown)` : ''),
        `Mark size = statements that month; hover for the first ${TIMELINE_SAMPLES} (their statement_id in statements.csv)`,
      ],
    },
    width: options.width ?? 720,
    height: Math.max(1, rows) * TIMELINE_BAND,
    data: { values },
    // The tooltip as an expression of the datum, so a mark's missing statements are left out (a field list shows them as
    // "undefined"). Only fixed titles and field names are in it: article text stays data.
    mark: { type: 'circle', opacity: 0.8, stroke: '#ffffff', strokeWidth: 0.6, tooltip: { expr: TIMELINE_TOOLTIP } },
    encoding: {
      x: {
        field: 'date',
        type: 'temporal',
        title: 'Month of statement',
        scale: { domain: [{ year: fy!, month: fm!, date: fd! }, { year: ty!, month: tm!, date: td! }] },
        axis: { format: '%Y', tickCount: 'year', grid: true },
      },
      y: {
        field: 'speaker',
        type: 'nominal',
        sort: byRank('speaker_rank'),
        title: null,
        scale: { type: 'band', paddingInner: 0, paddingOuter: 0 },
        axis: { grid: true, labelLimit: 300 },
      },
      size: { field: 'count', type: 'quantitative', title: 'Statements', scale: { type: 'sqrt', domain: [1, max], range: [36, 320] }, legend: { values: countTicks(1, max), format: 'd' } },
      color: { field: 'country', type: 'nominal', scale, title: 'Speaker country' },
      description: { field: 'label', type: 'nominal' },
    },
    config: CHART_CONFIG,
  };
}
