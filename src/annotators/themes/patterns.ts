/**
 * Codebook patterns, compiled to finders over one sentence of `article.norm`.
 *
 * Syntax (one string per pattern):
 * - a word or phrase: `territorial integrity`. Case-insensitive, whole words only;
 *   between words any run of spaces, hyphens, dashes or double quotes matches, so
 *   `non-alliance` also finds "non alliance" and `monopolizing the definition`
 *   finds `"monopolizing" the definition`.
 * - globs inside words: `*` any letters/digits (`sanction*`), `?` exactly one.
 * - alternatives: `not allies|not an ally`.
 * - proximity: `sanction* NEAR/6 oppos*|condemn*`: the left side found with the right
 *   side at most 6 words away, before or after it; the match spans both. Words are
 *   counted on the text layer (tokens.ts: "China-Russia" and "China's" are one word).
 * - a regular expression: `/real\s+democracy/` (JavaScript, Unicode mode, always
 *   case-insensitive).
 * - text-layer atoms, in a word or phrase: `LEMMA:hold` is any word whose lemma (on
 *   the text layer) is "hold" ("held", "holds"); a part of speech after a slash
 *   narrows a word or lemma to the words the tagger reads so (`LEMMA:lie/NOUN` is
 *   "lies" the noun, not the verb). A term holding one is matched on the text layer's
 *   tokens, one token per word of the term (`LEMMA:hold China responsible`), with
 *   only separators between them; globs work in lemmas too (`LEMMA:threat*`).
 */
import type { Span } from '../../corpus/types';
import { nestedQuantifier } from './regex-safety';
import { regexPrefilter } from './regex-literals';
import { themeMessages } from '../../messages';
import { analyzeText, isWordToken, type PartOfSpeech, type Token, type TokenLayer } from '../../text';
import { forEachWord } from '../../text';

const WORD_CHAR = '[\\p{L}\\p{N}]';
/**
 * WORD_CHAR for texts whose letters and digits are all ASCII. Term regexes are
 * built with both: V8 takes about half a millisecond to compile each Unicode class
 * (a codebook's regexes hold hundreds), against microseconds for this one.
 */
const ASCII_WORD_CHAR = '[a-z0-9]';
/**
 * A letter or digit beyond ASCII, case-insensitively as the term regexes see it.
 * In a text where it finds none, ASCII_WORD_CHAR matches exactly what WORD_CHAR
 * matches under the same flags (a non-ASCII character either is case-equivalent to
 * an ASCII letter, and then both match it, or both do not), so both versions of a
 * term regex find the same matches there.
 */
const NON_ASCII_WORD_CHAR = new RegExp(`(?![\\0-\\x7f])${WORD_CHAR}`, 'iu');
/** What may separate the words of a phrase: spaces, hyphens, dashes, double quotes. */
const PHRASE_SEPARATOR = '[\\s"\\-\u2010-\u2015]+';
const NEAR = /^(.+?)\s+NEAR\/(\d+)\s+(.+)$/;

/** Messages about the text-layer atoms of a pattern. */
const patternMessages = {
  badPos: (tag: string) => `part of speech "${tag}" is not one the tagger gives; use one of ${PARTS_OF_SPEECH.join(', ')}`,
  emptyLemma: (term: string) => `term "${term}" has a LEMMA: with no letter or digit; write LEMMA:word`,
};

/** A word of a text with its offsets (see tokens.ts for what a word is). */
export interface Word extends Span {
  word: string;
}

/** Words of the layer's text in [from, to), offsets relative to `from`. */
export function wordsIn(layer: TokenLayer, from: number, to: number): Word[] {
  const found: Word[] = [];
  forEachWord(layer, from, to, (start, end) => found.push({ word: layer.text.slice(start, end), start: start - from, end: end - from }));
  return found;
}

/** Words of a text outside any article, from its own text layer (the text is tagged afresh). */
export function words(text: string): Word[] {
  return wordsIn(analyzeText(text), 0, text.length);
}

/** A text's words, or how to get them when first needed. */
export type WordSource = readonly Word[] | (() => readonly Word[]);

