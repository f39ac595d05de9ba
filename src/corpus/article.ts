import { cleanText } from './clean';
import { datelineEnds, dateFromUrl, fallbackTitle, inferHeadline, inferPublished, isoDate, parseFullDate } from './metadata';
import { countWords, normalizeForMatching, stripControl } from './normalize';
import { loadCleaningRules, type CleaningRule } from './rules';
import { splitSentences } from './segment';
import type { Article, DateBasis, Paragraph, RawArticle, Sentence } from './types';

/** Metadata a manifest.csv row supplies; it wins over anything inferred. */
export interface ManifestEntry {
  title?: string;
  outlet?: string;
  url?: string;
  published?: string;
}

let defaultRules: CleaningRule[] | undefined;
export function defaultCleaningRules(): CleaningRule[] {
  return (defaultRules ??= loadCleaningRules());
}

/**
 * Cleans and segments one raw article. Offsets of paragraphs and sentences point
 * into `article.text`; `article.norm` is its same-length matching form.
 * Returns undefined when nothing is left after cleaning.
 */
export function buildArticle(raw: RawArticle, manifest: ManifestEntry = {}, rules: readonly CleaningRule[] = defaultCleaningRules()): Article | undefined {
  raw = withoutControls(raw);
  manifest = withoutControls(manifest);
  const cleaned = cleanText(raw.text, raw.article_id, rules, raw.captionLines);
  if (cleaned.text.trim() === '') return undefined;
  const { text } = cleaned;
  const norm = normalizeForMatching(text);
  const datelines = datelineEnds(text, cleaned.paragraphs);
  // The field only where a dateline stands, so an article without one is as before (cache entries, JSON).
  const paragraphs: Paragraph[] = cleaned.paragraphs.map((p, index) => ({ index, start: p.start, end: p.end, caption: p.caption, ...(datelines.has(index) ? { dateline_end: datelines.get(index)! } : {}) }));
  const sentences: Sentence[] = [];
  for (const p of paragraphs) {
    for (const s of splitSentences(norm, p.start, p.end)) {
      sentences.push({ index: sentences.length, paragraph: p.index, start: s.start, end: s.end, text: text.slice(s.start, s.end) });
    }
  }

  // Supplied metadata first, then what the page shows: its date line (an "Updated" stamp
  // only when the URL gives no date), then the date in its URL.
  let published = '';
  let date_basis: DateBasis = 'none';
  const html = raw.file.endsWith('.html') || raw.file.endsWith('.htm');
  const supplied = manifest.published ? isoDate(manifest.published) : undefined;
  const sourceDate = raw.published ? parseFullDate(raw.published) : undefined;
  if (supplied) [published, date_basis] = [supplied, 'manifest'];
  else if (sourceDate) [published, date_basis] = [sourceDate, html ? 'text' : 'manifest'];
  else {
    // Read from the page only when no metadata gives the date.
    const stamp = inferPublished(text, cleaned.paragraphs, cleaned.dateEvidence);
    const url = manifest.url || raw.url || '';
    const urlDate = url ? dateFromUrl(url) : undefined;
    if (stamp && stamp.kind !== 'updated') [published, date_basis] = [stamp.date, 'text'];
    else if (urlDate) [published, date_basis] = [urlDate, manifest.url || !html ? 'manifest' : 'text'];
    else if (stamp) [published, date_basis] = [stamp.date, 'text'];
  }

  const headline = inferHeadline(text, cleaned.paragraphs);
  const firstProse = sentences.find((s) => !paragraphs[s.paragraph]!.caption) ?? sentences[0];
  const title = manifest.title || raw.title || headline || (firstProse ? fallbackTitle(firstProse.text) : '');

  return {
    article_id: raw.article_id,
    file: raw.file,
    title,
    outlet: manifest.outlet || raw.outlet || '',
    url: manifest.url || raw.url || '',
    published,
    date_basis,
    text,
    norm,
    paragraphs,
    sentences,
    removed: cleaned.removed,
    words: countWords(text),
  };
}

const METADATA_FIELDS = ['title', 'outlet', 'url', 'published'] as const;

/** The metadata fields without control characters (the text loses them in cleaning). */
function withoutControls<T extends ManifestEntry>(fields: T): T {
  let out = fields;
  for (const key of METADATA_FIELDS) {
    const value = fields[key];
    if (value !== undefined && stripControl(value) !== value) out = { ...out, [key]: stripControl(value) };
  }
  return out;
}

/** Cleans and segments a string: for notebooks, scripts and tests. */
export function articleFromText(text: string, meta: Partial<RawArticle> & ManifestEntry = {}): Article {
  const article = buildArticle({ article_id: meta.article_id ?? 'text', file: meta.file ?? '', text, ...meta }, meta);
  if (!article) throw new Error('articleFromText: no text left after cleaning');
  return article;
}
