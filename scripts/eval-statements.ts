/**
 * Statement extraction scored against hand-made gold.
 * Usage: npm run eval:statements [-- --gold FILE --corpus DIR] [--verbose]
 *
 * Without --gold: the seeds' own gold (tests/fixtures/statements-gold.yaml, in-sample:
 * the rules were first written on the seeds), then the devset
 * (tests/fixtures/devset/gold.json over its articles: 30 real articles no rule was
 * written on). A --gold FILE ending in .json is read in the devset's format
 * (tests/fixtures/devset/README.md), with --corpus naming its articles' folder.
 */
import { resolve } from 'node:path';
import { loadCorpus } from '../src/corpus';
import { createPipeline, type Pipeline } from '../src/pipeline';
import { evaluateStatements, loadGoldStatements } from '../src/annotators/statements/evaluate';
import { loadDevsetGold } from '../src/evaluate/devset';
import { scoreDevsetStatements, type Share } from '../src/evaluate/statements';
import { argValue } from './args';

const ROOT = resolve(__dirname, '..');
const verbose = process.argv.includes('--verbose');
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const ratio = (s: Share) => `${pct(s.share)} (${s.right}/${s.of})`;

async function seeds(pipeline: Pipeline, goldFile: string, corpusDir: string) {
  const gold = loadGoldStatements(goldFile);
  const corpus = await loadCorpus(corpusDir);
  const predicted = corpus.articles.flatMap((a) => pipeline.annotate(a).statements);
  const s = evaluateStatements(gold, predicted);
  console.log(`seeds (${goldFile}, in-sample): gold ${s.gold}, predicted ${s.predicted}, matched ${s.matched}`);
  console.log(`  precision ${pct(s.precision)}  recall ${pct(s.recall)}  F1 ${pct(s.f1)}`);
  console.log(`  speaker ${pct(s.speakerAccuracy)}  kind ${pct(s.kindAccuracy)}  date ${pct(s.dateAccuracy)}`);
  if (verbose) {
    for (const m of s.misses) console.log(`  missed   ${m.article_id} s${m.sentence} ${m.speaker_id || '(unnamed)'} ${m.kind}`);
    for (const p of s.spurious) console.log(`  spurious ${p.article_id} s${p.sentence} ${p.speaker} (${p.cue}): ${p.text.slice(0, 70)}`);
    for (const w of s.wrongSpeaker) console.log(`  speaker  ${w.gold.article_id} s${w.gold.sentence} expected ${w.gold.speaker_id || '(unnamed)'} got ${w.predicted.speaker_id || w.predicted.speaker}`);
  }
}

async function devset(pipeline: Pipeline, goldFile: string, corpusDir: string) {
  const gold = loadDevsetGold(goldFile);
  const corpus = await loadCorpus(corpusDir);
  const annotated = new Map(corpus.articles.map((a) => [a.file, { article: a, statements: pipeline.annotate(a).statements }]));
  const s = scoreDevsetStatements(gold, annotated, pipeline.registry);
  console.log(`${goldFile} over ${corpusDir}: ${s.required} required statements, found ${s.found}`);
  console.log(`  recall ${pct(s.recall)}  precision ${pct(s.precision)} (${s.correct}/${s.predicted} scored predictions; ${s.junk} junk)`);
  console.log(`  speaker ${ratio(s.speaker)}  kind ${ratio(s.kind)}  date ${ratio(s.date)}`);
  console.log(`  recall by kind: ${Object.entries(s.recallByKind).map(([k, v]) => `${k} ${ratio(v)}`).join('  ')}`);
  console.log(`  found by rule: ${Object.entries(s.foundByRule).map(([k, v]) => `${k} ${v}`).join('  ')}`);
  if (verbose) {
    for (const m of s.misses) console.log(`  missed   ${m.file} [${m.gold.kind}] ${m.gold.speaker} (${m.gold.cue}): ${m.gold.quote}`);
    for (const w of s.wrongSpeaker) console.log(`  speaker  ${w.file} expected ${w.gold.speaker} got ${w.predicted.speaker} (${w.predicted.speaker_id || w.predicted.speaker_type}): ${w.gold.quote}`);
    for (const u of s.unmatched) console.log(`  ${u.junk ? 'junk    ' : 'not gold'} ${u.file} ${u.predicted.speaker} (${u.predicted.cue}): ${u.predicted.text.slice(0, 80)}`);
  }
}

async function main() {
  const pipeline = createPipeline();
  const goldFile = argValue('--gold');
  const corpus = argValue('--corpus');
  if (!goldFile) {
    await seeds(pipeline, resolve(ROOT, 'tests/fixtures/statements-gold.yaml'), resolve(ROOT, 'seeds'));
    await devset(pipeline, resolve(ROOT, 'tests/fixtures/devset/gold.json'), resolve(ROOT, 'tests/fixtures/devset/articles'));
  } else if (goldFile.endsWith('.json')) await devset(pipeline, resolve(goldFile), resolve(corpus ?? resolve(ROOT, 'tests/fixtures/devset/articles')));
  else await seeds(pipeline, resolve(goldFile), resolve(corpus ?? resolve(ROOT, 'seeds')));
}

main().catch((e) => {
  console.error((e as Error).message);
  process.exit(1);
});
