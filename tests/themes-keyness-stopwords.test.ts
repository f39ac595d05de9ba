import { describe, expect, it } from 'vitest';
import { keynessTokens, loadStopwords } from '../src/annotators/themes/keyness';

describe('keyness tokens', () => {
  const quote = 'China does not approve of solving problems through sanctions';
  it('leave the stopwords out by default (a seed quote from the Newsweek article)', () => {
    expect(keynessTokens(quote)).toEqual(['china', 'approve', 'solving', 'problems', 'sanctions']);
  });
  it('keep every word with an empty stopword set', () => {
    expect(keynessTokens(quote, new Set())).toEqual(['china', 'does', 'not', 'approve', 'of', 'solving', 'problems', 'through', 'sanctions']);
  });
  it('load the stopword file, comments excluded', () => {
    const words = loadStopwords();
    expect(words.has('the')).toBe(true);
    expect(words.has('sanctions')).toBe(false);
    expect([...words].some((w) => w.startsWith('#'))).toBe(false);
  });
});
