import { analyse } from 'chardet';
import { decode as iconvDecode, encode as iconvEncode, encodingExists } from 'iconv-lite';
import { messages } from '../messages';

/** The legacy (non-Unicode) encodings the kit reads: Western, Cyrillic (two), Chinese, Japanese. */
export type LegacyEncoding = 'windows-1252' | 'windows-1251' | 'koi8-r' | 'gb18030' | 'shift_jis';
export const LEGACY_ENCODINGS: readonly LegacyEncoding[] = ['windows-1252', 'windows-1251', 'koi8-r', 'gb18030', 'shift_jis'];

/**
 * The `encoding` option. Valid UTF-8 is read as UTF-8 whatever it says; it decides the
 * rest: `auto` (default) detects a legacy encoding file by file, a legacy name reads every
 * file that is not UTF-8 in that encoding, and `utf-8` refuses them.
 */
export type Encoding = 'auto' | 'utf-8' | LegacyEncoding;
export const ENCODINGS: readonly Encoding[] = ['auto', 'utf-8', ...LEGACY_ENCODINGS];

/** What a file was read as (run.json's `encodings`). */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be' | LegacyEncoding;

export type Decoded = { ok: true; text: string; encoding: TextEncoding } | { ok: false; reason: string };

/** What is decoded: a whole file, or one line of a .jsonl file (for the messages). */
export type DecodedUnit = 'file' | 'line';

/** chardet's names for the encodings the kit reads (ISO-8859-1 is Windows-1252 without its 0x80–0x9F punctuation). */
const DETECTED: Record<string, LegacyEncoding> = {
  'windows-1252': 'windows-1252',
  'ISO-8859-1': 'windows-1252',
  'windows-1251': 'windows-1251',
  'KOI8-R': 'koi8-r',
  GB18030: 'gb18030',
  Shift_JIS: 'shift_jis',
};

/**
 * Below this chardet confidence (0–100) a reading is not taken. Paragraphs of news text
 * score 48–100 in their encoding; a phrase of a few characters can score 10 in every
 * candidate, and is refused rather than guessed.
 */
const MIN_CONFIDENCE = 30;

/** Where bytes hold UTF-8: valid multi-byte sequences (and how many are General Punctuation: ’ “ ” – — …), invalid ones. */
interface Utf8Sequences {
  valid: number;
  punctuation: number;
  invalid: number;
}

function utf8Sequences(bytes: Uint8Array): Utf8Sequences {
  const counts = { valid: 0, punctuation: 0, invalid: 0 };
  for (const c of new TextDecoder('utf-8').decode(bytes)) {
    const code = c.codePointAt(0)!;
    if (c === '\uFFFD') counts.invalid++;
    else if (code >= 0x80) {
      counts.valid++;
      if (code >= 0x2000 && code <= 0x206f) counts.punctuation++;
    }
  }
  return counts;
}

const SINGLE_BYTE: ReadonlySet<LegacyEncoding> = new Set(['windows-1252', 'windows-1251', 'koi8-r']);

/**
 * True when the bytes are UTF-8 with a few bad bytes (a paste from another encoding, a
 * cut-off character), not a legacy text: read as a legacy encoding, all their good
 * characters would turn to mojibake ("â€™", "вЂ™"). Either as many valid sequences as
 * invalid ones (legacy texts score far below: GB18030 and Shift_JIS about one in five,
 * Cyrillic and Western ones next to none), or, for a single-byte encoding, any UTF-8
 * quotation mark or dash: their three bytes spell no word in Windows-1252, -1251 or KOI8-R.
 */
function isDamagedUtf8(seq: Utf8Sequences, encoding: LegacyEncoding | undefined): boolean {
  if (seq.valid >= seq.invalid) return true;
  return encoding !== undefined && SINGLE_BYTE.has(encoding) && seq.punctuation > 0;
}

/** chardet reads at most this much of a file: plenty for a language's byte statistics. */
const DETECTION_SAMPLE = 1 << 16;

/** Control bytes that never occur in text files (tab, LF, VT, FF, CR and ESC excepted). */
function firstBinaryByte(bytes: Uint8Array): number {
  const limit = Math.min(bytes.length, 1 << 16);
  for (let i = 0; i < limit; i++) {
    const b = bytes[i]!;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d && b !== 0x1b) return i;
  }
  return -1;
}

/** Byte offset of the first invalid UTF-8 sequence, found by decoding a shrinking prefix. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let lo = 0;
  let hi = bytes.length;
  // Binary search for the longest prefix that decodes (allowing a cut-off sequence at its end).
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    try {
      // A fresh decoder each time: a streaming one keeps a cut-off sequence for the next call.
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  return lo;
}

/** Decodes in a legacy encoding; a byte with no character there (U+FFFD) refuses the text. */
function decodeLegacy(bytes: Uint8Array, encoding: LegacyEncoding, unit: DecodedUnit): Decoded {
  const text = iconvDecode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
  const bad = text.indexOf('\uFFFD');
  if (bad < 0) return { ok: true, text, encoding };
  // The good prefix encodes back to the bytes before the bad one.
  const offset = iconvEncode(text.slice(0, bad), encoding).length;
  return { ok: false, reason: messages.notInEncoding(unit, encoding, offset, bytes[offset] ?? 0) };
}

