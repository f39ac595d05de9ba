/**
 * Matching form of a text, one character for one character, so offsets found in
 * the normalised string point into the original: odd spaces become " ",
 * curly quotes and primes become straight ones.
 */
const SPACE = /[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
const SINGLE = /[\u2018\u2019\u201A\u201B\u2032\u02BC]/g;
const DOUBLE = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g;
const DASH = /[\u2010\u2011\u2012]/g;

export function normalizeForMatching(text: string): string {
  return text.replace(SPACE, ' ').replace(SINGLE, "'").replace(DOUBLE, '"').replace(DASH, '-');
}

/**
 * Characters removed before anything else: invisible, so never wanted in a table;
 * control characters too (a JSON line can carry a `\u0000` escape), all but tab,
 * line feed, carriage return, vertical tab and form feed.
 */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD\u0000-\u0008\u000E-\u001F\u007F]/g;
const CONTROL = /[\u0000-\u0008\u000E-\u001F\u007F]/g;

/** A metadata value (title, outlet, url, id) without control characters. */
export function stripControl(value: string): string {
  return value.replace(CONTROL, '');
}

/** Line endings to \n, invisible characters dropped: the first step of cleaning. */
export function stripInvisible(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(INVISIBLE, '');
}

/** A word's letter or digit (of any script). */
const WORD_CHAR = /[\p{L}\p{N}]/u;
/** Characters that join two runs of letters and digits into one word ("don't", "U.S", "Xi-Putin"). */
const isJoiner = (c: number) => c === 0x27 || c === 0x2019 || c === 0x2e || c === 0x2d;
const ASCII_WORD_CHAR = Uint8Array.from({ length: 128 }, (_, c) => (WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 0));

/**
 * Number of words (letters/digits, with inner apostrophes, dots and hyphens): the
 * matches of the Unicode pattern `[\p{L}\p{N}]+(?:['’.\-][\p{L}\p{N}]+)*`, counted
 * without building a match per word (every article is counted): each run of letters
 * and digits is a word unless one joiner alone links it to the run before.
 */
export function countWords(text: string): number {
  let n = 0;
  /** whether the last character was a letter or digit; whether the one before it was, when the last was a joiner */
  let inRun = false;
  let joinable = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let word: boolean;
    if (c < 128) word = ASCII_WORD_CHAR[c] === 1;
    else {
      const cp = text.codePointAt(i)!;
      word = WORD_CHAR.test(String.fromCodePoint(cp));
      if (cp > 0xffff) i++;
    }
    if (word) {
      if (!inRun && !joinable) n++;
      inRun = true;
      joinable = false;
    } else {
      joinable = inRun && isJoiner(c);
      inRun = false;
    }
  }
  return n;
}
