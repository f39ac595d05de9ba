/** Corpus stage: read a folder of articles, clean them, segment them, with character offsets. */
import { Logger, type Warning } from '../logger';
import { readCorpus, type ReadOptions } from './read';
import type { Article, SkippedInput } from './types';

export * from './types';
export { readCorpus, readCorpusInputs, buildInput, skipInput, type CorpusInput, listFiles, readManifest, isInside, SUPPORTED_EXTENSIONS, MANIFEST_FILE, type ReadOptions, type CorpusItem } from './read';
export { buildArticle, articleFromText, type ManifestEntry } from './article';
export { cleanText, type Cleaned } from './clean';
export { splitSentences, loadAbbreviations, sentenceAt } from './segment';
export { loadCleaningRules, type CleaningRule } from './rules';
export { decodeBytes, decodeLine, ENCODINGS, LEGACY_ENCODINGS, type Encoding, type LegacyEncoding, type TextEncoding } from './decode';
export { extractHtml } from './html';
export { normalizeForMatching, countWords } from './normalize';
export { parseFullDate, isoDate } from './metadata';

/** A whole corpus in memory: fine for notebooks; the report streams instead. */
export interface Corpus {
  dir: string;
  articles: Article[];
  skipped: SkippedInput[];
  warnings: Warning[];
}

/** Reads every article of a folder into memory (see `readCorpus` to stream). */
export async function loadCorpus(dir: string, options: ReadOptions = {}): Promise<Corpus> {
  const logger = options.logger ?? new Logger();
  const articles: Article[] = [];
  const skipped: SkippedInput[] = [];
  for await (const item of readCorpus(dir, { ...options, logger })) {
    if (item.kind === 'article') articles.push(item.article);
    else skipped.push(item.skipped);
  }
  return { dir, articles, skipped, warnings: logger.warnings };
}
