/**
 * Every attribution rule of attribution-rules.yaml reads its example (speaker,
 * content, the rule id in statements.csv's `rule` column) and does not read its
 * counter example.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { articleFromText } from '../src/corpus';
import { createPipeline, type Pipeline } from '../src/pipeline';
import { ATTRIBUTION_RULES } from '../src/annotators/statements/draft';
import { loadAttributionRules } from '../src/annotators/statements/rules';

let pipeline: Pipeline;
beforeAll(() => {
  pipeline = createPipeline();
});

const rules = loadAttributionRules();
const read = (text: string, published: string) => pipeline.annotate(articleFromText(text, { published })).statements;

describe('attribution-rules.yaml', () => {
  it('specifies every rule of the extractor, once', () => {
    expect(rules.map((r) => r.id).sort()).toEqual([...ATTRIBUTION_RULES].sort());
  });

  for (const rule of rules) {
    it(`${rule.id}: reads "${rule.example.text.slice(0, 60).replace(/\n/g, ' ')}…"`, () => {
      const found = read(rule.example.text, rule.example.published).filter((s) => s.rule === rule.id);
      expect(found.map((s) => s.speaker_id || s.speaker)).toContain(rule.example.speaker);
      expect(found.some((s) => s.text.startsWith(rule.example.content))).toBe(true);
    });
    it(`${rule.id}: does not read "${rule.counter_example.text.slice(0, 60).replace(/\n/g, ' ')}…"`, () => {
      expect(read(rule.counter_example.text, rule.counter_example.published).filter((s) => s.rule === rule.id)).toEqual([]);
    });
  }
});
