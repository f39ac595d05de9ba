import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/corpus';
import type { Article } from '../src/corpus/types';
import {
  checkExamples,
  codebookFromData,
  codeThemes,
  compilePattern,
  loadCodebook,
  matchText,
  themesOf,
  words,
  type Codebook,
} from '../src/annotators/themes';
import { normalizeForMatching } from '../src/corpus/normalize';
import { SEED, SEEDS, tempCorpus } from './helpers';

const book = loadCodebook();

/** Theme, matched text and offsets of the matches in one seed sentence. */
function coded(article: Article, sentence: number, codebook: Codebook = book) {
  return codeThemes(article, [], codebook)
    .filter((m) => m.sentence === sentence)
    .map((m) => ({ theme: m.theme, matched: m.matched, start: m.start, end: m.end }));
}

function spans(pattern: string, text: string): string[] {
  return compilePattern(pattern)
    .find(text, words(text))
    .map((s) => text.slice(s.start, s.end));
}

describe('the shipped codebook', () => {
  it('has the 14 themes of the issue, each with at least one example', () => {
    expect(book.version).toBe('2024.2');
    expect(book.themes.map((t) => t.id)).toEqual([
      'sovereignty',
      'sanctions',
      'multipolarity',
      'nato_security',
      'partnership',
      'peace_dialogue',
      'root_causes',
      'democracy_rights',
      'interference',
      'bloc_confrontation',
      'un_order',
      'western_warnings',
      'economic_cooperation',
      'taiwan',
    ]);
    expect(book.themes.filter((t) => t.examples.length === 0).map((t) => t.id)).toEqual([]);
    expect(book.themes.filter((t) => t.counter_examples.length === 0).map((t) => t.id)).toEqual([]);
  });

  for (const theme of book.themes) {
    it(`${theme.id}: examples are coded with it, counter-examples are not`, () => {
      for (const text of theme.examples) expect(themesOf(text, book), text).toContain(theme.id);
      for (const text of theme.counter_examples) expect(themesOf(text, book), text).not.toContain(theme.id);
    });
  }

  it('gives every pattern an example it matches itself (each wording is shown, not only its theme)', () => {
    const unshown = book.themes.flatMap((theme) =>
      theme.patterns
        .filter((p) => {
          const pattern = compilePattern(p);
          return !theme.examples.some((e) => {
            const text = normalizeForMatching(e);
            return pattern.find(text, words(text)).length > 0;
          });
        })
        .map((p) => `${theme.id}: ${p}`),
    );
    expect(unshown).toEqual([]);
  });

  it('checkExamples finds nothing wrong with it, but reports a broken example and counter-example', () => {
    expect(checkExamples(book)).toEqual([]);
    const broken = codebookFromData(
      {
        version: 'test',
        themes: [{ id: 'taiwan', label: 'Taiwan', definition: 'Taiwan', patterns: ['taiwan'], examples: ['Taipei said no.'], counter_examples: ['Taiwan said no.'] }],
      },
      'broken.yaml',
    );
    expect(checkExamples(broken)).toEqual([
      { theme: 'taiwan', kind: 'example', text: 'Taipei said no.' },
      { theme: 'taiwan', kind: 'counter_example', text: 'Taiwan said no.' },
    ]);
  });
});