/**
 * The legacy encoding chardet finds for the bytes, or a reason naming its best guesses.
 * Candidates that decode the bytes to the same text are one reading (Windows-1252 and
 * -1257 agree on “quotes”): the reading with the highest summed confidence is taken when
 * it reaches MIN_CONFIDENCE and the kit reads one of its encodings; otherwise the file is
 * refused, never read in a second-best guess.
 */
function detect(bytes: Uint8Array, unit: DecodedUnit): { encoding: LegacyEncoding } | { reason: string } {
  const sample = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, DETECTION_SAMPLE));
  const matches = analyse(sample).filter((m) => m.name !== 'UTF-8' && m.name !== 'ASCII' && encodingExists(m.name));
  const readings = new Map<string, { confidence: number; names: string[] }>();
  for (const m of matches) {
    const text = iconvDecode(sample, m.name);
    const reading = readings.get(text) ?? { confidence: 0, names: [] };
    reading.confidence += m.confidence;
    reading.names.push(m.name);
    readings.set(text, reading);
  }
  const best = [...readings.values()].sort((a, b) => b.confidence - a.confidence)[0];
  if (!best || best.confidence < MIN_CONFIDENCE) return { reason: messages.undetectedEncoding(unit, matches.slice(0, 3).map((m) => `${m.name} ${m.confidence}`)) };
  const encoding = best.names.map((n) => DETECTED[n]).find((e) => e !== undefined);
  return encoding ? { encoding } : { reason: messages.unreadEncoding(unit, best.names[0]!) };
}

/**
 * Bytes that are not valid UTF-8 (no BOM), decided by the option: refused (`utf-8`), in
 * the named legacy encoding, or in the one detected (`auto`). Never mojibake: a text
 * that is mostly UTF-8, or that the encoding cannot decode, is refused with a reason.
 */
function decodeNotUtf8(bytes: Uint8Array, encoding: Encoding, unit: DecodedUnit, bomLength: number): Decoded {
  const invalidAt = () => firstInvalidUtf8(bytes) + bomLength;
  if (encoding === 'utf-8') return { ok: false, reason: unit === 'file' ? messages.invalidUtf8(invalidAt()) : messages.jsonlInvalidUtf8(invalidAt()) };
  const damaged = (): Decoded => ({ ok: false, reason: messages.damagedUtf8(unit, invalidAt()) });
  const seq = utf8Sequences(bytes);
  if (bomLength > 0 || isDamagedUtf8(seq, undefined)) return damaged();
  const detected = encoding === 'auto' ? detect(bytes, unit) : { encoding };
  if (!('encoding' in detected)) return { ok: false, reason: detected.reason };
  return isDamagedUtf8(seq, detected.encoding) ? damaged() : decodeLegacy(bytes, detected.encoding, unit);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Text after a UTF-32 or UTF-16 BOM (UTF-16 through TextDecoder, which replaces lone surrogates; UTF-32 through iconv-lite). */
function decodeUnicode(bytes: Uint8Array, encoding: 'utf-32le' | 'utf-32be' | 'utf-16le' | 'utf-16be'): string {
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return new TextDecoder(encoding).decode(bytes);
  return iconvDecode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
}

/**
 * Bytes to text, decided per file: a UTF-32 or UTF-16 BOM says its encoding; valid UTF-8
 * (with or without BOM) is UTF-8, whatever `encoding` says; anything else goes by
 * `encoding` (see `Encoding`). Never returns mojibake: undecodable input is refused with
 * a reason.
 */
export function decodeBytes(bytes: Uint8Array, encoding: Encoding = 'auto'): Decoded {
  if (bytes.length === 0) return { ok: false, reason: messages.emptyFile() };
  const unicode = unicodeBom(bytes);
  if (unicode) return { ok: true, text: decodeUnicode(bytes.subarray(unicode.bom), unicode.encoding), encoding: unicode.encoding };
  const bomLength = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bytes.subarray(bomLength);
  const binaryAt = firstBinaryByte(body);
  if (binaryAt >= 0) return { ok: false, reason: messages.binaryFile(binaryAt) };
  try {
    return { ok: true, text: utf8.decode(body), encoding: 'utf-8' };
  } catch {
    return decodeNotUtf8(body, encoding, 'file', bomLength);
  }
}

/** One line of a .jsonl file, decided like a file: valid UTF-8 first, then by `encoding`. */
export function decodeLine(bytes: Uint8Array, encoding: Encoding = 'auto'): Decoded {
  try {
    return { ok: true, text: utf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    return decodeNotUtf8(bytes, encoding, 'line', 0);
  }
}

/** The UTF-32 and UTF-16 byte order marks; UTF-32 LE first, as its BOM begins like UTF-16 LE's. */
export function unicodeBom(bytes: Uint8Array): { encoding: 'utf-32le' | 'utf-32be' | 'utf-16le' | 'utf-16be'; bom: number } | undefined {
  const [a, b, c, d] = bytes;
  if (a === 0xff && b === 0xfe && c === 0x00 && d === 0x00) return { encoding: 'utf-32le', bom: 4 };
  if (a === 0x00 && b === 0x00 && c === 0xfe && d === 0xff) return { encoding: 'utf-32be', bom: 4 };
  if (a === 0xff && b === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (a === 0xfe && b === 0xff) return { encoding: 'utf-16be', bom: 2 };
  return undefined;
}
