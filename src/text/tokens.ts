/**
 * The text layer: every token of a text with its character offsets, lower-case form,
 * lemma and part of speech. It is the kit's one definition of a word: the actor,
 * statement and theme annotators and keyness all read it. Built once per article
 * (`tokensOf`), on `article.norm`, whose offsets are the article text's.
 */
import type { Article } from '../corpus/types';
import { tag } from './tagger';

/** Universal Dependencies part-of-speech tags, as the tagger gives them. */
export type PartOfSpeech =
  | 'ADJ' | 'ADP' | 'ADV' | 'AUX' | 'CCONJ' | 'DET' | 'INTJ' | 'NOUN' | 'NUM' | 'PART'
  | 'PRON' | 'PROPN' | 'PUNCT' | 'SCONJ' | 'SYM' | 'VERB' | 'X';

/** What a token is made of: letters or digits first (`word`, `number`), or neither (`punct`, `symbol`). */
export type TokenShape = 'word' | 'number' | 'punct' | 'symbol';

export interface Token {
  /** Index in the layer. */
  index: number;
  start: number;
  end: number;
  /** `text.slice(start, end)`. */
  text: string;
  lower: string;
  lemma: string;
  pos: PartOfSpeech;
  shape: TokenShape;
}

/** The tokens of one text, in order; whitespace is not a token. */
export interface TokenLayer {
  text: string;
  tokens: Token[];
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]/u;
const LETTER = /^['’]?\p{L}/u;
const POS = new Set<string>(['ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART', 'PRON', 'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB', 'X']);

const PUNCTUATION = /^\p{P}/u;

function shapeOf(text: string): TokenShape {
  const c = text.charCodeAt(0);
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) return 'word';
  if (c >= 48 && c <= 57) return 'number';
  if (LETTER.test(text)) return 'word';
  if (LETTER_OR_DIGIT.test(text)) return 'number';
  return PUNCTUATION.test(text) ? 'punct' : 'symbol';
}

/**
 * Tokens of `text`. The tagger's tokens, in order, reproduce the text with white
 * space between them, so each is found where the last one ended (skipping white
 * space); a token that is not there is looked for ahead, so an offset always slices
 * back to its token.
 */
export function analyzeText(text: string): TokenLayer {
  const tagged = tag(text);
  const tokens: Token[] = [];
  const push = (start: number, end: number, value: string, tag: string, lemma: string): void => {
    const lower = value.toLowerCase();
    tokens.push({
      index: tokens.length,
      start,
      end,
      text: value,
      lower,
      lemma: lemma === value ? lower : lemma.toLowerCase(),
      pos: (POS.has(tag) ? tag : 'X') as PartOfSpeech,
      shape: shapeOf(value),
    });
  };
  let pos = 0;
  for (let i = 0; i < tagged.values.length; i++) {
    const value = tagged.values[i]!;
    if (value.trim() === '') continue;
    while (pos < text.length && isSpace(text.charCodeAt(pos))) pos++;
    if (!text.startsWith(value, pos)) {
      const found = text.indexOf(value, pos);
      if (found < 0) continue;
      pos = found;
    }
    const start = pos;
    pos += value.length;
    const tag = tagged.pos[i]!;
    const lemma = tagged.lemmas[i] ?? value;
    // "U" "." "S." after a hyphen ("China-U.S."): the tagger's pieces of one dotted abbreviation, made one token again.
    const last = tokens.at(-1);
    if (last && last.end === start && text[last.start - 1] === '-' && DOTTED_PIECE.test(value) && /^(?:\p{Lu}\.)*\p{Lu}\.?$/u.test(last.text)) {
      tokens.pop();
      const merged = text.slice(last.start, pos);
      push(last.start, pos, merged, 'PROPN', merged);
      continue;
    }
    // The tagger keeps some hyphenated words whole ("pro-Russian", "anti-Russian") and splits others
    // ("state-run", "China-Russia"): a hyphen between letters is always a token of its own here, so a
    // word after a hyphen always starts a token. Glued words (words.ts) join the parts again.
    if (value.length > 2 && value.includes('-') && HYPHEN_INSIDE.test(value)) {
      let from = start;
      for (const m of value.matchAll(/-/g)) {
        const at = start + m.index;
        if (at === start || at === pos - 1) continue;
        const part = text.slice(from, at);
        push(from, at, part, tag, part);
        push(at, at + 1, '-', 'PUNCT', '-');
        from = at + 1;
      }
      const part = text.slice(from, pos);
      push(from, pos, part, tag, from === start ? lemma : part);
      continue;
    }
    push(start, pos, value, tag, lemma);
  }
  return { text, tokens };
}

