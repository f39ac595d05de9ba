/**
 * The conflict step: which of the statements the patterns read stand. Statements are
 * read in text order and an earlier one wins: a cue inside content already read
 * belongs to that content; a statement whose content overlaps one already read, or
 * holds its cue, adds nothing ("…," Wang said, Bloomberg reported: the second source
 * is no second statement); a transcript label whose paragraph was read otherwise
 * gives way.
 */
import type { Draft } from './draft';

const overlapping = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/** True when `pos` lies inside the content of a statement already read. */
export function insideContent(drafts: readonly Draft[], pos: number): boolean {
  return drafts.some((d) => d.parts.some((p) => pos >= p.start && pos < p.end));
}

/** True when `draft` repeats a statement already read: its content holds that one's cue or overlaps its content. */
export function repeatsEarlier(drafts: readonly Draft[], draft: Draft): boolean {
  return drafts.some((d) => draft.parts.some((p) => (d.cueStart >= p.start && d.cueStart < p.end) || d.parts.some((q) => overlapping(p, q))));
}

/** True when `draft` overlaps any statement already read. */
export function overlapsAny(drafts: readonly Draft[], draft: Draft): boolean {
  return drafts.some((o) => o.parts.some((p) => draft.parts.some((q) => overlapping(p, q))));
}
