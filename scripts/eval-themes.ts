/**
 * Prints per-theme precision, recall and F1 of a codebook against the hand-coded
 * seed sentences: `npm run eval:themes [-- --codebook FILE] [-- --gold FILE] [-- --verbose]`.
 */
import { resolve } from 'node:path';
import { loadCodebook } from '../src/annotators/themes/load';
import { evaluateThemes, loadGold } from '../src/annotators/themes/evaluate';
import { PACKAGE_ROOT } from '../src/data';
import { KitError } from '../src/errors';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const pct = (x: number | null) => (x === null ? '   –' : `${(x * 100).toFixed(0).padStart(3)}%`);

try {
  const codebook = loadCodebook(option('--codebook'));
  const goldFile = option('--gold') ?? resolve(PACKAGE_ROOT, 'tests', 'fixtures', 'themes-gold.yaml');
  const result = evaluateThemes(loadGold(goldFile), codebook);
  const width = Math.max(...result.themes.map((t) => t.theme.length), 7);
  const line = (name: string, t: (typeof result.themes)[number]) =>
    `${name.padEnd(width)}  ${String(t.tp).padStart(3)} ${String(t.fp).padStart(3)} ${String(t.fn).padStart(3)}   ${pct(t.precision)} ${pct(t.recall)} ${pct(t.f1)}`;
  console.log(`codebook ${codebook.version} (${codebook.format}) against ${result.sentences} hand-coded sentences`);
  console.log(`${'theme'.padEnd(width)}   tp  fp  fn   prec  rec   F1`);
  for (const t of result.themes) console.log(line(t.theme, t));
  console.log(line('micro', result.micro));
  if (process.argv.includes('--verbose')) {
    for (const d of result.disagreements) {
      console.log(`${d.article_id}#${d.sentence}: ${d.missed.length ? `missed ${d.missed.join(', ')}` : ''}${d.missed.length && d.extra.length ? '; ' : ''}${d.extra.length ? `extra ${d.extra.join(', ')}` : ''}`);
    }
  }
} catch (e) {
  if (e instanceof KitError) {
    console.error(`error: ${e.message}`);
    process.exitCode = 2;
  } else throw e;
}
