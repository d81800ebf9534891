import { describe, expect, it } from 'vitest';
import { englishTerms, phraseScore, stem, weightedTerms } from '../../src/match/english';

describe('English terms', () => {
  it('stems lightly so forms meet', () => {
    expect(stem('lies')).toBe(stem('lie'));
    expect(stem('angered')).toBe(stem('anger'));
    expect(stem('scaling')).toBe(stem('scale'));
    expect(stem('companies')).toBe(stem('company'));
  });

  it('opens contractions, drops stop words and attribution, writes numbers as digits', () => {
    expect(englishTerms("I've never said that, Amodei said.")).toEqual(['never']);
    expect(englishTerms('ten times more, tenfold')).toEqual(['10', stem('times'), 'more', '10']);
    expect(englishTerms('revenue grew 3% to $4.5 billion')).toEqual([stem('revenue'), stem('grew'), '3', '4.5', stem('billion')]);
  });

  it('does not trip over words that are Object property names', () => {
    expect(() => englishTerms('constructor toString __proto__ hasOwnProperty')).not.toThrow();
    expect(englishTerms('constructor')).toEqual([stem('constructor')]);
  });

  it('weights names and numbers heavily', () => {
    const w = weightedTerms('Anthropic revenue grew 10 times', () => 1);
    expect(w.find((t) => t.term === '10')?.salient).toBe(true);
    expect(w.find((t) => t.term === stem('anthropic'))?.salient).toBe(false); // first word of the sentence
    const w2 = weightedTerms('The revenue of Anthropic grew', () => 1);
    expect(w2.find((t) => t.term === stem('anthropic'))?.weight).toBe(3);
  });
});

describe('phraseScore', () => {
  const idf = () => 1;
  it('scores the passage carrying the words, in order, highest', () => {
    const q = weightedTerms('the most outrageous lie I have ever heard', idf);
    const right = phraseScore(q, 'That is the most shameless, outrageous lie I have ever heard.');
    const wrong = phraseScore(q, 'We saw this with the development of the internet in the 90s.');
    expect(right.score).toBeGreaterThan(0.8);
    expect(wrong.score).toBeLessThan(0.2);
  });

  it('says when a number differs, and still ranks the passage', () => {
    const q = weightedTerms('revenue has grown 100 times every year', idf);
    const s = phraseScore(q, 'Anthropic’s revenue has grown 10 times every year.');
    expect(s.numbersDiffer).toEqual({ quote: ['100'], gloss: ['10'] });
    expect(s.score).toBeGreaterThan(0.6);
  });

  it('does not read the pronoun "one" as a number the passage states', () => {
    const q = weightedTerms('my father died in 2009 and it changed my career', idf);
    const s = phraseScore(q, 'My father died. It was one of the things that made me switch to biology.');
    expect(s.numbersDiffer).toBeNull();
  });
});
