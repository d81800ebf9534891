/** A worker's warm-up builds a source's matcher and its first-use parts one step at a time (a check may come in between). */
import { describe, expect, it } from 'vitest';
import { WARM_PARTS } from '../../src/match/index';
import { createMultiMatcher } from '../../src/sources/check-all';
import { sourceOf } from './fixtures';

const quotes = ['每过半年新模型就能做上一代做不到的事，曲线有起伏但没有弯下去。', '我不喜欢末日论者这个词，好处巨大，风险也是真的。'];

describe('warm steps', () => {
  it('one step builds the matcher, then one per part; checks between steps answer as a cold and a warm engine do', () => {
    const make = () => createMultiMatcher([{ source: sourceOf('interview-zh-gbk.txt', 'zh') }, { source: sourceOf('interview-en.txt', 'en') }]);
    const cold = make().check(quotes[0]);
    const whole = make();
    for (const step of whole.warmSteps('zh')) step();
    const warm = whole.check(quotes[1]);

    const stepped = make();
    const steps = stepped.warmSteps('zh');
    expect(steps).toHaveLength(1 + WARM_PARTS.length);
    expect(stepped.stats.liveMatchers).toBe(0);
    steps[0]();
    expect(stepped.stats.liveMatchers).toBe(1);
    // a check arriving between two steps
    expect(stepped.check(quotes[0])).toEqual(cold);
    for (const step of steps.slice(1)) step();
    expect(stepped.check(quotes[1])).toEqual(warm);
  });

  it('a source that is not there has no steps', () => {
    const m = createMultiMatcher([{ source: sourceOf('interview-en.txt', 'en') }]);
    expect(m.warmSteps('gone')).toEqual([]);
    expect(m.warmSteps('en')).toHaveLength(1 + WARM_PARTS.length);
  });
});
