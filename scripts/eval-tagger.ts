/**
 * How well the text layer's tagger reads the devset, for what the kit asks of it, beside
 * compromise (the other maintained JavaScript tagger): of the words of gold speaker and
 * actor names of people, the share tagged proper noun; of the gold reporting verbs
 * ("said", "warned", "told"), the share tagged verb; and the speed on the same texts.
 * Usage: npm run eval:tagger [-- --gold FILE --corpus DIR]
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import nlp from 'compromise';
import { analyzeText } from '../src/text';
import { loadDevsetGold } from '../src/evaluate/devset';
import { argValue } from './args';

interface Tagged {
  start: number;
  end: number;
  proper: boolean;
  verb: boolean;
}

function winkTags(text: string): Tagged[] {
  return analyzeText(text).tokens.map((t) => ({ start: t.start, end: t.end, proper: t.pos === 'PROPN', verb: t.pos === 'VERB' }));
}

function compromiseTags(text: string): Tagged[] {
  const out: Tagged[] = [];
  const json = nlp(text).json({ offset: true, terms: { offset: true } }) as { terms: { tags: string[]; offset: { start: number; length: number } }[] }[];
  for (const sentence of json) for (const t of sentence.terms) out.push({ start: t.offset.start, end: t.offset.start + t.offset.length, proper: t.tags.includes('ProperNoun'), verb: t.tags.includes('Verb') });
  return out;
}

/** Offsets of every whole-word occurrence of `word` in `text`. */
function occurrences(text: string, word: string): number[] {
  const out: number[] = [];
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu');
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m.index);
  return out;
}

function score(tagger: (text: string) => Tagged[], texts: { text: string; names: string[]; cues: string[] }[]) {
  let names = 0;
  let proper = 0;
  let cues = 0;
  let verbs = 0;
  for (const { text, names: nameWords, cues: cueWords } of texts) {
    const tags = tagger(text);
    const at = (offset: number) => tags.find((t) => t.start <= offset && offset < t.end);
    for (const w of nameWords) for (const o of occurrences(text, w)) (names++, at(o)?.proper && proper++);
    for (const w of cueWords) for (const o of occurrences(text, w)) (cues++, at(o)?.verb && verbs++);
  }
  const words = texts.reduce((n, t) => n + t.text.split(/\s+/).length, 0);
  const t0 = performance.now();
  for (let rep = 0; rep < 3; rep++) for (const { text } of texts) tagger(text);
  const seconds = (performance.now() - t0) / 1000 / 3;
  return { properNounRecall: proper / names, verbRecall: verbs / cues, names, cues, wordsPerSecond: Math.round(words / seconds) };
}

function main() {
  const root = resolve(__dirname, '..');
  const goldFile = resolve(argValue('--gold') ?? resolve(root, 'tests/fixtures/devset/gold.json'));
  const corpusDir = resolve(argValue('--corpus') ?? resolve(root, 'tests/fixtures/devset/articles'));
  const texts = loadDevsetGold(goldFile).map((g) => {
    const people = new Set(g.statements.filter((s) => s.speaker_type === 'person').map((s) => s.speaker));
    const reporting = new Set(g.statements.map((s) => s.cue.split(/\s+/)[0]!).filter((c) => /^[a-z]+$/.test(c) && c !== 'continuation' && c !== 'according'));
    return { text: readFileSync(resolve(corpusDir, g.file), 'utf8'), names: [...new Set([...people].flatMap((p) => p.split(/\s+/)))], cues: [...reporting] };
  });
  winkTags('warm up');
  compromiseTags('warm up');
  const f = (x: number) => x.toFixed(3);
  for (const [name, tagger] of [['wink-nlp (kit)', winkTags], ['compromise', compromiseTags]] as const) {
    const s = score(tagger, texts);
    console.log(`${name}: person-name words tagged proper noun ${f(s.properNounRecall)} (of ${s.names}); reporting verbs tagged verb ${f(s.verbRecall)} (of ${s.cues}); ${s.wordsPerSecond} words/s`);
  }
}

main();