/** A text's tokens (offsets relative to it), or how to get them when first needed. */
export type TokenSource = readonly Token[] | (() => readonly Token[]);

/** A text being matched; what the patterns need of it is worked out on first use. */
export class PreparedText {
  private known: readonly Word[] | undefined;
  private readonly source: (() => readonly Word[]) | undefined;
  private knownTokens: readonly Token[] | undefined;
  private knownWordTokens: readonly Token[] | undefined;
  private readonly tokenSource: (() => readonly Token[]) | undefined;
  private layer: TokenLayer | undefined;
  private asciiOnly: boolean | undefined;

  /**
   * `wordsOf`, `tokensOf`: the text's words and tokens (from its article's text
   * layer, offsets relative to the text); by default the text is tagged on its own.
   */
  constructor(
    readonly text: string,
    wordsOf?: WordSource,
    tokensOf?: TokenSource,
  ) {
    if (typeof wordsOf === 'function') this.source = wordsOf;
    else this.known = wordsOf;
    if (typeof tokensOf === 'function') this.tokenSource = tokensOf;
    else this.knownTokens = tokensOf;
  }

  private ownLayer(): TokenLayer {
    return (this.layer ??= analyzeText(this.text));
  }

  /** The text's words (NEAR windows and negation count them). */
  get words(): readonly Word[] {
    return (this.known ??= this.source ? this.source() : wordsIn(this.ownLayer(), 0, this.text.length));
  }

  /** The text's tokens with lemmas and parts of speech (text-layer atoms read them). */
  get tokens(): readonly Token[] {
    return (this.knownTokens ??= this.tokenSource ? this.tokenSource() : this.ownLayer().tokens);
  }

  /** The word and number tokens of `tokens`. */
  get wordTokens(): readonly Token[] {
    return (this.knownWordTokens ??= this.tokens.filter(isWordToken));
  }

  /** True when the text's letters and digits are all ASCII (see NON_ASCII_WORD_CHAR). */
  get asciiLettersOnly(): boolean {
    return (this.asciiOnly ??= !NON_ASCII_WORD_CHAR.test(this.text));
  }
}

/**
 * What a text must contain, lower-cased, for a pattern to possibly match: every
 * requirement must be met, and a requirement (the terms of one alternation) is met
 * when the text holds all the literal words of one of its terms. A pattern without
 * requirements (a regular expression needing no literal: regex-literals.ts) is always tried.
 */
export type Prefilter = readonly (readonly (readonly string[])[])[];

/**
 * Where a pattern matches; a proximity match also tells where its two sides are
 * (`anchor` the left side, `cue` the right), so negation is read before the anchor
 * and never in the cue ("Russia has not provoked" is negated, "not adding fuel" is not).
 */
export interface PatternMatch extends Span {
  anchor?: Span;
  cue?: Span;
}

export interface CompiledPattern {
  /** The pattern as written in the codebook. */
  source: string;
  kind: 'term' | 'regex' | 'near';
  prefilter: Prefilter;
  /** Spans where the pattern matches, for a text whose caller has checked `prefilter` already. */
  spansIn(text: PreparedText): PatternMatch[];
  /**
   * Spans (relative to `text`) where the pattern matches; `tokens` are its words
   * (`wordsIn` its article's layer, or `words(text)`), `layerTokens` its text-layer
   * tokens (by default, when a text-layer atom needs them, the text is tagged on its own).
   */
  find(text: string, tokens: WordSource, layerTokens?: TokenSource): Span[];
}

function escapeRegex(ch: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(ch) ? `\\${ch}` : ch;
}

