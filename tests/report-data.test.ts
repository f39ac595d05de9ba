import { mkdirSync, mkdtempSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { prng } from '../scripts/bench/corpus';
import type { CountryPalette } from '../src/charts/colors';
import { cooccurrenceByYear, cooccurrenceHeatmap, cooccurrenceNetwork } from '../src/charts/cooccurrence';
import { topSpeakers } from '../src/charts/statements';
import { keynessBars } from '../src/charts/themes';
import { ChartCache } from '../src/report/chart-cache';
import { DEFAULT_WINDOW } from '../src/tables/periods';
import { ArticlesTally, cooccurrenceData, keynessData, speakersData, TOP_ACTORS, TOP_KEYNESS, TOP_PAIRS, TOP_SPEAKERS, type ArticleSummary } from '../src/tables/report-data';
import type { Row } from '../src/tables/schema';
import { TIMELINE_SAMPLES, TIMELINE_SPEAKERS, TimelineTally, type TimelineKey } from '../src/tables/timeline';

const palette: CountryPalette = { countries: { CHN: { label: 'China', color: '#d62728' }, RUS: { label: 'Russia', color: '#1f77b4' }, USA: { label: 'United States', color: '#2ca02c' } } };
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** `n` statements by `speakers` speakers (the first ones most often), dated over 2020–2025 (some undated). */
function statementKeys(n: number, speakers: number, seed = 1): TimelineKey[] {
  const rand = prng(seed);
  return Array.from({ length: n }, (_, i) => {
    const who = Math.floor(rand() ** 2 * speakers);
    const year = 2020 + Math.floor(rand() * 6);
    const date = rand() < 0.02 ? '' : `${year}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
    return {
      statement_id: `a${i}#1`,
      article_id: `a${i}`,
      speaker: `Speaker ${who}`,
      speaker_id: `speaker-${who}`,
      speaker_type: 'person',
      speaker_country: ['CHN', 'RUS', 'USA', ''][who % 4]!,
      date,
      quote: `statement ${i}`,
    };
  });
}

describe('the statement timeline aggregates', () => {
  it('stay bounded whatever the number of statements: 21 rows by 48 months, three samples a mark', () => {
    const keys = statementKeys(100_000, 500);
    const tally = new TimelineTally();
    for (const k of keys) tally.add(k);
    const data = tally.data(DEFAULT_WINDOW);
    expect(data.speakers).toHaveLength(TIMELINE_SPEAKERS);
    expect(data.cells.length).toBeLessThanOrEqual((TIMELINE_SPEAKERS + 1) * 48);
    expect(Math.max(...data.cells.map((c) => c.samples.length))).toBe(TIMELINE_SAMPLES);
    // every statement is counted once: in a mark, undated, or outside the window
    const inWindow = keys.filter((k) => k.date >= '2021' && k.date < '2025');
    expect(data.cells.reduce((n, c) => n + c.count, 0)).toBe(inWindow.length);
    expect([data.inWindow, data.undated, data.outside]).toEqual([inWindow.length, keys.filter((k) => !k.date).length, keys.length - inWindow.length - keys.filter((k) => !k.date).length]);
    expect(data.others.speakers).toBe(new Set(inWindow.map((k) => k.speaker)).size - TIMELINE_SPEAKERS);
    // a speaker's mark keeps that speaker's first statements of the month, in input order
    const first = data.cells.find((c) => c.key === 'speaker-0' && c.month === '2022-03')!;
    expect(first.samples.map((s) => s.statement_id)).toEqual(inWindow.filter((k) => k.speaker_id === 'speaker-0' && k.date.startsWith('2022-03')).slice(0, 3).map((k) => k.statement_id));
  });

  it('have no row of others when every speaker has a row of its own', () => {
    const tally = new TimelineTally();
    for (const k of statementKeys(500, 5)) tally.add(k);
    const data = tally.data(DEFAULT_WINDOW);
    expect(data.speakers).toHaveLength(5);
    expect(data.others).toEqual({ speakers: 0, statements: 0 });
    expect(data.cells.some((c) => c.key === '')).toBe(false);
  });

  it('merged part by part (through JSON, as the cache keeps them) equal the whole', () => {
    const keys = statementKeys(5_000, 60, 7);
    const whole = new TimelineTally();
    for (const k of keys) whole.add(k);
    const merged = new TimelineTally();
    for (let at = 0; at < keys.length; at += 700) {
      const part = new TimelineTally();
      for (const k of keys.slice(at, at + 700)) part.add(k);
      merged.merge(JSON.parse(JSON.stringify(part.state())));
    }
    expect(merged.data(DEFAULT_WINDOW)).toEqual(whole.data(DEFAULT_WINDOW));
  });
});

