import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { brotliDecompressSync, inflateRawSync } from 'node:zlib';
import { asciiJson, decodeEntry, encodeEntry } from '../src/report/cache';
import { runReport, type RunSummary } from '../src/report/run';
import { SEEDS } from './helpers';

const TABLES = ['articles', 'sentences', 'mentions', 'statements', 'themes', 'cooccurrence', 'statements_by_country', 'themes_by_year', 'keyness'];
const tables = (out: string) => Object.fromEntries(TABLES.map((t) => [t, readFileSync(join(out, 'tables', `${t}.csv`), 'utf8')]));

function seedsCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'srkit-cache-'));
  cpSync(SEEDS, join(dir, 'corpus'), { recursive: true });
  return dir;
}

const NEW_ARTICLE = 'Kremlin spokesman Dmitry Peskov said on Monday that Russia and China "do not need" Western approval.\n\nPeskov added that ties were strong.';

describe('the report cache', () => {
  it('re-annotates only the added article, and the tables equal a run without the cache', async () => {
    const dir = seedsCopy();
    const out = join(dir, 'out');
    const first = await runReport({ corpus: join(dir, 'corpus'), out, charts: false, parquet: false });
    expect(first.cache).toEqual({ hits: 0, misses: 5, segments: { hits: 0, misses: 1 } });

    writeFileSync(join(dir, 'corpus', 'new.txt'), NEW_ARTICLE);
    const second = await runReport({ corpus: join(dir, 'corpus'), out, charts: false, parquet: false });
    // the seeds and the new article make one segment, built again from 5 cached articles and 1 new
    expect(second.cache).toEqual({ hits: 5, misses: 1, segments: { hits: 0, misses: 1 } });

    const cold = join(dir, 'cold');
    const fresh = await runReport({ corpus: join(dir, 'corpus'), out: cold, charts: false, parquet: false, cache: false });
    expect(fresh.cache).toBeUndefined();
    expect(tables(out)).toEqual(tables(cold));
    expect(tables(out).statements).toContain('dmitry-peskov');
  });

  it('starts afresh when a data file changes (a user registry), deleting the old cache', async () => {
    const dir = seedsCopy();
    const out = join(dir, 'out');
    await runReport({ corpus: join(dir, 'corpus'), out, charts: false, parquet: false });
    const before = readdirSync(join(out, '.cache'));
    const actors = join(dir, 'actors.yaml');
    writeFileSync(actors, 'actors:\n  - { id: jane-analyst, name: Jane Analyst, type: person, country: USA, gender: female, surname: Analyst, aliases: ["Jane Analyst"] }\n');
    const again = await runReport({ corpus: join(dir, 'corpus'), out, charts: false, parquet: false, actors: [actors] });
    expect(again.cache).toEqual({ hits: 0, misses: 5, segments: { hits: 0, misses: 1 } });
    const after = readdirSync(join(out, '.cache'));
    expect(after).toHaveLength(1);
    expect(after).not.toEqual(before);
  });

  it('replays an article’s warnings from the cache', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'srkit-cache-'));
    writeFileSync(join(dir, 'unbalanced.txt'), 'Wang Wenbin said, "China opposes sanctions and will not back down');
    const out = join(dir, 'out');
    const first = await runReport({ corpus: dir, out, charts: false, parquet: false });
    const second = await runReport({ corpus: dir, out, charts: false, parquet: false });
    expect(second.cache).toEqual({ hits: 1, misses: 0, segments: { hits: 1, misses: 0 } });
    expect(second.warnings.map((w) => [w.code, w.offset])).toEqual(first.warnings.map((w) => [w.code, w.offset]));
    expect(second.warnings.map((w) => w.code)).toContain('unbalanced-quote');
  });

  it('keeps Parquet identical, and builds again what was cut short (torn writes)', async () => {
    const dir = seedsCopy();
    const out = join(dir, 'out');
    const run = () => runReport({ corpus: join(dir, 'corpus'), out, charts: false });
    await run();
    const parquetBefore = readFileSync(join(out, 'parquet', 'statements', 'part-00000.parquet'));
    const [fingerprint] = readdirSync(join(out, '.cache'));
    const cache = join(out, '.cache', fingerprint!);
    const [segment] = readdirSync(join(cache, 'segments'));
    const cutShort = (path: string) => writeFileSync(path, readFileSync(path).subarray(0, 100));

    expect((await run()).cache).toEqual({ hits: 5, misses: 0, segments: { hits: 1, misses: 0 } });
    // a Parquet part cut short: the segment is built again, from its articles' cached outputs
    cutShort(join(cache, 'segments', segment!, 'statements.parquet'));
    expect((await run()).cache).toEqual({ hits: 5, misses: 0, segments: { hits: 0, misses: 1 } });
    expect(readFileSync(join(out, 'parquet', 'statements', 'part-00000.parquet'))).toEqual(parquetBefore);
    // the segment entry cut short, and the pack of its articles' entries cut inside the last one: that article is processed again
    cutShort(join(cache, 'segments', segment!, 'entry'));
    const index = JSON.parse(readFileSync(join(cache, 'segments', segment!, 'index.json'), 'utf8')) as [string, number, number][];
    expect(index).toHaveLength(5);
    const pack = join(cache, 'segments', segment!, 'articles');
    writeFileSync(pack, readFileSync(pack).subarray(0, index.at(-1)![1] + 10));
    expect((await run()).cache).toEqual({ hits: 4, misses: 1, segments: { hits: 0, misses: 1 } });
    expect(readFileSync(join(out, 'parquet', 'statements', 'part-00000.parquet'))).toEqual(parquetBefore);
    const cold = join(dir, 'cold');
    await runReport({ corpus: join(dir, 'corpus'), out: cold, charts: false, cache: false });
    expect(tables(out)).toEqual(tables(cold));
  });

  it('works with worker threads too', async () => {
    const dir = seedsCopy();
    const out = join(dir, 'out');
    await runReport({ corpus: join(dir, 'corpus'), out, charts: false, parquet: false, workers: 2 });
    writeFileSync(join(dir, 'corpus', 'new.txt'), NEW_ARTICLE);
    const second = await runReport({ corpus: join(dir, 'corpus'), out, charts: false, parquet: false, workers: 2 });
    expect(second.cache).toEqual({ hits: 5, misses: 1, segments: { hits: 0, misses: 1 } });
    const cold = join(dir, 'cold');
    await runReport({ corpus: join(dir, 'corpus'), out: cold, charts: false, parquet: false, cache: false });
    expect(tables(out)).toEqual(tables(cold));
  });

  it('re-runs a corpus of many segments by copying every segment but the one an article was added to', async () => {
    // 700 short articles in files, seed sentences recombined: several segments (about 1 input in 256 ends one)
    const seedSentences = NEW_ARTICLE.split('\n\n').concat(
      'China vowed Wednesday it would not accept "criticism or pressure" over its ties with Russia.',
      'Chinese foreign ministry spokesperson Mao Ning said, "China and Russia have the right to engage in normal economic and trade cooperation."',
    );
    const dir = mkdtempSync(join(tmpdir(), 'srkit-cache-'));
    const corpus = join(dir, 'corpus');
    mkdirSync(corpus);
    for (let i = 0; i < 700; i++) writeFileSync(join(corpus, `a${String(i).padStart(4, '0')}.txt`), `${seedSentences[i % 4]} (${i})\n\n${seedSentences[(i * 7) % 4]}`);
    // inputs that warn or are skipped, in different segments
    writeFileSync(join(corpus, 'a0100.txt'), 'Wang Wenbin said, "China opposes sanctions and will not back down');
    writeFileSync(join(corpus, 'a0500.txt'), ' \n\n ');
    // (UTF-8 with a Windows-1252 quote pasted in: refused whatever the encoding)
    writeFileSync(join(corpus, 'a0600.txt'), Buffer.concat([Buffer.from('China’s answer: '), Buffer.from('\x93no\x94.', 'latin1')]));
    const out = join(dir, 'out');
    const cold = await runReport({ corpus, out, charts: false, workers: 2 });
    const segments = cold.cache!.segments.misses;
    expect(segments).toBe(6);
    expect(cold.parquet.find((t) => t.name === 'statements')).toMatchObject({ file: 'parquet/statements', parts: segments });

    writeFileSync(join(corpus, 'a0350-added.txt'), NEW_ARTICLE);
    const again = await runReport({ corpus, out, charts: false });
    expect(again.cache).toEqual({ hits: 698, misses: 1, segments: { hits: segments - 1, misses: 1 } });
    expect(again.articles).toBe(699);

    const fresh = join(dir, 'fresh');
    const uncached = await runReport({ corpus, out: fresh, charts: false, cache: false });
    expect(tables(out)).toEqual(tables(fresh));
    // what was read, skipped and warned of, in the same order, whether from the cache or not
    const listed = (r: RunSummary) => ({ read: r.read, skipped: r.skipped, warnings: r.warnings.map((w) => `${w.file} ${w.code}`) });
    expect(listed(again)).toEqual(listed(uncached));
    expect(listed(again).skipped.map((x) => x.file)).toEqual(['a0500.txt', 'a0600.txt']);
    expect(listed(again).warnings).toContain('a0100.txt unbalanced-quote');
    const allCached = await runReport({ corpus, out, charts: false, workers: 2 });
    expect(allCached.cache).toEqual({ hits: 699, misses: 0, segments: { hits: segments, misses: 0 } });
    expect(listed(allCached)).toEqual(listed(uncached));
    const parts = (o: string) => readdirSync(join(o, 'parquet', 'mentions')).map((f) => readFileSync(join(o, 'parquet', 'mentions', f)));
    expect(parts(out)).toEqual(parts(fresh));
    // only this run's segments and articles are kept
    const [fingerprint] = readdirSync(join(out, '.cache'));
    expect(readdirSync(join(out, '.cache', fingerprint!, 'segments'))).toHaveLength(segments);
  });
});