/** Regex source for one word or phrase with globs, `wordChar` being WORD_CHAR or ASCII_WORD_CHAR. */
function termSource(term: string, wordChar: string): string {
  const tokens = term.trim().split(/[\s\-\u2010-\u2015]+/).filter(Boolean);
  if (tokens.length === 0) throw new Error(themeMessages.emptyPattern());
  // "comprehensive * partnership" is fine; a term of wildcards alone would match every word.
  if (!tokens.some((tok) => /[\p{L}\p{N}]/u.test(tok))) throw new Error(themeMessages.badGlob(term));
  for (const tok of tokens) if (!/[\p{L}\p{N}]/u.test(tok) && tok !== '*') throw new Error(themeMessages.badGlob(term));
  const body = tokens
    .map((tok) =>
      tok === '*'
        ? `${wordChar}+`
        : [...tok].map((ch) => (ch === '*' ? `${wordChar}*` : ch === '?' ? wordChar : escapeRegex(ch))).join(''),
    )
    .join(PHRASE_SEPARATOR);
  // Boundaries only where the pattern begins/ends with a word character ("U.N." ends with a dot).
  const first = tokens[0]!;
  const last = tokens[tokens.length - 1]!;
  const lead = /^[\p{L}\p{N}*?]/u.test(first) ? `(?<!${wordChar})` : '';
  const trail = /[\p{L}\p{N}*?]$/u.test(last) ? `(?!${wordChar})` : '';
  return `${lead}(?:${body})${trail}`;
}

/**
 * An alternation of plain terms `a|b c|d*` as one regex, in the version a text needs:
 * the ASCII one where it matches alike, else the Unicode one, built on first need.
 */
class AlternationRegex {
  private readonly ascii: RegExp;
  private unicode: RegExp | undefined;

  constructor(private readonly terms: readonly string[]) {
    this.ascii = this.build(ASCII_WORD_CHAR);
  }

  private build(wordChar: string): RegExp {
    return new RegExp(this.terms.map((term) => termSource(term, wordChar)).join('|'), 'giu');
  }

  for(text: PreparedText): RegExp {
    return text.asciiLettersOnly ? this.ascii : (this.unicode ??= this.build(WORD_CHAR));
  }
}

