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
 *
 * Phrases of the registry's `not_names` ("New Mexico", "Sputnik V") are forms of no
 * actor (`actorId` ""): as the longest match they hold their words, so no shorter
 * form inside them ("Mexico", "Sputnik") is matched there, and the matcher drops
 * them (a form whose actor is not in the registry gives no mention).
 */
import type { MentionKind } from '../types';
import type { Actor, Country } from './registry';
import type { MatchingRules } from './rules';
import { analyzeText, endsToken, isWordToken, type Token, type TokenLayer } from '../../text';

/** A word of the text as the phrase index reads it: a word or number token of the text layer. */
export type Word = Pick<Token, 'start' | 'end' | 'lower'>;

/** The words of an article's text layer, found once per article and shared by the phrase matchers. */
export const wordsOfLayer = (layer: TokenLayer): Word[] => layer.tokens.filter(isWordToken);

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

export interface SurfaceForm {
  text: string;
  actorId: string;
  kind: Extract<MentionKind, 'name' | 'alias' | 'surname' | 'adjective'>;
  /**
   * A place name standing for the actor ("Beijing"): subject to the place rules. A
   * name or alias also listed among the actor's metonyms is one too ("Jordan": "in
   * Jordan" is the place, "Jordan Bardella" no state).
   */
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
  forms: PhraseIndex<SurfaceForm>;
  roleForms: PhraseIndex<RoleForm>;
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
    const wordStart = i === 0 || !LETTER_OR_DIGIT.test(form[i - 1]!);
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

/**
 * Phrases keyed as the text layer reads them: each phrase tagged with the same tagger
 * as the articles (all phrases in one text, a line each), its key words the lower-case
 * forms of its word tokens ("U.S. State Department" -> "u.s.", "state",
 * "department"). Words after the first non-ASCII character are not keyed (beyond ASCII
 * case variants may lower-case differently: "ſ", "İ", a final "Σ"); they are checked
 * by the phrase's regular expression only.
 */
export function taggedKeyWords(phrases: readonly string[]): string[][] {
  const layer = analyzeText(phrases.join('\n'));
  const keys: string[][] = [];
  let t = 0;
  let offset = 0;
  for (const phrase of phrases) {
    const end = offset + phrase.length;
    const nonAscii = phrase.search(/[^\x00-\x7f]/);
    const words: string[] = [];
    for (; t < layer.tokens.length && layer.tokens[t]!.start < end; t++) {
      const token = layer.tokens[t]!;
      if (!isWordToken(token)) continue;
      if (words.length > 0 && nonAscii >= 0 && token.end - offset > nonAscii) continue;
      words.push(token.lower);
    }
    keys.push(words.length > 0 ? words : [phrase.toLowerCase()]);
    offset = end + 1;
  }
  return keys;
}

/** A phrase of plain words: ASCII letters, a possessive 's, single spaces or hyphens between them. */
const PLAIN_PHRASE = /^[A-Za-z]+(?:'s)?(?:[ -][A-Za-z]+(?:'s)?)*$/;
/** The key words of a plain phrase: its words, lower-cased, each possessive 's a word of its own ("China's" -> "china", "'s"). */
const plainKeys = (phrase: string): string[] => phrase.toLowerCase().split(/[ -]/).flatMap((w) => (w.endsWith("'s") ? [w.slice(0, -2), "'s"] : [w]));

/**
 * Key words of each phrase (see taggedKeyWords). Most registry phrases are plain
 * words ("Chinese foreign minister"), whose tokens are their words: those are split
 * on their spaces instead of tagged, which spares a tenth of the start-up (a test
 * holds the two ways equal on every registry phrase); the others are tagged.
 */
export function keyWords(phrases: readonly string[]): string[][] {
  const keys: string[][] = new Array(phrases.length);
  const others: number[] = [];
  phrases.forEach((p, i) => {
    if (PLAIN_PHRASE.test(p)) keys[i] = plainKeys(p);
    else others.push(i);
  });
  const tagged = taggedKeyWords(others.map((i) => phrases[i]!));
  others.forEach((i, k) => (keys[i] = tagged[k]!));
  return keys;
}

