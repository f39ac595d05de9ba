/**
 * A large, deterministic benchmark corpus: paragraphs of the five seeds recombined
 * into articles of realistic length (400–900 words), with dates spread over
 * 2021–2024 and a mix of outlets, written as one .jsonl file. The same seed
 * always gives the same bytes, so runs on different days compare.
 */
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { loadCorpus, countWords } from '../../src/corpus';

/** mulberry32: a small, fast, well-mixed 32-bit PRNG (no Math.random, so runs repeat). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const OUTLETS = ['Reuters', 'Associated Press', 'AFP', 'Xinhua', 'TASS', 'Global Times', 'DW', 'Newsweek', 'South China Morning Post', 'The Moscow Times', 'Nikkei Asia', 'Al Jazeera'];

export interface BenchArticle {
  id: string;
  title: string;
  outlet: string;
  published: string;
  text: string;
}

export interface PlannedCorpus {
  /** The .jsonl file written. */
  file: string;
  articles: number;
  /** Words of all texts (the kit's `countWords`, the same count for every tool timed). */
  words: number;
}

/** The seeds' paragraphs (captions and one-line headings left out) and their titles. */
export async function seedMaterial(seedsDir = 'seeds'): Promise<{ paragraphs: string[]; titles: string[] }> {
  const corpus = await loadCorpus(seedsDir);
  const paragraphs: string[] = [];
  const titles: string[] = [];
  for (const a of corpus.articles) {
    titles.push(a.title);
    for (const p of a.paragraphs) {
      const text = a.text.slice(p.start, p.end);
      if (!p.caption && countWords(text) >= 12) paragraphs.push(text);
    }
  }
  return { paragraphs, titles };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Article `index` of the corpus drawn from `rand`. */
function makeArticle(index: number, rand: () => number, material: { paragraphs: string[]; titles: string[] }): BenchArticle {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const target = 400 + Math.floor(rand() * 500);
  const parts: string[] = [];
  let words = 0;
  while (words < target) {
    const p = pick(material.paragraphs);
    parts.push(p);
    words += countWords(p);
  }
  const year = 2021 + Math.floor(rand() * 4);
  const month = 1 + Math.floor(rand() * 12);
  const day = 1 + Math.floor(rand() * 28);
  return {
    id: `bench-${String(index).padStart(6, '0')}`,
    title: pick(material.titles),
    outlet: pick(OUTLETS),
    published: `${year}-${pad(month)}-${pad(day)}`,
    text: parts.join('\n\n') + '\n',
  };
}

/** Every article of an `n`-article corpus, one at a time (never all in memory). */
export function* benchArticles(n: number, material: { paragraphs: string[]; titles: string[] }, seed = 20240101): Generator<BenchArticle> {
  const rand = prng(seed);
  for (let i = 0; i < n; i++) yield makeArticle(i, rand, material);
}

/** Writes `DIR/corpus.jsonl` with `n` articles; returns its size in articles and words. */
export async function writeBenchCorpus(dir: string, n: number, seed = 20240101): Promise<PlannedCorpus> {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'corpus.jsonl');
  const material = await seedMaterial();
  const out = createWriteStream(file);
  let words = 0;
  let count = 0;
  for (const a of benchArticles(n, material, seed)) {
    words += countWords(a.text);
    count++;
    if (!out.write(JSON.stringify(a) + '\n')) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return { file, articles: count, words };
}
