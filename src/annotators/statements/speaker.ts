import { distance } from 'fastest-levenshtein';
import type { Article, Sentence } from '../../corpus/types';
import { sentenceAt } from '../../corpus/segment';
import type { Mention, SpeakerType } from '../types';
import { escapeRegex, type CueLexicon } from './cues';
import type { Quote } from './quotes';
import { tokenIndexAt, tokensIn, tokensOf } from '../../text';
import { isHeadlineCase, loadMatchingRules } from '../actors';
import { Coverage, lowerBound, MentionList } from '../positions';

/** Who speaks, resolved as far as the text allows. */
export interface Speaker {
  label: string;
  id: string;
  type: SpeakerType;
  country: string;
  gender?: 'male' | 'female';
  /** Span of the speaker expression as written. */
  start: number;
  end: number;
}

/** What speaker resolution needs from the article: mentions by position, quotes, earlier speakers. */
export interface SpeakerContext {
  article: Article;
  cues: CueLexicon;
  /** The article's mentions, by start. */
  mentions: Mention[];
  mentionsByEnd: Map<number, Mention[]>;
  mentionsByStart: Map<number, Mention[]>;
  quotes: Quote[];
  /** Speakers of statements found so far, in text order (added by `addPrevious`). */
  previous: { speaker: Speaker; end: number }[];
  /** The same, by position: what the passes ask of them, at log n a question (positions.ts). */
  index: SpeakerIndex;
  /** A registered person's offices at the article's date, for role nouns to check (see `OfficesOf`). */
  offices?: OfficesOf;
}

/**
 * The offices a registered person holds at an article's date, each as lower-case words
 * (registry role id and title: "spokesperson spokesperson of the ministry of foreign
 * affairs"); undefined for anyone the registry does not know.
 */
export type OfficesOf = (actorId: string) => readonly string[] | undefined;

type Previous = SpeakerContext['previous'][number];

/** Mentions and earlier speakers by position and kind, built once per article. */
export interface SpeakerIndex {
  all: MentionList;
  /** Every mention (adjectives too) by end, in text order. */
  allByEnd: Map<number, Mention[]>;
  /** Where each quote's content starts, and ends (quotes do not overlap, so both ascend). */
  quoteContentStarts: number[];
  quoteContentEnds: number[];
  /** Quote starts and ends, ascending. */
  quoteStarts: number[];
  quoteEnds: number[];
  /** Persons named outside quotes (not as adjectives): any, or of a gender a pronoun allows. */
  persons: MentionList;
  personsFor: { male: MentionList; female: MentionList };
  personsByCountry: Map<string, MentionList>;
  /** Organisations named outside quotes; those whose name holds a word, by the word (built as asked). */
  organizations: MentionList;
  organizationsByWord: Map<string, MentionList>;
  /** Where each actor is first named (index into `mentions`). */
  firstIndexByActor: Map<string, number>;
  /** The tallies `pairBefore` keeps, by the type asked for. */
  pairs: Map<string, PairTally>;
  /** Earlier speakers of a country (with an id), and earlier joint speakers, in order; and their ends as marks. */
  previousByCountry: Map<string, Previous[]>;
  previousJoint: Previous[];
  previousEnds: Coverage;
  misspelt?: MisspeltIndex;
}

export function speakerContext(article: Article, mentions: Mention[], quotes: Quote[], cues: CueLexicon, offices?: OfficesOf): SpeakerContext {
  const byEnd = new Map<number, Mention[]>();
  const byStart = new Map<number, Mention[]>();
  const allByEnd = new Map<number, Mention[]>();
  for (const m of mentions) {
    (allByEnd.get(m.end) ?? allByEnd.set(m.end, []).get(m.end)!).push(m);
    if (m.kind === 'adjective') continue; // "Chinese" never speaks
    (byEnd.get(m.end) ?? byEnd.set(m.end, []).get(m.end)!).push(m);
    (byStart.get(m.start) ?? byStart.set(m.start, []).get(m.start)!).push(m);
  }
  const quoteContentStarts = quotes.map((q) => q.contentStart);
  const quoteContentEnds = quotes.map((q) => q.contentEnd);
  const inQuote = (pos: number) => {
    const i = lowerBound(quoteContentStarts, pos + 1) - 1;
    return i >= 0 && pos < quoteContentEnds[i]!;
  };
  const outside = mentions.filter((m) => !inQuote(m.start));
  const persons = outside.filter((m) => m.actor_type === 'person' && m.kind !== 'adjective');
  const personsByCountry = new Map<string, Mention[]>();
  for (const m of persons) (personsByCountry.get(m.country) ?? personsByCountry.set(m.country, []).get(m.country)!).push(m);
  const firstIndexByActor = new Map<string, number>();
  mentions.forEach((m, i) => firstIndexByActor.has(m.actor_id) || firstIndexByActor.set(m.actor_id, i));
  const index: SpeakerIndex = {
    all: new MentionList(mentions),
    allByEnd,
    quoteContentStarts,
    quoteContentEnds,
    quoteStarts: quotes.map((q) => q.start),
    quoteEnds: quotes.map((q) => q.end),
    persons: new MentionList(persons),
    personsFor: { male: new MentionList(persons.filter((m) => !m.gender || m.gender === 'male')), female: new MentionList(persons.filter((m) => !m.gender || m.gender === 'female')) },
    personsByCountry: new Map([...personsByCountry].map(([country, list]) => [country, new MentionList(list)])),
    organizations: new MentionList(outside.filter((m) => m.actor_type === 'organization')),
    organizationsByWord: new Map(),
    firstIndexByActor,
    pairs: new Map(),
    previousByCountry: new Map(),
    previousJoint: [],
    previousEnds: new Coverage(article.norm.length),
  };
  return { article, cues, mentions, mentionsByEnd: byEnd, mentionsByStart: byStart, quotes, previous: [], index, offices };
}

/** Records the speaker of a statement just read (and where it ends) for the passes after it. */
export function addPrevious(ctx: SpeakerContext, previous: Previous): void {
  ctx.previous.push(previous);
  const { index } = ctx;
  index.previousEnds.mark(previous.end);
  const { country, id } = previous.speaker;
  if (id !== '') (index.previousByCountry.get(country) ?? index.previousByCountry.set(country, []).get(country)!).push(previous);
  if (id.includes('+')) index.previousJoint.push(previous);
}