describe('codebook validation', () => {
  const theme = { id: 'taiwan', label: 'Taiwan', definition: 'Taiwan.', patterns: ['taiwan*'], examples: ['Taiwan'] };

  function load(yaml: string): () => Codebook {
    const dir = tempCorpus({ 'book.yaml': yaml });
    return () => loadCodebook(join(dir, 'book.yaml'));
  }

  it('accepts a valid codebook', () => {
    expect(load(`version: 1\nthemes:\n  - ${JSON.stringify(theme)}\n`)().themes.map((t) => t.id)).toEqual(['taiwan']);
  });

  it('names the theme and the field of a missing label', () => {
    const { label: _label, ...noLabel } = theme;
    void _label;
    expect(load(`version: "1"\nthemes:\n  - ${JSON.stringify(theme)}\n  - ${JSON.stringify({ ...noLabel, id: 'taiwan2' })}\n`)).toThrow(
      /book\.yaml: invalid data\n {2}themes\[1\] \(id "taiwan2"\)\.label: Required/,
    );
  });

  it('names the theme, field and index of a regex that does not compile', () => {
    expect(load(`version: "1"\nthemes:\n  - ${JSON.stringify({ ...theme, patterns: ['taiwan', '/(unclosed/'] })}\n`)).toThrow(
      /themes\[0\] \(id "taiwan"\)\.patterns\[1\]: regular expression does not compile/,
    );
  });

  it('rejects a duplicate id, an unknown field and a bad negation option', () => {
    expect(load(`version: "1"\nthemes:\n  - ${JSON.stringify(theme)}\n  - ${JSON.stringify(theme)}\n`)).toThrow(/themes\[1\] \(id "taiwan"\)\.id: theme id "taiwan" is used twice/);
    expect(load(`version: "1"\nthemes:\n  - ${JSON.stringify({ ...theme, pattern: ['x'] })}\n`)).toThrow(/themes\[0\] \(id "taiwan"\): Unrecognized key\(s\) in object: 'pattern'/);
    expect(load(`version: "1"\nthemes:\n  - ${JSON.stringify({ ...theme, negation: 'flip' })}\n`)).toThrow(/themes\[0\] \(id "taiwan"\)\.negation: Invalid enum value/);
  });

  it('names the file and line of a YAML syntax error', () => {
    expect(load('version: "1"\nthemes:\n  - id: [unclosed\n')).toThrow(/book\.yaml:\d+: YAML syntax error/);
  });
});

