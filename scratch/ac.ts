import { loadCodebook } from '../src/annotators/themes';
import { PrefilterIndex } from '../src/annotators/themes/prefilter';
import { compiledThemes } from '../src/annotators/themes/codebook';
const cb = loadCodebook();
const all = compiledThemes(cb).flatMap((c) => [...c.patterns, ...c.exclude]);
const idx = new PrefilterIndex(all.map((p) => p.prefilter)) as any;
const sc = idx.scanner;
console.log({ patterns: all.length, terms: idx.termSize.length, reqs: idx.patternOfRequirement.length, states: sc.next.length / sc.width, width: sc.width, bytes: sc.next.byteLength, literals: idx.termsOf.length, type: sc.next.constructor.name });
const lits = [...(idx.scanner ? [] : [])];
import { readFileSync } from 'node:fs';
const texts = readFileSync('/tmp/srkit-bench/corpus-1000/corpus.jsonl', 'utf8').split('\n').filter(Boolean).flatMap((l) => (JSON.parse(l).text as string).split(/(?<=[.!?])\s+/)).map((s) => s.toLowerCase());
const chars = texts.reduce((a, t) => a + t.length, 0);
for (let r = 0; r < 5; r++) {
  let t = performance.now(); let found = 0;
  for (const s of texts) found += sc.scan(s).length;
  const scanMs = performance.now() - t; t = performance.now();
  for (const s of texts) idx.mayMatch(s);
  const mm = performance.now() - t;
  console.log({ texts: texts.length, chars, scanMs, nsPerChar: (scanMs * 1e6) / chars, mayMatchMs: mm, foundPerText: found / texts.length });
}
