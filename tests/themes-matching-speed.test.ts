/**
 * The shortcuts that make theme coding fast give the same answers as the plain
 * definitions they replace: the prefilter index as `includes` on every literal, the
 * ASCII term regexes as the Unicode ones. (Words come from the text layer: tests/words.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { compilePattern, keynessTokens, words } from '../src/annotators/themes';
import { PrefilterIndex } from '../src/annotators/themes/prefilter';
import type { Prefilter } from '../src/annotators/themes/patterns';

/** A small deterministic pseudo-random generator (the tests must not be flaky). */
function random(seed: number): () => number {
  return () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
}

/** Tricky pieces: apostrophes, hyphens, accents, combining marks, surrogate pairs, a lone surrogate. */
const PIECES = ["'", '’', '-', ' ', 'a', 'Z', '0', 'é', '\u0301', '\u0345', 'ſ', '\u212A', '中', '𝐀', '😀', '\uD800', 'ab', 'China', 'the'];

function randomText(next: () => number, length: number): string {
  return Array.from({ length }, () => PIECES[Math.floor(next() * PIECES.length)]).join('');
}

describe('the prefilter index', () => {
  it('opens exactly the patterns whose literals a text contains (as includes finds them)', () => {
    const next = random(7);
    const literal = () => randomText(next, 1 + Math.floor(next() * 2)).toLowerCase();
    for (let round = 0; round < 100; round++) {
      const prefilters: Prefilter[] = Array.from({ length: 1 + Math.floor(next() * 6) }, () =>
        Array.from({ length: Math.floor(next() * 3) }, () =>
          Array.from({ length: Math.floor(next() * 3) }, () => Array.from({ length: Math.floor(next() * 3) }, literal)),
        ),
      );
      const index = new PrefilterIndex(prefilters);
      for (let k = 0; k < 50; k++) {
        const text = randomText(next, Math.floor(next() * 12)).toLowerCase();
        const expected = prefilters.map((p) => (p.every((terms) => terms.some((literals) => literals.every((l) => text.includes(l)))) ? 1 : 0));
        expect([...index.mayMatch(text)], JSON.stringify({ prefilters, text })).toEqual(expected);
      }
    }
  });
});

describe('words from the text layer', () => {
  const seed = 'China-Russia relations are based on non-alliance, non-confrontation and non-targeting of third countries';

  it('words() are the text layer\'s, compounds and clitics glued, with offsets (a seed sentence)', () => {
    expect(words("China's non-alliance, U.S.-China talks").map((w) => [w.word, w.start, w.end])).toEqual([
      ["China's", 0, 7],
      ['non-alliance', 8, 20],
      ['U.S.', 22, 26],
      ['China', 27, 32],
      ['talks', 33, 38],
    ]);
    expect(words(seed).map((w) => w.word).slice(0, 2)).toEqual(['China-Russia', 'relations']);
    expect(words('— , "')).toEqual([]);
  });

  it('keynessTokens() lower-cases them, apostrophes straightened, stopwords out', () => {
    expect(keynessTokens(seed)).toEqual(['china-russia', 'relations', 'based', 'non-alliance', 'non-confrontation', 'non-targeting', 'third', 'countries']);
    // Not glued across a dot: "U.S.-China" is two features; a curly apostrophe is a straight one.
    expect(keynessTokens('U.S.-China talks on Russia’s war')).toEqual(['u.s.', 'china', 'talks', "russia's", 'war']);
  });
});

describe('term regexes', () => {
  const spans = (pattern: string, text: string) => compilePattern(pattern).find(text, words(text)).map((s) => text.slice(s.start, s.end));

  it('treat letters case-equivalent to ASCII ones (ſ, the Kelvin sign) as letters', () => {
    expect(spans('condemn*', 'They condemnſ it')).toEqual(['condemnſ']);
    expect(spans('\u212Aorea*', 'Korean')).toEqual(['Korean']);
  });

  it('treat letters beyond ASCII as letters, in globs and at word boundaries', () => {
    expect(spans('peace*', 'peace\u0345 and peaceé')).toEqual(['peace\u0345', 'peaceé']);
    expect(spans('peace', 'peaceé peace')).toEqual(['peace']);
    expect(spans('comprehensive NEAR/3 partner*', 'a comprehensive strategic partner\u0345 deal')).toEqual(['comprehensive strategic partner\u0345']);
  });
});
