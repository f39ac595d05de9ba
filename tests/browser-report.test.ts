import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_CHARTS, writeChartsAndReport } from '../src/report/charts';
import { runReport } from '../src/report/run';
import { SEEDS } from './helpers';

/**
 * Opens report.html and a chart's offline HTML in Debian's chromium (the CI installs it:
 * apt-get install chromium) and checks that nothing failed and every chart drew.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FIXTURES = resolve(__dirname, 'fixtures', 'tables');
/** Screenshots are kept here for a person to look at. */
const SCREENSHOTS = resolve(__dirname, '..', 'output', 'browser');

let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH`);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

interface Problems {
  errors: string[];
  requests: string[];
  dialogs: string[];
}

/** Opens a file, recording console errors, page errors, dialogs (an injected alert) and any network request. */
async function open(file: string): Promise<{ page: Page; problems: Problems }> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const problems: Problems = { errors: [], requests: [], dialogs: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') problems.errors.push(m.text());
  });
  page.on('pageerror', (e) => problems.errors.push(e.message));
  page.on('dialog', (d) => {
    problems.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('request', (r) => {
    if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) problems.requests.push(r.url());
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return { page, problems };
}

/** Graphic elements inside vega mark groups of each figure's SVG, by chart name. */
async function marksPerFigure(page: Page): Promise<Record<string, number>> {
  return page.$$eval('figure.chart', (figures) =>
    Object.fromEntries(figures.map((f) => [f.getAttribute('data-chart') ?? '', f.querySelectorAll('svg .role-mark > path, svg .role-mark > text, svg .role-mark > line, svg .role-mark > g').length])),
  );
}

/** Waits until every chart of the page is drawn live by vega-embed. */
async function liveCharts(page: Page, n = REPORT_CHARTS.length): Promise<void> {
  await page.waitForFunction((count) => document.querySelectorAll('figure.chart[data-live]').length >= count, n, { timeout: 30_000 });
}

/** Clicks the first mark of a chart whose aria-label has every part; returns the label. */
async function clickMark(page: Page, chart: string, parts: string[]): Promise<string> {
  const mark = page.locator(`#chart-${chart} .role-mark > path${parts.map((p) => `[aria-label*=${JSON.stringify(p)}]`).join('')}`).first();
  const label = (await mark.getAttribute('aria-label')) ?? '';
  await mark.click({ force: true });
  await page.waitForSelector('section.explorer tbody', { state: 'attached' });
  return label;
}

/** The explorer's listed rows: [date, outlet, speaker, country, themes, text, article]. */
const listed = (page: Page) => page.$$eval('section.explorer tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));

/** The listed sentences' places: "article_id sentence" of each row. */
const listedSentences = (page: Page) => page.$$eval('section.explorer tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-sentence') ?? ''));

/** A table of a run's output folder, as parsed rows. */
const readCsv = (out: string, table: string) => parse(readFileSync(join(out, 'tables', `${table}.csv`)), { columns: true }) as Record<string, string>[];

/** A field of a mark's aria-label ("Year: 2022; Theme: …; Statements voicing it: 3"). */
const field = (label: string, name: string): string => new RegExp(`(?:^|; )${name}: ([^;]*)`).exec(label)?.[1] ?? '';

const HOSTILE = '<img src=x onerror=alert(1)>';

