import { describe, expect, it } from 'vitest';
import { diffHunks, differences, widenHunks, type Hunk } from '../../src/match/diff';
import { mutate, randomText, rng } from './rng';

/** Apply hunks: replace each quote range by the transcript range. */
function apply(a: string, b: string, hunks: Hunk[]): string {
  let out = '';
  let at = 0;
  for (const h of hunks) {
    out += a.slice(at, h.a0) + b.slice(h.b0, h.b1);
    at = h.a1;
  }
  return out + a.slice(at);
}

describe('diff', () => {
  it('turns the quote into the transcript span, with a short script', () => {
    const rand = rng(9);
    for (let t = 0; t < 300; t++) {
      const b = randomText(rand, 1 + Math.floor(rand() * 80));
      const edits = Math.floor(rand() * 6);
      const a = mutate(rand, b, edits);
      const hunks = diffHunks(a, b);
      expect(apply(a, b, hunks)).toBe(b);
      const cost = hunks.reduce((s, h) => s + (h.a1 - h.a0) + (h.b1 - h.b0), 0);
      expect(cost).toBeLessThanOrEqual(2 * edits + 2 * edits);
    }
    expect(diffHunks('同样', '同样')).toEqual([]);
  });

  it('shows a changed number whole: 100 where the transcript has 10', () => {
    const d = differences(
      '营收每年都增长100倍',
      '营收每年都增长10倍',
      (i, j) => '营收每年都增长100倍'.slice(i, j),
      (i, j) => '營收每年都增長10倍'.slice(i, j),
    );
    expect(d).toEqual([{ quote: '100', transcript: '10' }]);
  });

  it('widens a changed number to the number, a changed letter to its Latin run', () => {
    // Claude 4 vs Claude 3: the number, not the name around it
    expect(widenHunks('claude4opus', 'claude3opus', diffHunks('claude4opus', 'claude3opus'))).toEqual([
      { a0: 6, a1: 7, b0: 6, b1: 7 },
    ]);
    expect(widenHunks('共2023年', '共2024年', diffHunks('共2023年', '共2024年'))).toEqual([{ a0: 1, a1: 5, b0: 1, b1: 5 }]);
    expect(widenHunks('是openai的', '是openal的', diffHunks('是openai的', '是openal的'))).toEqual([
      { a0: 1, a1: 7, b0: 1, b1: 7 },
    ]);
  });

  it('reports dropped and added text with an empty side', () => {
    const a = '我们没有看到收益递减';
    const b = '我们没有看到任何收益递减';
    const d = differences(a, b, (i, j) => a.slice(i, j), (i, j) => b.slice(i, j));
    expect(d).toEqual([{ quote: '', transcript: '任何' }]);
  });
});
