import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { chartHtml, exportChart, renderSvg, scriptJson, svgToPng, svgToPngAsync } from '../src/charts/export';
import { statementsByCountry } from '../src/charts/statements';
import { htmlTable, scopeSvgIds } from '../src/report/html';
import { REPORT_CHARTS, writeChartsAndReport } from '../src/report/charts';

const FIXTURES = resolve(__dirname, 'fixtures', 'tables');
const tmp = () => mkdtempSync(join(tmpdir(), 'srkit-charts-'));

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

const hostile = '</script><script>alert(1)</script><!--';
const bars = (title: string): TopLevelSpec => ({
  $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
  title,
  data: { values: [{ speaker: hostile, n: 2 }, { speaker: 'Wang Yi', n: 5 }] },
  mark: 'bar',
  encoding: { y: { field: 'speaker', type: 'nominal' }, x: { field: 'n', type: 'quantitative' }, tooltip: [{ field: 'speaker' }] },
});

describe('exportChart', () => {
  it('writes the spec, SVG, a 2× PNG and an offline HTML page', async () => {
    const dir = tmp();
    const spec = statementsByCountry([{ period_type: 'year', period: '2022', speaker_country: 'CHN', count: 6 }]);
    const files = await exportChart(spec, join(dir, 'charts', 'by-country'));
    expect(files.map((f) => f.file.slice(dir.length))).toEqual(['/charts/by-country.vl.json', '/charts/by-country.svg', '/charts/by-country.png', '/charts/by-country.html']);
    expect(JSON.parse(readFileSync(files[0]!.file, 'utf8'))).toEqual(JSON.parse(JSON.stringify(spec)));
    const svg = readFileSync(files[1]!.file, 'utf8');
    const [, w, h] = svg.match(/width="(\d+)" height="(\d+)"/)!;
    expect(pngSize(readFileSync(files[2]!.file))).toEqual({ width: 2 * Number(w), height: 2 * Number(h) });
    expect(svg).toContain('>Statements per year by speaker country</text>');
  });

  it('writes only the formats asked for, and rejects an unknown one', async () => {
    const dir = tmp();
    await exportChart(bars('t'), join(dir, 'one'), { formats: ['svg'] });
    expect(readdirSync(dir)).toEqual(['one.svg']);
    await expect(exportChart(bars('t'), join(dir, 'two'), { formats: ['pdf' as never] })).rejects.toThrow(/formats.*Use one of: spec, svg, png, html/);
  });

  it('renders text in the PNG (the DejaVu font is found): a label has ink, an empty one none', () => {
    const ink = (svg: string) => {
      const { pixels } = new Resvg(svg, { background: '#ffffff', font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } }).render();
      let dark = 0;
      for (let i = 0; i < pixels.length; i += 4) if (pixels[i]! < 128) dark++;
      return dark;
    };
    const text = (t: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><text x="5" y="25" font-family="DejaVu Sans, sans-serif" font-size="16">${t}</text></svg>`;
    expect(ink(text('Wang Yi'))).toBeGreaterThan(50);
    expect(ink(text(''))).toBe(0);
    expect(svgToPng(text('Wang Yi')).subarray(1, 4).toString()).toBe('PNG');
  });

  it('draws the same PNG on the worker thread, and rejects what resvg cannot read', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="60" height="20"><rect width="30" height="10" fill="#d62728"/></svg>';
    expect(await svgToPngAsync(svg)).toEqual(svgToPng(svg));
    await expect(svgToPngAsync('not an svg')).rejects.toThrow();
    // the worker goes on after a failure
    expect((await svgToPngAsync(svg)).subarray(1, 4).toString()).toBe('PNG');
  });
});

describe('chart HTML is self-contained and safe', () => {
  const html = chartHtml(bars(hostile));

  it('inlines vega, vega-lite and vega-embed: no external script, no CDN', () => {
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).not.toMatch(/cdn\.jsdelivr|unpkg\.com|cdnjs/);
    expect(html).toContain('/* vega-lite */');
    expect(html).toContain("default-src 'none'");
  });

  it('article text cannot close the script element: the spec JSON escapes < > &', () => {
    // Three libraries, the JSON spec and the embed call: exactly five script elements.
    expect(html.match(/<script/g)).toHaveLength(5);
    expect(html).not.toContain(hostile);
    expect(html).toContain('\\u003c/script\\u003e\\u003cscript\\u003ealert(1)');
    expect(JSON.parse(scriptJson({ t: hostile }))).toEqual({ t: hostile });
    expect(html).toContain('<title>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;!--</title>');
  });

  it('the SVG renderer escapes the text it draws', async () => {
    const svg = await renderSvg(bars(hostile));
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;/script&gt;&lt;script&gt;alert(1)');
  });
});

describe('report HTML helpers', () => {
  it('tables escape every cell', () => {
    const html = htmlTable({ caption: 'Speakers <b>', columns: [{ key: 's', title: 'Speaker' }], rows: [{ s: '<img src=x onerror=alert(1)>' }] });
    expect(html).toContain('<td>&lt;img src=x onerror=alert(1)&gt;</td>');
    expect(html).toContain('<caption>Speakers &lt;b&gt;</caption>');
    expect(htmlTable({ caption: 'Unregistered', columns: [{ key: 's', title: 'S' }], rows: [] })).toBe('<p class="note"><strong>Unregistered</strong>: no rows.</p>');
  });

  it('gives each inline SVG its own ids, so two legends do not share a gradient', () => {
    const svg = '<svg><rect fill="url(#gradient_0)"/><defs><linearGradient id="gradient_0"/></defs></svg>';
    expect(scopeSvgIds(svg, 'chart-a')).toBe('<svg><rect fill="url(#chart-a-gradient_0)"/><defs><linearGradient id="chart-a-gradient_0"/></defs></svg>');
    expect(scopeSvgIds(svg, 'chart-b')).not.toBe(scopeSvgIds(svg, 'chart-a'));
  });
});

describe('writeChartsAndReport', () => {
  it('draws all ten charts from the fixture tables into OUT/charts and report.html', async () => {
    const out = tmp();
    mkdirSync(join(out, 'tables'));
    for (const f of readdirSync(FIXTURES)) copyFileSync(join(FIXTURES, f), join(out, f.endsWith('.csv') ? join('tables', f) : f));
    const result = await writeChartsAndReport(out);
    expect(result.unavailable).toEqual([]);
    expect(result.charts.map((c) => c.name)).toEqual(REPORT_CHARTS.map((c) => c.name));
    expect(readdirSync(join(out, 'charts'))).toHaveLength(40);
    const report = readFileSync(join(out, 'report.html'), 'utf8');
    // Provenance from run.json and articles.csv.
    expect(report).toContain('<dt>Registry version</dt><dd>2025.1</dd>');
    expect(report).toContain('<dt>Date range</dt><dd>2021-03-23 to 2024-04-10</dd>');
    expect(report).toContain('<dt>Articles read</dt><dd>5</dd>');
    // Key tables: the country × year pivot has the fixture's 2022 Chinese count.
    expect(report).toMatch(/<td>China<\/td><td class="num">1<\/td><td class="num">6<\/td><td class="num">0<\/td><td class="num">3<\/td><td class="num">10<\/td>/);
    expect(report).toContain('<td>Bloomberg</td>');
    // Only the page's own scripts (vega, vega-lite, vega-embed, the specs, the explorer's data, the explorer),
    // though a statement in the data is a <script> tag: in the JSON blocks its < and > are escaped.
    expect(report.match(/<script/gi)).toHaveLength(6);
    expect(report).not.toContain('<script>alert');
    expect(report).toContain('\\u003cscript\\u003ealert');
  }, 60_000);

  it('leaves out charts whose tables are missing or empty and says so, without failing', async () => {
    const out = tmp();
    mkdirSync(join(out, 'tables'));
    copyFileSync(join(FIXTURES, 'statements_by_country.csv'), join(out, 'tables', 'statements_by_country.csv'));
    copyFileSync(join(FIXTURES, 'keyness.csv'), join(out, 'tables', 'keyness.csv'));
    // keyness.csv with its header only: "has no rows".
    const header = readFileSync(join(FIXTURES, 'keyness.csv'), 'utf8').split('\n')[0]! + '\n';
    writeFileSync(join(out, 'tables', 'keyness.csv'), header);
    const result = await writeChartsAndReport(out);
    expect(result.charts.map((c) => c.name)).toEqual(['statements-by-country']);
    expect(result.unavailable.find((u) => u.name === 'keyness')?.reason).toBe('tables/keyness.csv has no rows');
    expect(result.unavailable.find((u) => u.name === 'top-speakers')?.reason).toBe('tables/statements_by_speaker.csv not found');
    const report = readFileSync(join(out, 'report.html'), 'utf8');
    expect(report).toContain('<li><strong>Key terms</strong>: not available (tables/keyness.csv has no rows)</li>');
    expect(report).toContain('<dt>Registry version</dt><dd>not recorded</dd>');
    expect(existsSync(join(out, 'charts', 'keyness.svg'))).toBe(false);
  }, 60_000);
});
