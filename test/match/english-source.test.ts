import { describe, expect, it } from 'vitest';
import { createMatcher } from '../../src/match/index';
import { fixtureGloss } from './fixture';
import { fixtureEn, fixtureHans } from './fixture-en';

const en = createMatcher(fixtureEn, undefined, { language: 'en' });
const span = (r: ReturnType<typeof en.check>, i = 0) => r.matches[i].passage.slice(r.matches[i].start, r.matches[i].end);

describe('English source: verbatim', () => {
  it('finds an exact sentence in the speaker’s turn and highlights it', () => {
    const r = en.check('That is the most outrageous lie I have ever heard.');
    expect(r.verdict).toBe('verbatim');
    expect(r.matches[0].paragraphId).toBe('p007');
    expect(r.matches[0].speaker).toBe('main');
    expect(r.matches[0].via).toBe('text');
    expect(span(r)).toBe('That is the most outrageous lie I have ever heard');
    // the introduction repeats the line: listed after the turn
    expect(r.matches.map((m) => m.paragraphId)).toContain('p001');
  });

  it('folds case, curly apostrophes, punctuation, spacing and dashes', () => {
    for (const q of [
      'i’ve NEVER said anything   like that',
      '“I’ve never said anything like that”',
      "the exponential curve -- every few months we get a model that’s stronger",
    ]) {
      const r = en.check(q);
      expect(r.verdict, q).toBe('verbatim');
    }
  });

  it('joins two spans of one turn on an ellipsis (... or …), in order', () => {
    for (const q of [
      'Our revenue has grown ten times every year ... we get a model that’s stronger than the last one',
      'Our revenue has grown ten times every year… we get a model that’s stronger than the last one',
    ]) {
      const r = en.check(q);
      expect(r.verdict, q).toBe('verbatim');
      expect(['p004', 'p005']).toContain(r.matches[0].paragraphId);
    }
    // the same spans in the wrong order are not verbatim
    const swapped = en.check('we get a model that’s stronger than the last one ... our revenue has grown ten times every year');
    expect(swapped.verdict).not.toBe('verbatim');
  });
});

describe('English source: altered', () => {
  it('shows a changed number as whole words, never letters', () => {
    const r = en.check('Our revenue has grown a hundred times every year for three years.');
    expect(r.verdict).toBe('altered');
    expect(r.matches[0].paragraphId).toBe('p004');
    const d = r.matches[0].differences;
    expect(d.length).toBeGreaterThan(0);
    for (const x of d) {
      for (const side of [x.quote, x.transcript]) {
        // each side is made of whole words of the quote / passage
        if (side) expect(side).toMatch(/^[\w’' ]+$/);
      }
    }
    expect(d.map((x) => `${x.quote}|${x.transcript}`).join(';')).toContain('a hundred|ten');
  });

  it('shows a changed word as the word', () => {
    const r = en.check('That is the most shameless lie I have ever heard');
    expect(r.verdict).toBe('altered');
    expect(r.matches[0].paragraphId).toBe('p007');
    expect(r.matches[0].differences).toEqual([{ quote: 'shameless', transcript: 'outrageous' }]);
  });

  it('does not call invented words altered because function words line up', () => {
    for (const q of [
      'That is the most important thing I have ever done',
      'I think the only thing that matters is safety research',
      'Our profits have fallen every single quarter since the launch',
    ]) {
      const r = en.check(q);
      expect(['related', 'not-found'], q).toContain(r.verdict);
    }
  });
});

describe('English source: related and not found', () => {
  it('relates a paraphrase by shared word terms, on the source’s own text', () => {
    const r = en.check('He said his father died of a disease that was cured only a few years later, which makes him furious');
    expect(r.verdict).toBe('related');
    expect(r.matches[0].paragraphId).toBe('p008');
    expect(r.matches[0].via).toBe('text');
    expect(r.notice ?? '').not.toMatch(/Chinese translation/);
  });

  it('finds nothing for words on another subject', () => {
    const r = en.check('The weather in Paris was lovely and the museums were crowded all week.');
    expect(r.verdict).toBe('not-found');
  });

  it('a Chinese quote against an English source is not found, and says why', () => {
    const r = en.check('那是我聽過最離譜的謊言');
    expect(r.verdict).toBe('not-found');
    expect(r.matches).toEqual([]);
    expect(r.notice).toMatch(/not in Chinese/);
  });

  it('the gloss is not used for an English source', () => {
    const withGloss = createMatcher(fixtureEn, fixtureGloss, { language: 'en' });
    const r = withGloss.check('That is the most outrageous lie I have ever heard');
    expect(r.verdict).toBe('verbatim');
    expect(r.matches.every((m) => m.via === 'text' && m.gloss === undefined)).toBe(true);
  });
});

describe('Simplified Chinese source (zh-Hans)', () => {
  const hans = createMatcher(fixtureHans, fixtureGloss, { language: 'zh-Hans' });
  it('matches Traditional and Simplified quotes as the Traditional source does', () => {
    for (const q of ['那是我聽過最無恥、最離譜的謊言', '那是我听过最无耻、最离谱的谎言']) {
      const r = hans.check(q);
      expect(r.verdict, q).toBe('verbatim');
      expect(r.matches[0].paragraphId).toBe('p007');
      expect(span(r)).toBe('那是我听过最无耻、最离谱的谎言');
    }
  });
  it('finds a changed number as altered and English through the gloss', () => {
    expect(hans.check('如果你看营收,Anthropic 的营收每年都增长 100 倍。').verdict).toBe('altered');
    const r = hans.check('That is the most shameless, outrageous lie I have ever heard');
    expect(r.verdict).toBe('related');
    expect(r.matches[0].via).toBe('gloss');
  });
});
