import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { countryPalette, countryScale, OUTLET_COLORS, type CountryPalette } from '../src/charts/colors';
import type { ChartSpec, TableRow } from '../src/charts/common';
import { windowPeriods } from '../src/charts/common';
import { articlesByYear } from '../src/charts/corpus';
import { actorsFromMentions, cooccurrenceByYear, cooccurrenceHeatmap, cooccurrenceNetwork } from '../src/charts/cooccurrence';
import { renderSvg } from '../src/charts/export';
import { statementsByCountry, statementTimeline, topSpeakers } from '../src/charts/statements';
import { keynessBars, THEME_LABEL_LIMIT, themeByCountry, themeYearHeatmap } from '../src/charts/themes';

const FIXTURES = resolve(__dirname, 'fixtures', 'tables');
const GOLDEN = resolve(__dirname, 'golden');
const read = (name: string): TableRow[] => parse(readFileSync(join(FIXTURES, `${name}.csv`)), { columns: true }) as TableRow[];

/** A fixed palette, so the golden specs do not change when the registry's colours do. */
const palette: CountryPalette = {
  countries: {
    CHN: { label: 'China', color: '#d62728' },
    RUS: { label: 'Russia', color: '#1f77b4' },
    USA: { label: 'United States', color: '#2ca02c' },
    UKR: { label: 'Ukraine', color: '#ff7f0e' },
    EU: { label: 'European Union', color: '#9467bd' },
    UN: { label: 'United Nations', color: '#8c564b' },
  },
};

type Values = Record<string, unknown>[];
const values = (spec: ChartSpec): Values => (spec as { data: { values: Values } }).data.values;
const pick = (rows: Values, ...keys: string[]) => rows.map((r) => Object.fromEntries(keys.map((k) => [k, r[k]])));

const actors = actorsFromMentions(read('mentions'));
const builds: Record<string, () => ChartSpec> = {
  'articles-by-year': () => articlesByYear(read('articles'), { palette }),
  'statements-by-country': () => statementsByCountry(read('statements_by_country'), { palette }),
  'statements-by-country-grouped': () => statementsByCountry(read('statements_by_country'), { palette, layout: 'grouped' }),
  'top-speakers': () => topSpeakers(read('statements_by_speaker'), { palette }),
  'statement-timeline': () => statementTimeline(read('statements'), { palette }),
  'cooccurrence-heatmap': () => cooccurrenceHeatmap(read('cooccurrence'), { palette, actors }),
  'cooccurrence-network': () => cooccurrenceNetwork(read('cooccurrence'), { palette, actors }),
  'cooccurrence-by-year': () => cooccurrenceByYear(read('cooccurrence'), { palette, actors, within: 'article' }),
  'themes-by-year': () => themeYearHeatmap(read('themes_by_year'), { palette }),
  'themes-by-country': () => themeByCountry(read('themes_by_country'), { palette }),
  keyness: () => keynessBars(read('keyness'), { palette, target: 'Chinese speakers', reference: 'US speakers' }),
};

describe('golden specs (regenerate with UPDATE_GOLDEN=1)', () => {
  for (const [name, build] of Object.entries(builds)) {
    it(`${name} matches tests/golden and renders`, async () => {
      const spec = build();
      const file = join(GOLDEN, `${name}${name === 'cooccurrence-network' ? '.vg.json' : '.vl.json'}`);
      const text = JSON.stringify(spec, null, 2) + '\n';
      if (process.env.UPDATE_GOLDEN === '1') {
        mkdirSync(GOLDEN, { recursive: true });
        writeFileSync(file, text);
      }
      expect(existsSync(file), `${file} missing: run UPDATE_GOLDEN=1 npx vitest run tests/charts-builders.test.ts`).toBe(true);
      expect(JSON.parse(text)).toEqual(JSON.parse(readFileSync(file, 'utf8')));
      // Every golden spec compiles and draws in Node.
      expect(await renderSvg(spec)).toMatch(/^<svg[\s\S]*<\/svg>$/);
    });
  }
});

