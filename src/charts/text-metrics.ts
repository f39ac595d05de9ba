/**
 * Text widths for vega's headless renderer. Without node-canvas, vega estimates every
 * character as 0.8 em, which cuts axis labels short ("Democracy and human rights con…")
 * and leaves wide blank margins. The charts use DejaVu Sans (the font the PNG renderer
 * loads), so widths come from its advance widths, in em (units / 2048), by character.
 */
const NARROW = 0.3;
const DEFAULT_LOWER = 0.6;
const DEFAULT_UPPER = 0.7;
const DEFAULT_OTHER = 0.65;

const ADVANCE: Record<string, number> = {
  ' ': 0.318, '!': 0.4, '"': 0.46, '#': 0.838, '%': 0.95, '&': 0.78, "'": 0.275, '(': 0.39, ')': 0.39, '*': 0.5,
  '+': 0.838, ',': 0.318, '-': 0.361, '.': 0.318, '/': 0.337, ':': 0.337, ';': 0.337, '?': 0.531, '@': 1.0,
  '[': 0.39, ']': 0.39, '_': 0.5, '|': 0.337, '–': 0.5, '—': 1.0, '…': 1.0, '’': 0.318, '‘': 0.318, '“': 0.518, '”': 0.518,
  '×': 0.838, '²': 0.4, '≥': 0.838, '≈': 0.838,
  a: 0.613, b: 0.635, c: 0.55, d: 0.635, e: 0.615, f: 0.352, g: 0.635, h: 0.634, i: 0.278, j: 0.278, k: 0.579,
  l: 0.278, m: 0.974, n: 0.634, o: 0.612, p: 0.635, q: 0.635, r: 0.411, s: 0.521, t: 0.392, u: 0.634, v: 0.592,
  w: 0.818, x: 0.592, y: 0.592, z: 0.525,
  A: 0.684, B: 0.686, C: 0.698, D: 0.77, E: 0.632, F: 0.575, G: 0.775, H: 0.752, I: 0.295, J: 0.295, K: 0.656,
  L: 0.557, M: 0.863, N: 0.748, O: 0.787, P: 0.603, Q: 0.787, R: 0.695, S: 0.635, T: 0.611, U: 0.732, V: 0.684,
  W: 0.989, X: 0.685, Y: 0.611, Z: 0.685,
};

function advance(ch: string): number {
  const known = ADVANCE[ch];
  if (known !== undefined) return known;
  if (/[0-9]/.test(ch)) return 0.636;
  if (/\p{Ll}/u.test(ch)) return DEFAULT_LOWER;
  if (/\p{Lu}/u.test(ch)) return DEFAULT_UPPER;
  if (/\p{M}/u.test(ch)) return 0;
  if (/[\u2000-\u200f]/.test(ch)) return NARROW;
  return DEFAULT_OTHER;
}

/** Width in pixels of `text` set in DejaVu Sans at `fontSize` px (bold about 8% wider). */
export function textWidth(text: string, fontSize: number, fontWeight?: string | number): number {
  let em = 0;
  for (const ch of text) em += advance(ch);
  const bold = fontWeight === 'bold' || (typeof fontWeight === 'number' && fontWeight >= 600) || fontWeight === '600' || fontWeight === '700';
  // A little over the table: hinting and kerning at small sizes rarely make text narrower.
  return em * fontSize * (bold ? 1.08 : 1) * 1.04;
}

interface TextItem {
  text?: unknown;
  fontSize?: number;
  fontWeight?: string | number;
}

let installed = false;

/** Makes vega (in this process) measure text with DejaVu Sans widths instead of its 0.8 em guess. */
export function installTextMetrics(vega: { textMetrics: { width: (item: TextItem, text?: unknown) => number } }): void {
  if (installed) return;
  installed = true;
  vega.textMetrics.width = (item: TextItem, text?: unknown) => {
    const value = text ?? item.text ?? '';
    const lines = Array.isArray(value) ? value.map(String) : [String(value)];
    return Math.max(0, ...lines.map((l) => textWidth(l, item.fontSize ?? 11, item.fontWeight)));
  };
}
