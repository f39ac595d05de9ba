/**
 * State actors generated at registry load time from the npm package
 * `world-countries` (its countries.json: common and official names, capitals,
 * English demonyms, alternative spellings), with the kit's overrides from
 * states.yaml: ids, extra aliases the news uses, capitals that are no metonyms,
 * spellings never used, names read like capitals, and phrases that name no state.
 *
 * Which states: every entry the package marks as a UN member (193, plus the Holy
 * See), and those states.yaml includes (Palestine, Taiwan, Kosovo). Codes are the
 * package's ISO 3166 alpha-3 codes, except where states.yaml maps them (Kosovo:
 * the package's "UNK" becomes "XKX").
 *
 * From each entry: the name (states.yaml may replace it; the package's common name
 * then becomes an alias), the official name and the alternative spellings as
 * aliases, the capitals as metonyms, the English demonyms as adjectives, and for
 * each form with diacritics its plain-ASCII spelling ("Bogotá" -> "Bogota").
 * Alternative spellings are kept only when written in ASCII (so in Latin letters),
 * at least three characters long and without a comma ("Korea, Republic of" is a
 * catalogue form, not a news one). A form the package gives to two states
 * ("Congolese", "Dominican") names neither; a package form that a kit actor of
 * registry.yaml already uses belongs to that actor ("Brussels" is the EU's). Forms
 * states.yaml adds are always kept, and validated like any registry entry.
 */
import worldCountries, { type Country as PackageCountry } from 'world-countries';
import { z } from 'zod';
import { dataPath, readYaml, validateData } from '../../data';
import { slugify } from './text';

export const KIT_STATES = 'annotators/actors/states.yaml';

const forms = z.array(z.string().trim().min(1)).default([]);
const code = z.string().regex(/^[A-Z]{3}$/, 'must be a three-letter code in capitals ("AFG")');

const overrideSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug: letters, digits and single hyphens ("united-states")').optional(),
    name: z.string().trim().min(1).optional(),
    aliases: forms,
    metonyms: forms,
    adjectives: forms,
    /** Package forms not to use for this state. */
    drop: forms,
    note: z.string().optional(),
  })
  .strict();

export const statesFileSchema = z
  .object({
    version: z.union([z.string(), z.number()]).transform(String),
    /** Package codes of states beyond the UN members. */
    include: z.array(code).default([]),
    /** Package code -> the code the kit uses. */
    codes: z.record(code, z.string().regex(/^[A-Z]{2,5}$/, 'country codes are 2-5 capital letters')).default({}),
    /** Chart colour of states without their own under `countries` in registry.yaml. */
    color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a hex colour like "#bdbdbd"'),
    not_aliases: forms,
    not_metonyms: forms,
    read_as_places: forms,
    not_names: forms,
    /** Kit code -> overrides. */
    states: z.record(z.string().regex(/^[A-Z]{2,5}$/, 'country codes are 2-5 capital letters'), overrideSchema).default({}),
  })
  .strict();

export type StatesFile = z.output<typeof statesFileSchema>;

/** A state actor as a registry entry (the registry validates it like any other). */
export interface GeneratedState {
  id: string;
  name: string;
  type: 'state';
  country: string;
  aliases: string[];
  metonyms: string[];
  adjectives: string[];
}

/** A package form left out, and why: for review (tests list them). */
export interface DroppedForm {
  code: string;
  form: string;
  reason: 'not_aliases' | 'not_metonyms' | 'drop' | 'two states' | 'kit actor';
}

export interface GeneratedStates {
  /** Codes of the generated states that registry.yaml gives no colour: label and the neutral colour. */
  countries: Record<string, { label: string; color: string }>;
  actors: GeneratedState[];
  notNames: string[];
  dropped: DroppedForm[];
}

/** "Bogotá" -> "Bogota"; undefined when the form is plain already or does not fold to ASCII. */
function asciiSpelling(form: string): string | undefined {
  const plain = form.normalize('NFD').replace(/\p{M}/gu, '');
  return plain !== form && /^[\x20-\x7e]+$/.test(plain) ? plain : undefined;
}

const isNewsSpelling = (alt: string): boolean => alt.length >= 3 && !alt.includes(',') && /^[\x20-\x7e]+$/.test(alt);

/** "Antiguan, Barbudan", "Kittitian or Nevisian": one adjective each. */
const demonymsOf = (c: PackageCountry): string[] => {
  const eng = c.demonyms?.eng;
  if (!eng) return [];
  return [eng.m, eng.f].flatMap((d) => d.split(/,\s*|\s+or\s+/)).map((d) => d.trim()).filter(Boolean);
};

const withAscii = (list: string[]): string[] => list.flatMap((f) => [f, ...(asciiSpelling(f) ? [asciiSpelling(f)!] : [])]);