describe('statementsByCountry', () => {
  it('draws every year of 2021–2024 with the fixture counts, 2023 at zero', () => {
    const rows = pick(values(statementsByCountry(read('statements_by_country'), { palette })), 'period', 'code', 'count');
    expect(rows.filter((r) => r.code === 'CHN')).toEqual([
      { period: '2021', code: 'CHN', count: 1 },
      { period: '2022', code: 'CHN', count: 6 },
      { period: '2023', code: 'CHN', count: 0 },
      { period: '2024', code: 'CHN', count: 3 },
    ]);
  });

  it('zero-fills a year the table lacks, and ignores rows of another period type', () => {
    const rows: TableRow[] = [
      { period_type: 'year', period: '2022', speaker_country: 'RUS', count: '2' },
      { period_type: 'quarter', period: '2022-Q1', speaker_country: 'RUS', count: '2' },
    ];
    const years = pick(values(statementsByCountry(rows, { palette })), 'period', 'count');
    expect(years).toEqual([
      { period: '2021', count: 0 },
      { period: '2022', count: 2 },
      { period: '2023', count: 0 },
      { period: '2024', count: 0 },
    ]);
    const quarters = values(statementsByCountry(rows, { palette, periodType: 'quarter' }));
    expect(quarters).toHaveLength(16);
    expect(quarters.filter((q) => q.count !== 0)).toEqual([expect.objectContaining({ period: '2022-Q1', count: 2 })]);
  });

  it('lists the window periods by type', () => {
    expect(windowPeriods('year')).toEqual(['2021', '2022', '2023', '2024']);
    expect(windowPeriods('quarter', { from: '2021-02-01', to: '2021-09-30' })).toEqual(['2021-Q1', '2021-Q2', '2021-Q3']);
    expect(windowPeriods('month', { from: '2024-11-01', to: '2025-01-31' })).toEqual(['2024-11', '2024-12', '2025-01']);
  });
});

describe('topSpeakers', () => {
  it('ranks by statements, ties by name, and keeps the top N', () => {
    const all = values(topSpeakers(read('statements_by_speaker'), { palette }));
    expect(all.map((v) => v.speaker)).toEqual(['Wang Yi', 'Mao Ning', 'Wang Wenbin', 'Antony Blinken', 'Kurt Campbell', 'Sergey Lavrov', 'Xi Jinping']);
    expect(values(topSpeakers(read('statements_by_speaker'), { palette, top: 2 })).map((v) => v.speaker)).toEqual(['Wang Yi', 'Mao Ning']);
  });
});

describe('articlesByYear', () => {
  it('counts articles by year and outlet, from article rows or from counts alike', () => {
    const fromRows = articlesByYear(read('articles'), { palette });
    expect(pick(values(fromRows), 'year', 'outlet', 'articles')).toEqual([
      { year: '2021', outlet: 'DW', articles: 1 },
      { year: '2022', outlet: 'Associated Press', articles: 1 },
      { year: '2022', outlet: 'Newsmax', articles: 1 },
      { year: '2022', outlet: 'Newsweek', articles: 1 },
      { year: '2024', outlet: 'Kyiv Post (AFP wire)', articles: 1 },
    ]);
    const counts: TableRow[] = values(fromRows).map((v) => ({ year: v.year as string, outlet: v.outlet as string, count: v.articles as number }));
    expect(articlesByYear(counts, { palette })).toEqual(fromRows);
  });

  it('draws the nine outlets with most articles in colours of their own and the others as one', () => {
    // outlets 00…11 with 20…9 articles in 2022, and one undated article of outlet 11
    const rows: TableRow[] = Array.from({ length: 12 }, (_, i) => ({ year: '2022', outlet: `Outlet ${String(i).padStart(2, '0')}`, count: 20 - i }));
    const drawn = values(articlesByYear([...rows, { published: '', outlet: 'Outlet 11' }], { palette }));
    expect(new Set(drawn.map((v) => v.outlet))).toEqual(new Set([...Array.from({ length: 9 }, (_, i) => `Outlet 0${i}`), 'other outlets (3)']));
    expect(pick(drawn.filter((v) => v.outlet === 'other outlets (3)'), 'year', 'articles')).toEqual([
      { year: '2022', articles: 11 + 10 + 9 },
      { year: 'undated', articles: 1 },
    ]);
    expect(drawn.reduce((n, v) => n + (v.articles as number), 0)).toBe(rows.reduce((n, r) => n + (r.count as number), 0) + 1);
    // ten outlets or fewer are all drawn
    expect(new Set(values(articlesByYear(rows.slice(0, 10), { palette })).map((v) => v.outlet)).size).toBe(10);
  });
});

