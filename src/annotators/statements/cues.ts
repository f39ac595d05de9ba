import { z } from 'zod';
import { dataPath, loadYaml } from '../../data';

const verbSchema = z.union([z.array(z.string().min(1)).min(1), z.object({ forms: z.array(z.string().min(1)).min(1), object: z.boolean().default(false) }).strict()]);

const cueFileSchema = z
  .object({
    version: z.union([z.string(), z.number()]),
    verbs: z.record(verbSchema),
    phrases: z.array(z.string().min(1)),
    speaker_nouns: z.object({ refers_person: z.array(z.string()), organization: z.array(z.string()), unnamed: z.array(z.string()) }).strict(),
    pronouns: z.record(z.enum(['male', 'female'])),
    plural_pronouns: z.array(z.string()),
  })
  .strict();

export interface CueLexicon {
  version: string;
  /** Inflected form (lower case) → lemma. */
  verbForms: Map<string, { lemma: string; object: boolean }>;
  phrases: string[];
  refersPerson: string[];
  organizationNouns: string[];
  unnamedNouns: string[];
  pronouns: Map<string, 'male' | 'female'>;
  pluralPronouns: string[];
}

export const DEFAULT_CUES_FILE = dataPath('annotators/statements/cues.yaml');

/** Loads and validates a cue lexicon (default: the kit's `statements/cues.yaml`). */
export function loadCues(file: string = DEFAULT_CUES_FILE): CueLexicon {
  const spec = loadYaml(file, cueFileSchema);
  const verbForms = new Map<string, { lemma: string; object: boolean }>();
  for (const [lemma, v] of Object.entries(spec.verbs)) {
    const { forms, object } = Array.isArray(v) ? { forms: v, object: false } : v;
    for (const f of forms) verbForms.set(f.toLowerCase(), { lemma, object });
  }
  const byLength = (xs: string[]) => [...xs].map((x) => x.toLowerCase()).sort((a, b) => b.length - a.length);
  return {
    version: String(spec.version),
    verbForms,
    phrases: byLength(spec.phrases),
    refersPerson: byLength(spec.speaker_nouns.refers_person),
    organizationNouns: byLength(spec.speaker_nouns.organization),
    unnamedNouns: byLength(spec.speaker_nouns.unnamed),
    pronouns: new Map(Object.entries(spec.pronouns).map(([k, v]) => [k.toLowerCase(), v])),
    pluralPronouns: byLength(spec.plural_pronouns),
  };
}
