/**
 * Hostile input and faults (issue 16): inputs built to split CSV records, drop a file's
 * good lines, stall or crash the run, and the faults of the file system around it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/corpus';
import { loadCodebook } from '../src/annotators/themes/load';
import { compilePattern } from '../src/annotators/themes/patterns';
import { runReport } from '../src/report/run';
import { tempCorpus } from './helpers';

const made: string[] = [];
/** A temporary corpus (removed after the tests). */
const corpusOf = (files: Record<string, string | Uint8Array>): string => {
  const dir = tempCorpus(files);
  made.push(dir);
  return dir;
};
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'srkit-faults-'));
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const GOOD = 'Wang Yi said China and Russia are partners.';
const rowsOf = (file: string): Record<string, string>[] => parse(readFileSync(file), { columns: true });

describe('1. CSV injection through a carriage return', () => {
  it('no line a reader sees in articles.csv starts a formula: .jsonl outlet and id, manifest url, file name with a CR', async () => {
    const corpus = corpusOf({
      'a.jsonl': JSON.stringify({ id: 'x\r@SUM(1)', outlet: 'Outlet\r+cmd', text: GOOD }) + '\n',
      'cr\r.txt': GOOD,
      'b.txt': GOOD,
      'manifest.csv': 'file,title,outlet,url,published\nb.txt,T,O,"\r=2+2",\n',
    });
    const out = tempDir();
    await runReport({ corpus, out, charts: false, parquet: false, cache: false });
    const csv = readFileSync(join(out, 'tables/articles.csv'), 'utf8');
    // As a reader that splits records at every CR or LF: no line, and no cell after a comma, starts with a trigger.
    for (const line of csv.split(/\r\n|\r|\n/)) expect(line).not.toMatch(/^"?[=+\-@]|,"?[=+\-@]/);
    const rows = rowsOf(join(out, 'tables/articles.csv'));
    expect(rows.map((r) => [r.article_id, r.outlet, r.url])).toEqual([
      ["x\r'@SUM(1)", "Outlet\r'+cmd", ''],
      ['b', 'O', "'\r'=2+2"],
      ['cr\r', '', ''],
    ]);
  });
});

describe('4. control bytes: per line in a .jsonl and manifest.csv, stripped from text fields', () => {
  const lines = (n: number, at: (i: number) => string | undefined) =>
    Array.from({ length: n }, (_, i) => at(i + 1) ?? JSON.stringify({ id: `a${i + 1}`, text: `Wang Yi met Lavrov, report ${i + 1} said.` })).join('\n') + '\n';

  it('a raw NUL in the first 4 KB of a .jsonl costs its line only, as one later does', async () => {
    const corpus = corpusOf({ 'feed.jsonl': lines(1000, (i) => (i === 2 || i === 900 ? `{"id": "nul${i}", "text": "a\u0000b"}` : undefined)) });
    const { articles, skipped } = await loadCorpus(corpus);
    expect(articles).toHaveLength(998);
    expect(skipped.map((s) => [s.file, s.line, s.reason.split(' (')[0]])).toEqual([
      ['feed.jsonl', 2, 'line holds a control byte'],
      ['feed.jsonl', 900, 'line holds a control byte'],
    ]);
  });

  it('a NUL in manifest.csv costs its row only; the other rows keep their metadata', async () => {
    const corpus = corpusOf({
      'a.txt': GOOD,
      'b.txt': GOOD,
      'manifest.csv': 'file,title,outlet,url,published\na.txt,Title A,TASS,,2023-03-21\nb.txt,Title\u0000B,Xinhua,,2023-03-22\n',
    });
    const { articles, skipped } = await loadCorpus(corpus);
    expect(articles.map((a) => [a.article_id, a.title, a.outlet, a.published])).toEqual([
      ['a', 'Title A', 'TASS', '2023-03-21'],
      ['b', GOOD, '', ''],
    ]);
    expect(skipped.map((s) => [s.file, s.line, s.reason.split(' (')[0]])).toEqual([['manifest.csv', 3, 'manifest line holds a control byte']]);
  });

  it('a JSON-escaped \\u0000 or \\u001b reaches no table: stripped from text, title, outlet, url and id', async () => {
    const corpus = corpusOf({
      'feed.jsonl': JSON.stringify({ id: 'i\u0000d', title: 'T\u0000itle', outlet: 'O\u001butlet', url: 'https://x.example/\u0007a', text: 'Wang\u0000 Yi said China and Russia are partners.\u001b' }) + '\n',
    });
    const out = tempDir();
    await runReport({ corpus, out, charts: false, cache: false, parquet: false });
    for (const table of ['articles', 'sentences', 'mentions', 'statements']) expect(readFileSync(join(out, `tables/${table}.csv`), 'utf8')).not.toMatch(/[\u0000-\u0008\u000e-\u001f\u007f]/);
    const [article] = rowsOf(join(out, 'tables/articles.csv'));
    expect([article!.article_id, article!.title, article!.outlet, article!.url]).toEqual(['id', 'Title', 'Outlet', 'https://x.example/a']);
    expect(rowsOf(join(out, 'tables/sentences.csv')).map((r) => r.text)).toEqual([GOOD]);
  });

  it('a text file with a NUL is still refused whole (binary), a clean one read', async () => {
    const { articles, skipped } = await loadCorpus(corpusOf({ 'bin.txt': `a\u0000b ${GOOD}`, 'ok.txt': GOOD }));
    expect(articles.map((a) => a.article_id)).toEqual(['ok']);
    expect(skipped.map((s) => [s.file, s.reason.split(' (')[0]])).toEqual([['bin.txt', 'file looks binary']]);
  });
});

