/** The clause around a cue: spans, adverbials and appositives passed over, the content's extent and kind. */
import type { Sentence } from '../../corpus/types';
import type { StatementKind } from '../types';
import { loadMatchingRules } from '../actors';
import type { Quote } from './quotes';
import { tokensIn, tokensOf, wordCount } from '../../text';
import { speakerEndingAt, type SpeakerContext } from './speaker';
import { lowerBound } from '../positions';
import { findCues, type Cue } from './cue-scan';
import { escapeRegex } from './cues';

/** "the statement", "a statement", "the ministry": a noun phrase that is only an organisation or document noun. */
export const isOrganizationNoun = (ctx: SpeakerContext, phrase: string): boolean => {
  const noun = phrase.toLowerCase().replace(/^(?:an?|the)\s+/, '').replace(/\s+/g, ' ');
  return ctx.cues.documentNouns.includes(noun) || ctx.cues.organizationNouns.includes(noun);
};

export const BE_FORMS = /\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+|still\s+|also\s+|not\s+)*$/i;

/** Words between a speaker and the cue that do not break the link: time and manner adverbials, auxiliaries. */
export const ADVERBIAL_TAIL =
  /(?:,?\s+(?:on\s+)?(?:(?:[Mm]on|[Tt]ues|[Ww]ednes|[Tt]hurs|[Ff]ri|[Ss]atur|[Ss]un)day|today|yesterday|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?|meanwhile|however|too|though|in\s+turn|(?:for|on)\s+(?:its|their|his|her)\s+part|at\s+the\s+time|(?:went|goes|go)\s+on\s+to|continued\s+to|(?:on|during|at|in)\s+the\s+(?:[\w-]+\s+){0,2}(?:day|eve|sidelines|margins|occasion|opening|close|start|end)\s+of\s+(?:the\s+)?[\p{L}\d'’.-]+(?:\s+[\p{L}\d'’.-]+){0,4}|further|separately|once\s+again|(?:early|earlier|late|later)\s+(?:last|this)\s+(?:week|month|year)|(?:last|this)\s+(?:week|month|year)|earlier|later|also|then|again|once|still|repeatedly|previously|has|had|have|would|will|was|were|is|are|did|does|[a-z]+ly)(?:\s+in\s+\p{Lu}\p{Ll}+)?,?)$/u;

/**
 * An appositive between a speaker and the cue that names the speaker's role, with or
 * without an article: ", research director at the think tank …,", ", an independent
 * political commentator and international relations scholar,". The role nouns are the
 * actor matcher's (matching-rules.yaml), plural forms too.
 */
export let roleTail: RegExp | undefined;

export function roleAppositiveTail(): RegExp {
  if (!roleTail) {
    const nouns = loadMatchingRules()
      .roleNouns.map((n) => n.map(escapeRegex).join('[\\s-]+'))
      .join('|');
    roleTail = new RegExp(`,\\s*[^,"“”.;:]{0,80}?\\b(?:${nouns})s?\\b[^,"“”.;:]{0,120},\\s*$`, 'i');
  }
  return roleTail;
}

/**
 * An appositive between a speaker and the cue: a relative clause, with up to three commas inside it ("The Secretary of
 * State, who would leave for Uzbekistan, before flying to India, where he will attend the G20 meeting, emphasized …"), or a noun phrase.
 */
export const APPOSITIVE_TAIL = /,\s*(?:who|which)\b[^,]*(?:,[^,]*){0,3},\s*$|,\s*(?:an?|the)\s+[^,]{1,60},\s*$/;

/**
 * A parenthetical between the speaker and the cue: up to five lower-case words set
 * off by commas (", on the other hand,", ", in a statement,", ", speaking to
 * reporters,"), a participle naming the channel (" quoted by Chinese media on
 * April 23,"), or a short note in brackets ("on Friday (Nov 1)", "(MOFA)"). Lower case
 * only, so no actor stands in it.
 */
