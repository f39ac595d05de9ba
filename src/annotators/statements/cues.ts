import { z } from 'zod';
import { dataPath, loadYaml } from '../../data';
import { KitError } from '../../errors';
import { analyzeText } from '../../text';

/**
 * The lemma the text layer gives each word as a verb ("said" -> "say"): each read in
 * its own "They … it." sentence, all sentences tagged as one text (one tagger call
 * instead of one per verb: a tenth of a second of every run's start).
 */
function verbLemmas(words: readonly string[]): string[] {
  const tokens = analyzeText(words.map((w) => `They ${w} it.`).join('\n')).tokens;
  // Each sentence is 4 tokens ("They", the verb, "it", "."): the verb is the second.
  if (tokens.length !== 4 * words.length) return words.map((w) => analyzeText(`They ${w} it.`).tokens[1]?.lemma ?? w);
  return words.map((w, i) => tokens[4 * i + 1]!.lemma);
}

const lemma = z.string().regex(/^[a-z]+$/, 'a verb lemma: one lower-case word ("say", not "said")');

const cueFileSchema = z
  .object({
    version: z.union([z.string(), z.number()]),
    /** Resource class (VerbNet id, or "news") -> verb lemmas. */
    verbs: z.record(z.array(lemma).min(1)),
    object_verbs: z.array(lemma).default([]),
    object_control: z.array(lemma).default([]),
    that_verbs: z.array(lemma).default([]),
    document_verbs: z.array(lemma).default([]),
    source_nouns: z.array(z.string().min(1)).default([]),
    particles: z.record(lemma, z.string().regex(/^[a-z]+$/)).default({}),
    pointing_objects: z.record(lemma, z.array(z.string().regex(/^[a-z]+(?: [a-z]+)*$/)).min(1)).default({}),
    content_objects: z.record(lemma, z.array(z.string().regex(/^[a-z]+(?: [a-z]+)*$/)).min(1)).default({}),
    phrases: z.array(z.string().min(1)),
    speaker_nouns: z
      .object({
        refers_person: z.array(z.string()),
        organization: z.array(z.string()),
        any_organization: z.array(z.string()).default([]),
        document: z.array(z.string()).default([]),
        unnamed: z.array(z.string()),
      })
      .strict(),
    pronouns: z.record(z.enum(['male', 'female'])),
    plural_pronouns: z.array(z.string()),
    question_openers: z.array(z.string().regex(/^[a-z]+$/)).default([]),
    questioners: z.array(z.string().regex(/^[a-z]+(?: [a-z]+)*$/)).default([]),
    plural_types: z.record(z.enum(['person', 'state', 'organization'])).default({}),
    role_offices: z.record(z.array(z.string().min(1)).min(1)).default({}),
  })
  .strict();

export interface CueLexicon {
  version: string;
  /** Verb lemma → the resource class it comes from, and whether it takes an addressee. */
  verbs: Map<string, { source: string; object: boolean }>;
  /** Nouns a source named by a noun phrase holds ("according to a copy of instructions"). */
  sourceNouns: Set<string>;
  /** Verbs that are cues only after a document noun ("the statement read"). */
  documentVerbs: Set<string>;
  /** Verbs that are cues only before "that" ("agreed that"). */
  thatVerbs: Set<string>;
  /** Verbs whose object speaks the cue after "to" ("leading Blinken to warn"). */
  objectControl: Set<string>;
  /** Verb lemma → the particle that belongs to the cue ("point" → "out"). */
  particles: Map<string, string>;
  /**
   * Verb lemma → the objects that make it a cue, longest first, part of the cue: pointing back
   * to what was said ("make" → "the remarks") or taking it after ("make" → "assurances").
   */
  objectCues: Map<string, { object: string; pointsBack: boolean; after: RegExp }[]>;
  phrases: string[];
  refersPerson: string[];
  organizationNouns: string[];
  /** Organisation nouns that point back to any organisation named just before ("the company" after Gazprom). */
  anyOrganizationNouns: Set<string>;
  documentNouns: string[];
  unnamedNouns: string[];
  pronouns: Map<string, 'male' | 'female'>;
  pluralPronouns: string[];
  /** Words opening a direct question ("Does China believe that …?"): a reporter's question, no statement. */
  questionOpeners: Set<string>;
  /** Who asks the questions at a briefing ("reporters", "a journalist"): their "asked" is no statement. */
  questioners: Set<string>;
  /** Plural speaker (lower case) → the type of actors it refers to. */
  pluralTypes: Map<string, 'person' | 'state' | 'organization'>;
  /** Role nouns and the words one of a registered person's offices must hold for the noun to refer to them; longest noun first. */
  roleOffices: { noun: string; inPhrase: RegExp; words: string[] }[];
  /** The lists above compiled once: speaker expressions ending a clause (`…$`) or starting one (`^…`). */
  regex: {
    phrases: RegExp;
    pluralAtEnd: RegExp;
    pluralRoleAtEnd: RegExp;
    roleAtEnd: RegExp;
    organizationAtEnd: RegExp;
    unnamedAtEnd: RegExp;
    /** The role noun a phrase ends with ("a senior Biden administration official" → "official"). */
    roleNounAtEnd: RegExp;
    roleAtStart: RegExp;
    institutionAtStart: RegExp;
  };
}

