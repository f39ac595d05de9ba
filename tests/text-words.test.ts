/**
 * Words on the text layer (src/text/words.ts): tokens glued across an
 * apostrophe or hyphen with no space, the one word statement extraction, theme
 * coding and keyness count.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeText, isWordToken } from '../src/text';
import { forEachWord, lowerWord, wordCount } from '../src/text';
import { textOfPieces } from './helpers';

/** Each word of text[from, to) as [text, start]. */
function wordsOf(text: string, from = 0, to = text.length): [string, number][] {
  const layer = analyzeText(text);
  const out: [string, number][] = [];
  forEachWord(layer, from, to, (start, end) => out.push([text.slice(start, end), start]));
  return out;
}

const texts = (text: string, from?: number, to?: number) => wordsOf(text, from, to).map(([w]) => w);

describe('words on the text layer', () => {
  it('glue hyphenated compounds the tagger splits, and keep those it does not (a seed sentence)', () => {
    // The tagger gives "China" "-" "Russia" but "non-alliance" whole: one word each either way.
    const text = 'China-Russia relations are based on non-alliance, non-confrontation and non-targeting of third countries," ministry spokesperson Wang Wenbin said.';
    expect(analyzeText(text).tokens.slice(0, 3).map((t) => t.text)).toEqual(['China', '-', 'Russia']);
    expect(wordsOf(text)).toEqual([
      ['China-Russia', 0],
      ['relations', 13],
      ['are', 23],
      ['based', 27],
      ['on', 33],
      ['non-alliance', 36],
      ['non-confrontation', 50],
      ['and', 68],
      ['non-targeting', 72],
      ['of', 86],
      ['third', 89],
      ['countries', 95],
      ['ministry', 107],
      ['spokesperson', 116],
      ['Wang', 129],
      ['Wenbin', 134],
      ['said', 141],
    ]);
  });

  it('glue a possessive and a negative clitic; not across a dot, nor punctuation after a word', () => {
    const text = "China's \"no limits\" partnership with Russia can't be called an alliance, the U.S.-China talks showed.";
    expect(texts(text)).toEqual(["China's", 'no', 'limits', 'partnership', 'with', 'Russia', "can't", 'be', 'called', 'an', 'alliance', 'the', 'U.S.', 'China', 'talks', 'showed']);
  });

  it('glue only what touches: a spaced hyphen or clitic stays apart', () => {
    expect(texts("non - alliance and China 's role")).toEqual(['non', 'alliance', 'and', 'China', "'s", 'role']);
    expect(texts("non-alliance and China's role")).toEqual(['non-alliance', 'and', "China's", 'role']);
  });

  it('numbers are words, symbols and punctuation are not', () => {
    expect(texts('Trade rose 26.3% to $190 billion in 2023, a well-known figure.')).toEqual(['Trade', 'rose', '26.3', 'to', '190', 'billion', 'in', '2023', 'a', 'well-known', 'figure']);
    expect(texts('— % $ , "')).toEqual([]);
  });

  it('a word cut by the bounds counts with its part inside', () => {
    const text = 'China-Russia relations are based on non-alliance';
    expect(texts(text, 2, 40)).toEqual(['ina-Russia', 'relations', 'are', 'based', 'on', 'non-']);
    expect(texts(text, 13, 26)).toEqual(['relations', 'are']);
    // Nothing but the hyphen inside: no word.
    expect(texts(text, 5, 6)).toEqual([]);
  });

  it('are counted by wordCount, and lower-cased by lowerWord', () => {
    const text = 'Beijing\'s "no-limits" partnership, U.S. officials said.';
    const layer = analyzeText(text);
    expect(wordCount(layer, 0, text.length)).toBe(6);
    expect(wordCount(layer, 0, 9)).toBe(1); // Beijing's
    expect(wordCount(layer, 9, 11)).toBe(0); // ` "`
    const lower: string[] = [];
    forEachWord(layer, 0, text.length, (start, end, first, last) => lower.push(lowerWord(layer, start, end, first, last)));
    expect(lower).toEqual(["beijing's", 'no-limits', 'partnership', 'u.s.', 'officials', 'said']);
  });

  it('offsets keep their promise: each word slices back, in order, inside the bounds, and covers every word token there', () => {
    const pieces = textOfPieces(["China's", 'Kyiv-held', 'non', '-', "'", '’', "'s", "n't", 'ca', 'U.S.', '2021-11-24', ' ', ', ', '"', 'é', 'ſ', 'Лавров', '王毅', '𝐀bc', '😀', '\uD835', '\uDC00']);
    fc.assert(
      fc.property(pieces, fc.nat(), fc.nat(), (text, a, b) => {
        const from = a % (text.length + 1);
        const to = from + (b % (text.length - from + 1));
        const layer = analyzeText(text);
        const spans: [number, number][] = [];
        forEachWord(layer, from, to, (start, end, first, last) => {
          expect(lowerWord(layer, start, end, first, last)).toBe(text.slice(start, end).toLowerCase());
          expect(layer.tokens[first]!.end).toBeGreaterThan(start);
          expect(layer.tokens[last]!.end).toBeGreaterThanOrEqual(end);
          spans.push([start, end]);
        });
        let previous = from;
        for (const [start, end] of spans) {
          expect(start).toBeGreaterThanOrEqual(previous);
          expect(end).toBeGreaterThan(start);
          expect(end).toBeLessThanOrEqual(to);
          expect(text.slice(start, end)).toMatch(/[\p{L}\p{N}]/u);
          previous = end;
        }
        expect(wordCount(layer, from, to)).toBe(spans.length);
        for (const t of layer.tokens) {
          if (!isWordToken(t) || t.start < from || t.end > to) continue;
          expect(spans.filter(([s, e]) => s <= t.start && t.end <= e), JSON.stringify({ text, token: t.text })).toHaveLength(1);
        }
      }),
      { numRuns: 500 },
    );
  });
});
