/**
 * The work a check does, bounded (issue 20 item 2): counted through `MatcherStats.lastCheck`, never
 * timed. The cleanup pass tests only the turns holding every word of the quote (a key index), the
 * lookups of one quote are made once per check (and once for a close-only check and the full
 * check after it, under one reuse token), the related route scores a bounded set of paragraphs —
 * and the answers are those the unbounded work gives.
 */
import { describe, expect, it } from 'vitest';
import { regionsWithAll } from '../../src/match/cleanup';
import { MatchContext } from '../../src/match/context';
import { coverage, coverageOf, makeWeigh, queryGrams } from '../../src/match/coverage';
import { createMatcher } from '../../src/match/index';
import { normalize } from '../../src/match/normalize';
import { unexplainedShare } from '../../src/match/related';
import type { Paragraph, Transcript } from '../../src/types';
import { fixture } from './fixture';
import { readFileSync } from 'node:fs';
import { rng } from './rng';

/** Invented host questions and answers about a chip maker's year, in the transcript's shape. */
const QUESTIONS = [
  '你們今年的出貨量比去年多了多少?',
  '很多人擔心供應鏈會再斷一次,你怎麼看?',
  '新工廠的良率什麼時候能追上老工廠?',
  '有人說你們的價格太高了,你同意嗎?',
  '明年最大的風險是什麼?',
];
const ANSWERS = [
  '出貨量大概多了三成,主要是數據中心的客戶在加單。',
  '我們把封裝放到了兩個地方做,一個地方停了另一個還能接上。',
  '良率的爬坡比我們預想的慢一點,但每個月都在往上走。',
  '價格是跟著成本走的,晶圓貴了,我們也沒有辦法。',
  '最大的風險是需求突然掉下來,大家手上的庫存又太多。',
  '我們對明年還是謹慎樂觀,訂單已經排到了第三季度。',
  '工程師團隊擴大了一倍,新人要花半年才能完全上手。',
];
const FILLER_TURN = '嗯,我覺得,就是說,這一代晶片的功耗會比上一代低差不多四成,客戶最在乎的其實就是這個。';

/** A transcript of `turns` host/guest exchanges, one guest turn with spoken fillers in it. */
function chipInterview(turns: number): Transcript {
  const rand = rng(7);
  const paragraphs: Paragraph[] = [];
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  for (let k = 0; k < turns; k++) {
    const q: Paragraph = { id: `q${k}`, sectionId: 's1', speaker: 'host', kind: 'turn', turnId: `h${k}`, text: pick(QUESTIONS), simplified: '', repaired: false, repairIds: [], sourceLine: 2 * k };
    const answer = k === Math.floor(turns / 2) ? FILLER_TURN : `${pick(ANSWERS)}${pick(ANSWERS)}`;
    const a: Paragraph = { id: `a${k}`, sectionId: 's1', speaker: 'amodei', kind: 'turn', turnId: `g${k}`, text: answer, simplified: '', repaired: false, repairIds: [], sourceLine: 2 * k + 1 };
    paragraphs.push(q, a);
  }
  return { ...fixture, sections: [{ id: 's1', title: '晶片', titleSimplified: '芯片', paragraphIds: paragraphs.map((p) => p.id) }], paragraphs };
}

describe('regionsWithAll (the cleanup pass’s key index)', () => {
  it('is the regions holding every key, in order, as testing each region gives', () => {
    const rand = rng(3);
    const keys = 'abcdefghij'.split('');
    for (let trial = 0; trial < 200; trial++) {
      const regions = Array.from({ length: 1 + Math.floor(rand() * 30) }, () => new Set(keys.filter(() => rand() < 0.6)));
      const byKey = new Map<string, number[]>();
      regions.forEach((r, i) => r.forEach((k) => byKey.set(k, [...(byKey.get(k) ?? []), i])));
      const quote = keys.filter(() => rand() < 0.3);
      const expected = regions.map((r, i) => (quote.every((k) => r.has(k)) ? i : -1)).filter((i) => i >= 0);
      expect(regionsWithAll(byKey, quote)).toEqual(quote.length === 0 ? [] : expected);
    }
  });

  it('a key no region holds: none', () => {
    expect(regionsWithAll(new Map([['a', [0, 1]]]), ['a', 'z'])).toEqual([]);
  });
});

