import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { listNotebooks, notebookErrors } from '../scripts/notebooks';

/**
 * Runs `npm run notebooks:execute` (build, then every notebook headless with the tslab
 * kernel) and reads the executed notebooks. Needs Jupyter: Debian's jupyter-nbconvert and
 * python3-ipykernel (the CI installs them).
 */
const ROOT = resolve(__dirname, '..');
const EXECUTED = join(ROOT, 'output', 'notebooks');

interface Output {
  output_type: string;
  name?: string;
  text?: string | string[];
  data?: Record<string, unknown>;
}
interface Cell {
  cell_type: string;
  source: string | string[];
  outputs?: Output[];
}
const cellsOf = (name: string): Cell[] => (JSON.parse(readFileSync(join(EXECUTED, name), 'utf8')) as { cells: Cell[] }).cells;
const outputsOf = (name: string): Output[] => cellsOf(name).flatMap((c) => c.outputs ?? []);
const joined = (text: string | string[] | undefined) => (Array.isArray(text) ? text.join('') : (text ?? ''));
const charts = (name: string) => outputsOf(name).filter((o) => o.data && ('application/vnd.vegalite.v5+json' in o.data || 'application/vnd.vega.v5+json' in o.data));

let run: { status: number | null; stdout: string; stderr: string };

// Asynchronous: a worker blocked for minutes in spawnSync cannot answer vitest ("Timeout calling onTaskUpdate").
beforeAll(async () => {
  run = await new Promise((done) => {
    const child = spawn('npm', ['run', 'notebooks:execute'], { cwd: ROOT, timeout: 900_000 });
    const out = { stdout: '', stderr: '' };
    child.stdout.on('data', (b: Buffer) => (out.stdout += b.toString('utf8')));
    child.stderr.on('data', (b: Buffer) => (out.stderr += b.toString('utf8')));
    child.on('close', (status) => done({ status, ...out }));
  });
}, 900_000);

