/**
 * Every user-facing message of the kit, in one place, so wording stays consistent
 * and tests can match on it. Each says what is wrong and how to fix it.
 */
/** The legacy encodings --encoding names (as src/corpus/decode.ts's LEGACY_ENCODINGS). */
const LEGACY = 'windows-1252, windows-1251, koi8-r, gb18030, shift_jis';
/** A size in MB to three significant digits: 5.3, 25, 0.003. */
const megabytes = (bytes: number): string => String(Number((bytes / 1e6).toPrecision(3)));

export const messages = {
  emptyFile: () => 'file is empty; nothing to read',
  inputTooLarge: (bytes: number, limitBytes: number) =>
    `input is ${megabytes(bytes)} MB, over the limit of ${megabytes(limitBytes)} MB for one input; skipped (raise the limit with --max-input-mb, or split the input)`,
  binaryFile: (offset: number) =>
    `file looks binary (control byte at byte ${offset}); the kit reads text (.txt, .md, .html, .jsonl)`,
  invalidUtf8: (offset: number) =>
    `file is not valid UTF-8 (bad byte sequence at byte ${offset}) and --encoding utf-8 reads UTF-8 only; leave --encoding at auto to detect its encoding, name it (--encoding ${LEGACY}), or re-save it as UTF-8`,
  damagedUtf8: (unit: 'file' | 'line', offset: number) =>
    `${unit} is UTF-8 with bad byte sequences (the first at byte ${offset}${unit === 'line' ? ' of the line' : ''}); re-save it as UTF-8 (read in another encoding, its other characters would be garbled)`,
  notInEncoding: (unit: 'file' | 'line', encoding: string, offset: number, byte: number) =>
    `${unit} is not ${encoding}: byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')} at byte ${offset}${unit === 'line' ? ' of the line' : ''} is no ${encoding} character; name its encoding with --encoding (auto, ${LEGACY}) or re-save it as UTF-8`,
  unreadEncoding: (unit: 'file' | 'line', detected: string) =>
    `${unit} is not UTF-8 and looks like ${detected}, which the kit does not read; re-save it as UTF-8, or name its encoding with --encoding if it is one of ${LEGACY}`,
  undetectedEncoding: (unit: 'file' | 'line', guesses: readonly string[]) =>
    `${unit} is not UTF-8 and its encoding could not be told${guesses.length ? ` (best guesses: ${guesses.join(', ')})` : ''}; name it with --encoding (${LEGACY}) or re-save it as UTF-8`,
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
  manifestLinkOutside: () => 'manifest.csv is a symbolic link to a file outside the corpus folder; refused, metadata is inferred from the texts instead (copy the manifest into the folder)',
  folderTooDeep: (limit: number) => `folder nested more than ${limit} levels below the corpus folder; not read (move its files higher up)`,
  folderUnreadable: (reason: string) => `folder could not be read (${reason}); its files were not read`,
  linkOutside: () => 'symbolic link points outside the corpus folder; refused',
  brokenLink: (code: string) => `symbolic link is broken (${code}); its target could not be read`,
  notRegularFile: () => 'file could not be read (not a regular file: a folder, device or pipe)',
  jsonlInvalidUtf8: (offset: number) =>
    `line is not valid UTF-8 (bad byte sequence at byte ${offset} of the line) and --encoding utf-8 reads UTF-8 only; leave --encoding at auto to detect its encoding, name it (--encoding ${LEGACY}), or re-save it as UTF-8`,
  jsonlBinaryLine: (offset: number) =>
    `line holds a control byte (at character ${offset} of the line), as binary data does; the line was skipped (remove the byte)`,
  manifestBinaryLine: (offset: number) =>
    `manifest line holds a control byte (at byte ${offset} of the line), as binary data does; the row was ignored (remove the byte)`,
  jsonlUtf16be: () => 'UTF-16 big-endian .jsonl is not supported; re-save the file as UTF-8',
  jsonlUtf32: () => 'UTF-32 .jsonl is not supported; re-save the file as UTF-8',
  corpusMissing: (dir: string) => `corpus folder "${dir}" does not exist or is not a folder; pass --corpus DIR with a folder of articles`,
  nothingRead: (dir: string) => `no article could be read from "${dir}"; see run.json for the reason each input was skipped`,
  unbalancedQuote: () => 'quotation mark opened but never closed; the statement runs to the end of the paragraph',
} as const;

