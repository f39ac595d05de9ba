/**
 * Reported speech: "according to X", inverted and trailing attributions, participles,
 * and the speaker before the cue with the content after it (or before the comma).
 */
import type { Sentence } from '../../corpus/types';
import type { Mention } from '../types';
import type { Quote } from './quotes';
import { tokensIn, tokensOf } from '../../text';
import { fromMention, isTitle, jointSpeaker, organizationFor, quotesEndingIn, speakerEndingAt, speakerStartingAt, type Speaker, type SpeakerContext } from './speaker';
import type { Draft } from './draft';
import { findCues, PASSIVE_POINTING_BACK, type Cue } from './cue-scan';
import { OCCASION, isOrganizationNoun, BE_FORMS, OBJECT, ADVERBIAL_HEAD, TRAILING_SOURCE, SUBORDINATE_START, trimSpan, quoteOpeningAt, wordsIn, hasClauseVerb, hasFiniteVerb, commaBeforeTitle, isCircumstance, occasionOnly, continuingLead, cutBeforeContinuingCue, stripAdverbials, clauseFloor, sentenceEndFor, cutBeforeNextAttribution, kindOf } from './clause';
import { objectOfControlVerb, appositiveName, openAppositiveHead, relativeAntecedent, trailingPersonAttribution, openingSubject, sentenceSubject, relayedSpeaker } from './subjects';

/**
 * A contact, not a statement: a guest welcomed to a place ("Putin welcomed Han to Russia
 * for the forum", "… warmly welcomed Chinese leader Xi Jinping to the Kremlin"), or a
 * person called with nothing said ("Xi called his Ukrainian counterpart Volodymyr
 * Zelenskyy on Wednesday"; "called him a friend", "called on him to …" say something).
 * The person may follow a title.
 */
function isContact(ctx: SpeakerContext, cue: Cue, span: { start: number; end: number }): boolean {
  if (cue.lemma !== 'welcome' && cue.lemma !== 'call') return false;
  const { norm } = ctx.article;
  // (A possessive may open the title: "his Ukrainian counterpart".)
  const titleStart = span.start + (/^(?:his|her|their|its)\s+/i.exec(norm.slice(span.start, span.end))?.[0].length ?? 0);
  const person = ctx.index.all.between(span.start, Math.min(span.end, span.start + 80)).find((m) => m.actor_type === 'person' && m.kind !== 'pronoun' && (m.start === span.start || isTitle(ctx, titleStart, m.start)));
  if (!person) return false;
  const after = norm.slice(person.end, span.end);
  if (cue.lemma === 'welcome') return /^\s+to\s/.test(after);
  // After the one called, a time or place, perhaps the call's purpose ("… on Wednesday to discuss the war").
  const rest = after.replace(/\s+to\s+(?:discuss|talk|exchange|congratulate|offer)\b.*$/is, '');
  return rest.trim() === '' || (/^\s+(?:on|in|at|during|after|before|late|early|last|this)\b/i.test(rest) && isCircumstance(ctx, { start: person.end + rest.length - rest.trimStart().length, end: person.end + rest.length }));
}

/**
 * Where the content starts after a cue (or its addressee): past time and manner words
 * (ADVERBIAL_HEAD), a longer circumstance before "that", quoted titles too ("reiterated
 * on CNN's "State of the Union" that …", "saying on Sunday that …", "said earlier in the
 * interview with the Argumenty i Fakty newspaper that …"), and "that".
 */
