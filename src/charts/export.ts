import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Spec as VegaSpec } from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import { checkOneOf } from '../errors';
import type { ChartSpec } from './common';
import { installTextMetrics } from './text-metrics';

export const EXPORT_FORMATS = ['spec', 'svg', 'png', 'html'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions {
  /** Which files to write (default all four). */
  formats?: readonly ExportFormat[];
  /** PNG pixels per SVG pixel (default 2). */
  scale?: number;
}

export interface ExportedFile {
  format: ExportFormat;
  file: string;
}

/** True for a vega-lite spec, false for a plain vega spec (which has marks, scales or signals at top level). */
export function isVegaLite(spec: ChartSpec): spec is TopLevelSpec {
  const schema = (spec as { $schema?: string }).$schema ?? '';
  if (schema.includes('vega-lite')) return true;
  if (schema.includes('/vega/')) return false;
  return !('marks' in spec) && !('signals' in spec);
}

/** The vega spec a chart renders from (vega-lite is compiled; vega passes through). */
export function toVegaSpec(spec: ChartSpec): VegaSpec {
  if (!isVegaLite(spec)) return spec as VegaSpec;
  const vl = require('vega-lite') as typeof import('vega-lite');
  return vl.compile(spec).spec;
}

/** Renders a chart to an SVG string in Node (vega's headless renderer; no browser, no canvas). */
export async function renderSvg(spec: ChartSpec): Promise<string> {
  const vega = require('vega') as typeof import('vega');
  installTextMetrics(vega as unknown as Parameters<typeof installTextMetrics>[0]);
  // vega turns inline data into live tuples (the force layout even links them to scene items): parse a copy.
  const view = new vega.View(vega.parse(structuredClone(toVegaSpec(spec))), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

let fontFiles: string[] | undefined;

/**
 * Fonts handed to resvg explicitly: the DejaVu family the chart config names (Debian's
 * fonts-dejavu-core), so text renders even where fontconfig finds nothing.
 */
function chartFonts(): string[] {
  if (fontFiles) return fontFiles;
  const dirs = ['/usr/share/fonts/truetype/dejavu', '/usr/share/fonts/dejavu', '/usr/share/fonts/TTF'];
  const names = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf'];
  return (fontFiles = dirs.flatMap((d) => names.map((n) => join(d, n))).filter((f) => existsSync(f)));
}

/** resvg's options: `scale`× zoom on white, the charts' fonts. */
function resvgOptions(scale: number) {
  return {
    fitTo: { mode: 'zoom' as const, value: scale },
    background: '#ffffff',
    font: { loadSystemFonts: true, fontFiles: chartFonts(), defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
  };
}

/** Rasterises an SVG to PNG at `scale`× (resvg: pure Rust, no native canvas). */
export function svgToPng(svg: string, scale = 2): Buffer {
  const { Resvg } = require('@resvg/resvg-js') as typeof import('@resvg/resvg-js');
  return new Resvg(svg, resvgOptions(scale)).render().asPng();
}

/**
 * A worker thread drawing PNGs with resvg (rasterising and encoding both), so the
 * calling thread draws the next chart's SVG meanwhile. Plain JavaScript, no
 * TypeScript loader: it starts in milliseconds. Started on first use; it keeps the
 * process alive only while a PNG is being drawn.
 */
const PNG_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { Resvg } = require(workerData.resvg);
parentPort.on('message', ({ id, svg, options }) => {
  try {
    parentPort.postMessage({ id, png: new Resvg(svg, options).render().asPng() });
  } catch (e) {
    parentPort.postMessage({ id, error: String((e && e.message) || e) });
  }
});
`;

interface PngJob {
  resolve: (png: Buffer) => void;
  reject: (e: Error) => void;
}

interface PngWorker {
  worker: Worker;
  jobs: Map<number, PngJob>;
  next: number;
}

/**
 * Two at most: the report draws each chart's SVG on the calling thread while the PNGs
 * are drawn here, and with one worker the run ended waiting (about a second at 10k
 * articles) for its backlog of PNGs; a second shares it.
 */
const MAX_PNG_WORKERS = 2;
const pngWorkers: PngWorker[] = [];

function startPngWorker(): PngWorker {
  const worker = new Worker(PNG_WORKER, { eval: true, workerData: { resvg: require.resolve('@resvg/resvg-js') } });
  const state = { worker, jobs: new Map<number, PngJob>(), next: 0 };
  worker.unref();
  worker.on('message', ({ id, png, error }: { id: number; png?: Uint8Array; error?: string }) => {
    const job = state.jobs.get(id)!;
    state.jobs.delete(id);
    if (state.jobs.size === 0) worker.unref();
    if (png) job.resolve(Buffer.from(png.buffer, png.byteOffset, png.byteLength));
    else job.reject(new Error(error));
  });
  const fail = (e: Error) => {
    for (const job of state.jobs.values()) job.reject(e);
    state.jobs.clear();
    const at = pngWorkers.indexOf(state);
    if (at >= 0) pngWorkers.splice(at, 1);
  };
  worker.on('error', fail);
  worker.on('exit', () => fail(new Error('the PNG worker stopped')));
  return state;
}

/** `svgToPng` on a worker thread: the calling thread goes on (drawing the next chart) meanwhile. */
export function svgToPngAsync(svg: string, scale = 2): Promise<Buffer> {
  // The worker with the fewest PNGs to draw; a new one when every worker is busy and there is room.
  let state = pngWorkers.reduce<PngWorker | undefined>((best, w) => (!best || w.jobs.size < best.jobs.size ? w : best), undefined);
  if (!state || (state.jobs.size > 0 && pngWorkers.length < MAX_PNG_WORKERS)) pngWorkers.push((state = startPngWorker()));
  const id = state.next++;
  state.worker.ref();
  return new Promise((resolve, reject) => {
    state.jobs.set(id, { resolve, reject });
    state.worker.postMessage({ id, svg, options: resvgOptions(scale) });
  });
}

/**
 * JSON safe to place inside a <script> element: `<`, `>` and `&` are escaped so no
 * string in the data (scraped article text) can close the element or open a comment.
 */
export function scriptJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Text escaped for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const LIBRARIES = [
  ['vega', 'vega.min.js'],
  ['vega-lite', 'vega-lite.min.js'],
  ['vega-embed', 'vega-embed.min.js'],
] as const;
let inlinedLibraries: string | undefined;

/** vega, vega-lite and vega-embed minified builds from node_modules, as inline <script> elements. */
export function inlineLibraries(): string {
  if (inlinedLibraries) return inlinedLibraries;
  const scripts = LIBRARIES.map(([pkg, file]) => {
    const source = readFileSync(join(dirname(require.resolve(pkg)), file), 'utf8');
    // A literal "</script" inside the code would end the element early.
    return `<script>/* ${pkg} */\n${source.replace(/<\/script/gi, '<\\/script')}\n</script>`;
  });
  return (inlinedLibraries = scripts.join('\n'));
}

/**
 * No network at all: the page runs only its own inline scripts (vega compiles
 * expressions with Function, hence 'unsafe-eval') and images from data:/blob: URLs.
 */
export const OFFLINE_CSP = "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; img-src data: blob:";

/** The start of an offline page up to `<body>`: doctype, CSP, escaped title, inline style and any extra head content. */
export function htmlHead(options: { title: string; csp: string; style: string; extra?: string }): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${options.csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)}</title>
<style>${options.style}</style>
${options.extra ? `${options.extra}\n` : ''}</head>`;
}

/** A self-contained HTML page drawing one chart with vega-embed; works offline. */
export function chartHtml(spec: ChartSpec, title = chartTitle(spec)): string {
  const mode = isVegaLite(spec) ? 'vega-lite' : 'vega';
  const style = "body{font-family:'DejaVu Sans',Verdana,Arial,sans-serif;margin:24px;color:#222}#chart{min-height:200px}";
  return `${htmlHead({ title, csp: OFFLINE_CSP, style, extra: inlineLibraries() })}
<body>
<div id="chart"></div>
<script type="application/json" id="chart-spec">${scriptJson(spec)}</script>
<script>
var spec = JSON.parse(document.getElementById('chart-spec').textContent);
vegaEmbed('#chart', spec, { mode: '${mode}', renderer: 'svg', actions: { export: true, source: true, compiled: false, editor: false } })
  .catch(function (e) { console.error(e); document.getElementById('chart').textContent = 'Chart failed to draw: ' + e.message; });
</script>
</body>
</html>
`;
}

/** The chart's title text, for page titles and captions. */
export function chartTitle(spec: ChartSpec): string {
  const title = (spec as { title?: unknown }).title;
  if (typeof title === 'string') return title;
  if (title && typeof title === 'object' && 'text' in title) {
    const text = (title as { text: unknown }).text;
    return Array.isArray(text) ? text.join(' ') : String(text);
  }
  return 'Chart';
}

/** File extension of each format; a plain vega spec is written as .vg.json. */
export function formatExtension(format: ExportFormat, spec: ChartSpec): string {
  if (format === 'spec') return isVegaLite(spec) ? '.vl.json' : '.vg.json';
  return '.' + format;
}

/**
 * Writes one chart in every requested format: `basePath` + .vl.json (the spec; .vg.json
 * for a vega spec), .svg, .png (2×) and a self-contained offline .html.
 */
export async function exportChart(spec: ChartSpec, basePath: string, options: ExportOptions = {}): Promise<ExportedFile[]> {
  const formats = options.formats ?? EXPORT_FORMATS;
  const { files, png } = await startExport(spec, basePath, { ...options, svg: formats.includes('svg') || formats.includes('png') });
  await png;
  return files;
}

/**
 * `exportChart` that also gives the SVG (unless `svg: false`), and resolves once every
 * file but the PNG is written: `png` settles when that one is (it is drawn on the
 * thread pool meanwhile).
 */
export async function startExport(spec: ChartSpec, basePath: string, options: ExportOptions & { svg?: boolean } = {}): Promise<{ files: ExportedFile[]; svg: string; png: Promise<void> }> {
  const formats = options.formats ?? EXPORT_FORMATS;
  for (const f of formats) checkOneOf(f, 'formats', EXPORT_FORMATS);
  mkdirSync(dirname(basePath), { recursive: true });
  const files: ExportedFile[] = [];
  const svg = options.svg === false ? '' : await renderSvg(spec);
  let png: Promise<void> = Promise.resolve();
  for (const format of formats) {
    const file = basePath + formatExtension(format, spec);
    if (format === 'spec') writeFileSync(file, JSON.stringify(spec, null, 2) + '\n');
    else if (format === 'svg') writeFileSync(file, svg);
    else if (format === 'png') png = svgToPngAsync(svg, options.scale ?? 2).then((bytes) => writeFileSync(file, bytes));
    else writeFileSync(file, chartHtml(spec));
    files.push({ format, file });
  }
  return { files, svg, png };
}