describe('the cleanup pass tests only the turns that hold the quote’s words', () => {
  it('finds the cleaned-up quote (verbatim, fillers listed) while testing a few of 120 turns', () => {
    const t = chipInterview(60);
    const m = createMatcher(t, {}, { language: 'zh-Hant' });
    const r = m.check('我觉得这一代晶片的功耗会比上一代低差不多四成');
    expect(r.verdict).toBe('verbatim');
    expect(r.matches[0].paragraphId).toBe('a30');
    expect(r.cleanup?.map((c) => c.kind)).toContain('filler');
    // only the one turn has 功耗 and 四成: the other 119 are never aligned, nor scored by their word pairs
    expect(m.stats.lastCheck.turnsTested).toBe(1);
  });

  it('a quote whose words no turn holds together tests none', () => {
    const m = createMatcher(chipInterview(60), {}, { language: 'zh-Hant' });
    const r = m.check('良率的爬坡比我们预想的快得多,功耗也低了四成');
    expect(r.verdict).not.toBe('verbatim');
    expect(m.stats.lastCheck.turnsTested).toBe(0);
  });
});

describe('lookups are made once per check', () => {
  const quote = '我們把封裝放到三個地方去做,任何一個地方停了都沒有關係。';

  it('a full check after a close-only one under the same token makes no exact or near-exact lookup again', () => {
    const m = createMatcher(chipInterview(40), {}, { language: 'zh-Hant' });
    const fresh = createMatcher(chipInterview(40), {}, { language: 'zh-Hant' }).check(quote);
    const alone = { ...createMatcherWork(quote) };
    const token = {};
    m.check(quote, { closeOnly: true, reuse: token });
    const close = { ...m.stats.lastCheck };
    expect(close.lookups).toBeGreaterThan(0);
    const full = m.check(quote, { reuse: token });
    // the same answer as a check of its own
    expect(full).toEqual(fresh);
    const made = m.stats.lastCheck.lookups - close.lookups;
    // the full check alone makes its exact, near-exact and ranking lookups; after the close-only
    // one only the ranking is new
    expect(made).toBeLessThan(alone.lookups);
    expect(made).toBe(alone.lookups - close.lookups);
    expect(m.stats.lastCheck.reused).toBeGreaterThan(alone.reused);
  });

  it('nothing carries over from one check to the next without a token (a query asked again is looked up again)', () => {
    const m = createMatcher(chipInterview(40), {}, { language: 'zh-Hant' });
    m.check(quote);
    const first = { ...m.stats.lastCheck };
    m.check(quote);
    expect(m.stats.lastCheck).toEqual(first);
    expect(first.lookups).toBeGreaterThan(0);
  });

  function createMatcherWork(q: string) {
    const m = createMatcher(chipInterview(40), {}, { language: 'zh-Hant' });
    m.check(q);
    return m.stats.lastCheck;
  }
});

describe('the related route’s ranking, looked up once for 12 and 24 paragraphs', () => {
  it('the best 12 are the first 12 of the best 24, as the search index ranks them', () => {
    const ctx = new MatchContext(chipInterview(80), {}, { language: 'zh-Hant' });
    for (const q of [...ANSWERS, ...QUESTIONS, '功耗和良率都不是問題']) {
      ctx.beginCheck({});
      const direct = ctx.ranker.rankChinese(q, 12);
      expect(ctx.rankChinese(q, 24).slice(0, 12)).toEqual(direct);
      expect(ctx.rankChinese(q, 12)).toEqual(direct);
      expect(ctx.rankChinese(q, 5)).toEqual(ctx.ranker.rankChinese(q, 5));
    }
  });

  it('scores at most 12 ranked paragraphs and 5 aligned ones per quote, and still names the right one', () => {
    const m = createMatcher(chipInterview(80), {}, { language: 'zh-Hant' });
    // a loose rendering of the filler turn: related, found among 160 paragraphs
    const r = m.check('他说这一代晶片功耗比上一代要低四成左右,而客户最看重的就是功耗');
    expect(r.verdict).toBe('related');
    expect(r.matches[0].paragraphId).toBe('a40');
    expect(m.stats.lastCheck.paragraphsScored).toBeGreaterThan(0);
    expect(m.stats.lastCheck.paragraphsScored).toBeLessThanOrEqual(17);
  });
});

