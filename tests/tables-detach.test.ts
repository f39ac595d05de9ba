import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { detach } from '../src/tables/detach';

// A full collection on demand, so the heap measured holds only what is still referenced.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

describe('detach', () => {
  it('gives the same text, a lone surrogate turned into U+FFFD as a UTF-8 round trip does', () => {
    expect(detach('Wang Yi said the two sides would work together.')).toBe('Wang Yi said the two sides would work together.');
    expect(detach('')).toBe('');
    expect(detach('a\ud800b')).toBe('a\ufffdb');
    expect(detach('😀 ok')).toBe('😀 ok');
  });

  it('keeps no article alive: slices of large texts, detached, hold little memory; kept as slices they hold every text', () => {
    const heldBy = (keep: (slice: string) => string): number => {
      const kept: string[] = [];
      gc();
      const before = process.memoryUsage().heapUsed;
      for (let i = 0; i < 100; i++) {
        // a fresh flat text of 1 MB each time
        const article = `${i} ${'Moscow and Beijing '.repeat(55_000)}`.split('').reverse().join('');
        kept.push(keep(article.slice(100, 160)));
      }
      gc();
      const held = process.memoryUsage().heapUsed - before;
      expect(kept).toHaveLength(100);
      return held;
    };
    const detached = heldBy(detach);
    const sliced = heldBy((s) => s);
    // 100 texts of 1 MB (2 bytes a character where V8 must, 1 byte here): the slices keep about 100 MB, the copies next to nothing
    expect(sliced).toBeGreaterThan(50e6);
    expect(detached).toBeLessThan(20e6);
  });
});
