/**
 * The statement extractor's passes, in order: quotation spans (quotes.ts); the cues of
 * each sentence (cue-scan.ts); attribution, trying the patterns around each cue in turn
 * (quote-attribution.ts for quotes, reported-speech.ts for the rest, over the clause
 * reading of clause.ts and subjects.ts); the conflict step (conflicts.ts);
 * continuations (continuation.ts) and transcript labels (labels.ts); speaker
 * resolution (speaker.ts) as each pattern names its speaker; statement dates
 * (dates.ts). The rule ids are draft.ts's; attribution-rules.yaml gives each its
 * token patterns (rules.ts), and a rule reads a statement only where one of them
 * matches the sentence's units (units.ts).
 */
import type { Article, Sentence } from '../../corpus/types';
import { sentenceAt } from '../../corpus/segment';
import type { Logger } from '../../logger';
import { messages } from '../../messages';
import type { Mention, Statement } from '../types';
import type { CueLexicon } from './cues';
import { statementDate } from './dates';
import { findQuotes, type Quote } from './quotes';
import { addPrevious, namedInNextSentence, speakerContext, type OfficesOf, type SpeakerContext } from './speaker';
import { ATTRIBUTION_RULES, type AttributionRule, type Draft } from './draft';
import { findCues, type Cue } from './cue-scan';
import { quoteBeforeCue } from './quote-attribution';
import { accordingTo, asSpeakerNoted, invertedTrailing, openingParticiple, participleOfLastSpeaker, pointingBack, speakerBeforeCue } from './reported-speech';
import { speakerLabels } from './labels';
import { continuationOf } from './continuation';
import { ReadStatements } from './conflicts';
import { defaultAttributionRules, ruleAtCue, ruleOpens, type AttributionRules } from './rules';
import { sentenceUnits, type SentenceUnits } from './units';

/**
 * Attributed statements in an article (textacy-style: speaker, cue, content with offsets).
 * Direct quotes with the attribution before, after or splitting them; continuation
 * quotes with no new cue; mixed statements (reported speech with a partial quote);
 * indirect speech ("X said (that) …", "according to X"). Quotes with no speaker
 * (scare quotes, titles) are not statements. Unbalanced quotes are kept as far as
 * they go and reported to the logger with the article and offset.
 */
