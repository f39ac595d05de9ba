import { z } from 'zod';
import { dataPath, loadYaml } from '../data';

const ruleSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, 'must be a lowercase slug'),
    action: z.enum(['remove-line', 'remove-span', 'remove-block']),
    pattern: z.string().refine((p) => {
      try {
        new RegExp(p, 'u');
        return true;
      } catch {
        return false;
      }
    }, 'is not a valid regular expression'),
    case_sensitive: z.boolean().default(false),
    date: z.boolean().default(false),
    caption: z.boolean().default(false),
    following_lines: z.number().int().min(0).max(20).default(0),
    preceding_duplicate: z.boolean().default(false),
    description: z.string().default(''),
  })
  .strict();

const rulesFileSchema = z.object({ version: z.union([z.string(), z.number()]), rules: z.array(ruleSchema).min(1) }).strict();

export type CleaningRuleSpec = z.infer<typeof ruleSchema>;
export interface CleaningRule extends CleaningRuleSpec {
  regex: RegExp;
}

export const DEFAULT_RULES_FILE = dataPath('corpus/cleaning-rules.yaml');

/** Loads and validates a cleaning-rules file (default: the kit's own). */
export function loadCleaningRules(file: string = DEFAULT_RULES_FILE): CleaningRule[] {
  const spec = loadYaml(file, rulesFileSchema);
  const seen = new Set<string>();
  return spec.rules.map((r) => {
    if (seen.has(r.id)) throw new Error(`${file}: rule id "${r.id}" is used twice`);
    seen.add(r.id);
    return { ...r, regex: new RegExp(r.pattern, r.case_sensitive ? 'u' : 'iu') };
  });
}
