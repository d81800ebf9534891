import { describe, expect, it } from 'vitest';
import { buildSignature, decodeSignature, encodeSignature, hasTerm, isSignature, scoreSignatures, sequenceTerms, signatureTerms } from '../../src/sources/signature';

describe('source signatures (the prefilter)', () => {
  const zh = buildSignature(['我非常不喜欢这个词。', '連續三年大約每年增長十倍。']);
  const en = buildSignature(['I really dislike that word.', 'Roughly tenfold a year for three years in a row.']);

  it('hold Chinese bigrams with the script folded, and English word stems', () => {
    expect(signatureTerms('不喜歡 Scaling laws')).toEqual(['不喜', '喜欢', '~scal', '~law']);
    expect(hasTerm(zh, '喜欢')).toBe(true);
    expect(hasTerm(zh, '连续')).toBe(true); // written Traditional, looked up Simplified
    expect(hasTerm(zh, '月亮')).toBe(false);
    expect(hasTerm(en, '~dislik')).toBe(true);
  });

  it('hold sequence terms: Han trigrams (script folded) and English word trigrams, in reading order', () => {
    expect(sequenceTerms('不喜歡這個 Scaling laws are real')).toEqual(['不喜欢', '喜欢这', '欢这个', 'scaling laws are', 'laws are real']);
    expect(hasTerm(zh, '连续三')).toBe(true);
    expect(hasTerm(en, 'i really dislike')).toBe(true);
  });

  it('measure the longest run of a quote’s sequence terms a source holds (an altered quote keeps runs)', () => {
    const { scores } = scoreSignatures('I really dislike that word, truly.', [en, zh]);
    expect(scores[0].run).toBe(3); // i really dislike / really dislike that / dislike that word
    expect(scores[0].contained).toBeCloseTo(3 / 4);
    expect(scores[1].run).toBe(0);
    const zhScores = scoreSignatures('连续三年大约每年增长二十倍', [zh]).scores[0];
    expect(zhScores.run).toBe(8); // 连续三 … 年增长, up to the changed number
  });

  it('score sources by the share of the query’s terms they hold, rarer terms weighing more', () => {
    const { scores } = scoreSignatures('I really dislike that word', [zh, en]);
    expect(scores[1].contained).toBe(1);
    expect(scores[0].contained).toBe(0);
    expect(scores[1].weighted).toBe(1);
  });

  it('round-trip as text and refuse damaged text', () => {
    const back = decodeSignature(encodeSignature(en));
    expect(back?.bits).toEqual(en.bits);
    expect(back?.terms).toBe(en.terms);
    expect(isSignature(back)).toBe(true);
    expect(decodeSignature('2:1:AAAA')).toBeNull();
    expect(decodeSignature('1:1:AAAA')).toBeNull();
    expect(decodeSignature('junk')).toBeNull();
    expect(isSignature({ version: 1, bits: [1, 2] })).toBe(false);
  });
});
