import search from 'approx-string-match';
import { describe, expect, it } from 'vitest';
import { MyersScorer, alignFullText, alignInWindows, bestAlignments, windowsFor } from '../../src/match/align';
import { BigramIndex } from '../../src/match/bigram-index';
import { mutate, randomText, rng } from './rng';

function libBest(text: string, q: string, a: number, b: number): number {
  const r = search(text.slice(a, b), q, q.length);
  return r.length > 0 ? Math.min(...r.map((x) => x.errors)) : q.length;
}

describe('MyersScorer', () => {
  it('agrees with approx-string-match on the lowest error count (short and multi-block patterns)', () => {
    const rand = rng(3);
    for (let t = 0; t < 400; t++) {
      const text = randomText(rand, 20 + Math.floor(rand() * 150));
      const m = 2 + Math.floor(rand() * (t % 2 === 0 ? 30 : 90));
      const at = Math.floor(rand() * Math.max(1, text.length - m));
      const q = rand() < 0.8 ? mutate(rand, text.slice(at, at + m), Math.floor(rand() * 6)) : randomText(rand, m);
      if (q.length === 0) continue;
      const mine = new MyersScorer(q).score(text, 0, text.length);
      expect(mine.errors).toBe(libBest(text, q, 0, text.length));
    }
  });

  it('finds the start of the best match ending at a given end, as approx-string-match does', () => {
    const rand = rng(4);
    for (let t = 0; t < 200; t++) {
      const text = randomText(rand, 120);
      const m = 4 + Math.floor(rand() * 50);
      const at = Math.floor(rand() * (text.length - m));
      const q = mutate(rand, text.slice(at, at + m), Math.floor(rand() * 4));
      const fwd = new MyersScorer(q).score(text, 0, text.length);
      const back = new MyersScorer(q, true).startOf(text, 0, fwd.end);
      expect(back.errors).toBe(fwd.errors);
      const lib = search(text, q, fwd.errors).filter((r) => r.end === fwd.end);
      if (lib.length > 0) expect(back.start).toBe(lib[0].start);
      expect(libBest(text.slice(back.start, fwd.end), q, 0, fwd.end - back.start)).toBe(fwd.errors);
    }
  });

  it('refuses the wrong direction', () => {
    expect(() => new MyersScorer('ab', true).score('ab', 0, 2)).toThrow();
    expect(() => new MyersScorer('ab').startOf('ab', 0, 2)).toThrow();
  });
});

describe('windows and best alignments', () => {
  it('merges overlapping windows', () => {
    const ws = windowsFor(
      [
        { start: 100, votes: 3 },
        { start: 110, votes: 2 },
        { start: 500, votes: 1 },
      ],
      20,
      1000,
      4,
    );
    expect(ws).toEqual([
      [80, 150],
      [480, 540],
    ]);
  });

  it('finds what a full Myers scan finds, from the index windows', () => {
    const rand = rng(5);
    const text = randomText(rand, 20000, '我们的是在有一个这不人了说为能会也天地玄黄宇宙洪荒日月盈昃辰宿列张寒来暑往秋收冬藏');
    const index = new BigramIndex(text);
    for (let t = 0; t < 100; t++) {
      const m = 16 + Math.floor(rand() * 40);
      const at = Math.floor(rand() * (text.length - m));
      const q = mutate(rand, text.slice(at, at + m), Math.floor(rand() * (m * 0.2)));
      const k = Math.floor(q.length * 0.3);
      const full = alignFullText(text, q, k);
      const mine = bestAlignments(text, q, windowsFor(index.vote(q), q.length, text.length, k), k);
      expect(mine.length > 0).toBe(full.length > 0);
      if (full.length > 0) expect(mine[0].errors).toBe(full[0].errors);
    }
  });

  it('prefers the window the caller prefers among equals', () => {
    const text = '甲乙丙丁戊己庚辛壬癸' + '天地玄黄' + '甲乙丙丁戊己庚辛壬癸';
    const q = '乙丙丁戊己庚辛壬';
    const windows: Array<[number, number]> = [
      [0, 12],
      [14, 26],
    ];
    expect(bestAlignments(text, q, windows, 2)[0].start).toBe(1);
    expect(bestAlignments(text, q, windows, 2, (p) => (p >= 14 ? 0 : 1))[0].start).toBe(15);
    expect(alignInWindows(text, q, windows, 0).map((a) => a.start)).toEqual([1, 15]);
  });
});
