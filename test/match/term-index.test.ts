import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Ranker, isRankerData, rankFingerprint, type RankDoc } from '../../src/match/rank';
import { TermIndex, isTermIndexData } from '../../src/match/term-index';
import { buildMatcherIndex, createMatcher } from '../../src/match/index';
import { parseSource, draftToSource, sourceToTranscript } from '../../src/sources/index';
import type { Transcript } from '../../src/types';
import { MiniSearchRanker } from './minisearch-ranker';
import { rng } from './rng';

const ROOT = resolve(__dirname, '../..');
const transcript = JSON.parse(readFileSync(resolve(ROOT, 'data/transcript.json'), 'utf8')) as Transcript;
const gloss = (JSON.parse(readFileSync(resolve(ROOT, 'data/gloss.en.json'), 'utf8')) as { gloss: Record<string, string> }).gloss;
const docs: RankDoc[] = transcript.paragraphs.map((p, index) => ({ index, text: p.text, gloss: gloss[p.id] }));

/** Queries as readers select them: pieces of paragraphs, some with words swapped, and invented ones. */
function queries(n: number, pick: (i: number) => string, seed: number): string[] {
  const rand = rng(seed);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const text = pick(Math.floor(rand() * docs.length));
    const len = 6 + Math.floor(rand() * 40);
    const at = Math.floor(rand() * Math.max(1, text.length - len));
    out.push(text.slice(at, at + len));
  }
  return out;
}

describe('term index ranks as MiniSearch did', () => {
  const ours = Ranker.build(docs);
  const mini = new MiniSearchRanker(docs);

  it('Chinese queries: same paragraphs, same order, same scores', () => {
    const qs = [
      ...queries(150, (i) => docs[i].text, 1),
      // two pieces of different paragraphs run together (a loose paraphrase)
      ...queries(40, (i) => docs[i].text + docs[(i * 7) % docs.length].text.slice(0, 20), 2),
      '我从没说过那样的话', '他们想控制整个行业', 'Anthropic 的营收每年都增长 10 倍', '完全无关的句子：今天天气很好', '的的的的的',
    ];
    for (const q of qs) {
      for (const limit of [3, 12]) expect(ours.rankChinese(q, limit), q).toEqual(mini.rankChinese(q, limit));
    }
  });

  it('English queries on the gloss (prefix matches included): same paragraphs and order', () => {
    const glossed = docs.filter((d) => d.gloss);
    const qs = [
      ...queries(120, (i) => glossed[i % glossed.length].gloss as string, 3),
      'the exponential is the only real thing', 'my father died of an illness', 'regulation of artificial intelligence companies',
    ];
    for (const q of qs) {
      const a = ours.rankEnglish(q, 20);
      const b = mini.rankEnglish(q, 20);
      expect(a.map((r) => r.index), q).toEqual(b.map((r) => r.index));
      a.forEach((r, i) => expect(r.score).toBeCloseTo(b[i].score, 9));
    }
  });

  it('an English source (words, not bigrams): same ranking', () => {
    const parsed = parseSource({ name: 'interview-en.txt', text: readFileSync(resolve(ROOT, 'test/fixtures/sources/interview-en.txt'), 'utf8') });
    if (!parsed.ok) throw new Error(parsed.error);
    const t = sourceToTranscript(draftToSource(parsed.draft, 'en', 0)).transcript;
    const enDocs = t.paragraphs.map((p, index) => ({ index, text: p.text, gloss: p.text }));
    const a = Ranker.build(enDocs);
    const b = new MiniSearchRanker(enDocs);
    for (const q of queries(80, (i) => enDocs[i % enDocs.length].text, 4)) {
      expect(a.rankChinese(q, 12), q).toEqual(b.rankChinese(q, 12));
      expect(a.rankEnglish(q, 20).map((r) => r.index), q).toEqual(b.rankEnglish(q, 20).map((r) => r.index));
    }
  });

  it('ranks nothing for an empty query or an empty index', () => {
    expect(ours.rankChinese('', 5)).toEqual([]);
    expect(ours.rankChinese('。。。', 5)).toEqual([]);
    const empty = TermIndex.build([], (t) => t.split(' '));
    expect(empty.search(['a'], 5)).toEqual([]);
  });
});