describe('the article aggregates', () => {
  const summaries = (n: number): ArticleSummary[] => {
    const rand = prng(3);
    return Array.from({ length: n }, (_, i) => ({ published: rand() < 0.05 ? '' : `202${Math.floor(rand() * 4) + 1}-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}`, outlet: `Outlet ${i % 13}`, title: `Title ${i}`, sentences: 10, words: 300 }));
  };

  it('keep the 50 earliest articles (undated first, ties in input order), counts by year and outlet and the date range', () => {
    const all = summaries(20_000);
    const tally = new ArticlesTally();
    for (const a of all) tally.add(a);
    const data = tally.data();
    const sorted = all.map((a, i) => ({ a, i })).sort((x, y) => (x.a.published < y.a.published ? -1 : x.a.published > y.a.published ? 1 : x.i - y.i));
    expect(data.list).toEqual(sorted.slice(0, 50).map(({ a }) => a));
    expect(data.total).toBe(20_000);
    expect(data.byYear.reduce((n, r) => n + r.count, 0)).toBe(20_000);
    expect(data.byYear.length).toBeLessThanOrEqual(5 * 13);
    const dated = all.filter((a) => a.published).map((a) => a.published).sort();
    expect(data.dates).toEqual({ from: dated[0], to: dated.at(-1), undated: 20_000 - dated.length });
  });

  it('merged part by part equal the whole; with no dated article there is no date range', () => {
    const all = summaries(3_000);
    const whole = new ArticlesTally();
    for (const a of all) whole.add(a);
    const merged = new ArticlesTally();
    for (let at = 0; at < all.length; at += 256) {
      const part = new ArticlesTally();
      for (const a of all.slice(at, at + 256)) part.add(a);
      merged.merge(JSON.parse(JSON.stringify(part.state())));
    }
    expect(merged.data()).toEqual(whole.data());
    const undated = new ArticlesTally();
    undated.add({ published: '', outlet: '', title: 't', sentences: 1, words: 1 });
    expect(undated.data().dates).toBeNull();
  });
});

