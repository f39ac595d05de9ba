/** The matcher's context rules (matching-rules.yaml): role nouns, place prepositions, stop words. */
import { z } from 'zod';
import { dataPath, loadYaml } from '../../data';

const words = z.array(z.string().trim().min(1)).min(1);

const rulesSchema = z
  .object({
    version: z.union([z.string(), z.number()]).transform(String),
    role_nouns: words,
    locative_prepositions: words,
    seats: z.array(z.string().trim().min(1)).default([]),
    directional_prepositions: words,
    motion_words: words,
    place_verbs: words,
    geographic_words: words,
    name_stop_words: words,
    organization_words: words,
    common_word_surnames: z.array(z.string().trim().min(1)).default([]),
    honorifics: z.record(z.string().min(1), z.enum(['male', 'female', ''])),
    gendered_role_nouns: z.record(z.string().min(1), z.enum(['male', 'female'])),
    name_cues: words,
    organization_heads: words,
    surname_alone_roles: words,
    place_heads: words,
    place_prefixes: words,
    military_nouns: words,
    armed_forces: z.record(z.string().regex(/^[A-Z]{2,5}$/), z.string().min(1)).default({}),
  })
  .strict();

export interface MatchingRules {
  version: string;
  /** Lower-cased; multi-word nouns as word arrays, longest first. */
  roleNouns: string[][];
  locative: Set<string>;
  /** Organisations named after their building ("Kremlin"), case-sensitive. */
  seats: Set<string>;
  directional: Set<string>;
  motion: Set<string>;
  placeVerbs: Set<string>;
  geographic: Set<string>;
  /** Case-sensitive. */
  nameStopWords: Set<string>;
  /** Case-sensitive: words that make a capitalised run an organisation or title, not a person. */
  organizationWords: Set<string>;
  commonWordSurnames: Set<string>;
  /** Case-sensitive, without the dot: gender told, or "". */
  honorifics: Map<string, 'male' | 'female' | ''>;
  /** Lower-cased role noun -> gender. */
  genderedRoleNouns: Map<string, 'male' | 'female'>;
  /** Lemmas of speech verbs that mark a neighbouring capitalised run as a person. */
  nameCues: Set<string>;
  /** Case-sensitive last words of organisation names. */
  organizationHeads: Set<string>;
  /** Role keys whose holders are named by surname alone. */
  surnameAloneRoles: Set<string>;
  /** Case-sensitive last and first words that make a capitalised run a place. */
  placeHeads: Set<string>;
  placePrefixes: Set<string>;
  /** Lower-cased military nouns, as word arrays. */
  militaryNouns: string[][];
  /** Country code -> actor id of its armed forces. */
  armedForces: Map<string, string>;
}

export const MATCHING_RULES = 'annotators/actors/matching-rules.yaml';

let cached: MatchingRules | undefined;

export function loadMatchingRules(file: string = dataPath(MATCHING_RULES)): MatchingRules {
  if (cached && file === dataPath(MATCHING_RULES)) return cached;
  const raw = loadYaml(file, rulesSchema);
  const lower = (list: string[]): Set<string> => new Set(list.map((w) => w.toLowerCase()));
  const rules: MatchingRules = {
    version: raw.version,
    roleNouns: raw.role_nouns.map((n) => n.toLowerCase().split(/[\s-]+/)).sort((a, b) => b.length - a.length),
    locative: lower(raw.locative_prepositions),
    seats: new Set(raw.seats),
    directional: lower(raw.directional_prepositions),
    motion: lower(raw.motion_words),
    placeVerbs: lower(raw.place_verbs),
    geographic: lower(raw.geographic_words),
    nameStopWords: new Set(raw.name_stop_words),
    organizationWords: new Set(raw.organization_words),
    commonWordSurnames: new Set(raw.common_word_surnames),
    honorifics: new Map(Object.entries(raw.honorifics)),
    genderedRoleNouns: new Map(Object.entries(raw.gendered_role_nouns).map(([k, v]) => [k.toLowerCase(), v])),
    nameCues: lower(raw.name_cues),
    organizationHeads: new Set(raw.organization_heads),
    surnameAloneRoles: new Set(raw.surname_alone_roles),
    placeHeads: new Set(raw.place_heads),
    placePrefixes: new Set(raw.place_prefixes),
    militaryNouns: raw.military_nouns.map((n) => n.toLowerCase().split(/\s+/)),
    armedForces: new Map(Object.entries(raw.armed_forces)),
  };
  if (file === dataPath(MATCHING_RULES)) cached = rules;
  return rules;
}
