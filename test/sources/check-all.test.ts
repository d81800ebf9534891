import { beforeAll, describe, expect, it } from 'vitest';
import { createMatcher } from '../../src/match/index';
import { builtinSource } from '../../src/sources/builtin';
import { createMultiMatcher, mergeResults, signatureOf, type MultiMatcher, type SourceEntry } from '../../src/sources/check-all';
import { sourceToTranscript } from '../../src/sources/to-transcript';
import { setMainSpeaker } from '../../src/sources/index';
import type { Source } from '../../src/sources/model';
import type { Transcript } from '../../src/types';
import { builtinGloss, builtinTranscript, sourceOf } from './fixtures';

let transcript: Transcript;
let builtin: SourceEntry;
let en: Source;
let zh: Source;
let multi: MultiMatcher;

beforeAll(() => {
  transcript = builtinTranscript();
  builtin = { source: builtinSource(transcript), transcript, gloss: builtinGloss() };
  en = sourceOf('interview-en.txt', 'en-fixture');
  zh = sourceOf('interview-zh-gbk.txt', 'zh-fixture');
  multi = createMultiMatcher([builtin, { source: en }, { source: zh }]);
});

describe('builtinSource and sourceToTranscript', () => {
  it('the built-in interview as a source keeps its ids and speakers', () => {
    const s = builtin.source;
    expect(s).toMatchObject({ id: 'builtin', kind: 'translation', language: 'zh-Hant', format: 'builtin' });
    expect(s.speakers.map((x) => [x.name, x.main])).toEqual([['Dario Amodei', true], ['Alex Kantrowitz', false], ['CSDN', false]]);
    expect(s.paragraphs.map((p) => p.id)).toEqual(transcript.paragraphs.map((p) => p.id));
    expect(s.paragraphs.find((p) => p.id === 'p116')).toMatchObject({ kind: 'turn', speakerId: 'sp1' });
    expect(s.paragraphs.find((p) => p.id === 'p003')).toMatchObject({ kind: 'text', speakerId: 'sp3' });
    expect(s.paragraphs.filter((p) => p.kind === 'heading').every((p) => p.speakerId === null)).toBe(true);
  });

  it('an imported source becomes a transcript: main/other speakers, text as intro, names and times kept', () => {
    const { transcript: t, paragraphInfo } = sourceToTranscript(en);
    const amodei = t.paragraphs.find((p) => p.text.startsWith('I really dislike that word'));
    expect(amodei).toMatchObject({ speaker: 'main', kind: 'turn' });
    expect(paragraphInfo.get(amodei!.id)).toEqual({ speakerName: 'Dario Amodei', time: 231 });
    expect(t.paragraphs.find((p) => p.text.startsWith('Welcome back'))).toMatchObject({ speaker: 'other', kind: 'turn' });
    expect(t.paragraphs.find((p) => p.text.startsWith('A fictional'))).toMatchObject({ kind: 'intro', turnId: 'x01' });
    expect(t.paragraphs[0]).toMatchObject({ kind: 'heading', speaker: 'other' });
    // the reader marks the other speaker as main
    const flipped = sourceToTranscript(setMainSpeaker(en, en.speakers.find((s) => !s.main)!.id)).transcript;
    expect(flipped.paragraphs.find((p) => p.text.startsWith('Welcome back'))?.speaker).toBe('main');
  });
});

