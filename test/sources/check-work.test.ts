/**
 * The multi-source check's work, counted (`MultiMatcherStats.lastWork`), not timed: a source
 * asked close-only and then in full (no source had the quote closely) reuses its lookups, and
 * the answer is the one its own full check gives.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createMatcher } from '../../src/match/index';
import { builtinSource } from '../../src/sources/builtin';
import { createMultiMatcher, type MultiMatcher } from '../../src/sources/check-all';
import { sourceToTranscript } from '../../src/sources/to-transcript';
import type { Source } from '../../src/sources/model';
import { builtinGloss, builtinTranscript, sourceOf } from './fixtures';

let zh: Source;
let multi: MultiMatcher;

beforeAll(() => {
  const transcript = builtinTranscript();
  zh = sourceOf('interview-zh-gbk.txt', 'zh-fixture');
  multi = createMultiMatcher([{ source: builtinSource(transcript), transcript, gloss: builtinGloss() }, { source: sourceOf('interview-en.txt', 'en-fixture') }, { source: zh }]);
});

describe('a deferred source reuses its close-only lookups', () => {
  it('a loose rendering: related in the right source, as its own check says, with lookups reused', () => {
    const q = '每过半年新模型就能做上一代做不到的事，曲线有起伏但没有弯下去。';
    const r = multi.check(q);
    expect(r.verdict).toBe('related');
    expect(r.matches[0].source?.id).toBe('zh-fixture');
    const own = createMatcher(sourceToTranscript(zh).transcript, undefined, { language: zh.language }).check(q);
    expect(own.verdict).toBe('related');
    expect(r.matches[0]).toMatchObject({ paragraphId: own.matches[0].paragraphId, start: own.matches[0].start, end: own.matches[0].end, score: own.matches[0].score });
    const w = multi.stats.lastWork;
    expect(w.reused).toBeGreaterThan(0);
    // the related route scores at most 12 ranked + 5 aligned paragraphs per quote and source
    expect(w.paragraphsScored).toBeGreaterThan(0);
    expect(w.paragraphsScored).toBeLessThanOrEqual(17 * 2 * multi.stats.lastChecked);
  });

  it('the next check starts from nothing: the same query again does the same work', () => {
    const q = '我不喜欢末日论者这个词，好处巨大，风险也是真的。';
    const a = multi.check(q);
    const first = { ...multi.stats.lastWork };
    const b = multi.check(q);
    expect(b).toEqual(a);
    expect(multi.stats.lastWork).toEqual(first);
  });
});
