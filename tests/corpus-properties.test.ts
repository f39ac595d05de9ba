import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildArticle, countWords, normalizeForMatching, splitSentences, type Article } from '../src/corpus';

/**
 * Text made of the pieces that trip segmenters and cleaners: abbreviations, initials,
 * curly and straight quotes, ellipses, odd spaces, blank and wrapped lines, emoji,
 * furniture-like lines (bylines, datelines, credits), plus arbitrary Unicode.
 */
const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('China', 'Russia', 'said', 'the', 'Wang Yi', 'Lavrov', 'partnership', 'a', '2022', '6,000', 'Kyiv-held', 'non-alliance') },
  { weight: 4, arbitrary: fc.constantFrom('. ', '? ', '! ', ', ', ' ', '.', '…', '... ', ': ', '; ', ' — ', '-') },
  { weight: 3, arbitrary: fc.constantFrom('U.S.', 'U.N.', 'Feb.', 'Gen.', 'Dr.', 'Mr.', 'John F. Kennedy', 'e.g.', 'a.m.', 'No.', 'U.S.S.R.') },
  { weight: 3, arbitrary: fc.constantFrom('"', '“', '”', '‘', '’', "'", '(', ')', '[', ']', '«', '»') },
  { weight: 3, arbitrary: fc.constantFrom('\n', '\n\n', '\r\n', '\n \n', '\t', '\u00A0', '\u2009', '\u202F', '\u3000', '\u200B', '\uFEFF', '\u00AD', '\u2028') },
  { weight: 2, arbitrary: fc.constantFrom('😀', '🇨🇳', '👩‍👩‍👧', '王毅', 'Лавров', 'é', 'e\u0301', '\uD83D', '\uDE00') },
  { weight: 2, arbitrary: fc.constantFrom('\nBy Associated Press\n', '\nMarch 23, 2021\n', '\nOther Topics of Interest\n', ' (AP/Sam McNeil)\n', '\nrc/msh (Reuters, AP, EFE)\n', '\n1. Skip to content\n', ' date 2022-03-07 ', '\n© 2025 Newsmax.\n', 'talksImage: Tass/imago') },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
);
const newsish = fc.array(piece, { maxLength: 80 }).map((parts) => parts.join(''));
const anyText = fc.oneof(newsish, fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: 'grapheme-composite', maxLength: 200 }));

const RUNS = { numRuns: 400 };
const build = (text: string): Article | undefined => buildArticle({ article_id: 'p', file: 'p.txt', text });
const noSpace = (s: string) => s.replace(/\s/g, '');

describe('properties of cleaning and segmentation (fast-check)', () => {
  it('norm has the length of the text, character for character', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const norm = normalizeForMatching(text);
        expect(norm.length).toBe(text.length);
        const a = build(text);
        if (a) expect(a.norm.length).toBe(a.text.length);
      }),
      RUNS,
    );
  });

  it("every sentence's offsets slice back to its text, inside its paragraph, in order, trimmed and non-empty", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const a = build(text);
        if (!a) return;
        let previousEnd = 0;
        a.sentences.forEach((s, i) => {
          expect(s.index).toBe(i);
          expect(a.text.slice(s.start, s.end)).toBe(s.text);
          expect(s.text.length).toBeGreaterThan(0);
          expect(s.text).toBe(s.text.trim());
          const p = a.paragraphs[s.paragraph]!;
          expect(s.start >= p.start && s.end <= p.end).toBe(true);
          expect(s.start).toBeGreaterThanOrEqual(previousEnd);
          previousEnd = s.end;
        });
      }),
      RUNS,
    );
  });

  it('segmentation loses no non-space character of a paragraph', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const a = build(text);
        if (!a) return;
        for (const p of a.paragraphs) {
          const joined = a.sentences.filter((s) => s.paragraph === p.index).map((s) => s.text).join('');
          expect(noSpace(joined)).toBe(noSpace(a.text.slice(p.start, p.end)));
        }
      }),
      RUNS,
    );
  });

  it('splitSentences alone, on raw text with any spacing, keeps every non-space character', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const norm = normalizeForMatching(text);
        const spans = splitSentences(norm, 0, norm.length);
        expect(noSpace(spans.map((s) => text.slice(s.start, s.end)).join(''))).toBe(noSpace(text));
        for (const s of spans) expect(s.end).toBeGreaterThan(s.start);
      }),
      RUNS,
    );
  });

  it('every non-space character of the input is either in the cleaned text or in a removal', () => {
    fc.assert(
      fc.property(newsish, (text) => {
        const a = build(text);
        const kept = a ? noSpace(a.text).length : 0;
        const removed = a ? a.removed.reduce((n, r) => n + noSpace(r.text).length, 0) : 0;
        // Cleaning drops invisible characters (zero-width space, BOM, soft hyphen) and control characters before anything else.
        const visible = noSpace(text.replace(/[\u200B-\u200D\u2060\uFEFF\u00AD\u0000-\u0008\u000E-\u001F\u007F]/g, '')).length;
        if (a) expect(kept + removed).toBe(visible);
      }),
      RUNS,
    );
  });

  it('cleaning then segmentation is deterministic', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(build(text)).toEqual(build(text));
      }),
      { numRuns: 200 },
    );
  });

  it('paragraphs do not overlap, never hold a line break, and are never empty', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const a = build(text);
        if (!a) return;
        let previousEnd = -1;
        for (const p of a.paragraphs) {
          expect(p.start).toBeGreaterThan(previousEnd);
          expect(p.end).toBeGreaterThan(p.start);
          expect(a.text.slice(p.start, p.end)).not.toMatch(/\n/);
          previousEnd = p.end;
        }
      }),
      RUNS,
    );
  });
});

describe('countWords', () => {
  const WORD = /[\p{L}\p{N}]+(?:['’.\-][\p{L}\p{N}]+)*/gu;
  const byRegex = (text: string) => [...text.matchAll(WORD)].length;

  it('counts words joined by one inner apostrophe, dot or hyphen as one', () => {
    expect(countWords("Russia's U.S.-backed Xi-Putin talks, don’t")).toBe(6); // Russia's, U.S, backed, Xi-Putin, talks, don’t
    expect(countWords('Москва и Пекин 北京 2022')).toBe(5);
  });

  it('does not join runs across two joiners, a trailing joiner or a space', () => {
    expect(countWords('a--b a.. b. -c')).toBe(5);
    expect(countWords(' ... - ’ ')).toBe(0);
  });

  it('equals the word pattern on any text (letters of any script, astral ones, joiners)', () => {
    const piece = fc.constantFrom('a', 'Z', '9', 'é', 'Ж', '北', '𝐀', '😀', "'", '’', '.', '-', ' ', '\n', ',', '"', '\u0301', '\ud800');
    fc.assert(fc.property(fc.array(piece, { maxLength: 40 }), (parts) => countWords(parts.join('')) === byRegex(parts.join(''))), { numRuns: 2000 });
  });
});
