/**
 * The attribution rules' specification (attribution-rules.yaml): for each rule id of
 * statements.csv's `rule` column, the construction it reads and a real example and
 * near miss, which the tests run. Validated on load.
 */
import { z } from 'zod';
import { dataPath, loadYaml } from '../../data';

const sentence = z.object({ text: z.string().min(1), published: z.union([z.string(), z.date()]).transform((d) => (d instanceof Date ? d.toISOString().slice(0, 10) : d)) });

const rulesFileSchema = z
  .object({
    version: z.union([z.string(), z.number()]),
    rules: z.array(
      z
        .object({
          id: z.string().regex(/^[a-z]+(?:-[a-z]+)*$/),
          construction: z.string().min(1),
          example: sentence.extend({ speaker: z.string().min(1), content: z.string().min(1) }).strict(),
          counter_example: sentence.strict(),
        })
        .strict(),
    ),
  })
  .strict();

export type AttributionRuleSpec = z.infer<typeof rulesFileSchema>['rules'][number];

export const ATTRIBUTION_RULES_FILE = dataPath('annotators/statements/attribution-rules.yaml');

export function loadAttributionRules(file: string = ATTRIBUTION_RULES_FILE): AttributionRuleSpec[] {
  return loadYaml(file, rulesFileSchema).rules;
}
