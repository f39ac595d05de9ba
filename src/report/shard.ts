/**
 * `report --shard i/n`: one of n deterministic, disjoint slices of a corpus, so a
 * corpus too big for one machine runs as n independent jobs whose Parquet tables
 * are merged afterwards (README: "Beyond one machine"). An input belongs to shard
 * `1 + fnv1a(key) mod n`, the key being its path in the corpus (for .jsonl lines
 * "file.jsonl:LINE", as in the `file` column): stable across machines, runs and
 * corpus growth, and independent of the order files are listed in.
 */
import type { CorpusInput, CorpusItem } from '../corpus';
import { KitError } from '../errors';

export const shardMessages = {
  badShard: (spec: string) => `--shard must be I/N with 1 <= I <= N (e.g. 2/8), got "${spec}"`,
};

export interface Shard {
  /** 1-based shard number. */
  index: number;
  /** Number of shards. */
  count: number;
}

/** Parses "2/8"; throws a KitError naming the expected form. */
export function parseShard(spec: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(spec);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || !Number.isSafeInteger(index) || !Number.isSafeInteger(count) || index < 1 || index > count) throw new KitError(shardMessages.badShard(spec), 'bad-option');
  return { index, count };
}

/** 32-bit FNV-1a over the UTF-16 code units of a string. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** The shard (1-based) an input key belongs to. */
export function shardOf(key: string, count: number): number {
  return 1 + (fnv1a(key) % count);
}

/** The key an item is sharded by: the article's or skipped input's file (with its line for .jsonl). */
export function shardKey(item: CorpusItem | CorpusInput): string {
  if (item.kind === 'article') return item.article.file;
  if (item.kind === 'input') return item.raw.file;
  const { file, line } = item.skipped;
  return line !== undefined && file.toLowerCase().endsWith('.jsonl') ? `${file}:${line}` : file;
}

/** Only the items of one shard (all of them without a shard). */
export async function* inShard<T extends CorpusItem | CorpusInput>(items: AsyncIterable<T>, shard: Shard | undefined): AsyncGenerator<T> {
  for await (const item of items) {
    if (!shard || shardOf(shardKey(item), shard.count) === shard.index) yield item;
  }
}
