/**
 * Messages of the themes module (kept here while src/messages.ts is shared by
 * parallel work). Each says what is wrong and how to fix the input.
 */
export const themeMessages = {
  emptyPattern: () => 'pattern is empty; write a word, a phrase, a glob like sanction* or a /regex/',
  badRegex: (detail: string) => `regular expression does not compile (${detail}); write it as /.../ in JavaScript syntax`,
  emptyRegex: () => 'regular expression matches the empty string; it would code every position',
  badNear: (detail: string) => `proximity pattern ${detail}; write "A NEAR/n B" with A and B words, phrases or globs separated by |`,
  badGlob: (term: string) => `term "${term}" has no letter or digit; a glob needs at least one fixed character`,
  duplicateTheme: (id: string) => `theme id "${id}" is used twice; ids must be unique`,
  notADictionary: () => 'YAML is neither a codebook (with a "themes" list) nor a quanteda dictionary (nested keys with lists of patterns)',
  dictionaryEmptyKey: (key: string) => `dictionary key "${key}" has no patterns; give it a list of words or globs`,
  dictionaryBadValue: (key: string) => `dictionary key "${key}" holds something other than a pattern string; use a list of words or globs`,
  liwcNoHeader: () => 'LIWC .dic must start with a line holding only "%", then "id<TAB>category" lines, then "%"',
  liwcUnclosedHeader: () => 'LIWC category block is never closed; add a line holding only "%" after the categories',
  liwcBadCategory: (line: string) => `category line "${line}" is not "id<TAB>name" (id a number)`,
  liwcDuplicateCategory: (id: string) => `category id ${id} is defined twice`,
  liwcBadEntry: (line: string) => `entry "${line}" is not "word<TAB>category ids" (ids numbers from the header)`,
  liwcUnknownCategory: (id: string) => `category id ${id} is not in the header block`,
  liwcNoEntries: () => 'LIWC dictionary has categories but no word entries',
  unsupportedCodebook: (ext: string) => `codebook file type "${ext || '(none)'}" is not read; use .yaml/.yml (codebook or quanteda dictionary) or .dic (LIWC)`,
  kwicNeedsOne: () => 'give exactly one of `theme` or `pattern`',
  unknownTheme: (id: string, known: string[]) => `theme "${id}" is not in the codebook (known: ${known.join(', ')})`,
} as const;