function indexByFirstWord<T extends { text: string }>(items: readonly T[]): Map<T, string[]> & { byFirst: Map<string, T[]> } {
  const keys = keyWords(items.map((i) => i.text));
  const byItem = new Map(items.map((item, k) => [item, keys[k]!])) as Map<T, string[]> & { byFirst: Map<string, T[]> };
  byItem.byFirst = new Map();
  for (const [item, words] of byItem) (byItem.byFirst.get(words[0]!) ?? byItem.byFirst.set(words[0]!, []).get(words[0]!)!).push(item);
  return byItem;
}

interface PhraseNode<T> {
  next: Map<string, PhraseNode<T>>;
  /** Phrases whose keyed words end at this node. */
  ending: T[];
  /** The candidates when a walk through the text stops here: phrases ending here or above, longest first. */
  candidates: T[];
}

const phraseNode = <T>(): PhraseNode<T> => ({ next: new Map(), ending: [], candidates: [] });

/**
 * Phrases for matching at word starts: indexed by their first word (lower case), then
 * word by word, so a text position is tried only against the phrases whose words
 * follow there instead of every phrase sharing the first word (over a hundred start
 * with "Russian"). Candidates come out in the order matching tries them: longest
 * phrase first. A candidate still has to match its regular expression; the index
 * only leaves out phrases that cannot: in a match, every ASCII word of the phrase
 * stands in the text as the same word up to case.
 */
export class PhraseIndex<T extends { text: string; re: RegExp }> {
  private readonly roots = new Map<string, PhraseNode<T>>();
  private readonly byFirstWord = new Map<string, T[]>();

  constructor(phrases: readonly T[]) {
    const keyed = indexByFirstWord(phrases);
    for (const [first, phrases] of keyed.byFirst) {
      const longestFirst = [...phrases].sort((a, b) => b.text.length - a.text.length);
      this.byFirstWord.set(first, longestFirst);
      const root = phraseNode<T>();
      for (const phrase of longestFirst) {
        let node = root;
        for (const word of keyed.get(phrase)!.slice(1)) node = node.next.get(word) ?? node.next.set(word, phraseNode<T>()).get(word)!;
        node.ending.push(phrase);
      }
      // A phrase is a candidate at its node and at every node below it, in the longest-first order.
      const rank = new Map(longestFirst.map((phrase, i) => [phrase, i]));
      const fill = (node: PhraseNode<T>, inherited: T[]): void => {
        node.candidates = [...inherited, ...node.ending].sort((a, b) => rank.get(a)! - rank.get(b)!);
        for (const child of node.next.values()) fill(child, node.candidates);
      };
      fill(root, []);
      this.roots.set(first, root);
    }
  }

  /** Every phrase whose first word is `firstWord` (lower case), longest first. */
  phrasesStartingWith(firstWord: string): readonly T[] {
    return this.byFirstWord.get(firstWord) ?? [];
  }

  /** Phrases that may start at word `i` of `words`, longest first. */
  private candidatesAt(words: readonly Word[], i: number): readonly T[] {
    let node = this.roots.get(words[i]!.lower);
    if (!node) return [];
    for (let next = i + 1; next < words.length && node.next.size > 0; next++) {
      const child: PhraseNode<T> | undefined = node.next.get(words[next]!.lower);
      if (!child) break;
      node = child;
    }
    return node.candidates;
  }

  /**
   * The longest phrase at each word start, left to right, not overlapping each other.
   * `words` are the words of the layer (wordsOfLayer).
   */
  longestMatches(layer: TokenLayer, words: readonly Word[]): { start: number; end: number; form: T }[] {
    const out: { start: number; end: number; form: T }[] = [];
    let free = 0;
    for (let i = 0; i < words.length; i++) {
      const { start } = words[i]!;
      if (start < free) continue;
      for (const form of this.candidatesAt(words, i)) {
        const length = matchAt(layer, start, form.re);
        if (length > 0) {
          out.push({ start, end: start + length, form });
          free = start + length;
          break;
        }
      }
    }
    return out;
  }
}

