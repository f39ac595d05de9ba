/**
 * Words on the text layer, as statement extraction, theme coding and
 * keyness count and read them. No text is scanned here: a word is made of the
 * layer's tokens.
 *
 * The rule. A word is a word or number token of the layer together with the tokens
 * glued to it: a token that starts where the previous one ends (no space) joins the
 * word when the boundary lies between two letters or digits, directly or across one
 * apostrophe or hyphen:
 *
 *   "ca" + "n't" → can't        "China" + "'s" → China's     "5" + "bn" → 5bn
 *   "non" + "-" + "alliance" → non-alliance                  "well" + "-" + "known" → well-known
 *
 * The tagger splits clitics and hyphenated compounds in some places and not in others
 * ("Russia's" and "non-alliance" may come as one token or as two or three); glued,
 * they are one word either way, as quanteda's tokens() has them, so a keyness
 * feature ("china's", "non-alliance") and a NEAR/n or negation window count the same
 * whichever way the tagger split. Kept apart: "U.S.-China" (a dot before the hyphen)
 * is "U.S." and "China"; "said," is "said". What the tagger gives as one token stays
 * one word ("U.S.", "3.5", "1,000", "e.g."). Punctuation and symbols are not words,
 * nor are the tokens the tagger reads as hashtags, @mentions or "'90s" (symbols).
 */
import { tokenIndexAt, type TokenLayer } from './tokens';

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** LETTER_OR_DIGIT's answer for each BMP code unit, as it is first asked: 0 not yet, 1 yes, 2 no. */
const BMP_LETTER_OR_DIGIT = new Uint8Array(0x10000);

/** Whether the code point at `i` of `text` is a letter or digit. */
function letterOrDigitAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  if (code >= 0xd800 && code <= 0xdfff) return LETTER_OR_DIGIT.test(String.fromCodePoint(text.codePointAt(i)!));
  let known = BMP_LETTER_OR_DIGIT[code];
  if (known === 0) BMP_LETTER_OR_DIGIT[code] = known = LETTER_OR_DIGIT.test(text[i]!) ? 1 : 2;
  return known === 1;
}

/** Whether the character ending at `end` (exclusive) is a letter or digit. */
function letterOrDigitBefore(text: string, end: number): boolean {
  if (end <= 0) return false;
  const low = text.charCodeAt(end - 1);
  return low >= 0xdc00 && low <= 0xdfff && end >= 2 ? letterOrDigitAt(text, end - 2) : letterOrDigitAt(text, end - 1);
}

/** Apostrophes and hyphens (straight and typographic) that hold a word together. */
const isJoiner = (code: number): boolean => code === 0x27 || code === 0x2019 || code === 0x2d || code === 0x2010 || code === 0x2011;

/** Index of the last token of the word whose first token is `first`. */
function wordEnd(layer: TokenLayer, first: number): number {
  const { tokens, text } = layer;
  let last = first;
  for (;;) {
    const next = tokens[last + 1];
    if (!next || next.start !== tokens[last]!.end || !letterOrDigitBefore(text, next.start)) return last;
    if (letterOrDigitAt(text, next.start)) last++;
    else if (!isJoiner(text.charCodeAt(next.start))) return last;
    else if (next.end - next.start > 1) {
      if (!letterOrDigitAt(text, next.start + 1)) return last;
      last++; // "'s", "-based"
    } else {
      const after = tokens[last + 2];
      if (!after || after.start !== next.end || !letterOrDigitAt(text, after.start)) return last;
      last += 2; // "-" then "alliance"
    }
  }
}

/**
 * Calls `visit` for each word of the layer overlapping [from, to), in order, with its
 * span clipped to [from, to) and the indices of its first and last tokens. A word
 * cut by `from` or `to` is visited with the part inside when that part holds a
 * letter or digit.
 */
export function forEachWord(layer: TokenLayer, from: number, to: number, visit: (start: number, end: number, first: number, last: number) => void): void {
  const { tokens, text } = layer;
  // A word begun before `from` is read from its first token at or after it: gluing
  // runs forwards, so the word ends where it would have, and only its part inside counts.
  let i = tokenIndexAt(layer, from);
  while (i < tokens.length) {
    const token = tokens[i]!;
    if (token.start >= to) return;
    if (token.shape !== 'word' && token.shape !== 'number') {
      i++;
      continue;
    }
    const last = wordEnd(layer, i);
    const end = tokens[last]!.end;
    const start = Math.max(token.start, from);
    const clippedEnd = Math.min(end, to);
    if ((start === token.start && clippedEnd === end) || holdsLetterOrDigit(text, start, clippedEnd)) visit(start, clippedEnd, i, last);
    i = last + 1;
  }
}

/** Whether text[start, end) holds a letter or digit (a surrogate pair cut by `end` is none). */
function holdsLetterOrDigit(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 >= end) return false;
    if (letterOrDigitAt(text, i)) return true;
  }
  return false;
}

/** Number of words overlapping [from, to) (see `forEachWord`). */
export function wordCount(layer: TokenLayer, from: number, to: number): number {
  let count = 0;
  forEachWord(layer, from, to, () => count++);
  return count;
}

/** The lower-case form of a word `forEachWord` visited: its token's own when it is one whole token. */
export function lowerWord(layer: TokenLayer, start: number, end: number, first: number, last: number): string {
  const token = layer.tokens[first]!;
  return first === last && start === token.start && end === token.end ? token.lower : layer.text.slice(start, end).toLowerCase();
}
