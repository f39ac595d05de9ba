/**
 * Token patterns as data, in the manner of spaCy's Matcher: a pattern is a list of
 * items, each a set of attribute conditions on one token (or one unit of a
 * retokenized stream) with an optional operator. Patterns are written in data files
 * (YAML), validated on load (`tokenPatternSchema`), compiled once (`compilePattern`)
 * and matched anchored at a token (`matchesAround`) or from a position (`matchesFrom`).
 *
 * An item's conditions, all of which must hold:
 *   ATTR: value             the attribute equals the value (string, number or boolean)
 *   ATTR: {IN: [..]}        the attribute is one of the values; NOT_IN, its negation
 *   ATTR: {REGEX: '..'}     the attribute (a string) matches; NOT_REGEX, its negation
 *   {}                      any token
 * and its operator: none (exactly once), '?' (optional), '*' (any number), '+' (one
 * or more), '!' (one token that does not meet the conditions), '{m,n}' (m to n times).
 *
 * Matching follows all readings at once (the positions they have reached, item by
 * item), so its cost is linear in the tokens times the items, whatever the
 * operators: no backtracking.
 */
import { z } from 'zod';

/** The attributes of one token or unit, by the upper-case names patterns use. */
export type TokenAttributes = Readonly<Record<string, string | number | boolean | undefined>>;

const scalar = z.union([z.string(), z.number(), z.boolean()]);
const condition = z.union([
  scalar,
  z
    .object({ IN: z.array(scalar).min(1).optional(), NOT_IN: z.array(scalar).min(1).optional(), REGEX: z.string().min(1).optional(), NOT_REGEX: z.string().min(1).optional() })
    .strict()
    .refine((c) => Object.keys(c).length > 0, { message: 'a condition needs IN, NOT_IN, REGEX or NOT_REGEX' }),
]);
const OPERATOR = /^(?:[?*+!]|\{\d+,\d+\})$/;

/** One item of a token pattern: attribute conditions and an operator. */
export const tokenPatternItemSchema = z.record(z.string().regex(/^[A-Z][A-Z_]*$/, 'attribute names are upper case (LOWER, POS, …)'), condition.or(z.string())).superRefine((item, ctx) => {
  const op = item.OP;
  if (op !== undefined && (typeof op !== 'string' || !OPERATOR.test(op))) ctx.addIssue({ code: 'custom', message: `OP must be one of ? * + ! or {m,n}, not ${JSON.stringify(op)}` });
});

export const tokenPatternSchema = z.array(tokenPatternItemSchema).min(1);

export type TokenPatternItem = z.infer<typeof tokenPatternItemSchema>;
export type TokenPattern = z.infer<typeof tokenPatternSchema>;

interface CompiledItem {
  test: (unit: TokenAttributes) => boolean;
  min: number;
  max: number;
}

/** A pattern compiled for matching; `items` in the pattern's order. */
export interface CompiledPattern {
  readonly items: readonly CompiledItem[];
  readonly source: TokenPattern;
}

function conditionTest(attribute: string, value: z.infer<typeof condition>): (unit: TokenAttributes) => boolean {
  if (typeof value !== 'object') return (unit) => unit[attribute] === value;
  const tests: ((v: TokenAttributes[string]) => boolean)[] = [];
  if (value.IN) {
    const allowed = new Set<unknown>(value.IN);
    tests.push((v) => allowed.has(v));
  }
  if (value.NOT_IN) {
    const refused = new Set<unknown>(value.NOT_IN);
    tests.push((v) => !refused.has(v));
  }
  if (value.REGEX) {
    const re = new RegExp(value.REGEX, 'u');
    tests.push((v) => typeof v === 'string' && re.test(v));
  }
  if (value.NOT_REGEX) {
    const re = new RegExp(value.NOT_REGEX, 'u');
    tests.push((v) => typeof v !== 'string' || !re.test(v));
  }
  return (unit) => tests.every((t) => t(unit[attribute]));
}

/**
 * Compiles a validated pattern. `attributes` lists the attribute names the units
 * carry: a condition on any other name is an error, thrown with `where` (the file and
 * pattern) so the author can fix the data.
 */
