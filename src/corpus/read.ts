import { closeSync, createReadStream, existsSync, lstatSync, openSync, readdirSync, readFileSync, readSync, realpathSync, statSync } from 'node:fs';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { createInterface } from 'node:readline';
import { parse as parseCsv } from 'csv-parse/sync';
import { KitError, checkOneOf } from '../errors';
import { Logger } from '../logger';
import { messages } from '../messages';
import { buildArticle, defaultCleaningRules, type ManifestEntry } from './article';
import { decodeBytes, decodeLine, ENCODINGS, unicodeBom, type Encoding, type TextEncoding } from './decode';
import { extractHtml } from './html';
import { isoDate } from './metadata';
import { stripControl } from './normalize';
import type { CleaningRule } from './rules';
import type { Article, RawArticle, SkippedInput } from './types';

export const SUPPORTED_EXTENSIONS = ['.txt', '.md', '.html', '.htm', '.jsonl'] as const;
export const MANIFEST_FILE = 'manifest.csv';

export interface ReadOptions {
  /**
   * Files that are not valid UTF-8 (valid UTF-8 is always read as UTF-8): "auto" (default)
   * detects their legacy encoding file by file, a legacy name ("windows-1251") reads them
   * all in it, "utf-8" refuses them.
   */
  encoding?: Encoding;
  /** Called with each file (and .jsonl line, as "file.jsonl:LINE") decoded, and the encoding it was read in. */
  onDecoded?: (file: string, encoding: TextEncoding) => void;
  /** Collects warnings (each naming file and line); one is made when absent. */
  logger?: Logger;
  /** Cleaning rules (default: the kit's `corpus/cleaning-rules.yaml`). */
  rules?: readonly CleaningRule[];
  /** Folders inside the corpus that are not part of it (the report's own output folder). */
  exclude?: readonly string[];
  /**
   * Largest input read, in bytes: a file (by its size, before it is read) or one .jsonl
   * line; a larger one is skipped with its reason. Default: no limit (the report sets one).
   */
  maxInputBytes?: number;
  /** Called before each input file is read (for progress bars). */
  onFile?: (file: string, index: number, total: number) => void;
}

export type CorpusItem = { kind: 'article'; article: Article } | { kind: 'skipped'; skipped: SkippedInput };

/** An input as read and decoded (HTML already extracted), before cleaning, with its manifest row. */
export type CorpusInput = { kind: 'input'; raw: RawArticle; entry?: ManifestEntry } | { kind: 'skipped'; skipped: SkippedInput };

/** Logs an input as skipped and returns its item. */
export function skipInput(logger: Logger, file: string, reason: string, line?: number): { kind: 'skipped'; skipped: SkippedInput } {
  logger.warn({ code: 'skipped', file, line, message: reason });
  return { kind: 'skipped', skipped: { file, line, reason } };
}

/** Cleans and segments one input read by `readCorpusInputs`; an input left with no text is skipped. */
export function buildInput(input: { raw: RawArticle; entry?: ManifestEntry }, logger: Logger, rules?: readonly CleaningRule[]): CorpusItem {
  const article = buildArticle(input.raw, input.entry, rules);
  return article ? { kind: 'article', article } : skipInput(logger, input.raw.file, messages.noText(), input.raw.line);
}

/** True when `path` is `root` or inside it. */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** How deep folders may nest below the corpus folder; deeper ones are skipped with their reason. */
export const MAX_FOLDER_DEPTH = 32;

/** A corpus walk: the files, and the folders that could not be read (too deep, a path too long, no permission). */
export interface CorpusListing {
  files: string[];
  folders: SkippedInput[];
}

/**
 * Every file below `dir`, as sorted corpus-relative paths with "/" separators, and
 * the folders skipped with their reason. `exclude` names folders and files (the
 * report's own output) that are not part of the corpus.
 */
