/** The cue pass: the reporting verbs and phrases of a sentence, read on the text layer (cues.yaml). */
import type { Sentence } from '../../corpus/types';
import type { CueLexicon } from './cues';
import { tokensIn, tokensOf, type Token, type TokenLayer } from '../../text';
import { insideQuote, type SpeakerContext } from './speaker';

export interface Cue {
  start: number;
  end: number;
  cue: string;
  lemma: string;
  object: boolean;
  /** The cue holds its object, which points back to what was said ("made the remarks"): the content is never after it. */
  pointsBack?: boolean;
}

/**
 * A cue lemma used as a verb: tagged VERB, or tagged noun or adjective with no
 * determiner, possessive or adjective before it (the tagger reads some verbs as nouns:
 * "the State Department states that"); never a proper noun ("Secretary of State").
 */
export function isVerbUse(layer: TokenLayer, token: Token): boolean {
  if (token.pos === 'VERB') return true;
  if (token.pos !== 'NOUN' && token.pos !== 'ADJ') return false;
  if (!/(?:s|ed|ing)$/.test(token.lower)) return false;
  const before = layer.tokens[token.index - 1];
  if (before === undefined || NOUN_DETERMINERS.has(before.pos) || POSSESSIVES.has(before.lower)) return false;
  // A name as a modifier after a determiner: "the U.S. comments appeared …" is a noun phrase.
  return !(before.pos === 'PROPN' && layer.tokens[token.index - 2]?.pos === 'DET');
}

/** A document noun ("the statement", "the joint communique") right before `pos`. */
export function documentBefore(ctx: SpeakerContext, from: number, pos: number): boolean {
  const words = ctx.article.norm.slice(from, pos).trimEnd().toLowerCase().split(/\s+/);
  return ctx.cues.documentNouns.some((noun) => words.slice(-noun.split(' ').length).join(' ') === noun);
}

/**
 * The cue lemma of a token: its own lemma, or, for a participle the tagger reads as an
 * adjective or noun and keeps as its own lemma (", promising to …", "reported"), the
 * verb it is formed from.
 */
export function cueLemma(verbs: CueLexicon['verbs'], token: Token): string | undefined {
  if (verbs.has(token.lemma)) return token.lemma;
  if ((token.pos !== 'ADJ' && token.pos !== 'NOUN') || !(token.lower.endsWith('ing') || token.lower.endsWith('ed'))) return undefined;
  return participleStems(token.lower).find((stem) => verbs.has(stem));
}

/** The verbs a participle may come from: "promising" → promis, promise; "denied" → deny; "planned" → plan. */
export function participleStems(word: string): string[] {
  const m = /^(\p{L}{2,}?)(ing|ied|ed)$/u.exec(word);
  if (!m) return [];
  const stem = m[1]!;
  if (m[2] === 'ied') return [`${stem}y`];
  const undoubled = /(\p{L})\1$/u.test(stem) ? [stem.slice(0, -1)] : [];
  return [stem, `${stem}e`, ...undoubled];
}

export const NOUN_DETERMINERS = new Set(['DET', 'ADJ', 'NUM', 'ADP']);

/** Words that follow a plural noun, never a reporting verb ending in -s ("states including …", "reports have …"). */
const PLURAL_NOUN_NEXT = new Set(['including', 'such', 'are', 'were', 'have', 'had', 'which', 'who', 'like', 'across', 'around', 'and', 'or']);

export const POSSESSIVES = new Set(["'s", 'his', 'her', 'its', 'their', 'our', 'my', 'your']);

/** A sentence opening with a passive that points back to the sentence before: "This was stated", "That has also been announced". */
export const PASSIVE_POINTING_BACK = /^\s*(?:this|that)\s+(?:was|is|has\s+been|had\s+been)\s+(?:(?:also|earlier|previously|reportedly|already|first|[a-z]+ly)\s+)?$/i;

/** After a that-verb: "that" (past an adverb or a short circumstance: "shared in an interview with TASS that"), or the attribution's end. */
const THAT_OR_END = /^(?:\s+(?:(?:\w+ly|also|both|all)\s+)?(?:(?:in|at|during|on|with|to|after)\s[^,.;:"“”]{1,60}?\s+)?that\b|\s*[.,;:!?])/i;

/** Cues found per sentence: each sentence is scanned once, though attribution asks again. */
export const cuesBySentence = new WeakMap<SpeakerContext, Map<number, Cue[]>>();

/** Cue words and phrases in a sentence, outside quoted text, in order. */
export function findCues(ctx: SpeakerContext, s: Sentence): Cue[] {
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
    // "agreed that …" reports speech, and so does `"…," he agreed.`; "agreed to meet" and "maintain ties" do not.
    if (ctx.cues.thatVerbs.has(lemma!) && !THAT_OR_END.test(norm.slice(token.end, s.end))) continue;
    // A passive participle is no cue: "a spokesman quoted by Chinese media", "the deal, welcomed by Moscow";
    // unless it points back to what was said ("This was stated by the ambassador").
    if (layer.tokens[token.index + 1]?.lower === 'by' && token.lower !== lemma && !PASSIVE_POINTING_BACK.test(norm.slice(s.start, token.start))) continue;
    // A plural noun the tagger reads as a verb: "former Soviet Union states including Ukraine", "media reports have …".
    if (token.lower.endsWith('s') && PLURAL_NOUN_NEXT.has(layer.tokens[token.index + 1]?.lower ?? '')) continue;
    // "pointed out that": a verb with a particle is a cue only with it, and the particle is part of the cue.
    const particle = particles.get(lemma!);
    const next = layer.tokens[token.index + 1];
    if (particle && next?.lower !== particle) continue;
    // "made the remarks", "made assurances that": a verb that is a cue only with its object, which is part of the cue.
    const objects = ctx.cues.objectCues.get(lemma!);
    if (objects) {
      const after = norm.slice(token.end, Math.min(s.end, token.end + 40));
      let entry: (typeof objects)[number] | undefined;
      let end = token.end;
      for (const o of objects) {
        const object = o.after.exec(after);
        if (object) [entry, end] = [o, token.end + object[0].length];
        if (object) break;
      }
      if (!entry) continue;
      // A speech act named by a noun reports what follows only as a that-clause or a quote ("gave a warning over the drills" does not).
      if (!entry.pointsBack && !/^(?:\s+that\b|\s*[:,]?\s*["“])/i.test(norm.slice(end, s.end))) continue;
      found.push({ start: token.start, end, cue: norm.slice(token.start, end), lemma: lemma!, object: false, ...(entry.pointsBack ? { pointsBack: true } : {}) });
      continue;
    }
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
