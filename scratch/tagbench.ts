import { readFileSync } from 'node:fs';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
const lines = readFileSync('/tmp/srkit-bench/corpus-1000/corpus.jsonl', 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).text as string);
const nlp = winkNLP(model, ['pos']);
const its = nlp.its;
for (let round = 0; round < 3; round++) {
  let tRead = 0, tVal = 0, tPos = 0, tLem = 0;
  for (const text of lines) {
    let t = performance.now();
    const tokens = nlp.readDoc(text).tokens();
    tRead += performance.now() - t; t = performance.now();
    tokens.out(its.value); tVal += performance.now() - t; t = performance.now();
    tokens.out(its.pos); tPos += performance.now() - t; t = performance.now();
    tokens.out(its.lemma as any); tLem += performance.now() - t;
  }
  console.log({ tRead, tVal, tPos, tLem });
}
