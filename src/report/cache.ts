/**
 * The report's cache: re-running the report on a corpus that gained a few
 * articles cleans and annotates only those, and rebuilds only the segments
 * (segments.ts) they fall in. Under OUT/.cache/FINGERPRINT/ it keeps:
 * - each input's output (`ArticleOutput`: CSV lines, Parquet columns, tallies,
 *   warnings), keyed by `inputKey`, so a hit skips cleaning too;
 * - each segment's output (`SegmentOutput`: its CSV bytes, its stages' aggregates,
 *   warnings) and its Parquet parts, in segments/KEY/, so an unchanged segment is
 *   written without reading its articles' outputs;
 * - the charts drawn, in charts/KEY/ (chart-cache.ts), so an unchanged chart is copied.
 * The fingerprint covers the kit's version, the content of every data file the
 * kit reads (registry, matching rules, cue lexicon, codebook, cleaning rules, the
 * user's own files), the versions of the data packages (tagger model, states) and
 * the output options, so changing any of them starts a fresh cache.
 * A run reads the cache of the previous run (OUT/.cache) and writes its own into its
 * staged output (see output-folder.ts): the segments it rebuilds, and hard links to
 * the files of the segments it reused, so the previous cache stays whole until the
 * new run is swapped in, and the new one holds only the corpus as last read.
 * Every entry is checked against its CRC-32 and every Parquet part against its
 * SHA-256: one changed on disk is built again, with a warning.
 */
import { createHash, webcrypto } from 'node:crypto';
import { brotliCompressSync, brotliDecompressSync, constants as zlibConstants, crc32, deflateRawSync, inflateRaw, inflateRawSync } from 'node:zlib';
import { constants, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { extname, join } from 'node:path';
import { KIT_VERSION, PACKAGE_ROOT } from '../data';
import type { PipelineOptions } from '../pipeline';
import type { ArticleOutput, OutputOptions, TableChunk } from './article-output';
import type { Segment, SegmentOutput } from './segments';
import type { Logger } from '../logger';
import { reportMessages } from '../messages';
import { linkFiles } from './link-files';

const DATA_EXTENSIONS = new Set(['.yaml', '.yml', '.json', '.txt', '.dic']);

function dataFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((e) => (e.isDirectory() ? dataFiles(join(dir, e.name)) : DATA_EXTENSIONS.has(extname(e.name)) ? [join(dir, e.name)] : []));
}

/** Changes when the cache's files change form, so an older cache is not read. */
// 6: the statements stage's segment state holds the explorer's rows (issue 17).
// 7: the actors stage's tallies and segment state hold the co-occurrence samples' texts and rows (issue 17).
// 8: the explorer's and the co-occurrence samples' segment states hold each row (text) once, marks by index.
// 9: entries carry a CRC-32 (was a SHA-256) and their JSON in ASCII.
// 10: inputs' entries are Brotli (quality 1), not raw DEFLATE.
// 11: the CRC-32 is of the entry as stored (its size and compressed bytes), checked before decompressing.
const CACHE_LAYOUT = 11;

/** Packages whose data or model decide an article's output: the tagger and its model, the states' data. */
const DATA_PACKAGES = ['wink-nlp', 'wink-eng-lite-web-model', 'world-countries'];