const PARTS_OF_SPEECH: readonly PartOfSpeech[] = ['ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART', 'PRON', 'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB', 'X'];
const LEMMA_PREFIX = 'LEMMA:';
/** A part of speech after the last slash of a word: `lie/NOUN`. */
const POS_SUFFIX = /^(.*[^/])\/([A-Z]+)$/;
/** What may stand between the tokens of a text-layer term: separators, as in a phrase. */
const TOKEN_GAP = /^[\s"\-\u2010-\u2015]+$/u;

/** One word of a text-layer term: a glob on the token's text or lemma (or the word itself, lower-cased, without globs), and a part of speech. */
interface Atom {
  lemma: boolean;
  glob: RegExp;
  exact: string | undefined;
  pos: PartOfSpeech | undefined;
}

/** The words of a term, as written (split where a phrase's words are). */
const termWords = (term: string) => term.trim().split(/[\s\-\u2010-\u2015]+/).filter(Boolean);

/** True when a term holds a text-layer atom (`LEMMA:…` or a word with `/POS`). */
function isTokenTerm(term: string): boolean {
  return termWords(term).some((w) => w.startsWith(LEMMA_PREFIX) || POS_SUFFIX.test(w));
}

function parseAtom(word: string, term: string): Atom {
  let body = word;
  let pos: PartOfSpeech | undefined;
  const suffix = POS_SUFFIX.exec(body);
  if (suffix) {
    if (!PARTS_OF_SPEECH.includes(suffix[2] as PartOfSpeech)) throw new Error(patternMessages.badPos(suffix[2]!));
    body = suffix[1]!;
    pos = suffix[2] as PartOfSpeech;
  }
  const lemma = body.startsWith(LEMMA_PREFIX);
  if (lemma) body = body.slice(LEMMA_PREFIX.length);
  if (!/[\p{L}\p{N}]/u.test(body)) throw new Error(lemma ? patternMessages.emptyLemma(term) : themeMessages.badGlob(term));
  const source = [...body].map((ch) => (ch === '*' ? `${WORD_CHAR}*` : ch === '?' ? WORD_CHAR : escapeRegex(ch))).join('');
  const exact = /[*?]/.test(body) ? undefined : body.toLowerCase();
  return { lemma, glob: new RegExp(`^(?:${source})$`, 'iu'), exact, pos };
}

function atomMatches(atom: Atom, token: Token): boolean {
  if (atom.pos !== undefined && token.pos !== atom.pos) return false;
  // Lemmas are lower-cased on the text layer; `lower` is the token's text lower-cased.
  if (atom.exact !== undefined) return (atom.lemma ? token.lemma : token.lower) === atom.exact;
  return atom.glob.test(atom.lemma ? token.lemma : token.text);
}

/**
 * Where a text-layer term matches: a run of word tokens, one per atom, with only
 * separators between them; matches do not overlap (the leftmost first, as a regex finds them).
 */
function tokenTermSpans(atoms: readonly Atom[], text: PreparedText): Span[] {
  const wordTokens = text.wordTokens;
  const spans: Span[] = [];
  for (let k = 0; k + atoms.length <= wordTokens.length; k++) {
    let ok = atomMatches(atoms[0]!, wordTokens[k]!);
    for (let a = 1; ok && a < atoms.length; a++) {
      const previous = wordTokens[k + a - 1]!;
      const next = wordTokens[k + a]!;
      ok = TOKEN_GAP.test(text.text.slice(previous.end, next.start)) && atomMatches(atoms[a]!, next);
    }
    if (!ok) continue;
    spans.push({ start: wordTokens[k]!.start, end: wordTokens[k + atoms.length - 1]!.end });
    k += atoms.length - 1;
  }
  return spans;
}

/**
 * An alternation of terms `a|b c|LEMMA:d`: the plain terms as one regex, the
 * text-layer ones on the text's tokens. Its spans are in text order.
 */
class Alternation {
  private readonly regex: AlternationRegex | undefined;
  private readonly tokenTerms: Atom[][];

  constructor(terms: readonly string[]) {
    if (terms.some((t) => t === '')) throw new Error(themeMessages.emptyPattern());
    const plain = terms.filter((t) => !isTokenTerm(t));
    this.regex = plain.length > 0 ? new AlternationRegex(plain) : undefined;
    this.tokenTerms = terms.filter(isTokenTerm).map((t) => termWords(t).map((w) => parseAtom(w, t)));
  }

  spans(text: PreparedText): Span[] {
    const spans = this.regex ? allSpans(this.regex.for(text), text.text) : [];
    if (this.tokenTerms.length === 0) return spans;
    for (const atoms of this.tokenTerms) spans.push(...tokenTermSpans(atoms, text));
    return spans.sort((a, b) => a.start - b.start || b.end - a.end);
  }
}

function alternation(alternatives: string): Alternation {
  return new Alternation(alternatives.split('|').map((t) => t.trim()));
}

/**
 * What each term of an alternation needs literally ("not an ally|sanction*" →
 * [["not", "an", "ally"], ["sanction"]]): the lower-cased literal start of every word,
 * one-letter ones left out. A sentence lacking every word of every term cannot match,
 * and its regex is not run: most patterns never touch most sentences. A lemma needs
 * no literal (a word's lemma need not be written in it: "held" is LEMMA:hold).
 */
function literalWords(alternatives: string): string[][] {
  return alternatives.split('|').map((term) =>
    termWords(term)
      .filter((word) => !word.startsWith(LEMMA_PREFIX))
      .map((word) => /^[^*?]*/.exec(word.replace(POS_SUFFIX, '$1'))![0].toLowerCase())
      .filter((literal) => literal.length >= 2),
  );
}

let lastText = '';
let lastLower = '';
/** `text.toLowerCase()`, computed once per sentence for all the patterns tried on it. */
function lowerOf(text: string): string {
  if (text !== lastText) [lastText, lastLower] = [text, text.toLowerCase()];
  return lastLower;
}

function meetsPrefilter(prefilter: Prefilter, text: string): boolean {
  const lower = lowerOf(text);
  return prefilter.every((terms) => terms.some((words) => words.every((w) => lower.includes(w))));
}

/** A compiled pattern from its matcher; `find` checks the prefilter first. */
function compiled(source: string, kind: CompiledPattern['kind'], prefilter: Prefilter, spansIn: (text: PreparedText) => PatternMatch[]): CompiledPattern {
  return {
    source,
    kind,
    prefilter,
    spansIn,
    find: (text, tokens, layerTokens) => (meetsPrefilter(prefilter, text) ? spansIn(new PreparedText(text, tokens, layerTokens)) : []),
  };
}

/** The non-empty matches of a global regex, as `text.matchAll(regex)` finds them (without cloning the regex). */
function allSpans(regex: RegExp, text: string): Span[] {
  const spans: Span[] = [];
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
    if (m[0].length > 0) spans.push({ start: m.index, end: regex.lastIndex });
    // Step over an empty match (a whole code point, the regexes being Unicode) as matchAll does.
    else regex.lastIndex = m.index + (text.codePointAt(m.index)! > 0xffff ? 2 : 1);
  }
  return spans;
}

