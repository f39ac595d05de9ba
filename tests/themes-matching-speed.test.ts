/**
 * The shortcuts that make theme coding fast give the same answers as the plain
 * definitions they replace: the prefilter index as `includes` on every literal, the
 * hand-scanned tokens as their regexes, the ASCII term regexes as the Unicode ones.
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

describe('hand-scanned tokens', () => {
  const next = random(11);
  const texts = Array.from({ length: 2000 }, () => randomText(next, Math.floor(next() * 10)));

  it('words() finds what its regex finds', () => {
    const WORD = /[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu;
    for (const text of texts) {
      expect(words(text), JSON.stringify(text)).toEqual([...text.matchAll(WORD)].map((m) => ({ word: m[0], start: m.index, end: m.index + m[0].length })));
    }
  });

  it('keynessTokens() finds what its regex finds', () => {
    const TOKEN = /[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu;
    for (const text of texts) {
      expect(keynessTokens(text, new Set()), JSON.stringify(text)).toEqual([...text.matchAll(TOKEN)].map((m) => m[0].toLowerCase().replace(/’/g, "'")));
    }
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