const packageVersion = (name: string): string => (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;

/** A short hash of everything that decides an article's output besides its input. */
export function pipelineFingerprint(options: Pick<PipelineOptions, 'actors' | 'codebook' | 'cues'>, output: OutputOptions): string {
  const hash = createHash('sha256').update(`kit ${KIT_VERSION}\ncache layout ${CACHE_LAYOUT}\nformula guard ${output.formulaGuard}\nparquet ${output.parquet}\n`);
  for (const name of DATA_PACKAGES) hash.update(`${name} ${packageVersion(name)}\n`);
  const files = [...dataFiles(join(PACKAGE_ROOT, 'src')), ...(options.actors ?? []), ...(options.codebook ? [options.codebook] : []), ...(options.cues ? [options.cues] : [])];
  for (const file of files) hash.update(`${file.startsWith(PACKAGE_ROOT) ? file.slice(PACKAGE_ROOT.length) : file}\n`).update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

/** Where a cached segment's Parquet part of `table` is, and its size when stored. */
export interface CachedPart {
  path: string;
  bytes: number;
}

/** A segment served from the cache: its output, and its Parquet parts by table. */
export interface CachedSegment extends SegmentOutput {
  key: string;
  parts: Record<string, CachedPart>;
}

/** An input's output found in the cache, and its entry as stored (copied as it is into a rebuilt segment's pack). */
export interface CachedArticle {
  output: ArticleOutput;
  entry: Buffer;
}

/** A segment as `OutputCache.loadSegment` read it: whole, or not, and why when a part changed on disk. */
export interface LoadedSegment {
  key: string;
  found?: CachedSegment;
  changed?: { file: string; part: string };
}

/** Where an input's entry is: in the pack of segment `segment`, at `offset`, `length` bytes. */
type PackIndex = Map<string, { segment: string; offset: number; length: number }>;

/**
 * A segment's folder holds, written in this order:
 * - `articles`: its inputs' entries (`ArticleOutput`s) one after another, a pack,
 *   so a cold run writes one file a segment rather than one an article;
 * - `index.json`: [inputKey, offset, length] of each entry in the pack;
 * - `TABLE.parquet`: its Parquet parts;
 * - `entry`: its `SegmentOutput` (with each part's size and SHA-256), last, so a
 *   segment cut short is never found.
 */
const SEGMENTS = 'segments';
const PACK = 'articles';
const INDEX = 'index.json';
const ENTRY = 'entry';
/** No entry is this large (a segment is cut at 16 million characters of input): a larger size is a corrupt entry. */
const MAX_ENTRY_BYTES = 2 ** 30;

/** A segment's folder in the cache folder `root`. */
const segmentDir = (root: string, key: string): string => join(root, SEGMENTS, key.slice(0, 40));

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
/** The same digest on libuv's threads (Web Crypto). */
const sha256Async = async (bytes: Uint8Array): Promise<string> => Buffer.from(await webcrypto.subtle.digest('SHA-256', bytes)).toString('hex');

export class OutputCache {
  /** Articles whose output came from the cache, or was computed. */
  hits = 0;
  misses = 0;
  /** Segments served whole from the cache, or built again. */
  readonly segments = { hits: 0, misses: 0 };
  /** Every input's entry in the packs of earlier runs, read at the first lookup. */
  private index: PackIndex | undefined;
  /** The pack last read (a rebuilt segment takes its inputs from one or two). */
  private pack: { segment: string; bytes: Buffer } | undefined;

  private constructor(
    /** The previous run's cache (read only). */
    readonly from: string,
    /** This run's cache, in its staged output. */
    readonly dir: string,
    private readonly logger?: Logger,
  ) {}

  /**
   * Opens the cache of the previous run in PREVIOUS/.cache/FINGERPRINT for reading and
   * this run's in STAGE/.cache/FINGERPRINT for writing (a cache of another fingerprint is
   * not read, and goes with the previous output when the new one is swapped in).
   */
  static open(previous: string, stage: string, fingerprint: string, logger?: Logger): OutputCache {
    const dir = join(stage, '.cache', fingerprint);
    mkdirSync(join(dir, SEGMENTS), { recursive: true });
    return new OutputCache(join(previous, '.cache', fingerprint), dir, logger);
  }

  private readIndex(): PackIndex {
    const index: PackIndex = new Map();
    const segments = join(this.from, SEGMENTS);
    for (const segment of existsSync(segments) ? readdirSync(segments) : []) {
      try {
        const entries = JSON.parse(readFileSync(join(segments, segment, INDEX), 'utf8')) as [string, number, number][];
        for (const [key, offset, length] of entries) index.set(key, { segment, offset, length });
      } catch {
        // no index (a segment cut short): its inputs are processed again
      }
    }
    return index;
  }

  /** The output of the input with this `inputKey`, if an earlier run stored it. */
  get(key: string): CachedArticle | undefined {
    const at = (this.index ??= this.readIndex()).get(key.slice(0, 40));
    try {
      if (!at) throw new Error('not cached');
      if (this.pack?.segment !== at.segment) this.pack = { segment: at.segment, bytes: readFileSync(join(this.from, SEGMENTS, at.segment, PACK)) };
      const entry = this.pack.bytes.subarray(at.offset, at.offset + at.length);
      const found = { output: decodeEntry<ArticleOutput>(entry), entry };
      this.hits++;
      return found;
    } catch {
      this.misses++; // not cached yet, or a torn write or a changed byte: process again
      return undefined;
    }
  }

  /**
   * Reads a whole segment, if cached with every Parquet part intact, without holding up
   * this thread: the files are read, decompressed and hashed on libuv's threads, so a
   * re-run decodes the next segment while it writes this one. Nothing is counted or
   * logged until the segment is taken (`takeSegment`), in input order.
   */
  async loadSegment(segment: Segment): Promise<LoadedSegment> {
    const dir = segmentDir(this.from, segment.key);
    try {
      const output = await decodeEntryAsync<SegmentOutput>(await readFile(join(dir, ENTRY)), 'segment');
      const parts: Record<string, CachedPart> = {};
      for (const [table, bytes] of Object.entries(output.partBytes)) {
        const path = join(dir, `${table}.parquet`);
        const stored = await readFile(path);
        if (stored.length !== bytes) return { key: segment.key }; // cut short
        if ((await sha256Async(stored)) !== output.partSha256[table]) return { key: segment.key, changed: { file: path, part: `${table}.parquet` } };
        parts[table] = { path, bytes };
      }
      return { key: segment.key, found: { ...output, key: segment.key, parts } };
    } catch {
      return { key: segment.key }; // not cached, or a torn or changed entry
    }
  }

  /**
   * A segment loaded by `loadSegment`, when found whole: its inputs count as hits, and its
   * files join this run's cache. Otherwise undefined (a changed part logged), and its
   * inputs are looked up one by one.
   */
  takeSegment(loaded: LoadedSegment): CachedSegment | undefined {
    const { found, changed } = loaded;
    if (changed) this.logger?.warn({ code: 'cache', file: changed.file, message: reportMessages.cacheChecksum(loaded.key.slice(0, 12), changed.part) });
    if (!found) {
      this.segments.misses++;
      return undefined;
    }
    this.keep(segmentDir(this.from, found.key), segmentDir(this.dir, found.key));
    this.hits += found.files.length;
    this.segments.hits++;
    return found;
  }

  /** Puts a reused segment's files into this run's cache: hard links (no copy), or copies where links are not allowed. */
  private keep(from: string, to: string): void {
    if (existsSync(to)) return; // the same segment twice in one corpus
    // the entry last, as storeSegment writes it: a segment cut short is never found
    linkFiles(from, to, ENTRY);
  }
}

/**
 * Stores a segment built in this run in the cache folder `cacheDir` (`OutputCache.dir`):
 * its inputs' entries, its Parquet parts (written to `parts`, by table), and its output
 * last. Runs wherever the segment was built (a worker, with workers).
 */
export function storeSegment(cacheDir: string, key: string, recorded: RecordedSegment, parts: Record<string, string>): void {
  const dir = segmentDir(cacheDir, key);
  mkdirSync(dir, { recursive: true });
  let offset = 0;
  const index = recorded.entries.map(([inputKey, entry]) => [inputKey, (offset += entry.length) - entry.length, entry.length]);
  writeFileSync(join(dir, PACK), Buffer.concat(recorded.entries.map(([, entry]) => entry)));
  writeFileSync(join(dir, INDEX), JSON.stringify(index));
  const partBytes: Record<string, number> = {};
  const partSha256: Record<string, string> = {};
  for (const [table, path] of Object.entries(parts)) {
    const stored = join(dir, `${table}.parquet`);
    copyFileSync(path, stored, constants.COPYFILE_FICLONE);
    const bytes = readFileSync(stored);
    partBytes[table] = bytes.length;
    partSha256[table] = sha256(bytes);
  }
  writeFileSync(join(dir, ENTRY), encodeEntry({ ...recorded.output, partBytes, partSha256 }, 'segment'));
}

/** What the cache keeps of a segment built in this run. */
export interface RecordedSegment {
  output: Omit<SegmentOutput, 'partBytes' | 'partSha256'>;
  /** [inputKey, entry] of each article. */
  entries: [string, Uint8Array][];
}

/**
 * JSON with every non-ASCII character written as a \u escape (JSON.parse gives back the same
 * value). A few curly quotes among a segment's megabyte of states made the whole text a
 * two-byte string: read back, it decoded five times slower and parsed twice as slow,
 * and a re-run reads every segment's states.
 */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(NON_ASCII, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
const NON_ASCII = /[^\x00-\x7f]/g;

/**
 * A CRC-32 of the entry as stored (its size, then its compressed bytes), as zip keeps one:
 * it catches a damaged file before anything is decompressed, and costs a tenth of a
 * SHA-256 on every re-run.
 */
const CHECKSUM_BYTES = 4;
const entryChecksum = (size: Uint8Array, compressed: Uint8Array): number => crc32(compressed, crc32(size));

/**
 * How an entry is compressed, chosen by how it is used. An input's entry is written for
 * every article a cold run processes and read only when its segment is rebuilt: Brotli at
 * quality 1, which on the bench corpus's entries compressed twice as fast as raw DEFLATE
 * at level 3, to a slightly smaller size. A segment's entry is written once a segment
 * and read by every re-run, all of them: raw DEFLATE at level 3, which decompressed its
 * 290 MB at 10k a third faster than Brotli.
 */
export type EntryCodec = 'input' | 'segment';

const inflateRawAsync = promisify(inflateRaw);

/** Decompressing into one buffer of the entry's size is faster than into 16 KB chunks. */
const intoOne = (size: number) => ({ chunkSize: Math.max(size, 64) });

const compressors: Record<EntryCodec, { compress: (raw: Buffer) => Buffer; decompress: (stored: Buffer, size: number) => Buffer; decompressAsync?: (stored: Buffer, size: number) => Promise<Buffer> }> = {
  input: {
    compress: (raw) => brotliCompressSync(raw, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 1, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: raw.length } }),
    decompress: (stored, size) => brotliDecompressSync(stored, intoOne(size)),
  },
  segment: {
    compress: (raw) => deflateRawSync(raw, { level: 3 }),
    decompress: (stored, size) => inflateRawSync(stored, intoOne(size)),
    // on libuv's threads: a re-run inflates the next segment while this thread writes the last
    decompressAsync: (stored, size) => inflateRawAsync(stored, intoOne(size)),
  },
};

/**
 * A cache entry: its size, its CRC-32 (`entryChecksum`), then the content compressed
 * (see `EntryCodec`: about a fifth of the size, and a re-run may read many): a 4-byte
 * length, the output as JSON without its CSV lines, then the CSV bytes of each table in
 * the JSON's table order, so a hit hands those bytes to the files without decoding or
 * parsing them.
 */
export function encodeEntry<T extends { tables: Record<string, TableChunk> }>(output: T, codec: EntryCodec = 'input'): Buffer {
  const tables = Object.fromEntries(Object.entries(output.tables).map(([name, { csv, ...rest }]) => [name, { ...rest, bytes: csv.byteLength }]));
  const json = Buffer.from(asciiJson({ ...output, tables }), 'latin1');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  const raw = Buffer.concat([length, json, ...Object.values(output.tables).map((t) => t.csv)]);
  const size = Buffer.alloc(4);
  size.writeUInt32LE(raw.length);
  const compressed = compressors[codec].compress(raw);
  const checksum = Buffer.alloc(CHECKSUM_BYTES);
  checksum.writeUInt32LE(entryChecksum(size, compressed));
  return Buffer.concat([size, checksum, compressed]);
}

/** A stored entry's compressed bytes and content size, once its checksum holds. */
function checkedEntry(stored: Buffer): { compressed: Buffer; size: number } {
  if (stored.length < 4 + CHECKSUM_BYTES) throw new Error('cache entry: cut short');
  const size = stored.readUInt32LE(0);
  if (size > MAX_ENTRY_BYTES) throw new Error('cache entry: implausible size');
  const compressed = stored.subarray(4 + CHECKSUM_BYTES);
  if (entryChecksum(stored.subarray(0, 4), compressed) !== stored.readUInt32LE(4)) throw new Error('cache entry: checksum mismatch');
  return { compressed, size };
}

/** An entry's content, decompressed, as the output it holds. */
function parseEntry<T extends { tables: Record<string, TableChunk> }>(entry: Buffer): T {
  const jsonEnd = 4 + entry.readUInt32LE(0);
  // ASCII (asciiJson): read as Latin-1, a plain copy into a one-byte string.
  const output = JSON.parse(entry.toString('latin1', 4, jsonEnd)) as Omit<T, 'tables'> & { tables: Record<string, Omit<TableChunk, 'csv'> & { bytes: number }> };
  let at = jsonEnd;
  const tables: Record<string, TableChunk> = {};
  for (const [name, { bytes, ...rest }] of Object.entries(output.tables)) {
    tables[name] = { ...rest, csv: entry.subarray(at, at + bytes) };
    at += bytes;
  }
  if (at !== entry.length) throw new Error('cache entry: wrong length');
  return { ...output, tables } as unknown as T;
}

export function decodeEntry<T extends { tables: Record<string, TableChunk> }>(stored: Buffer, codec: EntryCodec = 'input'): T {
  const { compressed, size } = checkedEntry(stored);
  return parseEntry<T>(compressors[codec].decompress(compressed, size));
}

/** `decodeEntry`, decompressing on libuv's threads where the codec can. */
export async function decodeEntryAsync<T extends { tables: Record<string, TableChunk> }>(stored: Buffer, codec: EntryCodec = 'input'): Promise<T> {
  const { compressed, size } = checkedEntry(stored);
  const { decompress, decompressAsync } = compressors[codec];
  return parseEntry<T>(decompressAsync ? await decompressAsync(compressed, size) : decompress(compressed, size));
}
