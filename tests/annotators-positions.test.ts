import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Coverage } from '../src/annotators/positions';

/** The same questions answered from a flag per position. */
class NaiveCoverage {
  private readonly covered: boolean[];
  private readonly marks: number[] = [];
  constructor(private readonly length: number) {
    this.covered = new Array<boolean>(length).fill(false);
  }
  cover(start: number, end: number) {
    for (let p = Math.max(0, start); p < Math.min(this.length, end); p++) this.covered[p] = true;
  }
  has(pos: number) {
    return this.covered[pos] === true;
  }
  any(start: number, end: number) {
    for (let p = Math.max(0, start); p < Math.min(this.length, end); p++) if (this.covered[p]) return true;
    return false;
  }
  mark(pos: number) {
    if (pos >= 0 && pos <= this.length) this.marks.push(pos);
  }
  marked(start: number, end: number) {
    return this.marks.some((m) => m >= start && m < end);
  }
}

describe('Coverage', () => {
  it('answers for covered spans, adjacent and overlapping ones merged', () => {
    const c = new Coverage(100);
    c.cover(10, 20);
    c.cover(20, 30);
    c.cover(50, 60);
    c.cover(55, 70);
    expect([c.has(9), c.has(10), c.has(29), c.has(30), c.has(69), c.has(70)]).toEqual([false, true, true, false, true, false]);
    expect(c.any(30, 50)).toBe(false);
    expect(c.any(30, 51)).toBe(true);
    expect(c.any(0, 10)).toBe(false);
  });

  it('answers for marks, a range holding its start and not its end', () => {
    const c = new Coverage(100);
    c.mark(40);
    c.mark(5);
    expect([c.marked(40, 41), c.marked(41, 100), c.marked(0, 5), c.marked(0, 6)]).toEqual([true, false, false, true]);
  });

  it('gives the answers a flag per position gives, for any spans, marks and questions', () => {
    const op = fc.oneof(
      fc.tuple(fc.constant('cover' as const), fc.integer({ min: -5, max: 65 }), fc.integer({ min: -5, max: 65 })),
      fc.tuple(fc.constant('mark' as const), fc.integer({ min: -5, max: 65 }), fc.constant(0)),
    );
    const question = fc.tuple(fc.constantFrom('has' as const, 'any' as const, 'marked' as const), fc.integer({ min: -5, max: 65 }), fc.integer({ min: -5, max: 65 }));
    fc.assert(
      fc.property(fc.array(op, { maxLength: 25 }), fc.array(question, { maxLength: 20 }), (ops, questions) => {
        const [fast, naive] = [new Coverage(60), new NaiveCoverage(60)];
        for (const [kind, a, b] of ops) {
          if (kind === 'cover') [fast, naive].forEach((c) => c.cover(a, b));
          else [fast, naive].forEach((c) => c.mark(a));
        }
        for (const [kind, a, b] of questions) {
          const [x, y] = kind === 'has' ? [fast.has(a), naive.has(a)] : kind === 'any' ? [fast.any(a, b), naive.any(a, b)] : [fast.marked(a, b), naive.marked(a, b)];
          if (x !== y) return false;
        }
        return true;
      }),
      { numRuns: 3000 },
    );
  });
});
