import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleFromText } from '../src/corpus';
import { codeThemes, loadCodebook, matchText, readLiwcDictionary, readQuantedaDictionary } from '../src/annotators/themes';
import { tempCorpus } from './helpers';

const LIWC = ['%', '1\topposition', '2\tpartnership', '%', 'sanction*\t1', 'oppose\t1', 'strategic partner*\t2', 'friend*\t2 1', ''].join('\n');

const QUANTEDA = `rhetoric:
  sanctions:
    - sanction*
    - unilateral sanctions
  partnership: [strategic partner*, no limits]
taiwan: taiwan*
`;

describe('LIWC .dic reader', () => {
  const dir = tempCorpus({ 'tiny.dic': LIWC });
  const file = join(dir, 'tiny.dic');

  it('reads categories as themes and words as patterns', () => {
    const book = readLiwcDictionary(file);
    expect(book.format).toBe('liwc');
    expect(book.version).toMatch(/^tiny\.dic@[0-9a-f]{12}$/);
    expect(book.themes.map((t) => ({ id: t.id, label: t.label, patterns: t.patterns }))).toEqual([
      { id: 'opposition', label: 'opposition', patterns: ['sanction*', 'oppose', 'friend*'] },
      { id: 'partnership', label: 'partnership', patterns: ['strategic partner*', 'friend*'] },
    ]);
  });

  it('is picked by loadCodebook from the extension and matches as LIWC does (exact words, * prefixes)', () => {
    const book = loadCodebook(file);
    expect(matchText('Beijing opposes sanctions but will oppose pressure.', book).map((m) => [m.theme, m.start, m.end])).toEqual([
      ['opposition', 16, 25],
      ['opposition', 35, 41],
    ]);
    expect(matchText('Friendship with a strategic partner.', book).map((m) => [m.theme, m.pattern])).toEqual([
      ['opposition', 'friend*'],
      ['partnership', 'friend*'],
      ['partnership', 'strategic partner*'],
    ]);
  });

  it('names the file and line of a bad entry, an unknown category and a missing header', () => {
    const bad = tempCorpus({
      'noids.dic': '%\n1\topposition\n%\nsanction*\t1\nhegemony\n',
      'unknown.dic': '%\n1\topposition\n%\nsanction*\t1\noppose\t1 7\n',
      'noheader.dic': 'sanction*\t1\n',
      'unclosed.dic': '%\n1\topposition\n',
    });
    expect(() => readLiwcDictionary(join(bad, 'noids.dic'))).toThrow(/noids\.dic:5: entry "hegemony" is not "word<TAB>category ids"/);
    expect(() => readLiwcDictionary(join(bad, 'unknown.dic'))).toThrow(/unknown\.dic:5: category id 7 is not in the header block/);
    expect(() => readLiwcDictionary(join(bad, 'noheader.dic'))).toThrow(/noheader\.dic:1: LIWC \.dic must start with a line holding only "%"/);
    expect(() => readLiwcDictionary(join(bad, 'unclosed.dic'))).toThrow(/unclosed\.dic:\d+: LIWC category block is never closed/);
  });
});

describe('quanteda YAML dictionary reader', () => {
  const dir = tempCorpus({ 'dict.yml': QUANTEDA });
  const file = join(dir, 'dict.yml');

  it('flattens nested keys to theme ids joined with "." and keeps the glob lists', () => {
    const book = readQuantedaDictionary(file);
    expect(book.format).toBe('quanteda');
    expect(book.themes.map((t) => ({ id: t.id, patterns: t.patterns }))).toEqual([
      { id: 'rhetoric.sanctions', patterns: ['sanction*', 'unilateral sanctions'] },
      { id: 'rhetoric.partnership', patterns: ['strategic partner*', 'no limits'] },
      { id: 'taiwan', patterns: ['taiwan*'] },
    ]);
  });

  it('is told apart from a codebook by its shape and codes an article', () => {
    const book = loadCodebook(file);
    expect(book.format).toBe('quanteda');
    const article = articleFromText('China\'s "no limits" partnership stands. Taiwan was not discussed.', { article_id: 'x', published: '2022-02-04' });
    expect(codeThemes(article, [], book).map((m) => [m.theme, m.sentence, m.matched])).toEqual([
      ['rhetoric.partnership', 0, 'no limits'],
      ['taiwan', 1, 'Taiwan'],
    ]);
  });

  it('names the file and line of an entry that is not a pattern, and of an empty key', () => {
    const bad = tempCorpus({
      'nested.yml': 'rhetoric:\n  sanctions:\n    - sanction*\n    - {word: oppose}\n',
      'empty.yml': 'rhetoric:\n  sanctions:\n  taiwan: [taiwan]\n',
      'regex.yml': 'rhetoric:\n  - "/(bad/"\n',
    });
    expect(() => readQuantedaDictionary(join(bad, 'nested.yml'))).toThrow(/nested\.yml:4: dictionary key "rhetoric\.sanctions" holds something other than a pattern string/);
    expect(() => readQuantedaDictionary(join(bad, 'empty.yml'))).toThrow(/empty\.yml:2: dictionary key "rhetoric\.sanctions" has no patterns/);
    expect(() => readQuantedaDictionary(join(bad, 'regex.yml'))).toThrow(/regex\.yml:2: dictionary key "rhetoric": regular expression does not compile/);
  });
});
