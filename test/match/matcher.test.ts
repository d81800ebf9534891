import { describe, expect, it } from 'vitest';
import { ENGLISH_NOTICE, createMatcher } from '../../src/match/index';
import { normalizeText } from '../../src/match/normalize';
import { fixture, fixtureGloss } from './fixture';

const matcher = createMatcher(fixture, fixtureGloss);
const bare = createMatcher(fixture);
const passageOf = (id: string) => fixture.paragraphs.find((p) => p.id === id)?.text ?? '';

describe('matcher: verbatim', () => {
  it('finds Simplified wording in the Traditional transcript and highlights the span', () => {
    const r = matcher.check('我认为唯一真实的东西,就是那条指数曲线');
    expect(r.verdict).toBe('verbatim');
    const m = r.matches[0];
    expect(m.paragraphId).toBe('p005');
    expect(m.speaker).toBe('amodei');
    expect(m.sectionId).toBe('s1');
    expect(m.sectionTitle).toBe('指數增長才是唯一真實的東西');
    expect(m.via).toBe('text');
    expect(m.passage).toBe(passageOf('p005'));
    expect(m.passage.slice(m.start, m.end)).toBe('我認為唯一真實的東西,就是那條指數曲線');
    expect(m.gloss).toBe(fixtureGloss.p005);
  });

  it('lets the turn win over the introduction quoting it', () => {
    const r = matcher.check('那是我听过最无耻、最离谱的谎言');
    expect(r.verdict).toBe('verbatim');
    expect(r.matches[0].paragraphId).toBe('p007');
    expect(r.matches[0].speaker).toBe('amodei');
    expect(r.matches.map((m) => m.paragraphId)).toContain('p001');
  });

  it('attributes the host’s words to the host', () => {
    const r = matcher.check('你曾说 AI 可能会让一半的入门级白领工作消失');
    expect(r.verdict).toBe('verbatim');
    expect(r.matches[0].speaker).toBe('host');
  });

  it('reads scraped copies that keep pinyin annotations', () => {
    const r = matcher.check('我認(rèn)為唯一真(zhēn)實的東西');
    expect(r.verdict).toBe('verbatim');
    expect(r.matches[0].paragraphId).toBe('p005');
  });

  it('says when the passage holds repaired text', () => {
    const r = matcher.check('我父亲因那些本可能晚几年就出现的疗法而离世');
    expect(r.verdict).toBe('verbatim');
    expect(r.matches[0].repaired).toBe(true);
  });

  it('matches a quote running over a line break inside one turn', () => {
    const r = matcher.check('每年我们都很保守。我认为唯一真实的东西');
    expect(r.verdict).toBe('verbatim');
    expect(['p004', 'p005']).toContain(r.matches[0].paragraphId);
  });
});

describe('matcher: altered', () => {
  it('calls a changed number altered and lists it', () => {
    const r = matcher.check('如果你看营收,Anthropic 的营收每年都增长 100 倍。');
    expect(r.verdict).toBe('altered');
    const m = r.matches[0];
    expect(m.paragraphId).toBe('p004');
    expect(m.differences).toEqual([{ quote: '100', transcript: '10' }]);
    expect(m.why).toMatch(/number/);
    expect(m.score).toBeGreaterThan(0.9);
    expect(m.score).toBeLessThan(1);
  });

  it('calls a dropped negation altered', () => {
    const r = matcher.check('我说过那样的话。那是我听过最无耻、最离谱的谎言。');
    expect(r.verdict).toBe('altered');
    expect(r.matches[0].paragraphId).toBe('p007');
    // the closest reading starts at 沒: one substitution beats two insertions
    expect(r.matches[0].differences.some((d) => d.transcript.includes('沒'))).toBe(true);
  });
});

describe('matcher: …… joins', () => {
  it('accepts two spans of one turn in order', () => {
    const r = matcher.check('我认为唯一真实的东西……我们就会得到一个更强的模型');
    expect(r.verdict).toBe('verbatim');
    expect(r.matches[0].paragraphId).toBe('p005');
    expect(r.matches[0].why).toMatch(/in order/);
    const m = r.matches[0];
    expect(m.passage.slice(m.start, m.end)).toMatch(/^我認為唯一真實的東西.*更強的模型$/);
  });

  it('accepts spans from two paragraphs of the same turn', () => {
    const r = matcher.check('Anthropic 的营收每年都增长 10 倍……每隔几个月,我们就会得到一个更强的模型');
    expect(r.verdict).toBe('verbatim');
    expect(r.matches.map((m) => m.paragraphId)).toEqual(['p004', 'p005']);
  });

  it('does not accept them out of order or across turns', () => {
    const reversed = matcher.check('每隔几个月,我们就会得到一个更强的模型……我认为唯一真实的东西,就是那条指数曲线');
    expect(reversed.verdict).not.toBe('verbatim');
    const acrossTurns = matcher.check('黄仁勋说你想控制整个行业……那是我听过最无耻、最离谱的谎言');
    expect(acrossTurns.verdict).not.toBe('verbatim');
  });
});