function surfaceForms(actor: Actor, seats: ReadonlySet<string>): SurfaceForm[] {
  const out = new Map<string, SurfaceForm>();
  const isSeat = (text: string): boolean => actor.type === 'organization' && seats.has(text.replace(/^the\s+/i, ''));
  const metonyms = new Set(actor.metonyms);
  const put = (text: string, kind: SurfaceForm['kind'], metonym = metonyms.has(text)): void => {
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

const partsText = (parts: Part[]): string => parts.map((p) => ('literal' in p ? p.literal : p.value)).join('');

function roleForm(parts: Part[], role: string, of: string | undefined): RoleForm {
  const text = partsText(parts);
  const pattern = parts.map((p) => ('literal' in p ? anyCasePattern(p.literal) : withCapitals(namePattern(p.value), p.value))).join('');
  return { text, role, of, re: sticky(pattern) };
}

export function compileLexicon(registry: {
  actors: readonly Actor[];
  countries: Record<string, Country>;
  rolePhrases: Record<string, string[]>;
  rules: MatchingRules;
  notNames?: readonly string[];
}): Lexicon {
  const { actors, countries, rolePhrases, rules } = registry;
  const forms: SurfaceForm[] = [];
  for (const actor of actors) forms.push(...surfaceForms(actor, rules.seats));
  for (const text of registry.notNames ?? []) forms.push({ text, actorId: '', kind: 'name', metonym: false, seat: false, re: sticky(withCapitals(namePattern(text), text)) });

  const roleForms: RoleForm[] = [];
  // The owners of each country code, found once (every role template asks for them).
  const ownersOf = new Map<string, { adjectives: string[]; states: string[] }>();
  const owned = (code: string) => {
    let found = ownersOf.get(code);
    if (!found) {
      const owners = principals(code, actors, countries);
      ownersOf.set(code, (found = { adjectives: owners.flatMap((a) => a.adjectives), states: owners.flatMap((a) => [a.name, ...a.aliases, ...a.metonyms]) }));
    }
    return found;
  };
  for (const [role, templates] of Object.entries(rolePhrases)) {
    const codes = [...new Set(actors.flatMap((a) => a.roles.filter((r) => r.role === role).map((r) => r.of)))];
    const seen = new Set<string>();
    for (const template of templates) {
      if (!/\{(adj|state)\}/.test(template)) {
        roleForms.push(roleForm([{ literal: template }], role, undefined));
        continue;
      }
      for (const code of codes) {
        const { adjectives, states } = owned(code);
        for (const parts of expandTemplate(template, adjectives, states)) {
          // The same phrase for the same code is compiled once.
          const key = `${partsText(parts).toLowerCase()}|${code}`;
          if (seen.has(key)) continue;
          seen.add(key);
          roleForms.push(roleForm(parts, role, code));
        }
      }
    }
  }

  const surnames = new Map<string, string[]>();
  for (const a of actors) {
    if (a.type !== 'person') continue;
    const surname = a.surname ?? a.name.split(/\s+/).at(-1)!;
    surnames.set(surname, [...(surnames.get(surname) ?? []), a.id]);
  }
  return { forms: new PhraseIndex(forms), roleForms: new PhraseIndex(roleForms), surnames };
}

/** Length of `form` matched at `pos` (a token start), ending where a token of the layer ends, or 0. */
export function matchAt(layer: TokenLayer, pos: number, re: RegExp): number {
  re.lastIndex = pos;
  const m = re.exec(layer.text);
  if (!m) return 0;
  return endsToken(layer, pos + m[0].length) ? m[0].length : 0;
}
