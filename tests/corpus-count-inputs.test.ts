import { describe, expect, it } from 'vitest';
import { countInputs } from '../src/corpus/read';
import { SEEDS, tempCorpus } from './helpers';

describe('countInputs (the progress bar total)', () => {
  it('counts the five seeds, not their manifest', () => {
    expect(countInputs(SEEDS)).toBe(5);
  });
  it('counts one input per .jsonl line, with or without a final newline', () => {
    const dir = tempCorpus({
      'a.txt': 'China vowed Wednesday it would not accept "criticism or pressure".',
      'b.jsonl': '{"text":"one"}\n{"text":"two"}\n{"text":"three"}',
      'c.jsonl': '{"text":"one"}\n',
      'manifest.csv': 'file,title,outlet,url,published\n',
    });
    expect(countInputs(dir)).toBe(5);
  });
  it('leaves out an excluded folder (the report output inside the corpus)', () => {
    const dir = tempCorpus({ 'a.txt': 'text', 'out/tables/articles.csv': 'article_id\n' });
    expect(countInputs(dir, [`${dir}/out`])).toBe(1);
    expect(countInputs(dir)).toBe(2);
  });
});
