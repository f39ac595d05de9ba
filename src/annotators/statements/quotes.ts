import type { Article } from '../../corpus/types';

/** A quotation: [start, end) includes the quote marks; content excludes them. */
export interface Quote {
  start: number;
  end: number;
  contentStart: number;
  contentEnd: number;
  /** False when the closing mark is missing (the quote runs to the paragraph end). */
  closed: boolean;
}

/** Marks that only open a quote, or only close one. "“" closes a quote opened by "„" (German and Ukrainian style: „…“). */
const OPENING_ONLY = new Set(['“', '„', '«']);
const CLOSING_ONLY = new Set(['”', '»']);

/**
 * Double-quoted spans, paragraph by paragraph: “…”, „…“, «…» and straight "…".
 * Curly marks and guillemets say which way they face; straight ones alternate. A quote left open at a paragraph end continues into the
 * next paragraph when that one opens with a quote mark (the news convention for
 * multi-paragraph quotes); otherwise it is unbalanced and reported through `onUnbalanced`.
 */
export function findQuotes(article: Article, onUnbalanced?: (offset: number) => void): Quote[] {
  const { text, norm } = article;
  const quotes: Quote[] = [];
  let carried: number | undefined; // start of a quote carried over from the previous paragraph
  for (const [pi, p] of article.paragraphs.entries()) {
    const resumed = carried;
    let open = resumed;
    carried = undefined;
    for (let i = resumed !== undefined ? p.start + 1 : p.start; i < p.end; i++) {
      if (norm[i] !== '"') continue;
      const mark = text[i]!;
      if (open === undefined) {
        if (CLOSING_ONLY.has(mark)) continue; // a stray closing mark: nothing to pair it with
        open = i;
      } else if (OPENING_ONLY.has(mark) && !(mark === '“' && text[open] === '„')) {
        // A second opening mark before the first closed: the first never closed.
        onUnbalanced?.(open);
        quotes.push({ start: open, end: i, contentStart: open + 1, contentEnd: trimEnd(text, open + 1, i), closed: false });
        open = i;
      } else {
        quotes.push({ start: open, end: i + 1, contentStart: open + 1, contentEnd: i, closed: true });
        open = undefined;
      }
    }
    if (open !== undefined) {
      const next = article.paragraphs[pi + 1];
      if (next && norm[next.start] === '"' && open < p.end) {
        quotes.push({ start: open, end: p.end, contentStart: open + 1, contentEnd: p.end, closed: false });
        carried = next.start;
      } else {
        onUnbalanced?.(open);
        quotes.push({ start: open, end: p.end, contentStart: open + 1, contentEnd: p.end, closed: false });
      }
    }
  }
  return quotes.filter((q) => q.contentEnd > q.contentStart);
}

function trimEnd(text: string, from: number, to: number): number {
  while (to > from && /\s/.test(text[to - 1]!)) to--;
  return to;
}