describe('report.html from the fixture tables (every chart available)', () => {
  let out: string;
  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'srkit-browser-'));
    mkdirSync(join(out, 'tables'));
    for (const f of readdirSync(FIXTURES)) copyFileSync(join(FIXTURES, f), join(out, f.endsWith('.csv') ? join('tables', f) : f));
    // A hostile statement: markup in scraped text must show as text.
    const statements = join(out, 'tables', 'statements.csv');
    writeFileSync(statements, readFileSync(statements, 'utf8').replace('based on the merits of the matter itself', `${HOSTILE} based on the merits of the matter itself`));
    await writeChartsAndReport(out);
  }, 60_000);

  it('draws all ten charts with no console error, no request and no injected script', async () => {
    const { page, problems } = await open(join(out, 'report.html'));
    const marks = await marksPerFigure(page);
    expect(Object.keys(marks)).toEqual(REPORT_CHARTS.map((c) => c.name));
    for (const [name, n] of Object.entries(marks)) expect(n, name).toBeGreaterThan(0);
    // The fixture statement "<script>alert("x")</script> doomed to fail" is text, never code: the page's
    // scripts are vega, vega-lite, vega-embed, the specs, the explorer's data and the explorer.
    expect(await page.$$eval('script', (s) => s.length)).toBe(6);
    await liveCharts(page);
    expect(await page.$$eval('figure.chart[data-explorable]', (f) => f.map((e) => e.getAttribute('data-chart')))).toEqual(['statements-by-country', 'top-speakers', 'statement-timeline', 'themes-by-year', 'themes-by-country']);
    expect(problems).toEqual({ errors: [], requests: [], dialogs: [] });
    // The not-available list is absent when every table is there.
    expect(await page.$('#not-available')).toBeNull();
    await page.screenshot({ path: join(out, 'report.png'), fullPage: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'report-fixtures.png'), fullPage: true });
    await page.close();
  }, 60_000);

  it('explorer: a click on a bar lists its statements, as many as the bar says; filters narrow them; hostile text stays text', async () => {
    const { page, problems } = await open(join(out, 'report.html'));
    await liveCharts(page);
    // China's 2022 bar: 6 statements in statements_by_country.csv.
    const label = await clickMark(page, 'statements-by-country', ['Year: 2022', 'Speaker country: China']);
    expect(label).toContain('Statements: 6');
    let rows = await listed(page);
    expect(rows).toHaveLength(6);
    expect(rows.every((r) => r[0]!.startsWith('2022-') && r[3] === 'CHN')).toBe(true);
    expect(await page.textContent('section.explorer h3')).toBe('Statements per year by speaker country: China, 2022, 6 statements');
    // The hostile statement is listed as text, with its article's id; nothing of it became an element.
    const hostile = rows.find((r) => r[5]!.includes('based on the merits'))!;
    expect(hostile.slice(1)).toEqual(['Newsweek', 'Wang Wenbin', 'CHN', '', `${HOSTILE} based on the merits of the matter itself`, '002_85751d1f4b45d821']);
    expect(rows.find((r) => r[5]!.includes('doomed'))![5]).toBe('<script>alert("x")</script> doomed to fail');
    expect(await page.$$eval('section.explorer img, section.explorer script', (e) => e.length)).toBe(0);
    expect(await page.getAttribute('section.explorer tbody a', 'href')).toBe('tables/articles.csv');
    await page.locator('section.explorer').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'explorer-statements-by-country.png'), fullPage: false });
    // A text search narrows the list; clearing it brings every row back.
    await page.fill('section.explorer input[name=search]', 'partner');
    rows = await listed(page);
    expect(rows.map((r) => r[2])).toEqual(['Wang Yi', 'Wang Wenbin']);
    expect(await page.textContent('section.explorer p.shown')).toBe('2 of 6 listed statements shown');
    await page.fill('section.explorer input[name=search]', 'no such words');
    expect(await listed(page)).toEqual([]);
    await page.fill('section.explorer input[name=search]', '');
    expect(await listed(page)).toHaveLength(6);
    // A speaker's bar: Wang Yi's 5 statements (statements_by_speaker.csv).
    const speaker = await clickMark(page, 'top-speakers', ['Speaker: Wang Yi;']);
    expect(speaker).toContain('Statements: 5');
    rows = await listed(page);
    expect(rows).toHaveLength(5);
    expect(new Set(rows.map((r) => r[2]))).toEqual(new Set(['Wang Yi']));
    // The year filter narrows it to his 2022 statements (the other is from 2024).
    await page.selectOption('section.explorer select[name=year]', '2022');
    expect((await listed(page)).map((r) => r[0]!.slice(0, 4))).toEqual(['2022', '2022', '2022', '2022']);
    await page.selectOption('section.explorer select[name=year]', '');
    expect(await listed(page)).toHaveLength(5);
    // A timeline mark: its count in the tooltip's data, its rows the statements of that speaker and month.
    const mark = await clickMark(page, 'statement-timeline', ['Wang Yi, 2022-06']);
    expect(mark).toContain('2 statements');
    rows = await listed(page);
    expect(rows.map((r) => [r[0], r[2]])).toEqual([
      ['2022-06-02', 'Wang Yi'],
      ['2022-06-02', 'Wang Yi'],
    ]);
    await page.locator('section.explorer').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'explorer-timeline.png'), fullPage: false });
    expect(problems).toEqual({ errors: [], requests: [], dialogs: [] });
    await page.close();
  }, 90_000);

  it('the offline timeline HTML draws one mark per speaker and month, shows its quotes on hover, escaped, and lists them on a click', async () => {
    const { page, problems } = await open(join(out, 'charts', 'statement-timeline.html'));
    await page.waitForSelector('#chart svg .role-mark', { timeout: 20_000 });
    // 13 statements in the fixture by 7 speakers in 9 (speaker, month) cells: 9 circles.
    expect(await page.$$eval('#chart svg .mark-symbol.role-mark > path', (p) => p.length)).toBe(9);
    // The <script> quotation is the point on Wang Yi's row in June 2022: hover every point until the tooltip shows it.
    const points = await page.$$('#chart svg .mark-symbol.role-mark > path');
    let shown = '';
    for (const p of points) {
      await p.hover({ force: true });
      shown = (await page.textContent('#vg-tooltip-element').catch(() => '')) ?? '';
      if (shown.includes('doomed to fail')) break;
    }
    expect(shown).toContain('<script>alert("x")</script> doomed to fail');
    expect(await page.$$eval('#vg-tooltip-element script', (s) => s.length)).toBe(0);
    expect(await page.$$eval('script', (s) => s.length)).toBe(6); // vega, vega-lite, vega-embed, the spec, the explorer's data, the explorer
    // The tooltip's fields are formatted: the month as written, no epoch milliseconds.
    expect(shown).toContain('Month2022-06');
    expect(shown).not.toMatch(/\d{12,}/);
    // The chart page has the explorer too: a click lists the mark's statements, the article linked in ../tables.
    await page.locator('#chart .role-mark > path[aria-label*="Wang Yi, 2022-06"]').first().click({ force: true });
    await page.waitForSelector('section.explorer tbody', { state: 'attached' });
    expect((await listed(page)).map((r) => r[5])).toEqual(['China is willing to work together with Russia and the global community to promote real democracy based on nations\' own conditions', '<script>alert("x")</script> doomed to fail']);
    expect(await page.getAttribute('section.explorer tbody a', 'href')).toBe('../tables/articles.csv');
    expect(problems).toEqual({ errors: [], requests: [], dialogs: [] });
    await page.screenshot({ path: join(SCREENSHOTS, 'statement-timeline.png') });
    await page.close();
  }, 60_000);

  it('explorer from tables with a sentences.csv: a co-occurrence cell lists its sentences, markup in them as text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'srkit-browser-sentences-'));
    mkdirSync(join(dir, 'tables'));
    for (const f of readdirSync(FIXTURES)) copyFileSync(join(FIXTURES, f), join(dir, f.endsWith('.csv') ? join('tables', f) : f));
    // A sentences.csv for the fixture's mentions: the sentences naming Lavrov and Wang Yi carry markup.
    const named = new Map<string, Set<string>>();
    for (const m of readCsv(dir, 'mentions')) {
      const key = `${m.article_id}\t${m.sentence}`;
      (named.get(key) ?? named.set(key, new Set()).get(key)!).add(m.actor_id!);
    }
    const sentences = [...named].map(([key, ids]) => {
      const [article_id, sentence] = key.split('\t');
      const text = ids.has('sergey-lavrov') && ids.has('wang-yi') ? `${HOSTILE} Lavrov met Wang Yi, sentence ${sentence}` : `Sentence ${sentence} of ${article_id}`;
      return { article_id, sentence, paragraph: sentence, start: 0, end: text.length, text };
    });
    writeFileSync(join(dir, 'tables', 'sentences.csv'), stringify(sentences, { header: true }));
    await writeChartsAndReport(dir);
    const { page, problems } = await open(join(dir, 'report.html'));
    await liveCharts(page);
    const label = await clickMark(page, 'cooccurrence-heatmap', ['col: Wang Yi;', 'row: Sergey Lavrov;']);
    expect(field(label, 'Co-occurrences')).toBe('2');
    expect(await page.textContent('section.explorer h3')).toBe('Actor co-occurrence: Sergey Lavrov – Wang Yi, 2 sentences');
    expect((await listed(page)).map((r) => [r[0], r[2], r[4], r[5]])).toEqual([
      ['2021-03-23', 'Sergey Lavrov – Wang Yi', `${HOSTILE} Lavrov met Wang Yi, sentence 4`, '003_ba9e1a6144e27da5'],
      ['2024-04-10', 'Sergey Lavrov – Wang Yi', `${HOSTILE} Lavrov met Wang Yi, sentence 6`, '000_6c805811b0115857'],
    ]);
    expect(await page.$$eval('section.explorer img, section.explorer script', (e) => e.length)).toBe(0);
    expect(problems).toEqual({ errors: [], requests: [], dialogs: [] });
    await page.close();
  }, 60_000);

  it('the offline network HTML (a vega spec) draws its nodes', async () => {
    const { page, problems } = await open(join(out, 'charts', 'cooccurrence-network.html'));
    await page.waitForSelector('#chart svg .role-mark', { timeout: 20_000 });
    // The fixture's sentence-window pairs join 5 actors: Lavrov, Wang Yi, Xi, Putin, Zelenskyy.
    expect(await page.$$eval('#chart svg .mark-symbol.role-mark > path', (p) => p.length)).toBe(5);
    expect(problems).toEqual({ errors: [], requests: [], dialogs: [] });
    await page.close();
  }, 60_000);
});

