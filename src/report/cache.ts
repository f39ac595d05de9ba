/**
 * The report's cache: re-running the report on a corpus that gained a few
 * articles cleans and annotates only those. What the report writes of each
 * article (its CSV lines, Parquet columns, tallies and warnings: an
 * `ArticleOutput`) is stored under OUT/.cache/FINGERPRINT/, keyed by a hash of the
 * input as read (raw text, file, line and metadata, manifest row), so a hit skips
 * cleaning too. The fingerprint covers the kit's version, the content of every
 * data file the kit reads (registry, matching rules, cue lexicon, codebook,
 * cleaning rules, the user's own files) and the output options, so changing any
 * of them starts a fresh cache and the old one is deleted.
 */
import { createHash } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { CorpusInput } from '../corpus/read';
import { KIT_VERSION, PACKAGE_ROOT } from '../data';
import type { PipelineOptions } from '../pipeline';
import type { ArticleOutput, OutputOptions, TableChunk } from './article-output';

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

type Input = Extract<CorpusInput, { kind: 'input' }>;

export class OutputCache {
  hits = 0;
  misses = 0;

  private constructor(readonly dir: string) {}

  /** Opens OUT/.cache/FINGERPRINT, deleting caches made under other fingerprints. */
  static open(out: string, fingerprint: string): OutputCache {
    const root = join(out, '.cache');
    if (existsSync(root)) for (const old of readdirSync(root)) if (old !== fingerprint) rmSync(join(root, old), { recursive: true, force: true });
    const dir = join(root, fingerprint);
    mkdirSync(dir, { recursive: true });
    return new OutputCache(dir);
  }

  private path({ raw, entry }: Input): string {
    const captions = raw.captionLines ? [...raw.captionLines].sort((a, b) => a - b).join(' ') : '';
    const fields = [raw.article_id, raw.file, raw.line, raw.title, raw.outlet, raw.url, raw.published, captions, entry?.title, entry?.outlet, entry?.url, entry?.published, raw.text];
    const key = createHash('sha256')
      .update(fields.map((f) => f ?? '').join('\u0000'))
      .digest('hex');
    return join(this.dir, key.slice(0, 2), key.slice(2, 40));
  }

  get(input: Input): ArticleOutput | undefined {
    try {
      const found = decodeEntry(readFileSync(this.path(input)));
      this.hits++;
      return found;
    } catch {
      this.misses++; // not cached yet, or a torn write: process again
      return undefined;
    }
  }

  put(input: Input, output: ArticleOutput): void {
    const path = this.path(input);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, encodeEntry(output));
  }
}

/**
 * A cache entry, deflated (raw DEFLATE, level 3: about a fifth of the size, and a
 * re-run reads 10,000 of them): a 4-byte length, the output as JSON without its CSV
 * lines, then the CSV bytes of each table in the JSON's table order, so a hit hands
 * those bytes to the files without decoding or parsing them.
 */
function encodeEntry(output: ArticleOutput): Buffer {
  const tables = Object.fromEntries(Object.entries(output.tables).map(([name, { csv, ...rest }]) => [name, { ...rest, bytes: csv.byteLength }]));
  const json = Buffer.from(JSON.stringify({ ...output, tables }));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  return deflateRawSync(Buffer.concat([length, json, ...Object.values(output.tables).map((t) => t.csv)]), { level: 3 });
}

function decodeEntry(deflated: Buffer): ArticleOutput {
  const entry = inflateRawSync(deflated);
  const jsonEnd = 4 + entry.readUInt32LE(0);
  const output = JSON.parse(entry.toString('utf8', 4, jsonEnd)) as Omit<ArticleOutput, 'tables'> & { tables: Record<string, Omit<TableChunk, 'csv'> & { bytes: number }> };
  let at = jsonEnd;
  const tables: Record<string, TableChunk> = {};
  for (const [name, { bytes, ...rest }] of Object.entries(output.tables)) {
    tables[name] = { ...rest, csv: entry.subarray(at, at + bytes) };
    at += bytes;
  }
  if (at !== entry.length) throw new Error('cache entry: wrong length');
  return { ...output, tables };
}