describe('5. catastrophic user regexes', () => {
  const codebook = (pattern: string) =>
    join(corpusOf({ 'book.yaml': `version: t\nnegation: { words: [not], window: 3 }\nthemes:\n  - id: partnership\n    label: P\n    definition: d\n    patterns: [partner, '${pattern}']\n` }), 'book.yaml');

  it('a nested unbounded quantifier is refused at load, naming the file, the theme and the pattern', () => {
    const file = codebook('/(a+)+$/');
    expect(() => loadCodebook(file)).toThrow(
      `${file}: invalid data\n  themes[0] (id "partnership").patterns[1]: regular expression /(a+)+$/ repeats "(a+)+", a part that itself repeats without bound`,
    );
    for (const bad of ['/(\\w+\\s?)*x/', '/(?:a|b*)+c/', '/((ab)*c)+d/']) expect(() => compilePattern(bad), bad).toThrow(/repeats without bound/);
  });

  it('bounded nesting, lookarounds and plain repeats are kept, the kit\'s own codebook too', () => {
    expect(loadCodebook(codebook('/(?:\\w+\\s+){0,3}partners?/')).themes[0]!.patterns).toHaveLength(2);
    for (const ok of ['/\\bno\\W+forbidden\\b/', '/(?:the\\s+)?partners?/', '/(?:(?!not\\b)\\w+\\s+){0,2}?blame/', '/a+(?=b+)c*/']) expect(() => compilePattern(ok), ok).not.toThrow();
    expect(loadCodebook().themes.length).toBeGreaterThan(5);
  });

  it('the report refuses such a codebook before touching --out', async () => {
    const out = tempDir();
    writeFileSync(join(out, 'keep.txt'), 'x');
    await expect(runReport({ corpus: corpusOf({ 'a.txt': GOOD }), out, codebook: codebook('/(a+)+$/'), charts: false })).rejects.toThrow(/repeats "\(a\+\)\+"/);
    expect(readdirSync(out)).toEqual(['keep.txt']);
  });
});

describe('9. smaller faults', () => {
  it('a manifest.csv linked from outside the corpus is refused with its reason; one linked inside is read', async () => {
    const outside = corpusOf({ 'manifest.csv': 'file,title,outlet,url,published\na.txt,Secret title,Leak,,2023-01-01\n' });
    const corpus = corpusOf({ 'a.txt': GOOD });
    symlinkSync(join(outside, 'manifest.csv'), join(corpus, 'manifest.csv'));
    const refused = await loadCorpus(corpus);
    expect(refused.articles.map((a) => [a.title, a.outlet])).toEqual([[GOOD, '']]);
    expect(refused.skipped).toEqual([{ file: 'manifest.csv', line: undefined, reason: expect.stringMatching(/^manifest.csv is a symbolic link to a file outside the corpus folder; refused/) }]);
    const inside = corpusOf({ 'a.txt': GOOD, 'meta/m.csv': 'file,title,outlet,url,published\na.txt,Own title,TASS,,2023-01-01\n' });
    symlinkSync(join(inside, 'meta/m.csv'), join(inside, 'manifest.csv'));
    const read = await loadCorpus(inside);
    expect(read.articles.map((a) => [a.title, a.outlet])).toEqual([['Own title', 'TASS']]);
    expect(read.skipped.map((s) => s.file)).toEqual(['meta/m.csv']);
  });

  it('a folder nested 500 deep, and one whose path passes PATH_MAX, are skipped with their reasons; the rest is read', async () => {
    const corpus = corpusOf({ 'top.txt': GOOD });
    // Made by a child process, one relative step at a time: no single path handed to the kernel is too long.
    const nest = (name: string, depth: number) =>
      spawnSync(process.execPath, ['-e', `process.chdir(process.argv[1]); for (let i = 0; i < ${depth}; i++) { require('fs').mkdirSync('${name}'); process.chdir('${name}'); } require('fs').writeFileSync('deep.txt', 'Deep text.')`, corpus]);
    expect(nest('dddddddddd', 500).status).toBe(0);
    expect(nest('e'.repeat(200), 25).status).toBe(0);
    try {
      const { articles, skipped } = await loadCorpus(corpus);
      expect(articles.map((a) => a.article_id)).toEqual(['top']);
      expect(skipped).toEqual([
        { file: `${'dddddddddd/'.repeat(32)}dddddddddd`, reason: 'folder nested more than 32 levels below the corpus folder; not read (move its files higher up)' },
        { file: expect.stringMatching(/^(e{200}\/){19,20}e{200}$/), reason: 'folder could not be read (ENAMETOOLONG); its files were not read' },
      ]);
    } finally {
      spawnSync('rm', ['-rf', corpus]);
    }
  });
});