function pastCircumstanceAndThat(ctx: SpeakerContext, s: Sentence, from: number): number {
  const { norm } = ctx.article;
  let at = from;
  const head = ADVERBIAL_HEAD.exec(norm.slice(at, s.end));
  if (head) at += head[0].length;
  // (Set off by commas too: "said, without elaborating, that …".)
  const toThat = /^(?:\s*,)?\s+([^.;:!?]{1,100}?),?\s+that\b/i.exec(norm.slice(at, s.end));
  if (toThat) {
    const start = at + toThat[0].indexOf(toThat[1]!);
    const circumstance = norm.slice(start, start + toThat[1]!.length);
    if (occasionOnly(ctx, { start, end: start + toThat[1]!.length }) || OCCASION.test(circumstance)) at += toThat[0].length - 'that'.length;
  }
  const that = /^\s*(?:,\s*)?that\b/i.exec(norm.slice(at, s.end));
  return that ? at + that[0].length : at;
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
    sourceOfState(ctx, from, s.end) ??
    speakerStartingAt(ctx, from) ??
    // "according to the United States": the actor after the article.
    (/^the\s+/i.test(norm.slice(from, s.end)) ? ctx.mentionsByStart.get(from + /^the\s+/i.exec(norm.slice(from))![0].length)?.filter((m) => m.kind !== 'adjective').map((m) => fromMention(m, from, m.end))[0] : undefined) ??
    nounSpeaker ??
    possessorSpeaking(ctx, from, s.end) ??
    (phrase ? { label: phrase[0], id: '', type: 'unnamed' as const, country: '', start: from, end: from + phrase[0].length } : undefined) ??
    unnamedClosingSource(ctx, from, s.end);
  // Opening the sentence ("According to him, …", "As reported by OBOZ.UA, …"): the content follows the source's comma.
  if (wordsIn(ctx, s.start, cue.start) === 0) return sourceFirst(ctx, s, cue, from, speaker);
  if (!speaker) return undefined;
  const span = trimSpan(norm, s.start, cue.start);
  if (wordsIn(ctx, span.start, span.end) < 3) return undefined;
  return { rule: 'according-to', speaker, cue: cue.cue, cueStart: cue.start, cueEnd: cue.end, kind: kindOf(ctx, span), parts: [span] };
}

/**
 * An unnamed source closing the phrase after "according to": "according to conversations
 * CNN had with two US officials" is the officials', of the state named just before the
 * noun (at most two words between); else undefined.
 */