/** White space between tokens: what String.prototype.trim removes, by code (the ASCII ones first). */
function isSpace(code: number): boolean {
  if (code === 32 || (code >= 9 && code <= 13)) return true;
  if (code < 128) return false;
  return WHITE_SPACE.test(String.fromCharCode(code));
}
const WHITE_SPACE = /^\s$/u;

/** A letter between hyphens inside one token of the tagger: "pro-Russian", "e-mail". */
const HYPHEN_INSIDE = /\p{L}-\p{L}/u;
/** A piece of a dotted abbreviation: ".", "S.", "S". */
const DOTTED_PIECE = /^(?:\.|\p{Lu}\.?)$/u;

const layers = new WeakMap<Article, TokenLayer>();

/** The article's text layer, built on first use and kept with the article. */
export function tokensOf(article: Article): TokenLayer {
  let layer = layers.get(article);
  if (!layer) layers.set(article, (layer = analyzeText(article.norm)));
  return layer;
}

/** Index of the first of `spans` (in order, not overlapping) ending after `offset`; `spans.length` if none. Binary search. */
export function firstEndingAfter(spans: readonly { end: number }[], offset: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first token ending after `offset` (the token holding it, or the next); `tokens.length` if none. */
export function tokenIndexAt(layer: TokenLayer, offset: number): number {
  return firstEndingAfter(layer.tokens, offset);
}

/** The tokens lying wholly inside [from, to). */
export function tokensIn(layer: TokenLayer, from: number, to: number): Token[] {
  const out: Token[] = [];
  for (let i = tokenIndexAt(layer, from); i < layer.tokens.length; i++) {
    const token = layer.tokens[i]!;
    if (token.start >= to) break;
    if (token.start >= from && token.end <= to) out.push(token);
  }
  return out;
}

/** A word or number token (not punctuation or a symbol). */
export const isWordToken = (t: Token): boolean => t.shape === 'word' || t.shape === 'number';

/** True when a token starts at `offset`. */
export function startsToken(layer: TokenLayer, offset: number): boolean {
  return layer.tokens[tokenIndexAt(layer, offset)]?.start === offset;
}

/** True when a token ends at `offset`. */
export function endsToken(layer: TokenLayer, offset: number): boolean {
  return offset > 0 && layer.tokens[tokenIndexAt(layer, offset - 1)]?.end === offset;
}

/** Punctuation that ends a clause: context read word by word never crosses it. */
const CLAUSE_BREAK = /^[.!?;:()"“”\[\]]$/;

/** Word tokens before `offset`, nearest first, at most `max`, stopping at a clause break or a line break. */
export function wordsBefore(layer: TokenLayer, offset: number, max: number): Token[] {
  const out: Token[] = [];
  let boundary = offset;
  for (let i = tokenIndexAt(layer, offset) - 1; i >= 0 && out.length < max; i--) {
    const t = layer.tokens[i]!;
    if (t.end > offset) continue;
    if (layer.text.slice(t.end, boundary).includes('\n') || CLAUSE_BREAK.test(t.text)) break;
    if (isWordToken(t)) out.push(t);
    boundary = t.start;
  }
  return out;
}

/** Word tokens from `offset` on, at most `max`, stopping at a clause break or a line break. */
export function wordsAfter(layer: TokenLayer, offset: number, max: number): Token[] {
  const out: Token[] = [];
  let boundary = offset;
  for (let i = tokenIndexAt(layer, offset); i < layer.tokens.length && out.length < max; i++) {
    const t = layer.tokens[i]!;
    if (t.start < offset) continue;
    if (layer.text.slice(boundary, t.start).includes('\n') || CLAUSE_BREAK.test(t.text)) break;
    if (isWordToken(t)) out.push(t);
    boundary = t.end;
  }
  return out;
}
