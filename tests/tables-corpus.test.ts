import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus, type Article } from '../src/corpus';
import { articleRow, removedRows, sentenceRows } from '../src/tables/corpus';
import { toDataFrame } from '../src/tables/frame';
import { ARTICLES, REMOVED, SENTENCES } from '../src/tables/schema';
import { expectTable, SEED, SEEDS } from './helpers';

let articles: Article[];
beforeAll(async () => {
  articles = (await loadCorpus(SEEDS)).articles;
});

describe('corpus tables as DataFrames', () => {
  it('articles: one row per seed, columns in the documented order', () => {
    const df = toDataFrame(articles.map(articleRow), ARTICLES);
    expect(df.columns).toEqual(['article_id', 'file', 'title', 'outlet', 'url', 'published', 'date_basis', 'paragraphs', 'sentences', 'words']);
    expectTable(df, {
      article_id: [SEED.kyivPost, SEED.ap, SEED.newsweek, SEED.dw, SEED.newsmax],
      published: ['2024-04-10', '2022-03-07', '2022-02-28', '2021-03-23', '2022-06-02'],
      sentences: [19, 15, 36, 26, 13],
    });
  });

  it('sentences of 003: the quote split in two sentences of one paragraph', () => {
    const dw = articles.find((a) => a.article_id === SEED.dw)!;
    const rows = sentenceRows(dw).filter((r) => r.paragraph === 9);
    expectTable(toDataFrame(rows, SENTENCES), {
      sentence: [9, 10],
      start: [1002, 1092],
      end: [1091, 1161],
      text: ['"Countries should stand together to oppose all forms of unilateral sanctions," Wang said.', '"These measures will not be embraced by the international community."'],
    });
  });

  it('removed of 004: line, rule and text; an article with no removal gives an empty frame with the columns', () => {
    const newsmax = articles.find((a) => a.article_id === SEED.newsmax)!;
    expectTable(toDataFrame(removedRows(newsmax), REMOVED), { line: [14, 15], rule: ['contributor-line', 'copyright'] });
    const empty = toDataFrame(removedRows({ ...newsmax, removed: [] }), REMOVED);
    expect(empty.columns).toEqual(['article_id', 'line', 'rule', 'text']);
    expect(empty.shape[0]).toBe(0);
  });
});
