/**
 * Child process of the benchmark: times one peer library on the texts of a bench
 * corpus (.jsonl) and prints one JSON line. Model/library loading is outside the
 * timing; reading the texts too (the peers get strings in memory, the kit reads
 * and cleans files, so the comparison favours the peers).
 *
 *   tsx scripts/bench/peers.ts wink|compromise CORPUS.jsonl
 */
import { readFileSync } from 'node:fs';

type Tool = (text: string) => number;

/** wink-nlp with its English lite model: sentences and named entities. */
function wink(): Tool {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const winkNLP = require('wink-nlp') as (model: unknown) => { readDoc(t: string): { sentences(): { out(): string[] }; entities(): { out(): string[] } } };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const model = require('wink-eng-lite-web-model') as unknown;
  const nlp = winkNLP(model);
  return (text) => {
    const doc = nlp.readDoc(text);
    return doc.sentences().out().length + doc.entities().out().length;
  };
}

/** compromise: quotations and people. */
function compromise(): Tool {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require('compromise') as { default?: unknown };
  const nlp = (mod.default ?? mod) as (t: string) => { quotations(): { out(f: 'array'): string[] }; people(): { out(f: 'array'): string[] } };
  return (text) => {
    const doc = nlp(text);
    return doc.quotations().out('array').length + doc.people().out('array').length;
  };
}

function main(): void {
  const [name, file] = process.argv.slice(2);
  const tools: Record<string, () => Tool> = { wink, compromise };
  const make = name ? tools[name] : undefined;
  if (!make || !file) throw new Error('usage: peers.ts wink|compromise CORPUS.jsonl');
  const texts = readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { text: string }).text);
  const run = make();
  run('Warm-up: Wang Yi said "China and Russia are partners," according to Xinhua.');
  const t0 = performance.now();
  let found = 0;
  for (const text of texts) found += run(text);
  const ms = performance.now() - t0;
  process.stdout.write(JSON.stringify({ tool: name, ms, articles: texts.length, found, maxRssMB: process.resourceUsage().maxRSS / 1024 }) + '\n');
}

main();
