/**
 * The stream the attribution patterns read: a sentence's tokens with each quotation
 * span merged into one QUOTE unit and each cue (a reporting verb with its particle,
 * or a phrase such as "according to") into one CUE unit, as spaCy's retokenizer
 * merges spans before a Matcher runs. The attributes the patterns of
 * attribution-rules.yaml may test are read by UNIT_ATTRIBUTES; plain units are the
 * text layer's tokens themselves, so building a sentence's stream copies nothing.
 */
import type { Sentence } from '../../corpus/types';
import { firstEndingAfter, tokensIn, tokensOf, type AttributeReader, type AttributeValue, type Token, type UnitStream } from '../../text';
import type { Cue } from './cue-scan';
import type { SpeakerContext } from './speaker';

/** A quotation or a cue, merged into one unit; its text fields as a token's. */
export interface SpanUnit {
  kind: 'quote' | 'cue';
  start: number;
  end: number;
  text: string;
  lower: string;
  lemma: string;
  pos: string;
  shape: string;
  cue?: Cue;
  phrase?: boolean;
}

export type Unit = Token | SpanUnit;

/** A sentence's units, as the patterns read them. */
export interface SentenceUnits extends UnitStream {
  units: Unit[];
  /** Index of each cue's unit, by the cue's start offset. */
  cueAt: Map<number, number>;
  /** Whether the sentence opens its paragraph. */
  paragraphStart: boolean;
  /** Index of the first word unit (a word, number or quotation); -1 if none. */
  firstWord: number;
  /** Whether a unit is a quotation (patterns that need one are not tried without). */
  hasQuote: boolean;
}

const spanOf = (units: SentenceUnits, i: number): SpanUnit | undefined => {
  const u = units.units[i]! as Partial<SpanUnit>;
  return u.kind === undefined ? undefined : (u as SpanUnit);
};
const isWord = (u: Unit) => u.shape === 'word' || u.shape === 'number' || u.shape === 'quote';

/** "upper" (ANTONY), "title" (Antony), "lower" (antony) or "other" (iPhone, 2022, ","), from the text and its lower-case form. */
function caseOf(text: string, lower: string): string {
  if (text === lower) return LETTER.test(text) ? 'lower' : 'other';
  if (!UPPER_FIRST.test(text)) return 'other';
  return text === text.toUpperCase() ? 'upper' : 'title';
}
const LETTER = /\p{L}/u;
const UPPER_FIRST = /^\p{Lu}/u;

/**
 * What a unit carries, by name:
 * - TEXT, LOWER, LEMMA, POS, SHAPE: the token's (a quote unit's TEXT is the whole quotation, POS "QUOTE", SHAPE "quote"; a cue unit's LEMMA the cue's lemma)
 * - IS_PUNCT: a punctuation token; IS_WORD: a word or number token, or a quotation
 * - QUOTE: a quotation span
 * - CUE: "verb" or "phrase" for a cue (cues.yaml), else absent; CUE_LEMMA: its lemma; OBJECT: a cue taking an addressee ("told");
 *   POINTS_BACK: a cue holding an object that points back to what was said ("made the remarks")
 * - FIRST_WORD: the sentence's first word unit; SENT_START: its first unit; PARA_START: the first unit of a paragraph
 * - CASE: "upper" (ANTONY), "title" (Antony), "lower" or "other"
 */
export const UNIT_ATTRIBUTES: ReadonlyMap<string, AttributeReader<SentenceUnits>> = new Map<string, AttributeReader<SentenceUnits>>([
  ['TEXT', (u, i) => u.units[i]!.text],
  ['LOWER', (u, i) => u.units[i]!.lower],
  ['LEMMA', (u, i) => u.units[i]!.lemma],
  ['POS', (u, i) => u.units[i]!.pos],
  ['SHAPE', (u, i) => u.units[i]!.shape],
  ['IS_PUNCT', (u, i) => u.units[i]!.shape === 'punct'],
  ['IS_WORD', (u, i) => isWord(u.units[i]!)],
  ['QUOTE', (u, i) => spanOf(u, i)?.kind === 'quote'],
  ['CUE', (u, i): AttributeValue => {
    const span = spanOf(u, i);
    return span?.kind === 'cue' ? (span.phrase ? 'phrase' : 'verb') : undefined;
  }],
  ['CUE_LEMMA', (u, i) => spanOf(u, i)?.cue?.lemma],
  ['OBJECT', (u, i) => spanOf(u, i)?.cue?.object],
  ['POINTS_BACK', (u, i) => spanOf(u, i)?.cue?.pointsBack === true],
  ['FIRST_WORD', (u, i) => i === u.firstWord],
  ['SENT_START', (_u, i) => i === 0],
  ['PARA_START', (u, i) => i === 0 && u.paragraphStart],
  ['CASE', (u, i) => caseOf(u.units[i]!.text, u.units[i]!.lower)],
]);

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
  const units: Unit[] = [];
  const cueAt = new Map<number, number>();
  const quoteUnit = (q: (typeof quotes)[number]): SpanUnit => {
    const text = article.norm.slice(q.start, q.end);
    const lower = text.toLowerCase();
    return { kind: 'quote', start: q.start, end: q.end, text, lower, lemma: lower, pos: 'QUOTE', shape: 'quote' };
  };
  let cueIndex = 0;
  let end = -1;
  // Quotes are in text order and do not overlap: the one holding a token is the first ending after its start, if it has begun.
  let quoteIndex = firstEndingAfter(quotes, s.start);
  for (const token of tokensIn(tokensOf(article), s.start, s.end)) {
    if (token.start < end) continue;
    while (quoteIndex < quotes.length && quotes[quoteIndex]!.end <= token.start) quoteIndex++;
    const quote = quotes[quoteIndex];
    if (quote !== undefined && quote.start <= token.start) {
      units.push(quoteUnit(quote));
      end = quote.end;
      continue;
    }
    while (cueIndex < cues.length && cues[cueIndex]!.start < token.start) cueIndex++;
    const cue = cues[cueIndex];
    if (cue && cue.start === token.start) {
      cueAt.set(cue.start, units.length);
      const text = article.norm.slice(cue.start, cue.end);
      const phrase = ctx.cues.phrases.includes(cue.lemma);
      units.push({ kind: 'cue', start: cue.start, end: cue.end, text, lower: text.toLowerCase(), lemma: cue.lemma, pos: phrase ? 'ADP' : 'VERB', shape: 'word', cue, phrase });
      end = cue.end;
      continue;
    }
    units.push(token);
    end = token.end;
  }
  const next = quotes[firstEndingAfter(quotes, Math.max(s.end, end))];
  if (next && next.start >= Math.max(s.end, end) && next.start < s.end + 2) units.push(quoteUnit(next));
  const paragraph = article.paragraphs[s.paragraph];
  const found: SentenceUnits = { length: units.length, units, cueAt, paragraphStart: paragraph !== undefined && paragraph.start === s.start, firstWord: units.findIndex(isWord), hasQuote: units.some((u) => (u as Partial<SpanUnit>).kind === 'quote') };
  bySentence.set(s.index, found);
  return found;
}
