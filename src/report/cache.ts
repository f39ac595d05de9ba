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
 * the output options, so changing any of them starts a fresh
 * cache and the old one is deleted. After a run, entries the run did not use are
 * deleted (`prune`), so the cache holds the corpus as last read.
 */
import { createHash } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { constants, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { KIT_VERSION, PACKAGE_ROOT } from '../data';
import type { PipelineOptions } from '../pipeline';
import type { ArticleOutput, OutputOptions, TableChunk } from './article-output';
import type { Segment, SegmentOutput } from './segments';
import type { SkippedInput } from '../corpus/types';
import type { Warning } from '../logger';
import { CHART_CACHE } from './chart-cache';

const DATA_EXTENSIONS = new Set(['.yaml', '.yml', '.json', '.txt', '.dic']);

function dataFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((e) => (e.isDirectory() ? dataFiles(join(dir, e.name)) : DATA_EXTENSIONS.has(extname(e.name)) ? [join(dir, e.name)] : []));
}

/** Changes when the cache's files change form, so an older cache is not read. */
const CACHE_LAYOUT = 5;

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

/** Where an input's entry is: in the pack of segment `segment`, at `offset`, `length` bytes. */
type PackIndex = Map<string, { segment: string; offset: number; length: number }>;

/**
 * A segment's folder holds, written in this order:
 * - `articles`: its inputs' entries (`ArticleOutput`s) one after another, a pack,
 *   so a cold run writes one file a segment rather than one an article;
 * - `index.json`: [inputKey, offset, length] of each entry in the pack;
 * - `TABLE.parquet`: its Parquet parts;
 * - `entry`: its `SegmentOutput`, last, so a segment cut short is never found.
 */
const SEGMENTS = 'segments';
const PACK = 'articles';
const INDEX = 'index.json';
const ENTRY = 'entry';
/** No entry is this large (a segment is cut at 16 million characters of input): a larger size is a corrupt entry. */
const MAX_ENTRY_BYTES = 2 ** 30;

export class OutputCache {
  /** Articles whose output came from the cache, or was computed. */
  hits = 0;
  misses = 0;
  /** Segments served whole from the cache, or built again. */
  readonly segments = { hits: 0, misses: 0 };
  /** Segments this run used or wrote: the rest is deleted by `prune`. */
  private readonly used = new Set<string>();
  /** Every input's entry in the packs of earlier runs, read at the first lookup. */
  private index: PackIndex | undefined;
  /** The pack last read (a rebuilt segment takes its inputs from one or two). */
  private pack: { segment: string; bytes: Buffer } | undefined;

  private constructor(readonly dir: string) {}

  /** Opens OUT/.cache/FINGERPRINT, deleting caches made under other fingerprints. */
  static open(out: string, fingerprint: string): OutputCache {
    const root = join(out, '.cache');
    if (existsSync(root)) for (const old of readdirSync(root)) if (old !== fingerprint) rmSync(join(root, old), { recursive: true, force: true });
    const dir = join(root, fingerprint);
    mkdirSync(join(dir, SEGMENTS), { recursive: true });
    return new OutputCache(dir);
  }

  private segmentDir(key: string): string {
    return join(this.dir, SEGMENTS, key.slice(0, 40));
  }

  private readIndex(): PackIndex {
    const index: PackIndex = new Map();
    for (const segment of readdirSync(join(this.dir, SEGMENTS))) {
      try {
        const entries = JSON.parse(readFileSync(join(this.dir, SEGMENTS, segment, INDEX), 'utf8')) as [string, number, number][];
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
      if (this.pack?.segment !== at.segment) this.pack = { segment: at.segment, bytes: readFileSync(join(this.dir, SEGMENTS, at.segment, PACK)) };
      const entry = this.pack.bytes.subarray(at.offset, at.offset + at.length);
      const found = { output: decodeEntry<ArticleOutput>(entry), entry };
      this.hits++;
      return found;
    } catch {
      this.misses++; // not cached yet, or a torn write: process again
      return undefined;
    }
  }

  /** A whole segment, if cached with every Parquet part intact; its inputs count as hits. */
  getSegment(segment: Segment): CachedSegment | undefined {
    const dir = this.segmentDir(segment.key);
    let found: CachedSegment;
    try {
      const output = decodeEntry<SegmentOutput>(readFileSync(join(dir, ENTRY)));
      const parts = Object.fromEntries(Object.entries(output.partBytes).map(([table, bytes]) => [table, { path: join(dir, `${table}.parquet`), bytes }]));
      for (const part of Object.values(parts)) if (statSync(part.path, { throwIfNoEntry: false })?.size !== part.bytes) throw new Error('part cut short');
      found = { ...output, key: segment.key, parts };
    } catch {
      this.segments.misses++; // not cached, or cut short: its inputs are looked up one by one
      return undefined;
    }
    this.used.add(segment.key.slice(0, 40));
    this.hits += found.files.length;
    this.segments.hits++;
    return found;
  }

  /** Stores a segment: its inputs' entries, its Parquet parts (written to `parts`, by table) and its output. */
  putSegment(key: string, recorded: RecordedSegment, parts: Record<string, string>): void {
    const dir = this.segmentDir(key);
    mkdirSync(dir, { recursive: true });
    let offset = 0;
    const index = recorded.entries.map(([inputKey, entry]) => [inputKey, (offset += entry.length) - entry.length, entry.length]);
    writeFileSync(join(dir, PACK), Buffer.concat(recorded.entries.map(([, entry]) => entry)));
    writeFileSync(join(dir, INDEX), JSON.stringify(index));
    const partBytes: Record<string, number> = {};
    for (const [table, path] of Object.entries(parts)) {
      copyFileSync(path, join(dir, `${table}.parquet`), constants.COPYFILE_FICLONE);
      partBytes[table] = statSync(path).size;
    }
    this.used.add(key.slice(0, 40));
    writeFileSync(join(dir, ENTRY), encodeEntry({ ...recorded.output, partBytes }));
  }

  /** Deletes the segments this run did not use (their articles were removed or edited, or are in a rebuilt segment now). */
  prune(): void {
    for (const name of readdirSync(this.dir)) {
      // anything but segments and charts (chart-cache.ts prunes those) is left from another layout of the cache
      if (name !== SEGMENTS && name !== CHART_CACHE) rmSync(join(this.dir, name), { recursive: true, force: true });
    }
    for (const key of readdirSync(join(this.dir, SEGMENTS))) if (!this.used.has(key)) rmSync(join(this.dir, SEGMENTS, key), { recursive: true, force: true });
  }
}

/** What the cache keeps of a segment built in this run. */
export interface RecordedSegment {
  output: Omit<SegmentOutput, 'partBytes'>;
  /** [inputKey, entry] of each article. */
  entries: [string, Buffer][];
}

/** Collects a segment's outcomes as they are written, for the cache. */
export class SegmentRecorder {
  private files: string[] = [];
  private skipped: SkippedInput[] = [];
  private chunks = new Map<string, { rows: number; csv: Uint8Array[] }>();
  private warnings: Warning[] = [];
  private entries: [string, Buffer][] = [];