describe('createMultiMatcher', () => {
  it('finds an English quote verbatim in the English source, named, with speaker name and time', () => {
    const r = multi.check('“I really dislike that word. I am not predicting doom,” he said.');
    expect(r.verdict).toBe('verbatim');
    expect(r.matches[0]).toMatchObject({
      source: { id: 'en-fixture', title: en.title, language: 'en', kind: 'original' },
      speaker: 'main',
      speakerName: 'Dario Amodei',
      time: 231,
    });
  });

  it('keeps the built-in transcript as it was: amodei/host/editor, turn first', () => {
    const r = multi.check('那是我聽過最無恥、最離譜的謊言');
    const alone = createMatcher(transcript, builtinGloss()).check('那是我聽過最無恥、最離譜的謊言');
    expect(r.verdict).toBe('verbatim');
    expect(r.matches.map((m) => m.paragraphId)).toEqual(alone.matches.map((m) => m.paragraphId));
    // the single matcher's headline and keyed explanations come through
    expect(r.headline).toEqual(alone.headline);
    expect(r.noticeKey).toEqual(alone.noticeKey);
    expect(r.matches[0]).toMatchObject({ speaker: 'amodei', speakerName: 'Dario Amodei', source: { id: 'builtin', kind: 'translation' } });
    expect(r.matches[1]).toMatchObject({ speaker: 'editor', speakerName: 'CSDN' });
  });

  it('finds Chinese quotes in an imported GBK source: verbatim and altered (a number changed)', () => {
    const v = multi.check('我非常不喜欢这个词。我并不是在预言末日');
    expect(v.verdict).toBe('verbatim');
    expect(v.matches[0]).toMatchObject({ source: { id: 'zh-fixture', language: 'zh-Hans' }, speaker: 'main', speakerName: '达里奥·阿莫迪' });
    const a = multi.check('连续三年大约每年增长二十倍。这样的曲线也不会永远持续');
    expect(a.verdict).toBe('altered');
    expect(a.matches[0].source?.id).toBe('zh-fixture');
    expect(a.matches[0].differences.length).toBeGreaterThan(0);
  });

  it('attributes the host’s words to the host', () => {
    const r = multi.check('People keep saying progress is slowing down. Is it?');
    expect(r.verdict).toBe('verbatim');
    expect(r.matches[0]).toMatchObject({ speaker: 'other', speakerName: 'Maya Lindqvist', time: 23 });
  });

  it('does not call invented words verbatim or altered', () => {
    for (const q of ['The moon is made of cheese and Amodei likes it very much.', '他说月亮是奶酪做的，而且他非常喜欢。', 'I really love that word. I am predicting doom for everyone soon.']) {
      expect(['related', 'not-found'], q).toContain(multi.check(q).verdict);
    }
  });

  it('refuses invalid input once, as the single matcher does', () => {
    expect(multi.check('')).toMatchObject({ verdict: 'invalid' });
    expect(multi.check('ab')).toMatchObject({ verdict: 'invalid' });
  });

  it('asks only the sources the prefilter points to', () => {
    multi.check('I really dislike that word. I am not predicting doom.');
    expect(multi.stats.lastChecked).toBe(1);
    const r = multi.check('Quantum gardening of purple elephants in Antarctica tonight.');
    expect(r.verdict).toBe('not-found');
    expect(multi.stats.lastChecked).toBeLessThanOrEqual(3);
  });

  it('skips disabled sources and keeps matchers of unchanged ones on setSources', () => {
    const m = createMultiMatcher([builtin, { source: en }]);
    expect(m.check('I really dislike that word. I am not predicting doom.').verdict).toBe('verbatim');
    m.setSources([builtin, { source: { ...en, enabled: false } }]);
    expect(m.stats.enabled).toBe(1);
    expect(m.check('I really dislike that word. I am not predicting doom.').matches.every((x) => x.source?.id !== 'en-fixture')).toBe(true);
    m.setSources([builtin, { source: en }]);
    expect(m.check('I really dislike that word. I am not predicting doom.').verdict).toBe('verbatim');
    expect(m.stats.lastBuildMs).toBe(0); // the English source's matcher was kept
    // a changed main speaker is a changed source: rebuilt
    m.setSources([builtin, { source: setMainSpeaker(en, en.speakers.find((s) => !s.main)!.id) }]);
    expect(m.check('I really dislike that word. I am not predicting doom.').matches[0].speaker).toBe('other');
    expect(m.stats.lastBuildMs).toBeGreaterThan(0);
  });

  it('uses stored signatures as given, and builds the same ones itself', () => {
    const sig = signatureOf({ source: en });
    const m = createMultiMatcher([{ source: en, signature: sig }]);
    expect(m.signatures().get('en-fixture')).toBe(sig);
    expect(createMultiMatcher([{ source: en }]).signatures().get('en-fixture')?.bits).toEqual(sig.bits);
  });

  it('drops least recently used matchers beyond the limit and rebuilds them on need', () => {
    const m = createMultiMatcher([{ source: en }, { source: zh }], { maxLiveMatchers: 1 });
    expect(m.check('I really dislike that word. I am not predicting doom.').verdict).toBe('verbatim');
    expect(m.check('我非常不喜欢这个词。我并不是在预言末日').verdict).toBe('verbatim');
    expect(m.stats.liveMatchers).toBe(1);
    expect(m.check('I really dislike that word. I am not predicting doom.').verdict).toBe('verbatim');
  });

  it('searches every enabled source', () => {
    const hits = multi.search('doomer', 5);
    expect(hits.some((h) => h.source.id === 'en-fixture' && h.text.includes('call you a doomer'))).toBe(true);
    expect(multi.search('末日', 5).some((h) => h.source.id === 'zh-fixture')).toBe(true);
    expect(multi.search('   ')).toEqual([]);
  });

  it('with no enabled source, says so', () => {
    expect(createMultiMatcher([{ source: { ...en, enabled: false } }]).check('I really dislike that word.')).toMatchObject({
      verdict: 'not-found',
      notice: 'No source is enabled.',
    });
  });
});

