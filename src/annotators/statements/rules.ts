/**
 * The attribution rules (attribution-rules.yaml): for each rule id of statements.csv's
 * `rule` column, the construction it reads, its token patterns and a real example and
 * near miss, which the tests run. Validated and compiled on load.
 *
 * The patterns are executed: a rule reads a statement only where one of its patterns
 * matches the sentence's units (units.ts), anchored at the cue (the pattern's item
 * with a CUE condition) or, for a pattern without one, at the sentence's first unit.
 * The rule's reader (extract.ts) then finds the speaker and the content's bounds.
 */
import { z } from 'zod';
import { dataPath, loadYaml } from '../../data';
import { KitError } from '../../errors';
import { compilePattern, matchesAround, matchesFrom, tokenPatternSchema, type CompiledPattern } from '../../text';
import { ATTRIBUTION_RULES, type AttributionRule } from './draft';
import { UNIT_ATTRIBUTES, type SentenceUnits } from './units';

const sentence = z.object({ text: z.string().min(1), published: z.union([z.string(), z.date()]).transform((d) => (d instanceof Date ? d.toISOString().slice(0, 10) : d)) });

const rulesFileSchema = z
  .object({
    version: z.union([z.string(), z.number()]),
    rules: z.array(
      z
        .object({
          id: z.enum(ATTRIBUTION_RULES),
          construction: z.string().min(1),
          patterns: z.array(tokenPatternSchema).min(1),
          example: sentence.extend({ speaker: z.string().min(1), content: z.string().min(1) }).strict(),
          counter_example: sentence.strict(),
        })
        .strict(),
    ),
  })
  .strict();

export type AttributionRuleSpec = z.infer<typeof rulesFileSchema>['rules'][number];

/** One compiled pattern of a rule: anchored at its cue item, or (anchorItem -1) at the sentence's first unit. */
interface RulePattern {
  rule: AttributionRule;
  pattern: CompiledPattern<SentenceUnits>;
  anchorItem: number;
  /** An item that must be met at least once is a quotation: no sentence without one can match. */
  needsQuote: boolean;
}

/** The rules of a file, compiled: their specifications and their patterns. */
export interface AttributionRules {
  file: string;
  specs: AttributionRuleSpec[];
  anchored: RulePattern[];
  unanchored: RulePattern[];
  /** The cue-anchored patterns of each rule. */
  anchoredOf: Map<AttributionRule, RulePattern[]>;
}

export const ATTRIBUTION_RULES_FILE = dataPath('annotators/statements/attribution-rules.yaml');

export function loadAttributionRules(file: string = ATTRIBUTION_RULES_FILE): AttributionRules {
  const specs = loadYaml(file, rulesFileSchema).rules;
  const anchored: RulePattern[] = [];
  const unanchored: RulePattern[] = [];
  const ids = new Set<string>();
  for (const spec of specs) {
    if (ids.has(spec.id)) throw new KitError(`${file}: invalid data\n  rules (id "${spec.id}"): listed twice; give each rule one entry with all its patterns`, 'invalid-data', file);
    ids.add(spec.id);
    spec.patterns.forEach((source, i) => {
      const where = `${file}: rule "${spec.id}", pattern ${i + 1}`;
      let pattern: CompiledPattern<SentenceUnits>;
      try {
        pattern = compilePattern(source, UNIT_ATTRIBUTES, where);
      } catch (e) {
        throw new KitError(`${file}: invalid data\n  ${(e as Error).message}`, 'invalid-data', file);
      }
      const cueItems = source.flatMap((item, k) => ('CUE' in item ? [k] : []));
      if (cueItems.length > 1) throw new KitError(`${file}: invalid data\n  ${where}: ${cueItems.length} items test CUE; a pattern is anchored at one cue`, 'invalid-data', file);
      const anchorItem = cueItems[0] ?? -1;
      if (anchorItem >= 0 && source[anchorItem]!.OP !== undefined) throw new KitError(`${file}: invalid data\n  ${where}: the CUE item is the anchor and takes no OP`, 'invalid-data', file);
      const needsQuote = source.some((item) => item.QUOTE === true && (item.OP === undefined || item.OP === '+'));
      (anchorItem >= 0 ? anchored : unanchored).push({ rule: spec.id, pattern, anchorItem, needsQuote });
    });
  }
  const anchoredOf = new Map<AttributionRule, RulePattern[]>();
  for (const p of anchored) (anchoredOf.get(p.rule) ?? anchoredOf.set(p.rule, []).get(p.rule)!).push(p);
  return { file, specs, anchored, unanchored, anchoredOf };
}

let kitRules: AttributionRules | undefined;

/** The kit's own rules, loaded once. */
export function defaultAttributionRules(): AttributionRules {
  return (kitRules ??= loadAttributionRules());
}

/**
 * Whether one of `rule`'s cue-anchored patterns matches with its cue on unit `anchor`.
 * Asked rule by rule, as the readers need them, so most cues test a few patterns.
 */
export function ruleAtCue(rules: AttributionRules, rule: AttributionRule, units: SentenceUnits, anchor: number): boolean {
  const patterns = rules.anchoredOf.get(rule);
  if (patterns) for (const p of patterns) if ((!p.needsQuote || units.hasQuote) && matchesAround(units, p.pattern, p.anchorItem, anchor)) return true;
  return false;
}

/** Whether one of `rule`'s patterns without a cue matches from the first unit of `units`. */
export function ruleOpens(rules: AttributionRules, rule: AttributionRule, units: SentenceUnits): boolean {
  return rules.unanchored.some((p) => p.rule === rule && (!p.needsQuote || units.hasQuote) && matchesFrom(units, p.pattern, 0));
}