describe('stored form', () => {
  const ranker = Ranker.build(docs);

  it('survives structured cloning (what IndexedDB does) and ranks the same', () => {
    const copy = new Ranker(structuredClone(ranker.data));
    for (const q of queries(30, (i) => docs[i].text, 5)) expect(copy.rankChinese(q, 12)).toEqual(ranker.rankChinese(q, 12));
    expect(copy.rankEnglish('the exponential curve', 5)).toEqual(ranker.rankEnglish('the exponential curve', 5));
  });

  it('refuses damaged or older data', () => {
    const good = ranker.data;
    expect(isRankerData(good)).toBe(true);
    expect(isRankerData({ ...good, format: good.format - 1 })).toBe(false);
    expect(isRankerData({ ...good, zh: { ...good.zh, docs: good.zh.docs.subarray(1) } })).toBe(false);
    const wrongDoc = { ...good.zh, docs: good.zh.docs.slice() };
    wrongDoc.docs[0] = 1e6;
    expect(isTermIndexData(wrongDoc)).toBe(false);
    expect(isRankerData({ ...good, zh: { ...good.zh, docs: Array.from(good.zh.docs) } })).toBe(false);
    expect(isRankerData(JSON.parse(JSON.stringify(good)))).toBe(false);
    expect(isRankerData(null)).toBe(false);
    expect(() => new Ranker({ ...good, en: { ...good.en!, terms: `${good.en!.terms}\nzzz` } })).toThrow();
  });

  it('is told apart from an index of another text', () => {
    const edited = docs.map((d, i) => (i === 40 ? { ...d, text: `${d.text}。` } : d));
    expect(rankFingerprint(edited)).not.toBe(rankFingerprint(docs));
    expect(rankFingerprint(docs)).toBe(ranker.data.fingerprint);
  });
});

describe('matcher with a stored index', () => {
  const quote = '他说营收每年都在增长，而且他们一直很保守'; // a paraphrase (related): needs the ranking
  const baseline = createMatcher(transcript, gloss).check(quote);
  const exact = '如果你看營收';
  const exactBaseline = createMatcher(transcript, gloss).check(exact);

  it('uses an index built from its text (text, positional index, weights, search index), and answers the same', () => {
    let built: unknown = null;
    const first = createMatcher(transcript, gloss, { onIndexBuilt: (d) => (built = d) });
    expect(first.check(quote)).toEqual(baseline);
    expect(first.stats.rankerFrom).toBe('built');
    expect(built).toEqual(buildMatcherIndex(transcript, gloss));
    const second = createMatcher(transcript, gloss, {
      storedIndex: () => structuredClone(built),
      onIndexBuilt: () => {
        throw new Error('rebuilt');
      },
    });
    expect(second.stats.indexFrom).toBe('stored');
    expect(second.check(exact)).toEqual(exactBaseline);
    expect(second.check(quote)).toEqual(baseline);
    expect(second.stats.rankerFrom).toBe('stored');
    for (const q of queries(40, (i) => docs[i].text, 6)) expect(second.check(q)).toEqual(createMatcher(transcript, gloss).check(q));
  });

  it('an English source (word codes stored too) answers the same from its stored index', () => {
    const parsed = parseSource({ name: 'interview-en.txt', text: readFileSync(resolve(ROOT, 'test/fixtures/sources/interview-en.txt'), 'utf8') });
    if (!parsed.ok) throw new Error(parsed.error);
    const t = sourceToTranscript(draftToSource(parsed.draft, 'en', 0)).transcript;
    const data = structuredClone(buildMatcherIndex(t, undefined, { language: 'en' }));
    const fresh = createMatcher(t, undefined, { language: 'en' });
    const loaded = createMatcher(t, undefined, { language: 'en', storedIndex: () => data });
    expect(loaded.stats.indexFrom).toBe('stored');
    for (const q of [...queries(30, (i) => t.paragraphs[i % t.paragraphs.length].text, 7), 'the curve has bumps but it keeps going up']) {
      expect(loaded.check(q), q).toEqual(fresh.check(q));
    }
  });

  it('rebuilds, and still answers, when the stored index is damaged, stale, from an older format, or cannot be read', () => {
    const good = buildMatcherIndex(transcript, gloss);
    const other = buildMatcherIndex({ ...transcript, paragraphs: transcript.paragraphs.slice(1) }, gloss);
    const bad: Array<() => unknown> = [
      () => ({ ...good, ranker: { ...good.ranker, zh: { ...good.ranker.zh, tfs: new Uint32Array(3) } } }),
      () => ({ ...good, core: { ...good.core, bigrams: { ...good.core.bigrams, positions: new Int32Array([1e9]) } } }),
      () => ({ ...good, core: { ...good.core, lengths: good.core.lengths.subarray(1) } }),
      () => ({ ...good, core: { ...good.core, lengths: good.core.lengths.map((x, i) => (i === 3 ? x - 1 : x)) } }),
      () => ({ ...good, format: 0 }),
      () => ({ ...good, fingerprint: 'another text' }),
      () => other, // built from another text
      () => JSON.parse(JSON.stringify(good)), // typed arrays lost
      () => 'garbage',
      () => {
        throw new Error('read failed');
      },
    ];
    for (const storedIndex of bad) {
      let rebuilt = 0;
      const m = createMatcher(transcript, gloss, { storedIndex, onIndexBuilt: () => rebuilt++ });
      expect(m.check(exact)).toEqual(exactBaseline);
      expect(m.check(quote)).toEqual(baseline);
      expect(m.stats.rankerFrom).toBe('built');
      expect(rebuilt).toBe(1);
    }
  });
});
