/**
 * The kit's tables: name, CSV file and documented columns. The README's table
 * reference follows these specs (a test checks every column is documented there).
 */
export type ColumnType = 'string' | 'integer' | 'number' | 'date';

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  description: string;
}

export interface TableSpec {
  name: string;
  /** Path under the output folder. */
  file: string;
  description: string;
  columns: readonly ColumnSpec[];
}

/** A documented column. */
export const col = (name: string, type: ColumnType, description: string): ColumnSpec => ({ name, type, description });

export const ARTICLES: TableSpec = {
  name: 'articles',
  file: 'tables/articles.csv',
  description: 'One row per article read.',
  columns: [
    col('article_id', 'string', 'stable id: the file path in the corpus without extension (.jsonl: the "id" field, else file:line)'),
    col('file', 'string', 'path relative to the corpus folder (.jsonl: file:line)'),
    col('title', 'string', 'manifest title, else the headline, else the first sentence shortened'),
    col('outlet', 'string', 'publisher, from the manifest or the source metadata'),
    col('url', 'string', 'source URL if known'),
    col('published', 'date', 'publication date, ISO YYYY-MM-DD, or empty'),
    col('date_basis', 'string', 'manifest (manifest.csv or .jsonl field), text (stated in the article or its HTML metadata) or none'),
    col('paragraphs', 'integer', 'paragraphs after cleaning'),
    col('sentences', 'integer', 'sentences after cleaning'),
    col('words', 'integer', 'words after cleaning'),
  ],
};

export const SENTENCES: TableSpec = {
  name: 'sentences',
  file: 'tables/sentences.csv',
  description: 'One row per sentence of the cleaned text; the unit every count traces back to.',
  columns: [
    col('article_id', 'string', 'article the sentence belongs to'),
    col('sentence', 'integer', '0-based sentence index in the article'),
    col('paragraph', 'integer', '0-based paragraph index in the article'),
    col('start', 'integer', 'character offset of the first character in the cleaned text'),
    col('end', 'integer', 'character offset after the last character (text = cleaned.slice(start, end))'),
    col('text', 'string', 'the sentence'),
  ],
};

export const REMOVED: TableSpec = {
  name: 'removed',
  file: 'tables/removed.csv',
  description: 'Every piece of page furniture removed by cleaning, so nothing is dropped silently.',
  columns: [
    col('article_id', 'string', 'article it was removed from'),
    col('line', 'integer', '1-based line in the source text (HTML: in the extracted text)'),
    col('rule', 'string', 'id of the cleaning rule (src/corpus/cleaning-rules.yaml)'),
    col('text', 'string', 'the removed text'),
  ],
};

export const CORE_TABLES: readonly TableSpec[] = [ARTICLES, SENTENCES, REMOVED];

export type Row = Record<string, string | number>;
