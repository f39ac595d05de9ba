/**
 * Prints precision, recall, speaker, kind and date accuracy of statement extraction
 * against the hand-annotated seeds (tests/fixtures/statements-gold.yaml).
 * Usage: npm run eval:statements [-- --verbose]
 */
import { resolve } from 'node:path';
import { loadCorpus } from '../src/corpus';
import { createPipeline } from '../src/pipeline';
import { evaluateStatements, loadGoldStatements } from '../src/annotators/statements/evaluate';

async function main() {
  const root = resolve(__dirname, '..');
  const gold = loadGoldStatements(resolve(root, 'tests/fixtures/statements-gold.yaml'));
  const corpus = await loadCorpus(resolve(root, 'seeds'));
  const pipeline = createPipeline();
  const predicted = corpus.articles.flatMap((a) => pipeline.annotate(a).statements);
  const s = evaluateStatements(gold, predicted);
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  console.log(`statements: gold ${s.gold}, predicted ${s.predicted}, matched ${s.matched}`);
  console.log(`precision ${pct(s.precision)}  recall ${pct(s.recall)}  F1 ${pct(s.f1)}`);
  console.log(`speaker accuracy ${pct(s.speakerAccuracy)}  kind accuracy ${pct(s.kindAccuracy)}  date accuracy ${pct(s.dateAccuracy)}`);
  if (process.argv.includes('--verbose')) {
    for (const m of s.misses) console.log(`  missed   ${m.article_id} s${m.sentence} ${m.speaker_id || '(unnamed)'} ${m.kind}`);
    for (const p of s.spurious) console.log(`  spurious ${p.article_id} s${p.sentence} ${p.speaker} (${p.cue}): ${p.text.slice(0, 70)}`);
    for (const w of s.wrongSpeaker) console.log(`  speaker  ${w.gold.article_id} s${w.gold.sentence} expected ${w.gold.speaker_id || '(unnamed)'} got ${w.predicted.speaker_id || w.predicted.speaker}`);
  }
}

main();