describe('statementTimeline', () => {
  it('draws one mark per speaker and month, sized by its statements, and counts the undated ones', () => {
    const rows = read('statements');
    const undated = { ...rows[0]!, statement_id: 'x', date: '' };
    const spec = statementTimeline([...rows, undated], { palette });
    // 13 statements, 9 (speaker, month) cells
    expect(values(spec)).toHaveLength(9);
    expect(values(spec).reduce((n, v) => n + (v.count as number), 0)).toBe(13);
    expect((spec as { title: { subtitle: string[] } }).title.subtitle[0]).toContain('(1 undated not shown)');
    expect((statementTimeline(rows, { palette }) as { title: { subtitle: string[] } }).title.subtitle[0]).not.toContain('undated');
    expect(pick(values(spec).filter((v) => v.speaker === 'Wang Yi'), 'month', 'count')).toEqual([
      { month: '2021-03', count: 1 },
      { month: '2022-03', count: 2 },
      { month: '2022-06', count: 2 },
    ]);
  });

  it('keeps the first statements of each mark, verbatim, with their statement ids', () => {
    const mao = values(statementTimeline(read('statements'), { palette })).filter((v) => v.speaker === 'Mao Ning');
    expect(pick(mao, 'month', 'country', 'count', 'statement_1', 'statement_2', 'more')).toEqual([
      {
        month: '2024-04',
        country: 'China',
        count: 2,
        statement_1: '2024-04-10: “China and Russia have the right to engage in normal economic and trade cooperation” (000_6c805811b0115857:s2)',
        statement_2:
          '2024-04-10: “This kind of cooperation should not be interfered with or limited, and China also does not accept criticism or pressure” (000_6c805811b0115857:s3)',
        more: undefined,
      },
    ]);
  });

  it('puts the speakers beyond the top on one row, with their statements counted', () => {
    // Wang Yi 5 statements, then Mao Ning and Wang Wenbin 2 each (ties by name)
    const cells = values(statementTimeline(read('statements'), { palette, speakers: 2 }));
    expect([...new Set(cells.map((v) => v.speaker))]).toEqual(['Wang Yi', 'Mao Ning', 'other speakers (5)']);
    expect(cells.reduce((n, v) => n + (v.count as number), 0)).toBe(13);
    const others = cells.filter((v) => v.speaker === 'other speakers (5)');
    expect(pick(others, 'month', 'count', 'country')).toEqual([
      { month: '2021-03', count: 1, country: 'other speakers' },
      { month: '2022-02', count: 2, country: 'other speakers' },
      { month: '2024-04', count: 3, country: 'other speakers' },
    ]);
    // the others' samples name their speaker, earliest first (then by id)
    expect(others.at(-1)!.statement_1).toMatch(/^2024-04-09 Kurt Campbell: “not sit by/);
    expect(others.at(-1)!.statement_3).toMatch(/^2024-04-10 Antony Blinken: /);
    expect(others.at(-1)!.more).toBeUndefined();
  });
});

describe('co-occurrence charts', () => {
  it('sum a pair over periods, or keep one period', () => {
    const cells = values(cooccurrenceHeatmap(read('cooccurrence'), { palette, actors }));
    const lavrovWang = cells.filter((c) => (c.row === 'Sergey Lavrov' && c.col === 'Wang Yi') || (c.row === 'Wang Yi' && c.col === 'Sergey Lavrov'));
    expect(pick(lavrovWang, 'count')).toEqual([{ count: 2 }, { count: 2 }]);
    const only2021 = values(cooccurrenceHeatmap(read('cooccurrence'), { palette, actors, period: '2021' }));
    expect(only2021.find((c) => c.row === 'Wang Yi' && c.col === 'Sergey Lavrov')?.count).toBe(1);
  });

  it('use the chosen window only: Kurt Campbell co-occurs by article, not by sentence', () => {
    const bySentence = values(cooccurrenceHeatmap(read('cooccurrence'), { palette, actors }));
    const byArticle = values(cooccurrenceHeatmap(read('cooccurrence'), { palette, actors, within: 'article' }));
    expect(bySentence.some((c) => c.row === 'Kurt Campbell')).toBe(false);
    expect(byArticle.find((c) => c.row === 'Kurt Campbell' && c.col === 'Mao Ning')?.count).toBe(1);
  });

  it('order actors by country (registry order), China first', () => {
    const nodes = (cooccurrenceNetwork(read('cooccurrence'), { palette, actors }) as { data: { name: string; values: Values }[] }).data[0]!.values;
    expect(nodes.map((n) => n.name)).toEqual(['Xi Jinping', 'Wang Yi', 'Sergey Lavrov', 'Vladimir Putin', 'Volodymyr Zelenskyy']);
  });

  it('by year: every year of the window, zero where the pair did not co-occur', () => {
    const cells = values(cooccurrenceByYear(read('cooccurrence'), { palette, actors }));
    expect(pick(cells.filter((c) => c.pair === 'Wang Yi – Sergey Lavrov'), 'period', 'count')).toEqual([
      { period: '2021', count: 1 },
      { period: '2022', count: 0 },
      { period: '2023', count: 0 },
      { period: '2024', count: 1 },
    ]);
  });
});

