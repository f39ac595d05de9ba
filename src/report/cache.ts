/**
 * The report's cache: re-running the report on a corpus that gained a few
 * articles cleans and annotates only those, and rebuilds only the segments
 * (segments.ts) they fall in. Under OUT/.cache/FINGERPRINT/ it keeps:
 * - each input's output (`ArticleOutput`: CSV lines, Parquet columns, tallies,
 *   warnings), keyed by `inputKey`, so a hit skips cleaning too;
 * - each segment's output (`SegmentOutput`: its CSV bytes, its stages' aggregates,
 *   warnings) and its Parquet parts, in segments/KEY/, so an unchanged segment is
 *   written without reading its articles' outputs.
 * The fingerprint covers the kit's version, the content of every data file the
 * kit reads (registry, matching rules, cue lexicon, codebook, cleaning rules, the
 * user's own files) and the output options, so changing any of them starts a fresh
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

const DATA_EXTENSIONS = new Set(['.yaml', '.yml', '.json', '.txt', '.dic']);

function dataFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((e) => (e.isDirectory() ? dataFiles(join(dir, e.name)) : DATA_EXTENSIONS.has(extname(e.name)) ? [join(dir, e.name)] : []));
}

/** A short hash of everything that decides an article's output besides its input. */
export function pipelineFingerprint(options: Pick<PipelineOptions, 'actors' | 'codebook' | 'cues'>, output: OutputOptions): string {
  const hash = createHash('sha256').update(`kit ${KIT_VERSION}\nformula guard ${output.formulaGuard}\nparquet ${output.parquet}\n`);
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

export class OutputCache {
  /** Folders of article entries made (or found) so far. */
  private readonly buckets = new Set<string>();
  /** Articles whose output came from the cache, or was computed. */
  hits = 0;
  misses = 0;
  /** Segments served whole from the cache, or built again. */
  readonly segments = { hits: 0, misses: 0 };
  /** Keys of the inputs and segments this run used: the rest is deleted by `prune`. */
  private readonly used = new Set<string>();

  private constructor(readonly dir: string) {}

  /** Opens OUT/.cache/FINGERPRINT, deleting caches made under other fingerprints. */
  static open(out: string, fingerprint: string): OutputCache {
    const root = join(out, '.cache');
    if (existsSync(root)) for (const old of readdirSync(root)) if (old !== fingerprint) rmSync(join(root, old), { recursive: true, force: true });
    const dir = join(root, fingerprint);
    mkdirSync(join(dir, SEGMENTS), { recursive: true });
    return new OutputCache(dir);
  }

  private articlePath(key: string): string {
    return join(this.dir, key.slice(0, 2), key.slice(2, 40));
  }

  private segmentDir(key: string): string {
    return join(this.dir, SEGMENTS, key.slice(0, 40));
  }

  /** The output of the input with this `inputKey`, if cached. */
  get(key: string): ArticleOutput | undefined {
    this.used.add(key.slice(0, 40));
    try {
      const found = decodeEntry<ArticleOutput>(readFileSync(this.articlePath(key)));
      this.hits++;
      return found;
    } catch {
      this.misses++; // not cached yet, or a torn write: process again
      return undefined;
    }
  }

  put(key: string, output: ArticleOutput): void {
    const bucket = key.slice(0, 2);
    // Making folders is slow on some file systems: each bucket once a run.
    if (!this.buckets.has(bucket)) {
      mkdirSync(join(this.dir, bucket), { recursive: true });
      this.buckets.add(bucket);
    }
    writeFileSync(this.articlePath(key), encodeEntry(output));
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
    for (const item of segment.items) if (item.key) this.used.add(item.key.slice(0, 40));
    this.hits += found.files.length;
    this.segments.hits++;
    return found;
  }

  /** Stores a segment's output and copies its Parquet parts (written to `parts`, by table) into the cache. */
  putSegment(key: string, output: Omit<SegmentOutput, 'partBytes'>, parts: Record<string, string>): void {
    const dir = this.segmentDir(key);
    mkdirSync(dir, { recursive: true });
    const partBytes: Record<string, number> = {};
    for (const [table, path] of Object.entries(parts)) {
      copyFileSync(path, join(dir, `${table}.parquet`), constants.COPYFILE_FICLONE);
      partBytes[table] = statSync(path).size;
    }
    this.used.add(key.slice(0, 40));
    // The entry last: a segment whose parts were not all copied is never found.
    writeFileSync(join(dir, ENTRY), encodeEntry({ ...output, partBytes }));
  }

  /** Deletes the cached inputs and segments this run did not use (articles removed or edited since). */
  prune(): void {
    for (const name of readdirSync(this.dir)) {
      const dir = join(this.dir, name);
      if (name === SEGMENTS) {
        for (const key of readdirSync(dir)) if (!this.used.has(key)) rmSync(join(dir, key), { recursive: true, force: true });
        continue;
      }
      for (const rest of readdirSync(dir)) if (!this.used.has(name + rest)) rmSync(join(dir, rest), { force: true });
    }
  }
}

const SEGMENTS = 'segments';
const ENTRY = 'entry';

/**
 * A cache entry, deflated (raw DEFLATE, level 3: about a fifth of the size, and a
 * re-run may read many): a 4-byte length, the output as JSON without its CSV lines,
 * then the CSV bytes of each table in the JSON's table order, so a hit hands those
 * bytes to the files without decoding or parsing them.
 */
function encodeEntry<T extends { tables: Record<string, TableChunk> }>(output: T): Buffer {
  const tables = Object.fromEntries(Object.entries(output.tables).map(([name, { csv, ...rest }]) => [name, { ...rest, bytes: csv.byteLength }]));
  const json = Buffer.from(JSON.stringify({ ...output, tables }));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  return deflateRawSync(Buffer.concat([length, json, ...Object.values(output.tables).map((t) => t.csv)]), { level: 3 });
}

function decodeEntry<T extends { tables: Record<string, TableChunk> }>(deflated: Buffer): T {
  const entry = inflateRawSync(deflated);
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
