/**
 * Theme coding scored against hand-coded gold.
 * Usage: npm run eval:themes [-- --gold FILE --corpus DIR] [--codebook FILE] [--verbose]
 *
 * Without --gold: the seeds' hand-coded sentences (tests/fixtures/themes-gold.yaml;
 * in-sample: the codebook was first written on the seeds), then the devset
 * (tests/fixtures/devset/gold.json over its articles, statement by statement: for
 * each gold statement the kit found, its themes against the gold's). A --gold FILE
 * ending in .json is read in the devset's format (tests/fixtures/devset/README.md),
 * with --corpus naming its articles' folder (default: the devset's); any other gold
 * file is read as hand-coded sentences (YAML). --verbose lists disagreements.
 */
import { resolve } from 'node:path';
import { loadCorpus } from '../src/corpus';
import { createPipeline, type Pipeline } from '../src/pipeline';
import { evaluateThemes, loadGold, type ThemeScore } from '../src/annotators/themes/evaluate';
import { loadDevsetGold } from '../src/evaluate/devset';
import { scoreDevsetThemes } from '../src/evaluate/themes';
import { KitError } from '../src/errors';
import { argValue } from './args';

const ROOT = resolve(__dirname, '..');
const verbose = process.argv.includes('--verbose');
const pct = (x: number | null) => (x === null ? '    –' : `${(x * 100).toFixed(1).padStart(5)}%`);

function table(scores: readonly ThemeScore[], micro: ThemeScore, goldCounts?: Record<string, number>): void {
  const width = Math.max(...scores.map((t) => t.theme.length), 7);
  const line = (name: string, t: ThemeScore, n?: number) =>
    `  ${name.padEnd(width)}  ${String(t.tp).padStart(3)} ${String(t.fp).padStart(3)} ${String(t.fn).padStart(3)}  ${pct(t.precision)} ${pct(t.recall)} ${pct(t.f1)}${n === undefined ? '' : String(n).padStart(6)}`;
  console.log(`  ${'theme'.padEnd(width)}   tp  fp  fn    prec    rec     F1${goldCounts ? '  gold' : ''}`);
  for (const t of scores) console.log(line(t.theme, t, goldCounts?.[t.theme]));
  console.log(line('micro', micro));
}

function seeds(pipeline: Pipeline, goldFile: string): void {
  const result = evaluateThemes(loadGold(goldFile), pipeline.codebook);
  console.log(`seeds (${goldFile}, in-sample: the codebook was written on them): ${result.sentences} hand-coded sentences`);
  table(result.themes, result.micro);
  if (verbose) {
    for (const d of result.disagreements) {
      const parts = [d.missed.length ? `missed ${d.missed.join(', ')}` : '', d.extra.length ? `extra ${d.extra.join(', ')}` : ''].filter(Boolean);
      console.log(`  ${d.article_id}#${d.sentence}: ${parts.join('; ')}`);
    }
  }
}

async function devset(pipeline: Pipeline, goldFile: string, corpusDir: string): Promise<void> {
  const gold = loadDevsetGold(goldFile);
  const corpus = await loadCorpus(corpusDir);
  const annotated = new Map(corpus.articles.map((a) => [a.file, pipeline.annotate(a)]));
  const s = scoreDevsetThemes(gold, annotated, pipeline.codebook.themes.map((t) => t.id));
  console.log(
    `${goldFile} over ${corpusDir}: ${s.statements} gold statements found and scored ` +
      `(${s.unscored.statements} not found by the statement extractor, ${s.unscored.withThemes} of them with themes, not scored)`,
  );
  table(s.themes, s.micro, s.goldCounts);
  if (verbose) {
    for (const d of s.disagreements) {
      const parts = [d.missed.length ? `missed ${d.missed.join(', ')}` : '', d.extra.length ? `extra ${d.extra.join(', ')}` : ''].filter(Boolean);
      console.log(`  ${d.file} ${d.predicted.statement_id} [${parts.join('; ')}] ${d.predicted.speaker}: ${d.predicted.text.replace(/\s+/g, ' ')}`);
    }
  }
}

async function main(): Promise<void> {
  const pipeline = createPipeline({ codebook: argValue('--codebook') });
  const goldFile = argValue('--gold');
  const corpus = argValue('--corpus');
  console.log(`codebook ${pipeline.codebook.version} (${pipeline.codebook.format}, ${pipeline.codebook.source})`);
  if (!goldFile) {
    seeds(pipeline, resolve(ROOT, 'tests/fixtures/themes-gold.yaml'));
    await devset(pipeline, resolve(ROOT, 'tests/fixtures/devset/gold.json'), resolve(ROOT, 'tests/fixtures/devset/articles'));
  } else if (goldFile.endsWith('.json')) await devset(pipeline, resolve(goldFile), resolve(corpus ?? resolve(ROOT, 'tests/fixtures/devset/articles')));
  else seeds(pipeline, resolve(goldFile));
}

main().catch((e) => {
  if (e instanceof KitError) {
    console.error(`error: ${e.message}`);
    process.exitCode = 2;
  } else {
    console.error((e as Error).message);
    process.exitCode = 1;
  }
});