describe('coverage of a prepared quote', () => {
  /** Every stretch of at most `width` characters, its query n-grams' weighted share: the best. */
  function naive(q: string, text: string, weigh: (k: number) => number, n: 1 | 2, width: number): number {
    const key = (s: string, i: number) => (n === 2 ? s.charCodeAt(i) * 65536 + s.charCodeAt(i + 1) : s.charCodeAt(i));
    const qk = new Map<number, number>();
    for (let i = 0; i + n <= q.length; i++) qk.set(key(q, i), weigh(key(q, i)));
    let total = 0;
    for (const w of qk.values()) total += w;
    let best = 0;
    for (let a = 0; a + n <= text.length; a++) {
      const seen = new Set<number>();
      let c = 0;
      for (let b = a; b + n <= text.length && b - a + n <= width; b++) {
        const k = key(text, b);
        if (qk.has(k) && !seen.has(k)) {
          seen.add(k);
          c += qk.get(k)!;
        }
        best = Math.max(best, c);
      }
    }
    return total === 0 ? 0 : Math.min(1, best / total);
  }

  it('equals the best stretch found by trying every one', () => {
    const rand = rng(11);
    const alphabet = '功耗良率晶片價格風險工廠客戶訂單';
    const text = (len: number) => Array.from({ length: len }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
    const df = new Map<number, number>();
    const weigh = makeWeigh(df, 10);
    for (let trial = 0; trial < 60; trial++) {
      const q = normalize(text(4 + Math.floor(rand() * 10))).text;
      const p = normalize(text(10 + Math.floor(rand() * 60))).text;
      for (const n of [1, 2] as const) {
        const width = Math.max(q.length + 10, Math.ceil(q.length * 1.6));
        const got = coverageOf(queryGrams(q, weigh, n), p, 0, p.length);
        expect(got.coverage).toBeCloseTo(naive(q, p, weigh, n, width), 9);
        expect(coverage(q, p, 0, p.length, weigh, n)).toEqual(got);
      }
    }
  });
});

describe('unexplainedShare looks up only the quote’s pairs', () => {
  /** Every pair of the passage collected, then the quote's characters walked (the plain way). */
  function plain(q: string, passage: string, distinctive: (g: string) => boolean): number {
    const grams = new Set<string>();
    for (let i = 0; i + 1 < passage.length; i++) if (distinctive(passage.slice(i, i + 2))) grams.add(passage.slice(i, i + 2));
    const units = q.replace(/[a-z][a-z0-9]*/g, ' ');
    let longest = 0;
    let run = 0;
    let counted = 0;
    for (let i = 0; i < units.length; i++) {
      if (units[i] === ' ') {
        run = 0;
        continue;
      }
      counted++;
      const explained = (i + 1 < units.length && grams.has(units.slice(i, i + 2))) || (i > 0 && grams.has(units.slice(i - 1, i + 1)));
      run = explained ? 0 : run + 1;
      longest = Math.max(longest, run);
    }
    return counted === 0 ? 1 : longest / counted;
  }

  it('gives what collecting every pair of the passage gives', () => {
    const rand = rng(5);
    const alphabet = '功耗良率晶片價格風險工廠 ab';
    const text = (len: number) => Array.from({ length: len }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
    const common = (g: string) => !g.includes('功');
    for (let trial = 0; trial < 200; trial++) {
      const q = text(3 + Math.floor(rand() * 12));
      const p = text(5 + Math.floor(rand() * 40));
      expect(unexplainedShare(q, p, common)).toBe(plain(q, p, common));
      expect(unexplainedShare(q, p)).toBe(plain(q, p, () => true));
    }
  });
});

describe('a cold source tokenises only the turns holding the quote’s characters', () => {
  const builtin = JSON.parse(readFileSync(new URL('../../data/transcript.json', import.meta.url), 'utf8')) as Transcript;

  /** Quotes as the press prints them: cut from turns, fillers added or dropped, figures and characters changed. */
  function quotes(t: Transcript, n: number): string[] {
    const rand = rng(21);
    const turns = t.paragraphs.filter((p) => p.kind === 'turn' && p.text.length > 40);
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      const p = turns[Math.floor(rand() * turns.length)].text;
      const len = 12 + Math.floor(rand() * 30);
      const at = Math.floor(rand() * Math.max(1, p.length - len));
      let q = p.slice(at, at + len);
      const edit = i % 5;
      const k = Math.floor(rand() * q.length);
      if (edit === 1) q = `${q.slice(0, k)}嗯,${q.slice(k)}`;
      else if (edit === 2) q = `${q.slice(0, k)}三千万${q.slice(k + 1)}`;
      else if (edit === 3) q = `${q.slice(0, k)}……${q.slice(k + 2)}`;
      else if (edit === 4) q = `${q.slice(0, k)}百分之五十${q.slice(k)}`;
      out.push(q);
    }
    return out;
  }

  it('answers as a source whose turns were all tokenised first (warm), with the same turns tested', () => {
    for (const t of [builtin, chipInterview(60)]) {
      const cold = createMatcher(t, {}, { language: 'zh-Hant' });
      const warm = createMatcher(t, {}, { language: 'zh-Hant' });
      warm.warm();
      for (const q of [...quotes(t, 60), '我觉得这一代晶片的功耗会比上一代低差不多四成']) {
        const a = cold.check(q);
        const b = warm.check(q);
        expect(a).toEqual(b);
        expect(cold.stats.lastCheck.turnsTested).toBe(warm.stats.lastCheck.turnsTested);
      }
    }
  });
});
