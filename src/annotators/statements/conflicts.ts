/**
 * The conflict step: which of the statements the patterns read stand. Statements are
 * read in text order and an earlier one wins: a cue inside content already read
 * belongs to that content; a statement whose content overlaps one already read, or
 * holds its cue, adds nothing ("…," Wang said, Bloomberg reported: the second source
 * is no second statement); a transcript label whose paragraph was read otherwise
 * gives way. The content read so far is kept by position (positions.ts), so each
 * question costs log n however many statements the article holds.
 */
import type { Draft } from './draft';
import { Coverage } from '../positions';

type Span = { start: number; end: number };
const overlapping = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** The statements read so far, with their content and cues by position. */
export class ReadStatements {
  readonly drafts: Draft[] = [];
  /** Positions inside some statement's content; cue starts as marks. */
  private readonly content: Coverage;
  /** Empty parts as marks: a span holding one strictly inside overlaps it. */
  private readonly emptyParts: Coverage;
  private anyEmpty = false;

  constructor(textLength: number) {
    this.content = new Coverage(textLength);
    this.emptyParts = new Coverage(textLength);
  }

  add(draft: Draft): void {
    this.drafts.push(draft);
    this.content.mark(draft.cueStart);
    for (const p of draft.parts) {
      if (p.end > p.start) this.content.cover(p.start, p.end);
      else {
        this.emptyParts.mark(p.start);
        this.anyEmpty = true;
      }
    }
  }

  /** True when `pos` lies inside the content of a statement already read. */
  insideContent(pos: number): boolean {
    return this.content.has(pos);
  }

  /** True when `draft` repeats a statement already read: its content holds that one's cue or overlaps its content. */
  repeatsEarlier(draft: Draft): boolean {
    return draft.parts.some((p) => this.content.marked(p.start, p.end)) || this.overlapsAny(draft);
  }

  /** True when `draft` overlaps any statement already read. */
  overlapsAny(draft: Draft): boolean {
    return draft.parts.some((p) => {
      if (p.end <= p.start) return this.drafts.some((o) => o.parts.some((q) => overlapping(p, q))); // an empty part: rare, asked of each
      return this.content.any(p.start, p.end) || (this.anyEmpty && this.emptyParts.marked(p.start + 1, p.end));
    });
  }
}