describe('report.html from a real run on the seeds', () => {
  let out: string;
  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'srkit-browser-seeds-'));
    await runReport({ corpus: SEEDS, out });
  }, 120_000);

  it('every chart the run could draw is drawn; the rest are listed as not available', async () => {
    const { page, problems } = await open(join(out, 'report.html'));
    const marks = await marksPerFigure(page);
    const listed = await page.$$eval('#not-available li strong', (s) => s.map((e) => e.textContent));
    // Each chart is either drawn or named as not available, never silently missing.
    expect(Object.keys(marks).length + listed.length).toBe(REPORT_CHARTS.length);
    expect(Object.keys(marks)).toContain('statements-by-country');
    for (const [name, n] of Object.entries(marks)) expect(n, name).toBeGreaterThan(0);
    expect(problems).toEqual({ errors: [], requests: [], dialogs: [] });
    // Provenance names the corpus folder and the five seed articles.
    const provenance = await page.textContent('dl.provenance');
    expect(provenance).toContain(SEEDS);
    expect(provenance).toContain('Articles read5');
    expect(provenance).toContain('2021-03-23 to 2024-04-10');
    await page.screenshot({ path: join(out, 'report.png'), fullPage: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'report-seeds.png'), fullPage: true });
    await page.close();
    // Every drawn chart was exported in all four formats.
    const files = readdirSync(join(out, 'charts'));
    for (const name of Object.keys(marks)) {
      const ext = name === 'cooccurrence-network' ? '.vg.json' : '.vl.json';
      for (const suffix of [ext, '.svg', '.png', '.html']) expect(files, name + suffix).toContain(name + suffix);
    }
    expect(readFileSync(join(out, 'charts', 'statements-by-country.png')).subarray(1, 4).toString()).toBe('PNG');
  }, 60_000);

  it('explorer: a heatmap cell and a bar of the themes list the statements voicing the theme, as many as the chart says', async () => {
    const { page, problems } = await open(join(out, 'report.html'));
    await liveCharts(page, await page.$$eval('figure.chart', (f) => f.length));
    // Every non-empty cell of the theme × year heatmap: its rows are its statements, of its year, voicing its theme.
    const cells = await page.$$eval('#chart-themes-by-year .mark-rect.role-mark > path', (ps) => ps.map((p) => p.getAttribute('aria-label') ?? ''));
    const voiced = cells.filter((l) => !/Statements voicing it: 0;/.test(l));
    expect(voiced.length).toBeGreaterThan(0);
    for (const label of voiced) {
      const [theme, year, n] = [field(label, 'Theme'), field(label, 'Year'), field(label, 'Statements voicing it')];
      await clickMark(page, 'themes-by-year', [`Theme: ${theme};`, `Year: ${year};`, '; label:']);
      expect(await page.textContent('section.explorer h3')).toBe(`Rhetorical themes by year: ${theme}, ${year}, ${n} statement${n === '1' ? '' : 's'}`);
      const rows = await listed(page);
      expect(rows, label).toHaveLength(Number(n));
      for (const r of rows) expect(r[0]!.slice(0, 4)).toBe(year);
    }
    await page.locator('section.explorer').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'explorer-themes-by-year.png'), fullPage: false });
    // A bar of themes by country: the country's statements voicing the theme.
    const bars = await page.$$eval('#chart-themes-by-country .mark-rect.role-mark > path', (ps) => ps.map((p) => p.getAttribute('aria-label') ?? ''));
    const bar = bars.find((l) => !/Statements voicing it: 0;/.test(l))!;
    const [theme, country, n] = [field(bar, 'Theme'), field(bar, 'Speaker country'), field(bar, 'Statements voicing it')];
    await clickMark(page, 'themes-by-country', [`Theme: ${theme};`, `Speaker country: ${country};`]);
    expect(await listed(page)).toHaveLength(Number(n));
    // A cell with no statement lists none.
    const empty = cells.find((l) => /Statements voicing it: 0;/.test(l));
    if (empty) {
      const [t, y] = [field(empty, 'Theme'), field(empty, 'Year')];
      await clickMark(page, 'themes-by-year', [`Theme: ${t};`, `Year: ${y};`, '; label:']);
      expect(await listed(page)).toEqual([]);
    }
    expect(problems).toEqual({ errors: [], requests: [], dialogs: [] });
    await page.close();
  }, 90_000);
  it('explorer: a co-occurrence cell, a network node and a by-year cell list the sentences behind them, as many as the chart says', async () => {
    const { page, problems } = await open(join(out, 'report.html'));
    await liveCharts(page, await page.$$eval('figure.chart', (f) => f.length));
    expect(await page.$$eval('figure.chart[data-explorable]', (f) => f.map((e) => e.getAttribute('data-chart')))).toEqual(
      expect.arrayContaining(['cooccurrence-heatmap', 'cooccurrence-network', 'cooccurrence-by-year']),
    );
    // Which actors each sentence names, and its text, from the run's tables.
    const named = new Map<string, Set<string>>();
    for (const m of readCsv(out, 'mentions')) {
      const key = `${m.article_id} ${m.sentence}`;
      (named.get(key) ?? named.set(key, new Set()).get(key)!).add(m.actor_id!);
    }
    const texts = new Map(readCsv(out, 'sentences').map((r) => [`${r.article_id} ${r.sentence}`, r.text!]));
    const perMark = 20;
    // China–Russia: 46 sentences (7 + 29 + 10, counted by hand in tests/actors-tables.test.ts); the first 20 listed, 2021's first.
    const label = await clickMark(page, 'cooccurrence-heatmap', ['col: Russia;', 'row: China;']);
    expect(field(label, 'Co-occurrences')).toBe('46');
    expect(await page.textContent('section.explorer h3')).toBe('Actor co-occurrence: China – Russia, 46 sentences');
    let rows = await listed(page);
    expect(rows).toHaveLength(perMark);
    expect(rows.map((r) => r[0]!.slice(0, 4))).toEqual([...Array(7).fill('2021'), ...Array(13).fill('2022')]);
    for (const [i, at] of (await listedSentences(page)).entries()) {
      expect([named.get(at)!.has('china'), named.get(at)!.has('russia')], at).toEqual([true, true]);
      expect(rows[i]![2]).toBe('China – Russia');
      expect(rows[i]![3]).toBe('CHN, RUS');
      expect(texts.get(at)!.startsWith(rows[i]![4]!.replace(/…$/, '')), at).toBe(true);
    }
    expect(await page.textContent('section.explorer p.shown')).toBe('20 of 20 listed sentences shown (46 in all)');
    expect(await page.textContent('section.explorer p.more')).toBe('26 more: see tables/mentions.csv for the sentences naming both china and russia (actor_id) (their text is in tables/sentences.csv).');
    // Sentences have no themes: no theme filter. The year filter narrows to 2021's 7; a text search to the sentences holding it.
    expect(await page.$$eval('section.explorer select', (s) => s.map((e) => e.getAttribute('name')))).toEqual(['year', 'country']);
    await page.selectOption('section.explorer select[name=year]', '2021');
    expect(await listed(page)).toHaveLength(7);
    await page.selectOption('section.explorer select[name=year]', '');
    await page.fill('section.explorer input[name=search]', 'Putin');
    rows = await listed(page);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(perMark);
    expect(rows.every((r) => r[4]!.includes('Putin'))).toBe(true);
    await page.fill('section.explorer input[name=search]', '');
    await page.locator('section.explorer').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'explorer-cooccurrence-heatmap.png'), fullPage: false });
    // Every non-empty cell of China's row lists as many sentences as it shows (at most 20), each naming both.
    const cells = await page.$$eval('#chart-cooccurrence-heatmap .mark-rect.role-mark > path', (ps) => ps.map((p) => p.getAttribute('aria-label') ?? ''));
    const china = cells.filter((l) => l.startsWith('col: ') && field(l, 'row') === 'China' && field(l, 'Co-occurrences') !== '0');
    expect(china.length).toBeGreaterThan(3);
    for (const cell of china) {
      const n = Number(field(cell, 'Co-occurrences'));
      await clickMark(page, 'cooccurrence-heatmap', [`col: ${field(cell, 'col')};`, 'row: China;']);
      expect(await page.textContent('section.explorer h3')).toBe(`Actor co-occurrence: China – ${field(cell, 'col')}, ${n} sentence${n === 1 ? '' : 's'}`);
      expect(await listed(page), cell).toHaveLength(Math.min(n, perMark));
      for (const at of await listedSentences(page)) expect(named.get(at)!.has('china'), at).toBe(true);
    }
    // An empty cell lists none.
    const empty = cells.find((l) => field(l, 'Co-occurrences') === '0')!;
    await clickMark(page, 'cooccurrence-heatmap', [`col: ${field(empty, 'col')};`, `row: ${field(empty, 'row')};`]);
    expect(await listed(page)).toEqual([]);
    expect(await page.textContent('section.explorer h3')).toMatch(/, 0 sentences$/);

    // China's node: its co-occurrences with every other actor (its size and tooltip), the partners in turn.
    const node = await clickMark(page, 'cooccurrence-network', ['Actor: China;']);
    const weight = Number(field(node, 'Co-occurrences'));
    expect(weight).toBeGreaterThan(perMark);
    expect(await page.textContent('section.explorer h3')).toBe(`Actor co-occurrence network: China, ${weight} co-occurrences`);
    rows = await listed(page);
    expect(rows).toHaveLength(perMark);
    expect(rows.every((r) => r[2]!.split(' – ').includes('China'))).toBe(true);
    expect(new Set(rows.map((r) => r[2])).size).toBeGreaterThan(5);
    for (const at of await listedSentences(page)) expect(named.get(at)!.has('china'), at).toBe(true);
    await page.locator('section.explorer').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'explorer-cooccurrence-network.png'), fullPage: false });
    // The country filter keeps the rows whose pair has an actor of that country: China's pairs with Russia's actors.
    await page.selectOption('section.explorer select[name=country]', 'RUS');
    const rus = await listed(page);
    expect(rus.length).toBeGreaterThan(0);
    expect(rus.every((r) => r[3]!.includes('RUS'))).toBe(true);
    // The node with the fewest co-occurrences lists every one of them.
    const nodes = await page.$$eval('#chart-cooccurrence-network .mark-symbol.role-mark > path', (ps) => ps.map((p) => p.getAttribute('aria-label') ?? ''));
    const least = nodes.sort((a, b) => Number(field(a, 'Co-occurrences')) - Number(field(b, 'Co-occurrences')))[0]!;
    await clickMark(page, 'cooccurrence-network', [`Actor: ${field(least, 'Actor')};`]);
    expect(await listed(page)).toHaveLength(Number(field(least, 'Co-occurrences')));
    // A link is a pair, as the heatmap's cell: China–Russia's 46 (clicked a third of the way along: a node may cover its middle).
    const link = page.locator('#chart-cooccurrence-network .role-mark > path[aria-label*="Pair: China – Russia;"]').first();
    await link.scrollIntoViewIfNeeded();
    const point = await link.evaluate((path: SVGPathElement) => {
      const p = path.getPointAtLength(path.getTotalLength() / 3).matrixTransform(path.getScreenCTM()!);
      return { x: p.x, y: p.y };
    });
    await page.mouse.click(point.x, point.y);
    expect(await page.textContent('section.explorer h3')).toBe('Actor co-occurrence network: China – Russia, 46 sentences');

    // A by-year cell: China–Russia in 2021, 7 sentences of 2021; in 2023 (no article) none.
    await clickMark(page, 'cooccurrence-by-year', ['Year: 2021;', 'pair: China – Russia;']);
    expect(await page.textContent('section.explorer h3')).toBe('Actor co-occurrence by year: China – Russia, 2021, 7 sentences');
    rows = await listed(page);
    expect(rows.map((r) => r[0])).toEqual(Array(7).fill('2021-03-23'));
    await clickMark(page, 'cooccurrence-by-year', ['Year: 2023;', 'pair: China – Russia;']);
    expect(await listed(page)).toEqual([]);
    expect(problems).toEqual({ errors: [], requests: [], dialogs: [] });
    await page.close();
  }, 120_000);

  it('the network chart page lists a node\'s sentences too, its articles linked in ../tables', async () => {
    const { page, problems } = await open(join(out, 'charts', 'cooccurrence-network.html'));
    await page.waitForSelector('#chart[data-explorable]', { timeout: 20_000 });
    const node = page.locator('#chart .mark-symbol.role-mark > path[aria-label*="Actor: Russia;"]').first();
    const weight = Number(field((await node.getAttribute('aria-label')) ?? '', 'Co-occurrences'));
    await node.click({ force: true });
    await page.waitForSelector('section.explorer tbody', { state: 'attached' });
    expect(await page.textContent('section.explorer h3')).toBe(`Actor co-occurrence network: Russia, ${weight} co-occurrences`);
    expect(await listed(page)).toHaveLength(Math.min(weight, 20));
    expect(await page.getAttribute('section.explorer tbody a', 'href')).toBe('../tables/articles.csv');
    expect(problems).toEqual({ errors: [], requests: [], dialogs: [] });
    await page.close();
  }, 60_000);
});
