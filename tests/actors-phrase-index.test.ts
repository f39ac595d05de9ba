import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../src/annotators/actors';
import { keyWords, matchAt, taggedKeyWords, wordsOfLayer, type PhraseIndex } from '../src/annotators/actors/lexicon';
import { analyzeText, type TokenLayer } from '../src/text';

const registry = loadRegistry();

/** The matching the index stands in for: at each word start, every phrase sharing the first word, longest first. */
function tryingEveryPhrase<T extends { text: string; re: RegExp }>(index: PhraseIndex<T>, layer: TokenLayer): { start: number; end: number; form: T }[] {
  const out: { start: number; end: number; form: T }[] = [];
  let free = 0;
  for (const word of wordsOfLayer(layer)) {
    if (word.start < free) continue;
    for (const form of index.phrasesStartingWith(word.lower)) {
      const length = matchAt(layer, word.start, form.re);
      if (length > 0) {
        out.push({ start: word.start, end: word.start + length, form });
        free = word.start + length;
        break;
      }
    }
  }
  return out;
}

/** Registered names and role phrases as news copy writes them, in any case, run together with separators and odd characters. */
const surfaces = registry.actors.flatMap((a) => [a.name, ...a.aliases, ...a.metonyms, ...a.adjectives]);
const rolePhrases = Object.values(registry.rolePhrases)
  .flat()
  .flatMap((template) => ['Chinese|China', 'Russian|Russia', 'U.S.|U.S.', 'Turkish|Türkiye', 'French|Élysée Palace'].map((pair) => {
    const [adj, state] = pair.split('|') as [string, string];
    return template.replace('{adj}', adj).replace('{state}', state);
  }));
const phrase = fc.constantFrom(...surfaces, ...rolePhrases).chain((p) =>
  fc.constantFrom(p, p.toUpperCase(), p.toLowerCase(), p.replace(/\b\w/g, (c) => c.toUpperCase()), p.replace(/ /g, '  '), `${p}s`, p.replace(/'/g, '’')),
);
const separator = fc.constantFrom(' ', ', ', "'s ", '-', '.', '\n', ' the ', ' said ', 'ſ', 'İ', '\u212A', 'é', '😀', '2');
const newsText = fc.array(fc.oneof(phrase, separator), { maxLength: 40 }).map((parts) => parts.join(''));

describe('phrase index', () => {
  it('finds what trying every phrase of the first word finds (registered forms)', () => {
    fc.assert(
      fc.property(newsText, (text) => {
        const layer = analyzeText(text);
        expect(registry.lexicon.forms.longestMatches(layer, wordsOfLayer(layer))).toEqual(tryingEveryPhrase(registry.lexicon.forms, layer));
      }),
      { numRuns: 500 },
    );
  });

  it('finds what trying every phrase of the first word finds (role phrases)', () => {
    fc.assert(
      fc.property(newsText, (text) => {
        const layer = analyzeText(text);
        expect(registry.lexicon.roleForms.longestMatches(layer, wordsOfLayer(layer))).toEqual(tryingEveryPhrase(registry.lexicon.roleForms, layer));
      }),
      { numRuns: 500 },
    );
  });
});

describe('phrase keys', () => {
  it('split plain phrases on their spaces exactly as the tagger would key them (every registry phrase)', () => {
    const phrases = [...new Set([...surfaces, ...rolePhrases])];
    expect(keyWords(phrases)).toEqual(taggedKeyWords(phrases));
    expect(keyWords(['Chinese foreign minister', 'U.S. State Department'])).toEqual([['chinese', 'foreign', 'minister'], ['u.s.', 'state', 'department']]);
  });
});
