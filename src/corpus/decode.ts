import { messages } from '../messages';

export type Encoding = 'utf-8' | 'windows-1252';
export const ENCODINGS: readonly Encoding[] = ['utf-8', 'windows-1252'];

export type Decoded = { ok: true; text: string } | { ok: false; reason: string };

// Bytes 0x80-0x9F, where Windows-1252 differs from Latin-1 (WHATWG table; unassigned bytes keep their C1 code point).
// Node 20's TextDecoder('windows-1252') decodes them as Latin-1 C1 controls, so the table is applied here.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** Windows-1252 bytes to text. */
export function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1')
    .replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

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
  const fatal = new TextDecoder('utf-8', { fatal: true });
  // Binary search for the longest prefix that decodes (allowing a cut-off sequence at its end).
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    try {
      fatal.decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  return lo;
}

/**
 * Bytes to text. UTF-8 (with or without BOM) and UTF-16 with a BOM are detected;
 * anything else must be valid UTF-8 unless the caller chose Windows-1252.
 * Never returns mojibake: undecodable input is refused with a reason.
 */
export function decodeBytes(bytes: Uint8Array, encoding: Encoding = 'utf-8'): Decoded {
  if (bytes.length === 0) return { ok: false, reason: messages.emptyFile() };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  const binaryAt = firstBinaryByte(body);
  if (binaryAt >= 0) return { ok: false, reason: messages.binaryFile(binaryAt) };
  if (encoding === 'windows-1252') return { ok: true, text: decodeWindows1252(body) };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(body) };
  } catch {
    return { ok: false, reason: messages.invalidUtf8(firstInvalidUtf8(body) + (body === bytes ? 0 : 3)) };
  }
}
