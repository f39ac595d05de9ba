/** Attribution of quotes: a quotation closing before its cue, split quotes, mixed statements led by reported words. */
import type { Sentence } from '../../corpus/types';
import { earlierParts, type Quote } from './quotes';
import { quotesEndingIn, quotesStartingIn, sentencesApart, speakerEndingAt, speakerStartingAt, type Speaker, type SpeakerContext } from './speaker';
import type { Draft, AttributionRule } from './draft';
import type { Cue } from './cue-scan';
import { trimSpan, wordsIn, hasClauseVerb, stripAdverbials, clauseStartBefore, quoteOpeningAt } from './clause';
import { relayedSpeaker, continuingSpeaker } from './subjects';

/**
 * A quote closing right before the cue: `"…," she added`, `"…," said Wang`, `"…," Wang
 * said`, `"…," ministry spokesperson Wang Wenbin said`; a quote split by the
 * attribution is one statement.
 */
export function quoteBeforeCue(ctx: SpeakerContext, s: Sentence, cue: Cue, usedQuotes: Set<Quote>): Draft | undefined {
  const { norm } = ctx.article;
  // A colon and a quote after the cue introduce what was said: `…, which he referred to as the "Ukraine crisis," he said: "We …"`.
  const colon = /^\s*:\s*/.exec(norm.slice(cue.end, s.end));
  if (colon && quoteOpeningAt(ctx.quotes, norm, cue.end + colon[0].length)) return undefined;
  // The quotes closing in the sentence before the cue, in text order (quote ends ascend with their starts).
  const inSentence = quotesEndingIn(ctx, s.start + 1, cue.start + 1).filter((q) => q.closed && !usedQuotes.has(q));
  const closing = inSentence.find((q) => /^[\s,]*$/.test(norm.slice(q.end, cue.start)));
  // The speaker between the quote and the cue, with an appositive of their own: `"…," Anthony Saich, a China expert, said`.
  const closingBeforeSpeaker = inSentence.find((q) => /^[\s,]+[^",]{1,80}(?:,[^",]{1,80},)?\s*$/.test(norm.slice(q.end, cue.start)));
  if (closing && !/ing$/i.test(cue.cue)) {
    // Inverted, `"…," said Wang`: the speaker must end the clause, not be an object ("reaffirming Beijing's ties").
    const speaker = speakerStartingAt(ctx, cue.end + (norm.slice(cue.end).match(/^\s+/)?.[0].length ?? 0));
    if (speaker && /^(?:\s*[,.;!?]|\s*$|\s+(?:on|in|at|during|after|when)\b)/.test(norm.slice(speaker.end, s.end))) return direct(ctx, speaker, cue, closing, s, 'quote-cue-speaker', usedQuotes);
  }
  if (closingBeforeSpeaker) {
    const speaker = speakerEndingAt(ctx, stripAdverbials(norm, closingBeforeSpeaker.end, cue.start), closingBeforeSpeaker.end);
    // Titles may stand between the quote and the name: `"…," ministry spokesperson Wang Wenbin said`.
    if (speaker && /^[\s,]*(?:[\p{L}'’.-]+\s+){0,10}$/u.test(norm.slice(closingBeforeSpeaker.end, speaker.start)) && !hasClauseVerb(ctx, closingBeforeSpeaker.end, speaker.start)) {
      // `"…," the news agency quoted the official as saying`, `"…," the ministry cited Lavrov.`: the one relayed speaks, not the agency.
      const quoted = (relayedSpeaker(ctx, cue, s) ?? relayedSpeaker(ctx, cue, s, true))?.speaker ?? outletRelayingLastSpeaker(ctx, speaker, cue, closingBeforeSpeaker.start);
      return direct(ctx, quoted ?? speaker, cue, closingBeforeSpeaker, s, 'quote-speaker-cue', usedQuotes);
    }
  }
  return undefined;
}

/**
 * `"…," Reuters reported.` right after a person's quote: the outlet reports that person
 * going on (`"We highly value …," Putin told Xi. ¶ "We understand your questions …," Reuters
 * reported.`). Only a news outlet, only "reported", only the sentence after a statement of
 * a person (the quote opening there); else undefined (`"…," Reuters reported.` opening a story stays the outlet's).
 */
function outletRelayingLastSpeaker(ctx: SpeakerContext, speaker: Speaker, cue: Cue, quoteStart: number): Speaker | undefined {
  if (cue.lemma !== 'report' || !ctx.mentionsByStart.get(speaker.start)?.some((m) => m.actor_type === 'media' && m.end === speaker.end)) return undefined;
  const last = ctx.previous[ctx.previous.length - 1];
  if (!last || last.speaker.type !== 'person' || last.end > quoteStart || sentencesApart(ctx.article, last.end, quoteStart) > 1) return undefined;
  return { ...last.speaker, start: speaker.start, end: speaker.end };
}

/** A direct statement from its closing quote, including a quote split by the attribution: `"A," she added, "B."` */
export function direct(ctx: SpeakerContext, pronounSpeaker: Speaker, cue: Pick<Cue, 'start' | 'end' | 'cue'>, closing: Quote, s: Sentence, rule: AttributionRule, usedQuotes: ReadonlySet<Quote> = new Set()): Draft {
  const { norm } = ctx.article;
  const speaker = continuingSpeaker(ctx, pronounSpeaker, cue);
  // Reported words before the quote make it a mixed statement: `Security should not be achieved through "…," said Wang`.
  const leadStart = closing.start > s.start ? clauseStartBefore(ctx, s, closing.start) : closing.start;
  if (wordsIn(ctx, leadStart, closing.start) >= 2) {
    const span = trimSpan(norm, leadStart, closing.end);
    return { rule, speaker, cue: cue.cue, cueStart: cue.start, cueEnd: cue.end, kind: 'mixed', parts: [span] };
  }
  // A quotation running over paragraphs is one statement: its parts before this paragraph come first.
  const parts = [...earlierParts(closing).filter((q) => !usedQuotes.has(q)), closing].map((q) => ({ start: q.contentStart, end: q.contentEnd }));
  const attributionEnd = Math.max(speaker.end, cue.end);
  const next = quotesStartingIn(ctx, attributionEnd + 1, Math.max(s.end, attributionEnd + 1) + 2).find((q) => /^[^"]{0,40}?,\s*$/.test(ctx.article.norm.slice(attributionEnd, q.start)));
  if (next) parts.push({ start: next.contentStart, end: next.contentEnd });
  return { rule: next ? 'split-quote' : rule, speaker, cue: cue.cue, cueStart: cue.start, cueEnd: cue.end, kind: 'direct', parts };
}
