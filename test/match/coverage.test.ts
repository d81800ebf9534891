import { describe, expect, it } from 'vitest';
import { coverage, gramDocFrequency, makeWeigh } from '../../src/match/coverage';

describe('coverage', () => {
  const text = '甲乙丙丁戊己庚辛|天地玄黄宇宙洪荒|我们的是在有';
  const ranges: Array<[number, number]> = [
    [0, 8],
    [9, 17],
    [18, 24],
  ];

  it('counts document frequency once per range', () => {
    const df = gramDocFrequency('abab|ab', [
      [0, 4],
      [5, 7],
    ], 2);
    expect(df.get('a'.charCodeAt(0) * 65536 + 'b'.charCodeAt(0))).toBe(2);
  });

  it('finds the stretch holding the query words, weighted by rarity', () => {
    const weigh = makeWeigh(gramDocFrequency(text, ranges, 2), 3);
    const c = coverage('天地玄黄', text, 9, 17, weigh);
    expect(c.coverage).toBeCloseTo(1);
    expect(text.slice(c.start, c.end)).toBe('天地玄黄');
    expect(c.runs).toEqual([[9, 13]]);
    expect(coverage('天地甲乙', text, 9, 17, weigh).coverage).toBeLessThan(0.6);
    expect(coverage('丙丁', text, 9, 17, weigh).coverage).toBe(0);
  });

  it('works on characters too', () => {
    const weigh = makeWeigh(gramDocFrequency(text, ranges, 1), 3);
    const c = coverage('黄玄地天', text, 9, 17, weigh, 1);
    expect(c.coverage).toBeCloseTo(1);
  });
});
