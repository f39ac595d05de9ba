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

/** The attributes of one token or unit, by the upper-case names patterns use (the simplest kind of unit). */
export type TokenAttributes = Readonly<Record<string, AttributeValue>>;

export type AttributeValue = string | number | boolean | undefined;

/** What patterns read: units 0 … length − 1, however they are held. */
export interface UnitStream {
  readonly length: number;
}

/**
 * How a pattern reads an attribute: of unit `i` of `units`. Units need not carry their
 * attributes as fields: a reader may take them from the text layer's tokens as they
 * are, or work them out (is this the sentence's first word?) only when a pattern asks.
 */
export type AttributeReader<S extends UnitStream> = (units: S, i: number) => AttributeValue;

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

interface CompiledItem<S extends UnitStream> {
  test: (units: S, i: number) => boolean;
  /** No conditions: every unit meets it (`{OP: "*"}`), so its test need not run. */
  any: boolean;
  min: number;
  max: number;
}

/** A pattern compiled for matching units of type U; `items` in the pattern's order. */
export interface CompiledPattern<S extends UnitStream = readonly TokenAttributes[]> {
  readonly items: readonly CompiledItem<S>[];
  /** For each item as the anchor: the items after it, and those before it in reading order (nearest first). */
  readonly after: readonly (readonly CompiledItem<S>[])[];
  readonly before: readonly (readonly CompiledItem<S>[])[];
  readonly source: TokenPattern;
}

/** Readers of the fields of plain attribute records, by name. */
export function recordAttributes(names: Iterable<string>): Map<string, AttributeReader<readonly TokenAttributes[]>> {
  return new Map([...names].map((name) => [name, (units: readonly TokenAttributes[], i: number) => units[i]![name]]));
}

function conditionTest<S extends UnitStream>(read: AttributeReader<S>, value: z.infer<typeof condition>): (units: S, i: number) => boolean {
  if (typeof value !== 'object') return (units, i) => read(units, i) === value;
  const tests: ((v: AttributeValue) => boolean)[] = [];
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
  return (units, i) => {
    const v = read(units, i);
    for (const t of tests) if (!t(v)) return false;
    return true;
  };
}

/**
 * Compiles a validated pattern. `attributes` reads each attribute the units have: a
 * condition on any other name is an error, thrown with `where` (the file and
 * pattern) so the author can fix the data.
 */
export function compilePattern<S extends UnitStream>(pattern: TokenPattern, attributes: ReadonlyMap<string, AttributeReader<S>>, where: string): CompiledPattern<S> {
  const items = pattern.map((item, i): CompiledItem<S> => {
    const tests: ((units: S, i: number) => boolean)[] = [];
    for (const [attribute, value] of Object.entries(item)) {
      if (attribute === 'OP') continue;
      const read = attributes.get(attribute);
      if (!read) throw new Error(`${where}, item ${i + 1}: unknown attribute ${attribute} (known: ${[...attributes.keys()].join(', ')})`);
      tests.push(conditionTest(read, value));
    }
    const all = (units: S, k: number) => {
      for (const t of tests) if (!t(units, k)) return false;
      return true;
    };
    const op = item.OP as string | undefined;
    const any = tests.length === 0;
    if (op === '!') return { test: (units, k) => !all(units, k), any: false, min: 1, max: 1 };
    if (op === '?') return { test: all, any, min: 0, max: 1 };
    if (op === '*') return { test: all, any, min: 0, max: Infinity };
    if (op === '+') return { test: all, any, min: 1, max: Infinity };
    const range = op ? /^\{(\d+),(\d+)\}$/.exec(op) : null;
    if (range) {
      const [min, max] = [Number(range[1]), Number(range[2])];
      if (min > max) throw new Error(`${where}, item ${i + 1}: OP ${op} has its minimum above its maximum`);
      return { test: all, any, min, max };
    }
    return { test: all, any, min: 1, max: 1 };
  });
  return { items, after: items.map((_, k) => items.slice(k + 1)), before: items.map((_, k) => items.slice(0, k).reverse()), source: pattern };
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
function itemsFit<S extends UnitStream>(units: S, items: readonly CompiledItem<S>[], from: number, step: 1 | -1, lo: number, hi: number): boolean {
  if (items.length === 0) return true;
  const n = step === 1 ? Math.max(0, hi - from) : Math.max(0, from - lo + 1);
  if (open.length < n + 1) {
    open = new Uint8Array(2 * (n + 1));
    next = new Uint8Array(2 * (n + 1));
    prefix = new Int32Array(2 * (n + 1) + 1);
  }
  // Only the positions from `first` to `last` are ever read, and each sweep writes all of those it reads next.
  open[0] = 1;
  let first = 0; // the first and last open positions: nothing before the first is reached, nor after the last once a run breaks
  let last = 0;
  for (let k = 0; k < items.length; k++) {
    const item = items[k]!;
    const final = k === items.length - 1;
    prefix[first] = 0;
    for (let i = first; i <= last; i++) prefix[i + 1] = prefix[i]! + open[i]!;
    let run = 0;
    let nextFirst = -1;
    let nextLast = -1;
    for (let q = first; q <= n; q++) {
      if (q > last && run === 0) break;
      // run: how many units before q, back from q − 1, meet the item.
      const earliest = Math.max(first, q - Math.min(run, item.max));
      const latest = Math.min(last, q - item.min);
      const reached = latest >= earliest && prefix[latest + 1]! - prefix[earliest]! > 0;
      next[q] = reached ? 1 : 0;
      if (reached) {
        if (final) return true;
        if (nextFirst < 0) nextFirst = q;
        nextLast = q;
      }
      if (q < n) run = item.any || item.test(units, from + step * q) ? run + 1 : 0;
    }
    if (nextFirst < 0) return false;
    [open, next] = [next, open];
    first = nextFirst;
    last = nextLast;
  }
  return true;
}

/**
 * Whether `pattern` matches with its item `anchorItem` on unit `anchor` (that item
 * must be a plain one, met exactly once): the items after it read forwards from the
 * unit after, those before it backwards from the unit before, within [lo, hi).
 */
export function matchesAround<S extends UnitStream>(units: S, pattern: CompiledPattern<S>, anchorItem: number, anchor: number, lo = 0, hi = units.length): boolean {
  const item = pattern.items[anchorItem]!;
  if (anchor < lo || anchor >= hi || !item.test(units, anchor)) return false;
  const after = pattern.after[anchorItem]!;
  const before = pattern.before[anchorItem]!;
  // The side whose first item must be met at once fails fastest: read it first. (No closures here: this runs for every cue and rule.)
  if ((before[0]?.min ?? 0) >= 1) return itemsFit(units, before, anchor - 1, -1, lo, hi) && itemsFit(units, after, anchor + 1, 1, lo, hi);
  return itemsFit(units, after, anchor + 1, 1, lo, hi) && itemsFit(units, before, anchor - 1, -1, lo, hi);
}

/** Whether `pattern` matches starting at unit `from` (reading forwards, within [from, hi)). */
export function matchesFrom<S extends UnitStream>(units: S, pattern: CompiledPattern<S>, from: number, hi = units.length): boolean {
  return itemsFit(units, pattern.items, from, 1, from, hi);
}
