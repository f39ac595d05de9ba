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
 * Which positions of a text are covered by spans added so far, and whether marks
 * (points) fall in a range: the covered positions as sorted, disjoint intervals and
 * the marks as a sorted list, so a question is a binary search and the memory grows
 * with the spans added (a few dozen an article), not with the text's length.
 */
export class Coverage {
  /** Covered intervals [starts[i], ends[i]), sorted, disjoint and not touching. */
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly marks: number[] = [];

  constructor(private readonly length: number) {}

  private clamp(pos: number): number {
    return Math.max(0, Math.min(this.length, pos));
  }

  /** Marks [start, end) covered. */
  cover(start: number, end: number): void {
    const [a, b] = [this.clamp(start), this.clamp(end)];
    if (b <= a) return;
    // The intervals touching [a, b): from the first ending at or after a to the last starting at or before b.
    const first = lowerBound(this.ends, a);
    const last = lowerBound(this.starts, b + 1);
    if (first === last) {
      this.starts.splice(first, 0, a);
      this.ends.splice(first, 0, b);
      return;
    }
    const merged = [Math.min(a, this.starts[first]!), Math.max(b, this.ends[last - 1]!)] as const;
    this.starts.splice(first, last - first, merged[0]);
    this.ends.splice(first, last - first, merged[1]);
  }

  /** True when position `pos` is covered. */
  has(pos: number): boolean {
    return pos >= 0 && pos < this.length && this.any(pos, pos + 1);
  }

  /** True when any position of [start, end) is covered. */
  any(start: number, end: number): boolean {
    const [a, b] = [this.clamp(start), this.clamp(end)];
    if (b <= a) return false;
    const i = lowerBound(this.ends, a + 1);
    return i < this.starts.length && this.starts[i]! < b;
  }

  /** Adds a mark at `pos`. */
  mark(pos: number): void {
    if (pos < 0 || pos > this.length) return;
    const at = lowerBound(this.marks, pos);
    this.marks.splice(at, 0, pos);
  }

  /** True when a mark lies in [start, end). */
  marked(start: number, end: number): boolean {
    const [a, b] = [Math.max(0, start), Math.min(this.length + 1, end)];
    if (b <= a) return false;
    const i = lowerBound(this.marks, a);
    return i < this.marks.length && this.marks[i]! < b;
  }
}