/** Index of the first token starting at or after `offset`. */
function tokenAt(tokens: readonly Word[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Words strictly between two non-overlapping spans; undefined when they overlap. */
export function wordsBetween(a: Span, b: Span, tokens: readonly Word[]): number | undefined {
  const [first, second] = a.start <= b.start ? [a, b] : [b, a];
  if (first.end > second.start) return undefined;
  return tokenAt(tokens, second.start) - tokenAt(tokens, first.end);
}

function compileNear(source: string, left: string, window: number, right: string): CompiledPattern {
  const anchors = alternation(left);
  const cues = alternation(right);
  return compiled(source, 'near', [literalWords(left), literalWords(right)], (prepared) => {
    const anchorSpans = anchors.spans(prepared);
    if (anchorSpans.length === 0) return [];
    const cueSpans = cues.spans(prepared);
    if (cueSpans.length === 0) return [];
    const tokens = prepared.words;
    const out: PatternMatch[] = [];
    for (const anchor of anchorSpans) {
      // The nearest cue (ties: the earlier one) makes the match.
      let best: { span: Span; gap: number } | undefined;
      for (const cue of cueSpans) {
        const gap = wordsBetween(anchor, cue, tokens);
        if (gap !== undefined && gap <= window && (!best || gap < best.gap)) best = { span: cue, gap };
      }
      if (best) out.push({ start: Math.min(anchor.start, best.span.start), end: Math.max(anchor.end, best.span.end), anchor, cue: best.span });
    }
    return out;
  });
}

/** Compiles a pattern; throws an Error with a readable message when it is malformed. */
export function compilePattern(source: string): CompiledPattern {
  const trimmed = source.trim();
  if (trimmed === '') throw new Error(themeMessages.emptyPattern());
  const regexForm = /^\/(.+)\/([a-z]*)$/s.exec(trimmed);
  if (regexForm) {
    let regex: RegExp;
    try {
      const flags = new Set([...regexForm[2]!, 'g', 'i', 'u']);
      regex = new RegExp(regexForm[1]!, [...flags].join(''));
    } catch (e) {
      throw new Error(themeMessages.badRegex((e as Error).message));
    }
    if (regex.test('')) throw new Error(themeMessages.emptyRegex());
    const nested = nestedQuantifier(regexForm[1]!, regex.flags);
    if (nested) throw new Error(themeMessages.catastrophicRegex(trimmed, nested));
    return compiled(source, 'regex', regexPrefilter(regexForm[1]!, regex.flags), (prepared) => allSpans(regex, prepared.text));
  }
  const near = NEAR.exec(trimmed);
  if (near) {
    if (/\bNEAR\//.test(near[3]!)) throw new Error(themeMessages.badNear('has more than one NEAR; write one proximity pattern per line'));
    const window = Number(near[2]);
    if (!Number.isSafeInteger(window) || window > 50) throw new Error(themeMessages.badNear(`window ${near[2]} is not a whole number up to 50`));
    return compileNear(source, near[1]!, window, near[3]!);
  }
  if (/\bNEAR\b/.test(trimmed)) throw new Error(themeMessages.badNear('is incomplete'));
  const terms = alternation(trimmed);
  return compiled(source, 'term', [literalWords(trimmed)], (prepared) => terms.spans(prepared));
}

/** The problem with a pattern, or undefined when it compiles (for validation messages). */
export function patternProblem(source: string): string | undefined {
  try {
    compilePattern(source);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}
