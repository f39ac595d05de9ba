/**
 * Every attribution rule of attribution-rules.yaml reads its example (speaker,
 * content, the rule id in statements.csv's `rule` column) and does not read its
 * counter example.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dump, load } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleFromText } from '../src/corpus';
import { createPipeline, type Pipeline } from '../src/pipeline';
import { ATTRIBUTION_RULES } from '../src/annotators/statements/draft';
import { ATTRIBUTION_RULES_FILE, loadAttributionRules } from '../src/annotators/statements/rules';

let pipeline: Pipeline;
beforeAll(() => {
  pipeline = createPipeline();
});

const rules = loadAttributionRules().specs;
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

describe('the patterns are what the extractor runs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'srkit-rules-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const source = load(readFileSync(ATTRIBUTION_RULES_FILE, 'utf8')) as { rules: { id: string; patterns: unknown[] }[] };
  /** The kit's rules file with `edit` applied to a copy of it. */
  const rulesFile = (name: string, edit: (rules: { id: string; patterns: unknown[] }[]) => void) => {
    const copy = structuredClone(source);
    edit(copy.rules);
    const file = join(dir, `${name}.yaml`);
    writeFileSync(file, dump(copy));
    return file;
  };

  for (const rule of rules) {
    it(`${rule.id}: reads nothing once its patterns match nothing`, () => {
      const file = rulesFile(rule.id, (all) => {
        all.find((r) => r.id === rule.id)!.patterns = [[{ LEMMA: 'no-such-word' }]];
      });
      const found = createPipeline({ attributionRules: file }).annotate(articleFromText(rule.example.text, { published: rule.example.published })).statements;
      expect(found.filter((s) => s.rule === rule.id)).toEqual([]);
    });
  }

  it('names the file, rule and pattern of an attribute the units do not carry', () => {
    const file = rulesFile('unknown', (all) => {
      all[0]!.patterns = [[{ CUE: 'verb' }, { ENTITY: 'PERSON' }]];
    });
    expect(() => loadAttributionRules(file)).toThrow(`rule "quote-cue-speaker", pattern 1, item 2: unknown attribute ENTITY`);
  });
  it('refuses a pattern anchored at two cues, and an operator on the anchor', () => {
    const two = rulesFile('two', (all) => {
      all[0]!.patterns = [[{ CUE: 'verb' }, { CUE: 'verb' }]];
    });
    expect(() => loadAttributionRules(two)).toThrow('rule "quote-cue-speaker", pattern 1: 2 items test CUE; a pattern is anchored at one cue');
    const op = rulesFile('op', (all) => {
      all[0]!.patterns = [[{ CUE: 'verb', OP: '?' }]];
    });
    expect(() => loadAttributionRules(op)).toThrow('rule "quote-cue-speaker", pattern 1: the CUE item is the anchor and takes no OP');
  });
  it('refuses a rule id the extractor does not know', () => {
    const file = rulesFile('id', (all) => {
      all[0]!.id = 'quote-after-speaker';
    });
    expect(() => loadAttributionRules(file)).toThrow('invalid data');
  });
});