export const PARENTHETICAL_TAIL =
  /\s*\([^()"“”]{1,25}\)$|,\s*(?:[a-z][\w'’-]*\s+){0,4}[a-z][\w'’-]*,\s*$|,\s*(?:in|at|during|after|before|on|speaking|writing)\s+[^,"“”]{1,80},\s*$|\s+(?:quoted|cited)\s+by\s+[^,"“”]{1,60}?,?\s*$/;

/** An addressee after "told"/"urged"/"accused", up to "that" or the content. */
export const OBJECT = /^\s+(?:reporters|journalists|the\s+[\w-]+(?:\s+[\w-]+){0,4}|him|her|them|us|me|\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3})/u;

export const ADVERBIAL_HEAD = /^(?:\s*,?\s*(?:on\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|yesterday|(?:last|this)\s+(?:week|month)|(?:on\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?|via\s+[\w\s-]{1,40}?(?=\s+(?:that|at)\b)|at\s+[^,"]{1,80}?(?=,|\s+that\b)|in\s+[^,"]{1,60}?(?=,|\s+that\b)|on\s+[^,"]{1,60}?(?:,\s*an?\s+[^,"]{1,40},)?(?=\s+that\b)|also|again|repeatedly|[a-z]+ly)\b,?)+/iu;

export const TRAILING_SOURCE = /(?:,[”"']?\s*(?:according\s+to\s+[^,"]+|(?:the\s+)?\p{Lu}[\p{L}.'’ -]{1,40}\s+(?:reported|said|quoted)|(?:reports|reported|writes|wrote)\s+(?:the\s+)?\p{Lu}[\p{L}.'’ -]{1,40}|(?:in\s+an\s+)?apparent\s+reference\s+to\s+[^"]+?|without\s+elaborating|citing\s+[^,"]+))+\s*[.!?]?\s*$/u;

export const SUBORDINATE_START = /^(?:while|although|though|as|since|if|whereas|because)\s/i;

export const CLAUSE_BREAK = /,?\s+(?:after|before|as|while|but|and|when|because)\s+(?:the\s+)?$/i;

export function trimSpan(norm: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /[\s,:;]/.test(norm[start]!)) start++;
  while (end > start && /[\s,.;:]/.test(norm[end - 1]!)) end--;
  return { start, end };
}

