import { describe, expect, it } from 'vitest';
import { BigramIndex } from '../../src/match/bigram-index';
import { SEP } from '../../src/match/corpus';
import { mutate, randomText, rng } from './rng';

describe('BigramIndex', () => {
  it('keeps the positions of every bigram, not across separators', () => {
    const text = `abcab${SEP}ab`;
    const index = new BigramIndex(text);
    expect([...index.postings('ab', 0)]).toEqual([0, 3, 6]);
    expect(index.frequency('bc', 0)).toBe(1);
    expect(index.frequency(`b${SEP}`, 0)).toBe(0);
    expect(index.frequency('zz', 0)).toBe(0);
  });

  it('votes for the start of an exact quote', () => {
    const rand = rng(11);
    const text = randomText(rand, 5000, '我们的是在有一个这不人了说为能会也天地玄黄宇宙洪荒日月盈昃辰宿列张');
    const index = new BigramIndex(text);
    for (let t = 0; t < 50; t++) {
      const at = Math.floor(rand() * (text.length - 40));
      const cands = index.vote(text.slice(at, at + 30));
      expect(cands.length).toBeGreaterThan(0);
      expect(cands.some((c) => Math.abs(c.start - at) <= 8)).toBe(true);
    }
  });

  it('still finds the start of a quote with edits', () => {
    const rand = rng(12);
    const text = randomText(rand, 5000, '我们的是在有一个这不人了说为能会也天地玄黄宇宙洪荒日月盈昃辰宿列张');
    const index = new BigramIndex(text);
    let hits = 0;
    for (let t = 0; t < 50; t++) {
      const at = Math.floor(rand() * (text.length - 60));
      const q = mutate(rand, text.slice(at, at + 40), 4);
      if (index.vote(q).some((c) => Math.abs(c.start - at) <= 16)) hits++;
    }
    expect(hits).toBeGreaterThanOrEqual(48);
  });

  it('returns nothing for a query sharing no bigram', () => {
    const index = new BigramIndex('我们的是在有一个');
    expect(index.vote('甲乙丙丁')).toEqual([]);
    expect(index.vote('我')).toEqual([]);
  });
});
