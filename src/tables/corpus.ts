import type { Article } from '../corpus/types';
import type { Row } from './schema';

export function articleRow(a: Article): Row {
  return {
    article_id: a.article_id,
    file: a.file,
    title: a.title,
    outlet: a.outlet,
    url: a.url,
    published: a.published,
    date_basis: a.date_basis,
    paragraphs: a.paragraphs.length,
    sentences: a.sentences.length,
    words: a.words,
  };
}

export function sentenceRows(a: Article): Row[] {
  return a.sentences.map((s) => ({ article_id: a.article_id, sentence: s.index, paragraph: s.paragraph, start: s.start, end: s.end, text: s.text }));
}

export function removedRows(a: Article): Row[] {
  return a.removed.map((r) => ({ ...r }));
}
