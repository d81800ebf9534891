/**
 * Hostile and malformed selections through the real matcher (real transcript, real gloss).
 *
 * Every case must come back as a well-formed CheckResult — no throw, no hang — and either be
 * refused (`invalid`, with one plain sentence saying why) or get an honest verdict. Text that is
 * not in the interview must never be called `verbatim` or `altered`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createMatcher, type Matcher } from '../../src/match/index';
import type { CheckResult, Transcript, Verdict } from '../../src/types';
import transcriptJson from '../../data/transcript.json';
import glossJson from '../../data/gloss.en.json';

import { HANG_GUARD_MS, CASES, REAL_SIMP, REAL_TRAD, assertOneSentence, expectHonest } from './cases';

const transcript = transcriptJson as unknown as Transcript;
const gloss = (glossJson as unknown as { gloss: Record<string, string> }).gloss;

let matcher: Matcher;
beforeAll(() => {
  matcher = createMatcher(transcript, gloss);
});

const VERDICTS: Verdict[] = ['verbatim', 'altered', 'related', 'not-found', 'invalid'];

/** Shape of a result as the UI relies on it (also: it survives structured cloning / JSON). */
function assertWellFormed(r: CheckResult, input: string): void {
  expect(typeof r).toBe('object');
  expect(VERDICTS).toContain(r.verdict);
  expect(typeof r.query).toBe('string');
  expect(r.query).toBe(input);
  expect(Array.isArray(r.matches)).toBe(true);
  expect(r.matches.length).toBeLessThanOrEqual(3);
  for (const m of r.matches) {
    expect(['amodei', 'host', 'editor']).toContain(m.speaker);
    expect(typeof m.passage).toBe('string');
    expect(m.passage.length).toBeGreaterThan(0);
    expect(Number.isInteger(m.start) && Number.isInteger(m.end)).toBe(true);
    expect(m.start).toBeGreaterThanOrEqual(0);
    expect(m.end).toBeGreaterThanOrEqual(m.start);
    expect(m.end).toBeLessThanOrEqual(m.passage.length);
    expect(Number.isFinite(m.score)).toBe(true);
    expect(transcript.paragraphs.some((p) => p.id === m.paragraphId)).toBe(true);
  }
  if (r.verdict === 'invalid') {
    expect(r.matches).toHaveLength(0);
    assertOneSentence(r.error);
  } else {
    expect(r.error).toBeUndefined();
  }
  // The result crosses the extension's message channel: it must serialise losslessly.
  expect(JSON.parse(JSON.stringify(r))).toEqual(r);
}

describe('bad input through the real matcher', () => {
  it('has at least 30 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    let r: CheckResult | undefined;
    expect(() => {
      r = matcher.check(c.input);
    }).not.toThrow();
    const res = r as CheckResult;
    assertWellFormed(res, c.input);
    expectHonest(c, res);
  }, HANG_GUARD_MS);

  it('a verbatim match behind noise points at the real passage', () => {
    for (const input of [`<p><strong>${REAL_TRAD}</strong></p>`, [...REAL_SIMP].join('\u200B'), `\u202E${REAL_TRAD}\u202C`]) {
      const r = matcher.check(input);
      expect(r.verdict).toBe('verbatim');
      const m = r.matches[0];
      expect(m.speaker).toBe('amodei');
      expect(m.passage.slice(m.start, m.end)).toContain('責任');
    }
  });

  it('refusals differ by cause (the reader learns why)', () => {
    const errors = new Set(
      ['', '   ', '我', '😀😀', '!!!', '\u0000', '\uD800x'].map((s) => matcher.check(s).error),
    );
    expect(errors.size).toBeGreaterThanOrEqual(5);
  });

  it('survives values that are not strings (messages from other code)', () => {
    const weird: unknown[] = [
      null,
      undefined,
      42,
      {},
      [],
      Symbol('x'),
      {
        toString() {
          throw new Error('boom');
        },
      },
    ];
    for (const w of weird) {
      let r: CheckResult | undefined;
      expect(() => {
        r = matcher.check(w as string);
      }).not.toThrow();
      expect(r?.verdict).toBe('invalid');
      assertOneSentence(r?.error);
      expect(r?.matches).toEqual([]);
    }
  });

  it('is deterministic and unharmed by earlier hostile input', () => {
    const before = matcher.check(REAL_SIMP);
    for (const c of CASES) matcher.check(c.input);
    const after = matcher.check(REAL_SIMP);
    expect(after).toEqual(before);
    expect(after.verdict).toBe('verbatim');
  });

  it('search() takes the same hostile input without throwing', () => {
    for (const c of CASES) {
      const hits = matcher.search(c.input);
      expect(Array.isArray(hits)).toBe(true);
      expect(hits.length).toBeLessThanOrEqual(10);
    }
    for (const w of [null, undefined, 3, {}] as unknown[]) expect(matcher.search(w as string)).toEqual([]);
  });

  it('a burst of 200 hostile checks all return well-formed answers (no hang, no state left behind)', () => {
    for (let i = 0; i < 200; i++) assertWellFormed(matcher.check(CASES[i % CASES.length].input), CASES[i % CASES.length].input);
  }, 10 * HANG_GUARD_MS);
});