/** The quote whose opening mark is at `pos` (after spaces and punctuation). */
export function quoteOpeningAt(quotes: Quote[], norm: string, pos: number): Quote | undefined {
  while (pos < norm.length && /[\s,:]/.test(norm[pos]!)) pos++;
  // Quotes come in text order: the first one starting at `pos`, by binary search.
  let [lo, hi] = [0, quotes.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (quotes[mid]!.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return quotes[lo]?.start === pos ? quotes[lo] : undefined;
}

/** Words of the article text in [from, to), as the text layer has them (text/words.ts). */
export const wordsIn = (ctx: SpeakerContext, from: number, to: number): number => wordCount(tokensOf(ctx.article), from, to);

/** A verb (or auxiliary) between two offsets: the words there are a clause, not a title. */
export function hasClauseVerb(ctx: SpeakerContext, from: number, to: number): boolean {
  return tokensIn(tokensOf(ctx.article), from, to).some((t) => CLAUSE_POS.has(t.pos));
}

/** A verb of [from, to) that is neither a gerund nor a participle in -ing ("including", "saying"). */
export function hasFiniteVerb(ctx: SpeakerContext, from: number, to: number): boolean {
  return tokensIn(tokensOf(ctx.article), from, to).some((t) => CLAUSE_POS.has(t.pos) && !t.lower.endsWith('ing'));
}

/**
 * The comma that ends reported content before its speaker, with at most a title
 * between them (determiners, nouns, names, prepositions; no verb, eight words at
 * most): in "…, the U.S. State Department's top diplomat Daniel Kritenbrink said" the
 * comma before "the". Its offset relative to `floor` as a match, or null.
 */
export function commaBeforeTitle(ctx: SpeakerContext, floor: number, speakerStart: number): { index: number } | null {
  const before = ctx.article.norm.slice(floor, speakerStart);
  const at = before.lastIndexOf(',');
  if (at < 0) return null;
  const title = before.slice(at + 1);
  // (The comma may close a quoted phrase: "… on "all international platforms," Putin said".)
  if (title.trim() === '' || /^\s*["”’]\s*$/.test(title)) return { index: at };
  const tokens = tokensIn(tokensOf(ctx.article), floor + at + 1, speakerStart);
  // A title opens with no preposition or conjunction: "…, with EU foreign policy chief Josep Borrell describing …" is no attribution.
  if (tokens.length > 0 && ['ADP', 'SCONJ', 'CCONJ'].includes(tokens[0]!.pos)) return null;
  if (wordsIn(ctx, floor + at + 1, speakerStart) > 8 || tokens.some((t) => CLAUSE_POS.has(t.pos)) || /["“”]/.test(title)) return null;
  return { index: at };
}

/** Parts of speech that make a span more than a circumstance ("at the meeting", "on Thursday", "in a statement"). */
export const CLAUSE_POS = new Set(['VERB', 'AUX']);

export const CIRCUMSTANCE_MAX_WORDS = 8;

/** An occasion or manner after the cue: "when asked about …", "while speaking to reporters", "in response to a question", "without giving details" (not before ", that …"). */
export const OCCASION = /^(?:when|while|after|as)\s+(?:being\s+)?(?:asked|speaking|responding|commenting|answering|talking|questioned)\b|^in\s+(?:response|reply)\s+to\b|^without\s+[a-z]+ing\b(?![^,;:]*,\s*that\b)/i;

/** A short span with no verb: a time, place or manner after the cue, not reported content. */
export function isCircumstance(ctx: SpeakerContext, span: { start: number; end: number }): boolean {
  if (span.end <= span.start) return true;
  // "when asked about …", "while speaking to …": the occasion, not what was said.
  if (OCCASION.test(ctx.article.norm.slice(span.start, span.end))) return true;
  if (hasClauseVerb(ctx, span.start, span.end)) return false;
  const words = wordsIn(ctx, span.start, span.end);
  // A longer circumstance opens with a preposition ("at a news conference in Beijing"); "his assessments of …" is an object.
  const first = tokensIn(tokensOf(ctx.article), span.start, span.end)[0];
  return words <= 3 || (words <= CIRCUMSTANCE_MAX_WORDS && first?.pos === 'ADP');
}

/** Parts of speech a circumstance opens with: "earlier in the day", "in a statement". */
const OCCASION_START = new Set(['ADP', 'ADV']);

/** A span that is only a circumstance, of any length: no verb, opening with a preposition or an adverb ("in an interview with …", "earlier in the day"). */
export function occasionOnly(ctx: SpeakerContext, span: { start: number; end: number }): boolean {
  const tokens = tokensIn(tokensOf(ctx.article), span.start, span.end);
  if (!OCCASION_START.has(tokens[0]?.pos ?? '')) return false;
  // A participle after a noun and before a preposition qualifies the noun: "in a statement published on its website".
  return tokens.every((t, i) => !CLAUSE_POS.has(t.pos) || (i > 0 && tokens[i - 1]!.pos === 'NOUN' && /(?:ed|en)$/i.test(t.lower) && tokens[i + 1]?.pos === 'ADP'));
}

/** What joins a cue that continues the sentence's last speaker: a comma before a participle, or "and" before a finite verb. */
export const continuingLead = (lead: string, cue: Cue): boolean =>
  /ing$/i.test(cue.cue)
    ? /,\s*$/.test(lead)
    : // a finite verb: "…, and urged …"; a base form after "and" is an infinitive inside the content ("should respect … and urge …")
      /(?:,\s*|\s+)(?:and|but)\s+$/.test(lead) && cue.cue.toLowerCase() !== cue.lemma;

/** Content stops before a cue that continues it with the same speaker: "…, adding that …", "… and called on …". */
export function cutBeforeContinuingCue(ctx: SpeakerContext, s: Sentence, from: number, to: number): number {
  const { norm } = ctx.article;
  for (const cue of findCues(ctx, s)) {
    if (cue.start <= from || cue.start >= to || ctx.cues.phrases.includes(cue.lemma)) continue;
    const lead = norm.slice(from, cue.start);
    if (continuingLead(lead, cue) && wordsIn(ctx, from, cue.start) >= 3) return from + lead.replace(/(?:,?\s*(?:and|but)|,)\s*$/, '').length;
  }
  return to;
}

/** Start of the reported clause before a quote: the sentence start, or the end of an earlier quote in it. */
export function clauseStartBefore(ctx: SpeakerContext, s: Sentence, pos: number): number {
  // The last quote ending in the sentence before `pos` that a statement read ended in (quotes ascend, by start and by end).
  const { quoteEnds, previousEnds } = ctx.index;
  let start = s.start;
  for (let i = lowerBound(quoteEnds, s.start + 1); i < quoteEnds.length && quoteEnds[i]! <= Math.min(pos, s.end); i++) {
    const q = ctx.quotes[i]!;
    if (previousEnds.marked(q.contentEnd, q.end + 2)) start = Math.max(start, q.end);
  }
  return start;
}

export function stripAdverbials(norm: string, floor: number, end: number): number {
  let before = norm.slice(floor, end).replace(/\s+$/, '');
  for (;;) {
    const m = APPOSITIVE_TAIL.exec(before) ?? roleAppositiveTail().exec(before) ?? PARENTHETICAL_TAIL.exec(before) ?? ADVERBIAL_TAIL.exec(before);
    if (!m || m[0].length === 0) break;
    const next = before.slice(0, m.index).replace(/\s+$/, '');
    if (next.length === 0) break;
    before = next;
  }
  return floor + before.length;
}

/** Where the clause holding the cue starts: the sentence start, or just after a quote that closes before it. */
export function clauseFloor(ctx: SpeakerContext, s: Sentence, cueStart: number): number {
  const { quoteEnds } = ctx.index;
  const { norm } = ctx.article;
  // A quote that closes on a word and that a word follows is inside the clause, not before it:
  // `China "echoes Russian propaganda" and holds …, Stoltenberg explained` (not `"…," came across as …`).
  for (let i = lowerBound(quoteEnds, Math.min(cueStart, s.end) + 1) - 1; i >= 0; i--) {
    const quote = ctx.quotes[i]!;
    if (quote.end <= s.start) break;
    const embedded = /[\p{L}\p{N}]$/u.test(norm.slice(quote.contentStart, quote.contentEnd)) && /^\s*[\p{L}\p{N}]/u.test(norm.slice(quote.end, quote.end + 3));
    if (!embedded) return quote.end;
  }
  // An opening dateline is no part of the clause: "BEIJING/ MOSCOW/WASHINGTON--China and Russia … declared".
  const datelineEnd = ctx.article.paragraphs[s.paragraph]?.dateline_end;
  return datelineEnd !== undefined && datelineEnd > s.start && datelineEnd <= cueStart ? datelineEnd : s.start;
}

export function sentenceEndFor(ctx: SpeakerContext, pos: number): number {
  const { sentences } = ctx.article;
  let [lo, hi] = [0, sentences.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid]!.end < pos) lo = mid + 1;
    else hi = mid;
  }
  const x = sentences[lo];
  return x && pos > x.start ? x.end : pos;
}

/**
 * Where the comma of a trailing attribution stands: the comma, a title perhaps, the
 * speaker and the cue, then only a short circumstance to the sentence's end ("…, she
 * added.", "…, the Chinese Foreign Ministry said in a statement …").
 */
function trailingAttribution(ctx: SpeakerContext, s: Sentence, speakerStart: number, cueEnd: number): number | undefined {
  const comma = commaBeforeTitle(ctx, s.start, speakerStart);
  return comma && /^[^,;:"“”]{0,60}$/.test(ctx.article.norm.slice(cueEnd, s.end)) ? s.start + comma.index : undefined;
}

/** Content stops before a second attribution in the same sentence: "China vowed …, after Washington warned that …". */
export function cutBeforeNextAttribution(ctx: SpeakerContext, s: Sentence, from: number, to: number): number {
  const { norm } = ctx.article;
  for (const cue of findCues(ctx, s)) {
    if (cue.start <= from || cue.start >= to) continue;
    const subjectEnd = stripAdverbials(norm, from, cue.start);
    const speaker = speakerEndingAt(ctx, subjectEnd, from);
    if (!speaker) continue;
    // A trailing attribution of its own ends the content at its comma: "…, a State Department official said.", "…, she added."
    const trailing = trailingAttribution(ctx, s, speaker.start, cue.end);
    if (trailing !== undefined && trailing > from && wordsIn(ctx, from, trailing) >= 3) return trailing;
    if (speaker.type === 'unnamed') continue;
    const lead = norm.slice(from, speaker.start);
    const brk = CLAUSE_BREAK.exec(lead);
    // Not when the second attribution opens the content: "said that after the ministry announced …, …".
    if (brk && wordsIn(ctx, from, from + brk.index) >= 3) return from + brk.index;
  }
  return to;
}

/** Index of the first quote starting at or after `pos`. */
function quoteOpeningIndex(ctx: SpeakerContext, pos: number): number {
  let [lo, hi] = [0, ctx.quotes.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ctx.quotes[mid]!.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function kindOf(ctx: SpeakerContext, span: { start: number; end: number }): StatementKind {
  const inner: Quote[] = [];
  for (let i = quoteOpeningIndex(ctx, span.start - 1); i < ctx.quotes.length && ctx.quotes[i]!.start < span.end; i++) if (ctx.quotes[i]!.contentStart < span.end) inner.push(ctx.quotes[i]!);
  if (inner.length === 0) return 'indirect';
  if (inner.length === 1 && inner[0]!.start <= span.start && inner[0]!.end >= span.end) return 'direct';
  return 'mixed';
}
