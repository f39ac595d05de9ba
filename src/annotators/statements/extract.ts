import type { Article, Sentence } from '../../corpus/types';
import { sentenceAt } from '../../corpus/segment';
import type { Logger } from '../../logger';
import { messages } from '../../messages';
import type { Mention, Statement, StatementKind } from '../types';
import type { CueLexicon } from './cues';
import { statementDate } from './dates';
import { loadMatchingRules } from '../actors';
import { findQuotes, type Quote } from './quotes';
import { tokenIndexAt, tokensIn, tokensOf, wordCount, type Token, type TokenLayer } from '../../text';
import { fromMention, insideQuote, jointSpeaker, organizationFor, speakerContext, speakerEndingAt, speakerStartingAt, type Speaker, type SpeakerContext } from './speaker';

/** "the statement", "a statement", "the ministry": a noun phrase that is only an organisation or document noun. */
const isOrganizationNoun = (ctx: SpeakerContext, phrase: string): boolean => {
  const noun = phrase.toLowerCase().replace(/^(?:an?|the)\s+/, '').replace(/\s+/g, ' ');
  return ctx.cues.documentNouns.includes(noun) || ctx.cues.organizationNouns.includes(noun);
};

/** A statement before ids and dates are given. */
interface Draft {
  /** The attribution pattern that read it (a `rule` of statements.csv; see ATTRIBUTION_RULES). */
  rule: AttributionRule;
  speaker: Speaker;
  cue: string;
  cueStart: number;
  cueEnd: number;
  kind: StatementKind;
  /** Content spans: quote contents for direct statements, one reported clause otherwise. */
  parts: { start: number; end: number }[];
}

/**
 * The attribution patterns, by id, as statements.csv's `rule` column names them:
 * - quote-cue-speaker   `"…," said Wang`
 * - quote-speaker-cue   `"…," Wang said`, `"…," ministry spokesperson Wang Wenbin said`
 * - split-quote         `"…," she added, "…"` (one statement)
 * - speaker-cue-quote   `Lavrov said: "…"`, `Wang said "…"`
 * - speaker-cue-content `X said (that) …`, `X told reporters …`, `The ministry quoted Wang as saying …`
 * - content-speaker-cue `Trade will grow, he suggested.`, `…, Lavrov said at the meeting.`
 * - content-cue-speaker `…, said Qin.`, `…, said Chinese Foreign Ministry spokesman Lin Jian.`
 * - participle          `…, Xi said, adding that …` (the last speaker of the sentence goes on)
 * - according-to        `…, according to X`, `…, as reported by X`
 * - label               `ANTONY BLINKEN: We have …` (a transcript paragraph)
 * - continuation        a quoted sentence right after the speaker's direct statement
 */
export const ATTRIBUTION_RULES = [
  'quote-cue-speaker',
  'quote-speaker-cue',
  'split-quote',
  'speaker-cue-quote',
  'speaker-cue-content',
  'content-speaker-cue',
  'content-cue-speaker',
  'participle',
  'according-to',
  'label',
  'continuation',
] as const;
export type AttributionRule = (typeof ATTRIBUTION_RULES)[number];

const BE_FORMS = /\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+|still\s+|also\s+|not\s+)*$/i;
/** Words between a speaker and the cue that do not break the link: time and manner adverbials, auxiliaries. */
const ADVERBIAL_TAIL =
  /(?:,?\s+(?:on\s+)?(?:(?:[Mm]on|[Tt]ues|[Ww]ednes|[Tt]hurs|[Ff]ri|[Ss]atur|[Ss]un)day|today|yesterday|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?|meanwhile|however|too|though|in\s+turn|for\s+(?:its|their|his|her)\s+part|further|separately|once\s+again|(?:early|earlier|late|later)\s+(?:last|this)\s+(?:week|month|year)|(?:last|this)\s+(?:week|month|year)|earlier|later|also|then|again|once|still|repeatedly|previously|has|had|have|would|will|was|were|is|are|did|does|[a-z]+ly)(?:\s+in\s+\p{Lu}\p{Ll}+)?,?)$/u;
/**
 * An appositive between a speaker and the cue that names the speaker's role, with or
 * without an article: ", research director at the think tank …,", ", an independent
 * political commentator and international relations scholar,". The role nouns are the
 * actor matcher's (matching-rules.yaml), plural forms too.
 */
let roleTail: RegExp | undefined;
function roleAppositiveTail(): RegExp {
  if (!roleTail) {
    const nouns = loadMatchingRules()
      .roleNouns.map((n) => n.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s-]+'))
      .join('|');
    roleTail = new RegExp(`,\\s*[^,"“”.;:]{0,80}?\\b(?:${nouns})s?\\b[^,"“”.;:]{0,80},\\s*$`, 'i');
  }
  return roleTail;
}
const APPOSITIVE_TAIL = /,\s*(?:who|which)\b[^,]*(?:,[^,]*)?,\s*$|,\s*(?:an?|the)\s+[^,]{1,60},\s*$/;
/**
 * A parenthetical between the speaker and the cue: up to five lower-case words set
 * off by commas (", on the other hand,", ", in a statement,", ", speaking to
 * reporters,"), or a participle naming the channel (" quoted by Chinese media on
 * April 23,"). Lower case only, so no actor stands in it.
 */
