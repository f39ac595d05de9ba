/**
 * The actor registry: people, states, organisations and media with their names,
 * aliases, metonyms, adjectives and dated roles, read from YAML (the kit's own file
 * plus any user files given with `--actors FILE`), validated with errors naming the
 * file, the entry and the field. The kit's states are generated from the npm package
 * world-countries with the overrides of states.yaml (states.ts).
 */
import { basename, dirname, resolve } from 'node:path';
import { z } from 'zod';
import { dataPath, readYaml, validateData } from '../../data';
import { KitError } from '../../errors';
import { dataMessages } from '../../messages';
import type { ActorType } from '../types';
import { compileLexicon, type Lexicon } from './lexicon';
import { loadMatchingRules, type MatchingRules } from './rules';
import { generateStates, readStatesFile } from './states';

/** Messages of registry validation: what is wrong and how to fix the file. */
export const registryMessages = {
  invalid: (file: string) => `${file}: invalid actor registry`,
  duplicateId: (id: string) => `id "${id}" is used by another entry of this file; give each actor its own id (a user file may reuse a kit id to override that entry)`,
  duplicateSurface: (surface: string, otherId: string, otherFile: string) =>
    `"${surface}" also names actor "${otherId}" (${otherFile}); a name, alias, metonym or adjective must belong to one actor (compared case-insensitively)`,
  unknownCountry: (code: string) => `unknown country code "${code}"; add it under "countries" ({ label, color }) or use a listed code`,
  unknownRole: (role: string) => `unknown role "${role}"; add it under "role_phrases" or use a listed role key`,
  unknownPlaceholder: (placeholder: string) => `unknown placeholder "${placeholder}"; role phrases may use {adj} and {state} only`,
  badDate: 'must be an ISO date (YYYY-MM-DD) that exists',
  fromAfterTo: '`from` is after `to`; a role must start before it ends',
  noSurnameInName: (surname: string) => `surname "${surname}" does not occur in the name or an alias`,
  notNameIsName: (phrase: string, otherId: string, otherFile: string) =>
    `"${phrase}" also names actor "${otherId}" (${otherFile}); a phrase under not_names must name no actor`,
} as const;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isRealDate = (s: string): boolean => ISO_DATE.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;
/** YAML may hand a date over as a Date (YAML 1.1 timestamps) or a string. */
const isoDate = z
  .union([z.string(), z.date()])
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v.trim()))
  .refine(isRealDate, { message: registryMessages.badDate });

const roleSchema = z
  .object({
    role: z.string().min(1),
    of: z.string().min(1),
    title: z.string().default(''),
    from: isoDate,
    to: isoDate.optional(),
  })
  .strict()
  .refine((r) => r.to === undefined || r.from <= r.to, { message: registryMessages.fromAfterTo, path: ['to'] });

const surfaces = z.array(z.string().trim().min(1)).default([]);

const actorSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug: letters, digits and single hyphens ("wang-yi")'),
    name: z.string().trim().min(1),
    type: z.enum(['person', 'state', 'organization', 'media']),
    country: z.string().min(1),
    gender: z.enum(['male', 'female']).optional(),
    surname: z.string().trim().min(1).optional(),
    aliases: surfaces,
    metonyms: surfaces,
    adjectives: surfaces,
    roles: z.array(roleSchema).default([]),
    note: z.string().optional(),
  })
  .strict();

