import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/corpus';
import { SEEDS } from './helpers';

describe('seeds', () => {
  it('reads all five seed articles with the manifest dates', async () => {
    const corpus = await loadCorpus(SEEDS);
    expect(corpus.articles.map((a) => a.published)).toEqual(['2024-04-10', '2022-03-07', '2022-02-28', '2021-03-23', '2022-06-02']);
    expect(corpus.skipped).toEqual([]);
  });
});
