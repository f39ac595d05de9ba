import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildArticle, ENCODINGS, loadCorpus, readCorpus, type SkippedInput } from '../src/corpus';
import { tempCorpus } from './helpers';

/** Deterministic bytes (mulberry32), so a failure can be replayed. */
function randomBytes(length: number, seed: number, min = 0, max = 255): Uint8Array {
  let a = seed >>> 0;
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = min + ((((t ^ (t >>> 14)) >>> 0) % 4294967296) % (max - min + 1));
  }
  return out;
}

const GOOD = 'Lavrov said Tuesday that Russia no longer had relations with the EU after Brussels had "destroyed them."';

describe('hostile input: random bytes', () => {
  it('random bytes (64 KiB) with a text extension: skipped as binary, the run goes on', async () => {
    const corpus = await loadCorpus(tempCorpus({ 'noise.txt': randomBytes(65_536, 7), 'noise.md': randomBytes(4_096, 8), 'good.txt': GOOD }));
    expect(corpus.skipped.map((s) => [s.file, s.reason.split(' (')[0]])).toEqual([
      ['noise.md', 'file looks binary'],
      ['noise.txt', 'file looks binary'],
    ]);
    expect(corpus.articles.map((a) => a.text)).toEqual([GOOD]);
  });

  it('random printable high bytes (no control bytes): refused with encoding "utf-8" and with "windows-1252", never read as mojibake', async () => {
    const bytes = randomBytes(20_000, 11, 0x20, 0xff);
    const dir = tempCorpus({ 'noise.txt': bytes });
    const strict = await loadCorpus(dir, { encoding: 'utf-8' });
    expect(strict.skipped).toEqual([{ file: 'noise.txt', reason: expect.stringMatching(/^file is not valid UTF-8 \(bad byte sequence at byte \d+\)/) }]);
    // By chance the noise holds valid three-byte UTF-8 sequences, which Windows-1252 would read as "â€™"-like mojibake.
    const cp1252 = await loadCorpus(dir, { encoding: 'windows-1252' });
    expect(cp1252.skipped).toEqual([{ file: 'noise.txt', reason: expect.stringMatching(/^file is UTF-8 with bad byte sequences \(the first at byte \d+\); re-save it as UTF-8/) }]);
    expect((await loadCorpus(dir)).articles).toEqual([]);
  });

  it('random Windows-1252 letters and punctuation with no UTF-8 lead byte: read as Windows-1252 without C1 controls', async () => {
    // 0x20–0x7E, and 0x80–0xBF less the five bytes Windows-1252 leaves unassigned: every high byte is a UTF-8 continuation byte, so none forms a UTF-8 sequence.
    const alphabet = [...Array.from({ length: 0x5f }, (_, i) => 0x20 + i), ...Array.from({ length: 0x40 }, (_, i) => 0x80 + i).filter((b) => ![0x81, 0x8d, 0x8f, 0x90, 0x9d].includes(b))];
    const bytes = Uint8Array.from(randomBytes(20_000, 12), (r) => alphabet[r % alphabet.length]!);
    const cp1252 = await loadCorpus(tempCorpus({ 'noise.txt': bytes }), { encoding: 'windows-1252' });
    expect(cp1252.skipped).toEqual([]);
    const a = cp1252.articles[0]!;
    expect(a.text).not.toMatch(/[\u0080-\u009f\uFFFD]/);
    expect(a.text).toContain('€');
    for (const s of a.sentences) expect(a.text.slice(s.start, s.end)).toBe(s.text);
  });

  it('random bytes in a .jsonl and an .html: skipped with a reason (the .jsonl line by line), nothing thrown', async () => {
    const corpus = await loadCorpus(tempCorpus({ 'noise.jsonl': randomBytes(10_000, 3), 'noise.html': randomBytes(10_000, 4), 'good.txt': GOOD }));
    expect([...new Set(corpus.skipped.map((s) => s.file))].sort()).toEqual(['noise.html', 'noise.jsonl']);
    const lines = corpus.skipped.filter((s) => s.file === 'noise.jsonl');
    expect(lines.length).toBeGreaterThan(1);
    for (const s of lines) expect([typeof s.line, s.reason.length > 0]).toEqual(['number', true]);
    expect(corpus.articles).toHaveLength(1);
  });

  it('any bytes under any supported extension: reading never throws, and each file is read or skipped with a reason', async () => {
    const ext = fc.constantFrom('.txt', '.md', '.html', '.jsonl');
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), ext, fc.constantFrom(...ENCODINGS), async (bytes, extension, encoding) => {
        const corpus = await loadCorpus(tempCorpus({ [`x${extension}`]: bytes }), { encoding });
        for (const s of corpus.skipped) expect(s.reason.length).toBeGreaterThan(0);
        if (extension !== '.jsonl') expect(corpus.articles.length + corpus.skipped.length).toBe(1);
        for (const a of corpus.articles) for (const s of a.sentences) expect(a.text.slice(s.start, s.end)).toBe(s.text);
      }),
      { numRuns: 150 },
    );
  });
});