/** The plural of a role noun: "envoy" → "envoys", "secretary" → "secretaries", "chief" → "chiefs". */
const plural = (noun: string): string => (/[^aeiou]y$/.test(noun) ? `${noun.slice(0, -1)}ies` : /(?:s|sh|ch|x)$/.test(noun) ? `${noun}es` : `${noun}s`);

/** Where a role is held, after its noun: "envoys to Washington", "ambassador to the United Nations". */
const POSTED_AT = '(?:\\s+(?:to|in|at)\\s+(?:the\\s+)?[A-Z][\\w.-]*(?:\\s+[A-Z][\\w.-]*){0,2})?';
/** Where an unnamed source stands or what it knows: "a Ukrainian source in the delegation", "people familiar with the matter", "sources close to the Kremlin". */
const SOURCE_TAIL = "(?:\\s+(?:in|at|from|inside|within|close\\s+to|familiar\\s+with|with\\s+knowledge\\s+of|briefed\\s+on)\\s+(?:the\\s+|an?\\s+)?[\\w'’.-]+(?:\\s+[\\w'’.-]+){0,3})?";
/** Whose the role is, after its noun: "the representative of the PRC Foreign Ministry", "the head of the department", "a spokesperson for the Chinese mission to the European Union". */
const ROLE_OF = "(?:\\s+(?:of|for)\\s+(?:the\\s+)?[\\w'’.-]+(?:\\s+[\\w'’.-]+){0,5})?";

/** A literal string as a regular expression source. */
export const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Longest first, spaces matching any run of white space. */
const alternation = (xs: string[]) => xs.map((x) => escapeRegex(x).replace(/ /g, '\\s+')).join('|');

export const DEFAULT_CUES_FILE = dataPath('annotators/statements/cues.yaml');

