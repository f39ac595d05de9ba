import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { articlesByYear } from '../src/charts';
import { show, showTable } from '../src/display';
import { toDataFrame } from '../src/tables/frame';

/**
 * The notebook display without Jupyter: tslab's per-cell writer (tslab/dist/jupyter's
 * lastWriteDisplayData) replaced by one that records the messages, as a kernel would send them.
 */
const jupyter = require('tslab/dist/jupyter') as { lastWriteDisplayData: ((message: { data: Record<string, unknown> }, update: boolean) => void) | null };
let sent: Record<string, unknown>[];

const ROWS = [
  { year: '2021', articles: 1 },
  { year: '2022', articles: 3 },
];
const WIDE = Array.from({ length: 25 }, (_, i) => ({ article_id: `a${i}`, speaker: 'Wang Yi', speaker_country: 'CHN', cue: 'said', kind: 'direct', date: '2022-03-07', text: `<b>quote ${i}</b>`, rule: 'quote-cue-speaker' }));

describe('in a notebook (tslab writer present)', () => {
  beforeEach(() => {
    sent = [];
    jupyter.lastWriteDisplayData = (message) => sent.push(message.data);
  });
  afterEach(() => {
    jupyter.lastWriteDisplayData = null;
  });

  it('show sends one message, interactive vega-lite first with SVG, PNG and text fallbacks, and returns nothing', async () => {
    const spec = articlesByYear([{ article_id: 'a', published: '2022-03-07' } as never]);
    await expect(show(spec)).resolves.toBeUndefined();
    expect(sent).toHaveLength(1);
    expect(Object.keys(sent[0]!)).toEqual(['application/vnd.vegalite.v5+json', 'image/svg+xml', 'image/png', 'text/plain']);
    expect(String(sent[0]!['image/svg+xml'])).toMatch(/^<svg[\s\S]*<\/svg>$/);
    expect(sent[0]!['text/plain']).toBe('[chart: Articles per year]');
  });

  it('showTable sends every column as an escaped HTML table, limit rows, and says how many there are', () => {
    expect(showTable(WIDE, { limit: 3 })).toBeUndefined();
    expect(sent).toHaveLength(1);
    const html = String(sent[0]!['text/html']);
    expect([...html.matchAll(/<th scope="col"[^>]*>([^<]+)<\/th>/g)].map((m) => m[1])).toEqual(['article_id', 'speaker', 'speaker_country', 'cue', 'kind', 'date', 'text', 'rule']);
    expect(html).toContain('<caption>25 rows × 8 columns</caption>');
    expect(html).toContain('<td>&lt;b&gt;quote 0&lt;/b&gt;</td>');
    expect(html).not.toContain('quote 3');
    expect(html).toContain('3 of 25 rows shown');
  });

  it('a DataFrame printed (a cell\'s last line, console.log) sends its HTML table and prints nothing', () => {
    const df = toDataFrame(ROWS, ['year', 'articles']);
    expect(inspect(df)).toBe('');
    expect(sent).toHaveLength(1);
    expect(String(sent[0]!['text/html'])).toContain('<caption>2 rows × 2 columns</caption>');
    expect(String(sent[0]!['text/html'])).toContain('<td class="num">3</td>');
  });
});

describe('outside a notebook', () => {
  it('a DataFrame prints as a text table with every column, not danfo internals', () => {
    const df = toDataFrame(WIDE, Object.keys(WIDE[0]!));
    const text = inspect(df);
    expect(text.split('\n').slice(0, 3)).toEqual([
      '25 rows × 8 columns',
      'article_id  speaker  speaker_country  cue   kind    date        text             rule',
      '----------  -------  ---------------  ----  ------  ----------  ---------------  -----------------',
    ]);
    expect(text.split('\n').at(-1)).toBe('… 5 more rows');
    expect(text).not.toContain('$data');
  });

  it('show and showTable print a short text form and return nothing', async () => {
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      await expect(show(articlesByYear([]))).resolves.toBeUndefined();
      showTable(ROWS, { caption: 'Two years' });
      expect(write.mock.calls.map((c) => String(c[0]))).toEqual(['[chart: Articles per year]\n', 'Two years\nyear  articles\n----  --------\n2021  1\n2022  3\n']);
    } finally {
      write.mockRestore();
    }
  });
});