describe('pattern syntax', () => {
  it('matches whole words, case-insensitively', () => {
    expect(spans('war', 'War warned of a war-time warning.')).toEqual(['War', 'war']);
    expect(spans('war', 'He warned them.')).toEqual([]);
  });

  it('lets spaces, hyphens and double quotes between the words of a phrase vary', () => {
    expect(spans('non-alliance', 'non alliance, non-alliance, Non\u2013alliance')).toEqual(['non alliance', 'non-alliance', 'Non\u2013alliance']);
    expect(spans('non-alliance', 'nonalliance')).toEqual([]);
    expect(spans('monopoli* the definition', 'said that "monopolizing" the definition')).toEqual(['monopolizing" the definition']);
  });

  it('expands globs within words only', () => {
    expect(spans('sanction*', 'sanctions, sanctioned and sanction; unsanctioned')).toEqual(['sanctions', 'sanctioned', 'sanction']);
    expect(spans('defen?e', 'defence and defense, not defene')).toEqual(['defence', 'defense']);
    expect(spans('comprehensive * partnership', 'a comprehensive strategic partnership, a comprehensive partnership')).toEqual(['comprehensive strategic partnership']);
  });

  it('reads /regex/ patterns, always case-insensitive', () => {
    expect(spans('/real\\s+democra\\w+/', 'Real  Democracy and real democrats')).toEqual(['Real  Democracy', 'real democrats']);
  });

  it('finds NEAR pairs within the window, in either order, and not beyond it', () => {
    expect(spans('sanction* NEAR/2 oppose', 'We oppose these sanctions.')).toEqual(['oppose these sanctions']);
    expect(spans('sanction* NEAR/2 oppose', 'Sanctions? We oppose them.')).toEqual(['Sanctions? We oppose']);
    expect(spans('sanction* NEAR/2 oppose', 'We oppose all of these new sanctions.')).toEqual([]);
  });

  it('counts NEAR windows in text-layer words: a hyphenated compound is one word', () => {
    expect(spans('comprehensive NEAR/2 partnership', 'a comprehensive China-Russia strategic partnership')).toEqual(['comprehensive China-Russia strategic partnership']);
    expect(spans('comprehensive NEAR/2 partnership', 'a comprehensive China and Russia strategic partnership')).toEqual([]);
  });

  it('reads text-layer atoms: LEMMA:word by the tagger\'s lemma, /POS by its part of speech', () => {
    // Devset 13 and 25: irregular and inflected forms are one lemma.
    expect(spans('LEMMA:hold NEAR/3 responsible', 'Washington warned that it will hold Beijing responsible, and it held Beijing responsible.')).toEqual([
      'hold Beijing responsible',
      'held Beijing responsible',
    ]);
    expect(spans('LEMMA:accuse Beijing', 'accusing Beijing of worsening the Ukraine war, as the declaration accuses Beijing')).toEqual(['accusing Beijing', 'accuses Beijing']);
    expect(spans('LEMMA:accuse Beijing', 'an accusation Beijing denies')).toEqual([]);
    expect(spans('LEMMA:threat*', 'threatened threats')).toEqual(['threatened', 'threats']);
    // A part of speech narrows a word: the tagger reads "lies" in "Peace lies in dialogue" as a verb.
    expect(spans('lies/VERB', 'Peace lies in dialogue.')).toEqual(['lies']);
    expect(spans('lies/NOUN', 'Peace lies in dialogue.')).toEqual([]);
    expect(spans('LEMMA:face consequence*', 'China will face consequences; China faces consequences.')).toEqual(['face consequences', 'faces consequences']);
  });

  it('rejects an unknown part of speech and an empty lemma, and leaves other slashes to the word', () => {
    expect(() => compilePattern('LEMMA:lie/NOUNS')).toThrow(/part of speech "NOUNS" is not one the tagger gives/);
    expect(() => compilePattern('LEMMA:')).toThrow(/LEMMA: with no letter or digit/);
    expect(spans('24/7', 'open 24/7')).toEqual(['24/7']);
  });

  it('rejects malformed patterns with a readable reason', () => {
    expect(() => compilePattern('/(/')).toThrow(/regular expression does not compile/);
    expect(() => compilePattern('/x*/')).toThrow(/matches the empty string/);
    expect(() => compilePattern('a NEAR/3 b NEAR/2 c')).toThrow(/more than one NEAR/);
    expect(() => compilePattern('*')).toThrow(/no letter or digit/);
    expect(() => compilePattern('  ')).toThrow(/pattern is empty/);
  });
});