/** The last of `list` (in order) ending at or before `pos` and passing `test`. */
function lastEndingBy(list: readonly Previous[] | undefined, pos: number, test: (p: Previous) => boolean = () => true): Previous | undefined {
  for (let i = (list?.length ?? 0) - 1; i >= 0; i--) if (list![i]!.end <= pos && test(list![i]!)) return list![i];
  return undefined;
}

/** The quotes ending in [from, to), in text order. */
export function quotesEndingIn(ctx: SpeakerContext, from: number, to: number): Quote[] {
  const { quoteEnds } = ctx.index;
  return ctx.quotes.slice(lowerBound(quoteEnds, from), lowerBound(quoteEnds, to));
}

/** The quotes starting in [from, to), in text order. */
export function quotesStartingIn(ctx: SpeakerContext, from: number, to: number): Quote[] {
  const { quoteStarts } = ctx.index;
  return ctx.quotes.slice(lowerBound(quoteStarts, from), lowerBound(quoteStarts, to));
}

/** The sentence holding `pos` (start <= pos < end), if any. */
function sentenceHolding(article: Article, pos: number): Sentence | undefined {
  if (article.sentences.length === 0) return undefined;
  const s = sentenceAt(article, pos);
  return pos >= s.start && pos < s.end ? s : undefined;
}

/**
 * The speaker a mention names. A news outlet speaks as an organisation of no country:
 * "Bloomberg reported" is a source cited, not a US voice.
 */
export function fromMention(m: Mention, start = m.start, end = m.end): Speaker {
  if (m.actor_type === 'media') return { label: m.actor, id: m.actor_id, type: 'organization', country: '', gender: m.gender, start, end };
  return { label: m.actor, id: m.actor_id, type: m.actor_type, country: m.country, gender: m.gender, start, end };
}

export function insideQuote(ctx: SpeakerContext, pos: number): boolean {
  const { quoteContentStarts, quoteContentEnds } = ctx.index;
  const i = lowerBound(quoteContentStarts, pos + 1) - 1;
  return i >= 0 && pos < quoteContentEnds[i]!;
}


/** Longest mention ending exactly at `end` (a person named in full wins over a bare surname inside it). */
function mentionEndingAt(ctx: SpeakerContext, end: number): Mention | undefined {
  const found = ctx.mentionsByEnd.get(end);
  return found?.reduce((a, b) => (b.end - b.start > a.end - a.start ? b : a));
}

function mentionStartingAt(ctx: SpeakerContext, start: number): Mention | undefined {
  const found = ctx.mentionsByStart.get(start);
  return found?.reduce((a, b) => (b.end - b.start > a.end - a.start ? b : a));
}

/** The nearest person before `pos`, outside quotes, of a compatible gender. */
function personBefore(ctx: SpeakerContext, pos: number, gender?: 'male' | 'female'): Speaker | undefined {
  const last = ctx.previous[ctx.previous.length - 1];
  const candidates = gender ? ctx.index.personsFor[gender] : ctx.index.persons;
  const best = candidates.lastBefore(pos);
  // The last speaker wins when no other person has been named since the sentence that attributed to them: one named
  // later in it is the attribution's circumstance or object ("…, Lavrov said in an interview with Dmitry Kiselyov.").
  const attributed = last ? Math.max(last.end, sentenceHolding(ctx.article, last.end - 1)?.end ?? last.end) : 0;
  if (last && last.speaker.type === 'person' && (!gender || !last.speaker.gender || last.speaker.gender === gender) && (!best || best.start < attributed || best.actor_id === last.speaker.id)) {
    return { ...last.speaker };
  }
  // No one of the pronoun's gender named before: the last speaker still speaks ("Mao Ning … ," he summarized).
  if (!best) return gender && last?.speaker.type === 'person' ? { ...last.speaker } : undefined;
  // The sentence naming the nearest person has the last speaker for its subject, as a pronoun: "She drew attention to
  // an article …, Jake Sullivan. ¶ …, the diplomat noted." is still hers.
  if (last && last.speaker.type === 'person' && last.end <= best.start && pronounSubjectIs(ctx, best, last.speaker)) return { ...last.speaker };
  // Else the subject of the sentence that named the nearest person, over its objects: "Peskov redirected the question
  // about … Zelenskyy … to the Chinese side. '…,' he said" is Peskov.
  return fromMention(subjectOfSentence(ctx, best, candidates) ?? best);
}

/** True when the sentence holding `mention` opens with "he" or "she" that may be `speaker` (of that gender, or of none known), before any person. */
function pronounSubjectIs(ctx: SpeakerContext, mention: Mention, speaker: Speaker): boolean {
  const sentence = sentenceHolding(ctx.article, mention.start);
  if (!sentence) return false;
  const opening = /^\W*(he|she)\b/i.exec(ctx.article.norm.slice(sentence.start, mention.start));
  if (!opening) return false;
  const gender = ctx.cues.pronouns.get(opening[1]!.toLowerCase());
  return !speaker.gender || !gender || speaker.gender === gender;
}

/**
 * Whom a role phrase points back to, given the person read for it: that person when
 * the role's noun may name them (`role_offices` in cues.yaml, against their offices at
 * the article's date), else the last earlier speaker it may name, else the nearest
 * person named in the last few sentences it may name, else the last person speaking
 * ("The spokesman anticipated …" after a sentence about Putin is the aide who spoke
 * before, not Putin); undefined with no one speaking before.
 */
function holderOf(ctx: SpeakerContext, phrase: string, pos: number, person: Speaker | undefined): Speaker | undefined {
  if (!person || mayHold(ctx, phrase, person)) return person;
  let lastPerson: Speaker | undefined;
  for (let k = ctx.previous.length - 1; k >= 0 && k >= ctx.previous.length - 5; k--) {
    const p = ctx.previous[k]!;
    if (p.end > pos || p.speaker.type !== 'person') continue;
    lastPerson ??= p.speaker;
    if (mayHold(ctx, phrase, p.speaker)) return { ...p.speaker };
  }
  // Else the nearest person named in the last few sentences whom it may name ("Antony Blinken and Wang Wenbin spoke. The spokesperson said …").
  const from = startOfSentencesBack(ctx.article, pos, 3);
  const named = ctx.index.persons.between(from, pos).filter((m) => m.end <= pos);
  for (let k = named.length - 1; k >= 0; k--) {
    const candidate = fromMention(named[k]!);
    if (candidate.id !== person.id && mayHold(ctx, phrase, candidate)) return candidate;
  }
  return lastPerson ? { ...lastPerson } : undefined;
}

