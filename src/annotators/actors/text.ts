/** Small helpers of the actor matcher that are not about words (words come from the text layer, src/text). */
import { tokensIn, type TokenLayer } from '../../text';

const UPPER_START = /^\p{Lu}/u;

/**
 * A headline-cased span ("Beijing Says China and Russia Are Not Allies"): of its word
 * tokens of four letters or more, at least three, and 80% of them capitalised. There
 * a capital letter says nothing about proper names.
 */
export function isHeadlineCase(layer: TokenLayer, from: number, to: number): boolean {
  const words = tokensIn(layer, from, to).filter((t) => t.shape === 'word' && t.text.length >= 4);
  if (words.length < 3) return false;
  const capitalised = words.filter((t) => UPPER_START.test(t.text)).length;
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
