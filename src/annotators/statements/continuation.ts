/**
 * Continuations: a quote that is a whole sentence, right after a direct statement in
 * the same paragraph, continues it ("…," he said. "We always stand on the side of
 * peace."); so does a quote that is a whole paragraph, right after a paragraph whose
 * last sentence holds a statement: the speaker goes on in the next paragraph.
 */
import type { Article, Sentence } from '../../corpus/types';
import type { Quote } from './quotes';
import type { Draft } from './draft';

/** The continuation the quote `q` opening sentence `s` makes of the last statement read, if it makes one. */
export function continuationOf(article: Article, s: Sentence, q: Quote, last: Draft | undefined): Draft | undefined {
  const { norm } = article;
  if (!last || q.start !== s.start) return undefined;
  const lastEnd = Math.max(...last.parts.map((p) => p.end), last.cueEnd);
  const prevSentence = article.sentences[s.index - 1];
  if (!prevSentence || lastEnd < prevSentence.start) return undefined;
  const paragraph = article.paragraphs[s.paragraph]!;
  const wholeParagraph = prevSentence.paragraph !== s.paragraph && s.start === paragraph.start && /^[\s.!?]*$/.test(norm.slice(q.end, paragraph.end));
  if (!wholeParagraph && (prevSentence.paragraph !== s.paragraph || last.kind === 'indirect')) return undefined;
  const tail = norm.slice(q.end, s.end).trim();
  if (!wholeParagraph && tail !== '' && !/^[.!?]$/.test(tail)) return undefined;
  const speaker = { ...last.speaker, start: q.start, end: q.start };
  return { rule: 'continuation', speaker, kind: 'direct', cue: '', cueStart: q.start, cueEnd: q.start, parts: [{ start: q.contentStart, end: q.contentEnd }], continues: last };
}