/** True when the role noun of `phrase` may name `person`: a noun with no offices listed, a person with none on record, or an office holding one of its words. */
function mayHold(ctx: SpeakerContext, phrase: string, person: Speaker): boolean {
  const offices = ctx.offices?.(person.id);
  if (!offices || offices.length === 0) return true;
  const entry = ctx.cues.roleOffices.find((o) => o.inPhrase.test(phrase));
  return !entry || offices.some((office) => entry.words.some((word) => office.includes(word)));
}

/** The last speaker, when a person whose statement ended in this sentence or the one before ("…," Liu Pengyu told TASS. ¶ …, a spokesman added.). */
function personJustSpeaking(ctx: SpeakerContext, pos: number): Speaker | undefined {
  const last = ctx.previous[ctx.previous.length - 1];
  if (!last || last.speaker.type !== 'person' || last.end > pos) return undefined;
  return sentencesApart(ctx.article, last.end, pos) <= 1 ? { ...last.speaker } : undefined;
}

/** The country of the first state named inside `span` ("a Ukrainian source", "a French diplomat"), else "". */
function stateNamedIn(ctx: SpeakerContext, span: { start: number; end: number }): string {
  return ctx.index.all.between(span.start, span.end).find((m) => m.end <= span.end && m.actor_type === 'state')?.country ?? '';
}

/** How many sentences after the one where a statement ends (at `end`) `pos` stands. */
export function sentencesApart(article: Article, end: number, pos: number): number {
  return (sentenceHolding(article, pos)?.index ?? 0) - (sentenceHolding(article, Math.max(0, end - 1))?.index ?? 0);
}

/**
 * The last speaker when it was named by an indefinite role with the same role noun as
 * `phrase` ("a senior Biden administration official" … "the official") and spoke in
 * the last few sentences; else undefined.
 */
function sameUnnamedRole(ctx: SpeakerContext, phrase: string, pos: number): Speaker | undefined {
  const last = ctx.previous[ctx.previous.length - 1];
  if (!last || last.speaker.type === 'person' || last.end > pos) return undefined;
  // The words it was named by: an unnamed role, or a role that spoke for its institution ("a senior Biden administration official").
  // (Its noun before whose or where it is: "a spokesperson for the Chinese mission to the EU".)
  const named = ctx.article.norm.slice(last.speaker.start, last.speaker.end).replace(/\s+(?:of|for|to|in|at)\s.*$/is, '');
  const noun = roleNounOf(ctx, phrase);
  if (!noun || !/^an?\s/i.test(named) || roleNounOf(ctx, named) !== noun) return undefined;
  return sentencesApart(ctx.article, last.end, pos) <= 3 ? { ...last.speaker } : undefined;
}

/** The role noun (cues.yaml `refers_person`) a phrase ends with, lower case, one space between words. */
function roleNounOf(ctx: SpeakerContext, phrase: string): string | undefined {
  return ctx.cues.regex.roleNounAtEnd.exec(phrase)?.[1]!.toLowerCase().replace(/\s+/g, ' ');
}