export function extractStatements(
  article: Article,
  mentions: Mention[],
  cues: CueLexicon,
  logger?: Logger,
  rules: AttributionRules = defaultAttributionRules(),
  offices?: OfficesOf,
): Statement[] {
  const quotes = findQuotes(article, (offset) =>
    logger?.warn({ code: 'unbalanced-quote', file: article.file || article.article_id, offset, message: messages.unbalancedQuote() }),
  );
  const ctx = speakerContext(article, [...mentions].sort((a, b) => a.start - b.start), quotes, cues, offices);
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

  // Transcript labels (labels.ts) naming a person the actors stage found come first: the answer
  // after "Mao Ning:" is hers, a cue inside it ("China has repeatedly reiterated …") no statement of its own.
  const labelOpens = (d: Draft) => {
    const s = sentenceAt(article, d.speaker.start);
    return ruleOpens(rules, 'label', sentenceUnits(ctx, s, findCues(ctx, s)));
  };
  const labels = speakerLabels(ctx).filter(labelOpens);
  for (const label of labels) if (label.known) read.add(label);

  for (const s of article.sentences) {
    // Attribution patterns, cue by cue (cue-scan.ts, quote-attribution.ts, reported-speech.ts), then the conflict step (conflicts.ts).
    for (const cue of findCues(ctx, s)) {
      if (read.insideContent(cue.start)) continue;
      // A reading that repeats a statement already read gives way to the next reader's: "Calling Putin “old friend”, Xi said, “…”".
      const draft = attributionAround(ctx, s, cue, usedQuotes, rules, (d) => !read.repeatsEarlier(d));
      if (!draft) continue;
      read.add(draft);
      addPrevious(ctx, { speaker: draft.speaker, end: Math.max(...draft.parts.map((p) => p.end), draft.cueEnd) });
      for (const p of draft.parts) for (const q of byContentStart.get(p.start) ?? []) usedQuotes.add(q);
    }
    // Continuations (continuation.ts): a quote opening the sentence goes on with the last statement's speaker.
    for (const q of byStart.get(s.start) ?? []) {
      if (usedQuotes.has(q)) continue;
      const continued = continuationOf(article, s, q, drafts[drafts.length - 1]);
      if (!continued || !ruleOpens(rules, 'continuation', sentenceUnits(ctx, s, findCues(ctx, s)))) continue;
      read.add(continued);
      usedQuotes.add(q);
    }
  }

  // The other labels where no pattern read the paragraph.
  drafts.push(...labels.filter((d) => !d.known && !read.overlapsAny(d)));
  drafts.sort((a, b) => Math.min(a.cueStart, ...a.parts.map((p) => p.start)) - Math.min(b.cueStart, ...b.parts.map((p) => p.start)));
  const captionAt = (pos: number) => article.paragraphs[sentenceAt(article, pos).paragraph]?.caption ?? false;
  // Each statement's date by its draft: a continuation, which has no attribution of its own, keeps a date the one it goes on with states.
  const dates = new Map<Draft, ReturnType<typeof statementDate>>();
  return drafts.map((draft, i) => {
    const clipped = withoutDateline(article, draft);
    // "…, a foreign ministry spokesperson said. ¶ Spokesperson Wang Wenbin made the remarks …": named in the next sentence.
    const named = namedInNextSentence(ctx, clipped.speaker, Math.max(clipped.speaker.end, clipped.cueEnd, ...clipped.parts.map((p) => p.end)));
    const d = named ? { ...clipped, speaker: named } : clipped;
    const partsStart = Math.min(...d.parts.map((p) => p.start));
    const partsEnd = Math.max(...d.parts.map((p) => p.end));
    // A direct statement's span holds its quote marks, of one character or two ('' and ``).
    const opening = d.kind === 'direct' ? byContentStart.get(partsStart)?.[0] : undefined;
    const closing = d.kind === 'direct' ? closedByContentEnd.get(partsEnd)?.[0] : undefined;
    const start = Math.min(d.speaker.start, d.cue ? d.cueStart : Infinity, opening ? opening.start : partsStart);
    const end = Math.max(d.speaker.end, d.cueEnd, closing ? closing.end : partsEnd);
    const continued = draft.continues && dates.get(draft.continues);
    const date = continued?.basis === 'text' ? continued : statementDate(article, sentenceAt(article, start), sentenceAt(article, Math.max(start, end - 1)), d.parts, d.cueStart);
    dates.set(draft, date);
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
 * A draft whose content opens with its paragraph's dateline ("BEIJING, Feb. 28 (Xinhua) --
 * China is ready …, Wang said") with the content starting after it: the dateline says
 * where the story was filed, not what was said.
 */
function withoutDateline(article: Article, d: Draft): Draft {
  const clipped = d.parts.map((p) => {
    const end = article.paragraphs[sentenceAt(article, p.start).paragraph]?.dateline_end;
    return end !== undefined && p.start < end && end < p.end ? { ...p, start: end } : p;
  });
  return clipped.some((p, k) => p !== d.parts[k]) ? { ...d, parts: clipped } : d;
}

/** The rules each reader may give a statement by, so a reader runs only where one of its rules' patterns matches. */
const READS = {
  accordingTo: ['according-to'],
  quoteBeforeCue: ['quote-cue-speaker', 'quote-speaker-cue', 'split-quote'],
  invertedTrailing: ['content-cue-speaker'],
  participle: ['participle'],
  asSpeakerNoted: ['as-speaker-cue'],
  pointingBack: ['pointing-back'],
  speakerBeforeCue: ['speaker-cue-quote', 'speaker-cue-content', 'content-speaker-cue'],
} as const satisfies Record<string, readonly AttributionRule[]>;

const RULE_INDEX = Object.fromEntries(ATTRIBUTION_RULES.map((rule, i) => [rule, i])) as Record<AttributionRule, number>;

/** Which rules' patterns match around one cue, each asked once and only when a reader needs it. */
class CueMatches {
  /** By rule (its index in ATTRIBUTION_RULES): 0 not asked yet, 1 matches, 2 does not. */
  private readonly known = new Uint8Array(ATTRIBUTION_RULES.length);
  constructor(
    private readonly rules: AttributionRules,
    private readonly units: SentenceUnits,
    private readonly at: number,
  ) {}

  has(rule: AttributionRule): boolean {
    const index = RULE_INDEX[rule];
    if (this.known[index] === 0) this.known[index] = ruleAtCue(this.rules, rule, this.units, this.at) ? 1 : 2;
    return this.known[index] === 1;
  }

  /** Whether one of a reader's rules matches. */
  may(reader: keyof typeof READS): boolean {
    for (const rule of READS[reader]) if (this.has(rule)) return true;
    return false;
  }

  /** The draft, when its rule matched. */
  counted(draft: Draft | undefined): Draft | undefined {
    return draft && this.has(draft.rule) ? draft : undefined;
  }
}

/** A sentence opening with a question word or an auxiliary (cues.yaml: question_openers) and ending in "?". */
function isDirectQuestion(ctx: SpeakerContext, s: Sentence): boolean {
  const text = ctx.article.norm.slice(s.start, s.end).trimEnd();
  if (!text.endsWith('?')) return false;
  const first = /^[\s"“'‘(]*([A-Za-z]+)/.exec(text)?.[1];
  return first !== undefined && ctx.cues.questionOpeners.has(first.toLowerCase());
}

/**
 * Tries to read one statement around a cue: speaker, content and kind. The rules
 * whose patterns match around the cue (rules.ts) say which readers run; the readers
 * are tried in turn (a source phrase, "according to"; a quote before the cue; an
 * inverted trailing attribution; a participle; a speaker before the cue), and a
 * statement counts only under a rule that matched and that `accept` (the conflict
 * step's question: does it repeat a statement already read?) lets through.
 */
export function attributionAround(
  ctx: SpeakerContext,
  s: Sentence,
  cue: Cue,
  usedQuotes: Set<Quote>,
  rules: AttributionRules = defaultAttributionRules(),
  accept: (draft: Draft) => boolean = () => true,
): Draft | undefined {
  const units = sentenceUnits(ctx, s, findCues(ctx, s));
  const at = units.cueAt.get(cue.start);
  if (at === undefined) return undefined;
  const m = new CueMatches(rules, units, at);
  const take = (draft: Draft | undefined) => (draft && accept(draft) ? m.counted(draft) : undefined);
  // A direct question reports nothing: only a quote in it can be someone's words.
  if (isDirectQuestion(ctx, s)) return m.may('quoteBeforeCue') ? take(quoteBeforeCue(ctx, s, cue, usedQuotes)) : undefined;
  if (ctx.cues.phrases.includes(cue.lemma)) return m.may('accordingTo') ? take(accordingTo(ctx, s, cue)) : undefined;
  return (
    (m.may('quoteBeforeCue') ? take(quoteBeforeCue(ctx, s, cue, usedQuotes)) : undefined) ??
    (m.may('invertedTrailing') ? take(invertedTrailing(ctx, s, cue)) : undefined) ??
    (m.may('participle') ? (take(participleOfLastSpeaker(ctx, s, cue)) ?? take(openingParticiple(ctx, s, cue))) : undefined) ??
    (m.may('asSpeakerNoted') ? take(asSpeakerNoted(ctx, s, cue)) : undefined) ??
    (m.may('pointingBack') ? take(pointingBack(ctx, s, cue, usedQuotes)) : undefined) ??
    // A cue pointing back ("made the remarks") has no content after it.
    (m.may('speakerBeforeCue') && !cue.pointsBack ? take(speakerBeforeCue(ctx, s, cue, usedQuotes)) : undefined)
  );
}
