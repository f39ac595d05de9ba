/**
 * The report groups consecutive inputs into segments, and a segment is the unit the
 * Parquet parts and the cache are made of. Boundaries are content-defined (as in
 * rsync or restic): a segment ends after an input whose hash falls in 1/256 of the
 * hash space. Adding, removing or editing an input therefore changes only the segment
 * it falls in; every other segment keeps its key, so a re-run copies its Parquet part
 * and CSV bytes from the cache instead of rebuilding them from 256 articles' outputs.
 * The same inputs make the same segments whatever the number of workers or the cache.
 */
import { createHash } from 'node:crypto';
import type { CorpusInput } from '../corpus/read';
import type { SkippedInput } from '../corpus/types';
import type { Warning } from '../logger';
import type { TableChunk } from './article-output';

type Input = Extract<CorpusInput, { kind: 'input' }>;

/** About one input in this many ends a segment. */
export const SEGMENT_AVERAGE_INPUTS = 256;
/** A segment is also cut at this many inputs or characters, so a segment held in memory stays small. */
export const SEGMENT_MAX_INPUTS = 2048;
export const SEGMENT_MAX_CHARS = 16_000_000;

/** An input as read, with the warnings the reader raised on it (logged when its outcome is). */
export interface PendingItem {
  input: CorpusInput;
  warnings: Warning[];
  /** `inputKey` of an input (not of a skipped one). */
  key?: string;
}

/** Consecutive inputs, and a key that changes when any of them, or what was read of them, changes. */
export interface Segment {
  key: string;
  items: PendingItem[];
}

/**
 * What identifies an input: a SHA-256 of everything read of it (raw text, file, line,
 * metadata, manifest row), so a cache hit skips cleaning too.
 */
export function inputKey({ raw, entry }: Input): string {
  const captions = raw.captionLines ? [...raw.captionLines].sort((a, b) => a - b).join(' ') : '';
  const fields = [raw.article_id, raw.file, raw.line, raw.title, raw.outlet, raw.url, raw.published, captions, entry?.title, entry?.outlet, entry?.url, entry?.published, raw.text];
  return createHash('sha256')
    .update(fields.map((f) => f ?? '').join('\u0000'))
    .digest('hex');
}

/** True when an input with this key ends its segment. */
export function endsSegment(key: string): boolean {
  return Number.parseInt(key.slice(0, 8), 16) % SEGMENT_AVERAGE_INPUTS === 0;
}

/** Groups items into segments, in order; every item is in exactly one. */
export async function* segmentsOf(items: AsyncIterable<Omit<PendingItem, 'key'>>): AsyncGenerator<Segment> {
  let current: PendingItem[] = [];
  let hash = createHash('sha256');
  let chars = 0;
  const cut = (): Segment => {
    const segment = { key: hash.digest('hex'), items: current };
    [current, hash, chars] = [[], createHash('sha256'), 0];
    return segment;
  };
  for await (const item of items) {
    const key = item.input.kind === 'input' ? inputKey(item.input) : undefined;
    current.push({ ...item, key });
    // Skipped inputs and warnings are part of what the segment replays, so part of its key.
    hash.update(`${key ?? JSON.stringify(item.input)}\n${item.warnings.length ? JSON.stringify(item.warnings) : ''}\n`);
    if (item.input.kind === 'input') chars += item.input.raw.text.length;
    if ((key && endsSegment(key)) || current.length >= SEGMENT_MAX_INPUTS || chars >= SEGMENT_MAX_CHARS) yield cut();
  }
  if (current.length > 0) yield cut();
}

/** What the report writes of a segment, as the cache keeps it. */
export interface SegmentOutput {
  /** The files (with .jsonl line) of its articles, in order. */
  files: string[];
  skipped: SkippedInput[];
  /** Each streamed table's rows as CSV lines (no Parquet columns: the part is kept whole). */
  tables: Record<string, TableChunk>;
  /** Each stage's aggregates over the segment (`PartialAggregate.state()`), by stage name. */
  aggregates: Record<string, unknown>;
  /** Every warning logged for its inputs, in order. */
  warnings: Warning[];
  /** Size of each Parquet part, by table, so a part cut short is not used. */
  partBytes: Record<string, number>;
  /** SHA-256 of each Parquet part, by table, so a part changed on disk is not used. */
  partSha256: Record<string, string>;
}
