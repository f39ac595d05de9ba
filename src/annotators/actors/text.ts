/** Small text helpers shared by the actor matcher; all work on `article.norm`. */
import type { Article } from '../../corpus/types';

const WORD_CHAR = /[\p{L}\p{N}]/u;
const UPPER = /\p{Lu}/u;

// These run for nearly every character of the corpus (`ch` is one UTF-16 unit):
// ASCII is decided by its code, other characters go to the Unicode property regexes.
// The ASCII tests stay in this module: under tsx a call into another module goes through an export getter.
const isAsciiDigit = (code: number): boolean => code >= 48 && code <= 57;
const isAsciiUpper = (code: number): boolean => code >= 65 && code <= 90;
const isAsciiLower = (code: number): boolean => code >= 97 && code <= 122;

export function isWordChar(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const code = ch.charCodeAt(0);
  if (code < 128) return isAsciiDigit(code) || isAsciiUpper(code) || isAsciiLower(code);
  return WORD_CHAR.test(ch);
}

export function isUpper(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const code = ch.charCodeAt(0);
  if (code < 128) return isAsciiUpper(code);
  return UPPER.test(ch);
}

/** True when [start, end) is a whole word run: no letter or digit touches it on either side. */
export function atWordBoundaries(text: string, start: number, end: number): boolean {
  return !isWordChar(text[start - 1]) && !isWordChar(text[end]);
}

/** A word (a run of letters and digits) of a text, with its lower-case form. */
export interface Word {
  start: number;
  end: number;
  lower: string;
}

/** Every word of a text, in order: found once per article and shared by the phrase matchers. */
export function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  let pos = 0;
  while (pos < text.length) {
    while (pos < text.length && !isWordChar(text[pos])) pos++;
    const start = pos;
    while (pos < text.length && isWordChar(text[pos])) pos++;
    if (pos > start) words.push({ start, end: pos, lower: text.slice(start, pos).toLowerCase() });
  }
  return words;
}

/** The first word of a phrase ("U.S." -> "U"), lower-cased: the key phrases are indexed by. */
export function firstWordKey(phrase: string): string {
  const m = /^[\p{L}\p{N}]+/u.exec(phrase);
  return (m ? m[0] : phrase).toLowerCase();
}

export interface Token {
  text: string;
  start: number;
  end: number;
}

/** Words with their offsets, scanning backwards from `pos` (nearest first), at most `max`. */
export function wordsBefore(text: string, pos: number, max: number): Token[] {
  const out: Token[] = [];
  let i = pos;
  while (out.length < max) {
    while (i > 0 && !isWordChar(text[i - 1])) {
      // Stop at a sentence or clause break: context never crosses it.
      if (/[.!?;:\n()"]/.test(text[i - 1]!)) return out;
      i--;
    }
    if (i === 0) break;
    const end = i;
    while (i > 0 && isWordChar(text[i - 1])) i--;
    out.push({ text: text.slice(i, end), start: i, end });
  }
  return out;
}

/** Words with their offsets from `pos` onwards, at most `max`, stopping at a clause break. */
export function wordsAfter(text: string, pos: number, max: number): Token[] {
  const out: Token[] = [];
  let i = pos;
  while (out.length < max) {
    while (i < text.length && !isWordChar(text[i])) {
      if (/[.!?;:\n()"]/.test(text[i]!)) return out;
      i++;
    }
    if (i >= text.length) break;
    const start = i;
    while (i < text.length && isWordChar(text[i])) i++;
    out.push({ text: text.slice(start, i), start, end: i });
  }
  return out;
}

/** Index of the sentence holding offset `pos` (binary search; the nearest preceding one between sentences). */
export function sentenceIndexAt(article: Article, pos: number): number {
  const s = article.sentences;
  let lo = 0;
  let hi = s.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (s[mid]!.start <= pos) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return s[found]?.index ?? 0;
}

/**
 * A headline-cased sentence ("Beijing Says China and Russia Are Not Allies"): most
 * longer words capitalised. There a capital letter says nothing about proper names.
 */
export function isHeadlineCase(sentence: string): boolean {
  const words = sentence.match(/[\p{L}][\p{L}'-]{3,}/gu) ?? [];
  if (words.length < 3) return false;
  const capitalised = words.filter((w) => isUpper(w[0])).length;
  return capitalised / words.length >= 0.8;
}

/** Lower-case ASCII slug: "Josep Borrell" -> "josep-borrell", diacritics dropped. */
export function slugify(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
