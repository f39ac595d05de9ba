/**
 * Codes an article's sentences against a codebook: one ThemeMatch per coded match.
 *
 * Matching runs on `article.norm` (curly quotes straightened, same offsets as the
 * text), sentence by sentence, so a match never spans two sentences. Scare quotes
 * are ignored on purpose: `China's "no limits" partnership` is coded as the
 * partnership theme, because a label in quotes is still the rhetoric being
 * reported; the matched span leaves the quote marks out.
 */
import { normalizeForMatching } from '../../corpus/normalize';
import type { Article, Span } from '../../corpus/types';
import { sentenceAt } from '../../corpus/segment';
import type { Statement, ThemeMatch } from '../types';
import { compiledThemes, type Codebook, type Theme } from './codebook';
import { PrefilterIndex } from './prefilter';
import { lowerBound } from '../positions';
import { tokensIn, tokensOf, type Token } from '../../text';
import { PreparedText, wordsIn, type CompiledPattern, type PatternMatch, type TokenSource, type WordSource } from './patterns';

/** One theme match within a text, before it is placed in an article. */
export interface TextMatch extends Span {
  theme: string;
  pattern: string;
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Punctuation that closes a clause: a negation's scope never reaches across it. */
const CLAUSE_BREAK = /[.,;:!?()[\]\u2013\u2014]|--/;
/** Words opening a clause of their own: "no talks, but peace" negates the talks only. */
const CLAUSE_OPENERS = new Set(['but', 'while', 'whereas', 'although', 'though', 'yet']);

/**
 * True when a negator (`codebook.negators`, or a word ending in "n't" when "n't" is
 * one) stands among the `negationWindow` words before the match in its clause: the
 * words are counted on the text layer back from the match (a proximity match: from
 * its anchor, its cue's own words passed over), and the scope stops at a clause
 * break (punctuation such as , ; : . or a dash, or "but", "while", …). "Not only"
 * negates nothing.
 */
function negated(match: PatternMatch, text: PreparedText, codebook: Codebook): boolean {
  const words = text.words;
  const from = match.anchor?.start ?? match.start;
  const cue = match.cue;
  let i = words.findIndex((w) => w.end > from);
  if (i < 0) i = words.length;
  let boundary = from;
  for (let k = i - 1, counted = 0; k >= 0 && counted < codebook.negationWindow; k--) {
    const w = words[k]!;
    if (CLAUSE_BREAK.test(text.text.slice(w.end, boundary))) return false;
    boundary = w.start;
    if (cue && cue.start <= w.start && w.end <= cue.end) continue;
    counted++;
    const word = w.word.toLowerCase();
    if (CLAUSE_OPENERS.has(word)) return false;
    const isNegator = codebook.negators.includes(word) || (codebook.negators.includes("n't") && word.endsWith("n't"));
    if (isNegator && words[k + 1]?.word.toLowerCase() !== 'only') return true;
  }
  return false;
}

/** A pattern with its position in the codebook's prefilter index. */
interface IndexedPattern {
  pattern: CompiledPattern;
  id: number;
}

interface IndexedTheme {
  theme: Theme;
  patterns: IndexedPattern[];
  exclude: IndexedPattern[];
}

/**
 * The codebook compiled for coding many sentences: one scan of a sentence tells
 * which patterns it may match, and only those run their regexes.
 */
interface CodebookIndex {
  prefilters: PrefilterIndex;
  themes: IndexedTheme[];
  /** Position of each theme id in the codebook, to order matches starting together. */
  order: Map<string, number>;
}

const indexCache = new WeakMap<Codebook, CodebookIndex>();

function codebookIndex(codebook: Codebook): CodebookIndex {
  let index = indexCache.get(codebook);
  if (index) return index;
  const all: CompiledPattern[] = [];
  const indexed = (pattern: CompiledPattern): IndexedPattern => ({ pattern, id: all.push(pattern) - 1 });
  const themes = compiledThemes(codebook).map((c) => ({ theme: c.theme, patterns: c.patterns.map(indexed), exclude: c.exclude.map(indexed) }));
  index = { prefilters: new PrefilterIndex(all.map((p) => p.prefilter)), themes, order: new Map(codebook.themes.map((t, i) => [t.id, i])) };
  indexCache.set(codebook, index);
  return index;
}

const NO_MATCHES: readonly TextMatch[] = Object.freeze([]);

/**
 * One theme's matches in one sentence: excluded and negated ones dropped, overlaps
 * resolved. `mayMatch` flags the patterns (by id) whose prefilter the sentence meets.
 */
function themeMatches(text: PreparedText, mayMatch: Uint8Array, indexed: IndexedTheme, codebook: Codebook): readonly TextMatch[] {
  const { theme, patterns } = indexed;
  // Most themes have no open pattern in a sentence: nothing is allocated for them.
  let candidates: (PatternMatch & { order: number; pattern: string })[] | undefined;
  for (let order = 0; order < patterns.length; order++) {
    const { pattern, id } = patterns[order]!;
    if (mayMatch[id] !== 1) continue;
    for (const span of pattern.spansIn(text)) (candidates ??= []).push({ ...span, order, pattern: pattern.source });
  }
  if (candidates === undefined) return NO_MATCHES;
  const excluded = indexed.exclude.flatMap(({ pattern, id }) => (mayMatch[id] === 1 ? pattern.spansIn(text) : []));
  // Of overlapping matches the pattern listed first wins, then the longer one, so
  // codebook authors put the most specific pattern first.
  candidates.sort((a, b) => a.order - b.order || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: TextMatch[] = [];
  for (const c of candidates) {
    if (excluded.some((x) => overlaps(x, c))) continue;
    if (theme.negation === 'drop' && negated(c, text, codebook)) continue;
    if (kept.some((k) => overlaps(k, c))) continue;
    kept.push({ start: c.start, end: c.end, theme: theme.id, pattern: c.pattern });
  }
  return kept.sort((a, b) => a.start - b.start);
}

/**
 * All theme matches in one piece of text (a sentence), offsets relative to it, in
 * text order. The text is tagged on its own when its words are needed (NEAR, negation).
 */
export function matchText(text: string, codebook: Codebook): TextMatch[] {
  return matchNormalized(normalizeForMatching(text), codebook);
}

function matchNormalized(text: string, codebook: Codebook, wordsOf?: WordSource, tokensOf?: TokenSource): TextMatch[] {
  const { prefilters, themes, order } = codebookIndex(codebook);
  const mayMatch = prefilters.mayMatch(text.toLowerCase());
  const prepared = new PreparedText(text, wordsOf, tokensOf);
  const matches: TextMatch[] = [];
  for (const theme of themes) {
    const found = themeMatches(prepared, mayMatch, theme, codebook);
    if (found.length > 0) matches.push(...found);
  }
  return matches.length < 2 ? matches : matches.sort((a, b) => a.start - b.start || order.get(a.theme)! - order.get(b.theme)!);
}

/** The ids of the themes a text is coded with, in codebook order. */
export function themesOf(text: string, codebook: Codebook): string[] {
  const found = new Set(matchText(text, codebook).map((m) => m.theme));
  return codebook.themes.map((t) => t.id).filter((id) => found.has(id));
}

/** The statement holding a span: inside its content first, else inside the whole statement. */
export function statementAt(span: Span, statements: readonly Statement[]): Statement | undefined {
  return statementIndex(statements).at(span);
}

/**
 * An article's statements by position: which holds a span (the first in the list, by
 * its content, else by its whole span), which overlaps one, which holds a sentence.
 * Each question walks back from a binary search over the spans sorted by start, and
 * stops where no earlier span reaches far enough: statements seldom overlap, so a few
 * steps, however many statements the article holds.
 */
class StatementIndex {
  private readonly content: SpanList;
  private readonly whole: SpanList;

  constructor(private readonly statements: readonly Statement[]) {
    this.content = new SpanList(statements.map((s, i) => ({ start: s.content_start, end: s.content_end, i })));
    this.whole = new SpanList(statements.map((s, i) => ({ start: s.start, end: s.end, i })));
  }

  at(span: Span): Statement | undefined {
    const i = this.content.firstHolding(span) ?? this.whole.firstHolding(span);
    return i === undefined ? undefined : this.statements[i];
  }

  overlapping(span: Span): boolean {
    return this.whole.anyOverlapping(span);
  }

  holding(span: Span): boolean {
    return this.whole.firstHolding(span) !== undefined;
  }
}

/** Spans (with their index in a list) sorted by start, with the furthest end reached by each prefix. */
class SpanList {
  private readonly spans: { start: number; end: number; i: number }[];
  private readonly starts: number[];
  private readonly reach: number[];

  constructor(spans: { start: number; end: number; i: number }[]) {
    this.spans = spans.sort((a, b) => a.start - b.start || a.i - b.i);
    this.starts = this.spans.map((s) => s.start);
    this.reach = [];
    for (const s of this.spans) this.reach.push(Math.max(this.reach.at(-1) ?? -Infinity, s.end));
  }

  /** The least list index of a span holding `span` (start <= span.start, span.end <= end). */
  firstHolding(span: Span): number | undefined {
    let found: number | undefined;
    for (let k = lowerBound(this.starts, span.start + 1) - 1; k >= 0 && this.reach[k]! >= span.end; k--) {
      const s = this.spans[k]!;
      if (span.end <= s.end && (found === undefined || s.i < found)) found = s.i;
    }
    return found;
  }

  /** True when a span overlaps `span` (start < span.end and span.start < end). */
  anyOverlapping(span: Span): boolean {
    const k = lowerBound(this.starts, span.end) - 1;
    return k >= 0 && this.reach[k]! > span.start;
  }
}

const statementIndexes = new WeakMap<readonly Statement[], StatementIndex>();
function statementIndex(statements: readonly Statement[]): StatementIndex {
  let index = statementIndexes.get(statements);
  if (!index) statementIndexes.set(statements, (index = new StatementIndex(statements)));
  return index;
}

/** The words of [from, to) from its article's text layer, offsets relative to `from`, read when first needed. */
const spanWords = (article: Article, span: Span) => () => wordsIn(tokensOf(article), span.start, span.end);

/** The tokens of [from, to) from its article's text layer, offsets relative to `from`, read when first needed. */
const spanTokens = (article: Article, span: Span) => () =>
  // Fields written out: a spread copy of each token costs several times more, on every unit coded.
  tokensIn(tokensOf(article), span.start, span.end).map((t): Token => ({ index: t.index, start: t.start - span.start, end: t.end - span.start, text: t.text, lower: t.lower, lemma: t.lemma, pos: t.pos, shape: t.shape }));

/**
 * Codes an article: each statement as one unit, narration sentence by sentence; each
 * match carries its statement, speaker country and date.
 *
 * A statement is coded from its whole text (speaker, cue and content: a quote that
 * runs over several sentences is one unit, and its cue, "warned", is read with what
 * was said), so a proximity pattern may pair words of two of its sentences. A match
 * is the statement's whose content holds it, else the first whose span holds it
 * (`statementAt`; statements overlap only where two share a speaker). Sentences are
 * coded as before, keeping the matches that overlap no statement (narration, and the
 * words of a sentence around a statement in it); a sentence inside a statement is
 * not coded again. A match's `sentence` is the one where it starts.
 */
export function codeThemes(article: Article, statements: readonly Statement[], codebook: Codebook): ThemeMatch[] {
  const rows: ThemeMatch[] = [];
  const push = (m: TextMatch, offset: number, statement: Statement | undefined) => {
    const start = offset + m.start;
    const end = offset + m.end;
    rows.push({
      article_id: article.article_id,
      sentence: sentenceAt(article, start).index,
      statement_id: statement?.statement_id ?? '',
      theme: m.theme,
      pattern: m.pattern,
      start,
      end,
      matched: article.text.slice(start, end),
      speaker_country: statement?.speaker_country ?? '',
      date: statement?.date || article.published,
    });
  };
  for (const s of statements) {
    const text = article.norm.slice(s.start, s.end);
    for (const m of matchNormalized(text, codebook, spanWords(article, s), spanTokens(article, s))) {
      if (statementAt({ start: s.start + m.start, end: s.start + m.end }, statements) === s) push(m, s.start, s);
    }
  }
  const index = statementIndex(statements);
  const inStatement = (span: Span) => index.overlapping(span);
  for (const sentence of article.sentences) {
    if (index.holding(sentence)) continue;
    const text = article.norm.slice(sentence.start, sentence.end);
    for (const m of matchNormalized(text, codebook, spanWords(article, sentence), spanTokens(article, sentence))) {
      if (!inStatement({ start: sentence.start + m.start, end: sentence.start + m.end })) push(m, sentence.start, undefined);
    }
  }
  const order = codebookIndex(codebook).order;
  return rows.sort((a, b) => a.start - b.start || order.get(a.theme)! - order.get(b.theme)! || a.end - b.end);
}

/** Where one pattern matches in an article, sentence by sentence (offsets into the article text). */
export function findInArticle(article: Article, pattern: CompiledPattern): (Span & { sentence: number })[] {
  return article.sentences.flatMap((sentence) => {
    const text = article.norm.slice(sentence.start, sentence.end);
    return pattern.find(text, spanWords(article, sentence), spanTokens(article, sentence)).map((m) => ({ sentence: sentence.index, start: sentence.start + m.start, end: sentence.start + m.end }));
  });
}
