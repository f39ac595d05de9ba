/**
 * Word tokens scanned by hand. The regexes they replace
 * (`[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*` and the like, flag u) spent most of their time
 * starting and returning their many short matches.
 */

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** LETTER_OR_DIGIT's answer for each code point below 0x10000, as it is first asked: 0 not yet, 1 yes, 2 no. */
const BMP_LETTER_OR_DIGIT = new Uint8Array(0x10000);

function isLetterOrDigit(codePoint: number): boolean {
  if (codePoint > 0xffff) return LETTER_OR_DIGIT.test(String.fromCodePoint(codePoint));
  let known = BMP_LETTER_OR_DIGIT[codePoint];
  if (known === 0) BMP_LETTER_OR_DIGIT[codePoint] = known = LETTER_OR_DIGIT.test(String.fromCharCode(codePoint)) ? 1 : 2;
  return known === 1;
}

/**
 * Offsets of the tokens of `text`, flat (start, end, start, end, …): runs of letters
 * and digits, a joiner between two of them continuing the token. The same tokens as
 * the regex `[\p{L}\p{N}]+(?:[J][\p{L}\p{N}]+)*` (flag u) finds, J being the joiners
 * (UTF-16 code units).
 */
export function tokenBounds(text: string, joiners: readonly number[]): number[] {
  const bounds: number[] = [];
  const length = text.length;
  let i = 0;
  while (i < length) {
    let codePoint = text.codePointAt(i)!;
    if (!isLetterOrDigit(codePoint)) {
      i += codePoint > 0xffff ? 2 : 1;
      continue;
    }
    const start = i;
    for (;;) {
      while (i < length && isLetterOrDigit((codePoint = text.codePointAt(i)!))) i += codePoint > 0xffff ? 2 : 1;
      if (i + 1 < length && joiners.includes(text.charCodeAt(i)) && isLetterOrDigit(text.codePointAt(i + 1)!)) i++;
      else break;
    }
    bounds.push(start, i);
  }
  return bounds;
}
