/** The corpus data model: every later stage (annotators, tables, charts) reads these. */

/** Where an article's publication date came from. */
export type DateBasis = 'manifest' | 'text' | 'none';
export const DATE_BASES: readonly DateBasis[] = ['manifest', 'text', 'none'];

/** Metadata of one article, as in articles.csv. */
export interface ArticleMeta {
  /** Stable id: the file's path in the corpus without extension (".jsonl" lines: the "id" field or file:line). */
  article_id: string;
  /** Path relative to the corpus folder (for .jsonl, "file.jsonl:LINE"). */
  file: string;
  title: string;
  outlet: string;
  url: string;
  /** ISO date (YYYY-MM-DD) or "" when unknown. */
  published: string;
  date_basis: DateBasis;
}

/** A half-open character range [start, end) in the cleaned article text. */
export interface Span {
  start: number;
  end: number;
}

export interface Paragraph extends Span {
  /** 0-based paragraph index in the article. */
  index: number;
  /** True for photo captions: kept (they can carry statements) but flagged. */
  caption: boolean;
  /**
   * Where the dateline opening the paragraph ends, separator included ("BEIJING, Feb. 28
   * (Xinhua) -- "), when it opens with one: its first sentence still holds it, no
   * statement's content does.
   */
  dateline_end?: number;
}

export interface Sentence extends Span {
  /** 0-based sentence index in the article. */
  index: number;
  /** Index of the paragraph holding the sentence. */
  paragraph: number;
  /** Exactly `article.text.slice(start, end)`. */
  text: string;
}

/** One piece of page furniture removed by cleaning, as in removed.csv. */
export interface Removal {
  article_id: string;
  /** 1-based line number in the source text (or extracted HTML text). */
  line: number;
  /** Id of the cleaning rule that removed it. */
  rule: string;
  text: string;
}

/** A cleaned, segmented article: the unit every annotator takes. */
export interface Article extends ArticleMeta {
  /** Cleaned text; all offsets in the kit point into this string. */
  text: string;
  /**
   * Same length as `text`, for matching only: odd spaces become " ",
   * curly quotes and apostrophes become straight ones. `norm[i]` corresponds to `text[i]`.
   */
  norm: string;
  paragraphs: Paragraph[];
  sentences: Sentence[];
  removed: Removal[];
  words: number;
}

/** An input that is not in the tables, and why. */
export interface SkippedInput {
  file: string;
  line?: number;
  reason: string;
}

/** Raw text of one article before cleaning, with whatever metadata its source gave. */
export interface RawArticle {
  article_id: string;
  file: string;
  text: string;
  /** Line number in `file` where `text` starts (for .jsonl, the JSON line). */
  line?: number;
  title?: string;
  outlet?: string;
  url?: string;
  published?: string;
  /** HTML extraction already identified caption lines (by 0-based line index in `text`). */
  captionLines?: Set<number>;
}