const unique = (list: string[]): string[] => {
  const seen = new Set<string>();
  return list.filter((f) => {
    const key = f.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

/** The package entries that are states here, in package order. */
export function packageStates(file: StatesFile, countries: readonly PackageCountry[] = worldCountries): PackageCountry[] {
  const include = new Set(file.include);
  return countries.filter((c) => c.unMember || include.has(c.cca3));
}

/**
 * The state actors of the package with the overrides applied. `kit` is what
 * registry.yaml holds: its country codes (those keep their colour and label), its
 * actors' ids (a state the kit defines itself is not generated) and surface forms
 * (a package form a kit actor uses is left to that actor).
 */
export function generateStates(
  file: StatesFile,
  kit: { countries: Record<string, unknown>; ids: ReadonlySet<string>; surfaces: ReadonlySet<string> },
  countries: readonly PackageCountry[] = worldCountries,
): GeneratedStates {
  const lower = (list: string[]) => new Set(list.map((f) => f.toLowerCase()));
  const notAliases = lower(file.not_aliases);
  const notMetonyms = lower(file.not_metonyms);
  const asPlaces = lower(file.read_as_places);
  const dropped: DroppedForm[] = [];

  interface Draft {
    code: string;
    id: string;
    name: string;
    /** Package forms by field, before conflicts are settled. */
    pkg: { aliases: string[]; metonyms: string[]; adjectives: string[] };
    own: { aliases: string[]; metonyms: string[]; adjectives: string[] };
  }
  const drafts: Draft[] = packageStates(file, countries).map((c) => {
    const kitCode = file.codes[c.cca3] ?? c.cca3;
    const o = file.states[kitCode];
    const name = o?.name ?? c.name.common;
    const drop = lower(o?.drop ?? []);
    const keep = (list: string[], global: Set<string>, globalReason: DroppedForm['reason']): string[] => {
      const wanted = (f: string): boolean => {
        const key = f.toLowerCase();
        if (drop.has(key)) dropped.push({ code: kitCode, form: f, reason: 'drop' });
        else if (global.has(key)) dropped.push({ code: kitCode, form: f, reason: globalReason });
        else return true;
        return false;
      };
      // The ASCII spelling of a form left out is left out too ("Malé", "Male").
      return unique(withAscii(unique(list).filter(wanted))).filter(wanted);
    };
    return {
      code: kitCode,
      id: o?.id ?? slugify(name),
      name,
      pkg: {
        aliases: keep([c.name.common, c.name.official, ...c.altSpellings.filter(isNewsSpelling)], notAliases, 'not_aliases'),
        metonyms: keep(c.capital, notMetonyms, 'not_metonyms'),
        adjectives: keep(demonymsOf(c), new Set(), 'drop'),
      },
      own: { aliases: o?.aliases ?? [], metonyms: o?.metonyms ?? [], adjectives: o?.adjectives ?? [] },
    };
  });

  // A package form of two states names neither; one a kit actor uses is the kit actor's.
  const owners = new Map<string, Set<string>>();
  for (const d of drafts) {
    for (const f of [...d.pkg.aliases, ...d.pkg.metonyms, ...d.pkg.adjectives]) {
      const key = f.toLowerCase();
      (owners.get(key) ?? owners.set(key, new Set()).get(key)!).add(d.code);
    }
  }
  const settle = (d: Draft, list: string[]): string[] =>
    list.filter((f) => {
      const key = f.toLowerCase();
      if (kit.surfaces.has(key)) dropped.push({ code: d.code, form: f, reason: 'kit actor' });
      else if (owners.get(key)!.size > 1) dropped.push({ code: d.code, form: f, reason: 'two states' });
      else return true;
      return false;
    });

  const actors: GeneratedState[] = [];
  const generatedCountries: GeneratedStates['countries'] = {};
  for (const d of drafts) {
    if (kit.ids.has(d.id)) continue;
    // A form is one kind of form, and the kit's own lists decide: "Saudi" is an
    // adjective (the package also lists it as a name), "Vatican" a name (the package's demonym).
    const notIn = (list: string[]) => {
      const set = lower(list);
      return (f: string) => !set.has(f.toLowerCase());
    };
    const adjectives = unique([...d.own.adjectives, ...settle(d, d.pkg.adjectives).filter(notIn([...d.own.aliases, ...d.own.metonyms]))]);
    const metonyms = unique([...d.own.metonyms, ...settle(d, d.pkg.metonyms).filter(notIn([...d.own.aliases, ...d.own.adjectives]))]);
    const aliases = unique([...d.own.aliases, ...settle(d, d.pkg.aliases).filter(notIn([...adjectives, ...metonyms]))]);
    // A name read like a capital: also a metonym, so the place rules apply to it ("in Jordan", "Jordan Peterson").
    for (const f of [d.name, ...aliases]) if (asPlaces.has(f.toLowerCase()) && !metonyms.includes(f)) metonyms.push(f);
    actors.push({ id: d.id, name: d.name, type: 'state', country: d.code, aliases, metonyms, adjectives });
    if (!(d.code in kit.countries)) generatedCountries[d.code] = { label: d.name, color: file.color };
  }
  return { countries: generatedCountries, actors, notNames: file.not_names, dropped };
}

/** Reads and schema-checks states.yaml (or another overrides file). */
export function readStatesFile(file = dataPath(KIT_STATES)): StatesFile {
  return validateData(readYaml(file), statesFileSchema, file);
}
