import { z } from 'zod';
import { dataPath, loadYaml } from '../data';
import type { Article, Sentence, Span } from './types';

const abbreviationsSchema = z
  .object({
    version: z.union([z.string(), z.number()]),
    titles: z.array(z.string().min(1)),
    acronyms: z.array(z.string().min(1)),
    sentence_starters: z.array(z.string().min(1)),
  })
  .strict();

export interface Abbreviations {
  titles: Set<string>;
  acronyms: Set<string>;
  starters: Set<string>;
}

let defaultAbbreviations: Abbreviations | undefined;

/** Loads the abbreviation lists (default: the kit's own `corpus/abbreviations.yaml`). */
export function loadAbbreviations(file = dataPath('corpus/abbreviations.yaml')): Abbreviations {
  const spec = loadYaml(file, abbreviationsSchema);
  const lower = (xs: string[]) => new Set(xs.map((x) => x.toLowerCase()));
  return { titles: lower(spec.titles), acronyms: lower(spec.acronyms), starters: new Set(spec.sentence_starters) };
}

function abbreviations(): Abbreviations {
  return (defaultAbbreviations ??= loadAbbreviations());
}

const CLOSERS = new Set(['"', "'", ')', ']', '”', '’']);
const TERMINALS = new Set(['.', '!', '?', '…']);
/** The next terminal, found by a regular expression search rather than a look at each character (most are none). */
const TERMINAL_SEARCH = new RegExp(`[${[...TERMINALS].map((c) => c.replace(/[\\\]^-]/g, '\\$&')).join('')}]`, 'g');

/** The word ending just before position `dot` (without the dot), e.g. "U.S" or "Feb". */
function wordBefore(norm: string, dot: number, floor: number): string {
  let i = dot;
  while (i > floor && /[\p{L}\p{N}.]/u.test(norm[i - 1]!)) i--;
  return norm.slice(i, dot);
}

function nextWord(norm: string, from: number, end: number): string {
  const m = /^["'(\[]?([\p{L}\p{N}]+)/u.exec(norm.slice(from, Math.min(end, from + 40)));
  return m ? m[1]! : '';
}

/**
 * Sentence spans inside [start, end) of a paragraph, using the matching form `norm`.
 * A sentence ends at . ! ? … (with any closing quotes or brackets) followed by a space
 * and a capital, digit or opening quote; abbreviations and initials do not end one.
 * The paragraph end always ends a sentence, so headlines need no final period.
 * Leading and trailing spaces are never part of a sentence; no other character is lost.
 */
export function splitSentences(norm: string, start: number, end: number, abbr: Abbreviations = abbreviations()): Span[] {
  const spans: Span[] = [];
  let sentenceStart = start;
  const terminal = new RegExp(TERMINAL_SEARCH); // own lastIndex per call
  for (let i = start; i < end; i++) {
    terminal.lastIndex = i;
    const found = terminal.exec(norm);
    if (!found || found.index >= end) break;
    i = found.index;
    const c = found[0];
    let j = i + 1;
    while (j < end && (TERMINALS.has(norm[j]!) || CLOSERS.has(norm[j]!))) j++;
    if (j >= end || !/\s/.test(norm[j]!)) continue;
    let k = j;
    while (k < end && /\s/.test(norm[k]!)) k++;
    if (k >= end) break;
    const next = norm[k]!;
    if (!/[\p{Lu}\p{N}"'(\[“‘]/u.test(next)) continue;
    if (c === '.' && j === i + 1) {
      const word = wordBefore(norm, i, sentenceStart);
      const lower = word.toLowerCase();
      if (abbr.titles.has(lower)) continue;
      if (/^\p{Lu}$/u.test(word)) continue; // an initial: "John F. Kennedy"
      if ((abbr.acronyms.has(lower) || /^(\p{L}\.)+\p{L}$/u.test(word)) && !abbr.starters.has(nextWord(norm, k, end))) continue;
    }
    spans.push({ start: sentenceStart, end: j });
    sentenceStart = k;
    i = k - 1;
  }
  let tail = end;
  while (tail > sentenceStart && /\s/.test(norm[tail - 1]!)) tail--;
  if (tail > sentenceStart) spans.push({ start: sentenceStart, end: tail });
  return spans;
}

/** The sentence holding an offset: the last one starting at or before it (the first when the offset comes before all). Binary search. */
export function sentenceAt(article: Pick<Article, 'sentences'>, offset: number): Sentence {
  const { sentences } = article;
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid]!.start <= offset) lo = mid + 1;
    else hi = mid;
  }
  return sentences[Math.max(0, lo - 1)]!;
}
