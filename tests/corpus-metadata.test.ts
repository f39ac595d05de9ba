import { copyFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus, type Article, type Corpus } from '../src/corpus';
import { SEED, SEEDS } from './helpers';

const byId = (corpus: Corpus, id: string): Article => {
  const article = corpus.articles.find((a) => a.article_id === id);
  if (!article) throw new Error(`no article ${id}`);
  return article;
};

describe('seed metadata with manifest.csv', () => {
  let corpus: Corpus;
  beforeAll(async () => {
    corpus = await loadCorpus(SEEDS);
  });

  it('reads all five seeds, nothing skipped, no warnings', () => {
    expect(corpus.articles.map((a) => a.article_id)).toEqual([SEED.kyivPost, SEED.ap, SEED.newsweek, SEED.dw, SEED.newsmax]);
    expect(corpus.skipped).toEqual([]);
    expect(corpus.warnings).toEqual([]);
  });

  it('takes published, outlet and title from the manifest (date_basis "manifest")', () => {
    expect(corpus.articles.map((a) => [a.file, a.published, a.date_basis, a.outlet])).toEqual([
      ['000_6c805811b0115857.txt', '2024-04-10', 'manifest', 'Kyiv Post (AFP wire)'],
      ['001_a6909c2cfd527a08.txt', '2022-03-07', 'manifest', 'Associated Press'],
      ['002_85751d1f4b45d821.txt', '2022-02-28', 'manifest', 'Newsweek'],
      ['003_ba9e1a6144e27da5.txt', '2021-03-23', 'manifest', 'DW'],
      ['004_3e01f6d52798d3e2.txt', '2022-06-02', 'manifest', 'Newsmax'],
    ]);
    expect(corpus.articles.map((a) => a.title)).toEqual([
      'China vows it will not accept "criticism or pressure" over its ties with Russia',
      'China\'s foreign minister calls Russia Beijing\'s "most important strategic partner"',
      'Beijing Says China and Russia Are Not Allies',
      'China, Russia accuse US of interference',
      'China\'s top diplomat says Beijing will work with Russia to promote "real democracy"',
    ]);
    expect(corpus.articles.map((a) => a.url)).toEqual(['', '', '', '', '']);
  });

  it('the manifest date wins over the one the text states (000 has none; 001 states the same day)', () => {
    // 002's caption says "July 24, 2020"; with the manifest it must still be 2022-02-28.
    expect(byId(corpus, SEED.newsweek).published).toBe('2022-02-28');
    expect(byId(corpus, SEED.newsweek).published).not.toBe('2020-07-24');
  });
});

describe('seed metadata inferred from the text (no manifest.csv)', () => {
  let corpus: Corpus;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'srkit-nomanifest-'));
    for (const f of readdirSync(SEEDS).filter((f) => f.endsWith('.txt'))) copyFileSync(join(SEEDS, f), join(dir, f));
    corpus = await loadCorpus(dir);
  });

  it('reads the five .txt files', () => {
    expect(corpus.articles).toHaveLength(5);
    expect(corpus.skipped).toEqual([]);
  });

  it('001: "date 2022-03-07" marker gives 2022-03-07, basis "text"', () => {
    const a = byId(corpus, SEED.ap);
    expect([a.published, a.date_basis]).toEqual(['2022-03-07', 'text']);
  });

  it('003: the dateline line "March 23, 2021" gives 2021-03-23, basis "text"', () => {
    const a = byId(corpus, SEED.dw);
    expect([a.published, a.date_basis]).toEqual(['2021-03-23', 'text']);
  });

  it('000, 002 and 004 state no publication date: "" and basis "none"', () => {
    for (const id of [SEED.kyivPost, SEED.newsweek, SEED.newsmax]) {
      const a = byId(corpus, id);
      expect([id, a.published, a.date_basis]).toEqual([id, '', 'none']);
    }
  });

  it("002's caption date (July 24, 2020) and in-text date (February 28, 2022) are not taken as the publication date", () => {
    const a = byId(corpus, SEED.newsweek);
    expect(a.text).toContain('a daily press briefing on July 24, 2020, in Beijing');
    expect(a.text).toContain('told reporters on February 28, 2022');
    expect(a.published).toBe('');
  });

  it('headlines: 002 and 003 open with one', () => {
    expect(byId(corpus, SEED.newsweek).title).toBe('Beijing Says China and Russia Are Not Allies');
    expect(byId(corpus, SEED.dw).title).toBe('China, Russia accuse US of interference');
  });

  it('000 and 004 open with a sentence, not a headline: the title is that sentence, shortened', () => {
    expect(byId(corpus, SEED.kyivPost).title).toBe('China vowed Wednesday it would not accept "criticism or pressure" over its ties with…');
    expect(byId(corpus, SEED.newsmax).title).toBe('China\'s top diplomat said his country will work with Russia to promote "real democracy,"…');
  });

  it('001 opens with a photo caption, which is never taken as its headline', () => {
    const a = byId(corpus, SEED.ap);
    expect(a.paragraphs[0]!.caption).toBe(true);
    expect(a.title).not.toContain('Chinese Foreign Minister Wang Yi speaks');
    expect(a.title).toBe('“The friendship between the two peoples is iron clad,” China’s top diplomat said.');
  });

  it('outlets are empty without a manifest (plain text carries none)', () => {
    expect(corpus.articles.map((a) => a.outlet)).toEqual(['', '', '', '', '']);
  });
});
