/** Issue 10's rules, each on the synthetic fixture or on plain strings. */
import { describe, expect, it } from 'vitest';
import { createMatcher } from '../../src/match/index';
import { contradictionInDifferences, contradictionInWording, hasNegation, negatedWords, numbersIn } from '../../src/match/contradiction';
import { unexplainedShare } from '../../src/match/related';
import { normalizeText } from '../../src/match/normalize';
import { fixture, fixtureGloss } from './fixture';

const matcher = createMatcher(fixture, fixtureGloss);

describe('contradiction: signs', () => {
  it('reads negations, not the compounds that merely hold a negating character', () => {
    expect(hasNegation('我從沒說過那樣的話')).toBe(true);
    expect(hasNegation('我们不愿意牺牲原则')).toBe(true);
    expect(hasNegation('我感到非常憤怒')).toBe(false);
    expect(hasNegation('那是我聽過最無恥的謊言')).toBe(false);
    expect(hasNegation("we're not seeing any diminishing returns")).toBe(true);
    expect(hasNegation('we are seeing diminishing returns')).toBe(false);
  });
  it('knows what a negation denies (fillers skipped)', () => {
    expect(negatedWords('我没有看到任何东西')).toContain('看到');
    expect(negatedWords("we're not seeing any returns")).toContain('see');
  });
  it('reads Arabic and Chinese figures, not 一个 or 两年', () => {
    expect(numbersIn('增長 10 倍,從 1,000 到 4.5')).toEqual(['10', '1000', '4.5']);
    expect(numbersIn('增长十倍')).toEqual(['10']);
    expect(numbersIn('一个模型,两年内')).toEqual([]);
  });
  it('a reworded quote: negation of a word the passage affirms, or another figure', () => {
    expect(contradictionInWording('我说过那样的话', '我從沒說過那樣的話', 'p1')?.kind).toBe('negation');
    // a paraphrase that negates another word (并不擅长 / 很难) is no reversal
    expect(contradictionInWording('人类很难理解指数增长', '人類并不擅長理解指數增長', 'p1')).toBeNull();
    expect(contradictionInWording('大概有50%的可能性', '大概有20%或25%的可能性', 'p1')?.kind).toBe('number');
    expect(contradictionInWording('大概有20%的可能性', '大概有20%或25%的可能性', 'p1')).toBeNull();
  });
  it('an altered quote: a difference that adds or drops a negation, changes a figure, swaps a person', () => {
    expect(contradictionInDifferences([{ quote: '', transcript: '不' }], '我们愿意', '我們不愿意', 'p1')?.kind).toBe('negation');
    expect(contradictionInDifferences([{ quote: '100', transcript: '10' }], '增长 100 倍', '增長 10 倍', 'p1')?.kind).toBe('number');
    expect(contradictionInDifferences([{ quote: '黃仁勛', transcript: '他' }], '只有黃仁勛才能', '只有他才能', 'p1')?.kind).toBe('subject');
    expect(contradictionInDifferences([{ quote: '荒唐', transcript: '離譜' }], '最荒唐的', '最離譜的', 'p1')).toBeNull();
  });
});

describe('contradiction: through the matcher', () => {
  it('an altered quote that drops the negation says the passage says otherwise, both wordings kept', () => {
    const r = matcher.check('我说过那样的话。那是我听过最无耻、最离谱的谎言。');
    expect(r.contradiction?.kind).toBe('negation');
    expect(r.headline).toBe('contradicted');
    expect(r.contradiction?.paragraphId).toBe('p007');
    expect(r.contradiction?.passage).toMatch(/從沒說過/);
    expect(r.contradiction?.quote).toMatch(/我说过那样的话/);
  });
  it('a changed number in an altered quote is flagged', () => {
    const r = matcher.check('如果你看营收,Anthropic 的营收每年都增长 100 倍。');
    expect(r.verdict).toBe('altered');
    expect(r.contradiction?.kind).toBe('number');
    expect(JSON.parse(JSON.stringify(r)).contradiction.kind).toBe('number');
  });
  it('an English quote reversing the gloss is not found, with the passage that says otherwise', () => {
    const r = matcher.check('I have said anything like that.');
    expect(r.verdict).toBe('not-found');
    expect(r.contradiction?.kind).toBe('negation');
    expect(r.contradiction?.via).toBe('gloss');
    expect(r.matches[0].paragraphId).toBe('p007');
  });
});

describe('related needs support', () => {
  it('measures the stretch of a quote the passage does not account for', () => {
    const passage = normalizeText('黃仁勳說你想控制整個行業,你怎麼看?');
    expect(unexplainedShare(normalizeText('黄仁勋说你想控制整个行业'), passage)).toBe(0);
    expect(unexplainedShare(normalizeText('黄仁勋是我在这个世界上最尊敬的企业家'), passage)).toBeGreaterThan(0.5);
  });
  it('names alone are not support: not-found, with a mention that is not a verdict', () => {
    const r = matcher.check('黄仁勋是我在这个世界上最尊敬的企业家。');
    expect(r.verdict).toBe('not-found');
    expect(r.matches).toEqual([]);
    expect(r.mentions?.paragraphId).toBe('p006');
    expect(r.mentions?.terms.join()).toMatch(/黃仁勳/);
  });
});

describe('attribution, short phrases, headlines', () => {
  it('an altered line that the introduction repeats goes to the turn first', () => {
    const r = matcher.check('那是我聽過最無知、最離譜的謊言');
    expect(r.verdict).toBe('altered');
    expect(r.matches[0].paragraphId).toBe('p007');
    expect(r.matches.map((m) => m.paragraphId)).toContain('p001');
  });
  it('checks a 4-character phrase and a 2-word English phrase, and says how little they prove', () => {
    const zh = matcher.check('指數曲線');
    expect(zh.verdict).toBe('verbatim');
    expect(zh.short).toBe(true);
    expect(zh.headline).toBe('verbatim-short');
    expect(zh.noticeKey?.key).toBe('notice_short');
    const en = matcher.check('outrageous lie');
    expect(en.verdict).toBe('related');
    expect(en.short).toBe(true);
    expect(en.noticeKey?.key).toBe('notice_short');
  });
  it('tells a close gloss match from a loose one', () => {
    const close = matcher.check('That is the most shameless, outrageous lie I have ever heard.');
    expect(close.headline).toBe('gloss-close');
    expect(close.matches[0].closeness).toBe('close');
    const loose = matcher.check('People who say he wants to slow down make him angry.');
    expect(loose.verdict).toBe('related');
    expect(loose.headline).toBe('gloss-loose');
  });
  it('keys every explanation (matches, notices, errors) for the card to localize', () => {
    const r = matcher.check('如果你看营收,Anthropic 的营收每年都增长 100 倍。');
    expect(r.matches[0].whyKey?.key).toBe('why_altered_number');
    expect(matcher.check('我們').errorKey?.key).toBe('error_too_short');
    expect(matcher.check('😀😀').errorKey?.key).toBe('error_emoji');
    const long = matcher.check('我認為唯一真實的東西,就是那條指數曲線。'.repeat(200));
    expect(long.noticeKey?.key).toBe('notice_long');
    // the CLI keeps its English sentences
    expect(long.notice).toMatch(/only the first/);
  });
  it('highlights a related passage through the end of the clause (谎言, not only the shared 的)', () => {
    const r = matcher.check('这是我听过最离谱的事情');
    expect(r.verdict).toBe('related');
    const m = r.matches[0];
    expect(m.paragraphId).toBe('p007');
    expect(m.passage.slice(m.start, m.end)).toMatch(/謊言$/);
  });
});
