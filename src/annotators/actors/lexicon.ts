/**
 * The registry compiled for matching: every surface form (names, aliases, metonyms,
 * adjectives) and every role phrase expanded from its template, as sticky regular
 * expressions indexed by their first word, longest first.
 *
 * Case rules, so that "US" never matches "us" but "the Independent" matches
 * "The Independent": a capital in the registry must be a capital in the text; a
 * lower-case word start may be capitalised (title case); the whole form may be
 * written in capitals ("RUSSIA'S TOP DIPLOMAT"). Words of role templates are
 * matched in any case ("Chinese Foreign Minister", "the Chinese foreign minister").
 */
import type { MentionKind } from '../types';
import type { Actor, Country } from './registry';
import type { MatchingRules } from './rules';
import { firstWordKey, isWordChar } from './text';

export interface SurfaceForm {
  text: string;
  actorId: string;
  kind: Extract<MentionKind, 'name' | 'alias' | 'surname' | 'adjective'>;
  /** A place name standing for the actor ("Beijing"): subject to the place rules. */
  metonym: boolean;
  /** An organisation named after its building ("the Kremlin"): a place after a place preposition. */
  seat: boolean;
  re: RegExp;
}

export interface RoleForm {
  text: string;
  role: string;
  /** Country code whose role it is; undefined for templates without a placeholder. */
  of?: string;
  re: RegExp;
}

export interface Lexicon {
  /** First word (lower case) -> forms starting with it, longest first. */
  forms: Map<string, SurfaceForm[]>;
  roleForms: Map<string, RoleForm[]>;
  /** Surname as written -> ids of registered people bearing it. */
  surnames: Map<string, string[]>;
}

const SYNTAX = /[\\^$.*+?()[\]{}|/]/g;
const escape = (s: string): string => s.replace(SYNTAX, '\\$&');

/** One character as a pattern, either case when `anyCase`. */
function charPattern(ch: string, anyCase: boolean): string {
  const lower = ch.toLowerCase();
  const upper = ch.toUpperCase();
  if (!anyCase || lower === upper || lower.length !== 1 || upper.length !== 1) return escape(ch);
  return `[${lower}${upper}]`;
}

/** A registered form: capitals stay capitals; lower-case word starts may be capitalised; a leading "The" may be "the". */
function namePattern(form: string): string {
  let out = '';
  for (let i = 0; i < form.length; i++) {
    const ch = form[i]!;
    const wordStart = !isWordChar(form[i - 1]);
    const leadingThe = i === 0 && /^The\s/.test(form);
    out += charPattern(ch, (wordStart && ch === ch.toLowerCase()) || leadingThe);
  }
  return out;
}

const anyCasePattern = (literal: string): string => [...literal].map((ch) => charPattern(ch, true)).join('');

/** Adds the all-capitals spelling as an alternative. */
function withCapitals(pattern: string, text: string): string {
  const caps = text.toUpperCase();
  return caps === text ? pattern : `(?:${pattern}|${escape(caps)})`;
}

const sticky = (pattern: string): RegExp => new RegExp(pattern, 'uy');

function add<T extends { text: string }>(index: Map<string, T[]>, item: T): void {
  const key = firstWordKey(item.text);
  const list = index.get(key) ?? index.set(key, []).get(key)!;
  list.push(item);
}

function sortLongestFirst<T extends { text: string }>(index: Map<string, T[]>): void {
  for (const list of index.values()) list.sort((a, b) => b.text.length - a.text.length);
}

function surfaceForms(actor: Actor, seats: ReadonlySet<string>): SurfaceForm[] {
  const out = new Map<string, SurfaceForm>();
  const isSeat = (text: string): boolean => actor.type === 'organization' && seats.has(text.replace(/^the\s+/i, ''));
  const put = (text: string, kind: SurfaceForm['kind'], metonym = false): void => {
    if (!out.has(text)) out.set(text, { text, actorId: actor.id, kind, metonym, seat: isSeat(text), re: sticky(withCapitals(namePattern(text), text)) });
  };
  put(actor.name, 'name');
  for (const alias of actor.aliases) {
    // A person's full alias ("Sergei Lavrov") is a name; a one-word alias ("Zelenskyy") reads as a surname.
    if (actor.type === 'person') put(alias, /\s/.test(alias) ? 'name' : 'surname');
    else put(alias, 'alias');
  }
  for (const m of actor.metonyms) put(m, 'alias', true);
  for (const adj of actor.adjectives) put(adj, 'adjective');
  return [...out.values()];
}

