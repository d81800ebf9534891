import { describe, expect, it } from 'vitest';
import { segmentSelection, splitParts } from '../../src/match/segment';

describe('segmentSelection', () => {
  it('keeps one plain sentence whole', () => {
    const s = segmentSelection('  我认为预测未来非常困难。 ');
    expect(s).toHaveLength(1);
    expect(s[0].text).toBe('我认为预测未来非常困难。');
    expect(s[0].role).toBe('sentence');
    expect(s[0].parts).toEqual(['我认为预测未来非常困难。']);
  });

  it('splits at sentence ends and merges pieces too short to judge', () => {
    const s = segmentSelection('我认为预测未来非常困难。是的。尤其是在社会影响层面。');
    expect(s.map((x) => x.text)).toEqual(['我认为预测未来非常困难。是的。', '尤其是在社会影响层面。']);
  });

  it('takes quoted passages as quotes and marks the narration around them', () => {
    const s = segmentSelection('Amodei 在采访中表示:“那是我听过最无耻、最离谱的谎言。”他还说:“我从没说过那样的话。”');
    expect(s.filter((x) => x.role === 'quoted').map((x) => x.text)).toEqual([
      '那是我听过最无耻、最离谱的谎言。',
      '我从没说过那样的话。',
    ]);
    expect(s.filter((x) => x.role === 'outside').map((x) => x.text)).toEqual(['Amodei 在采访中表示:']);
  });

  it('leaves a quoted term inside a sentence in the sentence', () => {
    const s = segmentSelection('我们很快就可能拥有相当于“数据中心里的天才国度”的 AI。');
    expect(s).toHaveLength(1);
    expect(s[0].role).toBe('sentence');
    const short = segmentSelection('当有人叫我‘末日论者’,说我想让AI发展减速时,我真的会非常愤怒。');
    expect(short).toHaveLength(1);
  });

  it('keeps …… joins as ordered parts of one quote', () => {
    const s = segmentSelection('我认为唯一真实的东西,就是那条指数曲线……每隔几个月,我们就会得到一个更强的模型');
    expect(s).toHaveLength(1);
    expect(s[0].parts).toEqual(['我认为唯一真实的东西,就是那条指数曲线', '每隔几个月,我们就会得到一个更强的模型']);
    expect(splitParts('……开头被删掉了...结尾也是…')).toEqual(['开头被删掉了', '结尾也是']);
  });

  it('does not treat English apostrophes as quotation marks', () => {
    const s = segmentSelection('I don’t think it’s right, he said, and that’s all.');
    expect(s).toHaveLength(1);
  });
});