/** Messages of the themes module: codebooks, dictionaries, patterns, kwic. */
export const themeMessages = {
  emptyPattern: () => 'pattern is empty; write a word, a phrase, a glob like sanction* or a /regex/',
  badRegex: (detail: string) => `regular expression does not compile (${detail}); write it as /.../ in JavaScript syntax`,
  catastrophicRegex: (pattern: string, part: string) =>
    `regular expression ${pattern} repeats "${part}", a part that itself repeats without bound: matching can take time exponential in a word's length, so it is refused; repeat the inner part only (e.g. a+ for (a+)+) or bound the outer repeat (e.g. {0,3})`,
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

/** Messages of the table functions' filters (country codes, actor ids, period labels). */
export const filterMessages = {
  unknownCountry: (code: unknown, suggestion: string | undefined, valid: readonly string[]) =>
    `got ${JSON.stringify(code)}, which is no country or bloc code of the actor registry${suggestion ? ` (did you mean ${JSON.stringify(suggestion)}?)` : ''}. Use one of: ${valid.join(', ')}`,
  unknownActor: (id: unknown, suggestion: string | undefined) =>
    `got ${JSON.stringify(id)}, which is no actor id of the registry nor of the data${suggestion ? ` (did you mean ${JSON.stringify(suggestion)}?)` : ''}. Use ids as in mentions.csv's actor_id column ("wang-yi", "china", "unregistered:…")`,
  badPeriodLabel: (label: unknown, unit: string, example: string) =>
    `got ${JSON.stringify(label)}, which is no ${unit} label. Use labels like ${example}, or "undated"`,
  unknownKeynessCode: (code: string, valid: readonly string[]) =>
    `${JSON.stringify(code)} is no country or bloc code of the actor registry (add it to a registry with --actors, or use one of: ${valid.join(', ')})`,
};

/** Messages of the worker pool. */
export const parallelMessages = {
  badWorkers: (n: unknown) => `workers must be a whole number from 1 to 64, got ${String(n)}`,
  workerFailed: (detail: string) => `a worker thread failed while processing articles: ${detail}`,
  workerStart: (detail: string) => `a worker thread could not start: ${detail}`,
};

/** Messages of the report command: its output folder and the environment around it. */
export const reportMessages = {
  outputLocked: (out: string, pid: number | undefined, started: string | undefined, lock: string) =>
    `another report${pid !== undefined ? ` (process ${pid}, started ${started})` : ''} is writing to "${out}"; wait for it to finish, or give this run another --out (if no report is running, delete "${lock}")`,
  badMaxInput: (value: unknown) => `--max-input-mb must be a positive number of megabytes, got ${String(value)}`,
  cacheChecksum: (segment: string, file: string) =>
    `cache: ${file} of segment ${segment} does not match its checksum (changed on disk since it was written); the segment was built again`,
};

/**
 * One line for each way the file system can fail a run: what happened, on which path,
 * and what to do. The previous output is kept in every case (see report/output-folder.ts).
 */
export const environmentMessages = {
  ENOSPC: (path: string) => `no space left on the device holding "${path}"; free some space (a run needs room for its new output beside the previous one) and run again; the previous output was kept`,
  EDQUOT: (path: string) => `disk quota exceeded writing "${path}"; free some space and run again; the previous output was kept`,
  EROFS: (path: string) => `"${path}" is on a read-only file system; pass --out DIR on a writable one`,
  EACCES: (path: string) => `no permission to write "${path}"; pass --out DIR you can write to, or fix the folder's permissions`,
  EPERM: (path: string) => `not permitted to write "${path}"; pass --out DIR you can write to, or fix the folder's permissions`,
  ENOTDIR: (path: string) => `"${path}" is a file, or lies under one, where --out needs a folder; pass --out DIR naming a folder`,
  EEXIST: (path: string) => `"${path}" is a file where --out needs a folder; pass --out DIR naming a folder`,
  ENAMETOOLONG: (path: string) => `the path "${path.length > 120 ? `${path.slice(0, 60)}…${path.slice(-40)}` : path}" is too long for the file system (${path.length} characters; a path is at most 4096 bytes, a name 255); pass a shorter --out`,
  EMFILE: (path: string) => `too many open files while writing "${path}"; raise the limit (ulimit -n) and run again`,
  EIO: (path: string) => `input/output error writing "${path}"; the disk or file system failed: check it and run again`,
} as const;

/** Messages of the data files (registries, lexicons, codebooks) the kit and the user give it. */
export const dataMessages = {
  aliasBomb: (limit: number) =>
    `YAML aliases (*name) expand this file to more than ${limit.toLocaleString('en')} values, as an alias bomb does; refused (write the values out, or use fewer aliases)`,
  tooManyActors: (count: number, limit: number) =>
    `the registry lists ${count.toLocaleString('en')} actors, over the limit of ${limit.toLocaleString('en')} a run holds in memory (each worker thread loads it too); split it and run the report once per part, or keep only the actors the corpus names`,
};

/** Messages of the tables. */
export const tableMessages = {
  unpairedUnit: (window: string, actors: number, limit: number) =>
    `${window === 'article' ? 'the article' : `one ${window}`} names ${actors.toLocaleString('en')} different actors, over the ${limit} whose pairs co-occurrence counts; its pairs were left out of cooccurrence.csv (its actors still count)`,
};
