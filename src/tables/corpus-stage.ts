import type { ReportStage } from '../report/stage';
import { articleRow, removedRows, sentenceRows } from './corpus';
import { ARTICLES, REMOVED, SENTENCES } from './schema';

/** articles.csv, sentences.csv and removed.csv. */
export function corpusStage(): ReportStage {
  return {
    name: 'corpus',
    tables: [ARTICLES, SENTENCES, REMOVED],
    digest: ({ article }) => ({ rows: { articles: [articleRow(article)], sentences: sentenceRows(article), removed: removedRows(article) } }),
  };
}
