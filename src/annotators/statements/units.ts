/**
 * The stream the attribution patterns read: a sentence's tokens with each quotation
 * span merged into one QUOTE unit and each cue (a reporting verb with its particle,
 * or a phrase such as "according to") into one CUE unit, as spaCy's retokenizer
 * merges spans before a Matcher runs. Each unit carries the attributes the patterns
 * of attribution-rules.yaml may test (UNIT_ATTRIBUTES).
 */
import type { Sentence } from '../../corpus/types';
import { firstEndingAfter, tokensIn, tokensOf } from '../../text';
import type { Cue } from './cue-scan';
import type { SpeakerContext } from './speaker';

/**
 * What a unit carries:
 * - TEXT, LOWER, LEMMA, POS, SHAPE: the token's (a quote unit's TEXT is the whole quotation, POS "QUOTE")
 * - IS_PUNCT: a punctuation token; IS_WORD: a word or number token, or a quotation
 * - QUOTE: a quotation span
 * - CUE: "verb" or "phrase" for a cue (cues.yaml), else absent; CUE_LEMMA: its lemma; OBJECT: a cue taking an addressee ("told")
 * - FIRST_WORD: the sentence's first word unit; SENT_START: its first unit; PARA_START: the paragraph's first unit
 * - CASE: "upper" (ANTONY), "title" (Antony), "lower" or "other"
 */
export const UNIT_ATTRIBUTES: ReadonlySet<string> = new Set(['TEXT', 'LOWER', 'LEMMA', 'POS', 'SHAPE', 'IS_PUNCT', 'IS_WORD', 'QUOTE', 'CUE', 'CUE_LEMMA', 'OBJECT', 'FIRST_WORD', 'SENT_START', 'PARA_START', 'CASE']);

/** One unit of the stream, with its character span. */
export interface Unit {
  start: number;
  end: number;
  [attribute: string]: string | number | boolean | undefined;
}

export interface SentenceUnits {
  units: Unit[];
  /** Index of each cue's unit, by the cue's start offset. */
  cueAt: Map<number, number>;
}

function caseOf(text: string): string {
  if (!/\p{L}/u.test(text)) return 'other';
  if (text === text.toUpperCase()) return 'upper';
  if (/^\p{Lu}/u.test(text)) return 'title';
  return text === text.toLowerCase() ? 'lower' : 'other';
}

const memo = new WeakMap<SpeakerContext, Map<number, SentenceUnits>>();

/**
 * The units of sentence `s`, its cues (`cues`, from cue-scan.ts) merged. A quotation
 * opening just after the sentence's end (within two characters) is appended: the
 * second half of a split quote may fall in the next sentence.
 */
export function sentenceUnits(ctx: SpeakerContext, s: Sentence, cues: readonly Cue[]): SentenceUnits {
  let bySentence = memo.get(ctx);
  if (!bySentence) memo.set(ctx, (bySentence = new Map()));
  const known = bySentence.get(s.index);
  if (known) return known;

  const { article, quotes } = ctx;
  const paragraph = article.paragraphs[s.paragraph];
  const units: Unit[] = [];
  const cueAt = new Map<number, number>();
  let wordSeen = false;
  const push = (unit: Unit) => {
    unit.SENT_START = units.length === 0;
    unit.PARA_START = units.length === 0 && paragraph !== undefined && paragraph.start === s.start;
    unit.FIRST_WORD = unit.IS_WORD === true && !wordSeen;
    wordSeen ||= unit.IS_WORD === true;
    units.push(unit);
  };
  const quoteUnit = (q: (typeof quotes)[number]): Unit => {
    const text = article.norm.slice(q.start, q.end);
    return { start: q.start, end: q.end, TEXT: text, LOWER: text.toLowerCase(), LEMMA: text.toLowerCase(), POS: 'QUOTE', SHAPE: 'quote', IS_PUNCT: false, IS_WORD: true, QUOTE: true, CASE: caseOf(text) };
  };
  let cueIndex = 0;
  let end = -1;
  // Quotes are in text order and do not overlap: the one holding a token is the first ending after its start, if it has begun.
  let quoteIndex = firstEndingAfter(quotes, s.start);
  for (const token of tokensIn(tokensOf(article), s.start, s.end)) {
    if (token.start < end) continue;
    while (quoteIndex < quotes.length && quotes[quoteIndex]!.end <= token.start) quoteIndex++;
    const quote = quotes[quoteIndex] !== undefined && quotes[quoteIndex]!.start <= token.start ? quotes[quoteIndex] : undefined;
    if (quote) {
      push(quoteUnit(quote));
      end = quote.end;
      continue;
    }
    while (cueIndex < cues.length && cues[cueIndex]!.start < token.start) cueIndex++;
    const cue = cues[cueIndex];
    if (cue && cue.start === token.start) {
      cueAt.set(cue.start, units.length);
      const text = article.norm.slice(cue.start, cue.end);
      const phrase = ctx.cues.phrases.includes(cue.lemma);
      push({ start: cue.start, end: cue.end, TEXT: text, LOWER: text.toLowerCase(), LEMMA: cue.lemma, POS: phrase ? 'ADP' : 'VERB', SHAPE: 'word', IS_PUNCT: false, IS_WORD: true, QUOTE: false, CUE: phrase ? 'phrase' : 'verb', CUE_LEMMA: cue.lemma, OBJECT: cue.object, CASE: caseOf(text) });
      end = cue.end;
      continue;
    }
    push({ start: token.start, end: token.end, TEXT: token.text, LOWER: token.lower, LEMMA: token.lemma, POS: token.pos, SHAPE: token.shape, IS_PUNCT: token.shape === 'punct', IS_WORD: token.shape === 'word' || token.shape === 'number', QUOTE: false, CASE: caseOf(token.text) });
    end = token.end;
  }
  const next = quotes[firstEndingAfter(quotes, Math.max(s.end, end))];
  const after = next && next.start >= Math.max(s.end, end) && next.start < s.end + 2 ? next : undefined;
  if (after) push(quoteUnit(after));
  const found = { units, cueAt };
  bySentence.set(s.index, found);
  return found;
}
