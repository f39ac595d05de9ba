import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeText, tokenIndexAt, tokensIn, tokensOf } from '../src/text';
import { articleFromText } from '../src/corpus';
import { textOfPieces } from './helpers';
import * as kit from '../src';

const pieces = textOfPieces(['Josep', 'Borrell', "Smith's", "O'Brien", "it's", 'U.S.', 'Sen.', '“', '”', '"', "'", '-', 'Kyiv-held', ' ', '  ', '\n\n', '. ', ', ', '2021-11-24', '08:50', 'é', 'Лавров', '王毅', '😀', '—', '\u00a0']);

describe('the text layer', () => {
  it('tokenises real news copy with offsets, lemmas and parts of speech', () => {
    const layer = analyzeText('“It is a partnership,” Rudenko said. Sen. Bob Menendez told CNN\'s Dana Bash.');
    expect(layer.tokens.map((t) => [t.text, t.start, t.lemma, t.pos, t.shape])).toEqual([
      ['“', 0, '“', 'PUNCT', 'punct'],
      ['It', 1, 'it', 'PRON', 'word'],
      ['is', 4, 'be', 'AUX', 'word'],
      ['a', 7, 'a', 'DET', 'word'],
      ['partnership', 9, 'partnership', 'NOUN', 'word'],
      [',', 20, ',', 'PUNCT', 'punct'],
      ['”', 21, '”', 'PUNCT', 'punct'],
      ['Rudenko', 23, 'rudenko', 'PROPN', 'word'],
      ['said', 31, 'say', 'VERB', 'word'],
      ['.', 35, '.', 'PUNCT', 'punct'],
      ['Sen.', 37, 'sen.', 'PROPN', 'word'],
      ['Bob', 42, 'bob', 'PROPN', 'word'],
      ['Menendez', 46, 'menendez', 'PROPN', 'word'],
      ['told', 55, 'tell', 'VERB', 'word'],
      ['CNN', 60, 'cnn', 'PROPN', 'word'],
      ["'s", 63, "'s", 'PART', 'word'],
      ['Dana', 66, 'dana', 'PROPN', 'word'],
      ['Bash', 71, 'bash', 'PROPN', 'word'],
      ['.', 75, '.', 'PUNCT', 'punct'],
    ]);
  });

  it('lemmatises inflected role nouns and verbs, and tags a verb only where it is one', () => {
    const layer = analyzeText('The ambassadors warned. A State Department statement.');
    expect(layer.tokens.filter((t) => t.shape === 'word').map((t) => `${t.text}/${t.lemma}/${t.pos}`)).toEqual([
      'The/the/DET',
      'ambassadors/ambassador/NOUN',
      'warned/warn/VERB',
      'A/a/DET',
      'State/state/PROPN',
      'Department/department/PROPN',
      'statement/statement/NOUN',
    ]);
  });

  it('every token slices back to its text, in order, and every non-space character is in a token', () => {
    fc.assert(
      fc.property(pieces, (text) => {
        const { tokens } = analyzeText(text);
        let last = 0;
        for (const t of tokens) {
          expect(text.slice(t.start, t.end)).toBe(t.text);
          expect(t.start).toBeGreaterThanOrEqual(last);
          expect(t.text.trim()).not.toBe('');
          last = t.end;
        }
        const covered = new Uint8Array(text.length);
        for (const t of tokens) covered.fill(1, t.start, t.end);
        for (let i = 0; i < text.length; i++) if (!/\s/u.test(text[i]!)) expect(covered[i], `offset ${i} of ${JSON.stringify(text)}`).toBe(1);
      }),
      { numRuns: 500 },
    );
  });

  it('splits a hyphen between letters off every word, and mends a dotted abbreviation the tagger cut after a hyphen', () => {
    expect(analyzeText('pro-Russian views on the China-U.S. summit').tokens.map((t) => t.text)).toEqual(['pro', '-', 'Russian', 'views', 'on', 'the', 'China', '-', 'U.S.', 'summit']);
    // Not mended: a sentence-final dot after capitals stays its own token.
    expect(analyzeText('He said NATO. Then Plan B.').tokens.map((t) => t.text)).toEqual(['He', 'said', 'NATO', '.', 'Then', 'Plan', 'B.']);
    expect(analyzeText('A -5 change, 2-1').tokens.map((t) => t.text)).toEqual(['A', '-5', 'change', ',', '2-1']);
  });

  it('finds tokens by offset and by range', () => {
    const layer = analyzeText('China and Russia said.');
    expect(layer.tokens[tokenIndexAt(layer, 0)]!.text).toBe('China');
    expect(layer.tokens[tokenIndexAt(layer, 5)]!.text).toBe('and');
    expect(tokenIndexAt(layer, 100)).toBe(layer.tokens.length);
    expect(tokensIn(layer, 6, 16).map((t) => t.text)).toEqual(['and', 'Russia']);
    expect(tokensIn(layer, 7, 16).map((t) => t.text)).toEqual(['Russia']);
  });

  it('is part of the kit\'s public API', () => {
    expect(kit.analyzeText).toBe(analyzeText);
    expect(kit.tokensOf).toBe(tokensOf);
  });

  it('is built once per article, on its matching text', () => {
    const article = articleFromText('“We disagree,” Lavrov said.', {});
    const layer = tokensOf(article);
    expect(tokensOf(article)).toBe(layer);
    expect(layer.tokens[0]!.text).toBe('"');
    expect(article.text.slice(layer.tokens[0]!.start, layer.tokens[0]!.end)).toBe('“');
  });
});
