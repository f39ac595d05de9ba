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
  /** The lists above compiled once: speaker expressions ending a clause (`…$`) or starting one (`^…`). */
  regex: {
    phrases: RegExp;
    pluralAtEnd: RegExp;
    roleAtEnd: RegExp;
    organizationAtEnd: RegExp;
    unnamedAtEnd: RegExp;
    roleAtStart: RegExp;
  };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Longest first, spaces matching any run of white space. */
const alternation = (xs: string[]) => xs.map((x) => escape(x).replace(/ /g, '\\s+')).join('|');

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
  const phrases = byLength(spec.phrases);
  const refersPerson = byLength(spec.speaker_nouns.refers_person);
  const organizationNouns = byLength(spec.speaker_nouns.organization);
  const unnamedNouns = byLength(spec.speaker_nouns.unnamed);
  const pluralPronouns = byLength(spec.plural_pronouns);
  return {
    version: String(spec.version),
    verbForms,
    phrases,
    refersPerson,
    organizationNouns,
    unnamedNouns,
    pronouns: new Map(Object.entries(spec.pronouns).map(([k, v]) => [k.toLowerCase(), v])),
    pluralPronouns,
    regex: {
      phrases: new RegExp(`\\b(?:${alternation(phrases)})\\b`, 'gi'),
      pluralAtEnd: new RegExp(`\\b(${alternation(pluralPronouns)})$`, 'i'),
      roleAtEnd: new RegExp(`\\b(the\\s+(?:[\\w-]+\\s+)?(?:${alternation(refersPerson)}))$`, 'i'),
      organizationAtEnd: new RegExp(`\\b((?:the\\s+)?(?:${alternation(organizationNouns)}))$`, 'i'),
      unnamedAtEnd: new RegExp(`\\b((?:some\\s+|many\\s+|other\\s+|western\\s+|chinese\\s+|russian\\s+)?(?:${alternation(unnamedNouns)}))$`, 'i'),
      roleAtStart: new RegExp(`^(the\\s+(?:[\\w-]+\\s+)?(?:${alternation(refersPerson)}))\\b`, 'i'),
    },
  };
}
