/** Token patterns as data (src/text/matcher.ts): items, operators, anchors, validation. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeText, compilePattern, matchesAround, matchesFrom, recordAttributes, tokenPatternSchema, type TokenAttributes, type TokenPattern } from '../src/text';

const ATTRS = recordAttributes(['LOWER', 'POS', 'CUE']);
/** Units of a real sentence from the text layer, with CUE on the reporting verb. */
function units(text: string, cue: string): TokenAttributes[] {
  return analyzeText(text).tokens.map((t) => ({ LOWER: t.lower, POS: t.pos, CUE: t.lower === cue ? 'verb' : undefined }));
}
const compile = (pattern: unknown) => compilePattern(tokenPatternSchema.parse(pattern), ATTRS, 'test pattern');

describe('matchesAround (anchored at a unit)', () => {
  const sentence = units('Trade will keep growing, Mao Ning said on Monday.', 'said');
  const saidAt = sentence.findIndex((u) => u.CUE === 'verb');

  it('reads the items before the anchor backwards and those after it forwards', () => {
    const p = compile([{ LOWER: ',' }, { POS: 'PROPN', OP: '+' }, { CUE: 'verb' }, { LOWER: 'on' }]);
    expect(matchesAround(sentence, p, 2, saidAt)).toBe(true);
  });
  it('fails when an item finds nothing: no "in" after the cue', () => {
    const p = compile([{ POS: 'PROPN', OP: '+' }, { CUE: 'verb' }, { LOWER: 'in' }]);
    expect(matchesAround(sentence, p, 1, saidAt)).toBe(false);
  });
  it('fails when the anchor unit does not meet the anchor item', () => {
    const p = compile([{ CUE: 'verb' }]);
    expect(matchesAround(sentence, p, 0, saidAt - 1)).toBe(false);
  });
  it('? and * may match nothing, + needs one', () => {
    expect(matchesAround(sentence, compile([{ LOWER: 'however', OP: '?' }, { CUE: 'verb' }]), 1, saidAt)).toBe(true);
    expect(matchesAround(sentence, compile([{ LOWER: 'however', OP: '*' }, { CUE: 'verb' }]), 1, saidAt)).toBe(true);
    expect(matchesAround(sentence, compile([{ LOWER: 'however', OP: '+' }, { CUE: 'verb' }]), 1, saidAt)).toBe(false);
  });
  it('{m,n} bounds the repetitions: two proper nouns before "said", not three', () => {
    expect(matchesAround(sentence, compile([{ LOWER: ',' }, { POS: 'PROPN', OP: '{2,2}' }, { CUE: 'verb' }]), 2, saidAt)).toBe(true);
    expect(matchesAround(sentence, compile([{ LOWER: ',' }, { POS: 'PROPN', OP: '{3,5}' }, { CUE: 'verb' }]), 2, saidAt)).toBe(false);
  });
  it('! is one unit that does not meet the item', () => {
    expect(matchesAround(sentence, compile([{ CUE: 'verb' }, { LOWER: 'in', OP: '!' }, { POS: 'PROPN' }]), 0, saidAt)).toBe(true);
    expect(matchesAround(sentence, compile([{ CUE: 'verb' }, { LOWER: 'on', OP: '!' }]), 0, saidAt)).toBe(false);
  });
  it('IN, NOT_IN, REGEX and NOT_REGEX test an attribute', () => {
    expect(matchesAround(sentence, compile([{ CUE: 'verb' }, { LOWER: { IN: ['on', 'at'] } }]), 0, saidAt)).toBe(true);
    expect(matchesAround(sentence, compile([{ CUE: 'verb' }, { LOWER: { NOT_IN: ['on', 'at'] } }]), 0, saidAt)).toBe(false);
    expect(matchesAround(sentence, compile([{ LOWER: { REGEX: 'ing$' } }, { LOWER: ',' }, { OP: '*' }, { CUE: 'verb' }]), 3, saidAt)).toBe(true);
    expect(matchesAround(sentence, compile([{ LOWER: { NOT_REGEX: 'ing$' } }, { LOWER: ',' }, { POS: 'PROPN', OP: '+' }, { CUE: 'verb' }]), 3, saidAt)).toBe(false);
  });
  it('stays within the bounds it is given', () => {
    const p = compile([{ POS: 'PROPN', OP: '+' }, { CUE: 'verb' }]);
    expect(matchesAround(sentence, p, 1, saidAt, saidAt)).toBe(false);
    expect(matchesAround(sentence, p, 1, saidAt, saidAt - 1)).toBe(true);
  });
  it('costs no more than units × items on a long run of optional items (no backtracking)', () => {
    const long: TokenAttributes[] = Array.from({ length: 5000 }, () => ({ LOWER: 'a', POS: 'X' }));
    long.push({ LOWER: 'b', POS: 'X', CUE: 'verb' });
    const p = compile([...Array.from({ length: 30 }, () => ({ LOWER: 'a', OP: '*' })), { LOWER: 'c' }, { CUE: 'verb' }]);
    expect(matchesAround(long, p, 31, 5000)).toBe(false);
  });
});