describe('the cuts the charts draw', () => {
  it('co-occurrence: the pairs kept draw the same three charts as the whole table', () => {
    const rand = prng(11);
    const rows: Row[] = [];
    for (let i = 0; i < 3_000; i++) {
      const a = Math.floor(rand() ** 2 * 60);
      const b = Math.floor(rand() * 60);
      if (a === b) continue;
      rows.push({ actor_a: `actor-${String(Math.min(a, b)).padStart(2, '0')}`, actor_b: `actor-${String(Math.max(a, b)).padStart(2, '0')}`, window: i % 3 ? 'sentence' : 'paragraph', period: String(2019 + (i % 7)), count: 1 + Math.floor(rand() * 9), articles: 1 });
    }
    // and ten actors named only with each other, once a pair: the cut leaves them out
    for (let a = 70; a < 80; a++) rows.push({ actor_a: `actor-${a}`, actor_b: `actor-${a === 79 ? 70 : a + 1}`, window: 'sentence', period: '2022', count: 1, articles: 1 });
    const names = new Map(Array.from({ length: 80 }, (_, i) => [`actor-${String(i).padStart(2, '0')}`, { name: `Actor ${i}`, country: ['CHN', 'RUS', 'USA'][i % 3]! }]));
    const co = cooccurrenceData(rows, names)!;
    expect(co.window).toBe('sentence');
    expect(co.rows.length).toBeLessThan(rows.filter((r) => r.window === 'sentence').length);
    expect(co.actors.some(([id]) => id === 'actor-75')).toBe(false);
    expect(co.actorCount).toBe(70);
    const options = { palette, actors: new Map(co.actors), within: co.window, actorCount: co.actorCount };
    const full = { palette, actors: names, within: co.window };
    expect(cooccurrenceHeatmap(co.rows, { ...options, top: TOP_ACTORS })).toEqual(cooccurrenceHeatmap(rows, { ...full, top: TOP_ACTORS }));
    expect(cooccurrenceNetwork(co.rows, { ...options, top: TOP_ACTORS })).toEqual(cooccurrenceNetwork(rows, { ...full, top: TOP_ACTORS }));
    expect(cooccurrenceByYear(co.rows, { ...options, topPairs: TOP_PAIRS, periods: co.periods })).toEqual(cooccurrenceByYear(rows, { ...full, topPairs: TOP_PAIRS }));
    // without the totals the cut alone would undercount the actors in the subtitle
    expect(cooccurrenceHeatmap(co.rows, { palette, actors: new Map(co.actors), within: co.window })).not.toEqual(cooccurrenceHeatmap(rows, { ...full }));
    expect(cooccurrenceData([], names)).toBeUndefined();
  });

  it('top speakers and keyness: the leading rows draw the same charts as the whole tables', () => {
    const speakers: Row[] = Array.from({ length: 300 }, (_, i) => ({ speaker_id: `s${i}`, speaker: i % 50 === 7 ? '' : `Speaker ${i}`, speaker_type: 'person', speaker_country: 'CHN', count: 1000 - 3 * i, articles: 1, first_date: '', last_date: '' }));
    const cut = speakersData(speakers);
    expect(cut.total).toBe(300);
    expect(topSpeakers(cut.rows, { palette, top: TOP_SPEAKERS, speakerCount: cut.named })).toEqual(topSpeakers(speakers, { palette, top: TOP_SPEAKERS }));
    const terms: Row[] = Array.from({ length: 2_000 }, (_, i) => ({ feature: `w${i}`, n_target: i, n_reference: 1, G2: Math.round(Math.sin(i) * 1e4) / 100, chi2: 0, p: 0.5 }));
    const top = keynessData(terms);
    expect(top.rows).toHaveLength(TOP_KEYNESS);
    expect(keynessBars(top.rows, { palette, top: TOP_KEYNESS })).toEqual(keynessBars(terms, { palette, top: TOP_KEYNESS }));
  });
});

describe('the chart cache', () => {
  it('copies a chart stored whole, draws again one cut short, and keeps in the new cache only the charts used', () => {
    const dir = mkdtempSync(join(tmpdir(), 'srkit-chart-cache-'));
    dirs.push(dir);
    const charts = join(dir, 'charts');
    mkdirSync(charts);
    const base = join(charts, 'chart');
    writeFileSync(`${base}.vl.json`, '{"spec":1}');
    writeFileSync(`${base}.png`, 'PNG bytes');
    const cache = new ChartCache(join(dir, 'cache'));
    cache.store('k1', base, ['.vl.json', '.png'], '<svg/>');
    cache.store('k2', base, ['.vl.json', '.png'], '<svg>2</svg>');
    rmSync(charts, { recursive: true });
    mkdirSync(charts);
    const again = new ChartCache(join(dir, 'cache'), join(dir, 'next'));
    expect(again.restore('k1', base, ['.vl.json', '.png'])).toBe('<svg/>');
    expect(readdirSync(charts).sort()).toEqual(['chart.png', 'chart.vl.json']);
    // a file cut short (a torn write) is no hit, and nothing is copied
    truncateSync(join(dir, 'cache', 'k2', 'chart.png'), 3);
    rmSync(charts, { recursive: true });
    mkdirSync(charts);
    expect(again.restore('k2', base, ['.vl.json', '.png'])).toBeUndefined();
    expect(again.restore('k3', base, ['.vl.json'])).toBeUndefined();
    expect(readdirSync(charts)).toEqual([]);
    expect([again.hits, again.misses]).toEqual([1, 2]);
    // the reused entry is linked into the new cache whole; the previous one is left as it was
    expect(readdirSync(join(dir, 'next'))).toEqual(['k1']);
    expect(readdirSync(join(dir, 'next', 'k1')).sort()).toEqual(['chart.png', 'chart.svg', 'chart.vl.json', 'sizes.json']);
    expect(readdirSync(join(dir, 'cache')).sort()).toEqual(['k1', 'k2']);
  });
});
