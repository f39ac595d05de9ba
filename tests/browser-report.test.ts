import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
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
});
