import type { ChartSpec } from '../charts/common';
import { escapeHtml, htmlHead, inlineLibraries, OFFLINE_CSP } from '../charts/export';
import type { CooccurrenceExplorerData } from '../tables/cooccurrence-explorer';
import type { ExplorerData } from '../tables/explorer';
import { EXPLORER_STYLE, explorerBlocks } from './explorer-page';

/**
 * report.html: one offline page with every chart as inline SVG, drawn again live
 * (vega inlined, no network) with the explorer (clicking a mark lists its statements),
 * the key tables and the provenance of the run. Every piece of text that comes from
 * the corpus or the tables is escaped here, or set as text by the explorer's script:
 * scraped article text is untrusted.
 */

export type Cell = string | number | null | undefined;

export interface HtmlTable {
  caption: string;
  columns: { key: string; title: string; numeric?: boolean }[];
  rows: readonly Record<string, Cell>[];
  /** Rows beyond this are cut, with a note naming the CSV that has them all. */
  limit?: number;
  /** Rows of the whole table, when `rows` holds only its first ones (default: `rows.length`). */
  total?: number;
  /** The CSV the table comes from, relative to the report (for the "all rows" note). */
  source?: string;
}

export interface ReportChart {
  name: string;
  title: string;
  /** The chart as SVG (from vega's renderer: its text is already XML-escaped). */
  svg: string;
  /** Exported files, relative to report.html. */
  files: { format: string; file: string }[];
  /** The spec, for the live chart and its explorer (without it, the SVG only). */
  spec?: ChartSpec;
}

export interface ReportSection {
  id: string;
  title: string;
  /** Plain-text introduction (escaped). */
  intro: string;
  charts: ReportChart[];
  tables: HtmlTable[];
}

export interface Provenance {
  corpus: string;
  articles: number;
  skipped: number;
  warnings: number;
  dateRange: { from: string; to: string; undated: number } | null;
  kitVersion: string;
  versions: Record<string, string>;
  generated: string;
}

export interface ReportModel {
  title: string;
  provenance: Provenance;
  sections: ReportSection[];
  /** Charts left out, and why ("tables/keyness.csv not found"). */
  unavailable: { title: string; reason: string }[];
  /** The statements behind the charts' marks, for the explorer. */
  explorer?: ExplorerData;
  /** The sentences behind the co-occurrence charts' marks, for the explorer. */
  sentences?: CooccurrenceExplorerData;
}

/** An escaped HTML table; numbers right-aligned. */
export function htmlTable(table: HtmlTable): string {
  if (table.rows.length === 0) return `<p class="note"><strong>${escapeHtml(table.caption)}</strong>: no rows.</p>`;
  const shown = table.limit !== undefined ? table.rows.slice(0, table.limit) : table.rows;
  const head = table.columns.map((c) => `<th scope="col"${c.numeric ? ' class="num"' : ''}>${escapeHtml(c.title)}</th>`).join('');
  const body = shown
    .map(
      (r) =>
        '<tr>' +
        table.columns.map((c) => `<td${c.numeric ? ' class="num"' : ''}>${escapeHtml(r[c.key] === null || r[c.key] === undefined ? '' : String(r[c.key]))}</td>`).join('') +
        '</tr>',
    )
    .join('\n');
  const total = Math.max(table.total ?? 0, table.rows.length);
  const more =
    shown.length < total
      ? `<p class="more">${shown.length} of ${total} rows shown${table.source ? `; all in <a href="${escapeHtml(table.source)}">${escapeHtml(table.source)}</a>` : ''}.</p>`
      : '';
  return `<table>\n<caption>${escapeHtml(table.caption)}</caption>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>\n${more}`;
}

/**
 * Several vega SVGs in one page share id names (gradient_0, clip1): give each chart's
 * ids a prefix so one chart's legend gradient cannot paint another's.
 */
export function scopeSvgIds(svg: string, prefix: string): string {
  const ids = new Set([...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));
  let out = svg;
  for (const id of ids) {
    const scoped = `${prefix}-${id}`;
    out = out
      .split(`id="${id}"`)
      .join(`id="${scoped}"`)
      .split(`url(#${id})`)
      .join(`url(#${scoped})`)
      .split(`href="#${id}"`)
      .join(`href="#${scoped}"`);
  }
  return out;
}

/** The SVG as it goes into the page: ids scoped, no XML prolog, scalable. */
function inlineSvg(chart: ReportChart): string {
  return scopeSvgIds(chart.svg.replace(/^<\?xml[^>]*>\s*/, ''), `chart-${chart.name}`).replace(
    /^<svg /,
    `<svg role="img" aria-label="${escapeHtml(chart.title)}" preserveAspectRatio="xMinYMin meet" `,
  );
}

