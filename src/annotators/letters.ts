/**
 * Letters (\p{L}) for the hand-written scanners that stand in for regular
 * expressions on every word of the corpus: ASCII is decided by its code (its only
 * letters are A-Z and a-z), other characters by the Unicode property regex.
 */

const LETTER = /\p{L}/u;

const isAsciiUpper = (code: number): boolean => code >= 65 && code <= 90;
const isAsciiLower = (code: number): boolean => code >= 97 && code <= 122;

export const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
export const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/**
 * Code units (1 or 2) of the letter starting at `i`, or 0 (also at or past `to`). A
 * surrogate pair is one character only when both halves lie before `to`, as in a
 * Unicode regex run on text.slice(…, to).
 */
export function letterLength(text: string, i: number, to: number): number {
  if (i >= to) return 0;
  const code = text.charCodeAt(i);
  if (code < 128) return isAsciiUpper(code) || isAsciiLower(code) ? 1 : 0;
  if (isHighSurrogate(code) && i + 1 < to && isLowSurrogate(text.charCodeAt(i + 1))) return LETTER.test(text.slice(i, i + 2)) ? 2 : 0;
  return LETTER.test(text[i]!) ? 1 : 0;
}

// Scanners call the two below once per word rather than letterLength once per
// character: under tsx a call into another module goes through an export getter.

/** The first letter at or after `from` (before `to`), or `to`. */
export function nextLetter(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && letterLength(text, i, to) === 0) i++;
  return Math.min(i, to);
}

/** End of the run of letters starting at `i` (before `to`); `i` when there is none. */
export function lettersEnd(text: string, i: number, to: number): number {
  for (let length = letterLength(text, i, to); length > 0; length = letterLength(text, i, to)) i += length;
  return i;
}