describe('hostile input: huge lines', () => {
  it('a 10 MB single-line .txt is read and segmented, offsets intact', async () => {
    const sentence = 'On Feb. 4 the U.S. Secretary of State said "China and Russia are partners." ';
    const repeats = Math.ceil(10_000_000 / sentence.length);
    const corpus = await loadCorpus(tempCorpus({ 'huge.txt': sentence.repeat(repeats) }));
    const a = corpus.articles[0]!;
    expect(a.text.length).toBe(sentence.length * repeats - 1);
    expect(a.paragraphs).toHaveLength(1);
    expect(a.sentences).toHaveLength(repeats);
    const first = a.sentences[0]!;
    const last = a.sentences[repeats - 1]!;
    expect(first.text).toBe(sentence.trim());
    expect(last.text).toBe(sentence.trim());
    expect(a.text.slice(last.start, last.end)).toBe(last.text);
  });

  it('a 10 MB line with no space at all is one sentence', async () => {
    const a = buildArticle({ article_id: 'x', file: 'x.txt', text: 'x'.repeat(10_000_000) })!;
    expect(a.sentences.map((s) => [s.start, s.end])).toEqual([[0, 10_000_000]]);
  });

  it('a 1 MB run of spaces inside a line: cleaned and segmented without quadratic regex work', () => {
    // Unanchored credit patterns that began with \s* took a minute on 200k spaces.
    const text = `Wang said${' '.repeat(1_000_000)}China and Russia met (AP`;
    const a = buildArticle({ article_id: 'x', file: 'x.txt', text })!;
    expect(a.sentences).toHaveLength(1);
    expect(a.sentences[0]!.text.endsWith('met (AP')).toBe(true);
    expect(a.removed).toEqual([]);
  });

  it('lines built to make the cleaning rules backtrack are handled (and kept: they are not furniture)', () => {
    const lines = [
      `ab/cd (${'A'.repeat(5000)}`, // sign-off pattern: a word that could split many ways
      `By ${'Aa '.repeat(5000)}x`, // byline pattern
      `${'GREG BAKER '.repeat(500)}/`, // agency credit pattern
      `Image: ${'x'.repeat(100_000)}.`, // image credit pattern
      `${'1. '.repeat(10_000)}Skip to content`, // skip-link pattern
    ];
    const a = buildArticle({ article_id: 'x', file: 'x.txt', text: lines.join('\n\n') })!;
    expect(a.paragraphs).toHaveLength(lines.length);
    expect(a.removed).toEqual([]);
  });
});

describe('hostile input: a 100k-line .jsonl with malformed lines in the middle', () => {
  it('keeps every good line and names every bad one with its line number', async () => {
    const LINES = 100_000;
    const bad = new Map<number, string>([
      [25_000, '{"id": "broken", "text": "unterminated'],
      [50_000, 'not json at all'],
      [50_001, '{"text": 42}'],
      [75_000, '[1, 2, 3]'],
      [99_999, '{"id": "a1", "text": "duplicate id of line 1"}'],
    ]);
    const dir = tempCorpus({});
    const fd = openSync(join(dir, 'feed.jsonl'), 'w');
    let chunk = '';
    for (let line = 1; line <= LINES; line++) {
      chunk += (bad.get(line) ?? JSON.stringify({ id: `a${line}`, text: `Wang Yi met Lavrov, report ${line} said.` })) + '\n';
      if (chunk.length > 1 << 20) {
        writeSync(fd, chunk);
        chunk = '';
      }
    }
    writeSync(fd, chunk);
    closeSync(fd);

    // Streamed, as the report does: the 100k articles are counted, not kept.
    let read = 0;
    let lastLine = 0;
    let ordered = true;
    const skipped: SkippedInput[] = [];
    for await (const item of readCorpus(dir)) {
      if (item.kind === 'skipped') {
        skipped.push(item.skipped);
        continue;
      }
      read++;
      const line = Number(item.article.file.split(':')[1]);
      ordered &&= line > lastLine && item.article.article_id === `a${line}` && item.article.text === `Wang Yi met Lavrov, report ${line} said.`;
      lastLine = line;
    }
    expect(read).toBe(LINES - bad.size);
    expect(ordered).toBe(true);
    expect(skipped.map((s) => [s.file, s.line, s.reason.split(' (')[0]!.split(';')[0]])).toEqual([
      ['feed.jsonl', 25_000, 'malformed JSON line'],
      ['feed.jsonl', 50_000, 'malformed JSON line'],
      ['feed.jsonl', 50_001, 'JSON line has no non-empty "text" string field'],
      ['feed.jsonl', 75_000, 'JSON line is not an object'],
      ['feed.jsonl:99999', 99_999, 'article id "a1" is already used by feed.jsonl:1'],
    ]);
  }, 120_000);
});