describe('theme charts', () => {
  it('label cells with statements (share), zero cells plain', () => {
    const cells = values(themeYearHeatmap(read('themes_by_year'), { palette }));
    expect(pick(cells.filter((c) => c.theme === 'partnership'), 'period', 'cell')).toEqual([
      { period: '2021', cell: '0' },
      { period: '2022', cell: '3 (50%)' },
      { period: '2023', cell: '0' },
      { period: '2024', cell: '1 (20%)' },
    ]);
    // By count: matches in any sentence, sanctions 2022 has a match outside statements.
    const counts = values(themeYearHeatmap(read('themes_by_year'), { palette, measure: 'count' }));
    expect(counts.find((c) => c.theme === 'sanctions' && c.period === '2022')?.cell).toBe('1');
  });

  it('by country: share leaves out matches without a speaker country; count keeps them as unknown', () => {
    const share = values(themeByCountry(read('themes_by_country'), { palette }));
    expect([...new Set(share.map((v) => v.country))]).toEqual(['China', 'Russia', 'United States']);
    const count = values(themeByCountry(read('themes_by_country'), { palette, measure: 'count' }));
    expect(count.find((v) => v.theme === 'sanctions' && v.country === 'unknown')?.count).toBe(3);
  });

  it('keyness: sorted by |G²|, negative G² marked as the reference side', () => {
    const bars = values(keynessBars(read('keyness'), { palette, target: 'CHN', reference: 'USA' }));
    expect(pick(bars, 'feature', 'signed', 'side')).toEqual([
      { feature: 'cooperation', signed: 7.9, side: 'More in CHN' },
      { feature: 'strategic', signed: 6.2, side: 'More in CHN' },
      { feature: 'sanctions', signed: -4.8, side: 'More in USA' },
      { feature: 'partnership', signed: 4.5, side: 'More in CHN' },
      { feature: 'if', signed: 3.1, side: 'More in CHN' },
    ]);
  });

  it('words vega treats specially ("if", "toString", "constructor") are data, not code: all three bars draw', async () => {
    const rows: TableRow[] = ['if', 'toString', 'constructor'].map((feature, i) => ({ feature, G2: 3 - i, n_target: 1, n_reference: 0 }));
    const svg = await renderSvg(keynessBars(rows, { palette }));
    expect(svg).toContain('>if</text>');
    // Shown as written; a zero-width space keeps them apart from Object.prototype members.
    expect(svg).toContain('>toString\u200b</text>');
    expect(svg).toContain('>constructor\u200b</text>');
    expect(svg.match(/aria-roledescription="bar"/g)).toHaveLength(3);
  });
});

describe('country colours', () => {
  it('one colour per country from the palette, unknown last in grey, unlisted codes stable', () => {
    const scale = countryScale(['RUS', '', 'XYZ', 'CHN'], palette);
    expect(scale.domain).toEqual(['China', 'Russia', 'XYZ', 'unknown']);
    expect(scale.range[0]).toBe('#d62728');
    expect(scale.range[1]).toBe('#1f77b4');
    expect(scale.range[3]).toBe('#9e9e9e');
    expect(countryScale(['XYZ'], palette).range).toEqual([scale.range[2]]);
    // The tables' explicit "unknown" is the same grey as an empty code.
    expect(countryScale(['unknown'], palette)).toEqual({ domain: ['unknown'], range: ['#9e9e9e'] });
  });
});