describe('matcher: related, not-found, invalid', () => {
  it('never calls invented text verbatim or altered', () => {
    for (const q of ['黄仁勋根本不懂AI安全,他只关心卖芯片。', '我们计划明年推出一款面向普通消费者的手机。', '今天天气很好我们去公园散步吧']) {
      const r = matcher.check(q);
      expect(['related', 'not-found']).toContain(r.verdict);
    }
    const none = matcher.check('我们计划明年推出一款面向普通消费者的手机。');
    expect(none.verdict).toBe('not-found');
    expect(none.matches).toEqual([]);
  });

  it('calls an independent rendering related and says what links it', () => {
    const r = matcher.check('当有人说我想慢下来的时候,我感到非常非常愤怒');
    expect(r.verdict).toBe('related');
    expect(r.matches[0].paragraphId).toBe('p008');
    expect(r.matches[0].why).toMatch(/shares/);
    expect(r.matches[0].differences).toEqual([]);
  });

  it('refuses what cannot be judged, in one sentence, without throwing', () => {
    for (const q of ['', '   ', '我们', '😀😀', '\u0000我们视自己有责任']) {
      const r = matcher.check(q);
      expect(r.verdict).toBe('invalid');
      expect(r.error).toMatch(/^[^\n]+\.$/);
      expect(r.matches).toEqual([]);
    }
    expect(matcher.check(42 as unknown as string).verdict).toBe('invalid');
  });
});

describe('matcher: several quotes', () => {
  it('gives one result per quote and summarises by the weakest', () => {
    const r = matcher.check(
      'Amodei 在采访中说:“那是我听过最无耻、最离谱的谎言。”他又说:“如果你看营收,Anthropic 的营收每年都增长 100 倍。”',
    );
    expect(r.segments?.map((s) => s.verdict)).toEqual(['verbatim', 'altered']);
    expect(r.verdict).toBe('altered');
    expect(r.notice).toMatch(/writer's own words/);
  });

  it('a real sentence cannot carry an invented one', () => {
    const r = matcher.check('那是我听过最无耻、最离谱的谎言。我们计划明年推出一款面向普通消费者的手机。');
    expect(r.segments?.length).toBe(2);
    expect(r.verdict).toBe('not-found');
    expect(r.segments?.[0].verdict).toBe('verbatim');
  });
});

describe('matcher: English', () => {
  it('matches the gloss, related at most, with a plain notice', () => {
    const r = matcher.check('That is the most outrageous lie I have ever heard');
    expect(r.verdict).toBe('related');
    expect(r.notice).toBe(ENGLISH_NOTICE);
    const m = r.matches[0];
    expect(m.via).toBe('gloss');
    expect(m.paragraphId).toBe('p007');
    expect(m.speaker).toBe('amodei');
    expect(m.gloss).toBe(fixtureGloss.p007);
  });

  it('flags a changed number as the passage saying otherwise, with the passage', () => {
    const r = matcher.check('Anthropic revenue has grown 100 times every year');
    expect(r.verdict).toBe('not-found');
    expect(r.contradiction?.kind).toBe('number');
    expect(r.matches[0].paragraphId).toBe('p004');
    expect(r.matches[0].contradiction?.passage).toMatch(/10 times/);
  });

  it('says nothing is close for an English quote the interview does not hold', () => {
    const r = matcher.check('We will build a colony on Mars by the end of the decade');
    expect(r.verdict).toBe('not-found');
    expect(r.notice).toMatch(/given in English/);
  });

  it('without a gloss, says it cannot compare English', () => {
    const r = bare.check('That is the most outrageous lie I have ever heard');
    expect(r.verdict).toBe('not-found');
    expect(r.notice).toMatch(/no English gloss/);
  });
});

describe('matcher: search and stats', () => {
  it('searches Chinese and English', () => {
    const zh = matcher.search('指数曲线', 3);
    expect(zh[0].paragraphId).toBe('p005');
    expect(zh[0]).toMatchObject({ sectionId: 's1', speaker: 'amodei' });
    expect(normalizeText(zh[0].text)).toContain('指数曲线');
    expect(matcher.search('outrageous lie')[0].paragraphId).toMatch(/p007|p001/);
    expect(matcher.search('   ')).toEqual([]);
  });

  it('reports how big the index is and how long it took', () => {
    expect(matcher.stats.paragraphs).toBe(fixture.paragraphs.length);
    expect(matcher.stats.characters).toBeGreaterThan(100);
    expect(matcher.stats.buildMs).toBeGreaterThanOrEqual(0);
  });
});

describe('matcher: close-only check', () => {
  const queries = [
    '我认为唯一真实的东西,就是那条指数曲线',
    '如果你看营收,Anthropic 的营收每年都增长 100 倍。',
    '我说过那样的话。那是我听过最无耻、最离谱的谎言。',
    '每年我们都很保守。我认为唯一真实的东西',
  ];
  it('gives exactly the full answer when the quote is verbatim or altered', () => {
    for (const q of queries) {
      const full = createMatcher(fixture, fixtureGloss).check(q);
      expect(['verbatim', 'altered']).toContain(full.verdict);
      expect(matcher.check(q, { closeOnly: true })).toEqual(full);
    }
  });

  it('says not-found, with no match, where the full check would rank for related', () => {
    const q = '我们明年就会实现通用人工智能,这一点毫无疑问。';
    const full = matcher.check(q);
    expect(['related', 'not-found']).toContain(full.verdict);
    const close = matcher.check(q, { closeOnly: true });
    expect(close.verdict).toBe('not-found');
    expect(close.matches).toEqual([]);
    // and the next full check is not left in close-only mode
    expect(matcher.check(q)).toEqual(full);
  });

  it('does not answer an English quote (the gloss route is related at most)', () => {
    expect(matcher.check('the only real thing is the exponential curve', { closeOnly: true }).verdict).toBe('not-found');
  });
});
