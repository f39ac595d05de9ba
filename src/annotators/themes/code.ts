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
import type { Statement, ThemeMatch } from '../types';
import { compiledThemes, type Codebook, type Theme } from './codebook';
import { PrefilterIndex } from './prefilter';
import { tokensOf } from '../../text';
import { PreparedText, wordsIn, type CompiledPattern, type Word, type WordSource } from './patterns';

/** One theme match within a text, before it is placed in an article. */
export interface TextMatch extends Span {
  theme: string;
  pattern: string;
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

function negated(match: Span, tokens: readonly Word[], codebook: Codebook): boolean {
  const before = tokens.filter((w) => w.end <= match.start).slice(-codebook.negationWindow);
  return before.some((w) => {
    const word = w.word.toLowerCase();
    return codebook.negators.includes(word) || (codebook.negators.includes("n't") && word.endsWith("n't"));
  });
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

/**
 * One theme's matches in one sentence: excluded and negated ones dropped, overlaps
 * resolved. `mayMatch` flags the patterns (by id) whose prefilter the sentence meets.
 */
function themeMatches(text: PreparedText, mayMatch: Uint8Array, indexed: IndexedTheme, codebook: Codebook): TextMatch[] {
  const { theme } = indexed;
  const candidates: (Span & { order: number; pattern: string })[] = [];
  indexed.patterns.forEach(({ pattern, id }, order) => {
    if (mayMatch[id] === 1) for (const span of pattern.spansIn(text)) candidates.push({ start: span.start, end: span.end, order, pattern: pattern.source });
  });
  if (candidates.length === 0) return [];
  const excluded = indexed.exclude.flatMap(({ pattern, id }) => (mayMatch[id] === 1 ? pattern.spansIn(text) : []));
  // Of overlapping matches the pattern listed first wins, then the longer one, so
  // codebook authors put the most specific pattern first.
  candidates.sort((a, b) => a.order - b.order || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: TextMatch[] = [];
  for (const c of candidates) {
    if (excluded.some((x) => overlaps(x, c))) continue;
    if (theme.negation === 'drop' && negated(c, text.words, codebook)) continue;
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

function matchNormalized(text: string, codebook: Codebook, wordsOf?: WordSource): TextMatch[] {
  const { prefilters, themes, order } = codebookIndex(codebook);
  const mayMatch = prefilters.mayMatch(text.toLowerCase());
  const prepared = new PreparedText(text, wordsOf);
  const matches: TextMatch[] = [];
  for (const theme of themes) matches.push(...themeMatches(prepared, mayMatch, theme, codebook));
  return matches.sort((a, b) => a.start - b.start || order.get(a.theme)! - order.get(b.theme)!);
}

/** The ids of the themes a text is coded with, in codebook order. */
export function themesOf(text: string, codebook: Codebook): string[] {
  const found = new Set(matchText(text, codebook).map((m) => m.theme));
  return codebook.themes.map((t) => t.id).filter((id) => found.has(id));
}

/** The statement holding a span: inside its content first, else inside the whole statement. */
export function statementAt(span: Span, statements: readonly Statement[]): Statement | undefined {
  const inside = (start: number, end: number) => start <= span.start && span.end <= end;
  return statements.find((s) => inside(s.content_start, s.content_end)) ?? statements.find((s) => inside(s.start, s.end));
}

/** The words of a sentence from its article's text layer, offsets relative to the sentence, read when first needed. */
const sentenceWords = (article: Article, sentence: Span) => () => wordsIn(tokensOf(article), sentence.start, sentence.end);

/** Codes every sentence of an article; each match carries its statement, speaker country and date. */
export function codeThemes(article: Article, statements: readonly Statement[], codebook: Codebook): ThemeMatch[] {
  const rows: ThemeMatch[] = [];
  for (const sentence of article.sentences) {
    const text = article.norm.slice(sentence.start, sentence.end);
    for (const m of matchNormalized(text, codebook, sentenceWords(article, sentence))) {
      const start = sentence.start + m.start;
      const end = sentence.start + m.end;
      const statement = statementAt({ start, end }, statements);
      rows.push({
        article_id: article.article_id,
        sentence: sentence.index,
        statement_id: statement?.statement_id ?? '',
        theme: m.theme,
        pattern: m.pattern,
        start,
        end,
        matched: article.text.slice(start, end),
        speaker_country: statement?.speaker_country ?? '',
        date: statement?.date || article.published,
      });
    }
  }
  return rows;
}

/** Where one pattern matches in an article, sentence by sentence (offsets into the article text). */
export function findInArticle(article: Article, pattern: CompiledPattern): (Span & { sentence: number })[] {
  return article.sentences.flatMap((sentence) => {
    const text = article.norm.slice(sentence.start, sentence.end);
    return pattern.find(text, sentenceWords(article, sentence)).map((m) => ({ sentence: sentence.index, start: sentence.start + m.start, end: sentence.start + m.end }));
  });
}