function chartFigure(chart: ReportChart): string {
  const links = chart.files.map((f) => `<a href="${escapeHtml(f.file)}">${escapeHtml(f.format)}</a>`).join(' · ');
  return `<figure class="chart" id="chart-${escapeHtml(chart.name)}" data-chart="${escapeHtml(chart.name)}" data-title="${escapeHtml(chart.title)}">
${inlineSvg(chart)}
<figcaption>${escapeHtml(chart.title)}${links ? ` — ${links}` : ''}</figcaption>
</figure>`;
}

function provenanceBlock(p: Provenance): string {
  const rows: [string, string][] = [
    ['Corpus folder', p.corpus],
    ['Articles read', String(p.articles) + (p.skipped ? ` (${p.skipped} inputs skipped; see run.json)` : '')],
    ['Date range', p.dateRange ? `${p.dateRange.from} to ${p.dateRange.to}` + (p.dateRange.undated ? ` (${p.dateRange.undated} undated)` : '') : 'no dated articles'],
    ['Kit version', p.kitVersion],
    ...Object.entries(p.versions).map(([k, v]): [string, string] => [`${k[0]!.toUpperCase()}${k.slice(1)} version`, v]),
    ['Warnings', `${p.warnings} (listed in run.json)`],
    ['Generated', p.generated],
  ];
  return `<dl class="provenance">\n${rows.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('\n')}\n</dl>`;
}

const STYLE = `
body{font-family:'DejaVu Sans',Verdana,Arial,sans-serif;color:#222;margin:0 auto;max-width:1100px;padding:24px;line-height:1.45}
h1{font-size:1.6em;margin:0 0 .3em}h2{font-size:1.3em;margin-top:2em;border-bottom:1px solid #ddd;padding-bottom:.2em}
nav ul{padding-left:1.2em;columns:2}
dl.provenance{display:grid;grid-template-columns:max-content 1fr;gap:.2em 1.2em;background:#f7f7f7;padding:12px 16px;border-radius:4px}
dl.provenance dt{font-weight:bold}dl.provenance dd{margin:0;word-break:break-all}
figure.chart{margin:1.5em 0;overflow-x:auto}figure.chart svg{max-width:100%;height:auto;display:block}
figcaption{font-size:.9em;color:#555;margin-top:.3em}
table{border-collapse:collapse;margin:1em 0;font-size:.9em}caption{text-align:left;font-weight:bold;padding:.3em 0}
th,td{border-bottom:1px solid #ddd;padding:3px 10px;text-align:left;vertical-align:top}th{background:#f0f0f0}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
p.more,p.note{font-size:.85em;color:#666}ul.unavailable li{color:#8a3b12}
${EXPLORER_STYLE}`;

/** What the page's note says a click does. */
function explorerNote(model: ReportModel): string {
  const { explorer, sentences } = model;
  const statements = explorer && `click a bar, a heatmap cell or a timeline mark to list the statements behind it (at most ${explorer.perMark} a mark, with filters; the rest are in tables/statements.csv)`;
  const pairs = sentences && `click a co-occurrence cell or a network node or link to list the ${sentences.window}s naming its actors (at most ${sentences.perMark} a mark; the rest can be found through tables/mentions.csv)`;
  return `Hover a mark for its figures${[statements, pairs].filter(Boolean).map((s) => `; ${s}`).join('')}.`;
}

export function reportHtml(model: ReportModel): string {
  const nav = model.sections.map((s) => `<li><a href="#${escapeHtml(s.id)}">${escapeHtml(s.title)}</a></li>`).join('\n');
  const sections = model.sections
    .map(
      (s) => `<section id="${escapeHtml(s.id)}">
<h2>${escapeHtml(s.title)}</h2>
<p>${escapeHtml(s.intro)}</p>
${s.charts.map(chartFigure).join('\n')}
${s.tables.map(htmlTable).join('\n')}
</section>`,
    )
    .join('\n');
  const unavailable = model.unavailable.length
    ? `<section id="not-available">
<h2>Not available</h2>
<p class="note">These charts were left out because the tables they need were not produced by this run.</p>
<ul class="unavailable">
${model.unavailable.map((u) => `<li><strong>${escapeHtml(u.title)}</strong>: not available (${escapeHtml(u.reason)})</li>`).join('\n')}
</ul>
</section>`
    : '';
  const specs = Object.fromEntries(model.sections.flatMap((s) => s.charts.flatMap((c) => (c.spec ? [[c.name, c.spec] as const] : []))));
  return `${htmlHead({ title: model.title, csp: OFFLINE_CSP, style: STYLE, extra: inlineLibraries() })}
<body>
<header>
<h1>${escapeHtml(model.title)}</h1>
${provenanceBlock(model.provenance)}
<nav><ul>
${nav}${model.unavailable.length ? '\n<li><a href="#not-available">Not available</a></li>' : ''}
</ul></nav>
<p class="note">${escapeHtml(explorerNote(model))}</p>
</header>
<main>
${sections}
${unavailable}
</main>
${explorerBlocks(specs, model.explorer, 'tables', model.sentences)}
</body>
</html>
`;
}
