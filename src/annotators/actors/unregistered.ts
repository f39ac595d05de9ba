/**
 * People the registry lacks but the text clearly names: a Capitalised Two-Word Name
 * (a third word or a middle initial allowed) right after a role noun ("EU foreign
 * policy chief Josep Borrell", "Federal Security Service head Alexander Bortnikov")
 * or before an appositive role ("Chen Mingguo, director of …"). Role nouns are data
 * (matching-rules.yaml). Names overlapping a registered mention are skipped.
 */
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

/** Words of a text with offsets; the dot of an initial ("J.") stays out of the word. */
function tokenize(text: string, from: number, to: number): Token[] {
  const out: Token[] = [];
  // A possessive "'s" is not part of the word: "John Smith's office" names John Smith.
  const re = /\p{L}+(?:['-](?!s(?!\p{L}))\p{L}+)*/gu;
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

const gap = (text: string, a: Token, b: Token): string => text.slice(a.end, b.start);

/** The name starting at token `i`: 2 or 3 capitalised words (a middle initial allowed), single spaces apart. */
function nameAt(text: string, tokens: Token[], i: number, rules: MatchingRules): Token[] | undefined {
  const ok = (t: Token | undefined): t is Token => t !== undefined && NAME_WORD.test(t.text) && !rules.nameStopWords.has(t.text) && !rules.organizationWords.has(t.text);
  const first = tokens[i];
  if (!ok(first)) return undefined;
  const words: Token[] = [first];
  let j = i + 1;
  const middle = tokens[j];
  if (middle && INITIAL.test(middle.text) && gap(text, first, middle) === ' ' && text[middle.end] === '.') j++;
  const second = tokens[j];
  if (!ok(second) || !/^\.? $/.test(gap(text, tokens[j - 1]!, second))) return undefined;
  words.push(second);
  const third = tokens[j + 1];
  if (ok(third) && gap(text, second, third) === ' ' && !isRoleNounStart(tokens, j + 1, rules)) words.push(third);
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
    if (NAME_WORD.test(tokens[i]!.text) && roleNounEndingAt(tokens, i - 1, rules) > 0 && /^\s+$/.test(gap(text, tokens[i - 1]!, tokens[i]!))) {
      const words = nameAt(text, tokens, i, rules);
      if (words) take(words);
    }
  }
  for (let i = 0; i < tokens.length; i++) {
    // Appositive after: "Chen Mingguo, director of ..." — the whole capitalised run must be the name.
    if (!NAME_WORD.test(tokens[i]!.text)) continue;
    if (i > 0 && isUpper(tokens[i - 1]!.text[0]) && /^\s+$/.test(gap(text, tokens[i - 1]!, tokens[i]!))) continue;
    const words = nameAt(text, tokens, i, rules);
    if (!words) continue;
    const last = words.at(-1)!;
    if (!/^,\s+\p{Ll}/u.test(text.slice(last.end, last.end + 4))) continue;
    // Up to three lower-case words before the role noun: ", the deputy director of".
    const after = tokenize(text, last.end, to).slice(0, 5);
    const lowerRun = after.findIndex((t) => !/^\p{Ll}/u.test(t.text));
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