/**
 * The actors a role template's {adj} and {state} stand for, for a country code:
 * its states, else the organisation named like the code's label (EU, NATO, UN).
 */
function principals(code: string, actors: readonly Actor[], countries: Record<string, Country>): Actor[] {
  const states = actors.filter((a) => a.type === 'state' && a.country === code);
  if (states.length > 0) return states;
  const label = countries[code]?.label;
  return actors.filter((a) => a.country === code && (a.name === label || a.name === code));
}

type Part = { literal: string } | { value: string };

function expandTemplate(template: string, adjectives: string[], states: string[]): Part[][] {
  let variants: Part[][] = [[]];
  for (const piece of template.split(/(\{adj\}|\{state\})/)) {
    if (piece === '') continue;
    const values = piece === '{adj}' ? adjectives : piece === '{state}' ? states : undefined;
    if (!values) variants = variants.map((v) => [...v, { literal: piece }]);
    else variants = variants.flatMap((v) => values.map((value) => [...v, { value }]));
  }
  return variants;
}

function roleForm(parts: Part[], role: string, of: string | undefined): RoleForm {
  const text = parts.map((p) => ('literal' in p ? p.literal : p.value)).join('');
  const pattern = parts.map((p) => ('literal' in p ? anyCasePattern(p.literal) : withCapitals(namePattern(p.value), p.value))).join('');
  return { text, role, of, re: sticky(pattern) };
}

export function compileLexicon(registry: { actors: readonly Actor[]; countries: Record<string, Country>; rolePhrases: Record<string, string[]>; rules: MatchingRules }): Lexicon {
  const { actors, countries, rolePhrases, rules } = registry;
  const forms = new Map<string, SurfaceForm[]>();
  for (const actor of actors) for (const form of surfaceForms(actor, rules.seats)) add(forms, form);
  sortLongestFirst(forms);

  const roleForms = new Map<string, RoleForm[]>();
  for (const [role, templates] of Object.entries(rolePhrases)) {
    const codes = [...new Set(actors.flatMap((a) => a.roles.filter((r) => r.role === role).map((r) => r.of)))];
    const seen = new Set<string>();
    for (const template of templates) {
      if (!/\{(adj|state)\}/.test(template)) {
        add(roleForms, roleForm([{ literal: template }], role, undefined));
        continue;
      }
      for (const code of codes) {
        const owners = principals(code, actors, countries);
        const adjectives = owners.flatMap((a) => a.adjectives);
        const states = owners.flatMap((a) => [a.name, ...a.aliases, ...a.metonyms]);
        for (const parts of expandTemplate(template, adjectives, states)) {
          const form = roleForm(parts, role, code);
          const key = `${form.text.toLowerCase()}|${code}`;
          if (!seen.has(key)) add(roleForms, form);
          seen.add(key);
        }
      }
    }
  }
  sortLongestFirst(roleForms);

  const surnames = new Map<string, string[]>();
  for (const a of actors) {
    if (a.type !== 'person') continue;
    const surname = a.surname ?? a.name.split(/\s+/).at(-1)!;
    surnames.set(surname, [...(surnames.get(surname) ?? []), a.id]);
  }
  return { forms, roleForms, surnames };
}

/** Length of `form` matched at `pos` with word boundaries on both sides, or 0. */
export function matchAt(text: string, pos: number, re: RegExp): number {
  re.lastIndex = pos;
  const m = re.exec(text);
  if (!m) return 0;
  const end = pos + m[0].length;
  return isWordChar(text[end]) ? 0 : m[0].length;
}
