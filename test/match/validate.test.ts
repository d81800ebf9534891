import { describe, expect, it } from 'vitest';
import { MAX_INPUT, TOO_SHORT, longEnough, measure, validate } from '../../src/match/validate';

const refused = (input: unknown) => {
  const v = validate(input);
  expect(v.ok).toBe(false);
  return v.ok ? '' : v.error;
};

describe('validate', () => {
  it('refuses nothing, spaces and invisible characters', () => {
    expect(refused('')).toMatch(/empty/);
    expect(refused(' \n\t\u3000')).toMatch(/spaces/);
    expect(refused('\u200B\uFEFF')).toMatch(/spaces/);
    expect(refused(undefined)).toMatch(/not text/);
  });

  it('refuses emoji-only and punctuation-only selections', () => {
    expect(refused('😀🎉')).toMatch(/emoji/);
    expect(refused('。，、!!')).toMatch(/punctuation/);
  });

  it('refuses control characters and lone surrogates', () => {
    expect(refused('我們視自己\u0000有責任')).toMatch(/control/);
    expect(refused('我們視自己\uD800有責任')).toMatch(/broken/);
    expect(validate('我們視自己\n有責任\t去就').ok).toBe(true);
  });

  it('says how long is enough', () => {
    expect(refused('我們視')).toBe(TOO_SHORT);
    expect(TOO_SHORT).toMatch(/4 Chinese characters or 2 English words/);
    expect(refused('doomer')).toBe(TOO_SHORT);
    // a quoted phrase of two words is checked (the card says how little it proves)
    expect(validate('angry doomer').ok).toBe(true);
    expect(validate('我們視自').ok).toBe(true);
    expect(validate('AI安全').ok).toBe(true);
    expect(validate('very angry doomer').ok).toBe(true);
  });

  it('checks only the first part of an over-long selection and says so', () => {
    const long = '我们视自己有责任去就即将发生的事情向世界发出警告。'.repeat(200);
    const v = validate(long);
    expect(v.ok).toBe(true);
    if (v.ok) {
      expect(v.text.length).toBeLessThanOrEqual(MAX_INPUT);
      expect(v.text.endsWith('。')).toBe(true);
      expect(v.notice).toMatch(new RegExp(`only the first ${v.text.length}`));
    }
  });

  it('measures Han characters and words', () => {
    expect(measure('Claude 4 模型很强')).toEqual({ han: 4, words: 2 });
    expect(longEnough('我们')).toBe(false);
  });
});
