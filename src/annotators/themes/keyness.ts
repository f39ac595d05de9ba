/**
 * Keyness: which words distinguish a target group of texts from a reference group,
 * as quanteda's `textstat_keyness(measure = "lr")` computes it: for each word the
 * 2×2 table (word / other words × target / reference), the likelihood-ratio G²
 * signed + when the word is over-represented in the target, with quanteda's default
 * Yates correction (applied when an expected cell is below 5 and |ad − bc| > N/2),
 * and Pearson's chi² (measure = "chi2", same correction rule) beside it. p is the
 * upper tail of chi-squared with 1 degree of freedom at |G²|.
 */

import { readFileSync } from 'node:fs';
import { dataPath } from '../../data';
import { normalizeForMatching } from '../../corpus/normalize';
import { analyzeText, type TokenLayer } from '../../text';
import { forEachWord, lowerWord } from '../../text';

export interface KeynessRow {
  feature: string;
  /** Occurrences in the target texts. */
  n_target: number;
  /** Occurrences in the reference texts. */
  n_reference: number;
  /** Signed log-likelihood G². */
  G2: number;
  /** Signed chi². */
  chi2: number;
  /** p-value of |G²| (chi-squared, 1 df). */
  p: number;
}

/** ln Γ(x) for x > 0 (Lanczos, g = 7, 9 terms; ~15 significant digits). */
function lnGamma(x: number): number {
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  const z = x - 1;
  let a = c[0]!;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Regularised upper incomplete gamma Q(a, x) (series below a+1, continued fraction above). */
function upperGamma(a: number, x: number): number {
  if (x <= 0) return 1;
  const lnPrefix = -x + a * Math.log(x) - lnGamma(a);
  if (x < a + 1) {
    let sum = 1 / a;
    let term = sum;
    for (let n = 1; n < 1000 && Math.abs(term) > Math.abs(sum) * 1e-16; n++) {
      term *= x / (a + n);
      sum += term;
    }
    return 1 - sum * Math.exp(lnPrefix);
  }
  // Lentz's method for the continued fraction.
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(lnPrefix) * h;
}

/** P(X ≥ x) for X chi-squared with `df` degrees of freedom (R's `1 - pchisq(x, df)`). */
export function chiSquareUpperTail(x: number, df = 1): number {
  return upperGamma(df / 2, x / 2);
}

const xlogy = (a: number, ratio: number) => (a === 0 ? 0 : a * Math.log(ratio));

/** Signed G² and chi² for one word: a, b its counts in target and reference, c, d the other words. */
export function keynessCell(a: number, b: number, c: number, d: number): { G2: number; chi2: number } {
  const N = a + b + c + d;
  const E11 = ((a + b) * (a + c)) / N;
  const sign = a > E11 ? 1 : -1;
  const smallExpected =
    ((a + b) * (a + c)) / N < 5 || ((a + b) * (b + d)) / N < 5 || ((a + c) * (c + d)) / N < 5 || ((c + d) * (b + d)) / N < 5;
  const diff = a * d - b * c;
  const margins = (a + b) * (c + d) * (a + c) * (b + d);

  const chiYates = smallExpected && Math.abs(diff) >= N / 2;
  const chi2 = (sign * (N * (Math.abs(diff) - (chiYates ? N / 2 : 0)) ** 2)) / margins;

  // G²: quanteda shifts the cells by ½ towards independence before the logs.
  let [A, B, C, D] = [a, b, c, d];
  if (smallExpected && Math.abs(diff) > N / 2) {
    const s = diff > 0 ? -0.5 : 0.5;
    [A, B, C, D] = [a + s, b - s, c - s, d + s];
  }
  const G2 =
    2 *
    (xlogy(A, A / E11) + xlogy(B, B / (((a + b) * (b + d)) / N)) + xlogy(C, C / (((a + c) * (c + d)) / N)) + xlogy(D, D / (((b + d) * (c + d)) / N)));
  return { G2: sign * G2, chi2 };
}

/** Keyness of every word seen in either group, sorted by G² (most key to the target first). */
export function keynessFromCounts(target: ReadonlyMap<string, number>, reference: ReadonlyMap<string, number>): KeynessRow[] {
  const total = (m: ReadonlyMap<string, number>) => [...m.values()].reduce((s, n) => s + n, 0);
  const nTarget = total(target);
  const nReference = total(reference);
  if (nTarget === 0 || nReference === 0) return [];
  const features = [...new Set([...target.keys(), ...reference.keys()])];
  return features
    .map((feature) => {
      const a = target.get(feature) ?? 0;
      const b = reference.get(feature) ?? 0;
      const { G2, chi2 } = keynessCell(a, b, nTarget - a, nReference - b);
      return { feature, n_target: a, n_reference: b, G2, chi2, p: chiSquareUpperTail(Math.abs(G2)) };
    })
    .sort((x, y) => y.G2 - x.G2 || (x.feature < y.feature ? -1 : x.feature > y.feature ? 1 : 0));
}

let defaultStopwords: ReadonlySet<string> | undefined;

/** Stopwords from a one-word-per-line file (`#` comments); default: the kit's `themes/stopwords.txt`. */
export function loadStopwords(file = dataPath('annotators/themes/stopwords.txt')): ReadonlySet<string> {
  const words = readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.trim().toLowerCase())
    .filter((l) => l && !l.startsWith('#'));
  return new Set(words);
}

/** Calls `visit` with the keyness feature of each word of [from, to) not in `stopwords` (default: the kit's). */
function forEachFeature(layer: TokenLayer, from: number, to: number, stopwords: ReadonlySet<string> | undefined, visit: (feature: string) => void): void {
  const skip = stopwords ?? (defaultStopwords ??= loadStopwords());
  forEachWord(layer, from, to, (start, end, first, last) => {
    const lower = lowerWord(layer, start, end, first, last);
    const feature = lower.includes('’') ? lower.replace(/’/g, "'") : lower;
    if (!skip.has(feature)) visit(feature);
  });
}

/**
 * Adds the keyness features of the words of the layer's text in [from, to) to
 * `counts`: each word lower-cased (straight apostrophes), stopwords left out (as
 * analysts do before quanteda's textstat_keyness; pass an empty set to keep every
 * word). Words are the text layer's, glued as tokens.ts says, so "china's" and
 * "non-alliance" are features as in quanteda's tokens().
 */
export function countKeynessWords(layer: TokenLayer, from: number, to: number, counts: Map<string, number>, stopwords?: ReadonlySet<string>): void {
  forEachFeature(layer, from, to, stopwords, (feature) => counts.set(feature, (counts.get(feature) ?? 0) + 1));
}

/**
 * The keyness features of a text outside any article, in order: the text tagged on
 * its own, in the matching form an article's `norm` has (see `countKeynessWords`).
 */
export function keynessTokens(text: string, stopwords?: ReadonlySet<string>): string[] {
  const out: string[] = [];
  forEachFeature(analyzeText(normalizeForMatching(text)), 0, text.length, stopwords, (feature) => out.push(feature));
  return out;
}
