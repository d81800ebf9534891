import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DICTIONARY_FILE, parseDictionary } from '../../src/xlang/dictionary';
import { crossLanguageCheck } from '../../src/xlang/check';
import { indexOf, joinCrossLanguage } from '../../src/xlang/multi';
import { createMultiMatcher } from '../../src/sources/check-all';
import { builtinSource } from '../../src/sources/builtin';
import { createDictionaryLoader } from '../../src/ext/dictionary-loader';
import { builtinTranscript, sourceOf } from '../sources/fixtures';
import type { CheckResult } from '../../src/types';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dict = parseDictionary(readFileSync(`${ROOT}${DICTIONARY_FILE}`, 'utf8'));
const en = sourceOf('interview-en.txt', 'src-en');
const zh = sourceOf('interview-zh-podcast.txt', 'src-zh');
const enIndex = indexOf({ source: en }, 'test-en', dict);
const zhIndex = indexOf({ source: zh }, 'test-zh', dict);
const para = (s: typeof en, hint: string) => s.paragraphs.find((p) => p.text.includes(hint))?.id;

describe('cross-language check', () => {
  it('finds the English passage of a Chinese quote: related at most, the passage in English', () => {
    const r = crossLanguageCheck('阿莫迪透露，公司营收已连续三年每年增长约十倍。', [{ index: enIndex }], dict);
    expect(r.verdict).toBe('related');
    expect(r.headline).toBe('related-xlang');
    const m = r.matches[0];
    expect(m.paragraphId).toBe(para(en, 'Roughly tenfold a year'));
    expect(m.crossLanguage).toBe(true);
    expect(m.passage.slice(m.start, m.end)).toContain('Roughly tenfold a year');
    expect(m.whyKey?.key).toBe('why_xlang');
  });

  it('finds the Chinese passage of an English quote', () => {
    const r = crossLanguageCheck('A large training cluster needs as much electricity as a mid-sized city, Amodei said.', [{ index: zhIndex }], dict);
    expect(r.verdict).toBe('related');
    expect(r.matches[0].paragraphId).toBe(para(zh, '相当于一座中等城市'));
  });

  it('does not call an invented claim on his topics related', () => {
    for (const q of ['阿莫迪说，Anthropic明年将停止所有安全研究，把资源全部投入到产品上。', '他坦言，自己从来没有学过生物学，对医学研究也毫无兴趣。']) {
      expect(crossLanguageCheck(q, [{ index: enIndex }], dict).verdict).toBe('not-found');
    }
    expect(crossLanguageCheck('Amodei said Anthropic now has fifty thousand employees working across thirty countries.', [{ index: zhIndex }], dict).verdict).toBe('not-found');
  });

  it('checks only sources in the other language, and needs a few words to go on', () => {
    expect(crossLanguageCheck('营收每年增长十倍', [{ index: zhIndex }], dict).verdict).toBe('not-found');
    expect(crossLanguageCheck('营收', [{ index: enIndex }], dict).verdict).toBe('not-found');
  });

  it('never crashes on odd input', () => {
    for (const q of ['', '……', '[ ]', '😀😀😀', '的的的的的的', '一二三四五六七八九十百千万亿'.repeat(50), 'x'.repeat(5000)]) {
      expect(['related', 'not-found']).toContain(crossLanguageCheck(q, [{ index: enIndex }, { index: zhIndex }], dict).verdict);
    }
  });
});

describe('cross-language in the multi-source check', () => {
  const quote = '阿莫迪称，最先进的芯片是一种战略资源，就像上个世纪的某些材料一样。';

  it('a Chinese quote with only an English source enabled gets the English passage, once the dictionary is set', () => {
    const multi = createMultiMatcher([{ source: en }]);
    expect(multi.wantsDictionary(quote)).toBe(true);
    expect(multi.check(quote).verdict).toBe('not-found');
    multi.setDictionary(dict);
    const r = multi.check(quote);
    expect(r.verdict).toBe('related');
    expect(r.headline).toBe('related-xlang');
    expect(r.noticeKey?.key).toBe('notice_xlang');
    expect(r.matches[0].source?.id).toBe('src-en');
    expect(r.matches[0].paragraphId).toBe(para(en, 'strategic resource'));
    expect(r.matches[0].speakerName).toBe('Dario Amodei');
  });

  it('an English quote with a Chinese source gets the Chinese passage; the built-in keeps its gloss route', () => {
    const t = builtinTranscript();
    const multi = createMultiMatcher([{ source: builtinSource(t), transcript: t }, { source: zh }]);
    multi.setDictionary(dict);
    const r = multi.check('Amodei said Japanese enterprise customers demand high reliability, which is exactly what Anthropic is good at.');
    expect(r.verdict).toBe('related');
    expect(r.matches.some((m) => m.source?.id === 'src-zh' && m.crossLanguage)).toBe(true);
    expect(r.matches.some((m) => m.crossLanguage && m.source?.id !== 'src-zh')).toBe(false);
  });

  it('a quote in the source language does not want the dictionary, nor do short English phrases', () => {
    const multi = createMultiMatcher([{ source: en }]);
    expect(multi.wantsDictionary('Roughly tenfold a year for three years in a row.')).toBe(false);
    expect(multi.wantsDictionary('')).toBe(false);
    const zhOnly = createMultiMatcher([{ source: zh }]);
    expect(zhOnly.wantsDictionary('Amodei said')).toBe(false);
    expect(zhOnly.wantsDictionary('Amodei said customers demand reliability.')).toBe(true);
  });

  it('never turns a cross-language passage into verbatim or altered', () => {
    const multi = createMultiMatcher([{ source: en }]);
    multi.setDictionary(dict);
    for (const q of ['我真的很不喜欢这个词，我并不是在预言末日。', '那不是一个聊天机器人，那是一个机构。', '模型'.repeat(200)]) {
      expect(['related', 'not-found', 'invalid']).toContain(multi.check(q).verdict);
    }
  });

  it('the same-language answer comes first', () => {
    const same: CheckResult = { query: 'q', verdict: 'verbatim', matches: [] };
    const across: CheckResult = { query: 'q', verdict: 'related', matches: [{ paragraphId: 'x' } as never] };
    expect(joinCrossLanguage(same, across)).toBe(same);
    const contra: CheckResult = { query: 'q', verdict: 'not-found', matches: [], contradiction: { kind: 'negation', quote: 'a', passage: 'b', paragraphId: 'p' } };
    expect(joinCrossLanguage(contra, across)).toBe(contra);
    const notFound: CheckResult = { query: 'q', verdict: 'not-found', matches: [], mentions: { paragraphId: 'p', sectionId: 's', terms: [] } };
    const joined = joinCrossLanguage(notFound, across);
    expect(joined.verdict).toBe('related');
    expect(joined.mentions).toBeUndefined();
  });
});

describe('dictionary loader', () => {
  it('fetches once, and again after a failure', async () => {
    let calls = 0;
    let fail = true;
    const load = createDictionaryLoader(async () => {
      calls++;
      if (fail) throw new Error('offline');
      return JSON.stringify({ about: {}, zh: '营收\trevenu', en: 'revenu\t营收' });
    });
    await expect(load()).rejects.toThrow('offline');
    fail = false;
    const d = await load();
    await load();
    expect(calls).toBe(2);
    expect(d.english('营收')[0].term).toBe('revenu');
    expect(load.loadMs).toBeGreaterThanOrEqual(0);
  });
});