export function walkCorpus(dir: string, exclude: readonly string[] = []): CorpusListing {
  const files: string[] = [];
  const folders: SkippedInput[] = [];
  const skip = new Set(exclude.map((p) => resolve(p)));
  const walk = (sub: string, depth: number) => {
    let entries;
    try {
      entries = readdirSync(join(dir, sub), { withFileTypes: true });
    } catch (e) {
      folders.push({ file: sub, reason: messages.folderUnreadable(errorCode(e)) });
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (skip.size > 0 && skip.has(resolve(dir, rel))) continue;
      if (!entry.isDirectory()) files.push(rel);
      else if (depth >= MAX_FOLDER_DEPTH) folders.push({ file: rel, reason: messages.folderTooDeep(MAX_FOLDER_DEPTH) });
      else walk(rel, depth + 1);
    }
  };
  walk('', 0);
  return { files, folders };
}

/** Every file below `dir`, as sorted corpus-relative paths with "/" separators. */
export function listFiles(dir: string, exclude: readonly string[] = []): string[] {
  return walkCorpus(dir, exclude).files;
}

/**
 * How many inputs a corpus folder holds, for progress bars: one per file, one per
 * line of a .jsonl file (newlines counted in chunks, never the whole file in memory).
 */
export function countInputs(dir: string, exclude: readonly string[] = []): number {
  const root = realpathSync(dir);
  let total = 0;
  const chunk = Buffer.alloc(1 << 20);
  for (const rel of listFiles(root, exclude)) {
    if (rel === MANIFEST_FILE) continue;
    if (extname(rel).toLowerCase() !== '.jsonl') {
      total++;
      continue;
    }
    let fd: number | undefined;
    try {
      fd = openSync(join(root, rel), 'r');
      let lines = 0;
      let last = 0x0a;
      for (let n = readSync(fd, chunk); n > 0; n = readSync(fd, chunk)) {
        for (let i = chunk.indexOf(0x0a); i >= 0 && i < n; i = chunk.indexOf(0x0a, i + 1)) lines++;
        last = chunk[n - 1]!;
      }
      total += Math.max(1, lines + (last === 0x0a ? 0 : 1));
    } catch {
      total++; // unreadable: it will be one skipped input
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }
  return total;
}

interface Manifest {
  entries: Map<string, ManifestEntry>;
  skipped: SkippedInput[];
  /** The encoding manifest.csv was read in, when it was. */
  encoding?: TextEncoding;
}

/** Reads manifest.csv: metadata by file name. Rows naming missing files or paths outside the folder are refused. */
export function readManifest(dir: string, logger: Logger, encoding: Encoding = 'auto'): Manifest {
  const entries = new Map<string, ManifestEntry>();
  const skipped: SkippedInput[] = [];
  const path = join(dir, MANIFEST_FILE);
  if (!existsSync(path)) return { entries, skipped };
  const refuse = (line: number | undefined, reason: string) => {
    skipped.push({ file: MANIFEST_FILE, line, reason });
    logger.warn({ code: 'manifest', file: MANIFEST_FILE, line, message: reason });
  };
  // A manifest linked from outside the corpus folder is refused like any such link.
  if (lstatSync(path).isSymbolicLink() && !isInside(realpathSync(dir), realpathSync(path))) {
    refuse(undefined, messages.manifestLinkOutside());
    return { entries, skipped };
  }
  let rows: { record: Record<string, string>; info: { lines: number } }[];
  let read: TextEncoding;
  try {
    // Spreadsheets often save CSV as Windows-1252: decoded like the articles, never read as mojibake.
    // A line holding a control byte is refused on its own, so one NUL does not cost every row.
    const { bytes, binaryLines } = withoutBinaryLines(readFileSync(path));
    for (const { line, offset } of binaryLines) refuse(line, messages.manifestBinaryLine(offset));
    const decoded = decodeBytes(bytes, encoding);
    if (!decoded.ok) throw new Error(decoded.reason);
    read = decoded.encoding;
    rows = parseCsv(decoded.text, { columns: true, info: true, bom: true, skip_empty_lines: true, trim: true, relax_column_count: true });
  } catch (e) {
    refuse(undefined, messages.manifestUnreadable((e as Error).message));
    return { entries, skipped };
  }
  const header = rows[0] ? Object.keys(rows[0].record) : [];
  if (rows.length > 0 && !header.includes('file')) {
    refuse(1, messages.manifestMissingColumn('file'));
    return { entries, skipped, encoding: read };
  }
  const root = realpathSync(dir);
  const firstLines = new Map<string, number>();
  for (const { record, info } of rows) {
    const file = (record.file ?? '').replace(/\\/g, '/');
    const line = info.lines;
    const target = resolve(root, file);
    if (!file || isAbsolute(file) || !isInside(root, target) || target === root) {
      refuse(line, messages.manifestOutside(file));
      continue;
    }
    if (!existsSync(target)) {
      refuse(line, messages.manifestMissingFile(file));
      continue;
    }
    let published = record.published?.trim() || undefined;
    if (published && !isoDate(published)) {
      logger.warn({ code: 'manifest', file: MANIFEST_FILE, line, message: messages.manifestBadDate(published) });
      published = undefined;
    }
    const key = relative(root, target).split(sep).join('/');
    const first = firstLines.get(key);
    if (first !== undefined) {
      refuse(line, messages.manifestDuplicate(file, first));
      continue;
    }
    firstLines.set(key, line);
    entries.set(key, {
      title: record.title || undefined,
      outlet: record.outlet || undefined,
      url: record.url || undefined,
      published,
    });
  }
  return { entries, skipped, encoding: read };
}

/**
 * The bytes with each line holding a control byte (as `BINARY_CHARACTER`) blanked, and
 * where those were (1-based line, byte in the line). UTF-16 text, whose bytes hold
 * NULs, is left as it is.
 */
function withoutBinaryLines(bytes: Buffer): { bytes: Buffer; binaryLines: { line: number; offset: number }[] } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return { bytes, binaryLines: [] };
  const text = bytes.toString('latin1');
  if (!BINARY_CHARACTER.test(text)) return { bytes, binaryLines: [] };
  const binaryLines: { line: number; offset: number }[] = [];
  const lines = text.split('\n').map((line, i) => {
    const control = BINARY_CHARACTER.exec(line);
    if (!control) return line;
    binaryLines.push({ line: i + 1, offset: control.index });
    return '';
  });
  return { bytes: Buffer.from(lines.join('\n'), 'latin1'), binaryLines };
}

