import { KitError } from '../errors';
import { messages } from '../messages';

type Linkedom = typeof import('linkedom', { with: { 'resolution-mode': 'import' } });
type ReadabilityModule = typeof import('@mozilla/readability');

/**
 * linkedom and Readability, loaded with the first HTML page: a corpus of text or .jsonl
 * files, and a re-run the cache serves, never need them (linkedom took a tenth of a
 * second of every run's start).
 */
let libraries: { parseHTML: Linkedom['parseHTML']; Readability: ReadabilityModule['Readability'] } | undefined;
function htmlLibraries(): NonNullable<typeof libraries> {
  // linkedom's CommonJS build is what runs; its typings are declared as ESM only.
  return (libraries ??= { parseHTML: (require('linkedom') as Linkedom).parseHTML, Readability: (require('@mozilla/readability') as ReadabilityModule).Readability });
}

export interface ExtractedHtml {
  text: string;
  title?: string;
  outlet?: string;
  url?: string;
  published?: string;
  /** 0-based indexes of lines in `text` that came from <figcaption>. */
  captionLines: Set<number>;
}

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, figcaption, pre, td';

function meta(document: Document, ...names: string[]): string | undefined {
  for (const name of names) {
    const el = document.querySelector(`meta[property="${name}"], meta[name="${name}"], meta[itemprop="${name}"]`);
    const content = el?.getAttribute('content')?.trim();
    if (content) return content;
  }
  return undefined;
}

/** The publication date a <time> element gives: one marked as datePublished or pubdate, else the first in the <article>. */
function timeElement(document: Document): string | undefined {
  for (const selector of ['[itemprop="datePublished"][datetime]', '[itemprop="datePublished"][content]', 'time[pubdate][datetime]', 'article time[datetime]']) {
    const el = document.querySelector(selector);
    const value = (el?.getAttribute('datetime') ?? el?.getAttribute('content'))?.trim();
    if (value) return value;
  }
  return undefined;
}

/** Deeper pages are refused: linkedom and Readability slow down steeply with depth (2,000 levels: a minute). */
export const MAX_HTML_DEPTH = 256;

// Elements that never hold children or whose end tag may be left out: they do not deepen the estimate.
const FLAT_ELEMENTS = new Set(
  'area base br col embed hr img input link meta param source track wbr keygen p li dt dd tr td th option optgroup thead tbody tfoot colgroup rb rt rp html head body'.split(' '),
);
const TAG = /<!--[\s\S]*?(?:-->|$)|<(script|style|textarea|title)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)|<(\/?)([a-zA-Z][\w:-]*)\b[^<>]*?(\/?)>/g;

/** Nesting depth of the elements, estimated in one linear pass over the markup (before any parsing). */
export function estimateHtmlDepth(html: string): number {
  let depth = 0;
  let max = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    const name = m[3]?.toLowerCase();
    if (!name || FLAT_ELEMENTS.has(name) || m[4]) continue;
    depth = m[2] ? Math.max(0, depth - 1) : depth + 1;
    if (depth > max) max = depth;
  }
  return max;
}

/**
 * The article body of an HTML page, as one line per block (paragraph, heading,
 * list item, caption), by Mozilla's Readability over linkedom's DOM.
 * Scripts, styles and navigation never reach the text. Returns undefined when no body is found;
 * throws a KitError for pages nested deeper than MAX_HTML_DEPTH.
 */
export function extractHtml(html: string): ExtractedHtml | undefined {
  const depth = estimateHtmlDepth(html);
  if (depth > MAX_HTML_DEPTH) throw new KitError(messages.htmlTooDeep(depth, MAX_HTML_DEPTH), 'html-too-deep');
  const { parseHTML, Readability } = htmlLibraries();
  const { document } = parseHTML(html);
  const url = document.querySelector('link[rel="canonical"]')?.getAttribute('href')?.trim() || meta(document, 'og:url');
  const published = meta(document, 'article:published_time', 'datePublished', 'date', 'pubdate', 'publishdate', 'DC.date.issued') || timeElement(document);
  // Readability mutates the DOM, so metadata is read first.
  const parsed = new Readability(document as unknown as Document, { charThreshold: 0 }).parse();
  if (!parsed?.content) return undefined;
  const { document: body } = parseHTML(`<!doctype html><html><body>${parsed.content}</body></html>`);
  const lines: string[] = [];
  const captionLines = new Set<number>();
  const title = parsed.title?.trim() || undefined;
  if (title) lines.push(title, '');
  for (const el of Array.from(body.querySelectorAll(BLOCKS)) as Element[]) {
    if (el.querySelector(BLOCKS)) continue; // only innermost blocks, so no text is taken twice
    const line = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (!line || (lines.length === 2 && line === title)) continue;
    if (el.tagName.toLowerCase() === 'figcaption') captionLines.add(lines.length);
    lines.push(line, '');
  }
  if (lines.length === (title ? 2 : 0)) {
    const fallback = (body.body?.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (!fallback) return undefined;
    lines.push(fallback);
  }
  return {
    text: lines.join('\n'),
    title,
    outlet: parsed.siteName?.trim() || meta(document, 'og:site_name'),
    url,
    published: parsed.publishedTime?.trim() || published,
    captionLines,
  };
}
