import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forEachWord, wordCount } from '../src/annotators/statements/words';
import { textOfPieces } from './helpers';

const WORD = /[\p{L}][\p{L}'’-]*/gu;

const spans = (text: string, from: number, to: number): [number, number][] => {
  const out: [number, number][] = [];
  forEachWord(text, from, to, (start, end) => out.push([start, end]));
  return out;
};

/** What the regex finds in text[from, to). */
const regexSpans = (text: string, from: number, to: number): [number, number][] =>
  [...text.slice(from, to).matchAll(WORD)].map((m) => [from + m.index!, from + m.index! + m[0].length]);

const text = textOfPieces(['said', 'Wang', "China's", 'O’Brien', 'Kyiv-held', "'", '’', '-', ' ', ', ', '"', '2022', 'é', 'ſ', 'İ', 'Лавров', '王毅', '𝐀bc', '😀', '\uD835', '\uDC00']);

describe('statement words', () => {
  it('are the matches of [\\p{L}][\\p{L}\'’-]*, within any bounds', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (t, a, b) => {
        const from = a % (t.length + 1);
        const to = from + (b % (t.length - from + 1));
        expect(spans(t, from, to)).toEqual(regexSpans(t, from, to));
        expect(wordCount(t)).toBe(t.match(WORD)?.length ?? 0);
      }),
      { numRuns: 2000 },
    );
  });
});
