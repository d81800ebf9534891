import { describe, expect, it } from 'vitest';
import { chineseNumbers, contentWords, englishNumbers, isCjkText, latinTokens, parseChineseNumeral, splitSentences, textLength } from '../../src/pair/anchors';

describe('Chinese numbers', () => {
  it('reads numerals, units and percentages', () => {
    expect(parseChineseNumeral('一百')).toBe(100);
    expect(parseChineseNumeral('十')).toBe(10);
    expect(parseChineseNumeral('一百二十')).toBe(120);
    expect(parseChineseNumeral('三千五百万')).toBe(35_000_000);
    expect(parseChineseNumeral('两亿')).toBe(200_000_000);
    expect(parseChineseNumeral('两三')).toBeNull();
    expect(chineseNumbers('收入每年增长十倍')).toEqual([10]);
    expect(chineseNumbers('百分之五十的岗位')).toEqual([50]);
    expect(chineseNumbers('一百年的进展')).toEqual([100]);
  });

  it('reads Arabic digits with 万 / 亿 and percent signs', () => {
    expect(chineseNumbers('成本在10亿美元量级')).toEqual([1e9]);
    expect(chineseNumbers('花费100亿美元')).toEqual([1e10]);
    expect(chineseNumbers('失业率可能升至10%到20%')).toEqual([10, 20]);
    expect(chineseNumbers('2027年及以后')).toEqual([2027]);
  });

  it('reads ranges of adjacent digits and 一半, skips a lone 一 and ordinals', () => {
    expect(chineseNumbers('两三年内')).toEqual([2, 3]);
    expect(chineseNumbers('五十到一百年')).toEqual([50, 100]);
    expect(chineseNumbers('一半的初级白领岗位')).toEqual([0.5]);
    expect(chineseNumbers('一旦模型越过一个阈值，我们一直')).toEqual([]);
    expect(chineseNumbers('第一，衡量它。第二，考虑转型')).toEqual([]);
    expect(chineseNumbers('需要数十万块芯片')).toEqual([]);
  });
});

describe('English numbers', () => {
  it('reads digits, words, scales and folds', () => {
    expect(englishNumbers('on the order of a billion dollars')).toEqual([1e9]);
    expect(englishNumbers('runs that cost ten billion')).toEqual([1e10]);
    expect(englishNumbers('fifty to a hundred years')).toEqual([50, 100]);
    expect(englishNumbers('grown roughly tenfold a year for three years')).toEqual([10, 3]);
    expect(englishNumbers('up to 50 percent, between 10 and 20 percent')).toEqual([50, 10, 20]);
    expect(englishNumbers('twenty-five people, 1,000 chips, 2.5 times')).toEqual([25, 1000, 2.5]);
    expect(englishNumbers('half of entry-level jobs')).toEqual([0.5]);
    expect(englishNumbers('BSL-1 up to BSL-4')).toEqual([1, 4]);
  });

  it('does not read "one" as a count (it is a pronoun more often)', () => {
    expect(englishNumbers('no one knows which one')).toEqual([]);
  });
});

describe('sentences, tokens, lengths', () => {
  it('splits English and Chinese sentences, keeping closing quotes', () => {
    const en = 'Is it perfect? No. The tests are young.';
    expect(splitSentences(en).map(([a, b]) => en.slice(a, b))).toEqual(['Is it perfect?', 'No.', 'The tests are young.']);
    const zh = '它完美吗？不。他说：“测试还很新。”但我宁愿公开';
    expect(splitSentences(zh).map(([a, b]) => zh.slice(a, b))).toEqual(['它完美吗？', '不。', '他说：“测试还很新。”', '但我宁愿公开']);
  });

  it('does not split on a decimal point or inside a word', () => {
    const en = 'It costs 2.5 billion dollars. Really.';
    expect(splitSentences(en)).toHaveLength(2);
  });

  it('finds Latin tokens and English content words', () => {
    expect(latinTokens('我们用 BSL-1 到 BSL-4，Anthropic 的 Claude')).toEqual(['bsl-1', 'bsl-4', 'anthropic', 'claude']);
    expect(contentWords('The models are scaling, and the model scales')).toEqual(['model', 'scal', 'model', 'scal']);
  });

  it('weighs Latin letters inside Chinese less than Chinese characters', () => {
    expect(isCjkText('我是 Maya Lund，今天的嘉宾')).toBe(true);
    expect(isCjkText('Welcome to Open Circuit.')).toBe(false);
    expect(textLength('我们 AI')).toBeCloseTo(2 + 0.8);
    expect(textLength('we do AI')).toBe(6);
  });
});