function unnamedClosingSource(ctx: SpeakerContext, from: number, to: number): Speaker | undefined {
  const { norm } = ctx.article;
  const phrase = norm.slice(from, to).replace(/[\s.!?"”’]+$/u, '');
  const m = ctx.cues.regex.unnamedAtEnd.exec(phrase);
  if (!m) return undefined;
  let start = from + m.index + m[0].indexOf(m[1]!);
  const state = ctx.index.all.between(Math.max(from, start - 30), start).filter((x) => x.actor_type === 'state' && wordsIn(ctx, x.end, start) <= 2).at(-1);
  if (state) start = Math.min(start, state.start);
  return { label: ctx.article.text.slice(start, from + phrase.length), id: '', type: 'unnamed', country: state?.country ?? '', start, end: from + phrase.length };
}

/**
 * A state (or its adjective) before a source noun: "according to U.S. intelligence",
 * "according to Russian media", "according to Chinese officials" name an unnamed source
 * of that state, not the state; else undefined.
 */
function sourceOfState(ctx: SpeakerContext, from: number, to: number): Speaker | undefined {
  const state = ctx.index.all.between(from, from + 1).find((m) => m.start === from && m.actor_type === 'state');
  if (!state) return undefined;
  const layer = tokensOf(ctx.article);
  const after = tokensIn(layer, state.end, Math.min(to, state.end + 60));
  for (let i = 0; i < Math.min(3, after.length); i++) {
    const t = after[i]!;
    if (t.pos !== 'NOUN' && t.pos !== 'ADJ') return undefined;
    if (ctx.cues.sourceNouns.has(t.lower) || ctx.cues.unnamedNouns.includes(t.lower)) {
      return { label: ctx.article.text.slice(from, t.end), id: '', type: 'unnamed', country: state.country, start: from, end: t.end };
    }
  }
  return undefined;
}

/** True when a participle cue ("adding", "citing", "saying") follows `at`, after a comma or none: `…, adding that …`. */
function participleAfter(ctx: SpeakerContext, s: Sentence, at: number): boolean {
  const { norm } = ctx.article;
  return findCues(ctx, s).some((c) => c.start >= at && /ing$/i.test(c.cue) && /^\s*,?\s*$/.test(norm.slice(at, c.start)));
}

/** Speaker before the cue, content after it (`X said (that) …`), or the content before the speaker's comma (`…, X said.`). */
export function speakerBeforeCue(ctx: SpeakerContext, s: Sentence, cue: Cue, usedQuotes: Set<Quote>): Draft | undefined {
  const { norm } = ctx.article;
  if (/(?:ed|en|wn)$/i.test(cue.cue) || /^(told|said|wrote|sworn)$/i.test(cue.cue)) {
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
  // "Reporters also asked how Moscow can respond": a question, not a statement.
  if (cue.lemma === 'ask' && ctx.cues.questioners.has(norm.slice(speaker.start, speaker.end).toLowerCase())) return undefined;
  // "China maintains that …, Wang Wenbin said, adding …": a state's or organisation's cue at the start
  // is part of what the person named after the comma says.
  // (So is an unnamed or plural subject's: "…, and the countries will jointly announce …, the Kremlin spokesman said.")
  if (speaker.type !== 'person' && trailingPersonAttribution(ctx, s, cue.end)) return undefined;
  // "Zhang gave an interview to the TASS news agency stating that …": a participle after an unnamed noun belongs to the sentence's subject.
  if (/ing$/i.test(cue.cue) && speaker.id === '' && speaker.type !== 'person') {
    const subject = openingSubject(ctx, s, speaker.start);
    if (subject?.type === 'person') speaker = { ...subject, start: cue.start, end: cue.start };
  }
  const lead = norm.slice(floor, speaker.start);
  // "…, which accuses" has its own reading (relativeAntecedent); "an article in which they criticized" has a subject of its own.
  if (subjectEnd >= 0 && /\b(?:to|that|which|who)\s*$/i.test(lead) && !/\b(?:in|by|with|through|under|for)\s+which\s*$/i.test(lead)) return undefined;
  // Two actors as one subject ("China, Russia accuse …", "Lavrov and Wang agreed …"): one joint statement of both.
  // (Not an attribution set off by commas: "China, he said, is ready …" is his.)
  const parenthetical = /,\s*$/.test(lead) && /^\s*,/.test(norm.slice(cue.end, s.end));
  // A title may stand after the "and": "Spokesman Zhao Lijian and Russian Foreign Minister Sergey Lavrov commented …".
  const titled = /\band\s+((?:[\p{L}.'’-]+\s+){1,5})$/u.exec(lead);
  const jointLead = titled && isTitle(ctx, floor + titled.index + titled[0].length - titled[1]!.length, speaker.start) ? lead.slice(0, titled.index + 3) : lead;
  if (subjectEnd >= 0 && /(?:,|\band)\s*$/.test(jointLead) && !parenthetical) {
    const otherEnd = floor + jointLead.replace(/(?:,|\band)\s*$/, '').trimEnd().length;
    const other = ctx.mentionsByEnd.get(otherEnd)?.[0];
    // Only when the first actor opens the clause: "In talks with China, Russia condemned …" is Russia's.
    // ("The foreign ministers of both China and Russia have condemned …": the subject's head is "of" them both.)
    const before = norm.slice(floor, other?.start ?? floor);
    // (A title may stand before the first: "Chinese Foreign Ministry Spokesman Zhao Lijian and …".)
    const titledFirst = other !== undefined && other.actor_type === 'person' && before.trim() !== '' && isTitle(ctx, floor, other.start);
    if (other && (/^\s*(?:[^,"“”]{1,40},\s*)?(?:(?:both|but|and|meanwhile|also)\s+)*$/i.test(before) || /^\s*(?:the\s+)?[\p{L}\s-]{0,40}\bof\s+(?:both\s+)?$/iu.test(before) || titledFirst)) {
      if (other.actor_id === speaker.id) return undefined;
      speaker = jointSpeaker(fromMention(other), speaker);
    }
  }

  let contentStart = cue.end;
  const relayed = relayedSpeaker(ctx, cue, s);
  if (relayed) {
    // "The ministry quoted Wang as saying …", "It cited Lavrov as saying that …": the one relayed speaks.
    speaker = relayed.speaker;
    contentStart = relayed.contentStart;
  } else contentStart = pastAddressee(ctx, s, cue);
  contentStart = pastCircumstanceAndThat(ctx, s, contentStart);

  // A quote opening right after the cue is a direct statement (and may run on past the sentence).
  const opening = quoteOpeningAt(ctx.quotes, norm, contentStart);
  if (opening && !usedQuotes.has(opening)) {
    const rest = norm.slice(opening.end, Math.max(opening.end, sentenceEndFor(ctx, opening.end)));
    if (/^\s*[.!?]?\s*$/.test(rest)) return { rule: 'speaker-cue-quote', speaker, cue: cue.cue, cueStart: cue.start, cueEnd: cue.end, kind: 'direct', parts: [{ start: opening.contentStart, end: opening.contentEnd }] };
  }

  let contentEnd = s.end;
  // Read from the cue, so a channel right after a circumstance is seen with its comma: "reported in a telegram, reports UNN."
  const tail = TRAILING_SOURCE.exec(norm.slice(cue.end, s.end));
  if (tail) contentEnd = Math.max(contentStart, cue.end + tail.index);
  // "Russia asked China to give it military equipment …, according to U.S. officials.": what an unnamed
  // source is said to report is that source's statement, the cue inside it part of its content.
  if (tail && unnamedSourceTail(ctx, tail[0])) return undefined;
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
  if (isContact(ctx, cue, span)) return undefined;
  // The comma ending the content, then perhaps a title before the speaker's name: "…, the Russian Defense Ministry said", "…, President Volodymyr Zelensky said".
  const comma = commaBeforeTitle(ctx, floor, speaker.start);
  // "…, Lavrov said at the meeting.": after the cue only a circumstance (no verb) up to the sentence's end; the content is before.
  // "…, Xi said, adding that …": a participle right after the cue opens a statement of its own; this one's content is before.
  // ("…, Putin said on Monday, citing …": after the cue's adverbial too.)
  const participleNext = participleAfter(ctx, s, cue.end) || (contentStart > cue.end && participleAfter(ctx, s, contentStart));
  // "Reuters reported earlier in the day, citing sources, that …": only a circumstance (no verb, from a preposition or an
  // adverb) between the cue and a participle's comma, so nothing said after the cue; the participle reports it, as a
  // statement of its own. An object stays a statement: "Wang criticised the plans, saying …".
  const occasion = occasionOnly(ctx, span);
  // A verb of replying has the addressee or the question after it, never what was said: "Hua answered CCTV about this issue, saying, …".
  const replied = ctx.cues.verbs.get(cue.lemma)?.source.startsWith('answer-') === true && !hasClauseVerb(ctx, span.start, span.end);
  const nothingAfter = (occasion || replied) && participleAfter(ctx, s, span.end);
  // "…, Lavrov said in an interview with TV news anchor Dmitry Kiselyov on Thursday.": after a trailing cue, a circumstance of any length.
  // "…, the official said, a discussion that addressed …": a noun phrase summing up the clause before, after the cue's comma.
  // So is "…, Tass said in a report on Wednesday, in what will be the leader's first foreign tour …", past a circumstance.
  const inWhat = /,\s*in\s+what\b/i.exec(norm.slice(cue.end, s.end));
  const summing =
    /^\s*,\s*(?:an?|the)\s+(?:[\p{L}'’-]+\s+){0,3}?(?:that|which)\b/iu.test(norm.slice(cue.end, s.end)) ||
    (inWhat !== null && (/^\s*$/.test(norm.slice(cue.end, cue.end + inWhat.index)) || occasionOnly(ctx, trimSpan(norm, cue.end, cue.end + inWhat.index))));
  const trailing = subjectEnd >= 0 && comma !== null && ((contentEnd === s.end && (occasion || isCircumstance(ctx, span))) || participleNext || nothingAfter || summing);
  if (!trailing && !nothingAfter && wordsIn(ctx, span.start, span.end) >= 2) {
    // "Doing so now, he said, would be …": an attribution set off by commas inside the clause; its subject, before it, is said too.
    const subject = comma && /^\s*,/.test(norm.slice(cue.end, s.end)) ? trimSpan(norm, floor, floor + comma.index) : undefined;
    if (subject && subject.start === s.start && wordsIn(ctx, subject.start, subject.end) >= 1 && !hasFiniteVerb(ctx, subject.start, subject.end) && hasFiniteVerb(ctx, span.start, span.end)) {
      return { rule: 'speaker-cue-content', speaker, cue: cue.cue, cueStart: cue.start, cueEnd: cue.end, kind: kindOf(ctx, { start: subject.start, end: span.end }), parts: [subject, span] };
    }
    return { rule: 'speaker-cue-content', speaker, cue: cue.cue, cueStart: cue.start, cueEnd: cue.end, kind: kindOf(ctx, span), parts: [span] };
  }
  // Trailing attribution of reported speech: "Chinese firms would continue trading with Russia, he suggested." 
  // A participle has no subject of its own to trail the content: "…, with Borrell describing them as …".
  if (subjectEnd < 0 || !comma || /ing$/i.test(cue.cue)) return undefined;
  // `"China is investing heavily in new capabilities," including long-range nuclear missiles, Stoltenberg said`:
  // a phrase with no finite verb after the quote that closes the clause goes on with that quote.
  const quoted = floor > s.start ? quotesEndingIn(ctx, floor, floor + 1)[0] : undefined;
  const from = quoted && !hasFiniteVerb(ctx, floor, floor + comma.index) ? quoted.start : floor;
  let leadEnd = floor + comma.index;
  // "…, Russian state news agency, Tass, said": with the speaker set off by commas, the noun phrase naming its kind before them is no content either.
  if (/^\s*,/.test(norm.slice(speaker.end, cue.start))) {
    const kind = commaBeforeTitle(ctx, floor, leadEnd);
    if (kind && floor + kind.index > from && wordsIn(ctx, floor + kind.index, leadEnd) <= 5 && !hasClauseVerb(ctx, floor + kind.index, leadEnd)) leadEnd = floor + kind.index;
  }
  const content = trimSpan(norm, from, leadEnd);
  if (wordsIn(ctx, content.start, content.end) < 3) return undefined;
  // Before the comma of "…, Hua answered CCTV about this issue, saying …" stands an introductory phrase, not what was said.
  if (nothingAfter && !hasClauseVerb(ctx, content.start, content.end)) return undefined;
  // "…, the ministry cited Lavrov.": the one relayed speaks.
  const relayedAtEnd = relayedSpeaker(ctx, cue, s, true);
  return { rule: 'content-speaker-cue', speaker: relayedAtEnd?.speaker ?? speaker, cue: cue.cue, cueStart: cue.start, cueEnd: cue.end, kind: kindOf(ctx, content), parts: [content] };
}

/**
 * Reported speech with the attribution after it, inverted: "…, said Qin.", "…, said
 * Chinese Foreign Ministry spokesman Lin Jian." The speaker is the last actor ending
 * the clause after the cue (a person named after a title wins over the title's
 * organisation); the content is the sentence up to the comma before the cue.
 */
export function invertedTrailing(ctx: SpeakerContext, s: Sentence, cue: Cue): Draft | undefined {
  const { norm } = ctx.article;
  const lead = norm.slice(s.start, cue.start);
  // After "told", "urged" the actor is the addressee, not the speaker.
  if (!/,\s*$/.test(lead) || ctx.cues.phrases.includes(cue.lemma) || cue.object) return undefined;
  // "…, said during a briefing on Friday, March 17, Chinese Foreign Ministry spokesman Wang Wenbin.": a circumstance may come first.
  const circumstance = /^\s+(?:during|at|in|on|after)\s[^",;]{1,60}?,\s*(?=\p{Lu})/u.exec(norm.slice(cue.end, s.end));
  const from = cue.end + (circumstance?.[0].length ?? norm.slice(cue.end).match(/^\s+/)?.[0].length ?? 0);
  const endsClause = (end: number) => /^\s*(?:[.,;!?]|$|\s+(?:on|in|at|during|after|when|last|this|earlier)\b)/.test(norm.slice(end, s.end));
  let speaker: Speaker | undefined;
  for (const m of ctx.index.all.between(from, s.end)) {
    if (m.kind === 'adjective' || !endsClause(m.end)) continue;
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
  if (speaker.id !== '' && ctx.index.all.between(content.start, content.start + 40).some((m) => m.actor_id === speaker!.id)) return undefined;
  return { rule: 'content-cue-speaker', speaker, cue: cue.cue, cueStart: cue.start, cueEnd: cue.end, kind: kindOf(ctx, content), parts: [content] };
}

/**
 * "According to X, …" opening a sentence: the content is what follows the comma that
 * ends the source; the source is the last actor named before that comma ("According
 * to reports from Russian state news agency TASS, …" is TASS), else the speaker read
 * at the phrase's start (a pronoun: "According to him").
 */
export function sourceFirst(ctx: SpeakerContext, s: Sentence, cue: Cue, from: number, atStart: Speaker | undefined): Draft | undefined {
  const { norm } = ctx.article;
  const comma = norm.indexOf(',', from);
  if (comma < 0 || comma >= s.end) return undefined;
  let named: Mention | undefined;
  for (const m of ctx.index.all.between(from, comma + 1)) if (m.end <= comma && m.kind !== 'adjective') named = m;
  const speaker = named ? fromMention(named) : atStart;
  if (!speaker) return undefined;
  // "…, reports TASS News Agency.": a channel trailing the content is no part of it.
  const tail = TRAILING_SOURCE.exec(norm.slice(comma + 1, s.end));
  const span = trimSpan(norm, comma + 1, tail ? comma + 1 + tail.index : s.end);
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
export function possessorSpeaking(ctx: SpeakerContext, from: number, to: number): Speaker | undefined {
  const { norm } = ctx.article;
  const owner = ctx.index.all.between(from, from + 60).find((m) => m.end < to && m.kind !== 'adjective' && m.actor_type !== 'person' && /^'s\s+(?:[\p{L}-]+\s+){0,2}[\p{L}-]+\s*(?:[,.;]|$)/u.test(norm.slice(m.end, to)));
  if (!owner || !/^(?:the\s+)?(?:[\p{L}-]+\s+){0,2}$/iu.test(norm.slice(from, owner.start))) return undefined;
  return fromMention(owner);
}

/** A speaker opening the clause at `from`, then (past a parenthetical) a finite cue: "Putin, in a call with Xi, outlined …". */
export function opensWithAttribution(ctx: SpeakerContext, s: Sentence, from: number): boolean {
  const { norm } = ctx.article;
  // The subject may follow its title: "Chinese President Xi Jinping said that …".
  const subject = ctx.mentionsByStart.get(from)?.find((m) => m.kind !== 'adjective') ?? ctx.index.all.between(from, Math.min(s.end, from + 80)).find((m) => m.actor_type === 'person' && m.kind !== 'pronoun' && m.start > from && isTitle(ctx, from, m.start));
  if (!subject) return false;
  return findCues(ctx, s).some((c) => c.start > subject.end && !/ing$/i.test(c.cue) && stripAdverbials(norm, subject.start, c.start) === subject.end);
}

/** A trailing "…, according to U.S. officials" (or "an official", "sources familiar with …") naming an unnamed source. */
function unnamedSourceTail(ctx: SpeakerContext, tail: string): boolean {
  const source = /^,[”"']?\s*according\s+to\s+([^,"]+?)\s*[.!?]?\s*$/i.exec(tail)?.[1];
  if (!source) return false;
  // An unnamed group ("U.S. officials"), or an indefinite role ("an official", "a senior diplomat").
  return ctx.cues.regex.unnamedAtEnd.test(source) || (/^(?:an?|one)\s/i.test(source) && ctx.cues.regex.roleAtEnd.test(source));
}

/**
 * Where what was said starts after a cue that takes an addressee: "told the Security
 * Council that …", "telling him that …" (the addressee runs to "that" when one follows
 * within a few words, else it is one object: "told reporters …"). Other cues: the cue's end.
 */
function pastAddressee(ctx: SpeakerContext, s: Sentence, cue: Cue): number {
  if (cue.lemma !== 'tell') return cue.end;
  const after = ctx.article.norm.slice(cue.end, s.end);
  const obj = /^\s+(?:the\s+)?(?:[\p{L}.'’-]+\s+){0,5}?(?=that\b)/u.exec(after) ?? OBJECT.exec(after);
  return obj ? cue.end + obj[0].length : cue.end;
}

/**
 * A participle opening the sentence, its subject after the comma: "Noting that
 * relations are at their best, Putin said …" is Putin's (the content runs to the comma).
 */
export function openingParticiple(ctx: SpeakerContext, s: Sentence, cue: Cue): Draft | undefined {
  const { norm } = ctx.article;
  if (!/ing$/i.test(cue.cue) || wordsIn(ctx, s.start, cue.start) > 0) return undefined;
  let contentStart = cue.end;
  const that = /^\s*that\b/i.exec(norm.slice(contentStart, s.end));
  if (that) contentStart += that[0].length;
  const comma = norm.indexOf(',', contentStart);
  if (comma < 0 || comma >= s.end) return undefined;
  const subjectStart = comma + 1 + (/^\s*(?:the\s+)?/i.exec(norm.slice(comma + 1))?.[0].length ?? 0);
  const subject = ctx.mentionsByStart.get(subjectStart)?.[0];
  if (!subject) return undefined;
  const span = trimSpan(norm, contentStart, comma);
  if (wordsIn(ctx, span.start, span.end) < 3) return undefined;
  return { rule: 'participle', speaker: fromMention(subject), cue: cue.cue, cueStart: cue.start, cueEnd: cue.end, kind: kindOf(ctx, span), parts: [span] };
}

/**
 * A participle after a comma, or a verb after "and", continues the statement before
 * it in the sentence, with its speaker: "…, Xi said, adding that China …", "Li said
 * that …, and called on all parties to …". A new cue starts a new statement.
 */
export function participleOfLastSpeaker(ctx: SpeakerContext, s: Sentence, cue: Cue): Draft | undefined {
  const { norm } = ctx.article;
  if (!continuingLead(norm.slice(s.start, cue.start), cue)) return undefined;
  const last = ctx.previous[ctx.previous.length - 1];
  let speaker = last && last.end >= s.start && last.end <= cue.start ? last.speaker : undefined;
  // No statement before it in the sentence: the participle's subject is the sentence's ("The United States hit back, saying …"),
  // and so is a finite verb's after "and" ("Wang Yi defended Beijing's stance … and indicated that …").
  if (!speaker) speaker = openingSubject(ctx, s, cue.start);
  if (!speaker) return undefined;
  const contentStart = pastCircumstanceAndThat(ctx, s, pastAddressee(ctx, s, cue));
  let contentEnd = cutBeforeNextAttribution(ctx, s, contentStart, s.end);
  // "…, telling him that “…,” CNN reported.": the channel after it is no content.
  const tail = TRAILING_SOURCE.exec(norm.slice(contentStart, contentEnd));
  if (tail) contentEnd = contentStart + tail.index;
  const span = trimSpan(norm, contentStart, contentEnd);
  if (wordsIn(ctx, span.start, span.end) < 3) return undefined;
  return { rule: 'participle', speaker: { ...speaker, start: cue.start, end: cue.start }, cue: cue.cue, cueStart: cue.start, cueEnd: cue.end, kind: kindOf(ctx, span), parts: [span] };
}

/** A passive naming who made a statement: "The statement was made by …", "The remarks were delivered by …". */
const ATTRIBUTED_BY = /\b(?:was|were|has\s+been|have\s+been)\s+(?:made|issued|delivered|voiced|expressed)\s+by\b/i;

/** What may follow "said this" or "said so" pointing back: the sentence's end, a comma, or a circumstance. */
const AFTER_POINTING_WORD = /^(?:\s*[.!;,]|\s*$|\s+(?:at|in|on|during|while|when|after|before|to|via|through|earlier|later|speaking|writing|commenting|[a-z]+ly)\b)/i;

/**
 * An attribution pointing back to the sentence before, which is what was said (the
 * style of TASS, Xinhua and their translators): "… . This was stated on Wednesday by
 * Chinese Ambassador to Moscow Zhang Hanhui at …", "… . Zakharova said this at a
 * briefing." The content is the sentence before, when it is prose with a verb, not the
 * headline or a caption, and no statement was read from it.
 */
export function pointingBack(ctx: SpeakerContext, s: Sentence, cue: Cue, usedQuotes: Set<Quote>): Draft | undefined {
  const { norm, sentences, paragraphs, title } = ctx.article;
  const before = sentences[s.index - 1];
  if (!before || paragraphs[before.paragraph]?.caption || before.text.trim() === title.trim()) return undefined;
  const content = trimSpan(norm, before.start, before.end);
  if (wordsIn(ctx, content.start, content.end) < 4 || !hasClauseVerb(ctx, content.start, content.end)) return undefined;
  const last = ctx.previous[ctx.previous.length - 1];
  if (last && last.end > before.start) return undefined;
  // The sentence before names a speaker of its own ("The statement was made by Lin Jian. This was reported by Reuters."): it is no content.
  if (ATTRIBUTED_BY.test(before.text)) return undefined;
  let speaker: Speaker | undefined;
  const lead = norm.slice(s.start, cue.start);
  if (/,\s*$/.test(before.text) && AFTER_POINTING_WORD.test(norm.slice(cue.end, s.end)) && /^\s*[-–—]?\s*\S/.test(lead)) {
    // "…, ¶ - the diplomat noted.": a paragraph of the attribution alone, after words ending in a comma.
    const floor = s.start + (/^\s*[-–—]?\s*/.exec(lead)?.[0].length ?? 0);
    speaker = speakerEndingAt(ctx, stripAdverbials(norm, floor, cue.start), floor);
    if (speaker && speaker.start !== floor) speaker = undefined;
  } else if (PASSIVE_POINTING_BACK.test(lead)) {
    // "This was stated on Wednesday by …": the agent after "by", past a short circumstance.
    const by = /^[^.;:"“”]{0,80}?\bby\s+/.exec(norm.slice(cue.end, s.end));
    speaker = by ? speakerStartingAt(ctx, cue.end + by[0].length) : undefined;
  } else {
    const pointing = cue.pointsBack ? '' : /^\s+(?:this|so)\b/i.exec(norm.slice(cue.end, s.end))?.[0];
    if (pointing === undefined || !AFTER_POINTING_WORD.test(norm.slice(cue.end + pointing.length, s.end))) return undefined;
    // The speaker before the cue, read as any "X said …" reads it.
    speaker = speakerBeforeCue(ctx, s, cue, usedQuotes)?.speaker;
  }
  if (!speaker) return undefined;
  return { rule: 'pointing-back', speaker, cue: cue.cue, cueStart: cue.start, cueEnd: cue.end, kind: kindOf(ctx, content), parts: [content] };
}

/**
 * "As X noted, …" opening a sentence: X's words are the clause after the comma, as in
 * "According to X, …" ("As the diplomat noted, Russia is aware of the pressure …").
 * Only a speaker, adverbials and a short circumstance stand between "As" and the comma;
 * a verb taking an addressee or a participle ("As Putin spoke to reporters, …") says nothing here.
 */
export function asSpeakerNoted(ctx: SpeakerContext, s: Sentence, cue: Cue): Draft | undefined {
  const { norm } = ctx.article;
  const as = /^\s*As\s+/.exec(norm.slice(s.start, cue.start));
  if (!as || cue.object || /ing$/i.test(cue.cue)) return undefined;
  const speaker = speakerStartingAt(ctx, s.start + as[0].length);
  if (!speaker || stripAdverbials(norm, speaker.start, cue.start) !== speaker.end) return undefined;
  const circumstance = /^[^,;:"“”]{0,60},/.exec(norm.slice(cue.end, s.end));
  if (!circumstance || hasClauseVerb(ctx, cue.end, cue.end + circumstance[0].length)) return undefined;
  const from = cue.end + circumstance[0].length;
  const span = trimSpan(norm, from, cutBeforeNextAttribution(ctx, s, from, s.end));
  if (wordsIn(ctx, span.start, span.end) < 3 || !hasClauseVerb(ctx, span.start, span.end)) return undefined;
  return { rule: 'as-speaker-cue', speaker, cue: cue.cue, cueStart: cue.start, cueEnd: cue.end, kind: kindOf(ctx, span), parts: [span] };
}
