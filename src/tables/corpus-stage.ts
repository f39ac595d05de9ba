import type { ReportStage } from './stage';
import { articleRow, removedRows, sentenceRows } from './corpus';
import { ArticlesTally, type ArticleSummary, type ArticlesState } from './report-data';
import { ARTICLES, REMOVED, SENTENCES } from './schema';

/** articles.csv, sentences.csv and removed.csv; for the report, article counts by year and outlet and the earliest articles. */
export function corpusStage(): ReportStage<ArticleSummary, ArticlesState> {
  const whole = new ArticlesTally();
  return {
    name: 'corpus',
    tables: [ARTICLES, SENTENCES, REMOVED],
    digest: ({ article }) => ({
      rows: { articles: [articleRow(article)], sentences: sentenceRows(article), removed: removedRows(article) },
      tally: { published: article.published, outlet: article.outlet, title: article.title, sentences: article.sentences.length, words: article.words },
    }),
    partial: () => new ArticlesTally(),
    merge: (state) => whole.merge(state),
    finish: () => {
      const articles = whole.data();
      return { tables: [], data: articles.total > 0 ? { articles } : {} };
    },
  };
}
