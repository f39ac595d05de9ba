import { spawnSync } from 'node:child_process';
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
  data?: Record<string, unknown>;
}
const outputsOf = (name: string): Output[] =>
  (JSON.parse(readFileSync(join(EXECUTED, name), 'utf8')) as { cells: { outputs?: Output[] }[] }).cells.flatMap((c) => c.outputs ?? []);
const charts = (name: string) => outputsOf(name).filter((o) => o.data && ('application/vnd.vegalite.v5+json' in o.data || 'application/vnd.vega.v5+json' in o.data));

let run: { status: number | null; stdout: string; stderr: string };

beforeAll(() => {
  const r = spawnSync('npm', ['run', 'notebooks:execute'], { cwd: ROOT, encoding: 'utf8', timeout: 900_000 });
  run = { status: r.status, stdout: r.stdout, stderr: r.stderr };
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
