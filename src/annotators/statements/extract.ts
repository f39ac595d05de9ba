/**
 * The statement extractor's passes, in order: quotation spans (quotes.ts); the cues of
 * each sentence (cue-scan.ts); attribution, trying the patterns around each cue in turn
 * (quote-attribution.ts for quotes, reported-speech.ts for the rest, over the clause
 * reading of clause.ts and subjects.ts); the conflict step (conflicts.ts);
 * continuations (continuation.ts) and transcript labels (labels.ts); speaker
 * resolution (speaker.ts) as each pattern names its speaker; statement dates
 * (dates.ts). The rule ids are draft.ts's, specified in attribution-rules.yaml.
 */
import type { Article, Sentence } from '../../corpus/types';
import { sentenceAt } from '../../corpus/segment';
import type { Logger } from '../../logger';
import { messages } from '../../messages';
import type { Mention, Statement } from '../types';
import type { CueLexicon } from './cues';
import { statementDate } from './dates';
import { findQuotes, type Quote } from './quotes';
import { addPrevious, speakerContext, type SpeakerContext } from './speaker';
import type { Draft } from './draft';
import { findCues, type Cue } from './cue-scan';
import { quoteBeforeCue } from './quote-attribution';
import { accordingTo, invertedTrailing, openingParticiple, participleOfLastSpeaker, speakerBeforeCue } from './reported-speech';
import { speakerLabels } from './labels';
import { continuationOf } from './continuation';
import { ReadStatements } from './conflicts';

/**
 * Attributed statements in an article (textacy-style: speaker, cue, content with offsets).
 * Direct quotes with the attribution before, after or splitting them; continuation
 * quotes with no new cue; mixed statements (reported speech with a partial quote);
 * indirect speech ("X said (that) …", "according to X"). Quotes with no speaker
 * (scare quotes, titles) are not statements. Unbalanced quotes are kept as far as
 * they go and reported to the logger with the article and offset.
 */
export function extractStatements(article: Article, mentions: Mention[], cues: CueLexicon, logger?: Logger): Statement[] {
  const quotes = findQuotes(article, (offset) =>
    logger?.warn({ code: 'unbalanced-quote', file: article.file || article.article_id, offset, message: messages.unbalancedQuote() }),
  );
  const ctx = speakerContext(article, [...mentions].sort((a, b) => a.start - b.start), quotes, cues);
  const read = new ReadStatements(article.norm.length);
  const { drafts } = read;
  const usedQuotes = new Set<Quote>();
  const quotesBy = (key: (q: Quote) => number, only: (q: Quote) => boolean = () => true) => {
    const map = new Map<number, Quote[]>();
    for (const q of quotes) if (only(q)) (map.get(key(q)) ?? map.set(key(q), []).get(key(q))!).push(q);
    return map;
  };
  const byStart = quotesBy((q) => q.start);
  const byContentStart = quotesBy((q) => q.contentStart);
  const closedByContentEnd = quotesBy((q) => q.contentEnd, (q) => q.closed);

  for (const s of article.sentences) {
    // Attribution patterns, cue by cue (cue-scan.ts, quote-attribution.ts, reported-speech.ts), then the conflict step (conflicts.ts).
    for (const cue of findCues(ctx, s)) {
      if (read.insideContent(cue.start)) continue;
      const draft = attributionAround(ctx, s, cue, usedQuotes);
      if (!draft || read.repeatsEarlier(draft)) continue;
      read.add(draft);
      addPrevious(ctx, { speaker: draft.speaker, end: Math.max(...draft.parts.map((p) => p.end), draft.cueEnd) });
      for (const p of draft.parts) for (const q of byContentStart.get(p.start) ?? []) usedQuotes.add(q);
    }
    // Continuations (continuation.ts): a quote opening the sentence goes on with the last statement's speaker.
    for (const q of byStart.get(s.start) ?? []) {
      if (usedQuotes.has(q)) continue;
      const continued = continuationOf(article, s, q, drafts[drafts.length - 1]);
      if (!continued) continue;
      read.add(continued);
      usedQuotes.add(q);
    }
  }

  // Transcript labels (labels.ts) where no pattern read the paragraph.
  const labels = speakerLabels(ctx).filter((d) => !read.overlapsAny(d));
  drafts.push(...labels);
  drafts.sort((a, b) => Math.min(a.cueStart, ...a.parts.map((p) => p.start)) - Math.min(b.cueStart, ...b.parts.map((p) => p.start)));
  const captionAt = (pos: number) => article.paragraphs[sentenceAt(article, pos).paragraph]?.caption ?? false;
  return drafts.map((d, i) => {
    const partsStart = Math.min(...d.parts.map((p) => p.start));
    const partsEnd = Math.max(...d.parts.map((p) => p.end));
    // A direct statement's span holds its quote marks, of one character or two ('' and ``).
    const opening = d.kind === 'direct' ? byContentStart.get(partsStart)?.[0] : undefined;
    const closing = d.kind === 'direct' ? closedByContentEnd.get(partsEnd)?.[0] : undefined;
    const start = Math.min(d.speaker.start, d.cue ? d.cueStart : Infinity, opening ? opening.start : partsStart);
    const end = Math.max(d.speaker.end, d.cueEnd, closing ? closing.end : partsEnd);
    const date = statementDate(article, sentenceAt(article, start), sentenceAt(article, Math.max(start, end - 1)), d.parts, d.cueStart);
    return {
      statement_id: `${article.article_id}#${i + 1}`,
      article_id: article.article_id,
      sentence: sentenceAt(article, start).index,
      start,
      end,
      speaker: d.speaker.label,
      speaker_id: d.speaker.id,
      speaker_type: d.speaker.type,
      speaker_country: d.speaker.country,
      cue: d.cue,
      kind: d.kind,
      date: date.date,
      date_basis: date.basis,
      text: d.parts.map((p) => article.text.slice(p.start, p.end)).join(' … '),
      content_start: partsStart,
      content_end: partsEnd,
      caption: captionAt(start),
      rule: d.rule,
    };
  });
}

/**
 * Tries to read one statement around a cue: speaker, content and kind. The patterns
 * are tried in turn: a source phrase ("according to"), a quote before the cue, an
 * inverted trailing attribution, a participle, then a speaker before the cue.
 */
export function attributionAround(ctx: SpeakerContext, s: Sentence, cue: Cue, usedQuotes: Set<Quote>): Draft | undefined {
  if (ctx.cues.phrases.includes(cue.lemma)) return accordingTo(ctx, s, cue);
  return (
    quoteBeforeCue(ctx, s, cue, usedQuotes) ??
    invertedTrailing(ctx, s, cue) ??
    participleOfLastSpeaker(ctx, s, cue) ??
    openingParticiple(ctx, s, cue) ??
    speakerBeforeCue(ctx, s, cue, usedQuotes)
  );
}
