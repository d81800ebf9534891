import { describe, expect, it } from 'vitest';
import { BigramIndex } from '../../src/match/bigram-index';
import { findExact, findExactIndexed, findExactUntil } from '../../src/match/exact';
import { randomText, rng } from './rng';

describe('exact pass', () => {
  it('finds every occurrence in order', () => {
    expect(findExact('abcabcab', 'ab')).toEqual([0, 3, 6]);
    expect(findExact('aaaa', 'aa')).toEqual([0, 1, 2]);
    expect(findExact('abc', '')).toEqual([]);
  });

  it('stops when an occurrence settles the question', () => {
    expect(findExactUntil('xab-ab-ab', 'ab', (p) => p >= 4)).toEqual([1, 4]);
  });

  it('the indexed pass agrees with indexOf on random text', () => {
    const rand = rng(7);
    const text = randomText(rand, 3000);
    const index = new BigramIndex(text);
    for (let t = 0; t < 300; t++) {
      const len = 2 + Math.floor(rand() * 8);
      const at = Math.floor(rand() * (text.length - len));
      const q = rand() < 0.7 ? text.slice(at, at + len) : randomText(rand, len);
      expect(findExactIndexed(text, q, index, () => false)).toEqual(findExact(text, q));
    }
  });

  it('rules out a quote holding a bigram the text never has', () => {
    const index = new BigramIndex('我们的是在有');
    expect(findExactIndexed('我们的是在有', '我们甲的', index, () => false)).toEqual([]);
  });
});
