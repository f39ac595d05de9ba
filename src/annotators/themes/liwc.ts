/**
 * LIWC dictionaries (.dic): a header block of categories between two "%" lines,
 * then one entry per line, the word (a trailing * makes it a prefix glob) and the
 * ids of its categories, separated by tabs or spaces:
 *
 *   %
 *   1	posemo
 *   2	negemo
 *   %
 *   happy	1
 *   hate*	2
 *
 * Each category becomes a theme whose id is the category name. Errors name the file and line.
 */
import { KitError } from '../../errors';
import { contentVersion, DEFAULT_NEGATION_WINDOW, DEFAULT_NEGATORS, dictionaryTheme, readText, type Codebook } from './codebook';
import { themeMessages } from '../../messages';
import { patternProblem } from './patterns';

const CATEGORY_LINE = /^(\d+)\s+(\S.*?)\s*$/;
/** The word part may hold spaces (multi-word entries); the ids are the trailing numbers. */
const ENTRY_LINE = /^(.+?)\s+(\d+(?:\s+\d+)*)\s*$/;

export function readLiwcDictionary(file: string): Codebook {
  const source = readText(file).replace(/^\uFEFF/, '');
  const lines = source.split(/\r?\n/);
  const fail = (index: number, message: string): never => {
    const line = Math.min(index, lines.length - 1) + 1;
    throw new KitError(`${file}:${line}: ${message}`, 'invalid-dictionary', file, line);
  };

  let i = 0;
  while (i < lines.length && lines[i]!.trim() === '') i++;
  if (lines[i]?.trim() !== '%') fail(i, themeMessages.liwcNoHeader());
  i++;

  const categories = new Map<string, string>();
  for (; i < lines.length && lines[i]!.trim() !== '%'; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    const m = CATEGORY_LINE.exec(line);
    if (!m) fail(i, themeMessages.liwcBadCategory(line));
    const id = String(Number(m![1]));
    if (categories.has(id)) fail(i, themeMessages.liwcDuplicateCategory(m![1]!));
    categories.set(id, m![2]!);
  }
  if (i >= lines.length) fail(lines.length - 1, themeMessages.liwcUnclosedHeader());
  i++;

  const patterns = new Map<string, string[]>([...categories.values()].map((name) => [name, []]));
  let entries = 0;
  for (; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    const m = ENTRY_LINE.exec(line);
    if (!m) fail(i, themeMessages.liwcBadEntry(line));
    const word = m![1]!.trim();
    const problem = patternProblem(word);
    if (problem) fail(i, problem);
    for (const rawId of m![2]!.split(/\s+/)) {
      const name = categories.get(String(Number(rawId)));
      if (name === undefined) fail(i, themeMessages.liwcUnknownCategory(rawId));
      const list = patterns.get(name!)!;
      if (!list.includes(word)) list.push(word);
    }
    entries++;
  }
  if (entries === 0) fail(lines.length - 1, themeMessages.liwcNoEntries());

  return {
    version: contentVersion(file, source),
    source: file,
    format: 'liwc',
    negators: DEFAULT_NEGATORS,
    negationWindow: DEFAULT_NEGATION_WINDOW,
    // Categories without entries cannot code anything, but keep them so tables list them with zeros.
    themes: [...patterns].map(([name, list]) => dictionaryTheme(name, list)),
  };
}