describe('npm run notebooks:execute', () => {
  it('runs all four notebooks without an error output', () => {
    expect(run.stderr.split('\n').filter((l) => l.startsWith('error:'))).toEqual([]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('4 of 4 notebooks ran without errors');
    expect(listNotebooks()).toEqual(['01-corpus.ipynb', '02-statement-frequency.ipynb', '03-actor-cooccurrence.ipynb', '04-rhetorical-themes.ipynb']);
    for (const name of listNotebooks()) expect(notebookErrors(join(EXECUTED, name)), name).toEqual([]);
  });

  it('shows each chart as interactive vega(-lite) with SVG and PNG fallbacks', () => {
    expect(listNotebooks().map((n) => charts(n).length)).toEqual([1, 3, 3, 3]);
    for (const name of listNotebooks()) {
      for (const c of charts(name)) {
        expect(String(c.data!['image/svg+xml'])).toMatch(/^<svg[\s\S]*<\/svg>$/);
        expect(Buffer.from(String(c.data!['image/png']), 'base64').subarray(1, 4).toString()).toBe('PNG');
      }
    }
    // The network is a vega spec, the others vega-lite.
    expect(charts('03-actor-cooccurrence.ipynb').map((c) => Object.keys(c.data!)[0])).toEqual([
      'application/vnd.vegalite.v5+json',
      'application/vnd.vega.v5+json',
      'application/vnd.vegalite.v5+json',
    ]);
  });

  it('a cell ending in `await kit.show(spec)` shows the chart once and nothing else', () => {
    const chartCells = listNotebooks().flatMap((name) => cellsOf(name).filter((c) => /await kit\.show\(\w+\);/.test(joined(c.source))));
    expect(chartCells).toHaveLength(10);
    for (const cell of chartCells) {
      // the chart, and the table of cells that go on with kit.showTable: display outputs only
      const tablesAfter = (joined(cell.source).match(/kit\.showTable\(/g) ?? []).length;
      expect(cell.outputs!.map((o) => o.output_type)).toEqual(['display_data', ...Array(tablesAfter).fill('display_data')]);
      // (the notebook file keeps the MIME types sorted)
      expect(Object.keys(cell.outputs![0]!.data!)).toEqual([expect.stringMatching(/^application\/vnd\.vega(lite)?\.v5\+json$/), 'image/png', 'image/svg+xml', 'text/plain']);
    }
    expect(chartCells.filter((c) => /await kit\.show\(\w+\);$/.test(joined(c.source)))).toHaveLength(8);
    // No SVG source, exported-file list or danfo internals printed as text anywhere.
    for (const name of listNotebooks()) {
      for (const o of outputsOf(name)) {
        const text = joined(o.text) + joined(o.data?.['text/plain'] as string | undefined);
        expect(text, name).not.toMatch(/<svg|\$dataIncolumnFormat|format: '(svg|png)'/);
      }
    }
  });

  it('a DataFrame as the last line of a cell shows as an HTML table with every column', () => {
    const cell = cellsOf('01-corpus.ipynb').find((c) => /^kit\.toDataFrame\(articles, kit\.ARTICLES\)$/m.test(joined(c.source)))!;
    const tables = cell.outputs!.filter((o) => o.output_type === 'display_data');
    expect(tables).toHaveLength(1);
    const html = String(tables[0]!.data!['text/html']);
    expect(html).toContain('<caption>5 rows × 10 columns</caption>');
    expect([...html.matchAll(/<th scope="col"[^>]*>([^<]+)<\/th>/g)].map((m) => m[1])).toEqual(['article_id', 'file', 'title', 'outlet', 'url', 'published', 'date_basis', 'paragraphs', 'sentences', 'words']);
    expect(html).toContain('<td>Kyiv Post (AFP wire)</td>');
    // console.log prints the (empty) text the DataFrame's inspect gives: at most an empty line.
    expect(cell.outputs!.filter((o) => o.output_type === 'stream').map((o) => joined(o.text).trim())).toEqual(cell.outputs!.some((o) => o.output_type === 'stream') ? [''] : []);
  });

  it('notebook 01 documents show, showTable and how tables display', () => {
    const markdown = cellsOf('01-corpus.ipynb')
      .filter((c) => c.cell_type === 'markdown')
      .map((c) => joined(c.source))
      .join('\n');
    for (const phrase of ['`await kit.show(spec)`', '`kit.showTable(table, { limit, caption })`', 'a danfo DataFrame as the last line of a cell', '`await kit.exportChart(spec, path)`']) expect(markdown).toContain(phrase);
  });

  it('shows tables as HTML and exports every chart to output/notebooks', () => {
    const tables = outputsOf('02-statement-frequency.ipynb').filter((o) => o.data && 'text/html' in o.data);
    expect(String(tables[1]!.data!['text/html'])).toContain('<caption>Top speakers</caption>');
    expect(String(tables[1]!.data!['text/html'])).toContain('<td>Wang Yi</td>');
    for (const chart of ['01-articles-by-year', '02-statements-by-country', '03-cooccurrence-heatmap', '04-themes-by-year']) {
      for (const ext of ['.vl.json', '.svg', '.png', '.html']) expect(existsSync(join(EXECUTED, chart + ext)), chart + ext).toBe(true);
    }
    expect(existsSync(join(EXECUTED, '03-cooccurrence-network.vg.json'))).toBe(true);
  });
});

describe('notebookErrors', () => {
  it('reports error outputs and error text on stderr, and nothing for clean outputs', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'srkit-nb-')), 'x.ipynb');
    const nb = (outputs: unknown[]) => JSON.stringify({ cells: [{ cell_type: 'code', outputs }] });
    writeFileSync(file, nb([{ output_type: 'error', ename: 'TypeError', evalue: 'x is not a function' }, { output_type: 'stream', name: 'stderr', text: ['ReferenceError: actors is not defined\n', '  at ...'] }]));
    expect(notebookErrors(file)).toEqual(['cell 0: TypeError: x is not a function', 'cell 0: ReferenceError: actors is not defined']);
    writeFileSync(file, nb([{ output_type: 'stream', name: 'stdout', text: 'error-free: 5 articles read\n' }]));
    expect(notebookErrors(file)).toEqual([]);
  });
});