/** Before an unnamed source: a determiner and up to two capitalised words or a demonym ("a Ukrainian", "The two Western"). */
const UNNAMED_LEAD = /(?:^|(?<=\s))(?:(?:[Aa]n?|[Tt]he|[Tt]wo|[Tt]hree|[Ss]everal)\s+)?(?:\p{Lu}[\p{L}.'’-]*\s+){1,2}$|(?:^|(?<=\s))(?:(?:[Tt]he|[Aa]ll)\s+)?(?:[Aa]n?|[Tt]he|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]everal|[Bb]oth)\s+$/u;

/** The person opening the sentence that holds `mention` (only a title or a determiner before it), when that is another person. */
function subjectOfSentence(ctx: SpeakerContext, mention: Mention, candidates: MentionList): Mention | undefined {
  const sentence = sentenceHolding(ctx.article, mention.start);
  if (!sentence) return undefined;
  const first = candidates.between(sentence.start, mention.start).find((m) => m.actor_type === 'person' && !insideQuote(ctx, m.start));
  if (!first || first.actor_id === mention.actor_id) return undefined;
  // An opening phrase set off by a comma comes before the subject: "At the Security Council, Nebenzya began by …".
  const comma = ctx.article.norm.lastIndexOf(',', first.start);
  const before = tokensIn(tokensOf(ctx.article), Math.max(sentence.start, comma + 1), first.start);
  return before.some((t) => NOT_BEFORE_SUBJECT.has(t.pos)) ? undefined : first;
}

/** Words that put a person after them inside a clause or a phrase, not at its subject: "Talks between Xi and …", "On Monday, …". */
const NOT_BEFORE_SUBJECT = new Set(['VERB', 'AUX', 'PRON', 'ADP', 'SCONJ']);

/** The last speaker of `country` before `pos`, else the last person of it named before `pos`. */
function speakerOfCountryBefore(ctx: SpeakerContext, pos: number, country: string): Speaker | undefined {
  const spoke = lastEndingBy(ctx.index.previousByCountry.get(country), pos);
  if (spoke) return { ...spoke.speaker };
  const named = ctx.index.personsByCountry.get(country)?.lastBefore(pos);
  if (named) return fromMention(named);
  // A person of unknown country (an unregistered name with no title) may be the one: never one of another country.
  const person = personBefore(ctx, pos);
  return person && person.country === '' ? person : undefined;
}

/**
 * The joint speaker of a statement two actors make together ("China and Russia
 * said", "Anatoly Antonov and Qin Gang wrote"): both names joined by "and", both ids
 * joined by "+", the type they share (else organization), the country they share
 * (else none).
 */
export function jointSpeaker(a: Speaker, b: Speaker): Speaker {
  return {
    label: `${a.label} and ${b.label}`,
    id: a.id && b.id ? `${a.id}+${b.id}` : '',
    type: a.type === b.type ? a.type : 'organization',
    country: a.country === b.country ? a.country : '',
    start: Math.min(a.start, b.start),
    end: Math.max(a.end, b.end),
  };
}

/**
 * The two actors a plural speaker refers to ("the two nations", "they both"): of the
 * actors of one type named before `pos` (outside quotes), the two named most often
 * so far, as one joint speaker in text order ("China and Russia"). A story's pair is
 * its most-named pair; the last two named are often others ("…over Ukraine and
 * Taiwan… as the two nations said").
 */
function pairBefore(ctx: SpeakerContext, pos: number, type?: 'person' | 'state' | 'organization'): Speaker | undefined {
  const key = type ?? '';
  let tally = ctx.index.pairs.get(key);
  if (!tally || tally.pos > pos) ctx.index.pairs.set(key, (tally = new PairTally(ctx, type)));
  tally.advance(pos);
  const ranked = tally.topTwo();
  if (!ranked) return undefined;
  const [top, second] = ranked;
  const [first, other] = top.m.start < second.m.start ? [top.m, second.m] : [second.m, top.m];
  return jointSpeaker(fromMention(first), fromMention(other));
}

/** How often each actor is named, counted as far as `pos` (outside quotes, no adjectives or media), with the two most named of each type. */
class PairTally {
  pos = -Infinity;
  private next = 0;
  private readonly eligible: Mention[];
  private readonly counts = new Map<string, Counted>();
  private readonly bestByType = new Map<string, [Counted, Counted | undefined]>();

  constructor(ctx: SpeakerContext, type?: string) {
    this.eligible = ctx.mentions.filter((m) => !(m.kind === 'adjective' || insideQuote(ctx, m.start) || m.actor_type === 'media' || (type && m.actor_type !== type)));
  }

  advance(pos: number): void {
    this.pos = pos;
    for (; this.next < this.eligible.length && this.eligible[this.next]!.start < pos; this.next++) this.count(this.eligible[this.next]!);
  }

  /** Ranked as a sort by count (more first), then by first mention (earlier first), then by when first counted. */
  private static better(a: Counted, b: Counted): boolean {
    return a.n !== b.n ? a.n > b.n : a.m.start !== b.m.start ? a.m.start < b.m.start : a.seq < b.seq;
  }

  private count(m: Mention): void {
    let c = this.counts.get(m.actor_id);
    if (c) c.n++;
    else this.counts.set(m.actor_id, (c = { m, n: 1, seq: this.counts.size }));
    // A count only grows: the two best of its type change at most by this one moving up.
    const best = this.bestByType.get(c.m.actor_type);
    if (!best) this.bestByType.set(c.m.actor_type, [c, undefined]);
    else if (best[0] !== c) {
      if (best[1] !== c && (!best[1] || PairTally.better(c, best[1]))) best[1] = c;
      if (best[1] === c && PairTally.better(c, best[0])) [best[0], best[1]] = [c, best[0]];
    }
  }

  /** The most named actor and the next most named of its type, if there are two. */
  topTwo(): [Counted, Counted] | undefined {
    let top: [Counted, Counted | undefined] | undefined;
    for (const best of this.bestByType.values()) if (!top || PairTally.better(best[0], top[0])) top = best;
    return top?.[1] ? [top[0], top[1]] : undefined;
  }
}

interface Counted {
  m: Mention;
  n: number;
  seq: number;
}

/** Where the sentence `back` sentences before the one holding `pos` starts (the article's first sentence at most). */
function startOfSentencesBack(article: Article, pos: number, back: number): number {
  return article.sentences[Math.max(0, sentenceAt(article, pos).index - back)]!.start;
}

/**
 * Two actors named together as one subject ("Anatoly Antonov and Qin Gang have
 * presented a joint article in which they …"), in this sentence or the three before,
 * else the last joint speaker: what a plural pronoun or role right after points back to.
 */
function jointSubjectBefore(ctx: SpeakerContext, pos: number, type?: 'person' | 'state' | 'organization'): Speaker | undefined {
  const { norm } = ctx.article;
  const from = startOfSentencesBack(ctx.article, pos, 3);
  const named = ctx.index.all.between(from, pos + 1).filter((m) => m.end <= pos && m.kind !== 'adjective' && (!type || m.actor_type === type) && !insideQuote(ctx, m.start));
  const layer = tokensOf(ctx.article);
  // The pair is a subject: a verb follows it ("Anatoly Antonov and Qin Gang have presented"), not a preposition ("standoffs on Ukraine and Taiwan with …").
  const verbAfter = (end: number) => ['VERB', 'AUX'].includes(layer.tokens[tokenIndexAt(layer, end)]?.pos ?? '');
  let pair: Speaker | undefined;
  for (let i = 1; i < named.length; i++) {
    const [a, b] = [named[i - 1]!, named[i]!];
    if (a.actor_id !== b.actor_id && a.actor_type === b.actor_type && /^\s+and\s+$/.test(norm.slice(a.end, b.start)) && verbAfter(b.end)) {
      // In the order the article first names them, as pairBefore gives it.
      pair = pairInArticleOrder(ctx, a, b);
    }
  }
  if (pair) return pair;
  const spoke = lastEndingBy(ctx.index.previousJoint, pos, (p) => !type || p.speaker.type === type);
  return spoke ? { ...spoke.speaker } : undefined;
}

/**
 * Two people joined by "and" in this sentence or the one before, a title between them
 * allowed: "a summit … between Russian President Vladimir Putin and Chinese President Xi
 * Jinping. The two leaders declared …". The last such pair; else undefined. (People only:
 * states joined so are often objects, "standoffs on Ukraine and Taiwan".)
 */
function conjoinedPairBefore(ctx: SpeakerContext, pos: number): Speaker | undefined {
  const { norm } = ctx.article;
  const from = startOfSentencesBack(ctx.article, pos, 2);
  const named = ctx.index.all.between(from, pos + 1).filter((m) => m.end <= pos && m.kind !== 'adjective' && m.kind !== 'pronoun' && m.actor_type === 'person' && !insideQuote(ctx, m.start));
  for (let i = named.length - 1; i >= 1; i--) {
    const [a, b] = [named[i - 1]!, named[i]!];
    if (a.actor_id !== b.actor_id && /^\s+and\s+(?:[\p{Lu}][\p{L}.'’-]*\s+){0,4}$/u.test(norm.slice(a.end, b.start))) return pairInArticleOrder(ctx, a, b);
  }
  return undefined;
}

/** Two actors as one joint speaker, in the order the article first names them: one id for the pair however a sentence orders it. */
function pairInArticleOrder(ctx: SpeakerContext, a: Mention, b: Mention): Speaker {
  const first = (m: Mention) => ctx.index.firstIndexByActor.get(m.actor_id)!;
  return first(a) <= first(b) ? jointSpeaker(fromMention(a), fromMention(b)) : jointSpeaker(fromMention(b), fromMention(a));
}

/** The subject of the sentence holding `pos` or, failing that, of the sentence before: for "it says". */
function stateOrOrgBefore(ctx: SpeakerContext, pos: number): Mention | undefined {
  const sentence = sentenceHolding(ctx.article, pos);
  if (!sentence) return undefined;
  const { all } = ctx.index;
  const candidates = (from: number, to: number) => {
    for (let i = all.from(from); i < all.mentions.length && all.mentions[i]!.start <= to; i++) {
      const m = all.mentions[i]!;
      if (m.end <= to && m.actor_type !== 'person' && m.kind !== 'adjective' && !insideQuote(ctx, m.start)) return m;
    }
    return undefined;
  };
  const prev = ctx.article.sentences[sentence.index - 1];
  return candidates(sentence.start, pos) ?? (prev ? candidates(prev.start, prev.end) : undefined);
}

/** The last speaker's country: organisations named by a common noun no actor resolves speak for it. */
function lastCountry(ctx: SpeakerContext): string {
  return ctx.previous[ctx.previous.length - 1]?.speaker.country ?? '';
}

const isInstitution = (type: string): boolean => type === 'organization' || type === 'state';

/**
 * The actor an organisation noun stands for ("the ministry", "the fleet", "the
 * statement"). An institution noun is the organisation named last before it (outside
 * quotes) whose name holds the noun's last word: "the ministry said" after "the
 * Russian Defense Ministry". A document noun ("the statement", "the readout") is
 * whoever issued it: the last organisation or state speaking, else the last one
 * named. Undefined when nothing fits.
 */
export function organizationFor(ctx: SpeakerContext, noun: string, pos: number): Speaker | undefined {
  const words = noun.toLowerCase().replace(/^the\s+/, '').split(/\s+/);
  const head = words[words.length - 1]!;
  if (ctx.cues.documentNouns.includes(words.join(' '))) {
    // Only a speaking institution says whose the document is: a state merely named before it says nothing.
    const last = ctx.previous[ctx.previous.length - 1];
    return last && isInstitution(last.speaker.type) && last.speaker.id ? { ...last.speaker } : undefined;
  }
  let named = ctx.index.organizationsByWord.get(head);
  if (!named) ctx.index.organizationsByWord.set(head, (named = new MentionList(ctx.index.organizations.mentions.filter((m) => m.actor.toLowerCase().split(/[\s-]+/).includes(head)))));
  const found = named.lastBefore(pos);
  return found ? fromMention(found) : undefined;
}

/**
 * The institution a role phrase names after "of" by an organisation noun, when no actor
 * is named there: "the representative of the PRC Foreign Ministry" is the foreign ministry
 * named before, or one known by these words, of the country the phrase names.
 */
function ownerInstitution(ctx: SpeakerContext, phrase: string, pos: number, country: string | undefined): Speaker | undefined {
  const owner = /\bof\s+(?:the\s+)?([^,]+)$/i.exec(phrase)?.[1];
  const noun = owner && ctx.cues.regex.organizationAtEnd.exec(owner)?.[1];
  if (!owner || !noun) return undefined;
  return organizationFor(ctx, noun, pos) ?? { label: owner, id: '', type: 'organization', country: country ?? lastCountry(ctx), start: pos, end: pos };
}

/** The organisation named last before `pos` in its sentence or the one before: whose a document is when no institution spoke yet. */
function lastOrganizationBefore(ctx: SpeakerContext, pos: number): Speaker | undefined {
  const from = startOfSentencesBack(ctx.article, pos, 1);
  const last = ctx.index.organizations.lastBefore(pos);
  return last && last.start >= from ? fromMention(last) : undefined;
}

/** A run of capitalised words that names a place by its last or first word (matching-rules.yaml: place_heads, place_prefixes). */
function isPlaceName(label: string): boolean {
  const rules = loadMatchingRules();
  const words = label.split(/\s+/);
  return rules.placeHeads.has(words.at(-1)!) || rules.placePrefixes.has(words[0]!.replace(/\.$/, ''));
}

const CAPITALISED_NAME = /(?:^|[^\p{L}\p{N}])((?:\p{Lu}[\p{Ll}'’-]+|\p{Lu}\.)(?:\s+(?:\p{Lu}[\p{Ll}'’-]+|\p{Lu}\.|de|von|van|der|al)){1,3})$/u;
const CAPITALISED_NAME_AT_START = /^(\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}[\p{Ll}'’-]+){0,3})/u;
const NOT_NAMES = new Set(['The', 'This', 'That', 'These', 'Those', 'It', 'He', 'She', 'They', 'We', 'In', 'On', 'At', 'But', 'And', 'As', 'After', 'Before', 'While', 'When']);

/** What stands before a place where a role is held ("the ambassador to the …"), and before its owner ("the representative of the …"). */
const POSTED_BEFORE = /\b(?:to|in|at)\s+(?:the\s+)?$/i;
const OWNED_BEFORE = /\bof\s+(?:the\s+)?$/i;

/**
 * The speaker expression that ends exactly at `end` (the text just before a cue):
 * a mention, a pronoun, a role noun ("the official"), an organisation noun
 * ("the foreign ministry"), an unnamed source ("analysts") or an unregistered name.
 */
export function speakerEndingAt(ctx: SpeakerContext, end: number, clauseFloor: number): Speaker | undefined {
  const m = mentionEndingAt(ctx, end);
  const { norm } = ctx.article;
  // A speaker expression is short: the end-anchored patterns below read at most the last
  // SPEAKER_REACH characters, from a word start, not the whole clause.
  let floor = clauseFloor;
  if (end - floor > SPEAKER_REACH) {
    const space = norm.indexOf(' ', end - SPEAKER_REACH);
    if (space >= 0 && space < end) floor = space + 1;
  }
  const before = norm.slice(floor, end);
  // A place after a role noun is where the role is held: "the Chinese ambassador to Washington said" is the ambassador.
  const posted = m && POSTED_BEFORE.test(norm.slice(floor, Math.max(floor, m.start)));
  const { cues } = ctx;
  // Whose the role is: in "the representative of the PRC Foreign Ministry said" the role's holder speaks, not the ministry.
  const owned = m && !posted && OWNED_BEFORE.test(norm.slice(floor, Math.max(floor, m.start))) && (cues.regex.roleAtEnd.exec(before)?.index ?? Infinity) < m.start - floor;
  const at = (match: RegExpExecArray) => ({ start: floor + match.index + (match[0].length - match[1]!.length), end });
  // An actor closing an unnamed source's phrase is what the source stands close to: "sources close to the Kremlin said".
  const unnamedMatch = cues.regex.unnamedAtEnd.exec(before);
  if (m && m.start >= clauseFloor && !posted && !owned && !(unnamedMatch !== null && at(unnamedMatch).start < m.start)) return fromMention(m);

  const pronoun = /\b(he|she|it)$/i.exec(before);
  if (pronoun) {
    const word = pronoun[1]!.toLowerCase();
    const span = at(pronoun);
    if (word === 'it') {
      // "It added that …" right after an institution spoke is that institution.
      const last = ctx.previous[ctx.previous.length - 1];
      const sentence = sentenceHolding(ctx.article, span.start);
      const previousSentence = sentence ? ctx.article.sentences[sentence.index - 1] : undefined;
      if (last && isInstitution(last.speaker.type) && last.speaker.id && previousSentence && last.end >= previousSentence.start) return { ...last.speaker, ...span };
      const subject = stateOrOrgBefore(ctx, span.start);
      return subject ? { ...fromMention(subject), ...span } : undefined;
    }
    // No one to point back to: still a statement, by the word used (a quote with a clear speaker is never dropped).
    const person = personBefore(ctx, span.start, cues.pronouns.get(word));
    return person ? { ...person, ...span } : { label: pronoun[1]!, id: '', type: 'unnamed', country: '', ...span };
  }
  const plural = cues.regex.pluralAtEnd.exec(before);
  if (plural) {
    const span = at(plural);
    const type = cues.pluralTypes.get(plural[1]!.toLowerCase().replace(/\s+/g, ' '));
    const pair = jointSubjectBefore(ctx, span.start, type) ?? (type === 'person' ? conjoinedPairBefore(ctx, span.start) : undefined) ?? pairBefore(ctx, span.start, type);
    return pair ? { ...pair, ...span } : { label: plural[1]!, id: '', type: 'unnamed', country: '', ...span };
  }
  // "the ambassadors", "the countries' representatives": the people last spoken of together.
  const pluralRole = cues.regex.pluralRoleAtEnd.exec(before);
  if (pluralRole) {
    const span = at(pluralRole);
    const pair = jointSubjectBefore(ctx, span.start, 'person') ?? conjoinedPairBefore(ctx, span.start) ?? pairBefore(ctx, span.start, 'person');
    return pair ? { ...pair, ...span } : { label: ctx.article.text.slice(span.start, span.end), id: '', type: 'unnamed', country: '', ...span };
  }

  const role = cues.regex.roleAtEnd.exec(before);
  // A role or an organisation closing an unnamed source's phrase is what the source stands close to:
  // "a source close to the foreign minister said", "sources close to the Kremlin said".
  const sourceFirst = (match: RegExpExecArray) => unnamedMatch !== null && at(unnamedMatch).start < at(match).start;
  if (role && !sourceFirst(role)) {
    const span = at(role);
    // "a Chinese foreign ministry spokesman": an institution named in the role phrase speaks through it,
    // unless the phrase points back to a person of that institution's country ("the ministry's spokesman" after Mao Ning).
    // Not where the role is held: "China's envoy to the European Union" speaks for China, not the EU; "the envoy to China" not for China.
    const inside = ctx.index.all.between(span.start, span.end + 1).filter((m) => m.end <= span.end && !POSTED_BEFORE.test(norm.slice(span.start, m.start)));
    const named = inside.filter((m) => m.actor_type === 'organization').at(-1);
    // "the Chinese official": a role of a named country is the last speaker or person of that country, never another's.
    const country = inside.find((m) => m.actor_type === 'state')?.country;
    const institution = named ? fromMention(named) : ownerInstitution(ctx, ctx.article.norm.slice(span.start, span.end), span.start, country);
    const phrase = ctx.article.text.slice(span.start, span.end);
    // "a senior administration official said": an indefinite role is someone new, never a person named before.
    const indefinite = /^an?\s/i.test(phrase);
    // "the official told reporters" after "…, a senior official said": the same unnamed speaker, by the same role noun.
    const same = indefinite ? undefined : sameUnnamedRole(ctx, phrase, span.start);
    if (same) return { ...same, ...span };
    // An indefinite role is the person just speaking only if that person may hold it, of its country: "A spokesperson
    // for the Chinese mission to the EU described …" after Stoltenberg spoke is someone new.
    const speaking = indefinite ? personJustSpeaking(ctx, span.start) : undefined;
    const person = indefinite
      ? speaking && mayHold(ctx, phrase, speaking) && (!country || speaking.country === country) ? speaking : undefined
      : holderOf(ctx, phrase, span.start, country ? speakerOfCountryBefore(ctx, span.start, country) : personBefore(ctx, span.start));
    if (institution && (!person || person.country !== institution.country)) return { ...institution, ...span };
    // Unresolved, the role still says whose it is: "A Chinese embassy spokesperson" speaks for China.
    return person ? { ...person, ...span } : { label: ctx.article.text.slice(span.start, span.end), id: '', type: 'unnamed', country: country ?? '', ...span };
  }
  const org = cues.regex.organizationAtEnd.exec(before);
  if (org && !sourceFirst(org)) {
    const span = at(org);
    // "The company said" after "Gazprom set a record.": the organisation named in this sentence or the one before.
    const noun = org[1]!.toLowerCase().replace(/^the\s+/, '').replace(/\s+/g, ' ');
    const actor = organizationFor(ctx, org[1]!, span.start) ?? (cues.anyOrganizationNouns.has(noun) ? lastOrganizationBefore(ctx, span.start) : undefined);
    return actor ? { ...actor, ...span } : { label: org[1]!.replace(/^the\s+/i, ''), id: '', type: 'organization', country: lastCountry(ctx), ...span };
  }
  const unnamed = unnamedMatch;
  if (unnamed) {
    // Its determiner and the words saying whose it is come with it: "a Ukrainian source …" speaks for Ukraine, by its words.
    let span = at(unnamed);
    const lead = UNNAMED_LEAD.exec(norm.slice(floor, span.start));
    if (lead) span = { start: span.start - lead[0].length, end: span.end };
    return { label: ctx.article.text.slice(span.start, span.end), id: '', type: 'unnamed', country: stateNamedIn(ctx, span), ...span };
  }

  // In a headline in title case every word is capitalised: a run of capitals names no one there ("Xi's Russian Visit Added to …").
  const sentence = sentenceHolding(ctx.article, Math.max(0, end - 1));
  if (sentence && isHeadlineCase(tokensOf(ctx.article), sentence.start, sentence.end)) return undefined;
  const name = CAPITALISED_NAME.exec(before);
  if (name && !NOT_NAMES.has(name[1]!.split(/\s+/)[0]!)) {
    const label = name[1]!;
    // The end of an organisation's name, not a person: "The Ministry of Foreign Affairs said" is no "Foreign Affairs".
    const head = /(\p{Lu}[\p{L}'’-]*)\s+of\s+(?:the\s+)?$/u.exec(before.slice(0, name.index + name[0].length - label.length));
    if (head && loadMatchingRules().organizationHeads.has(head[1]!)) {
      const startOfName = floor + head.index;
      return { label: ctx.article.text.slice(startOfName, end), id: '', type: 'organization', country: '', start: startOfName, end };
    }
    // A place no actor claims ("Silicon Valley said") still speaks by its words, but as no person.
    if (isPlaceName(label)) return { label, id: '', type: 'unnamed', country: '', ...at(name) };
    return { label, id: `unregistered:${label.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-')}`, type: 'person', country: '', ...at(name) };
  }
  // One proper noun no actor resolves ("Wang said", where several Wangs are registered): still a speaker, by the word used.
  const word = /(?:^|[^\p{L}\p{N}'’])(\p{Lu}\p{Ll}+)$/u.exec(before);
  if (word && !NOT_NAMES.has(word[1]!)) {
    const span = at(word);
    const layer = tokensOf(ctx.article);
    const token = tokensIn(layer, span.start, span.end)[0];
    // Not the object of a preposition or a modifier's noun: "Politicians around Europe have condemned …".
    const previous = token ? layer.tokens[token.index - 1] : undefined;
    if (token?.pos === 'PROPN' && !(previous && ['ADP', 'DET', 'ADJ', 'NOUN', 'PROPN'].includes(previous.pos))) {
      const misspelt = personMisspelt(ctx, word[1]!, span.start);
      return misspelt ? { ...misspelt, ...span } : { label: word[1]!, id: `unregistered:${word[1]!.toLowerCase()}`, type: 'person', country: '', ...span };
    }
  }
  return undefined;
}

/**
 * A surname misspelt by the source ("Jin said" after "spokesperson Lin Jian"): the one
 * person named before `pos` with a name word one edit away from `word`, sharing its
 * first letter; three letters at least, so "Li" and "Lu" stay apart.
 */
function personMisspelt(ctx: SpeakerContext, word: string, pos: number): Speaker | undefined {
  if (word.length < 3) return undefined;
  const index = (ctx.index.misspelt ??= new MisspeltIndex(ctx.mentions));
  const found = new Map<string, Mention>();
  for (const named of index.candidates(word)) {
    const m = named.lastBefore(pos);
    if (!m) continue;
    const other = found.get(m.actor_id);
    if (!other || other.start < m.start) found.set(m.actor_id, m);
  }
  return found.size === 1 ? fromMention([...found.values()][0]!) : undefined;
}

/**
 * Person mentions (no adjectives, no pronouns) by the words of their names, with
 * every word's one-letter deletions as keys too (symmetric deletion, as SymSpell
 * does): a word one edit away from a name word shares a key with it, so the names a
 * misspelt word may mean are found without comparing it with every name.
 */
class MisspeltIndex {
  /** Mentions of one actor under one label, by start. */
  private readonly named = new Map<string, { label: string; list: MentionList }>();
  private readonly byKey = new Map<string, Set<string>>();
  private readonly cache = new Map<string, MentionList[]>();

  constructor(mentions: readonly Mention[]) {
    const lists = new Map<string, Mention[]>();
    for (const m of mentions) {
      if (m.actor_type !== 'person' || m.kind === 'adjective' || m.kind === 'pronoun') continue;
      const key = `${m.actor_id}\u0000${m.actor}`;
      (lists.get(key) ?? lists.set(key, []).get(key)!).push(m);
    }
    for (const [key, list] of lists) {
      const label = list[0]!.actor;
      this.named.set(key, { label, list: new MentionList(list) });
      for (const part of label.split(/\s+/)) for (const variant of MisspeltIndex.variants(part)) (this.byKey.get(variant) ?? this.byKey.set(variant, new Set()).get(variant)!).add(key);
    }
  }

  private static variants(word: string): string[] {
    const out = [word];
    for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
    return out;
  }

  /** The mention lists whose label has a word one edit from `word`, sharing its first letter. */
  candidates(word: string): MentionList[] {
    let found = this.cache.get(word);
    if (found) return found;
    const keys = new Set<string>();
    for (const variant of MisspeltIndex.variants(word)) for (const key of this.byKey.get(variant) ?? []) keys.add(key);
    found = [];
    for (const key of keys) {
      const { label, list } = this.named.get(key)!;
      if (label.split(/\s+/).some((part) => part[0] === word[0] && part !== word && distance(part, word) === 1)) found.push(list);
    }
    this.cache.set(word, found);
    return found;
  }
}

/** How far back from a cue a speaker expression may start (characters): the longest role phrases run to some 120. */
const SPEAKER_REACH = 160;

/** How far after a cue a title may run before the name it titles. */
const TITLE_REACH_CHARS = 90;

/**
 * A person named after a title that starts at `start`: the first person mention within
 * TITLE_REACH_CHARS whose title between holds no verb, comma or sentence end. The
 * speaker's span covers the title.
 */
function personAfterTitle(ctx: SpeakerContext, start: number): Speaker | undefined {
  const { norm } = ctx.article;
  const person = ctx.index.all.between(start + 1, start + TITLE_REACH_CHARS + 1).find((x) => x.actor_type === 'person' && x.kind !== 'adjective' && x.kind !== 'pronoun');
  if (!person) return undefined;
  // One comma may set the name off from its title: "said the spokesman of the Ministry of Foreign Affairs of China, Zhao Lijian".
  const title = norm.slice(start, person.start).replace(/,\s*$/, ' ');
  if (/[,;:"“”()]|[.!?]\s+\p{Lu}\p{Ll}/u.test(title)) return undefined;
  const tokens = tokensIn(tokensOf(ctx.article), start, person.start);
  if (tokens.some((t) => t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'PRON' || t.pos === 'SCONJ' || t.pos === 'CCONJ')) return undefined;
  return fromMention(person, start, person.end);
}

/** The speaker expression starting at `start` (after an inverted cue: `said Wang`, `said the official`). */
export function speakerStartingAt(ctx: SpeakerContext, start: number): Speaker | undefined {
  const m = mentionStartingAt(ctx, start);
  if (m && m.actor_type === 'person') return fromMention(m);
  // A title before the name: "said Sen. Bob Menendez", "said Russia's Permanent Representative to the United Nations Vassily Nebenzia".
  const titled = personAfterTitle(ctx, start);
  if (titled) return titled;
  if (m) return fromMention(m);
  // Within its paragraph: a headline's last words run into no date line below it.
  const after = ctx.article.norm.slice(start, start + 80).split('\n')[0]!;
  // "said a statement on the coup", "said the ministry": the document's issuer or the organisation.
  const noun = ctx.cues.regex.institutionAtStart.exec(after);
  if (noun) {
    const span = { start, end: start + noun[1]!.length };
    const actor = organizationFor(ctx, noun[1]!, start) ?? lastOrganizationBefore(ctx, start);
    return actor ? { ...actor, ...span } : { label: noun[1]!, id: '', type: 'unnamed', country: '', ...span };
  }
  const role = ctx.cues.regex.roleAtStart.exec(after);
  if (role) {
    const span = { start, end: start + role[1]!.length };
    // As before a cue: "said the spokesperson" after "A spokesperson for the Chinese mission … described …" is that one again.
    const indefinite = /^an?\s/i.test(role[1]!);
    const same = indefinite ? undefined : sameUnnamedRole(ctx, role[1]!, start);
    if (same) return { ...same, ...span };
    // "according to a French diplomat": an indefinite role is someone new, of the state its words name.
    if (indefinite) {
      return { label: role[1]!, id: '', type: 'unnamed', country: stateNamedIn(ctx, span), ...span };
    }
    const person = holderOf(ctx, role[1]!, start, personBefore(ctx, start));
    return person ? { ...person, ...span } : { label: role[1]!, id: '', type: 'unnamed', country: '', ...span };
  }
  // "said he", "according to him": the object forms point back as the subject forms do.
  const pronoun = /^(he|she|him|her)\b/i.exec(after);
  if (pronoun) {
    const word = pronoun[1]!.toLowerCase();
    const person = personBefore(ctx, start, ctx.cues.pronouns.get(word === 'him' ? 'he' : word === 'her' ? 'she' : word));
    const span = { start, end: start + pronoun[1]!.length };
    return person ? { ...person, ...span } : { label: pronoun[1]!, id: '', type: 'unnamed', country: '', ...span };
  }
  const name = CAPITALISED_NAME_AT_START.exec(after);
  if (name && !NOT_NAMES.has(name[1]!.split(/\s+/)[0]!)) {
    const label = name[1]!;
    return { label, id: `unregistered:${label.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-')}`, type: 'person', country: '', start, end: start + label.length };
  }
  return undefined;
}

/** Parts of speech that make the words before a name more than its title. */
const NOT_IN_TITLE: ReadonlySet<string> = new Set(['VERB', 'AUX', 'PRON', 'SCONJ', 'CCONJ', 'NUM']);
const TITLE_PREPOSITIONS: ReadonlySet<string> = new Set(['of', 'for', 'to']);

/** Words of a title before a name ("Secretary of State", "White House press secretary", "Ambassador to the UN"): no verb, pronoun or conjunction, no comma. */
export function isTitle(ctx: SpeakerContext, from: number, to: number): boolean {
  const words = tokensIn(tokensOf(ctx.article), from, to);
  if (words.length > 10 || /[,;:"“”()]/.test(ctx.article.norm.slice(from, to))) return false;
  return words.every((t) => !NOT_IN_TITLE.has(t.pos) && (t.pos !== 'ADP' || TITLE_PREPOSITIONS.has(t.lower)));
}

/**
 * An unnamed role (introduced with "a" or "an", or "the" with no one before it) named in the sentence after its
 * statement (the Xinhua and People's Daily style): "…, a foreign ministry spokesperson
 * said on Friday. ¶ Ministry of Foreign Affairs spokesperson Wang Wenbin made the remarks
 * at …". The person opening that sentence, after a title holding the same role noun,
 * is the speaker; else undefined.
 */
export function namedInNextSentence(ctx: SpeakerContext, speaker: Speaker, statementEnd: number): Speaker | undefined {
  // ("the secretary" too, when nothing before resolved it: "…," said the secretary. ¶ Secretary of State Antony Blinken …)
  if (speaker.type !== 'unnamed' || !/^(?:an?|the)\s/i.test(speaker.label)) return undefined;
  const role = roleNounOf(ctx, speaker.label);
  if (!role) return undefined;
  const holding = sentenceHolding(ctx.article, Math.max(0, statementEnd - 1));
  const next = holding ? ctx.article.sentences[holding.index + 1] : undefined;
  if (!next) return undefined;
  const person = ctx.index.persons.between(next.start, next.end).find((m) => !insideQuote(ctx, m.start));
  if (!person) return undefined;
  const title = ctx.article.norm.slice(next.start, person.start).replace(/\s+/g, ' ');
  if (!isTitle(ctx, next.start, person.start) || !new RegExp(`\\b${escapeRegex(role)}\\b`, 'i').test(title)) return undefined;
  return fromMention(person, speaker.start, speaker.end);
}
