import { inspect } from 'node:util';
import type { DataFrame } from 'danfojs-node';
import type { ChartSpec } from './charts/common';
import { chartTitle, isVegaLite, renderSvg, svgToPng } from './charts/export';
import { htmlTable, type Cell } from './report/html';
import { whenDanfoLoads } from './tables/frame';

/**
 * Rich output in notebooks (tslab), as Altair and pandas give in Jupyter. A chart goes
 * out as one display message with several MIME types: JupyterLab draws the interactive
 * vega-lite (or vega) one; classic Notebook, nbconvert's HTML and GitHub fall back to
 * the SVG (or the PNG where a viewer prefers or sanitises). The functions return
 * nothing, so a cell ending in `await kit.show(spec)` shows the chart and nothing else.
 * A danfo DataFrame shows as an HTML table wherever tslab prints it (the last line of a
 * cell, `console.log(df)`). Outside a notebook the helpers print a short text form.
 */

interface DisplayMessage {
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  transient: Record<string, unknown>;
}

type WriteDisplayData = (message: DisplayMessage, update: boolean) => void;

/**
 * tslab's own writer for the running cell. tslab's public `display.raw` sends one MIME
 * type per message; a chart needs several in one, so the kit uses the writer underneath
 * (set by tslab for each executed cell; null outside a kernel).
 */
function notebookWriter(): WriteDisplayData | null {
  try {
    const jupyter = require('tslab/dist/jupyter') as { lastWriteDisplayData: WriteDisplayData | null };
    return jupyter.lastWriteDisplayData;
  } catch {
    return null;
  }
}

/** Sends one multi-MIME output to the notebook; false when not in a notebook. */
function emit(data: Record<string, unknown>): boolean {
  const write = notebookWriter();
  if (!write) return false;
  write({ data, metadata: {}, transient: {} }, false);
  return true;
}

/**
 * Shows a chart: interactive vega-lite/vega in JupyterLab, SVG elsewhere. Returns nothing,
 * so that a cell ending in `await kit.show(spec)` prints nothing more (`renderSvg` gives the SVG).
 */
export async function show(chart: ChartSpec): Promise<void> {
  const svg = await renderSvg(chart);
  const title = chartTitle(chart);
  const interactive = isVegaLite(chart) ? 'application/vnd.vegalite.v5+json' : 'application/vnd.vega.v5+json';
  // JSON round trip: the notebook file stores plain data, not class instances.
  const spec = JSON.parse(JSON.stringify(chart)) as unknown;
  // PNG too: some HTML exports sanitise inline SVG away (Debian 12's nbconvert 6.5 keeps
  // only its text), and a 2× PNG then still shows the chart.
  const png = svgToPng(svg, 2).toString('base64');
  const data = { [interactive]: spec, 'image/svg+xml': svg, 'image/png': png, 'text/plain': `[chart: ${title}]` };
  if (!emit(data)) process.stdout.write(`[chart: ${title}]\n`);
}

export interface ShowTableOptions {
  /** Rows shown (default 20); the caption says how many there are. Every column is shown. */
  limit?: number;
  caption?: string;
}

type Rows = readonly Record<string, Cell>[];

function isDataFrame(value: unknown): value is DataFrame {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'columns' in value && 'shape' in value;
}

/** Rows of a danfo DataFrame or an array of records, with their columns in order. */
function tableOf(table: DataFrame | Rows): { columns: string[]; rows: Rows } {
  if (isDataFrame(table)) {
    // From the raw values: danfo's toJSON names its formats the other way round across versions.
    const columns = [...table.columns];
    const rows = (table.values as unknown[][]).map((v) => Object.fromEntries(columns.map((c, i) => [c, v[i] as Cell])));
    return { columns, rows };
  }
  const columns = [...new Set(table.flatMap((r) => Object.keys(r)))];
  return { columns, rows: table };
}

/** Plain-text form of a table, for the text/plain fallback and scripts. */
function textTable(columns: readonly string[], rows: Rows): string {
  const cell = (v: Cell) => (v === null || v === undefined ? '' : String(v)).replace(/\s+/g, ' ').slice(0, 60);
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const line = (values: string[]) => values.map((v, i) => v.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line([...columns]), line(widths.map((w) => '-'.repeat(w))), ...rows.map((r) => line(columns.map((c) => cell(r[c]))))].join('\n');
}

/** The HTML and text forms of a table: every column, the first `limit` rows. */
function tableOutput(table: DataFrame | Rows, options: ShowTableOptions): { html: string; text: string } {
  const { columns, rows } = tableOf(table);
  const limit = options.limit ?? 20;
  const caption = options.caption ?? `${rows.length} rows × ${columns.length} columns`;
  const numeric = columns.map((c) => rows.length > 0 && rows.every((r) => typeof r[c] === 'number' || /^-?\d+(\.\d+)?$/.test(String(r[c] ?? ''))));
  const html = htmlTable({ caption, columns: columns.map((c, i) => ({ key: c, title: c, numeric: numeric[i] })), rows, limit });
  const more = rows.length > limit ? `\n… ${rows.length - limit} more rows` : '';
  return { html, text: `${caption}\n${textTable(columns, rows.slice(0, limit))}${more}` };
}

/** Shows a DataFrame or rows as an HTML table (every column, every cell escaped), first `limit` rows. */
export function showTable(table: DataFrame | Rows, options: ShowTableOptions = {}): void {
  const { html, text } = tableOutput(table, options);
  if (!emit({ 'text/html': html, 'text/plain': text })) process.stdout.write(text + '\n');
}

/**
 * How a DataFrame prints (tslab prints a cell's last value with console.log, which asks
 * util.inspect): in a notebook the HTML table is sent and the printed text left empty;
 * elsewhere the text table, every column, in place of danfo's internals.
 */
function inspectFrame(frame: DataFrame): string {
  const { html, text } = tableOutput(frame, {});
  return emit({ 'text/html': html, 'text/plain': text }) ? '' : text;
}

whenDanfoLoads(({ DataFrame: Frame }) => {
  Object.defineProperty(Frame.prototype, inspect.custom, {
    value(this: DataFrame) {
      return inspectFrame(this);
    },
    configurable: true,
    writable: true,
  });
});
