import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/corpus';
import { createPipeline, type AnnotatedArticle } from '../src/pipeline';

// Articles the kit was not developed on: another outlet (.md wire copy with a dateline),
// another year (2023, 2024), other speakers (Peskov, Zakharova, Stoltenberg, Guterres, Sullivan).
const UNSEEN = resolve(__dirname, 'fixtures/unseen');
let byId: Map<string, AnnotatedArticle>;

beforeAll(async () => {
  const corpus = await loadCorpus(UNSEEN);
  expect(corpus.skipped).toEqual([]);
  const pipeline = createPipeline();
  byId = new Map(corpus.articles.map((a) => [a.article_id, pipeline.annotate(a)]));
});

const rows = (id: string) => byId.get(id)!.statements.map((s) => [s.sentence, s.speaker_id || s.speaker, s.speaker_country, s.kind, s.date]);

describe('statements in articles never seen in development', () => {
  it('reads a wire story with a dateline: Kremlin, Peskov (with a continuing quote), Zakharova, Stoltenberg', () => {
    expect(byId.get('reuters-2023')!.article).toMatchObject({ published: '2023-03-20', date_basis: 'text' });
    expect(rows('reuters-2023')).toEqual([
      [0, 'kremlin', 'RUS', 'indirect', '2023-03-20'],
      [1, 'kremlin', 'RUS', 'mixed', '2023-03-20'],
      [2, 'dmitry-peskov', 'RUS', 'direct', '2023-03-20'],
      [3, 'dmitry-peskov', 'RUS', 'direct', '2023-03-20'],
      [4, 'dmitry-peskov', 'RUS', 'indirect', '2023-03-20'],
      [5, 'maria-zakharova', 'RUS', 'mixed', '2023-03-20'],
      [6, 'jens-stoltenberg', 'NATO', 'indirect', '2023-03-19'],
      [7, 'jens-stoltenberg', 'NATO', 'direct', '2023-03-20'],
      [8, 'officials', '', 'indirect', '2023-03-20'],
    ]);
  });

  it('reads an HTML page: Guterres, Wang Wenbin, Sullivan, analysts; the caption alone is no statement', () => {
    expect(byId.get('guardian-2024')!.article).toMatchObject({ published: '2024-05-17', outlet: 'The Daily Ledger' });
    expect(rows('guardian-2024')).toEqual([
      [0, 'antonio-guterres', 'UN', 'indirect', '2024-05-17'],
      [1, 'antonio-guterres', 'UN', 'mixed', '2024-05-16'],
      [3, 'wang-wenbin', 'CHN', 'direct', '2024-05-17'],
      [4, 'jake-sullivan', 'USA', 'indirect', '2024-05-17'],
      [5, 'Analysts', '', 'indirect', '2024-05-17'],
    ]);
  });
});
