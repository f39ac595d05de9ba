import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isNameWord, tokenize } from '../src/annotators/actors/unregistered';
import { textOfPieces } from './helpers';

/** The regex the scan stands in for, run the same way: global, from lastIndex `from`, while matches start before `to`. */
function regexTokens(text: string, from: number, to: number): { text: string; start: number; end: number }[] {
  const re = /\p{L}+(?:['-](?!s(?!\p{L}))\p{L}+)*/gu;
  const out = [];
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

const text = textOfPieces(['Josep', 'Borrell', "Smith's", "O'Brien", "it's", "'s", 's', "'", '-', 'Kyiv-held', '-s', ' ', '. ', 'J.', ', ', '2', 'é', 'ſ', 'Лавров', '王毅', '𝐀bc', '😀', '\uD835', '\uDC00']);

describe('tokenize (words for unregistered names)', () => {
  it('gives the matches of its regex, from any start to any end', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (t, a, b) => {
        const from = a % (t.length + 1);
        const to = from + (b % (t.length - from + 2));
        expect(tokenize(t, from, to)).toEqual(regexTokens(t, from, to));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('isNameWord (capitalised words of names)', () => {
  it('agrees with its Unicode regex', () => {
    const NAME_WORD = /^\p{Lu}\p{Ll}+(?:['-]\p{Lu}?\p{Ll}+)*$/u;
    const part = fc.constantFrom('A', 'b', 'Bo', 'rrell', "'", '-', "O'", 'Brien', 'Kyiv', '-Based', "d'Angelo", '-b', 'É', 'é', 'ſ', 'ǅ', 'Л', 'ов', '𝐀', '1', ' ', '');
    fc.assert(
      fc.property(fc.array(part, { maxLength: 8 }).map((p) => p.join('')), (word) => {
        expect(isNameWord(word)).toBe(NAME_WORD.test(word));
      }),
      { numRuns: 5000 },
    );
  });
});
