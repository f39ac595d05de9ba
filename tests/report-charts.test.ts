import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prng } from '../scripts/bench/corpus';
import { writeChartsAndReport } from '../src/report/charts';
import { runReport, type RunSummary } from '../src/report/run';
import { REPORT_CHARTS } from '../src/charts/registry';

/**
 * The report with its charts on a corpus of several segments, generated here: the
 * numbers every chart draws equal the tables' (aggregated in this test from the
 * CSVs), the charts are the same as charts drawn from the CSVs afterwards, and a
 * re-run after adding one article draws only the chart that changed.
 */

type Csv = Record<string, string>[];
type Values = Record<string, unknown>[];

const PEOPLE = [
  'Wang Yi', 'Sergey Lavrov', 'Antony Blinken', 'Mao Ning', 'Dmitry Peskov', 'Wang Wenbin', 'Maria Zakharova', 'Xi Jinping', 'Vladimir Putin', 'Joe Biden',
  'Lin Jian', 'Zhao Lijian', 'Hua Chunying', 'Li Qiang', 'Qin Gang', 'Kurt Campbell', 'Janet Yellen', 'Lloyd Austin', 'Jake Sullivan', 'Ned Price',
  'Vassily Nebenzia', 'Sergei Shoigu', 'Yuri Ushakov', 'Anatoly Antonov', 'Zhang Jun', 'Geng Shuang', 'Li Hui', 'Dmitry Medvedev',
];
const STATES = ['China', 'Russia', 'India', 'Japan', 'the European Union', 'Turkey', 'Brazil', 'Iran', 'Ukraine', 'the United States', 'NATO', 'Kazakhstan', 'Mongolia', 'Vietnam', 'Pakistan', 'Germany', 'France', 'Indonesia'];
const CLAIMS = [
  'Russia and China would deepen their comprehensive strategic partnership',
  'unilateral sanctions were illegal and had to be opposed',
  'a multipolar world was taking shape',
  'NATO expansion threatened security in Europe',
  'economic cooperation and trade between the two countries kept growing',
  'dialogue and negotiation were the only way out of the crisis',
  'the two sides would coordinate closely at the United Nations',
];
const OUTLETS = Array.from({ length: 14 }, (_, i) => `Outlet ${String.fromCharCode(65 + i)}`);
const ARTICLES = 900;

