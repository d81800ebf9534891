import { describe, expect, it } from 'vitest';
import { detectScript, parseTranscriptHash, toCardModel, transcriptPath, withGlosses } from '../../src/view/model';
import { altered, english, multi, notFound, related, verbatim } from './fixtures';
import { tables, transcript } from './builtin';

const p030 = transcript.paragraphs.find((p) => p.id === 'p030')!;

describe('script detection', () => {
  it('tells Simplified from Traditional quotes and says unknown for English', () => {
    expect(detectScript('我认为唯一真实的东西,就是那条指数曲线', tables)).toBe('simplified');
    expect(detectScript('我認為唯一真實的東西,就是那條指數曲線', tables)).toBe('traditional');
    expect(detectScript('I get very angry', tables)).toBe('unknown');
  });
});

describe('toCardModel', () => {
  const real = { ...verbatim, matches: [{ ...verbatim.matches[0], passage: p030.text, start: p030.text.indexOf('我認為唯一'), end: p030.text.indexOf('曲線') + 2 }] };

  it('shows a Simplified quote in Simplified (as selected), with the same span', () => {
    const m = toCardModel(real, { transcript, tables, setting: 'as-selected' });
    expect(m.script).toBe('simplified');
    expect(m.matches[0].passage).toBe(p030.simplified);
    expect(m.matches[0].passage.slice(m.matches[0].start, m.matches[0].end)).toBe('我认为唯一真实的东西,就是那条指数曲线');
    expect(m.matches[0].sectionTitle).toBe(transcript.sections.find((s) => s.id === 's2')!.titleSimplified);
    expect(m.videoUrl).toBe('https://www.youtube.com/watch?v=mYDSSRS-B5U');
  });

  it('names the words of a repaired passage that were restored, in the display script', () => {
    const repaired = { ...real, matches: [{ ...real.matches[0], paragraphId: 'p030', repaired: true }] };
    expect(toCardModel(repaired, { transcript, tables, setting: 'simplified' }).matches[0].restored).toEqual(['为我们投入了更多的算力', '数']);
    expect(toCardModel(repaired, { transcript, tables, setting: 'traditional' }).matches[0].restored).toEqual(['為我們投入了更多的算力', '數']);
    const clean = { ...real, matches: [{ ...real.matches[0], repaired: false }] };
    expect(toCardModel(clean, { transcript, tables, setting: 'traditional' }).matches[0].restored).toBeUndefined();
  });

  it('follows the option over the quote when a script is forced', () => {
    expect(toCardModel(real, { transcript, tables, setting: 'traditional' }).matches[0].passage).toBe(p030.text);
    const simp = toCardModel({ ...real, query: '我認為唯一真實的東西' }, { transcript, tables, setting: 'simplified' });
    expect(simp.matches[0].passage).toBe(p030.simplified);
  });

  it('keeps the best match for verbatim/altered, up to three for related, none for not-found', () => {
    const ctx = { transcript, tables, setting: 'traditional' as const };
    expect(toCardModel({ ...altered, matches: [altered.matches[0], altered.matches[0]] }, ctx).matches).toHaveLength(1);
    expect(toCardModel(related, ctx).matches).toHaveLength(2);
    expect(toCardModel(notFound, ctx).matches).toHaveLength(0);
    expect(toCardModel(english, ctx).notice).toContain('English');
  });

  it('converts the transcript side of differences, not the quote side', () => {
    const r = { ...altered, matches: [{ ...altered.matches[0], differences: [{ quote: '增长', transcript: '增長' }] }] };
    const m = toCardModel(r, { transcript, tables, setting: 'simplified' });
    expect(m.matches[0].differences).toEqual([{ quote: '增长', transcript: '增长' }]);
  });

  it('clamps a span that runs past the passage', () => {
    const r = { ...verbatim, matches: [{ ...verbatim.matches[0], start: 5, end: 10_000 }] };
    const m = toCardModel(r, { transcript, tables, setting: 'traditional' });
    expect(m.matches[0].end).toBe(m.matches[0].passage.length);
  });

  it('maps segments one by one', () => {
    const m = toCardModel(multi, { transcript, tables, setting: 'as-selected' });
    expect(m.segments?.map((s) => s.matches[0].paragraphId)).toEqual(['p116', 'p120']);
  });
});

describe('transcript links', () => {
  it('round-trips section/paragraph and carries the span', () => {
    const url = transcriptPath('s3', 'p047', { start: 4, end: 12, script: 'simplified' });
    expect(url).toBe('/transcript.html?span=4-12&script=simplified#s3/p047');
    expect(parseTranscriptHash('#s3/p047')).toEqual({ sectionId: 's3', paragraphId: 'p047' });
    expect(parseTranscriptHash('#p047')).toEqual({ paragraphId: 'p047' });
    expect(parseTranscriptHash('#s3')).toEqual({ sectionId: 's3' });
    expect(parseTranscriptHash('')).toEqual({});
  });
});

describe('gloss matches', () => {
  it('highlight no Chinese span (the link is through the English gloss)', async () => {
    const { english } = await import('./fixtures');
    const r = { ...english, matches: [{ ...english.matches[0], start: 0, end: 40 }] };
    const m = toCardModel(r, { transcript, tables, setting: 'traditional' });
    expect([m.matches[0].start, m.matches[0].end]).toEqual([0, 0]);
  });
});

describe('withGlosses', () => {
  const m = (via: 'text' | 'gloss') => ({
    speaker: 'amodei' as const, sectionId: 's1', sectionTitle: 't', paragraphId: 'p017', passage: '中文', start: 0, end: 2,
    score: 1, via, repaired: false, differences: [], gloss: 'English',
  });
  const card = { query: 'q', verdict: 'related' as const, script: 'traditional' as const, videoUrl: 'v', matches: [m('text'), m('gloss')] };

  it('keeps the gloss of every passage when the interface is English', () => {
    expect(withGlosses(card, 'en').matches.map((x) => x.gloss)).toEqual(['English', 'English']);
  });

  it('keeps it only for passages found through the gloss otherwise, in segments too', () => {
    const out = withGlosses({ ...card, segments: [card] }, 'zh_CN');
    expect(out.matches.map((x) => x.gloss)).toEqual([undefined, 'English']);
    expect(out.segments![0].matches.map((x) => x.gloss)).toEqual([undefined, 'English']);
  });
});