export function compilePattern(pattern: TokenPattern, attributes: ReadonlySet<string>, where: string): CompiledPattern {
  const items = pattern.map((item, i): CompiledItem => {
    const tests: ((unit: TokenAttributes) => boolean)[] = [];
    for (const [attribute, value] of Object.entries(item)) {
      if (attribute === 'OP') continue;
      if (!attributes.has(attribute)) throw new Error(`${where}, item ${i + 1}: unknown attribute ${attribute} (known: ${[...attributes].join(', ')})`);
      tests.push(conditionTest(attribute, value));
    }
    const all = (unit: TokenAttributes) => tests.every((t) => t(unit));
    const op = item.OP as string | undefined;
    if (op === '!') return { test: (unit) => !all(unit), min: 1, max: 1 };
    if (op === '?') return { test: all, min: 0, max: 1 };
    if (op === '*') return { test: all, min: 0, max: Infinity };
    if (op === '+') return { test: all, min: 1, max: Infinity };
    const range = op ? /^\{(\d+),(\d+)\}$/.exec(op) : null;
    if (range) {
      const [min, max] = [Number(range[1]), Number(range[2])];
      if (min > max) throw new Error(`${where}, item ${i + 1}: OP ${op} has its minimum above its maximum`);
      return { test: all, min, max };
    }
    return { test: all, min: 1, max: 1 };
  });
  return { items, source: pattern };
}

/** Reused buffers of `itemsFit` (it is not reentrant): readings open at each position, the next item's, and their prefix counts. */
let open = new Uint8Array(64);
let next = new Uint8Array(64);
let prefix = new Int32Array(65);

/**
 * Whether `items`, read in order from `from` and stepping by `step` (+1 forwards, -1
 * backwards), can all be met within [lo, hi): true when some reading consumes them all.
 *
 * Positions are counted from `from` in the reading direction (0 … n, n the units
 * left). After each item, `open` flags the positions some reading has reached: q is
 * reached from an open p when q − p repetitions lie in the item's range and the units
 * p … q − 1 all meet it, i.e. when the run of meeting units ending before q covers p.
 * One sweep per item, with prefix counts for "is some p in the window open".
 */
function itemsFit(units: readonly TokenAttributes[], items: readonly CompiledItem[], from: number, step: 1 | -1, lo: number, hi: number): boolean {
  if (items.length === 0) return true;
  const n = step === 1 ? Math.max(0, hi - from) : Math.max(0, from - lo + 1);
  if (open.length < n + 1) {
    open = new Uint8Array(2 * (n + 1));
    next = new Uint8Array(2 * (n + 1));
    prefix = new Int32Array(2 * (n + 1) + 1);
  }
  open.fill(0, 0, n + 1);
  open[0] = 1;
  for (const item of items) {
    prefix[0] = 0;
    for (let i = 0; i <= n; i++) prefix[i + 1] = prefix[i]! + open[i]!;
    let run = 0;
    let any = false;
    for (let q = 0; q <= n; q++) {
      // run: how many units before q, back from q − 1, meet the item.
      const reach = Math.min(run, item.max);
      const earliest = q - reach;
      const latest = q - item.min;
      const reached = latest >= earliest && latest >= 0 && prefix[latest + 1]! - prefix[Math.max(0, earliest)]! > 0;
      next[q] = reached ? 1 : 0;
      any ||= reached;
      if (q < n) run = item.test(units[from + step * q]!) ? run + 1 : 0;
    }
    if (!any) return false;
    [open, next] = [next, open];
  }
  return true;
}

/**
 * Whether `pattern` matches with its item `anchorItem` on unit `anchor` (that item
 * must be a plain one, met exactly once): the items after it read forwards from the
 * unit after, those before it backwards from the unit before, within [lo, hi).
 */
export function matchesAround(units: readonly TokenAttributes[], pattern: CompiledPattern, anchorItem: number, anchor: number, lo = 0, hi = units.length): boolean {
  const item = pattern.items[anchorItem]!;
  if (anchor < lo || anchor >= hi || !item.test(units[anchor]!)) return false;
  return itemsFit(units, pattern.items.slice(anchorItem + 1), anchor + 1, 1, lo, hi) && itemsFit(units, pattern.items.slice(0, anchorItem).reverse(), anchor - 1, -1, lo, hi);
}

/** Whether `pattern` matches starting at unit `from` (reading forwards, within [from, hi)). */
export function matchesFrom(units: readonly TokenAttributes[], pattern: CompiledPattern, from: number, hi = units.length): boolean {
  return itemsFit(units, pattern.items, from, 1, from, hi);
}
