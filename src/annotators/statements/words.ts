/**
 * Words as statement extraction reads them: a letter, then letters, apostrophes
 * (straight or curly) and hyphens; the matches of the Unicode pattern
 * [\p{L}][\p{L}'’-]* in text.slice(from, to), found by a scan instead. Every word
 * of every sentence is looked at for cues, and the scan costs a fraction of the
 * regex's match objects.
 */
import { letterLength } from '../letters';

const APOSTROPHE = 0x27;
const RIGHT_SINGLE_QUOTE = 0x2019;
const HYPHEN = 0x2d;

/** End of the word starting at `start` (a letter), at most `to`. */
function wordEnd(text: string, start: number, to: number): number {
  let i = start + letterLength(text, start, to);
  while (i < to) {
    const code = text.charCodeAt(i);
    if (code === APOSTROPHE || code === RIGHT_SINGLE_QUOTE || code === HYPHEN) {
      i++;
      continue;
    }
    const length = letterLength(text, i, to);
    if (length === 0) break;
    i += length;
  }
  return i;
}

/** Calls `visit` with the span of each word of text[from, to), in order. */
export function forEachWord(text: string, from: number, to: number, visit: (start: number, end: number) => void): void {
  to = Math.min(to, text.length);
  let i = Math.max(0, from);
  while (i < to) {
    if (letterLength(text, i, to) === 0) {
      i++;
      continue;
    }
    const end = wordEnd(text, i, to);
    visit(i, end);
    i = end;
  }
}

export function wordCount(text: string): number {
  let count = 0;
  forEachWord(text, 0, text.length, () => count++);
  return count;
}
