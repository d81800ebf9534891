import { describe, expect, it } from 'vitest';
import { fullWidthQuestionMarks, stripHtml, stripPinyin, tidySpaces } from '../../src/transcript/clean';

describe('stripPinyin', () => {
  it('removes tone-marked syllables in parentheses', () => {
    expect(stripPinyin('責(zé)編 報(bào)道').text).toBe('責編 報道');
    expect(stripPinyin('綠(lǜ)').count).toBe(1);
  });
  it('keeps real parentheticals', () => {
    for (const keep of ['(Scaling Laws)', '(RL)', '(笑)', '(通用人工智能)', '(bearish)', '(ID:CSDNnews)', '(episode)']) {
      expect(stripPinyin(`前${keep}後`).text).toBe(`前${keep}後`);
    }
  });
  it('does not remove toneless words', () => {
    expect(stripPinyin('A(and)B').text).toBe('A(and)B');
  });
});

describe('stripHtml', () => {
  it('removes tags and counts them', () => {
    expect(stripHtml('謊言。</p>').text).toBe('謊言。');
    expect(stripHtml('問題。<strong>模型').text).toBe('問題。模型');
    expect(stripHtml('a <span class="x">b</span>').count).toBe(2);
  });
  it('leaves comparison signs alone', () => {
    expect(stripHtml('3 < 5 and 5 > 3').text).toBe('3 < 5 and 5 > 3');
  });
});

describe('fullWidthQuestionMarks', () => {
  it('converts question marks in Chinese text', () => {
    expect(fullWidthQuestionMarks('對吧?就像')).toBe('對吧？就像');
    expect(fullWidthQuestionMarks('部署 AI?公司')).toBe('部署 AI？公司');
    expect(fullWidthQuestionMarks('嗎?')).toBe('嗎？');
  });
  it('leaves English and URLs alone', () => {
    expect(fullWidthQuestionMarks('watch?v=x and why?')).toBe('watch?v=x and why?');
  });
});

describe('tidySpaces', () => {
  it('collapses runs of spaces and trims', () => {
    expect(tidySpaces('  a   b ')).toBe('a b');
  });
});