/** Loads and validates a cue lexicon (default: the kit's `statements/cues.yaml`). */
export function loadCues(file: string = DEFAULT_CUES_FILE): CueLexicon {
  const spec = loadYaml(file, cueFileSchema);
  // A cue is found by the lemma of a token, so an entry the tagger lemmatises to another word could never match.
  const listed = Object.entries(spec.verbs).flatMap(([source, lemmas]) => lemmas.map((l, i) => ({ source, l, i })));
  const read = verbLemmas(listed.map((v) => v.l));
  listed.forEach(({ source, l, i }, k) => {
    const lemma = read[k]!;
    if (lemma !== l) throw new KitError(`${file}: invalid data\n  verbs.${source}[${i}]: "${l}" is not a lemma (the tagger reads it as "${lemma}"); list the lemma instead`, 'invalid-data', file);
  });
  const objects = new Set(spec.object_verbs);
  const verbs = new Map<string, { source: string; object: boolean }>();
  for (const [source, lemmas] of Object.entries(spec.verbs)) for (const l of lemmas) if (!verbs.has(l)) verbs.set(l, { source, object: objects.has(l) });
  for (const l of spec.that_verbs) if (!verbs.has(l)) verbs.set(l, { source: 'that_verbs', object: false });
  for (const l of spec.document_verbs) if (!verbs.has(l)) verbs.set(l, { source: 'document_verbs', object: false });
  for (const l of Object.keys(spec.pointing_objects)) if (!verbs.has(l)) verbs.set(l, { source: 'pointing_objects', object: false });
  for (const l of Object.keys(spec.content_objects)) if (!verbs.has(l)) verbs.set(l, { source: 'content_objects', object: false });
  const objectCues = new Map<string, { object: string; pointsBack: boolean; after: RegExp }[]>();
  const addObjects = (table: Record<string, string[]>, pointsBack: boolean) => {
    for (const [verb, objects] of Object.entries(table)) {
      const entries = objects.map((object) => ({ object, pointsBack, after: new RegExp(`^\\s+${alternation([object])}\\b`, 'i') }));
      objectCues.set(verb, [...(objectCues.get(verb) ?? []), ...entries]);
    }
  };
  addObjects(spec.pointing_objects, true);
  addObjects(spec.content_objects, false);
  for (const list of objectCues.values()) list.sort((a, b) => b.object.length - a.object.length);
  const byLength = (xs: string[]) => [...xs].map((x) => x.toLowerCase()).sort((a, b) => b.length - a.length);
  const phrases = byLength(spec.phrases);
  const refersPerson = byLength(spec.speaker_nouns.refers_person);
  const organizationNouns = byLength([...spec.speaker_nouns.organization, ...spec.speaker_nouns.any_organization]);
  const documentNouns = byLength(spec.speaker_nouns.document);
  const unnamedNouns = byLength(spec.speaker_nouns.unnamed);
  const pluralPronouns = byLength(spec.plural_pronouns);
  return {
    version: String(spec.version),
    verbs,
    objectControl: new Set(spec.object_control),
    thatVerbs: new Set(spec.that_verbs),
    documentVerbs: new Set(spec.document_verbs),
    sourceNouns: new Set(spec.source_nouns.map((n) => n.toLowerCase())),
    particles: new Map(Object.entries(spec.particles)),
    objectCues,
    phrases,
    refersPerson,
    organizationNouns,
    anyOrganizationNouns: new Set(spec.speaker_nouns.any_organization.map((n) => n.toLowerCase())),
    documentNouns,
    unnamedNouns,
    pronouns: new Map(Object.entries(spec.pronouns).map(([k, v]) => [k.toLowerCase(), v])),
    pluralPronouns,
    questionOpeners: new Set(spec.question_openers),
    questioners: new Set(spec.questioners),
    pluralTypes: new Map(Object.entries(spec.plural_types).map(([k, v]) => [k.toLowerCase(), v])),
    roleOffices: Object.entries(spec.role_offices)
      .map(([noun, words]) => ({ noun: noun.toLowerCase(), inPhrase: new RegExp(`\\b${alternation([noun.toLowerCase()])}\\b`, 'i'), words: words.map((w) => w.toLowerCase()) }))
      .sort((a, b) => b.noun.length - a.noun.length),
    regex: {
      phrases: new RegExp(`\\b(?:${alternation(phrases)})\\b`, 'gi'),
      pluralAtEnd: new RegExp(`\\b(${alternation(pluralPronouns)})$`, 'i'),
      pluralRoleAtEnd: new RegExp(`\\b((?:the|[A-Z][\\w.]*['’]s)\\s+(?:[\\w'’-]+\\s+){0,2}?(?:${alternation(refersPerson.map(plural))})${POSTED_AT})$`, 'i'),
      roleAtEnd: new RegExp(`\\b((?:the|an?|[A-Z][\\w.]*['’]s)\\s+(?:[\\w-]+\\s+){0,4}?(?:${alternation(refersPerson)})${POSTED_AT}${ROLE_OF})$`, 'i'),
      organizationAtEnd: new RegExp(`\\b((?:the\\s+)?(?:${alternation([...organizationNouns, ...documentNouns].sort((a, b) => b.length - a.length))}))$`, 'i'),
      unnamedAtEnd: new RegExp(`\\b((?:some\\s+|many\\s+|other\\s+|several\\s+|senior\\s+|western\\s+|chinese\\s+|russian\\s+)?(?:${alternation(unnamedNouns)})${SOURCE_TAIL})$`, 'i'),
      roleNounAtEnd: new RegExp(`\\b(${alternation(refersPerson)})$`, 'i'),
      roleAtStart: new RegExp(`^(the\\s+(?:[\\w-]+\\s+)?(?:${alternation(refersPerson)}))\\b`, 'i'),
      institutionAtStart: new RegExp(`^((?:the|an?)\\s+(?:${alternation([...organizationNouns, ...documentNouns].sort((a, b) => b.length - a.length))}))\\b`, 'i'),
    },
  };
}
