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
 *   side at most 6 words away, before or after it; the match spans both.
 * - a regular expression: `/real\s+democracy/` (JavaScript, Unicode mode, always
 *   case-insensitive).
 */
import type { Span } from '../../corpus/types';
import { themeMessages } from '../../messages';

const WORD_CHAR = '[\\p{L}\\p{N}]';
const BEFORE_WORD = '(?<![\\p{L}\\p{N}])';
const AFTER_WORD = '(?![\\p{L}\\p{N}])';
/** What may separate the words of a phrase: spaces, hyphens, dashes, double quotes. */
const PHRASE_SEPARATOR = '[\\s"\\-\u2010-\u2015]+';
const NEAR = /^(.+?)\s+NEAR\/(\d+)\s+(.+)$/;

/** Word tokens of a text (letters/digits with inner apostrophes), with offsets. */
export interface Word extends Span {
  word: string;
}

const WORD = /[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu;

export function words(text: string): Word[] {
  return [...text.matchAll(WORD)].map((m) => ({ word: m[0], start: m.index, end: m.index + m[0].length }));
}

export interface CompiledPattern {
  /** The pattern as written in the codebook. */
  source: string;
  kind: 'term' | 'regex' | 'near';
  /** Spans (relative to `text`) where the pattern matches; `tokens` are `words(text)`. */
  find(text: string, tokens: readonly Word[]): Span[];
}

function escapeRegex(ch: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(ch) ? `\\${ch}` : ch;
}

/** Regex source for one word or phrase with globs. */
function termSource(term: string): string {
  const tokens = term.trim().split(/[\s\-\u2010-\u2015]+/).filter(Boolean);
  if (tokens.length === 0) throw new Error(themeMessages.emptyPattern());
  // "comprehensive * partnership" is fine; a term of wildcards alone would match every word.
  if (!tokens.some((tok) => /[\p{L}\p{N}]/u.test(tok))) throw new Error(themeMessages.badGlob(term));
  for (const tok of tokens) if (!/[\p{L}\p{N}]/u.test(tok) && tok !== '*') throw new Error(themeMessages.badGlob(term));
  const body = tokens
    .map((tok) =>
      tok === '*'
        ? `${WORD_CHAR}+`
        : [...tok].map((ch) => (ch === '*' ? `${WORD_CHAR}*` : ch === '?' ? WORD_CHAR : escapeRegex(ch))).join(''),
    )
    .join(PHRASE_SEPARATOR);
  // Boundaries only where the pattern begins/ends with a word character ("U.N." ends with a dot).
  const first = tokens[0]!;
  const last = tokens[tokens.length - 1]!;
  const lead = /^[\p{L}\p{N}*?]/u.test(first) ? BEFORE_WORD : '';
  const trail = /[\p{L}\p{N}*?]$/u.test(last) ? AFTER_WORD : '';
  return `${lead}(?:${body})${trail}`;
}

/** An alternation of terms `a|b c|d*` as one regex. */
function alternationRegex(alternatives: string): RegExp {
  const parts = alternatives.split('|').map((t) => t.trim());
  if (parts.some((p) => p === '')) throw new Error(themeMessages.emptyPattern());
  return new RegExp(parts.map(termSource).join('|'), 'giu');
}

/**
 * What each term of an alternation needs literally ("not an ally|sanction*" →
 * [["not", "an", "ally"], ["sanction"]]): the lower-cased literal start of every word,
 * one-letter ones left out. A sentence lacking every word of every term cannot match,
 * and its regex is not run: most patterns never touch most sentences.
 */
function literalWords(alternatives: string): string[][] {
  return alternatives.split('|').map((term) =>
    term
      .trim()
      .split(/[\s\-\u2010-\u2015]+/)
      .map((word) => /^[^*?]*/.exec(word)![0].toLowerCase())
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

function mayContain(terms: string[][], text: string): boolean {
  const lower = lowerOf(text);
  return terms.some((words) => words.every((w) => lower.includes(w)));
}

function allSpans(regex: RegExp, text: string): Span[] {
  const spans: Span[] = [];
  regex.lastIndex = 0;
  for (const m of text.matchAll(regex)) if (m[0].length > 0) spans.push({ start: m.index, end: m.index + m[0].length });
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
  const anchors = alternationRegex(left);
  const cues = alternationRegex(right);
  const anchorStarts = literalWords(left);
  const cueStarts = literalWords(right);
  return {
    source,
    kind: 'near',
    find(text, tokens) {
      if (!mayContain(anchorStarts, text) || !mayContain(cueStarts, text)) return [];
      const cueSpans = allSpans(cues, text);
      const out: Span[] = [];
      for (const anchor of allSpans(anchors, text)) {
        // The nearest cue (ties: the earlier one) makes the match.
        let best: { span: Span; gap: number } | undefined;
        for (const cue of cueSpans) {
          const gap = wordsBetween(anchor, cue, tokens);
          if (gap !== undefined && gap <= window && (!best || gap < best.gap)) best = { span: cue, gap };
        }
        if (best) out.push({ start: Math.min(anchor.start, best.span.start), end: Math.max(anchor.end, best.span.end) });
      }
      return out;
    },
  };
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
    return { source, kind: 'regex', find: (text) => allSpans(regex, text) };
  }
  const near = NEAR.exec(trimmed);
  if (near) {
    if (/\bNEAR\//.test(near[3]!)) throw new Error(themeMessages.badNear('has more than one NEAR; write one proximity pattern per line'));
    const window = Number(near[2]);
    if (!Number.isSafeInteger(window) || window > 50) throw new Error(themeMessages.badNear(`window ${near[2]} is not a whole number up to 50`));
    return compileNear(source, near[1]!, window, near[3]!);
  }
  if (/\bNEAR\b/.test(trimmed)) throw new Error(themeMessages.badNear('is incomplete'));
  const regex = alternationRegex(trimmed);
  const starts = literalWords(trimmed);
  return { source, kind: 'term', find: (text) => (mayContain(starts, text) ? allSpans(regex, text) : []) };
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