const errorCode = (e: unknown): string => (e as NodeJS.ErrnoException).code ?? (e as Error).message;

function stem(rel: string): string {
  return rel.slice(0, rel.length - extname(rel).length);
}

const stringField = (obj: Record<string, unknown>, key: string, warn: (field: string) => void): string | undefined => {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && key === 'id') return String(v);
  warn(key);
  return undefined;
};

/**
 * Reads a corpus folder one article at a time (so a large corpus never sits in memory),
 * yielding each cleaned, segmented article, and each input that could not be read with its reason.
 * Warnings name the file and line; the run always goes on.
 */
export async function* readCorpus(dir: string, options: ReadOptions = {}): AsyncGenerator<CorpusItem> {
  const logger = options.logger ?? new Logger();
  const rules = options.rules ?? defaultCleaningRules();
  for await (const input of readCorpusInputs(dir, { ...options, logger })) yield input.kind === 'input' ? buildInput(input, logger, rules) : input;
}

/**
 * The reading half of `readCorpus`: each input read, decoded and (for HTML)
 * extracted, not yet cleaned, so the costly cleaning can run on a worker thread or
 * be skipped when the report's cache already holds the article. An article id is
 * taken by its first input.
 */
export async function* readCorpusInputs(dir: string, options: Omit<ReadOptions, 'rules'> = {}): AsyncGenerator<CorpusInput> {
  const encoding = options.encoding ?? 'auto';
  checkOneOf(encoding, 'encoding', ENCODINGS);
  const logger = options.logger ?? new Logger();
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new KitError(messages.corpusMissing(dir), 'corpus-missing', dir);
  const root = realpathSync(dir);
  const manifest = readManifest(root, logger, encoding);
  if (manifest.encoding) options.onDecoded?.(MANIFEST_FILE, manifest.encoding);
  for (const skipped of manifest.skipped) yield { kind: 'skipped', skipped };

  const maxBytes = options.maxInputBytes ?? Infinity;
  const usedIds = new Map<string, string>();
  const skip = (file: string, reason: string, line?: number) => skipInput(logger, file, reason, line);
  const emit = (raw: RawArticle, entry?: ManifestEntry): CorpusInput => {
    const other = usedIds.get(raw.article_id);
    if (other !== undefined) return skip(raw.file, messages.duplicateId(raw.article_id, other), raw.line);
    usedIds.set(raw.article_id, raw.file);
    return { kind: 'input', raw, entry };
  };

  const { files, folders } = walkCorpus(root, (options.exclude ?? []).map((p) => (existsSync(p) ? realpathSync(p) : resolve(p))));
  for (const folder of folders) yield skip(folder.file, folder.reason);
  const stems = new Map<string, number>();
  for (const f of files) stems.set(stem(f), (stems.get(stem(f)) ?? 0) + 1);

  for (const [index, rel] of files.entries()) {
    options.onFile?.(rel, index, files.length);
    if (rel === MANIFEST_FILE) continue;
    const path = join(root, rel);
    const ext = extname(rel).toLowerCase();
    let stats: { link: boolean; file: boolean };
    try {
      stats = { link: lstatSync(path).isSymbolicLink(), file: statSync(path).isFile() };
    } catch (e) {
      // statSync fails on a broken link (reported below) or a file removed since the listing.
      stats = { link: lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink() ?? false, file: false };
      if (!stats.link) {
        yield skip(rel, messages.unreadable(errorCode(e)));
        continue;
      }
    }
    if (stats.link) {
      let target: string;
      try {
        target = realpathSync(path);
      } catch (e) {
        yield skip(rel, messages.brokenLink(errorCode(e)));
        continue;
      }
      if (!isInside(root, target)) {
        yield skip(rel, messages.linkOutside());
        continue;
      }
    }
    if (!(SUPPORTED_EXTENSIONS as readonly string[]).includes(ext)) {
      yield skip(rel, messages.unsupportedType(ext));
      continue;
    }
    // A link to a folder, or a pipe, would throw or block when read.
    if (!stats.file) {
      yield skip(rel, messages.notRegularFile());
      continue;
    }
    // a.txt and a.md in one folder: both keep their extension in the id
    const articleId = (stems.get(stem(rel)) ?? 0) > 1 ? rel : stem(rel);
    if (ext === '.jsonl') {
      yield* readJsonl(path, rel, articleId, encoding, maxBytes, skip, emit, logger, options.onDecoded);
      continue;
    }
    let bytes: Buffer;
    try {
      const size = statSync(path).size;
      if (size > maxBytes) {
        yield skip(rel, messages.inputTooLarge(size, maxBytes));
        continue;
      }
      bytes = readFileSync(path);
    } catch (e) {
      yield skip(rel, messages.unreadable(errorCode(e)));
      continue;
    }
    const decoded = decodeBytes(bytes, encoding);
    if (!decoded.ok) {
      yield skip(rel, decoded.reason);
      continue;
    }
    options.onDecoded?.(rel, decoded.encoding);
    if (decoded.text.trim() === '') {
      yield skip(rel, messages.emptyFile());
      continue;
    }
    const entry = manifest.entries.get(rel);
    if (ext === '.html' || ext === '.htm') {
      let extracted;
      try {
        extracted = extractHtml(decoded.text);
      } catch (e) {
        yield skip(rel, e instanceof KitError ? e.message : messages.unreadable(`HTML extraction failed: ${(e as Error).message}`));
        continue;
      }
      if (!extracted) {
        yield skip(rel, messages.htmlNoArticle());
        continue;
      }
      yield emit({ article_id: articleId, file: rel, ...extracted }, entry);
    } else {
      yield emit({ article_id: articleId, file: rel, text: decoded.text, line: 1 }, entry);
    }
  }
}