describe('coding the seed sentences', () => {
  let articles: Record<string, Article>;
  beforeAll(async () => {
    const corpus = await loadCorpus(SEEDS);
    articles = Object.fromEntries(corpus.articles.map((a) => [a.article_id, a]));
  });

  it('codes every seed article', () => {
    expect(Object.values(articles).map((a) => codeThemes(a, [], book).length)).toEqual([25, 18, 24, 15, 18]);
  });

  it('codes "does not approve of ... sanctions" as opposition to sanctions, and nothing else', () => {
    expect(coded(articles[SEED.newsweek]!, 15)).toEqual([
      { theme: 'sanctions', matched: 'does not approve of solving problems through sanctions', start: 2130, end: 2184 },
    ]);
  });

  it('does not code sentences that merely report sanctions, or a negated "sanctioned"', () => {
    // "China has broken with the U.S., Europe and others that have imposed sanctions on Russia ..."
    expect(coded(articles[SEED.ap]!, 4)).toEqual([]);
    // "The EU had not sanctioned China significantly since an arms embargo in 1989 after the Tiananmen Square pro-democracy crackdown."
    expect(coded(articles[SEED.dw]!, 19)).toEqual([]);
    // "China had already responded on Monday by imposing sanctions on 10 European individuals ..."
    expect(coded(articles[SEED.dw]!, 22)).toEqual([]);
  });

  it('codes a proximity match with its cue: "denouncing trade and financial sanctions"', () => {
    expect(coded(articles[SEED.ap]!, 11)).toEqual([
      { theme: 'sanctions', matched: 'denouncing trade and financial sanctions', start: 1782, end: 1822 },
      { theme: 'root_causes', matched: 'to blame', start: 1861, end: 1869 },
      { theme: 'nato_security', matched: 'security concerns', start: 1916, end: 1933 },
    ]);
  });

  it('codes labels in scare quotes: "no limits" is partnership rhetoric, "real democracy" contested democracy', () => {
    expect(coded(articles[SEED.newsweek]!, 1)).toEqual([{ theme: 'partnership', matched: 'no limits', start: 55, end: 64 }]);
    expect(coded(articles[SEED.newsmax]!, 0)).toEqual([
      { theme: 'democracy_rights', matched: 'real democracy', start: 72, end: 86 },
      { theme: 'partnership', matched: "reaffirming Beijing's ties", start: 89, end: 115 },
    ]);
  });

  it('exclude patterns: "non-confrontation" is not bloc confrontation', () => {
    expect(coded(articles[SEED.newsweek]!, 7)).toEqual([
      { theme: 'partnership', matched: 'non-alliance', start: 1186, end: 1198 },
      { theme: 'partnership', matched: 'non-targeting', start: 1222, end: 1235 },
    ]);
    expect(themesOf('Beijing warned against bloc confrontation.', book)).toEqual(['bloc_confrontation']);
  });

  it('negation: drop removes negated matches of themes that ask for it, keep leaves them', () => {
    expect(matchText('China will expand trade cooperation with Russia.', book)).toEqual([
      {
        theme: 'economic_cooperation',
        pattern: 'economic cooperation|trade cooperation|energy cooperation|economic ties|trade ties|economic relations|trade relations|trade exchanges',
        start: 18,
        end: 35,
      },
    ]);
    expect(themesOf('China will not expand trade cooperation with Russia.', book)).toEqual([]);
    expect(themesOf("China won't expand trade cooperation with Russia.", book)).toEqual([]);
    // "no-limits" is one word, not the negator "no" (a devset sentence, 16_keyt_qin_kuleba_call).
    expect(themesOf('China has a declared "no-limits" friendship with Russia and has refused to condemn Moscow\'s invasion.', book)).toContain('partnership');
    expect(themesOf('China has no friendship with Russia.', book)).not.toContain('partnership');
    // interference keeps negation: "should not be interfered with" is the rejection itself.
    expect(coded(articles[SEED.kyivPost]!, 3)).toEqual([
      { theme: 'interference', matched: 'interfered', start: 597, end: 607 },
      { theme: 'interference', matched: 'criticism or pressure', start: 656, end: 677 },
    ]);
  });

  it('negation is scoped to the clause: a comma, a dash or "but" ends it, "not only" is none', () => {
    expect(themesOf('There will be no peace talks this year.', book)).not.toContain('peace_dialogue');
    expect(themesOf('There will be no talks, but dialogue will go on.', book)).toContain('peace_dialogue');
    expect(themesOf('China wants not only dialogue but trade.', book)).toContain('peace_dialogue');
    expect(themesOf('China has no friendship with Russia.', book)).not.toContain('partnership');
    expect(themesOf('China has no doubt, friendship with Russia matters.', book)).toContain('partnership');
  });

  it('a user codebook replaces the themes without touching code', () => {
    const dir = tempCorpus({
      'climate.yaml': 'version: mine\nthemes:\n  - id: climate\n    label: Climate\n    definition: Climate talk.\n    patterns: [climate change, pandemic]\n',
    });
    const mine = loadCodebook(join(dir, 'climate.yaml'));
    expect(coded(articles[SEED.dw]!, 7, mine)).toEqual([
      { theme: 'climate', matched: 'climate change', start: 767, end: 781 },
      { theme: 'climate', matched: 'pandemic', start: 802, end: 810 },
    ]);
    expect(coded(articles[SEED.dw]!, 7)).toEqual([]);
    writeFileSync(join(dir, 'note.txt'), 'x');
    expect(() => loadCodebook(join(dir, 'note.txt'))).toThrow(/codebook file type "\.txt" is not read/);
  });
});
