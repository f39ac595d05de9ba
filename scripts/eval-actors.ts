/**
 * Actor recall and publication-date accuracy against a devset-format gold file.
 * Usage: npm run eval:actors [-- --gold FILE --corpus DIR] [--verbose]
 * Defaults: tests/fixtures/devset/gold.json over tests/fixtures/devset/articles.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadCorpus } from '../src/corpus';
import { createPipeline } from '../src/pipeline';
import { loadDevsetGold } from '../src/evaluate/devset';
import { scoreActors } from '../src/evaluate/actors';
import { argValue } from './args';

async function main() {
  const root = resolve(__dirname, '..');
  const goldFile = resolve(argValue('--gold') ?? resolve(root, 'tests/fixtures/devset/gold.json'));
  const corpusDir = resolve(argValue('--corpus') ?? resolve(root, 'tests/fixtures/devset/articles'));
  const gold = loadDevsetGold(goldFile);
  const corpus = await loadCorpus(corpusDir);
  const pipeline = createPipeline();
  const annotated = new Map(
    corpus.articles.map((a) => [a.file, { article: a, mentions: pipeline.annotate(a).mentions, source: readFileSync(resolve(corpusDir, a.file), 'utf8') }]),
  );
  const s = scoreActors(gold, annotated, pipeline.registry);
  const f = (x: number) => x.toFixed(3);
  console.log(`gold: ${goldFile}\ncorpus: ${corpusDir} (${corpus.articles.length} articles)`);
  console.log(`actor recall ${f(s.recall)} (${s.foundActors} of ${s.goldActors})`);
  console.log(`publication date right ${s.datesRight}/${s.articles.length}; stated on the page ${s.datesStatedRight}/${s.datesStated}; wrong dates ${s.datesWrong}`);
  if (process.argv.includes('--verbose')) {
    for (const a of s.articles) {
      const p = a.published;
      const date = p.right ? '' : `  date: gold ${p.gold}${p.stated ? ' (stated)' : ''}, got ${p.predicted || '(none)'}`;
      if (a.missed.length || date) console.log(`${a.file}: ${a.found}/${a.gold}${a.missed.length ? '  missed: ' + a.missed.join('; ') : ''}${date}`);
    }
  }
}

main().catch((e) => {
  console.error((e as Error).message);
  process.exit(1);
});
