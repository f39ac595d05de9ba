import { copyFileSync, mkdtempSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { listFiles, MANIFEST_FILE } from '../src/corpus';
import { runReport, type RunSummary } from '../src/report/run';
import { SEEDS, tempCorpus } from './helpers';

/**
 * A messy corpus: the five seeds, good and bad .jsonl lines, an HTML page, and one of each
 * kind of bad input. Every input must end up in articles.csv or in run.json "skipped".
 */
function messyCorpus(): string {
  const jsonl = [
    JSON.stringify({ id: 'wire-1', text: 'China and Russia held talks in Beijing on Tuesday.', published: '2023-03-21' }),
    '{"id": "wire-2", "text": ',
    JSON.stringify({ text: 'Lavrov said Moscow valued the partnership.' }),
    JSON.stringify({ id: 'wire-4', title: 'no text here' }),
    '',
    JSON.stringify({ id: 'wire-1', text: 'A second line reusing the id wire-1.' }),
    '42',
    JSON.stringify({ id: 'wire-7', text: 'Wang Yi met Sergey Lavrov.' }),
  ].join('\n');
  const dir = tempCorpus({
    'wire/feed.jsonl': jsonl,
    'web/page.html':
      '<html><head><title>Xi meets Putin</title></head><body><article><h1>Xi meets Putin</h1><p>Xi Jinping met Vladimir Putin in Moscow and the two leaders signed a statement on their partnership.</p></article></body></html>',
    'empty.txt': '',
    'blank.md': '  \n\n ',
    'binary.txt': new Uint8Array([0, 1, 2, 3, 255]),
    // UTF-8 (two ’) with a Windows-1252 “ pasted in: read in neither, refused
    'latin.txt': Buffer.concat([Buffer.from('Wang’s and Lavrov’s '), Buffer.from([0x93, 0x41, 0x94])]),
    'furniture.txt': '© 2025 Newsmax. All rights reserved.',
    'scan.pdf': '%PDF-1.4',
    'notes/readme': 'no extension',
    'manifest.csv': 'file,title,outlet,url,published\n000_6c805811b0115857.txt,T,Kyiv Post (AFP wire),,2024-04-10\nmissing.txt,M,,,\n../escape.txt,E,,,\n',
  });
  for (const f of readdirSync(SEEDS).filter((f) => f.endsWith('.txt'))) copyFileSync(join(SEEDS, f), join(dir, f));
  const outside = tempCorpus({ 'outside.txt': 'Text outside the corpus.' });
  symlinkSync(join(outside, 'outside.txt'), join(dir, 'link-out.txt'));
  symlinkSync(join(dir, 'nowhere.txt'), join(dir, 'dangling.txt'));
  return dir;
}

/** Every input, counted without the reader: one per file, one per non-blank line of a .jsonl. */
function countInputs(dir: string): string[] {
  const inputs: string[] = [];
  for (const file of listFiles(dir)) {
    if (file === MANIFEST_FILE) continue;
    if (file.endsWith('.jsonl')) {
      readFileSync(join(dir, file), 'utf8')
        .split('\n')
        .forEach((line, i) => line.trim() && inputs.push(`${file}:${i + 1}`));
    } else inputs.push(file);
  }
  return inputs.sort();
}

let dir: string;
let out: string;
let summary: RunSummary;
beforeAll(async () => {
  dir = messyCorpus();
  out = mkdtempSync(join(tmpdir(), 'srkit-lost-'));
  summary = await runReport({ corpus: dir, out, charts: false, parquet: false });
}, 120_000);

describe('nothing is lost', () => {
  it('every input is in articles.csv or in run.json "skipped", exactly once', () => {
    const articles = (parse(readFileSync(join(out, 'tables/articles.csv'), 'utf8'), { columns: true }) as { file: string }[]).map((r) => r.file);
    const run = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as RunSummary;
    const skippedInputs = run.skipped
      .filter((s) => s.file !== MANIFEST_FILE)
      .map((s) => (s.file.endsWith('.jsonl') && s.line !== undefined ? `${s.file}:${s.line}` : s.file));
    const inputs = countInputs(dir);
    expect(inputs).toHaveLength(22);
    expect([...articles, ...skippedInputs].sort()).toEqual(inputs);
    expect(articles).toHaveLength(9);
    expect(skippedInputs).toHaveLength(13);
  });

  it('each skipped input has its reason', () => {
    const reasons = Object.fromEntries(summary.skipped.map((s) => [s.line !== undefined && s.file.endsWith('.jsonl') ? `${s.file}:${s.line}` : s.file, s.reason]));
    expect(reasons).toMatchObject({
      'empty.txt': 'file is empty; nothing to read',
      'blank.md': 'file is empty; nothing to read',
      'binary.txt': expect.stringContaining('file looks binary'),
      'latin.txt': expect.stringContaining('file is UTF-8 with bad byte sequences (the first at byte 24); re-save it as UTF-8 (read in another encoding, its other characters would be garbled)'),
      'furniture.txt': 'no article text left after extraction and cleaning',
      'scan.pdf': expect.stringContaining('unsupported file type ".pdf"'),
      'notes/readme': expect.stringContaining('unsupported file type "(none)"'),
      'link-out.txt': 'symbolic link points outside the corpus folder; refused',
      'dangling.txt': expect.stringContaining('symbolic link is broken'),
      'wire/feed.jsonl:2': expect.stringContaining('malformed JSON line'),
      'wire/feed.jsonl:4': 'JSON line has no non-empty "text" string field',
      'wire/feed.jsonl:6': expect.stringContaining('article id "wire-1" is already used by wire/feed.jsonl:1'),
      'wire/feed.jsonl:7': 'JSON line is not an object; each line must be {"text": "...", ...}',
    });
  });

  it('manifest rows that name nothing readable are listed too, with their line', () => {
    expect(summary.skipped.filter((s) => s.file === MANIFEST_FILE)).toEqual([
      { file: MANIFEST_FILE, line: 3, reason: expect.stringContaining('"missing.txt"') },
      { file: MANIFEST_FILE, line: 4, reason: expect.stringContaining('"../escape.txt" leaves the corpus folder') },
    ]);
  });

  it('the good .jsonl lines, the HTML page and the seeds are all read', () => {
    expect(summary.read.filter((f) => !/^00\d_/.test(f))).toEqual(['web/page.html', 'wire/feed.jsonl:1', 'wire/feed.jsonl:3', 'wire/feed.jsonl:8']);
    expect(summary.read.filter((f) => /^00\d_/.test(f))).toHaveLength(5);
    expect(summary.articles).toBe(9);
  });

  it('every skip is also a warning naming the file', () => {
    const warned = new Set(summary.warnings.map((w) => `${w.file}|${w.line ?? ''}`));
    for (const s of summary.skipped) expect(warned.has(`${s.file}|${s.line ?? ''}`), s.file).toBe(true);
  });
});