/** One generated article: statements by people drawn mostly from the first names, two states named together, a date over 2021–2024 (some undated, some in 2019). */
function article(i: number, rand: () => number) {
  const pick = <T>(xs: readonly T[], skew = 1): T => xs[Math.floor(rand() ** skew * xs.length)]!;
  const paragraphs: string[] = [];
  for (let s = 0, n = 1 + Math.floor(rand() * 3); s < n; s++) {
    const who = pick(PEOPLE, 2);
    paragraphs.push(rand() < 0.5 ? `${who} said that ${pick(CLAIMS)}.` : `"${pick(CLAIMS).replace(/^./, (c) => c.toUpperCase())}," ${who} told reporters.`);
  }
  const a = pick(STATES, 1.5);
  let b = pick(STATES);
  if (b === a) b = STATES[(STATES.indexOf(a) + 1) % STATES.length]!;
  paragraphs.push(`${a.replace(/^t/, 'T')} and ${b} held talks on the crisis.`);
  const r = rand();
  const year = r < 0.02 ? 2019 : 2021 + Math.floor(rand() * 4);
  const published = r > 0.97 ? undefined : `${year}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
  return { id: `gen-${String(i).padStart(4, '0')}`, title: `Article ${i}`, outlet: pick(OUTLETS, 1.3), published, text: paragraphs.join('\n\n') + '\n' };
}

const readCsv = (out: string, table: string): Csv => parse(readFileSync(join(out, 'tables', `${table}.csv`)), { columns: true }) as Csv;
const chartData = (out: string, name: string): Values => {
  const spec = JSON.parse(readFileSync(join(out, 'charts', `${name}.${name === 'cooccurrence-network' ? 'vg' : 'vl'}.json`), 'utf8')) as { data: { values: Values } | { name: string; values: Values }[] };
  return Array.isArray(spec.data) ? spec.data[0]!.values : spec.data.values;
};
const countBy = <T>(rows: readonly T[], key: (r: T) => string): Map<string, number> => {
  const m = new Map<string, number>();
  for (const r of rows) m.set(key(r), (m.get(key(r)) ?? 0) + 1);
  return m;
};
const specs = (out: string) => Object.fromEntries(readdirSync(join(out, 'charts')).filter((f) => f.endsWith('.json')).map((f) => [f, readFileSync(join(out, 'charts', f), 'utf8')]));

describe('report with charts on a corpus of several segments', () => {
  let dir: string;
  let corpus: string;
  let out: string;
  let cold: RunSummary;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'srkit-charts-'));
    corpus = join(dir, 'corpus');
    mkdirSync(corpus);
    const rand = prng(15);
    writeFileSync(join(corpus, 'corpus.jsonl'), Array.from({ length: ARTICLES }, (_, i) => JSON.stringify(article(i, rand))).join('\n') + '\n');
    out = join(dir, 'out');
    cold = await runReport({ corpus, out, parquet: false });
  }, 180_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the corpus in several segments and draws every chart', () => {
    expect(cold.articles).toBe(ARTICLES);
    expect(cold.cache!.segments.misses).toBeGreaterThanOrEqual(3);
    expect(cold.charts).toEqual({ drawn: REPORT_CHARTS.length, cached: 0, unavailable: [] });
    expect(cold.timings_ms.charts).toBeGreaterThan(0);
    expect(cold.timings_ms.total).toBeGreaterThan(cold.timings_ms.charts!);
  });

  it('articles by year and outlet: the counts of articles.csv, the smallest outlets as one', () => {
    const articles = readCsv(out, 'articles');
    const yearOf = (a: Record<string, string>) => (/^\d{4}/.test(a.published!) ? a.published!.slice(0, 4) : 'undated');
    const byOutlet = countBy(articles, (a) => a.outlet!);
    const top = [...byOutlet].sort(([a, x], [b, y]) => y - x || a.localeCompare(b)).slice(0, 9).map(([o]) => o);
    const expected = countBy(articles, (a) => `${yearOf(a)} ${top.includes(a.outlet!) ? a.outlet : 'other outlets (5)'}`);
    const drawn = chartData(out, 'articles-by-year');
    expect(new Map(drawn.map((v) => [`${v.year} ${v.outlet}`, v.articles]))).toEqual(expected);
    // an undated column and one for 2019, outside the window
    expect([...expected.keys()].some((k) => k.startsWith('undated '))).toBe(true);
    expect([...expected.keys()].some((k) => k.startsWith('2019 '))).toBe(true);
  });

  it('statements by year and speaker country: the counts of statements.csv', () => {
    const statements = readCsv(out, 'statements');
    const expected = countBy(statements, (s) => `${s.date ? s.date.slice(0, 4) : 'undated'} ${s.speaker_country || 'unknown'}`);
    const drawn = chartData(out, 'statements-by-country').filter((v) => (v.count as number) > 0);
    expect(new Map(drawn.map((v) => [`${v.period} ${v.code}`, v.count]))).toEqual(expected);
  });

  it('top speakers: the 15 with most rows in statements.csv', () => {
    const bySpeaker = countBy(readCsv(out, 'statements'), (s) => s.speaker!);
    const top = [...bySpeaker].sort(([a, x], [b, y]) => y - x || a.localeCompare(b)).slice(0, 15);
    expect(chartData(out, 'top-speakers').map((v) => [v.speaker, v.count])).toEqual(top);
  });

  it('statement timeline: per speaker and month the statements of statements.csv, the others on one row, each mark with its first statements', () => {
    const statements = readCsv(out, 'statements').filter((s) => s.date! >= '2021-01-01' && s.date! <= '2024-12-31');
    const drawn = chartData(out, 'statement-timeline');
    const rows = [...new Set(drawn.map((v) => v.speaker as string))];
    const [others, named] = [rows.filter((r) => r.startsWith('other speakers (')), rows.filter((r) => !r.startsWith('other speakers ('))];
    expect(named).toHaveLength(20);
    expect(others).toHaveLength(1);
    expect(others[0]).toBe(`other speakers (${new Set(statements.map((s) => s.speaker)).size - 20})`);
    const expected = countBy(statements, (s) => `${named.includes(s.speaker!) ? s.speaker : others[0]} ${s.date!.slice(0, 7)}`);
    expect(new Map(drawn.map((v) => [`${v.speaker} ${v.month}`, v.count]))).toEqual(expected);
    // the 20 rows are the 20 speakers with most statements in the window
    const ranked = [...countBy(statements, (s) => s.speaker!)].sort(([a, x], [b, y]) => y - x || a.localeCompare(b)).map(([s]) => s);
    expect(new Set(named)).toEqual(new Set(ranked.slice(0, 20)));
    // every statement shown is in statements.csv, in its mark's month and (on a speaker's row) by its speaker
    const byId = new Map(statements.map((s) => [s.statement_id!, s]));
    let shown = 0;
    for (const v of drawn) {
      for (const field of ['statement_1', 'statement_2', 'statement_3']) {
        const text = v[field] as string;
        if (!text) continue;
        shown++;
        const s = byId.get(/\(([^()]+)\)$/.exec(text)![1]!)!;
        expect(s.date!.slice(0, 7)).toBe(v.month);
        if (!others.includes(v.speaker as string)) expect(s.speaker).toBe(v.speaker);
        expect(text).toContain(s.text!.slice(0, 40));
      }
      expect(v.more).toBe((v.count as number) > 3 ? `${(v.count as number) - 3} more: statements.csv, ${others.includes(v.speaker as string) ? 'other speakers' : `speaker ${v.speaker}`}, ${v.month}` : undefined);
    }
    expect(shown).toBe(drawn.reduce((n, v) => n + Math.min(3, v.count as number), 0));
  });

  it('co-occurrence: the heatmap, network and by-year counts are cooccurrence.csv summed over periods', () => {
    const names = new Map(readCsv(out, 'mentions').map((m) => [m.actor!, m.actor_id!]));
    const sentence = readCsv(out, 'cooccurrence').filter((r) => r.window === 'sentence');
    const pairs = new Map<string, number>();
    const byYear = new Map<string, number>();
    for (const r of sentence) {
      const key = [r.actor_a, r.actor_b].sort().join(' ');
      pairs.set(key, (pairs.get(key) ?? 0) + Number(r.count));
      byYear.set(`${key} ${r.period}`, Number(r.count));
    }
    const heatmap = chartData(out, 'cooccurrence-heatmap');
    expect(new Set(heatmap.map((v) => v.row)).size).toBe(15);
    for (const v of heatmap) expect(v.count, `${v.row} – ${v.col}`).toBe(pairs.get([names.get(v.row as string), names.get(v.col as string)].sort().join(' ')) ?? 0);
    const weight = new Map<string, number>();
    for (const [key, n] of pairs) for (const id of key.split(' ')) weight.set(id, (weight.get(id) ?? 0) + n);
    const nodes = chartData(out, 'cooccurrence-network');
    expect(nodes).toHaveLength(15);
    for (const n of nodes) expect(n.weight, n.name as string).toBe(weight.get(names.get(n.name as string)!));
    expect(new Set(nodes.map((n) => names.get(n.name as string)))).toEqual(new Set([...weight].sort(([a, x], [b, y]) => y - x || a.localeCompare(b)).slice(0, 15).map(([id]) => id)));
    const years = chartData(out, 'cooccurrence-by-year');
    expect(new Set(years.map((v) => v.pair)).size).toBe(12);
    for (const v of years) {
      const [a, b] = (v.pair as string).split(' – ');
      expect(v.count).toBe(byYear.get(`${[names.get(a!), names.get(b!)].sort().join(' ')} ${v.period}`) ?? 0);
    }
  });

  it('co-occurrence explorer: each cell, node and by-year cell has the chart\'s count and lists sentences naming its actors', () => {
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    const block = JSON.parse(html.match(/<script type="application\/json" id="explorer-data">([\s\S]*?)<\/script>/)![1]!) as {
      sentences: { window: string; perMark: number; fields: string[]; rows: unknown[][]; marks: Record<string, { count: number; rows: number[] }> };
    };
    const { sentences } = block;
    expect(sentences.window).toBe('sentence');
    const at = (row: unknown[]) => `${row[sentences.fields.indexOf('article_id')]} ${row[sentences.fields.indexOf('sentence')]}`;
    const named = new Map<string, Set<string>>();
    for (const m of readCsv(out, 'mentions')) {
      const key = `${m.article_id} ${m.sentence}`;
      (named.get(key) ?? named.set(key, new Set()).get(key)!).add(m.actor_id!);
    }
    const check = (key: string, count: number, ids: string[]) => {
      const mark = sentences.marks[key];
      if (count === 0) return expect(mark, key).toBeUndefined();
      expect(mark!.count, key).toBe(count);
      expect(mark!.rows.length, key).toBe(Math.min(count, sentences.perMark));
      for (const i of mark!.rows) for (const id of ids) expect(named.get(at(sentences.rows[i]!))!.has(id), `${key}: ${at(sentences.rows[i]!)}`).toBe(true);
    };
    const heatmap = chartData(out, 'cooccurrence-heatmap');
    for (const v of heatmap) {
      const [a, b] = [v.row_id as string, v.col_id as string].sort();
      check(`co\t${a}\t${b}`, v.count as number, [a!, b!]);
    }
    for (const n of chartData(out, 'cooccurrence-network')) check(`cn\t${n.id}`, n.weight as number, [n.id as string]);
    const years = chartData(out, 'cooccurrence-by-year');
    for (const v of years) check(`cy\t${v.actor_a}\t${v.actor_b}\t${v.period}`, v.count as number, [v.actor_a as string, v.actor_b as string]);
    // Some by-year cells hold more sentences than a mark lists.
    expect(years.some((v) => (v.count as number) > sentences.perMark)).toBe(true);
  });

  it('themes and keyness: the rows of themes_by_year, themes_by_country and keyness.csv', () => {
    const byYear = new Map(readCsv(out, 'themes_by_year').map((r) => [`${r.theme} ${r.period}`, [Number(r.count), Number(r.statements), Number(r.share)]]));
    for (const v of chartData(out, 'themes-by-year')) expect([v.count, v.statements, v.share]).toEqual(byYear.get(`${v.theme} ${v.period}`));
    const byCountry = new Map(readCsv(out, 'themes_by_country').map((r) => [`${r.theme} ${r.speaker_country}`, [Number(r.count), Number(r.statements), Number(r.share)]]));
    for (const v of chartData(out, 'themes-by-country')) expect([v.count, v.statements, v.share]).toEqual(byCountry.get(`${v.theme} ${v.code}`));
    const keyness = readCsv(out, 'keyness')
      .map((r) => [r.feature, Number(r.G2)] as const)
      .sort(([a, x], [b, y]) => Math.abs(y) - Math.abs(x) || a!.localeCompare(b!))
      .slice(0, 20);
    expect(chartData(out, 'keyness').map((v) => [v.feature, v.signed])).toEqual(keyness);
  });

  it('draws the same charts as from the CSV files afterwards, in a small report.html', async () => {
    const again = join(dir, 'from-csv');
    mkdirSync(again);
    cpSync(join(out, 'tables'), join(again, 'tables'), { recursive: true });
    cpSync(join(out, 'run.json'), join(again, 'run.json'));
    await writeChartsAndReport(again);
    expect(specs(again)).toEqual(specs(out));
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain(`50 of ${ARTICLES} rows shown`);
    // vega, vega-lite and vega-embed inlined (0.8 MB), the charts as SVG and as specs, the explorer's rows.
    const block = (page: string, id: string) => page.match(new RegExp(`<script type="application/json" id="${id}">([\\s\\S]*?)</script>`))![1]!;
    expect(statSync(join(out, 'report.html')).size).toBeLessThan(5_000_000);
    expect(block(html, 'explorer-data').length).toBeLessThan(1_500_000);
    // The explorer lists the same statements whether drawn from the run's aggregates or from the CSV files.
    expect(block(readFileSync(join(again, 'report.html'), 'utf8'), 'explorer-data')).toBe(block(html, 'explorer-data'));
  });

  it('a re-run after adding one article draws only the chart that changed, and equals a run without the cache', async () => {
    const lines = readFileSync(join(corpus, 'corpus.jsonl'), 'utf8');
    // no statement, no actor: only the articles chart changes
    const added = { id: 'added', title: 'Added', outlet: OUTLETS[0], published: '2022-05-04', text: 'The weather was mild in the afternoon.\n\nMarkets closed early.\n' };
    writeFileSync(join(corpus, 'corpus.jsonl'), lines + JSON.stringify(added) + '\n');
    const before = specs(out);
    const warm = await runReport({ corpus, out, parquet: false });
    expect(warm.cache!.segments.misses).toBe(1);
    expect(warm.charts).toEqual({ drawn: REPORT_CHARTS.length, cached: REPORT_CHARTS.length - 1, unavailable: [] });
    const changed = Object.keys(before).filter((f) => before[f] !== specs(out)[f]);
    expect(changed).toEqual(['articles-by-year.vl.json']);
    const fresh = join(dir, 'fresh');
    await runReport({ corpus, out: fresh, parquet: false, cache: false });
    expect(specs(out)).toEqual(specs(fresh));
    // vega numbers gradients and clip paths by a counter of its process: the copy keeps those of the run that drew it
    const svg = (o: string, f: string) => readFileSync(join(o, 'charts', f), 'utf8').replace(/(gradient_|clip)\d+/g, '$1N');
    for (const f of readdirSync(join(fresh, 'charts')).filter((f) => f.endsWith('.svg'))) expect(svg(out, f) === svg(fresh, f), f).toBe(true);
    // the charts of the first run that changed are gone from the cache: one entry a chart
    const [fingerprint] = readdirSync(join(out, '.cache'));
    expect(readdirSync(join(out, '.cache', fingerprint!, 'charts'))).toHaveLength(REPORT_CHARTS.length);
  }, 180_000);
});
