import { mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus, type Corpus, type ReadOptions } from '../src/corpus';
import { formatWarning } from '../src/logger';
import { tempCorpus } from './helpers';

/** A sentence from seed 004, so every test corpus has one good article beside the bad input. */
const GOOD = 'Russian Minister of Foreign Affairs Sergey Lavrov also attended the event, Bloomberg said.';

async function readWith(files: Record<string, string | Uint8Array>, options: ReadOptions = {}, prepare?: (dir: string) => void): Promise<Corpus> {
  const dir = tempCorpus({ 'good.txt': GOOD, ...files });
  prepare?.(dir);
  return loadCorpus(dir, options);
}

/** The run went on: the good article is read, with its text intact. */
function expectGoodRead(corpus: Corpus) {
  const good = corpus.articles.find((a) => a.file === 'good.txt');
  expect(good?.text).toBe(GOOD);
}

/** Warnings as a terminal shows them: "file:line: message". */
const printed = (corpus: Corpus) => corpus.warnings.map(formatWarning);

describe('bad input: each is skipped with a reason naming the file, and the run goes on', () => {
  it('a file that cannot be read: removed between listing and reading', async () => {
    const dir = tempCorpus({ 'good.txt': GOOD, 'vanishing.txt': 'China and Russia met.' });
    const corpus = await loadCorpus(dir, { onFile: (file) => file === 'vanishing.txt' && rmSync(join(dir, file)) });
    expect(corpus.skipped).toEqual([{ file: 'vanishing.txt', reason: 'file could not be read (ENOENT)' }]);
    expect(printed(corpus)).toEqual(['vanishing.txt: file could not be read (ENOENT)']);
    expectGoodRead(corpus);
  });

  it('a file that cannot be read: a .txt link to a folder, a .jsonl link to a folder', async () => {
    const corpus = await readWith({ 'sub/inner.txt': GOOD }, {}, (dir) => {
      symlinkSync(join(dir, 'sub'), join(dir, 'folder.txt'));
      symlinkSync(join(dir, 'sub'), join(dir, 'folder.jsonl'));
    });
    expect(corpus.skipped).toEqual([
      { file: 'folder.jsonl', reason: 'file could not be read (not a regular file: a folder, device or pipe)' },
      { file: 'folder.txt', reason: 'file could not be read (not a regular file: a folder, device or pipe)' },
    ]);
    expect(corpus.articles.map((a) => a.file)).toEqual(['good.txt', 'sub/inner.txt']);
  });

  it('a broken symbolic link', async () => {
    const corpus = await readWith({}, {}, (dir) => symlinkSync(join(dir, 'gone.txt'), join(dir, 'dangling.txt')));
    expect(corpus.skipped).toEqual([{ file: 'dangling.txt', reason: 'symbolic link is broken (ENOENT); its target could not be read' }]);
    expectGoodRead(corpus);
  });

  it('an empty file', async () => {
    const corpus = await readWith({ 'empty.txt': '' });
    expect(corpus.skipped).toEqual([{ file: 'empty.txt', reason: 'file is empty; nothing to read' }]);
    expect(printed(corpus)).toEqual(['empty.txt: file is empty; nothing to read']);
    expectGoodRead(corpus);
  });

  it('a whitespace-only file', async () => {
    const corpus = await readWith({ 'blank.md': ' \n\t\n\u00A0\r\n  ' });
    expect(corpus.skipped).toEqual([{ file: 'blank.md', reason: 'file is empty; nothing to read' }]);
    expectGoodRead(corpus);
  });

  it('a file whose lines are all page furniture: nothing left after cleaning', async () => {
    const corpus = await readWith({ 'furniture.txt': '1. Skip to content\n\n© 2025 Newsmax. All rights reserved.' });
    expect(corpus.skipped).toEqual([{ file: 'furniture.txt', line: 1, reason: 'no article text left after extraction and cleaning' }]);
    expectGoodRead(corpus);
  });

  it('a binary file (NUL bytes)', async () => {
    const corpus = await readWith({ 'image.txt': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]) });
    expect(corpus.skipped).toEqual([
      { file: 'image.txt', reason: 'file looks binary (control byte at byte 6); the kit reads text (.txt, .md, .html, .jsonl)' },
    ]);
    expectGoodRead(corpus);
  });

  it('text with a NUL byte in the middle is binary too', async () => {
    const corpus = await readWith({ 'nul.txt': Buffer.concat([Buffer.from('China and Russia'), Buffer.from([0]), Buffer.from(' met.')]) });
    expect(corpus.skipped).toEqual([{ file: 'nul.txt', reason: expect.stringContaining('file looks binary (control byte at byte 16)') }]);
  });

  it('invalid UTF-8 with encoding "utf-8": named, with the byte offset, suggesting --encoding', async () => {
    const bytes = Buffer.concat([Buffer.from('Wang said China is '), Buffer.from([0x93]), Buffer.from('ready', 'latin1'), Buffer.from([0x94]), Buffer.from('.')]);
    const corpus = await readWith({ 'cp1252.txt': bytes }, { encoding: 'utf-8' });
    expect(corpus.skipped).toEqual([
      {
        file: 'cp1252.txt',
        reason:
          'file is not valid UTF-8 (bad byte sequence at byte 19) and --encoding utf-8 reads UTF-8 only; leave --encoding at auto to detect its encoding, name it (--encoding windows-1252, windows-1251, koi8-r, gb18030, shift_jis), or re-save it as UTF-8',
      },
    ]);
    expectGoodRead(corpus);
    // by default (auto) the same file is detected as Windows-1252 (it used to be refused)
    expect((await readWith({ 'cp1252.txt': bytes })).articles.find((a) => a.file === 'cp1252.txt')?.text).toBe('Wang said China is “ready”.');
  });

  it('Windows-1252 decoded with encoding "windows-1252": smart quotes and apostrophes, no mojibake', async () => {
    // “China’s position” – he said… in Windows-1252 bytes
    const bytes = Buffer.from([0x93, ...Buffer.from('China'), 0x92, ...Buffer.from('s position'), 0x94, 0x20, 0x96, ...Buffer.from(' he said'), 0x85, ...Buffer.from(' Caf'), 0xe9, 0x2e]);
    const corpus = await readWith({ 'cp1252.txt': bytes }, { encoding: 'windows-1252' });
    const a = corpus.articles.find((x) => x.file === 'cp1252.txt')!;
    expect(a.text).toBe('“China’s position” – he said… Café.');
    expect(a.text).not.toMatch(/[\u0080-\u009f]|â€/);
    expect(corpus.skipped).toEqual([]);
    expectGoodRead(corpus);
  });

  it('Windows-1252 .jsonl decoded with encoding "windows-1252", no mojibake', async () => {
    const line = Buffer.concat([Buffer.from('{"id":"w1","text":"'), Buffer.from([0x93]), Buffer.from('No limits'), Buffer.from([0x94]), Buffer.from(', Xi said."}\n')]);
    const corpus = await readWith({ 'feed.jsonl': line }, { encoding: 'windows-1252' });
    expect(corpus.articles.find((a) => a.article_id === 'w1')?.text).toBe('“No limits”, Xi said.');
  });

  it('Windows-1252 .jsonl read with encoding "utf-8": the line is skipped, named, suggesting --encoding; detected by default', async () => {
    const line = Buffer.concat([Buffer.from('{"text":"ok line."}\n{"text":"'), Buffer.from([0x93]), Buffer.from('No limits'), Buffer.from([0x94]), Buffer.from('."}\n')]);
    const corpus = await readWith({ 'feed.jsonl': line }, { encoding: 'utf-8' });
    expect(corpus.skipped).toEqual([
      {
        file: 'feed.jsonl',
        line: 2,
        reason:
          'line is not valid UTF-8 (bad byte sequence at byte 9 of the line) and --encoding utf-8 reads UTF-8 only; leave --encoding at auto to detect its encoding, name it (--encoding windows-1252, windows-1251, koi8-r, gb18030, shift_jis), or re-save it as UTF-8',
      },
    ]);
    expect(corpus.articles.map((a) => a.file)).toEqual(['feed.jsonl:1', 'good.txt']);
    const auto = await readWith({ 'feed.jsonl': line });
    expect(auto.skipped).toEqual([]);
    expect(auto.articles.map((a) => a.text)).toEqual(['ok line.', '“No limits”.', GOOD]);
  });

  it('a .jsonl line holding a real replacement character (valid UTF-8) is read, not refused', async () => {
    const corpus = await readWith({ 'feed.jsonl': JSON.stringify({ id: 'r', text: 'Scraped text with \uFFFD kept.' }) + '\n' });
    expect(corpus.skipped).toEqual([]);
    expect(corpus.articles.find((a) => a.article_id === 'r')?.text).toBe('Scraped text with \uFFFD kept.');
  });

  it('UTF-16 LE with BOM is decoded', async () => {
    const text = 'China’s foreign ministry said “no limits” still holds.';
    const corpus = await readWith({ 'utf16.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]) });
    expect(corpus.articles.find((a) => a.file === 'utf16.txt')?.text).toBe(text);
    expect(corpus.skipped).toEqual([]);
  });

  it('UTF-16 BE with BOM is decoded', async () => {
    const text = 'Wang Yi met Lavrov in Guilin.';
    const be = Buffer.from(text, 'utf16le').swap16();
    const corpus = await readWith({ 'utf16be.txt': Buffer.concat([Buffer.from([0xfe, 0xff]), be]) });
    expect(corpus.articles.find((a) => a.file === 'utf16be.txt')?.text).toBe(text);
  });

  it('UTF-16 LE .jsonl with BOM is decoded line by line', async () => {
    const jsonl = '{"id":"u1","text":"China’s view."}\n{"id":"u2","text":"Russia’s view."}\n';
    const corpus = await readWith({ 'feed.jsonl': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(jsonl, 'utf16le')]) });
    expect(corpus.articles.filter((a) => a.file.startsWith('feed')).map((a) => [a.article_id, a.text])).toEqual([
      ['u1', 'China’s view.'],
      ['u2', 'Russia’s view.'],
    ]);
    expect(corpus.skipped).toEqual([]);
  });

  it('UTF-16 BE .jsonl is refused with a clear message, not read as garbage lines', async () => {
    const be = Buffer.from('{"text":"Xi met Putin."}\n', 'utf16le').swap16();
    const corpus = await readWith({ 'feed.jsonl': Buffer.concat([Buffer.from([0xfe, 0xff]), be]) });
    expect(corpus.skipped).toEqual([{ file: 'feed.jsonl', reason: 'UTF-16 big-endian .jsonl is not supported; re-save the file as UTF-8' }]);
    expectGoodRead(corpus);
  });

  it('a manifest saved by a spreadsheet (BOM, CRLF, quoted comma) is read', async () => {
    const manifest = '\uFEFFfile,title,outlet,url,published\r\ngood.txt,"Lavrov, Wang meet",Newsmax,https://x.example/a,2022-06-02\r\n';
    const corpus = await readWith({ 'manifest.csv': manifest });
    expect(corpus.skipped).toEqual([]);
    const a = corpus.articles[0]!;
    expect([a.title, a.outlet, a.url, a.published, a.date_basis]).toEqual(['Lavrov, Wang meet', 'Newsmax', 'https://x.example/a', '2022-06-02', 'manifest']);
  });

  it('a Windows-1252 manifest: refused with a reason with encoding "utf-8", decoded by default and with "windows-1252"', async () => {
    const manifest = Buffer.concat([Buffer.from('file,title,outlet,url,published\ngood.txt,'), Buffer.from([0x93]), Buffer.from('No limits'), Buffer.from([0x94]), Buffer.from(',DW,,2022-02-04\n')]);
    const strict = await readWith({ 'manifest.csv': manifest }, { encoding: 'utf-8' });
    expect(strict.skipped).toEqual([
      {
        file: 'manifest.csv',
        reason: expect.stringMatching(/^manifest\.csv could not be parsed \(file is not valid UTF-8 \(bad byte sequence at byte 41\) and --encoding utf-8 reads UTF-8 only; .*--encoding windows-1252/),
      },
    ]);
    expect((await readWith({ 'manifest.csv': manifest })).articles[0]!.title).toBe('“No limits”');
    expect(strict.articles[0]!.title).not.toContain('No limits');
    const cp1252 = await readWith({ 'manifest.csv': manifest }, { encoding: 'windows-1252' });
    expect(cp1252.articles[0]!.title).toBe('“No limits”');
  });

  it('UTF-8 with BOM: the BOM is not part of the text', async () => {
    const corpus = await readWith({ 'bom.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Xi met Putin.')]) });
    expect(corpus.articles.find((a) => a.file === 'bom.txt')?.text).toBe('Xi met Putin.');
  });

  it('a malformed JSON line in the middle of a .jsonl: named with its line number, every good line kept', async () => {
    const jsonl = [
      JSON.stringify({ id: 'a1', text: 'China and Russia met.', published: '2022-02-04', outlet: 'Xinhua' }),
      '{"id": "a2", "text": "cut off',
      '',
      JSON.stringify({ id: 'a3', text: 'Lavrov flew to Beijing.' }),
    ].join('\n');
    const corpus = await readWith({ 'feed.jsonl': jsonl });
    expect(corpus.articles.map((a) => [a.article_id, a.file])).toEqual([
      ['a1', 'feed.jsonl:1'],
      ['a3', 'feed.jsonl:4'],
      ['good', 'good.txt'],
    ]);
    expect(corpus.skipped).toEqual([{ file: 'feed.jsonl', line: 2, reason: expect.stringMatching(/^malformed JSON line \(.+\); each line must be one JSON object$/) }]);
    expect(printed(corpus)[0]).toMatch(/^feed\.jsonl:2: malformed JSON line/);
    const a1 = corpus.articles[0]!;
    expect([a1.published, a1.date_basis, a1.outlet]).toEqual(['2022-02-04', 'manifest', 'Xinhua']);
  });

  it('a JSON line without text, with empty text, and one that is not an object', async () => {
    const jsonl = ['{"id":"x1","title":"no text"}', '{"id":"x2","text":"   "}', '["an","array"]', '{"id":"x4","text":"Wang said so."}'].join('\n');
    const corpus = await readWith({ 'feed.jsonl': jsonl });
    expect(corpus.skipped).toEqual([
      { file: 'feed.jsonl', line: 1, reason: 'JSON line has no non-empty "text" string field' },
      { file: 'feed.jsonl', line: 2, reason: 'JSON line has no non-empty "text" string field' },
      { file: 'feed.jsonl', line: 3, reason: 'JSON line is not an object; each line must be {"text": "...", ...}' },
    ]);
    expect(corpus.articles.map((a) => a.article_id)).toEqual(['x4', 'good']);
  });

  it('two JSON lines with the same id: the second is skipped, naming the first', async () => {
    const jsonl = ['{"id":"d","text":"First."}', '{"id":"d","text":"Second."}'].join('\n');
    const corpus = await readWith({ 'feed.jsonl': jsonl });
    expect(corpus.skipped).toEqual([{ file: 'feed.jsonl:2', line: 2, reason: 'article id "d" is already used by feed.jsonl:1; this article was skipped (give it a unique "id")' }]);
  });

  it('an id belongs to its first line even when cleaning leaves that line empty', async () => {
    const jsonl = ['{"id":"d","text":"Skip to content"}', '{"id":"d","text":"Second."}'].join('\n');
    const corpus = await readWith({ 'feed.jsonl': jsonl });
    expect(corpus.articles.map((a) => a.article_id)).toEqual(['good']);
    expect(corpus.skipped).toEqual([
      { file: 'feed.jsonl:1', line: 1, reason: 'no article text left after extraction and cleaning' },
      { file: 'feed.jsonl:2', line: 2, reason: 'article id "d" is already used by feed.jsonl:1; this article was skipped (give it a unique "id")' },
    ]);
  });

  it('an empty .jsonl and a .jsonl of blank lines', async () => {
    const corpus = await readWith({ 'a.jsonl': '', 'b.jsonl': '\n\n  \n' });
    expect(corpus.skipped).toEqual([
      { file: 'a.jsonl', reason: 'file is empty; nothing to read' },
      { file: 'b.jsonl', reason: 'file is empty; nothing to read' },
    ]);
    expectGoodRead(corpus);
  });

  it('a manifest row naming a missing file: named with its line, the other rows still apply', async () => {
    const manifest = 'file,title,outlet,url,published\nmissing.txt,Gone,Reuters,,2022-01-01\ngood.txt,Lavrov attends,Newsmax,,2022-06-02\n';
    const corpus = await readWith({ 'manifest.csv': manifest });
    expect(corpus.skipped).toEqual([
      { file: 'manifest.csv', line: 2, reason: 'manifest names "missing.txt", which is not in the corpus folder; the row was ignored' },
    ]);
    expect(printed(corpus)).toEqual(['manifest.csv:2: manifest names "missing.txt", which is not in the corpus folder; the row was ignored']);
    const good = corpus.articles[0]!;
    expect([good.title, good.outlet, good.published, good.date_basis]).toEqual(['Lavrov attends', 'Newsmax', '2022-06-02', 'manifest']);
  });

  it('manifest paths leaving the folder ("../", absolute) are refused, with their line', async () => {
    const manifest = 'file,title,outlet,url,published\n../outside.txt,X,,,\n/etc/hostname,Y,,,\nsub/../../outside.txt,Z,,,\ngood.txt,Fine,,,\n';
    const corpus = await readWith({ 'manifest.csv': manifest });
    expect(corpus.skipped).toEqual([
      { file: 'manifest.csv', line: 2, reason: 'manifest path "../outside.txt" leaves the corpus folder; refused' },
      { file: 'manifest.csv', line: 3, reason: 'manifest path "/etc/hostname" leaves the corpus folder; refused' },
      { file: 'manifest.csv', line: 4, reason: 'manifest path "sub/../../outside.txt" leaves the corpus folder; refused' },
    ]);
    expect(corpus.articles.map((a) => a.title)).toEqual(['Fine']);
  });

  it('a manifest listing a file twice: the first row wins, the second is named', async () => {
    const manifest = 'file,title,outlet,url,published\ngood.txt,First,DW,,2021-03-23\n./good.txt,Second,AP,,2022-03-07\n';
    const corpus = await readWith({ 'manifest.csv': manifest });
    expect(corpus.skipped).toEqual([{ file: 'manifest.csv', line: 3, reason: 'manifest lists "./good.txt" again (first on line 2); this row was ignored' }]);
    expect(corpus.articles.map((a) => [a.title, a.outlet, a.published])).toEqual([['First', 'DW', '2021-03-23']]);
  });

  it('a manifest date that is not ISO is ignored with a warning, not taken', async () => {
    const corpus = await readWith({ 'manifest.csv': 'file,title,outlet,url,published\ngood.txt,T,,,2022-02-30\n' });
    expect(corpus.articles[0]!.published).toBe('');
    expect(printed(corpus)).toEqual(['manifest.csv:2: manifest "published" value "2022-02-30" is not an ISO date (YYYY-MM-DD); it was ignored']);
  });

  it('a manifest without a "file" column is refused as a whole', async () => {
    const corpus = await readWith({ 'manifest.csv': 'name,title\ngood.txt,T\n' });
    expect(corpus.skipped).toEqual([{ file: 'manifest.csv', line: 1, reason: 'manifest.csv has no "file" column; expected header: file,title,outlet,url,published' }]);
    expect(corpus.articles[0]!.title).not.toBe('T');
  });

  it('a symbolic link pointing outside the corpus folder is refused; one inside is read', async () => {
    const outside = tempCorpus({ 'secret.txt': 'Outside text that must not be read.' });
    const corpus = await readWith({}, {}, (dir) => {
      symlinkSync(join(outside, 'secret.txt'), join(dir, 'escape.txt'));
      symlinkSync(outside, join(dir, 'escape-dir.txt'));
      mkdirSync(join(dir, 'inner'));
      symlinkSync(join(dir, 'good.txt'), join(dir, 'inner', 'alias.txt'));
    });
    expect(corpus.skipped).toEqual([
      { file: 'escape-dir.txt', reason: 'symbolic link points outside the corpus folder; refused' },
      { file: 'escape.txt', reason: 'symbolic link points outside the corpus folder; refused' },
    ]);
    expect(corpus.articles.map((a) => a.file)).toEqual(['good.txt', 'inner/alias.txt']);
    expect(corpus.articles.some((a) => a.text.includes('Outside text'))).toBe(false);
  });

  it('unsupported extensions are listed, not read', async () => {
    const corpus = await readWith({ 'report.pdf': '%PDF-1.4', 'notes': 'no extension', 'data.csv': 'a,b' });
    expect(corpus.skipped).toEqual([
      { file: 'data.csv', reason: 'unsupported file type ".csv"; the kit reads .txt, .md, .html, .htm and .jsonl' },
      { file: 'notes', reason: 'unsupported file type "(none)"; the kit reads .txt, .md, .html, .htm and .jsonl' },
      { file: 'report.pdf', reason: 'unsupported file type ".pdf"; the kit reads .txt, .md, .html, .htm and .jsonl' },
    ]);
    expectGoodRead(corpus);
  });

  it('an unknown encoding is refused up front, naming the option', async () => {
    await expect(readWith({}, { encoding: 'latin-9' as never })).rejects.toThrow('Invalid argument `encoding`: got "latin-9". Use one of: auto, utf-8, windows-1252, windows-1251, koi8-r, gb18030, shift_jis');
  });

  it('a missing corpus folder is a KitError naming it', async () => {
    await expect(loadCorpus('/nonexistent/corpus')).rejects.toThrow('corpus folder "/nonexistent/corpus" does not exist');
  });
});
