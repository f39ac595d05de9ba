/**
 * Who speaks, read from the clause's structure: a control verb's object, a name in
 * apposition, a relative clause's antecedent, a document's issuer, the sentence's
 * subject, the speaker who goes on. Resolution of the words found (names, pronouns,
 * roles) is speaker.ts's.
 */
import type { Sentence } from '../../corpus/types';
import { sentenceAt } from '../../corpus/segment';
import type { Mention } from '../types';
import { tokenIndexAt, tokensOf } from '../../text';
import { fromMention, insideQuote, isTitle, organizationFor, speakerEndingAt, speakerStartingAt, type Speaker, type SpeakerContext } from './speaker';
import { findCues, type Cue } from './cue-scan';
import { hasClauseVerb, commaBeforeTitle, stripAdverbials } from './clause';

/**
 * The object of a control verb speaks the cue after "to": "…, leading U.S. Secretary
 * of State Antony Blinken to warn that …" is Blinken's warning (cues.yaml:
 * object_control). Only a cue in its base form after "to" and an actor right after
 * the control verb qualify: "Russia wants China to say …" is no one's statement here.
 */
export function objectOfControlVerb(ctx: SpeakerContext, floor: number, cue: Cue): Speaker | undefined {
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
 * said …" is Ned Price's; "Russian state news agency, Tass, said …" is TASS's. The person's mention ends at the comma before the cue and
 * follows a comma itself.
 */
export function appositiveName(ctx: SpeakerContext, floor: number, subjectEnd: number): Speaker | undefined {
  const norm = ctx.article.norm;
  const m = /,\s*$/.exec(norm.slice(floor, subjectEnd));
  if (!m) return undefined;
  const end = floor + m.index;
  // A person, or an agency or organisation after a noun naming its kind ("Russian state news agency, Tass, said").
  const named = ctx.mentionsByEnd.get(end)?.find((x) => x.start >= floor && (x.actor_type === 'person' || x.actor_type === 'media' || x.actor_type === 'organization'));
  if (!named) return undefined;
  // The comma before the name may stand before the clause floor: "A top Republican senator who also attended the
  // Munich conference, Lindsey Graham, said …" (the relative clause ends where the floor starts).
  const comma = /,\s*$/.exec(norm.slice(Math.max(0, Math.min(floor, named.start - 3)), named.start));
  if (!comma) return undefined;
  if (named.actor_type !== 'person') {
    // Only after a common noun, never after another actor ("China, NATO, said" is a list).
    const commaAt = norm.slice(0, named.start).replace(/,\s*$/, '').length;
    const layer = tokensOf(ctx.article);
    const before = layer.tokens[tokenIndexAt(layer, commaAt) - 1];
    if (!before || before.pos !== 'NOUN' || (ctx.index.allByEnd.get(commaAt)?.length ?? 0) > 0) return undefined;
  }
  return fromMention(named);
}

/**
 * A person named right before an appositive that runs up to the cue without its
 * closing comma: in "…, Dmitry Peskov, the press secretary of the Russian president
 * stated" the speaker read at the cue ("the Russian president") is part of the
 * appositive, and Peskov speaks. The appositive opens with an article and holds no
 * comma or verb.
 */
export function openAppositiveHead(ctx: SpeakerContext, floor: number, speaker: Speaker, cueStart: number): Speaker | undefined {
  const norm = ctx.article.norm;
  const person = ctx.index.all.between(floor, speaker.start).filter((m) => m.end < speaker.start && m.actor_type === 'person' && m.kind !== 'adjective').at(-1);
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
export function relativeAntecedent(ctx: SpeakerContext, floor: number, subjectEnd: number): Speaker | undefined {
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
export function documentSpeakerEndingAt(ctx: SpeakerContext, floor: number, end: number): Speaker | undefined {
  const phrase = /(?:^|\s)((?:the|a|an)\s+(?:[\p{L}'’-]+\s+){0,4}[\p{L}'’-]+)$/iu.exec(ctx.article.norm.slice(floor, end));
  if (!phrase) return undefined;
  const head = phrase[1]!.toLowerCase().split(/\s+/).at(-1)!;
  if (!ctx.cues.documentNouns.some((n) => n === head || n.endsWith(` ${head}`))) return undefined;
  const start = end - phrase[1]!.length;
  const within = ctx.index.all.between(start, end + 1).filter((m) => m.end <= end && m.actor_type !== 'person');
  const named = within.filter((m) => m.kind !== 'adjective').at(-1) ?? within.at(-1);
  if (named) return { ...fromMention(named), start, end };
  const referred = organizationFor(ctx, phrase[1]!, start);
  return referred ? { ...referred, start, end } : undefined;
}

/** Parts of speech of a title before a name ("U.S. Secretary of State", "the Chinese ambassador"). */
export const TITLE_POS = new Set(['PROPN', 'NOUN', 'ADJ', 'ADP', 'DET']);

/** Verbs by which a source relays another's words: "quoted Wang as saying", "cited Lavrov as saying", "…, the ministry cited Lavrov." */
const RELAY_LEMMAS = new Set(['quote', 'cite']);
/** Those that relay only before "as saying": "Russian media reported President Putin as saying …". */
const RELAY_AS_SAYING_LEMMAS = new Set([...RELAY_LEMMAS, 'report']);
/** The one relayed, up to "as saying": "the official", "Kremlin spokesman Dmitry Peskov". */
const AS_SAYING = /^\s+((?:the\s+)?[\p{L}.'’-]+(?:\s+[\p{L}.'’-]+){0,5}?)\s+as\s+(?:say(?:ing)?|stating|telling|having\s+said)\b/iu;
/** The one relayed, ending the clause, perhaps before a circumstance: "…, the ministry cited Lavrov (on Monday)." */
const RELAYED_AT_END = /^\s+((?:the\s+)?[\p{L}.'’-]+(?:\s+[\p{L}.'’-]+){0,5}?)(?:\s+(?:on|in|at|during|after|before|as)\b[^.;!?"“”]{0,60})?\s*(?=[.;!?]|$)/u;

/**
 * The one a source quotes or cites: "quoted the official as saying …", "cited Lavrov as
 * saying that …" (the relayed speaker, and where what was said starts), or, with
 * `atEnd`, the name closing the clause after the cue ("…, the ministry cited Lavrov.").
 * Undefined for any other cue, or when no speaker stands there.
 */
export function relayedSpeaker(ctx: SpeakerContext, cue: Cue, s: Sentence, atEnd = false): { speaker: Speaker; contentStart: number } | undefined {
  if (!(atEnd ? RELAY_LEMMAS : RELAY_AS_SAYING_LEMMAS).has(cue.lemma)) return undefined;
  const after = ctx.article.norm.slice(cue.end, s.end);
  const m = atEnd ? RELAYED_AT_END.exec(after) : AS_SAYING.exec(after);
  if (!m) return undefined;
  const start = cue.end + m[0].indexOf(m[1]!);
  const speaker = speakerStartingAt(ctx, start);
  // The speaker is the phrase, not something read past it; at the clause's end, a person ("…, the agency cited the statement" stays the agency's).
  if (!speaker || speaker.end > start + m[1]!.length || (atEnd && speaker.type !== 'person')) return undefined;
  return { speaker, contentStart: cue.end + m[0].length };
}

/** Channel verbs: "…, TASS reported" names where a statement was read, not who made it. */
export const CHANNEL_LEMMAS = new Set(['report', 'quote', 'cite', 'write', 'tweet']);

/**
 * A person's trailing attribution later in the sentence: ", Wang Wenbin said", ",
 * Chinese Foreign Ministry spokesman Wang Wenbin said on Friday", after a comma, with
 * a finite cue that is no channel verb.
 */
/** A word between a comma and a trailing cue (", he ", ", she also "): a pronoun if cues.yaml lists it. */
const TRAILING_WORD = /^,\s*([a-z]+)\s+(?:also\s+|further\s+)?$/i;
/** What may follow a trailing cue to the sentence's end: a short circumstance, no new clause. */
const TRAILING_REST = /^[^,;:"“”]{0,60}$/;

export function trailingPersonAttribution(ctx: SpeakerContext, s: Sentence, after: number): boolean {
  const { norm } = ctx.article;
  return findCues(ctx, s).some((c) => {
    if (c.start <= after || /ing$/i.test(c.cue) || CHANNEL_LEMMAS.has(c.lemma) || ctx.cues.phrases.includes(c.lemma)) return false;
    // A pronoun after the comma, the cue ending the sentence: "China hopes that …, he added." (not "as what he said were").
    const comma = norm.lastIndexOf(',', c.start);
    const word = comma > after ? TRAILING_WORD.exec(norm.slice(comma, c.start))?.[1] : undefined;
    if (word && ctx.cues.pronouns.has(word.toLowerCase()) && TRAILING_REST.test(norm.slice(c.end, s.end))) return true;
    const speaker = speakerEndingAt(ctx, stripAdverbials(norm, after, c.start), after);
    // A name, not a pronoun ("as what he said were"), right after the comma or its title.
    const named = speaker && (ctx.index.allByEnd.get(speaker.end) ?? []).some((m) => m.actor_type === 'person' && m.kind !== 'pronoun');
    if (named && speaker.id !== '' && commaBeforeTitle(ctx, after, speaker.start) !== null) return true;
    // Or a role with no name, ending the sentence: "China believes that …, a Foreign Ministry spokesman said here Monday."
    if (!speaker || named || !/^\s*,\s*$/.test(norm.slice(Math.max(after, norm.lastIndexOf(',', speaker.start)), speaker.start))) return false;
    return ctx.cues.regex.roleAtEnd.test(norm.slice(speaker.start, speaker.end)) && TRAILING_REST.test(norm.slice(c.end, s.end));
  });
}

/**
 * The subject opening the sentence, perhaps after an introductory phrase and its comma
 * ("Before the summit with Biden, Putin granted an interview …"): the actor a
 * participle later in the sentence belongs to.
 */
export function openingSubject(ctx: SpeakerContext, s: Sentence, before: number): Speaker | undefined {
  const { norm } = ctx.article;
  // A title before the name: "Secretary of State Antony Blinken met …, saying …" is Blinken, not the state of the title.
  const person = ctx.index.all.between(s.start, before).find((m) => m.actor_type === 'person' && m.kind !== 'adjective' && m.kind !== 'pronoun');
  if (person && person.end <= before && isTitle(ctx, s.start, person.start)) return fromMention(person);
  // A pronoun opening the sentence: "But she declined to offer …, saying …" is the person it points back to.
  const pronoun = /^\s*(?:(?:but|and|yet|so)\s+)?(?:he|she)\b/i.exec(norm.slice(s.start, before));
  if (pronoun) return speakerEndingAt(ctx, s.start + pronoun[0].length, s.start);
  const opening = ctx.index.all.between(s.start, before).find((m) => m.kind !== 'adjective' && /^\s*(?:[^,"“”]{1,60},\s*)?(?:(?:but|and|yet|so)\s+)?(?:the\s+)?$/i.test(norm.slice(s.start, m.start)));
  if (!opening) return undefined;
  const intro = norm.slice(s.start, opening.start).lastIndexOf(',');
  return hasClauseVerb(ctx, s.start + Math.max(0, intro), opening.start) ? undefined : fromMention(opening);
}

/**
 * "he added", "she continued": a pronoun before a verb of going on is the last person
 * speaking (of that gender), even when someone else was named in between, as in a
 * question put to the speaker ("…, the envoy said, when asked if Wang Yi sent any
 * messages. "…," he added.").
 */
export function continuingSpeaker(ctx: SpeakerContext, speaker: Speaker, cue: Pick<Cue, 'start' | 'cue'>): Speaker {
  if (!/^(?:add|continu|go|went)/i.test(cue.cue) || !/^(?:he|she)$/i.test(ctx.article.norm.slice(speaker.start, speaker.end))) return speaker;
  const last = ctx.previous[ctx.previous.length - 1];
  const gender = ctx.cues.pronouns.get(ctx.article.norm.slice(speaker.start, speaker.end).toLowerCase());
  if (!last || last.speaker.type !== 'person' || (gender && last.speaker.gender && last.speaker.gender !== gender)) return speaker;
  const sentence = sentenceAt(ctx.article, cue.start);
  const previousStart = ctx.article.sentences[Math.max(0, sentence.index - 2)]!.start;
  return last.end >= previousStart ? { ...last.speaker, start: speaker.start, end: speaker.end } : speaker;
}

/** The subject of the clause holding the cue: the last actor opening the sentence or following a comma before it. */
export function sentenceSubject(ctx: SpeakerContext, s: Sentence, before: number): Speaker | undefined {
  const { norm } = ctx.article;
  let subject: Mention | undefined;
  for (const m of ctx.index.all.between(s.start, before)) {
    if (m.kind === 'adjective' || insideQuote(ctx, m.start) || norm[m.end] === "'") continue;
    if (m.start === s.start || /,\s$/.test(norm.slice(m.start - 2, m.start))) subject = m;
  }
  return subject ? fromMention(subject) : undefined;
}
