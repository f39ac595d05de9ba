/**
 * People the registry lacks but the text clearly names: a Capitalised Two-Word Name
 * (a third word or a middle initial allowed) right after a role noun ("EU foreign
 * policy chief Josep Borrell", "Federal Security Service head Alexander Bortnikov")
 * or before an appositive role ("Chen Mingguo, director of …"). Role nouns are data
 * (matching-rules.yaml). Names overlapping a registered mention are skipped.
 */
import { isHighSurrogate, isLowSurrogate, letterLength, lettersEnd, nextLetter } from '../letters';
import type { MatchingRules } from './rules';
import { isUpper, slugify, type Token } from './text';

export interface FoundName {
  start: number;
  end: number;
  name: string;
  id: string;
  /** For names found by an appositive ("Chen Mingguo, director of the X Bureau"): where the appositive ends. */
  appositiveEnd?: number;
}

const NAME_WORD = /^\p{Lu}\p{Ll}+(?:['-]\p{Lu}?\p{Ll}+)*$/u;
const INITIAL = /^\p{Lu}$/u;

const isAsciiUpper = (code: number): boolean => code >= 65 && code <= 90;
const isAsciiLower = (code: number): boolean => code >= 97 && code <= 122;

/**
 * A capitalised word ("Borrell", "Smith-Jones"): NAME_WORD. Words in ASCII, nearly
 * all of them, are checked by code (there \p{Lu} is A-Z and \p{Ll} a-z).
 */
export function isNameWord(word: string): boolean {
  const first = word.charCodeAt(0);
  if (first < 128 && !isAsciiUpper(first)) return false;
  for (let k = 0; k < word.length; k++) if (word.charCodeAt(k) >= 128) return NAME_WORD.test(word);
  // A capital, then parts of lower-case letters joined by an apostrophe or hyphen (each may open with a capital).
  let i = 1;
  for (;;) {
    const partStart = i;
    while (isAsciiLower(word.charCodeAt(i))) i++;
    if (i === partStart) return false;
    if (i === word.length) return true;
    if (word[i] !== "'" && word[i] !== '-') return false;
    i++;
    if (isAsciiUpper(word.charCodeAt(i))) i++;
  }
}

/** A word that may be part of a person's name: capitalised, neither a stop word nor an organisation word. */
const isNamePart = (t: Token | undefined, rules: MatchingRules): t is Token =>
  t !== undefined && isNameWord(t.text) && !rules.nameStopWords.has(t.text) && !rules.organizationWords.has(t.text);

const COMMA_THEN_LOWER_CASE = /^,\s+\p{Ll}/u;
const LOWER_CASE_START = /^\p{Ll}/u;

/**
 * Words starting in [from, to) with offsets: letters, joined by an apostrophe or a
 * hyphen to more letters, except a possessive "'s" ("John Smith's office" names John
 * Smith); the dot of an initial ("J.") stays out of the word. A scan giving the
 * matches of the global Unicode regex \p{L}+(?:['-](?!s(?!\p{L}))\p{L}+)* from
 * lastIndex `from` (which steps back to the start of a surrogate pair it splits).
 */
export function tokenize(text: string, from: number, to: number): Token[] {
  const out: Token[] = [];
  let i = from > 0 && isLowSurrogate(text.charCodeAt(from)) && isHighSurrogate(text.charCodeAt(from - 1)) ? from - 1 : from;
  for (;;) {
    i = nextLetter(text, i, text.length);
    if (i >= to || i >= text.length) return out;
    const start = i;
    i = lettersEnd(text, i, text.length);
    for (;;) {
      const joiner = text[i];
      if (joiner !== "'" && joiner !== '-') break;
      const possessive = text[i + 1] === 's' && letterLength(text, i + 2, text.length) === 0;
      if (possessive || letterLength(text, i + 1, text.length) === 0) break;
      i = lettersEnd(text, i + 1, text.length);
    }
    out.push({ text: text.slice(start, i), start, end: i });
  }
}

const gap = (text: string, a: Token, b: Token): string => text.slice(a.end, b.start);

/** The name starting at token `i`: 2 or 3 capitalised words (a middle initial allowed), single spaces apart. */
function nameAt(text: string, tokens: Token[], i: number, rules: MatchingRules): Token[] | undefined {
  const first = tokens[i];
  if (!isNamePart(first, rules)) return undefined;
  const words: Token[] = [first];
  let j = i + 1;
  const middle = tokens[j];
  if (middle && INITIAL.test(middle.text) && gap(text, first, middle) === ' ' && text[middle.end] === '.') j++;
  const second = tokens[j];
  if (!isNamePart(second, rules) || !/^\.? $/.test(gap(text, tokens[j - 1]!, second))) return undefined;
  words.push(second);
  const third = tokens[j + 1];
  if (isNamePart(third, rules) && gap(text, second, third) === ' ' && !isRoleNounStart(tokens, j + 1, rules)) words.push(third);
  return words;
}

/** Role nouns indexed by their last and first words, so a token is checked only against nouns that can fit. */
interface RoleNounIndex {
  byLast: Map<string, string[][]>;
  byFirst: Map<string, string[][]>;
}
const roleNounIndexes = new WeakMap<MatchingRules, RoleNounIndex>();

function roleNounIndex(rules: MatchingRules): RoleNounIndex {
  let index = roleNounIndexes.get(rules);
  if (!index) {
    index = { byLast: new Map(), byFirst: new Map() };
    for (const noun of rules.roleNouns) {
      const last = noun[noun.length - 1]!;
      const first = noun[0]!;
      (index.byLast.get(last) ?? index.byLast.set(last, []).get(last)!).push(noun);
      (index.byFirst.get(first) ?? index.byFirst.set(first, []).get(first)!).push(noun);
    }
    roleNounIndexes.set(rules, index);
  }
  return index;
}

/** Length in tokens of the role noun ending at token `end` (inclusive), or 0 (nouns in registry order). */
function roleNounEndingAt(tokens: Token[], end: number, rules: MatchingRules): number {
  const token = tokens[end];
  if (!token) return 0;
  for (const noun of roleNounIndex(rules).byLast.get(token.text.toLowerCase()) ?? []) {
    const start = end - noun.length + 1;
    if (start < 0) continue;
    if (noun.every((w, k) => tokens[start + k]!.text.toLowerCase() === w)) return noun.length;
  }
  return 0;
}

function isRoleNounStart(tokens: Token[], i: number, rules: MatchingRules): boolean {
  const token = tokens[i];
  if (!token) return false;
  return (roleNounIndex(rules).byFirst.get(token.text.toLowerCase()) ?? []).some((noun) => noun.every((w, k) => tokens[i + k]?.text.toLowerCase() === w));
}

/**
 * Titled names in [from, to) (one sentence). `covered(start, end)` says whether a
 * registered mention overlaps the span.
 */
export function findTitledNames(text: string, from: number, to: number, rules: MatchingRules, covered: (start: number, end: number) => boolean): FoundName[] {
  const tokens = tokenize(text, from, to);
  const found: FoundName[] = [];
  const take = (words: Token[], appositive = false): void => {
    const start = words[0]!.start;
    const end = words.at(-1)!.end;
    if (covered(start, end) || found.some((f) => f.start < end && start < f.end)) return;
    const name = text.slice(start, end);
    const clauseEnd = text.slice(end + 1, to).search(/[,;]/);
    found.push({ start, end, name, id: `unregistered:${slugify(name)}`, ...(appositive ? { appositiveEnd: clauseEnd < 0 ? to : end + 1 + clauseEnd } : {}) });
  };
  for (let i = 1; i < tokens.length; i++) {
    // Title before: "... chief Josep Borrell".
    if (isNameWord(tokens[i]!.text) && roleNounEndingAt(tokens, i - 1, rules) > 0 && /^\s+$/.test(gap(text, tokens[i - 1]!, tokens[i]!))) {
      const words = nameAt(text, tokens, i, rules);
      if (words) take(words);
    }
  }
  for (let i = 0; i < tokens.length; i++) {
    // Appositive after: "Chen Mingguo, director of ..." — the whole capitalised run must be the name.
    if (!isNameWord(tokens[i]!.text)) continue;
    if (i > 0 && isUpper(tokens[i - 1]!.text[0]) && /^\s+$/.test(gap(text, tokens[i - 1]!, tokens[i]!))) continue;
    const words = nameAt(text, tokens, i, rules);
    if (!words) continue;
    const last = words.at(-1)!;
    if (!COMMA_THEN_LOWER_CASE.test(text.slice(last.end, last.end + 4))) continue;
    // Up to three lower-case words before the role noun: ", the deputy director of".
    const after = tokenize(text, last.end, to).slice(0, 5);
    const lowerRun = after.findIndex((t) => !LOWER_CASE_START.test(t.text));
    const candidates = lowerRun < 0 ? after.length : lowerRun;
    for (let k = 0; k < Math.min(candidates, 4); k++) {
      if (isRoleNounStart(after, k, rules)) {
        take(words, true);
        break;
      }
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
