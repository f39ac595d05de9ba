/**
 * Every user-facing message of the kit, in one place, so wording stays consistent
 * and tests can match on it. Each says what is wrong and how to fix it.
 */
export const messages = {
  emptyFile: () => 'file is empty; nothing to read',
  binaryFile: (offset: number) =>
    `file looks binary (control byte at byte ${offset}); the kit reads text (.txt, .md, .html, .jsonl)`,
  invalidUtf8: (offset: number) =>
    `file is not valid UTF-8 (bad byte sequence at byte ${offset}); if it is Windows-1252, run with --encoding windows-1252, or re-save it as UTF-8`,
  unreadable: (reason: string) => `file could not be read (${reason})`,
  unsupportedType: (ext: string) =>
    `unsupported file type "${ext || '(none)'}"; the kit reads .txt, .md, .html, .htm and .jsonl`,
  noText: () => 'no article text left after extraction and cleaning',
  htmlNoArticle: () => 'no article body found in the HTML',
  htmlTooDeep: (depth: number, limit: number) =>
    `HTML elements are nested about ${depth} levels deep (limit ${limit}); refused, as no news page nests that deep and parsing it would take minutes`,
  jsonlMalformed: (detail: string) => `malformed JSON line (${detail}); each line must be one JSON object`,
  jsonlNotObject: () => 'JSON line is not an object; each line must be {"text": "...", ...}',
  jsonlNoText: () => 'JSON line has no non-empty "text" string field',
  jsonlBadField: (field: string) => `field "${field}" must be a string; it was ignored`,
  duplicateId: (id: string, other: string) => `article id "${id}" is already used by ${other}; this article was skipped (give it a unique "id")`,
  manifestMissingColumn: (col: string) => `manifest.csv has no "${col}" column; expected header: file,title,outlet,url,published`,
  manifestMissingFile: (file: string) => `manifest names "${file}", which is not in the corpus folder; the row was ignored`,
  manifestOutside: (file: string) => `manifest path "${file}" leaves the corpus folder; refused`,
  manifestDuplicate: (file: string, firstLine: number) => `manifest lists "${file}" again (first on line ${firstLine}); this row was ignored`,
  manifestBadDate: (value: string) => `manifest "published" value "${value}" is not an ISO date (YYYY-MM-DD); it was ignored`,
  manifestUnreadable: (detail: string) => `manifest.csv could not be parsed (${detail}); metadata is inferred from the texts instead`,
  linkOutside: () => 'symbolic link points outside the corpus folder; refused',
  brokenLink: (code: string) => `symbolic link is broken (${code}); its target could not be read`,
  notRegularFile: () => 'file could not be read (not a regular file: a folder, device or pipe)',
  jsonlInvalidUtf8: (offset: number) =>
    `line is not valid UTF-8 (bad byte sequence at byte ${offset} of the line); if it is Windows-1252, run with --encoding windows-1252, or re-save it as UTF-8`,
  jsonlUtf16be: () => 'UTF-16 big-endian .jsonl is not supported; re-save the file as UTF-8',
  corpusMissing: (dir: string) => `corpus folder "${dir}" does not exist or is not a folder; pass --corpus DIR with a folder of articles`,
  nothingRead: (dir: string) => `no article could be read from "${dir}"; see run.json for the reason each input was skipped`,
  unbalancedQuote: () => 'quotation mark opened but never closed; the statement runs to the end of the paragraph',
} as const;