/** The first `size` bytes of a file, without reading the rest. */
function readHead(path: string, size: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(size);
    return buffer.subarray(0, readSync(fd, buffer, 0, size, 0));
  } finally {
    closeSync(fd);
  }
}

/** Control characters that never occur in text (tab, LF, VT, FF, CR and ESC excepted), as decode.ts refuses a text file for them. */
const BINARY_CHARACTER = /[\u0000-\u0008\u000E-\u001A\u001C-\u001F]/;

/** One article per JSON line; malformed lines are skipped and named, the good ones all kept. */
async function* readJsonl(
  path: string,
  rel: string,
  fileId: string,
  encoding: Encoding,
  maxBytes: number,
  skip: (file: string, reason: string, line?: number) => CorpusInput,
  emit: (raw: RawArticle) => CorpusInput,
  logger: Logger,
  onDecoded?: (file: string, encoding: TextEncoding) => void,
): AsyncGenerator<CorpusInput> {
  let head: Buffer;
  try {
    head = readHead(path, 4096);
  } catch (e) {
    yield skip(rel, messages.unreadable(errorCode(e)));
    return;
  }
  if (head.length === 0) {
    yield skip(rel, messages.emptyFile());
    return;
  }
  const bom = unicodeBom(head)?.encoding;
  if (bom === 'utf-32le' || bom === 'utf-32be') {
    yield skip(rel, messages.jsonlUtf32());
    return;
  }
  if (bom === 'utf-16be') {
    yield skip(rel, messages.jsonlUtf16be());
    return;
  }
  const utf16le = bom === 'utf-16le';
  // Binary-ness is decided line by line (below): one NUL costs its line, never the file's other lines; so is each line's encoding.
  // Lines are split as latin1 (one char per byte; "\n" never occurs inside a UTF-8 sequence) and decoded one
  // by one, so a bad byte sequence skips only its line and a real U+FFFD in the text is kept.
  const lines = createInterface({ input: createReadStream(path, { encoding: utf16le ? 'utf16le' : 'latin1' }), crlfDelay: Infinity });
  let lineNo = 0;
  let any = false;
  for await (const rawLine of lines) {
    lineNo++;
    // Split as latin1, a line's length is its size in bytes (UTF-16: two bytes a character).
    const lineBytes = utf16le ? rawLine.length * 2 : rawLine.length;
    if (lineBytes > maxBytes) {
      any = true;
      yield skip(rel, messages.inputTooLarge(lineBytes, maxBytes), lineNo);
      continue;
    }
    let line = rawLine;
    let lineEncoding: TextEncoding = 'utf-16le';
    if (!utf16le) {
      const decoded = decodeLine(Buffer.from(rawLine, 'latin1'), encoding);
      if (!decoded.ok) {
        any = true;
        yield skip(rel, decoded.reason, lineNo);
        continue;
      }
      [line, lineEncoding] = [decoded.text, decoded.encoding];
    }
    if (lineNo === 1) line = line.replace(/^\uFEFF/, '');
    if (line.trim() === '') continue;
    onDecoded?.(`${rel}:${lineNo}`, lineEncoding);
    any = true;
    const control = BINARY_CHARACTER.exec(line);
    if (control) {
      yield skip(rel, messages.jsonlBinaryLine(control.index), lineNo);
      continue;
    }
    let obj: unknown;
    try {
      obj = JSON.parse(line);
    } catch (e) {
      yield skip(rel, messages.jsonlMalformed((e as Error).message), lineNo);
      continue;
    }
    if (!obj || typeof obj !== 'object' || Array.isArray(obj)) {
      yield skip(rel, messages.jsonlNotObject(), lineNo);
      continue;
    }
    const record = obj as Record<string, unknown>;
    const text = record.text;
    if (typeof text !== 'string' || text.trim() === '') {
      yield skip(rel, messages.jsonlNoText(), lineNo);
      continue;
    }
    const warnField = (field: string) => logger.warn({ code: 'jsonl-field', file: rel, line: lineNo, message: messages.jsonlBadField(field) });
    const field = (k: string) => stringField(record, k, warnField);
    const id = field('id');
    yield emit({
      article_id: (id !== undefined ? stripControl(id) : '') || `${fileId}:${lineNo}`,
      file: `${rel}:${lineNo}`,
      line: lineNo,
      text,
      title: field('title'),
      outlet: field('outlet'),
      url: field('url'),
      published: field('published'),
    });
  }
  if (!any) yield skip(rel, messages.emptyFile());
}