describe('cache entries', () => {
  it('hold their JSON in ASCII (escapes for the rest) and give back the same strings', () => {
    const text = 'Lavrov: “No limits” — Zhōu 😀, lone \ud800 surrogate';
    // (The CSV bytes are UTF-8, where a lone surrogate cannot be: they get the text without it.)
    const csv = `a1,"${text.replace('\ud800', '')}"\n`;
    const output = { article_id: 'a1', speaker: text, tables: { statements: { rows: 1, csv: Buffer.from(csv) } } };
    const stored = encodeEntry(output);
    const entry = brotliDecompressSync(stored.subarray(4 + 4)); // size, CRC-32, then the compressed entry
    const json = entry.subarray(4, 4 + entry.readUInt32LE(0));
    expect(json.every((byte) => byte < 0x80)).toBe(true);
    expect(json.toString('latin1')).toContain('\\u201cNo limits\\u201d');
    const back = decodeEntry<typeof output>(stored);
    expect(back.speaker).toBe(text);
    expect(back.tables.statements.csv.toString()).toBe(csv);
  });

  it("compresses an input's entry with Brotli and a segment's with raw DEFLATE, each read back only its own way", () => {
    const output = { note: 'Wang Yi said the ties were "rock solid"', tables: { statements: { rows: 1, csv: Buffer.from('a1,rock solid\n') } } };
    const input = encodeEntry(output);
    const segment = encodeEntry(output, 'segment');
    expect(brotliDecompressSync(input.subarray(8)).subarray(4, 4 + brotliDecompressSync(input.subarray(8)).readUInt32LE(0)).toString()).toContain('rock solid');
    expect(inflateRawSync(segment.subarray(8)).toString()).toContain('rock solid');
    expect(decodeEntry<typeof output>(segment, 'segment').note).toBe(output.note);
    expect(decodeEntry<typeof output>(input).tables.statements.csv.toString()).toBe('a1,rock solid\n');
    expect(() => decodeEntry(segment, 'input')).toThrow();
    expect(() => decodeEntry(input, 'segment')).toThrow();
  });

  it('refuses an entry whose bytes were changed', () => {
    const stored = encodeEntry({ tables: {} as Record<string, { rows: number; csv: Buffer }>, note: 'ok' });
    stored[4] = stored[4]! ^ 0xff;
    expect(() => decodeEntry(stored)).toThrow('cache entry: checksum mismatch');
  });

  it('escapes the non-ASCII characters only, as JSON reads back', () => {
    expect(JSON.parse(Buffer.from(asciiJson({ s: 'é' })).toString('utf8'))).toEqual({ s: 'é' });
    expect(asciiJson({ s: 'é' })).toBe('{"s":"\\u00e9"}');
    expect(asciiJson({ s: 'Wang Yi, "no limits"' })).toBe(JSON.stringify({ s: 'Wang Yi, "no limits"' }));
  });
});