const countrySchema = z.object({ label: z.string().min(1), color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a hex colour like "#d62728"') }).strict();

/** One registry file: the kit's has every block; a user file may hold only `actors`. */
export const registryFileSchema = z
  .object({
    version: z.union([z.string(), z.number()]).transform(String).optional(),
    /**
     * A states overrides file (path relative to this one): the file then holds the
     * states generated from the npm package world-countries with those overrides
     * (states.ts), besides its own entries. The kit's registry.yaml names states.yaml.
     */
    states: z.string().min(1).optional(),
    countries: z.record(z.string().regex(/^[A-Z][A-Z0-9]{1,4}$/, 'country codes are 2-5 capital letters or digits, a letter first ("CHN", "G20")'), countrySchema).optional(),
    role_phrases: z.record(z.string().min(1), z.array(z.string().min(1))).optional(),
    actors: z.array(actorSchema).default([]),
    /** Phrases that contain a registered form but name no actor ("Sputnik V", "New Mexico"): matched, then dropped. */
    not_names: z.array(z.string().trim().min(1)).default([]),
  })
  .strict();

export type RegistryFile = z.output<typeof registryFileSchema>;
export type RegistryFileInput = z.input<typeof registryFileSchema>;
export type ActorRole = z.output<typeof roleSchema>;

export interface Actor {
  id: string;
  name: string;
  type: ActorType;
  /** Country or bloc code, a key of `Registry.countries`. */
  country: string;
  gender?: 'male' | 'female';
  /** Family name as written alone in English copy. */
  surname?: string;
  aliases: string[];
  metonyms: string[];
  adjectives: string[];
  roles: ActorRole[];
  /** File the entry came from. */
  source: string;
}

export interface Country {
  label: string;
  color: string;
}

export interface Registry {
  /** The kit registry's version, plus the user files merged over it. */
  version: string;
  /** Files merged, kit's first. */
  files: string[];
  /** code -> label and chart colour, in file order. */
  countries: Record<string, Country>;
  /** role key -> phrase templates ({adj}, {state}). */
  rolePhrases: Record<string, string[]>;
  actors: Actor[];
  /** Phrases naming no actor (every file's `not_names`). */
  notNames: string[];
  /** Lookup by id. */
  byId: ReadonlyMap<string, Actor>;
  /** Surface forms compiled for matching. */
  readonly lexicon: Lexicon;
  /** Context rules of the matcher (matching-rules.yaml). */
  rules: MatchingRules;
}

export const KIT_REGISTRY = 'annotators/actors/registry.yaml';

/** File each generated state came from (the states overrides file), by registry data read from a file. */
const generatedSources = new WeakMap<RegistryFile, ReadonlyMap<string, string>>();

/**
 * The most actors one registry file may list: thirty times the kit's own registry. A
 * run holds every actor's phrases in memory on each thread (100,000 actors took some
 * 700 MB and 20 s to load on one), so a larger registry is refused with this limit.
 */
export const MAX_REGISTRY_ACTORS = 20_000;

/**
 * Reads and schema-checks one registry file. A file naming a states overrides file
 * (`states:`, as the kit's does) comes back with the generated states added: their
 * actors after the file's own (a state the file defines itself is not generated),
 * their countries after the file's (which keep their colours and labels), their
 * `not_names` after the file's. Errors about a generated state name the overrides file.
 */
export function readRegistryFile(file: string): RegistryFile {
  const raw = readYaml(file);
  // Counted before the schema check: a registry past the limit is refused before it is held in memory twice.
  const listed = (raw as { actors?: unknown } | null)?.actors;
  if (Array.isArray(listed) && listed.length > MAX_REGISTRY_ACTORS) throw new KitError(`${file}: ${dataMessages.tooManyActors(listed.length, MAX_REGISTRY_ACTORS)}`, 'too-many-actors', file);
  const data = validateData(raw, registryFileSchema, file);
  if (!data.states) return data;
  const statesFile = resolve(dirname(file), data.states);
  const surfaces = new Set(data.actors.flatMap((a) => [a.name, ...a.aliases, ...a.metonyms, ...a.adjectives]).map((f) => f.toLowerCase()));
  const states = generateStates(readStatesFile(statesFile), { countries: data.countries ?? {}, ids: new Set(data.actors.map((a) => a.id)), surfaces });
  const generated = validateData({ countries: states.countries, actors: states.actors, not_names: states.notNames }, registryFileSchema, statesFile);
  const { states: _, ...own } = data;
  const merged: RegistryFile = {
    ...own,
    countries: { ...(data.countries ?? {}), ...generated.countries },
    actors: [...data.actors, ...generated.actors],
    not_names: [...data.not_names, ...generated.not_names],
  };
  generatedSources.set(merged, new Map(generated.actors.map((a) => [a.id, statesFile])));
  return merged;
}

interface Sourced {
  actor: Actor;
  /** Index of the entry in its file, for error paths. */
  index: number;
}

const entryPath = ({ actor, index }: Sourced, field?: string): string => `actors[${index}] (id "${actor.id}")${field ? '.' + field : ''}`;

/**
 * Merges registry files (first = the kit's) and validates the result: ids unique
 * per file (a later file's id overrides), surface forms unique across actors
 * (case-insensitively), country codes and role keys known. Errors name file,
 * entry and field.
 */
export function buildRegistry(files: { file: string; data: RegistryFile }[], rules: MatchingRules = loadMatchingRules()): Registry {
  const countries: Record<string, Country> = {};
  const rolePhrases: Record<string, string[]> = {};
  const notNames: { phrase: string; file: string; index: number }[] = [];
  const entries = new Map<string, Sourced>();
  const problems = new Map<string, string[]>();
  const problem = (file: string, line: string): void => {
    problems.set(file, [...(problems.get(file) ?? []), line]);
  };

  for (const { file, data } of files) {
    Object.assign(countries, data.countries ?? {});
    for (const [key, phrases] of Object.entries(data.role_phrases ?? {})) {
      // A user file's phrases are added to the kit's for that role.
      rolePhrases[key] = [...new Set([...(rolePhrases[key] ?? []), ...phrases])];
      for (const phrase of phrases) {
        for (const m of phrase.matchAll(/\{([^}]*)\}/g)) {
          if (m[1] !== 'adj' && m[1] !== 'state') problem(file, `  role_phrases.${key}: ${registryMessages.unknownPlaceholder(m[0])}`);
        }
      }
    }
    data.not_names.forEach((phrase, index) => notNames.push({ phrase, file, index }));
    const seen = new Set<string>();
    const sources = generatedSources.get(data);
    data.actors.forEach((a, index) => {
      const sourced: Sourced = { actor: { ...a, source: sources?.get(a.id) ?? file }, index };
      if (seen.has(a.id)) problem(file, `  ${entryPath(sourced, 'id')}: ${registryMessages.duplicateId(a.id)}`);
      seen.add(a.id);
      entries.set(a.id, sourced);
    });
  }

  const owners = new Map<string, Sourced>();
  for (const sourced of entries.values()) {
    const { actor } = sourced;
    const file = actor.source;
    if (!(actor.country in countries)) problem(file, `  ${entryPath(sourced, 'country')}: ${registryMessages.unknownCountry(actor.country)}`);
    actor.roles.forEach((r, i) => {
      if (!(r.role in rolePhrases)) problem(file, `  ${entryPath(sourced, `roles[${i}].role`)}: ${registryMessages.unknownRole(r.role)}`);
      if (!(r.of in countries)) problem(file, `  ${entryPath(sourced, `roles[${i}].of`)}: ${registryMessages.unknownCountry(r.of)}`);
    });
    const fields = { name: [actor.name], aliases: actor.aliases, metonyms: actor.metonyms, adjectives: actor.adjectives } as const;
    for (const [field, list] of Object.entries(fields)) {
      list.forEach((surface, i) => {
        const key = surface.toLowerCase();
        const owner = owners.get(key);
        if (owner && owner.actor.id !== actor.id) {
          const where = field === 'name' ? 'name' : `${field}[${i}]`;
          problem(file, `  ${entryPath(sourced, where)}: ${registryMessages.duplicateSurface(surface, owner.actor.id, owner.actor.source)}`);
        } else owners.set(key, sourced);
      });
    }
    if (actor.surname && ![actor.name, ...actor.aliases].some((n) => n.includes(actor.surname!))) {
      problem(file, `  ${entryPath(sourced, 'surname')}: ${registryMessages.noSurnameInName(actor.surname)}`);
    }
  }

  for (const { phrase, file, index } of notNames) {
    const owner = owners.get(phrase.toLowerCase());
    if (owner) problem(file, `  not_names[${index}]: ${registryMessages.notNameIsName(phrase, owner.actor.id, owner.actor.source)}`);
  }

  if (problems.size > 0) {
    const [file, lines] = [...problems][0]!;
    throw new KitError(`${registryMessages.invalid(file)}\n${lines.slice(0, 8).join('\n')}`, 'invalid-data', file);
  }

  const actors = [...entries.values()].map((e) => e.actor);
  const byId = new Map(actors.map((a) => [a.id, a]));
  const kitVersion = files[0]?.data.version ?? '0';
  const extras = files.slice(1).map((f) => basename(f.file));
  const partial = { countries, rolePhrases, actors, byId, rules, notNames: [...new Set(notNames.map((n) => n.phrase))] };
  let lexicon: Lexicon | undefined;
  return {
    version: extras.length > 0 ? `${kitVersion}+${extras.join('+')}` : kitVersion,
    files: files.map((f) => f.file),
    ...partial,
    // Compiled when first matched against (the data is checked above): a report's main thread
    // with workers matches nothing, and compiling cost it half a second while the workers started.
    get lexicon(): Lexicon {
      return (lexicon ??= compileLexicon(partial));
    },
  };
}

/** A registry from data in memory (tests, notebooks): same checks as files. */
export function createRegistry(data: RegistryFileInput, file = '(inline registry)'): Registry {
  return buildRegistry([{ file, data: validateData(data, registryFileSchema, file) }]);
}

const cache = new Map<string, Registry>();

/**
 * The kit's registry merged with user files (same schema; an entry with the same
 * id overrides the kit's, role phrases are added, countries added or replaced).
 */
export function loadRegistry(extraFiles: readonly string[] = []): Registry {
  const files = [dataPath(KIT_REGISTRY), ...extraFiles];
  const key = files.join('\n');
  let registry = cache.get(key);
  if (!registry) {
    registry = buildRegistry(files.map((file) => ({ file, data: readRegistryFile(file) })));
    // User files may change between runs of a notebook; only the kit's own is cached.
    if (extraFiles.length === 0) cache.set(key, registry);
  }
  return registry;
}

/** The kit registry's countries (code -> label and colour): from the registry already loaded, else read from its file. */
export function kitCountries(): Record<string, Country> {
  return (cache.get(dataPath(KIT_REGISTRY)) ?? readRegistryFile(dataPath(KIT_REGISTRY))).countries ?? {};
}

/** The roles an actor holds on an ISO date (all roles when the date is unknown). */
export function rolesOn(actor: Actor, date: string): ActorRole[] {
  if (!date) return actor.roles;
  return actor.roles.filter((r) => r.from <= date && (r.to === undefined || date <= r.to));
}
