import type { Article } from '../../corpus/types';

/** A quotation: [start, end) includes the quote marks; content excludes them. */
export interface Quote {
  start: number;
  end: number;
  contentStart: number;
  contentEnd: number;
  /** False when the closing mark is missing (the quote runs to the paragraph end). */
  closed: boolean;
  /** The part of the same quotation in the paragraph before, left open there (a quote running over paragraphs). */
  continues?: Quote;
}

/** Marks that only open a quote, or only close one. "“" closes a quote opened by "„" (German and Ukrainian style: „…“). */
const OPENING_ONLY = new Set(['“', '„', '«', '``']);
const CLOSING_ONLY = new Set(['”', '»']);

/** A quote mark in a paragraph: where it is, how long it is, and which way it may face. */
interface Mark {
  at: number;
  length: number;
  text: string;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const BEFORE_SINGLE_OPENING = /[\s(\[—–:-]/;
const AFTER_SINGLE_CLOSING = /[\s,.;:!?)\]—–-]/;

/**
 * The quote marks of [from, to): double marks (“ ” „ « » and straight "), newspaper
 * doubles of two characters ('' and ``), and, in a paragraph holding none of those,
 * single quotes of British copy ('…', ‘…’) where an apostrophe cannot be meant: an
 * opening mark at a word's start, a closing one at a word's end and not a plural
 * possessive ("the allies' plans").
 */
function marksIn(text: string, norm: string, from: number, to: number): Mark[] {
  const marks: Mark[] = [];
  for (let i = from; i < to; i++) {
    if (text.startsWith("''", i) || text.startsWith('``', i)) {
      marks.push({ at: i, length: 2, text: text.slice(i, i + 2) });
      i++;
    } else if (norm[i] === '"') marks.push({ at: i, length: 1, text: text[i]! });
  }
  if (marks.length > 0) return marks;
  for (let i = from; i < to; i++) {
    if (norm[i] !== "'") continue;
    const before = i > from ? text[i - 1]! : ' ';
    const after = i + 1 < to ? text[i + 1]! : ' ';
    const opening = BEFORE_SINGLE_OPENING.test(before) && LETTER_OR_DIGIT.test(after);
    const possessive = before === 's' && /^\s+\p{Ll}/u.test(text.slice(i + 1, i + 3));
    const closing = (LETTER_OR_DIGIT.test(before) || /[.,!?]/.test(before)) && AFTER_SINGLE_CLOSING.test(after) && !possessive;
    if (opening || closing) marks.push({ at: i, length: 1, text: opening ? '‘' : '’' });
  }
  // Single marks must pair up; an odd one out means apostrophes are in play, so none is read.
  return marks.length % 2 === 0 && marks.every((m, k) => (k % 2 === 0 ? m.text === '‘' : m.text === '’')) ? marks : [];
}

/**
 * Quoted spans, paragraph by paragraph: “…”, „…“, «…», straight "…", newspaper
 * ''…'' and ``…'', and British '…' (see marksIn). Curly marks and guillemets say which
 * way they face; straight ones alternate. A quote left open at a paragraph end
 * continues into the next paragraph when that one opens with a quote mark (the news
 * convention for multi-paragraph quotes); otherwise it is unbalanced and reported
 * through `onUnbalanced`.
 */
export function findQuotes(article: Article, onUnbalanced?: (offset: number) => void): Quote[] {
  const { text, norm } = article;
  const quotes: Quote[] = [];
  let carried: Mark | undefined; // the opening mark of a quote carried over from the previous paragraph
  let carriedFrom: Quote | undefined; // the part left open in the previous paragraph
  // A quote opened by the carried mark goes on from the part before it.
  const push = (q: Quote, opening: Mark, from: Mark | undefined, before: Quote | undefined): void => {
    if (before && opening === from) q.continues = before;
    quotes.push(q);
  };
  for (const [pi, p] of article.paragraphs.entries()) {
    const marks = marksIn(text, norm, p.start, p.end);
    let open: Mark | undefined = carried;
    const [from, before] = [carried, carriedFrom];
    let k = 0;
    if (carried && marks[0]?.at === carried.at) k = 1;
    carried = undefined;
    carriedFrom = undefined;
    for (; k < marks.length; k++) {
      const mark = marks[k]!;
      if (open === undefined) {
        if (CLOSING_ONLY.has(mark.text)) continue; // a stray closing mark: nothing to pair it with
        open = mark;
      } else if (OPENING_ONLY.has(mark.text) && !(mark.text === '“' && open.text === '„')) {
        // A second opening mark before the first closed: the first never closed.
        onUnbalanced?.(open.at);
        push({ start: open.at, end: mark.at, contentStart: open.at + open.length, contentEnd: trimEnd(text, open.at + open.length, mark.at), closed: false }, open, from, before);
        open = mark;
      } else {
        push({ start: open.at, end: mark.at + mark.length, contentStart: open.at + open.length, contentEnd: mark.at, closed: true }, open, from, before);
        open = undefined;
      }
    }
    if (open !== undefined) {
      const next = article.paragraphs[pi + 1];
      const nextMark = next ? marksIn(text, norm, next.start, next.end)[0] : undefined;
      if (next && nextMark?.at === next.start && open.at < p.end) {
        const left: Quote = { start: open.at, end: p.end, contentStart: open.at + open.length, contentEnd: p.end, closed: false };
        push(left, open, from, before);
        carried = nextMark;
        carriedFrom = left;
      } else {
        onUnbalanced?.(open.at);
        push({ start: open.at, end: p.end, contentStart: open.at + open.length, contentEnd: p.end, closed: false }, open, from, before);
      }
    }
  }
  return quotes.filter((q) => q.contentEnd > q.contentStart);
}

/** The parts of a quotation running over paragraphs before `q`, first first (none for a quote of one paragraph). */
export function earlierParts(q: Quote): Quote[] {
  const parts: Quote[] = [];
  for (let p = q.continues; p; p = p.continues) parts.unshift(p);
  return parts;
}

function trimEnd(text: string, from: number, to: number): number {
  while (to > from && /\s/.test(text[to - 1]!)) to--;
  return to;
}