const PARENTHETICAL_TAIL =
  /,\s*(?:[a-z][\w'’-]*\s+){0,4}[a-z][\w'’-]*,\s*$|,\s*(?:in|at|during|after|before|on|speaking|writing)\s+[^,"“”]{1,80},\s*$|\s+(?:quoted|cited)\s+by\s+[^,"“”]{1,60}?,?\s*$/;
/** An addressee after "told"/"urged"/"accused", up to "that" or the content. */
const OBJECT = /^\s+(?:reporters|journalists|the\s+[\w-]+(?:\s+[\w-]+){0,4}|him|her|them|us|me|\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3})/u;
const ADVERBIAL_HEAD = /^(?:\s*,?\s*(?:on\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|yesterday|(?:last|this)\s+(?:week|month)|(?:on\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?|via\s+[\w\s-]{1,40}?(?=\s+(?:that|at)\b)|at\s+[^,"]{1,80}?(?=,|\s+that\b)|in\s+[^,"]{1,60}?(?=,|\s+that\b)|also|again|repeatedly|[a-z]+ly),?)+/iu;
const TRAILING_SOURCE = /(?:,\s*(?:according\s+to\s+[^,"]+|(?:the\s+)?\p{Lu}[\p{L}.'’ -]{1,40}\s+(?:reported|said|quoted)|(?:in\s+an\s+)?apparent\s+reference\s+to\s+[^"]+?|without\s+elaborating|citing\s+[^,"]+))+\s*[.!?]?\s*$/u;
/** "… quoted Wang Yi as saying": the name after the cue. */
const QUOTED_AS_SAYING = /^\s+(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*)\s+as\s+saying\b/u;
const SUBORDINATE_START = /^(?:while|although|though|as|since|if|whereas|because)\s/i;
const CLAUSE_BREAK = /,?\s+(?:after|before|as|while|but|and|when|because)\s+$/i;

function trimSpan(norm: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /[\s,:;]/.test(norm[start]!)) start++;
  while (end > start && /[\s,.;:]/.test(norm[end - 1]!)) end--;
  return { start, end };
}

/** The quote whose opening mark is at `pos` (after spaces and punctuation). */
function quoteOpeningAt(quotes: Quote[], norm: string, pos: number): Quote | undefined {
  while (pos < norm.length && /[\s,:]/.test(norm[pos]!)) pos++;
  return quotes.find((q) => q.start === pos);
}

interface Cue {
  start: number;
  end: number;
  cue: string;
  lemma: string;
  object: boolean;
}

/**
 * A cue lemma used as a verb: tagged VERB, or tagged noun or adjective with no
 * determiner, possessive or adjective before it (the tagger reads some verbs as nouns:
 * "the State Department states that"); never a proper noun ("Secretary of State").
 */
function isVerbUse(layer: TokenLayer, token: Token): boolean {
  if (token.pos === 'VERB') return true;
  if (token.pos !== 'NOUN' && token.pos !== 'ADJ') return false;
  if (!/(?:s|ed|ing)$/.test(token.lower)) return false;
  const before = layer.tokens[token.index - 1];
  return before !== undefined && !NOUN_DETERMINERS.has(before.pos) && !POSSESSIVES.has(before.lower);
}

/** A document noun ("the statement", "the joint communique") right before `pos`. */
function documentBefore(ctx: SpeakerContext, from: number, pos: number): boolean {
  const words = ctx.article.norm.slice(from, pos).trimEnd().toLowerCase().split(/\s+/);
  return ctx.cues.documentNouns.some((noun) => words.slice(-noun.split(' ').length).join(' ') === noun);
}

/**
 * The cue lemma of a token: its own lemma, or, for a participle the tagger reads as an
 * adjective or noun and keeps as its own lemma (", promising to …", "reported"), the
 * verb it is formed from.
 */
function cueLemma(verbs: CueLexicon['verbs'], token: Token): string | undefined {
  if (verbs.has(token.lemma)) return token.lemma;
  if ((token.pos !== 'ADJ' && token.pos !== 'NOUN') || !(token.lower.endsWith('ing') || token.lower.endsWith('ed'))) return undefined;
  return participleStems(token.lower).find((stem) => verbs.has(stem));
}

/** The verbs a participle may come from: "promising" → promis, promise; "denied" → deny; "planned" → plan. */
function participleStems(word: string): string[] {
  const m = /^(\p{L}{2,}?)(ing|ied|ed)$/u.exec(word);
  if (!m) return [];
  const stem = m[1]!;
  if (m[2] === 'ied') return [`${stem}y`];
  const undoubled = /(\p{L})\1$/u.test(stem) ? [stem.slice(0, -1)] : [];
  return m[2] === 'ing' ? [stem, `${stem}e`, ...undoubled] : [stem, `${stem}e`, ...undoubled];
}

const NOUN_DETERMINERS = new Set(['DET', 'ADJ', 'NUM', 'ADP']);
const POSSESSIVES = new Set(["'s", 'his', 'her', 'its', 'their', 'our', 'my', 'your']);

/** Cues found per sentence: each sentence is scanned once, though attribution asks again. */
const cuesBySentence = new WeakMap<SpeakerContext, Map<number, Cue[]>>();

/** Cue words and phrases in a sentence, outside quoted text, in order. */
function findCues(ctx: SpeakerContext, s: Sentence): Cue[] {
  let memo = cuesBySentence.get(ctx);
  if (!memo) cuesBySentence.set(ctx, (memo = new Map()));
  const known = memo.get(s.index);
  if (known) return known;
  const { norm } = ctx.article;
  const { verbs, particles } = ctx.cues;
  const layer = tokensOf(ctx.article);
  const found: Cue[] = [];
  for (const token of tokensIn(layer, s.start, s.end)) {
    const lemma = cueLemma(verbs, token);
    const verb = lemma === undefined ? undefined : verbs.get(lemma);
    if (!verb || !isVerbUse(layer, token) || insideQuote(ctx, token.start)) continue;
    // "the statement read" reports the document; "Putin read a statement" does not.
    if (ctx.cues.documentVerbs.has(lemma!) && !documentBefore(ctx, s.start, token.start)) continue;
    // "agreed that …" reports speech; "agreed to meet" does not.
    if (ctx.cues.thatVerbs.has(lemma!) && !/^\s+(?:(?:\w+ly|also|both|all)\s+)?that\b/i.test(norm.slice(token.end, s.end))) continue;
    // A passive participle is no cue: "a spokesman quoted by Chinese media", "the deal, welcomed by Moscow".
    if (layer.tokens[token.index + 1]?.lower === 'by' && token.lower !== lemma) continue;
    // "pointed out that": a verb with a particle is a cue only with it, and the particle is part of the cue.
    const particle = particles.get(lemma!);
    const next = layer.tokens[token.index + 1];
    if (particle && next?.lower !== particle) continue;
    const end = particle ? next!.end : token.end;
    found.push({ start: token.start, end, cue: norm.slice(token.start, end), lemma: lemma!, object: verb.object });
  }
  const text = norm.slice(s.start, s.end);
  for (const m of text.matchAll(ctx.cues.regex.phrases)) {
    const start = s.start + m.index!;
    if (!insideQuote(ctx, start)) found.push({ start, end: start + m[0].length, cue: m[0], lemma: m[0].toLowerCase().replace(/\s+/g, ' '), object: false });
  }
  found.sort((a, b) => a.start - b.start);
  memo.set(s.index, found);
  return found;
}

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
  const { norm } = article;
  const drafts: Draft[] = [];
  const covered = (pos: number) => drafts.some((d) => d.parts.some((p) => pos >= p.start && pos < p.end));
  const usedQuotes = new Set<Quote>();

  for (const s of article.sentences) {
    for (const cue of findCues(ctx, s)) {
      if (covered(cue.start)) continue; // a cue inside reported content belongs to the content
      const draft = attributionAround(ctx, s, cue, usedQuotes);
      // A source named after a statement already read ("…," Wang said, Bloomberg reported) adds no second statement.
      if (!draft || drafts.some((d) => draft.parts.some((p) => (d.cueStart >= p.start && d.cueStart < p.end) || d.parts.some((q) => p.start < q.end && q.start < p.end)))) continue;
      drafts.push(draft);
      ctx.previous.push({ speaker: draft.speaker, end: Math.max(...draft.parts.map((p) => p.end), draft.cueEnd) });
      for (const q of quotes) if (draft.parts.some((p) => p.start === q.contentStart)) usedQuotes.add(q);
    }
    // A quote that is a whole sentence, right after a direct statement in the same
    // paragraph, continues it: "…," he said. "We always stand on the side of peace."
    // So does a quote that is a whole paragraph, right after a paragraph whose last
    // sentence holds a statement: the speaker goes on in the next paragraph.
    for (const q of quotes) {
      if (usedQuotes.has(q) || q.start !== s.start) continue;
      const last = drafts[drafts.length - 1];
      const lastEnd = last ? Math.max(...last.parts.map((p) => p.end), last.cueEnd) : -1;
      const prevSentence = article.sentences[s.index - 1];
      if (!last || !prevSentence || lastEnd < prevSentence.start) continue;
      const paragraph = article.paragraphs[s.paragraph]!;
      const wholeParagraph = prevSentence.paragraph !== s.paragraph && s.start === paragraph.start && /^[\s.!?]*$/.test(norm.slice(q.end, paragraph.end));
      if (!wholeParagraph && (prevSentence.paragraph !== s.paragraph || last.kind === 'indirect')) continue;
      const tail = norm.slice(q.end, s.end).trim();
      if (!wholeParagraph && tail !== '' && !/^[.!?]$/.test(tail)) continue;
      const speaker = { ...last.speaker, start: q.start, end: q.start };
      drafts.push({ rule: 'continuation', speaker, kind: 'direct', cue: '', cueStart: q.start, cueEnd: q.start, parts: [{ start: q.contentStart, end: q.contentEnd }] });
      usedQuotes.add(q);
    }
  }

  drafts.push(...speakerLabels(ctx).filter((d) => !drafts.some((o) => o.parts.some((p) => d.parts.some((q) => p.start < q.end && q.start < p.end)))));
  drafts.sort((a, b) => Math.min(a.cueStart, ...a.parts.map((p) => p.start)) - Math.min(b.cueStart, ...b.parts.map((p) => p.start)));
  const captionAt = (pos: number) => article.paragraphs[sentenceAt(article, pos).paragraph]?.caption ?? false;
  return drafts.map((d, i) => {
    const partsStart = Math.min(...d.parts.map((p) => p.start));
    const partsEnd = Math.max(...d.parts.map((p) => p.end));
    const quoteBefore = d.kind === 'direct' && norm[partsStart - 1] === '"' ? 1 : 0;
    const quoteAfter = d.kind === 'direct' && norm[partsEnd] === '"' ? 1 : 0;
    const start = Math.min(d.speaker.start, d.cue ? d.cueStart : Infinity, partsStart - quoteBefore);
    const end = Math.max(d.speaker.end, d.cueEnd, partsEnd + quoteAfter);
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

/** Words of the article text in [from, to), as the text layer has them (text/words.ts). */
const wordsIn = (ctx: SpeakerContext, from: number, to: number): number => wordCount(tokensOf(ctx.article), from, to);

/**
 * Tries to read one statement around a cue: speaker, content and kind. The patterns
 * are tried in turn: a source phrase ("according to"), a quote before the cue, an
 * inverted trailing attribution, a participle, then a speaker before the cue.
 */
function attributionAround(ctx: SpeakerContext, s: Sentence, cue: Cue, usedQuotes: Set<Quote>): Draft | undefined {
  if (ctx.cues.phrases.includes(cue.lemma)) return accordingTo(ctx, s, cue);
  return (
    quoteBeforeCue(ctx, s, cue, usedQuotes) ??
    invertedTrailing(ctx, s, cue) ??
    participleOfLastSpeaker(ctx, s, cue) ??
    openingParticiple(ctx, s, cue) ??
    speakerBeforeCue(ctx, s, cue, usedQuotes)
  );
}

/** "…, according to X" and "According to X, …": the source named after the cue, the content before it (or after the source's comma). */
export function accordingTo(ctx: SpeakerContext, s: Sentence, cue: Cue): Draft | undefined {
  const { norm } = ctx.article;
  const from = cue.end + (norm.slice(cue.end).match(/^\s+/)?.[0].length ?? 0);
  // A source that is not an actor is a noun phrase: "according to a copy of instructions that …".
  const phraseMatch = /^(?:an?|the)\s+[\p{L}'’-]+(?:\s+(?!that\b|which\b|who\b)[\p{L}'’-]+){0,3}/iu.exec(norm.slice(from, s.end));
  // A source, not a norm: "according to a copy of instructions", not "according to the schedule".
  const phrase = phraseMatch && phraseMatch[0].toLowerCase().split(/\s+/).some((w) => ctx.cues.sourceNouns.has(w)) ? phraseMatch : null;
  // "according to the statement": a document or institution noun stands for the actor it refers to.
  const referred = phrase ? organizationFor(ctx, phrase[0], from) : undefined;
  const nounSpeaker = phrase && referred && isOrganizationNoun(ctx, phrase[0]) ? { ...referred, start: from, end: from + phrase[0].length } : undefined;
  const speaker =
    speakerStartingAt(ctx, from) ?? nounSpeaker ?? possessorSpeaking(ctx, from, s.end) ?? (phrase ? { label: phrase[0], id: '', type: 'unnamed' as const, country: '', start: from, end: from + phrase[0].length } : undefined);
  // Opening the sentence ("According to him, …", "As reported by OBOZ.UA, …"): the content follows the source's comma.
  if (wordsIn(ctx, s.start, cue.start) === 0) return sourceFirst(ctx, s, cue, from, speaker);
  if (!speaker) return undefined;
  const span = trimSpan(norm, s.start, cue.start);
  if (wordsIn(ctx, span.start, span.end) < 3) return undefined;
  return { rule: 'according-to', speaker, cue: cue.cue, cueStart: cue.start, cueEnd: cue.end, kind: kindOf(ctx, span), parts: [span] };
}

/**
 * A quote closing right before the cue: `"…," she added`, `"…," said Wang`, `"…," Wang
 * said`, `"…," ministry spokesperson Wang Wenbin said`; a quote split by the
 * attribution is one statement.
 */
export function quoteBeforeCue(ctx: SpeakerContext, s: Sentence, cue: Cue, usedQuotes: Set<Quote>): Draft | undefined {
  const { norm } = ctx.article;
  const inSentence = (q: Quote) => q.closed && !usedQuotes.has(q) && q.end > s.start && q.end <= cue.start;
  const closing = ctx.quotes.find((q) => inSentence(q) && /^[\s,]*$/.test(norm.slice(q.end, cue.start)));
  const closingBeforeSpeaker = ctx.quotes.find((q) => inSentence(q) && /^[\s,]+[^",]{1,80}$/.test(norm.slice(q.end, cue.start)));
  if (closing && !/ing$/i.test(cue.cue)) {
    // Inverted, `"…," said Wang`: the speaker must end the clause, not be an object ("reaffirming Beijing's ties").
    const speaker = speakerStartingAt(ctx, cue.end + (norm.slice(cue.end).match(/^\s+/)?.[0].length ?? 0));
    if (speaker && /^(?:\s*[,.;!?]|\s*$|\s+(?:on|in|at|during|after|when)\b)/.test(norm.slice(speaker.end, s.end))) return direct(ctx, speaker, cue, closing, s, 'quote-cue-speaker');
  }
  if (closingBeforeSpeaker) {
    const speaker = speakerEndingAt(ctx, stripAdverbials(norm, closingBeforeSpeaker.end, cue.start), closingBeforeSpeaker.end);
    // Titles may stand between the quote and the name: `"…," ministry spokesperson Wang Wenbin said`.
    if (speaker && /^[\s,]*(?:[\p{L}'’.-]+\s+){0,10}$/u.test(norm.slice(closingBeforeSpeaker.end, speaker.start)) && !hasClauseVerb(ctx, closingBeforeSpeaker.end, speaker.start)) {
      // `"…," the news agency quoted the official as saying`: the one quoted speaks, not the agency.
      const quoted = cue.lemma === 'quote' ? quotedAsSaying(ctx, cue, s) : undefined;
      return direct(ctx, quoted ?? speaker, cue, closingBeforeSpeaker, s, 'quote-speaker-cue');
    }
  }
  return undefined;
}

/** Speaker before the cue, content after it (`X said (that) …`), or the content before the speaker's comma (`…, X said.`). */
export function speakerBeforeCue(ctx: SpeakerContext, s: Sentence, cue: Cue, usedQuotes: Set<Quote>): Draft | undefined {
  const { norm } = ctx.article;
  if (cue.cue.toLowerCase().endsWith('ed') || /^(told|said|wrote)$/i.test(cue.cue)) {
    if (BE_FORMS.test(norm.slice(s.start, cue.start))) return undefined; // passive: "were told to", "has been criticised"
  }
  const floor = clauseFloor(ctx, s, cue.start);
  let subjectEnd = stripAdverbials(norm, floor, cue.start);
  let speaker = speakerEndingAt(ctx, subjectEnd, floor) ?? appositiveName(ctx, floor, subjectEnd) ?? objectOfControlVerb(ctx, floor, cue);
  const relative = speaker ? undefined : relativeAntecedent(ctx, floor, subjectEnd);
  speaker ??= relative;
  if (speaker && speaker.end < subjectEnd) subjectEnd = speaker.end;
  if (!speaker && /\band\s*$/i.test(norm.slice(floor, subjectEnd))) {
    // "Wang took the chance to criticize … and said …": the sentence's subject speaks.
    subjectEnd = -1;
    speaker = sentenceSubject(ctx, s, cue.start);
  }
  // "…, Dmitry Peskov, the press secretary of the Russian president stated.": the appositive
  // runs to the cue without its closing comma; the name before it speaks.
  if (speaker) speaker = openAppositiveHead(ctx, floor, speaker, cue.start) ?? speaker;
  if (!speaker) return undefined;
  // "China maintains that …, Wang Wenbin said, adding …": a state's or organisation's cue at the start
  // is part of what the person named after the comma says.
  if ((speaker.type === 'state' || speaker.type === 'organization') && trailingPersonAttribution(ctx, s, cue.end)) return undefined;
  // "Zhang gave an interview to the TASS news agency stating that …": a participle after an unnamed noun belongs to the sentence's subject.
  if (/ing$/i.test(cue.cue) && speaker.id === '' && speaker.type !== 'person') {
    const subject = openingSubject(ctx, s, speaker.start);
    if (subject?.type === 'person') speaker = { ...subject, start: cue.start, end: cue.start };
  }
  const lead = norm.slice(floor, speaker.start);
  // "…, which accuses" has its own reading (relativeAntecedent); "an article in which they criticized" has a subject of its own.
  if (subjectEnd >= 0 && /\b(?:to|that|which|who)\s*$/i.test(lead) && !/\b(?:in|by|with|through|under|for)\s+which\s*$/i.test(lead)) return undefined;
  // Two actors as one subject ("China, Russia accuse …", "Lavrov and Wang agreed …"): one joint statement of both.
  if (subjectEnd >= 0 && /(?:,|\band)\s*$/.test(lead)) {
    const otherEnd = floor + lead.replace(/(?:,|\band)\s*$/, '').trimEnd().length;
    const other = ctx.mentions.find((m) => m.kind !== 'adjective' && m.end === otherEnd);
    // Only when the first actor opens the clause: "In talks with China, Russia condemned …" is Russia's.
    // ("The foreign ministers of both China and Russia have condemned …": the subject's head is "of" them both.)
    const before = norm.slice(floor, other?.start ?? floor);
    if (other && (/^\s*(?:(?:both|but|and|meanwhile|also)\s+)*$/i.test(before) || /^\s*(?:the\s+)?[\p{L}\s-]{0,40}\bof\s+(?:both\s+)?$/iu.test(before))) {
      if (other.actor_id === speaker.id) return undefined;
      speaker = jointSpeaker(fromMention(other), speaker);
    }
  }

  let contentStart = cue.end;
  const quotedAs = QUOTED_AS_SAYING.exec(norm.slice(cue.end, s.end));
  if (cue.lemma === 'quote' && quotedAs) {
    // "The ministry quoted Wang as saying …": Wang speaks.
    const quoted = speakerStartingAt(ctx, cue.end + quotedAs[0].indexOf(quotedAs[1]!));
    if (quoted) speaker = quoted;
    contentStart = cue.end + quotedAs[0].length;
  } else if (cue.object) {
    const obj = OBJECT.exec(norm.slice(cue.end, s.end));
    if (obj && cue.lemma === 'tell') contentStart += obj[0].length;
  }
  const head = ADVERBIAL_HEAD.exec(norm.slice(contentStart, s.end));
  if (head) contentStart += head[0].length;
  const that = /^\s*(?:,\s*)?that\b/i.exec(norm.slice(contentStart, s.end));
  if (that) contentStart += that[0].length;

  // A quote opening right after the cue is a direct statement (and may run on past the sentence).
  const opening = quoteOpeningAt(ctx.quotes, norm, contentStart);
  if (opening && !usedQuotes.has(opening)) {
    const rest = norm.slice(opening.end, Math.max(opening.end, sentenceEndFor(ctx, opening.end)));
    if (/^\s*[.!?]?\s*$/.test(rest)) return { rule: 'speaker-cue-quote', speaker, cue: cue.cue, cueStart: cue.start, cueEnd: cue.end, kind: 'direct', parts: [{ start: opening.contentStart, end: opening.contentEnd }] };
  }

  let contentEnd = s.end;
  const tail = TRAILING_SOURCE.exec(norm.slice(contentStart, s.end));
  if (tail) contentEnd = contentStart + tail.index;
  if (SUBORDINATE_START.test(norm.slice(s.start, speaker.start))) {
    const comma = norm.indexOf(',', contentStart);
    if (comma > 0 && comma < contentEnd) contentEnd = comma;
  }
  if (relative) {
    // A relative clause ends at its comma: "Russia, which denies the reports, has moved troops …".
    const comma = norm.indexOf(',', contentStart);
    if (comma > 0 && comma < contentEnd) contentEnd = comma;
  }
  contentEnd = cutBeforeNextAttribution(ctx, s, contentStart, contentEnd);
  contentEnd = cutBeforeContinuingCue(ctx, s, contentStart, contentEnd);
  const span = trimSpan(norm, contentStart, contentEnd);
  // The comma ending the content, then perhaps a title before the speaker's name: "…, the Russian Defense Ministry said", "…, President Volodymyr Zelensky said".
  const comma = commaBeforeTitle(ctx, floor, speaker.start);
  // "…, Lavrov said at the meeting.": after the cue only a circumstance (no verb) up to the sentence's end; the content is before.
  // "…, Xi said, adding that …": a participle right after the cue opens a statement of its own; this one's content is before.
  const participleNext = findCues(ctx, s).some((c) => c.start > cue.end && /ing$/i.test(c.cue) && /^\s*,\s*$/.test(norm.slice(cue.end, c.start)));
  const trailing = subjectEnd >= 0 && comma !== null && ((contentEnd === s.end && isCircumstance(ctx, span)) || participleNext);
  if (!trailing && wordsIn(ctx, span.start, span.end) >= 2) return { rule: 'speaker-cue-content', speaker, cue: cue.cue, cueStart: cue.start, cueEnd: cue.end, kind: kindOf(ctx, span), parts: [span] };
  // Trailing attribution of reported speech: "Chinese firms would continue trading with Russia, he suggested." 
  // A participle has no subject of its own to trail the content: "…, with Borrell describing them as …".
  if (subjectEnd < 0 || !comma || /ing$/i.test(cue.cue)) return undefined;
  const content = trimSpan(norm, floor, floor + comma.index);
  if (wordsIn(ctx, content.start, content.end) < 3) return undefined;
  return { rule: 'content-speaker-cue', speaker, cue: cue.cue, cueStart: cue.start, cueEnd: cue.end, kind: kindOf(ctx, content), parts: [content] };
}

/**
 * The object of a control verb speaks the cue after "to": "…, leading U.S. Secretary
 * of State Antony Blinken to warn that …" is Blinken's warning (cues.yaml:
 * object_control). Only a cue in its base form after "to" and an actor right after
 * the control verb qualify: "Russia wants China to say …" is no one's statement here.
 */
function objectOfControlVerb(ctx: SpeakerContext, floor: number, cue: Cue): Speaker | undefined {
  const layer = tokensOf(ctx.article);
  const cueToken = layer.tokens[tokenIndexAt(layer, cue.start)];
  const to = layer.tokens[(cueToken?.index ?? 0) - 1];
  if (!cueToken || cueToken.lower !== cue.lemma || to?.lower !== 'to') return undefined;
  const speaker = speakerEndingAt(ctx, stripAdverbials(ctx.article.norm, floor, to.start), floor);
  if (!speaker || speaker.type === 'unnamed') return undefined;
  // The control verb, perhaps before the speaker's title: "leading U.S. Secretary of State Antony Blinken".
  let i = tokenIndexAt(layer, speaker.start) - 1;
  for (let title = 0; i >= 0 && title < 8 && TITLE_POS.has(layer.tokens[i]!.pos); title++) i--;
  const verb = layer.tokens[i];
  return verb && verb.pos === 'VERB' && ctx.cues.objectControl.has(verb.lemma) ? speaker : undefined;
}

/**
 * A name in apposition after its title: "A State Department spokesman, Ned Price,
 * said …" is Ned Price's. The person's mention ends at the comma before the cue and
 * follows a comma itself.
 */
function appositiveName(ctx: SpeakerContext, floor: number, subjectEnd: number): Speaker | undefined {
  const norm = ctx.article.norm;
  const m = /,\s*$/.exec(norm.slice(floor, subjectEnd));
  if (!m) return undefined;
  const end = floor + m.index;
  const person = ctx.mentions.find((x) => x.end === end && x.start >= floor && x.actor_type === 'person' && x.kind !== 'adjective');
  return person && /,\s*$/.test(norm.slice(floor, person.start)) ? fromMention(person) : undefined;
}

/**
 * A person named right before an appositive that runs up to the cue without its
 * closing comma: in "…, Dmitry Peskov, the press secretary of the Russian president
 * stated" the speaker read at the cue ("the Russian president") is part of the
 * appositive, and Peskov speaks. The appositive opens with an article and holds no
 * comma or verb.
 */
function openAppositiveHead(ctx: SpeakerContext, floor: number, speaker: Speaker, cueStart: number): Speaker | undefined {
  const norm = ctx.article.norm;
  const person = ctx.mentions.filter((m) => m.start >= floor && m.end < speaker.start && m.actor_type === 'person' && m.kind !== 'adjective').at(-1);
  if (!person || person.actor_id === speaker.id) return undefined;
  const appositive = norm.slice(person.end, cueStart);
  if (!/^,\s*(?:the|an?)\s+[^,;"“”]{1,80}$/i.test(appositive) || hasClauseVerb(ctx, person.end, cueStart)) return undefined;
  return fromMention(person);
}

/**
 * A relative clause's speaker is its antecedent: "the NATO summit declaration, which
 * accuses Beijing of …" is the declaration's (so NATO's), "Peskov, who speaks for the
 * Kremlin, said …" aside (that is read as an appositive). Only "which" or "who" right
 * after a comma, with the antecedent ending at that comma.
 */
function relativeAntecedent(ctx: SpeakerContext, floor: number, subjectEnd: number): Speaker | undefined {
  const norm = ctx.article.norm;
  const m = /,\s*(?:which|who)\s*$/i.exec(norm.slice(floor, subjectEnd));
  if (!m) return undefined;
  const end = floor + m.index;
  const speaker = documentSpeakerEndingAt(ctx, floor, end) ?? speakerEndingAt(ctx, end, floor);
  return speaker && speaker.type !== 'unnamed' && speaker.id !== '' ? speaker : undefined;
}

/**
 * A document named by a noun phrase ending at `end` ("the NATO summit declaration",
 * "the joint statement"): it speaks for the organisation or state named in the
 * phrase, else for the one the document noun refers to (organizationFor).
 */
function documentSpeakerEndingAt(ctx: SpeakerContext, floor: number, end: number): Speaker | undefined {
  const phrase = /(?:^|\s)((?:the|a|an)\s+(?:[\p{L}'’-]+\s+){0,4}[\p{L}'’-]+)$/iu.exec(ctx.article.norm.slice(floor, end));
  if (!phrase) return undefined;
  const head = phrase[1]!.toLowerCase().split(/\s+/).at(-1)!;
  if (!ctx.cues.documentNouns.some((n) => n === head || n.endsWith(` ${head}`))) return undefined;
  const start = end - phrase[1]!.length;
  const named = ctx.mentions.filter((m) => m.start >= start && m.end <= end && m.kind !== 'adjective' && m.actor_type !== 'person').at(-1)
    ?? ctx.mentions.filter((m) => m.start >= start && m.end <= end && m.actor_type !== 'person').at(-1);
  if (named) return { ...fromMention(named), start, end };
  const referred = organizationFor(ctx, phrase[1]!, start);
  return referred ? { ...referred, start, end } : undefined;
}

/** Parts of speech of a title before a name ("U.S. Secretary of State", "the Chinese ambassador"). */
const TITLE_POS = new Set(['PROPN', 'NOUN', 'ADJ', 'ADP', 'DET']);

/** The one a source quotes "as saying": "quoted the official as saying", "quoted Wang Yi as saying". */
function quotedAsSaying(ctx: SpeakerContext, cue: Cue, s: Sentence): Speaker | undefined {
  const m = /^\s+((?:the\s+)?[\p{L}.'’-]+(?:\s+[\p{L}.'’-]+){0,5}?)\s+as\s+say(?:ing)?\b/iu.exec(ctx.article.norm.slice(cue.end, s.end));
  if (!m) return undefined;
  const start = cue.end + m[0].indexOf(m[1]!);
  return speakerStartingAt(ctx, start);
}

/** Channel verbs: "…, TASS reported" names where a statement was read, not who made it. */
const CHANNEL_LEMMAS = new Set(['report', 'quote', 'cite', 'write', 'tweet']);

/**
 * A person's trailing attribution later in the sentence: ", Wang Wenbin said", ",
 * Chinese Foreign Ministry spokesman Wang Wenbin said on Friday", after a comma, with
 * a finite cue that is no channel verb.
 */
function trailingPersonAttribution(ctx: SpeakerContext, s: Sentence, after: number): boolean {
  const { norm } = ctx.article;
  return findCues(ctx, s).some((c) => {
    if (c.start <= after || /ing$/i.test(c.cue) || CHANNEL_LEMMAS.has(c.lemma) || ctx.cues.phrases.includes(c.lemma)) return false;
    const speaker = speakerEndingAt(ctx, stripAdverbials(norm, after, c.start), after);
    // A name, not a pronoun ("as what he said were"), right after the comma or its title.
    const named = speaker && ctx.mentions.some((m) => m.end === speaker.end && m.actor_type === 'person' && m.kind !== 'pronoun');
    return named && speaker.id !== '' && commaBeforeTitle(ctx, after, speaker.start) !== null;
  });
}

/** A verb (or auxiliary) between two offsets: the words there are a clause, not a title. */
function hasClauseVerb(ctx: SpeakerContext, from: number, to: number): boolean {
  return tokensIn(tokensOf(ctx.article), from, to).some((t) => CLAUSE_POS.has(t.pos));
}

/**
 * The comma that ends reported content before its speaker, with at most a title
 * between them (determiners, nouns, names, prepositions; no verb, eight words at
 * most): in "…, the U.S. State Department's top diplomat Daniel Kritenbrink said" the
 * comma before "the". Its offset relative to `floor` as a match, or null.
 */
function commaBeforeTitle(ctx: SpeakerContext, floor: number, speakerStart: number): { index: number } | null {
  const before = ctx.article.norm.slice(floor, speakerStart);
  const at = before.lastIndexOf(',');
  if (at < 0) return null;
  const title = before.slice(at + 1);
  if (title.trim() === '') return { index: at };
  const tokens = tokensIn(tokensOf(ctx.article), floor + at + 1, speakerStart);
  // A title opens with no preposition or conjunction: "…, with EU foreign policy chief Josep Borrell describing …" is no attribution.
  if (tokens.length > 0 && ['ADP', 'SCONJ', 'CCONJ'].includes(tokens[0]!.pos)) return null;
  if (wordsIn(ctx, floor + at + 1, speakerStart) > 8 || tokens.some((t) => CLAUSE_POS.has(t.pos)) || /["“”]/.test(title)) return null;
  return { index: at };
}

/** A transcript's speaker label opening a paragraph: "ANTONY BLINKEN: We have …", "Blinken: We …". */
const LABEL = /^([A-Z][A-Za-z.'’-]*(?: [A-Z][A-Za-z.'’-]*){0,3}):\s+(?=\S)/;

/**
 * Transcript paragraphs: a name and a colon open the paragraph, and the rest is what
 * that person said, as a direct statement. The label must name a person (a mention of
 * the actors stage, all capitals allowed) or be two or more capitalised words no actor
 * claims ("MARGARET BRENNAN:"); a place or a rubric ("BEIJING:", "UPDATE:") is no label.
 */
function speakerLabels(ctx: SpeakerContext): Draft[] {
  const { norm } = ctx.article;
  const drafts: Draft[] = [];
  for (const p of ctx.article.paragraphs) {
    const m = LABEL.exec(norm.slice(p.start, p.end));
    if (!m) continue;
    const labelEnd = p.start + m[1]!.length;
    const mention = ctx.mentions.find((x) => x.start === p.start && x.end === labelEnd && x.kind !== 'adjective');
    let speaker: Speaker | undefined;
    if (mention) speaker = mention.actor_type === 'person' ? fromMention(mention) : undefined;
    else if (m[1]!.includes(' ') && !ctx.mentions.some((x) => x.start < labelEnd && x.end > p.start)) {
      const label = m[1]!.toLowerCase().replace(/(^|[\s'’-])\p{L}/gu, (c) => c.toUpperCase());
      speaker = { label, id: `unregistered:${label.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-')}`, type: 'person', country: '', start: p.start, end: labelEnd };
    }
    if (!speaker) continue;
    const span = trimSpan(norm, p.start + m[0].length, p.end);
    if (wordsIn(ctx, span.start, span.end) < 3) continue;
    drafts.push({ rule: 'label', speaker, cue: ':', cueStart: labelEnd, cueEnd: labelEnd + 1, kind: 'direct', parts: [span] });
  }
  return drafts;
}

/** Parts of speech that make a span more than a circumstance ("at the meeting", "on Thursday", "in a statement"). */
const CLAUSE_POS = new Set(['VERB', 'AUX']);
const CIRCUMSTANCE_MAX_WORDS = 8;
/** An occasion after the cue: "when asked about …", "while speaking to reporters", "in response to a question". */
const OCCASION = /^(?:when|while|after|as)\s+(?:being\s+)?(?:asked|speaking|responding|commenting|answering|talking|questioned)\b|^in\s+(?:response|reply)\s+to\b/i;

/** A short span with no verb: a time, place or manner after the cue, not reported content. */
function isCircumstance(ctx: SpeakerContext, span: { start: number; end: number }): boolean {
  if (span.end <= span.start) return true;
  // "when asked about …", "while speaking to …": the occasion, not what was said.
  if (OCCASION.test(ctx.article.norm.slice(span.start, span.end))) return true;
  if (hasClauseVerb(ctx, span.start, span.end)) return false;
  const words = wordsIn(ctx, span.start, span.end);
  // A longer circumstance opens with a preposition ("at a news conference in Beijing"); "his assessments of …" is an object.
  const first = tokensIn(tokensOf(ctx.article), span.start, span.end)[0];
  return words <= 3 || (words <= CIRCUMSTANCE_MAX_WORDS && first?.pos === 'ADP');
}

/**
 * Reported speech with the attribution after it, inverted: "…, said Qin.", "…, said
 * Chinese Foreign Ministry spokesman Lin Jian." The speaker is the last actor ending
 * the clause after the cue (a person named after a title wins over the title's
 * organisation); the content is the sentence up to the comma before the cue.
 */
function invertedTrailing(ctx: SpeakerContext, s: Sentence, cue: Cue): Draft | undefined {
  const { norm } = ctx.article;
  const lead = norm.slice(s.start, cue.start);
  // After "told", "urged" the actor is the addressee, not the speaker.
  if (!/,\s*$/.test(lead) || ctx.cues.phrases.includes(cue.lemma) || cue.object) return undefined;
  // "…, said during a briefing on Friday, March 17, Chinese Foreign Ministry spokesman Wang Wenbin.": a circumstance may come first.
  const circumstance = /^\s+(?:during|at|in|on|after)\s[^",;]{1,60}?,\s*(?=\p{Lu})/u.exec(norm.slice(cue.end, s.end));
  const from = cue.end + (circumstance?.[0].length ?? norm.slice(cue.end).match(/^\s+/)?.[0].length ?? 0);
  const endsClause = (end: number) => /^\s*(?:[.,;!?]|$|\s+(?:on|in|at|during|after|when|last|this|earlier)\b)/.test(norm.slice(end, s.end));
  let speaker: Speaker | undefined;
  for (const m of ctx.mentions) {
    if (m.start < from || m.start >= s.end || m.kind === 'adjective' || !endsClause(m.end)) continue;
    // Only a title stands between the cue and its speaker: no verb, no pronoun ("outlined his assessments of … Ukraine" names no speaker).
    const between = tokensIn(tokensOf(ctx.article), from, m.start);
    if (hasClauseVerb(ctx, from, m.start) || between.length > 8 || between.some((t) => t.pos === 'PRON')) continue;
    speaker = fromMention(m, m.start, m.end);
    if (m.actor_type === 'person') break;
  }
  if (!speaker) {
    const other = speakerStartingAt(ctx, from); // "said the official."
    if (other && endsClause(other.end)) speaker = other;
  }
  if (!speaker) return undefined;
  const content = trimSpan(norm, clauseFloor(ctx, s, cue.start), s.start + lead.replace(/,\s*$/, '').length);
  // The content is a clause of its own (it has a verb), not the speaker's subject with an appositive.
  if (wordsIn(ctx, content.start, content.end) < 3 || !hasClauseVerb(ctx, content.start, content.end)) return undefined;
  if (ctx.mentions.some((m) => m.actor_id === speaker!.id && speaker!.id !== '' && m.start >= content.start && m.start < content.start + 40)) return undefined;
  return { rule: 'content-cue-speaker', speaker, cue: cue.cue, cueStart: cue.start, cueEnd: cue.end, kind: kindOf(ctx, content), parts: [content] };
}

/**
 * "According to X, …" opening a sentence: the content is what follows the comma that
 * ends the source; the source is the last actor named before that comma ("According
 * to reports from Russian state news agency TASS, …" is TASS), else the speaker read
 * at the phrase's start (a pronoun: "According to him").
 */
function sourceFirst(ctx: SpeakerContext, s: Sentence, cue: Cue, from: number, atStart: Speaker | undefined): Draft | undefined {
  const { norm } = ctx.article;
  const comma = norm.indexOf(',', from);
  if (comma < 0 || comma >= s.end) return undefined;
  let named: Mention | undefined;
  for (const m of ctx.mentions) if (m.start >= from && m.end <= comma && m.kind !== 'adjective') named = m;
  const speaker = named ? fromMention(named) : atStart;
  if (!speaker) return undefined;
  const span = trimSpan(norm, comma + 1, s.end);
  if (wordsIn(ctx, span.start, span.end) < 3) return undefined;
  // "According to the Sputnik news agency, Putin, in a conversation with Xi, outlined …": the source
  // only carries an attribution of its own, whose speaker speaks (that cue is read in its turn).
  if (opensWithAttribution(ctx, s, span.start)) return undefined;
  return { rule: 'according-to', speaker, cue: cue.cue, cueStart: cue.start, cueEnd: cue.end, kind: kindOf(ctx, span), parts: [span] };
}

/**
 * The owner of a press office, spokesman or statement speaks through it: "according
 * to the Russian Pacific Fleet's press office" is the Pacific Fleet's. The actor must
 * stand in the noun phrase opening at `from`, with "'s" and at most three words after.
 */
function possessorSpeaking(ctx: SpeakerContext, from: number, to: number): Speaker | undefined {
  const { norm } = ctx.article;
  const owner = ctx.mentions.find((m) => m.start >= from && m.start < from + 60 && m.end < to && m.kind !== 'adjective' && m.actor_type !== 'person' && /^'s\s+(?:[\p{L}-]+\s+){0,2}[\p{L}-]+\s*(?:[,.;]|$)/u.test(norm.slice(m.end, to)));
  if (!owner || !/^(?:the\s+)?(?:[\p{L}-]+\s+){0,2}$/iu.test(norm.slice(from, owner.start))) return undefined;
  return fromMention(owner);
}

/** A speaker opening the clause at `from`, then (past a parenthetical) a finite cue: "Putin, in a call with Xi, outlined …". */
function opensWithAttribution(ctx: SpeakerContext, s: Sentence, from: number): boolean {
  const { norm } = ctx.article;
  const subject = ctx.mentions.find((m) => m.start === from && m.kind !== 'adjective');
  if (!subject) return false;
  return findCues(ctx, s).some((c) => c.start > subject.end && !/ing$/i.test(c.cue) && stripAdverbials(norm, subject.start, c.start) === subject.end);
}

/**
 * A participle opening the sentence, its subject after the comma: "Noting that
 * relations are at their best, Putin said …" is Putin's (the content runs to the comma).
 */
function openingParticiple(ctx: SpeakerContext, s: Sentence, cue: Cue): Draft | undefined {
  const { norm } = ctx.article;
  if (!/ing$/i.test(cue.cue) || wordsIn(ctx, s.start, cue.start) > 0) return undefined;
  let contentStart = cue.end;
  const that = /^\s*that\b/i.exec(norm.slice(contentStart, s.end));
  if (that) contentStart += that[0].length;
  const comma = norm.indexOf(',', contentStart);
  if (comma < 0 || comma >= s.end) return undefined;
  const subjectStart = comma + 1 + (/^\s*(?:the\s+)?/i.exec(norm.slice(comma + 1))?.[0].length ?? 0);
  const subject = ctx.mentions.find((m) => m.start === subjectStart && m.kind !== 'adjective');
  if (!subject) return undefined;
  const span = trimSpan(norm, contentStart, comma);
  if (wordsIn(ctx, span.start, span.end) < 3) return undefined;
  return { rule: 'participle', speaker: fromMention(subject), cue: cue.cue, cueStart: cue.start, cueEnd: cue.end, kind: kindOf(ctx, span), parts: [span] };
}

/** What joins a cue that continues the sentence's last speaker: a comma before a participle, or "and" before a finite verb. */
const continuingLead = (lead: string, cue: Cue): boolean => (/ing$/i.test(cue.cue) ? /,\s*$/.test(lead) : /(?:,\s*|\s+)and\s+$/.test(lead));

/** Content stops before a cue that continues it with the same speaker: "…, adding that …", "… and called on …". */
function cutBeforeContinuingCue(ctx: SpeakerContext, s: Sentence, from: number, to: number): number {
  const { norm } = ctx.article;
  for (const cue of findCues(ctx, s)) {
    if (cue.start <= from || cue.start >= to || ctx.cues.phrases.includes(cue.lemma)) continue;
    const lead = norm.slice(from, cue.start);
    if (continuingLead(lead, cue) && wordsIn(ctx, from, cue.start) >= 3) return from + lead.replace(/(?:,?\s*and|,)\s*$/, '').length;
  }
  return to;
}

/**
 * A participle after a comma, or a verb after "and", continues the statement before
 * it in the sentence, with its speaker: "…, Xi said, adding that China …", "Li said
 * that …, and called on all parties to …". A new cue starts a new statement.
 */
function participleOfLastSpeaker(ctx: SpeakerContext, s: Sentence, cue: Cue): Draft | undefined {
  const { norm } = ctx.article;
  if (!continuingLead(norm.slice(s.start, cue.start), cue)) return undefined;
  const last = ctx.previous[ctx.previous.length - 1];
  let speaker = last && last.end >= s.start && last.end <= cue.start ? last.speaker : undefined;
  // No statement before it in the sentence: the participle's subject is the sentence's ("The United States hit back, saying …").
  if (!speaker && /ing$/i.test(cue.cue)) speaker = openingSubject(ctx, s, cue.start);
  if (!speaker) return undefined;
  let contentStart = cue.end;
  const that = /^\s*(?:,\s*)?that\b/i.exec(norm.slice(contentStart, s.end));
  if (that) contentStart += that[0].length;
  const span = trimSpan(norm, contentStart, cutBeforeNextAttribution(ctx, s, contentStart, s.end));
  if (wordsIn(ctx, span.start, span.end) < 3) return undefined;
  return { rule: 'participle', speaker: { ...speaker, start: cue.start, end: cue.start }, cue: cue.cue, cueStart: cue.start, cueEnd: cue.end, kind: kindOf(ctx, span), parts: [span] };
}

/**
 * The subject opening the sentence, perhaps after an introductory phrase and its comma
 * ("Before the summit with Biden, Putin granted an interview …"): the actor a
 * participle later in the sentence belongs to.
 */
function openingSubject(ctx: SpeakerContext, s: Sentence, before: number): Speaker | undefined {
  const { norm } = ctx.article;
  const opening = ctx.mentions.find((m) => m.kind !== 'adjective' && m.start >= s.start && m.start < before && /^\s*(?:[^,"“”]{1,60},\s*)?(?:the\s+)?$/i.test(norm.slice(s.start, m.start)));
  if (!opening) return undefined;
  const intro = norm.slice(s.start, opening.start).lastIndexOf(',');
  return hasClauseVerb(ctx, s.start + Math.max(0, intro), opening.start) ? undefined : fromMention(opening);
}

/** A direct statement from its closing quote, including a quote split by the attribution: `"A," she added, "B."` */
function direct(ctx: SpeakerContext, pronounSpeaker: Speaker, cue: Pick<Cue, 'start' | 'end' | 'cue'>, closing: Quote, s: Sentence, rule: AttributionRule): Draft {
  const { norm } = ctx.article;
  const speaker = continuingSpeaker(ctx, pronounSpeaker, cue);
  // Reported words before the quote make it a mixed statement: `Security should not be achieved through "…," said Wang`.
  const leadStart = closing.start > s.start ? clauseStartBefore(ctx, s, closing.start) : closing.start;
  if (wordsIn(ctx, leadStart, closing.start) >= 2) {
    const span = trimSpan(norm, leadStart, closing.end);
    return { rule, speaker, cue: cue.cue, cueStart: cue.start, cueEnd: cue.end, kind: 'mixed', parts: [span] };
  }
  const parts = [{ start: closing.contentStart, end: closing.contentEnd }];
  const attributionEnd = Math.max(speaker.end, cue.end);
  const next = ctx.quotes.find((q) => q.start > attributionEnd && q.start < Math.max(s.end, attributionEnd + 1) + 2 && /^[^"]{0,40}?,\s*$/.test(ctx.article.norm.slice(attributionEnd, q.start)));
  if (next) parts.push({ start: next.contentStart, end: next.contentEnd });
  return { rule: parts.length > 1 ? 'split-quote' : rule, speaker, cue: cue.cue, cueStart: cue.start, cueEnd: cue.end, kind: 'direct', parts };
}

/**
 * "he added", "she continued": a pronoun before a verb of going on is the last person
 * speaking (of that gender), even when someone else was named in between, as in a
 * question put to the speaker ("…, the envoy said, when asked if Wang Yi sent any
 * messages. "…," he added.").
 */
function continuingSpeaker(ctx: SpeakerContext, speaker: Speaker, cue: Pick<Cue, 'start' | 'cue'>): Speaker {
  if (!/^(?:add|continu|go|went)/i.test(cue.cue) || !/^(?:he|she)$/i.test(ctx.article.norm.slice(speaker.start, speaker.end))) return speaker;
  const last = ctx.previous[ctx.previous.length - 1];
  const gender = ctx.cues.pronouns.get(ctx.article.norm.slice(speaker.start, speaker.end).toLowerCase());
  if (!last || last.speaker.type !== 'person' || (gender && last.speaker.gender && last.speaker.gender !== gender)) return speaker;
  const sentence = sentenceAt(ctx.article, cue.start);
  const previousStart = ctx.article.sentences[Math.max(0, sentence.index - 2)]!.start;
  return last.end >= previousStart ? { ...last.speaker, start: speaker.start, end: speaker.end } : speaker;
}

/** Start of the reported clause before a quote: the sentence start, or the end of an earlier quote in it. */
function clauseStartBefore(ctx: SpeakerContext, s: Sentence, pos: number): number {
  let start = s.start;
  for (const q of ctx.quotes) if (q.end <= pos && q.end > start && q.end <= s.end && ctx.previous.some((p) => p.end >= q.contentEnd && p.end <= q.end + 1)) start = q.end;
  return start;
}

function stripAdverbials(norm: string, floor: number, end: number): number {
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
function clauseFloor(ctx: SpeakerContext, s: Sentence, cueStart: number): number {
  let floor = s.start;
  for (const q of ctx.quotes) if (q.end <= cueStart && q.end > floor && q.end <= s.end) floor = q.end;
  return floor;
}

/** The subject of the clause holding the cue: the last actor opening the sentence or following a comma before it. */
function sentenceSubject(ctx: SpeakerContext, s: Sentence, before: number): Speaker | undefined {
  const { norm } = ctx.article;
  let subject: Mention | undefined;
  for (const m of ctx.mentions) {
    if (m.start < s.start || m.start >= before || m.kind === 'adjective' || insideQuote(ctx, m.start) || norm[m.end] === "'") continue;
    if (m.start === s.start || /,\s$/.test(norm.slice(m.start - 2, m.start))) subject = m;
  }
  return subject ? fromMention(subject) : undefined;
}

function sentenceEndFor(ctx: SpeakerContext, pos: number): number {
  return ctx.article.sentences.find((x) => pos > x.start && pos <= x.end)?.end ?? pos;
}

/** Content stops before a second attribution in the same sentence: "China vowed …, after Washington warned that …". */
function cutBeforeNextAttribution(ctx: SpeakerContext, s: Sentence, from: number, to: number): number {
  const { norm } = ctx.article;
  for (const cue of findCues(ctx, s)) {
    if (cue.start <= from || cue.start >= to) continue;
    const subjectEnd = stripAdverbials(norm, from, cue.start);
    const speaker = speakerEndingAt(ctx, subjectEnd, from);
    if (!speaker || speaker.type === 'unnamed') continue;
    const lead = norm.slice(from, speaker.start);
    const brk = CLAUSE_BREAK.exec(lead);
    if (brk) return from + brk.index;
  }
  return to;
}

function kindOf(ctx: SpeakerContext, span: { start: number; end: number }): StatementKind {
  const inner = ctx.quotes.filter((q) => q.start >= span.start - 1 && q.contentStart < span.end);
  if (inner.length === 0) return 'indirect';
  if (inner.length === 1 && inner[0]!.start <= span.start && inner[0]!.end >= span.end) return 'direct';
  return 'mixed';
}