describe('mergeResults', () => {
  const ref = (id: string, kind: 'original' | 'translation') => ({ id, title: id, language: 'en', kind });
  const match = (paragraphId: string, score: number) => ({
    speaker: 'main' as const, sectionId: 's0', sectionTitle: '', paragraphId, passage: 'x', start: 0, end: 1, score, via: 'text' as const, repaired: false, differences: [],
  });

  it('verbatim before related; an original before a translation; a turn before an intro; at most three', () => {
    const r = mergeResults('q', [
      { result: { query: 'q', verdict: 'related', matches: [match('r1', 0.9)] }, decorate: (m) => ({ ...m, source: ref('a', 'original') }) },
      {
        result: { query: 'q', verdict: 'verbatim', matches: [match('t-intro', 1), match('t-turn', 1)] },
        decorate: (m) => ({ ...m, source: ref('t', 'translation'), paragraphKind: m.paragraphId === 't-intro' ? 'intro' : 'turn' }),
      },
      { result: { query: 'q', verdict: 'verbatim', matches: [match('o1', 1), match('o2', 1)] }, decorate: (m) => ({ ...m, source: ref('o', 'original') }) },
    ]);
    expect(r.verdict).toBe('verbatim');
    expect(r.matches.map((m) => m.paragraphId)).toEqual(['o1', 'o2', 't-turn']);
    expect(r.matches[0]).not.toHaveProperty('paragraphKind');
  });

  it('each quote of a selection takes the strongest answer any source gives it', () => {
    const seg = (query: string, verdict: 'verbatim' | 'not-found', id?: string) => ({ query, verdict, matches: id ? [match(id, 1)] : [] });
    const r = mergeResults('A. B.', [
      { result: { query: 'A. B.', verdict: 'not-found', matches: [match('a', 1)], segments: [seg('A.', 'verbatim', 'a'), seg('B.', 'not-found')] }, decorate: (m) => ({ ...m, source: ref('x', 'original') }) },
      { result: { query: 'A. B.', verdict: 'not-found', matches: [match('b', 1)], segments: [seg('A.', 'not-found'), seg('B.', 'verbatim', 'b')] }, decorate: (m) => ({ ...m, source: ref('y', 'original') }) },
    ]);
    expect(r.segments?.map((s) => [s.verdict, s.matches[0]?.source?.id])).toEqual([['verbatim', 'x'], ['verbatim', 'y']]);
    // two sentences from two sources are two places, never one verbatim quote (issue 18)
    expect(r.verdict).toBe('altered');
    expect(r.stitched?.kind).toBe('apart');
    expect(r.tally).toMatchObject({ total: 2, verbatim: 2 });
    expect(r.matches.map((m) => m.source?.id)).toEqual(['x', 'y']);
  });
});
