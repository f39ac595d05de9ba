/**
 * Mentions, quotes and statements indexed by position, so that each question the
 * statement passes ask ("the last person named before here", "is this inside a
 * quote", "does this overlap content already read") costs a binary search rather than
 * a scan of the article: the passes' cost grows with the article's length, not with
 * its square (an article of 8,000 quoted sentences took 68 s).
 */
import type { Mention } from './types';

/** The index of the first value >= `x` in ascending `values` (`values.length` when none is). */
export function lowerBound(values: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Mentions in text order (by start, as the statement passes sort them), for range and "last before" questions. */
export class MentionList {
  readonly starts: number[];

  constructor(readonly mentions: readonly Mention[]) {
    this.starts = mentions.map((m) => m.start);
  }

  /** The mentions starting in [from, to), in order. */
  between(from: number, to: number): readonly Mention[] {
    const i = lowerBound(this.starts, from);
    const j = lowerBound(this.starts, to);
    return j > i ? this.mentions.slice(i, j) : [];
  }

  /** Index of the first mention starting at or after `pos`. */
  from(pos: number): number {
    return lowerBound(this.starts, pos);
  }

  /** The last mention starting before `pos`. */
  lastBefore(pos: number): Mention | undefined {
    const i = lowerBound(this.starts, pos);
    return i > 0 ? this.mentions[i - 1] : undefined;
  }
}

/**
 * Which positions of a text are covered by spans added so far, and how many marks
 * (points) fall in a range: Fenwick trees over the text's positions, so adding a span
 * costs its length times log n (the spans a statement pass adds hardly overlap, so all
 * of them cost about n log n) and a question costs log n.
 */
export class Coverage {
  private readonly covered: Uint8Array;
  private readonly spanTree: Int32Array;
  private readonly markTree: Int32Array;

  constructor(private readonly length: number) {
    this.covered = new Uint8Array(length + 1);
    this.spanTree = new Int32Array(length + 2);
    this.markTree = new Int32Array(length + 2);
  }

  private static add(tree: Int32Array, pos: number): void {
    for (let i = pos + 1; i < tree.length; i += i & -i) tree[i]!++;
  }

  /** How many of positions [0, pos) the tree counts. */
  private static prefix(tree: Int32Array, pos: number): number {
    let sum = 0;
    for (let i = Math.min(pos, tree.length - 1); i > 0; i -= i & -i) sum += tree[i]!;
    return sum;
  }

  private clamp(pos: number): number {
    return Math.max(0, Math.min(this.length, pos));
  }

  /** Marks [start, end) covered. */
  cover(start: number, end: number): void {
    for (let p = this.clamp(start); p < this.clamp(end); p++) {
      if (this.covered[p]) continue;
      this.covered[p] = 1;
      Coverage.add(this.spanTree, p);
    }
  }

  /** True when position `pos` is covered. */
  has(pos: number): boolean {
    return pos >= 0 && pos < this.length && this.covered[pos] === 1;
  }

  /** True when any position of [start, end) is covered. */
  any(start: number, end: number): boolean {
    const [a, b] = [this.clamp(start), this.clamp(end)];
    return b > a && Coverage.prefix(this.spanTree, b) - Coverage.prefix(this.spanTree, a) > 0;
  }

  /** Adds a mark at `pos`. */
  mark(pos: number): void {
    if (pos >= 0 && pos <= this.length) Coverage.add(this.markTree, pos);
  }

  /** True when a mark lies in [start, end). */
  marked(start: number, end: number): boolean {
    const [a, b] = [Math.max(0, start), Math.min(this.length + 1, end)];
    return b > a && Coverage.prefix(this.markTree, b) - Coverage.prefix(this.markTree, a) > 0;
  }
}