describe('matchesFrom (from a position)', () => {
  const label = units('ANTONY BLINKEN: We have seen China provide support.', '');
  it('matches a speaker label opening the text, not one later', () => {
    const p = compile([{ POS: 'PROPN', OP: '{1,4}' }, { LOWER: ':' }]);
    expect(matchesFrom(label, p, 0)).toBe(true);
    expect(matchesFrom(label, p, 3)).toBe(false);
  });
});

describe('pattern validation', () => {
  it('refuses an unknown operator and a lower-case attribute', () => {
    expect(tokenPatternSchema.safeParse([{ LOWER: 'said', OP: '++' }]).success).toBe(false);
    expect(tokenPatternSchema.safeParse([{ lower: 'said' }]).success).toBe(false);
    expect(tokenPatternSchema.safeParse([{ LOWER: 'said', OP: '{1,3}' }]).success).toBe(true);
  });
  it('names the attribute the units do not carry, and where', () => {
    expect(() => compile([{ LEMMA: 'say' }])).toThrow('test pattern, item 1: unknown attribute LEMMA (known: LOWER, POS, CUE)');
  });
  it('refuses a repetition whose minimum is above its maximum', () => {
    expect(() => compile([{ LOWER: 'a', OP: '{3,1}' }])).toThrow('test pattern, item 1: OP {3,1} has its minimum above its maximum');
  });
  it('refuses an empty condition', () => {
    expect(tokenPatternSchema.safeParse([{ LOWER: {} }] as unknown as TokenPattern).success).toBe(false);
  });
});

describe('matchesFrom agrees with a backtracking reading (property)', () => {
  /** The definition: try every number of repetitions of each item, recursively. */
  function reference(units: TokenAttributes[], items: { lower: string; op: string }[], at: number): boolean {
    if (items.length === 0) return true;
    const [item, ...rest] = items;
    const meets = (u: TokenAttributes | undefined) => u !== undefined && (item!.op === '!' ? u.LOWER !== item!.lower : u.LOWER === item!.lower);
    const range = /^\{(\d+),(\d+)\}$/.exec(item!.op);
    const [min, max] = item!.op === '?' ? [0, 1] : item!.op === '*' ? [0, Infinity] : item!.op === '+' ? [1, Infinity] : range ? [Number(range[1]), Number(range[2])] : [1, 1];
    for (let k = 0; k <= Math.min(max, units.length - at); k++) {
      if (k > 0 && !meets(units[at + k - 1])) break;
      if (k >= min && reference(units, rest, at + k)) return true;
    }
    return false;
  }
  it('on random words and patterns of a, b and c', () => {
    const word = fc.constantFrom('a', 'b', 'c');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 12 }), fc.array(fc.record({ lower: word, op: fc.constantFrom('', '?', '*', '+', '!', '{0,2}', '{1,3}', '{2,2}') }), { minLength: 1, maxLength: 5 }), (words, items) => {
        const units = words.map((w) => ({ LOWER: w }));
        const pattern = compile(items.map((i) => (i.op ? { LOWER: i.lower, OP: i.op } : { LOWER: i.lower })));
        expect(matchesFrom(units, pattern, 0)).toBe(reference(units, items, 0));
      }),
      { numRuns: 2000 },
    );
  });
});