/** Issue 17, point 8: charts that invited misreading. */
describe('chart faults (issue 17, point 8)', () => {
  type Layer = { mark: { type: string }; encoding?: Record<string, { field?: string; format?: string; value?: string }>; data?: { values: Values }; transform?: unknown[] };
  const layers = (spec: ChartSpec) => (spec as { layer: Layer[] }).layer;

  it('themes by country: the bar is the share, and so is its label; by count, the label is the count', () => {
    const share = themeByCountry(read('themes_by_country'), { palette });
    const label = layers(share).find((l) => l.mark.type === 'text')!;
    expect(label.encoding!.text).toMatchObject({ field: 'label_value', format: '.0%' });
    const china = values(share).find((v) => v.theme === 'partnership' && v.code === 'CHN')!;
    expect([china.share, china.label_value, china.statements]).toEqual([0.4, 0.4, 4]);
    const count = themeByCountry(read('themes_by_country'), { palette, measure: 'count' });
    expect(layers(count).find((l) => l.mark.type === 'text')!.encoding!.text).toMatchObject({ field: 'label_value', format: 'd' });
    const chinaCount = values(count).find((v) => v.theme === 'partnership' && v.code === 'CHN')!;
    expect(chinaCount.label_value).toBe(chinaCount.count);
  });

  it('keyness marks the terms passing p < 0.05 (solid) apart from the others (faint)', () => {
    const bars = values(keynessBars(read('keyness'), { palette }));
    expect(pick(bars, 'feature', 'significance')).toEqual([
      { feature: 'cooperation', significance: 'p < 0.05' },
      { feature: 'strategic', significance: 'p < 0.05' },
      { feature: 'sanctions', significance: 'p < 0.05' },
      { feature: 'partnership', significance: 'p < 0.05' },
      { feature: 'if', significance: 'not significant' },
    ]);
    expect(layers(keynessBars(read('keyness'), { palette }))[0]!.encoding!.opacity).toMatchObject({ field: 'significance' });
  });

  it('a year without articles reads "no articles", not 0 statements; a year with articles but no statements stays 0', async () => {
    const rows = read('statements_by_country');
    // The fixture has statements in 2021, 2022, 2024; say 2023 had no article and 2021 had some.
    const spec = statementsByCountry(rows, { palette, articleYears: ['2021', '2022', '2024'] });
    const note = layers(spec).find((l) => l.data?.values.some((v) => v.note === 'no articles'))!;
    expect(note.data!.values).toEqual([{ period: '2023', note: 'no articles' }]);
    const totals = layers(spec).find((l) => l.encoding?.text?.field === 'total')!;
    expect(totals.transform![0]).toEqual({ filter: { not: { field: 'period', oneOf: ['2023'] } } });
    const svg = await renderSvg(spec);
    expect(svg).toContain('>no articles</text>');
    // Every year had articles: nothing marked, the zero stays a zero.
    const all = statementsByCountry(rows, { palette, articleYears: ['2021', '2022', '2023', '2024'] });
    expect(layers(all).some((l) => l.data)).toBe(false);
    expect(all).toEqual(statementsByCountry(rows, { palette }));
  });

  it('themes by year: the cells of a year without articles read "no articles", the others keep their counts', () => {
    const rows = read('themes_by_year');
    const cells = values(themeYearHeatmap(rows, { palette, articleYears: ['2021', '2022', '2024'] }));
    expect([...new Set(cells.filter((v) => v.period === '2023').map((v) => v.cell))]).toEqual(['no articles']);
    expect(cells.filter((v) => v.period !== '2023')).toEqual(values(themeYearHeatmap(rows, { palette })).filter((v) => v.period !== '2023'));
    expect(values(themeYearHeatmap(rows, { palette })).filter((v) => v.period === '2023').every((v) => v.cell === '0')).toBe(true);
  });

  it('outlets take colours of their own, none of them a country colour', () => {
    const spec = articlesByYear(read('articles'), { palette });
    const scale = (spec as { encoding: { color: { scale: { domain: string[]; range: string[] } } } }).encoding.color.scale;
    expect(scale.domain).toEqual(['Associated Press', 'DW', 'Kyiv Post (AFP wire)', 'Newsmax', 'Newsweek']);
    const countryColours = new Set([...Object.values(palette.countries).map((c) => c.color), ...Object.values(countryPalette().countries).map((c) => c.color)]);
    expect(scale.range.filter((c) => countryColours.has(c))).toEqual([]);
    expect(new Set(OUTLET_COLORS).size).toBe(OUTLET_COLORS.length);
    expect([...OUTLET_COLORS].filter((c) => countryColours.has(c))).toEqual([]);
  });

  it('long theme labels are drawn whole, not cut with "…"', async () => {
    const label = 'Sovereignty, territorial integrity and non-interference in internal affairs of states';
    const rows: TableRow[] = [{ theme: 'sov', label, period: '2022', speaker_country: 'CHN', count: 2, statements: 2, share: 0.5 }];
    for (const spec of [themeYearHeatmap(rows, { palette }), themeByCountry(rows, { palette })]) {
      expect((spec as { encoding: { y: { axis: { labelLimit: number } } } }).encoding.y.axis.labelLimit).toBe(THEME_LABEL_LIMIT);
      const svg = await renderSvg(spec);
      expect(svg).toContain(`>${label}</text>`);
      expect(svg).not.toContain('…');
    }
    expect(THEME_LABEL_LIMIT).toBe(0);
  });
});