  /** An article: its output, and its entry when it came from the cache (else it is encoded here). */
  article(key: string, output: ArticleOutput, warnings: readonly Warning[], entry?: Buffer): void {
    this.files.push(output.file);
    for (const [name, { rows, csv }] of Object.entries(output.tables)) {
      let chunk = this.chunks.get(name);
      if (!chunk) this.chunks.set(name, (chunk = { rows: 0, csv: [] }));
      chunk.rows += rows;
      chunk.csv.push(csv);
    }
    this.warnings.push(...warnings);
    this.entries.push([key.slice(0, 40), entry ?? encodeEntry(output)]);
  }

  skip(skipped: SkippedInput, warnings: readonly Warning[]): void {
    this.skipped.push(skipped);
    this.warnings.push(...warnings);
  }

  /** The segment recorded so far, with its aggregates; the recorder starts again empty. */
  finish(aggregates: Record<string, unknown>): RecordedSegment {
    const tables = Object.fromEntries([...this.chunks].map(([name, { rows, csv }]) => [name, { rows, csv: Buffer.concat(csv) }]));
    const recorded = { output: { files: this.files, skipped: this.skipped, tables, aggregates, warnings: this.warnings }, entries: this.entries };
    [this.files, this.skipped, this.chunks, this.warnings, this.entries] = [[], [], new Map(), [], []];
    return recorded;
  }
}

/**
 * A cache entry: its size, then deflated (raw DEFLATE, level 3: about a fifth of the
 * size, and a re-run may read many): a 4-byte length, the output as JSON without its CSV lines,
 * then the CSV bytes of each table in the JSON's table order, so a hit hands those
 * bytes to the files without decoding or parsing them.
 */
function encodeEntry<T extends { tables: Record<string, TableChunk> }>(output: T): Buffer {
  const tables = Object.fromEntries(Object.entries(output.tables).map(([name, { csv, ...rest }]) => [name, { ...rest, bytes: csv.byteLength }]));
  const json = Buffer.from(JSON.stringify({ ...output, tables }));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  const raw = Buffer.concat([length, json, ...Object.values(output.tables).map((t) => t.csv)]);
  const size = Buffer.alloc(4);
  size.writeUInt32LE(raw.length);
  // The size first: inflating into one buffer of the right size is twice as fast as into 16 KB chunks.
  return Buffer.concat([size, deflateRawSync(raw, { level: 3 })]);
}

function decodeEntry<T extends { tables: Record<string, TableChunk> }>(stored: Buffer): T {
  const size = stored.readUInt32LE(0);
  if (size > MAX_ENTRY_BYTES) throw new Error('cache entry: implausible size');
  const entry = inflateRawSync(stored.subarray(4), { chunkSize: Math.max(size, 64) });
  const jsonEnd = 4 + entry.readUInt32LE(0);
  const output = JSON.parse(entry.toString('utf8', 4, jsonEnd)) as Omit<T, 'tables'> & { tables: Record<string, Omit<TableChunk, 'csv'> & { bytes: number }> };
  let at = jsonEnd;
  const tables: Record<string, TableChunk> = {};
  for (const [name, { bytes, ...rest }] of Object.entries(output.tables)) {
    tables[name] = { ...rest, csv: entry.subarray(at, at + bytes) };
    at += bytes;
  }
  if (at !== entry.length) throw new Error('cache entry: wrong length');
  return { ...output, tables } as unknown as T;
}
