import { describe, expect, it } from 'vitest';
import type { CheckResult, Verdict } from '../../src/types';
import { alignmentVerdict, maxAlteredErrors, relatedThreshold, summarize } from '../../src/match/verdict';

const r = (verdict: Verdict): CheckResult => ({ query: '', verdict, matches: [] });

describe('verdict rules', () => {
  it('allows more edits for longer quotes, never a third of a short one', () => {
    let prev = 0;
    for (let m = 1; m < 200; m++) {
      const k = maxAlteredErrors(m);
      expect(k).toBeGreaterThanOrEqual(prev);
      expect(k).toBeLessThanOrEqual(0.3 * m);
      prev = k;
    }
    expect(maxAlteredErrors(8)).toBe(0);
    expect(maxAlteredErrors(12)).toBe(1);
    expect(maxAlteredErrors(40)).toBe(12);
  });

  it('calls zero errors verbatim, a few altered, many nothing', () => {
    expect(alignmentVerdict(30, 0)).toBe('verbatim');
    expect(alignmentVerdict(30, 3)).toBe('altered');
    expect(alignmentVerdict(30, 12)).toBeNull();
    expect(alignmentVerdict(12, 2)).toBeNull();
  });

  it('asks short quotes for more shared wording before calling them related', () => {
    expect(relatedThreshold(8)).toBeGreaterThan(relatedThreshold(12));
    expect(relatedThreshold(12)).toBeGreaterThan(relatedThreshold(40));
  });

  it('summarises several quotes by the weakest judged one', () => {
    expect(summarize([r('verbatim'), r('altered')])).toBe('altered');
    expect(summarize([r('verbatim'), r('not-found'), r('related')])).toBe('not-found');
    expect(summarize([r('verbatim'), r('invalid')])).toBe('verbatim');
    expect(summarize([r('invalid')])).toBe('invalid');
  });
});
