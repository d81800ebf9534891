import { describe, expect, it } from 'vitest';
import { Ranker, cjkTokens } from '../../src/match/rank';
import { fixture, fixtureGloss } from './fixture';

describe('rank', () => {
  it('tokenises Han runs into bigrams and keeps Latin words', () => {
    expect(cjkTokens('我們視 AI 安全,好')).toEqual(['我们', '们视', 'ai', '安全', '好']);
    expect(cjkTokens('責(zé)編')).toEqual(['责编']);
  });

  const ranker = Ranker.build(fixture.paragraphs.map((p, index) => ({ index, text: p.text, gloss: fixtureGloss[p.id] })));

  it('ranks the paragraph sharing the most words first', () => {
    const r = ranker.rankChinese('有人说我想放慢脚步,我非常愤怒');
    expect(fixture.paragraphs[r[0].index].id).toBe('p008');
  });

  it('ranks gloss paragraphs for English queries', () => {
    expect(ranker.hasGloss).toBe(true);
    const r = ranker.rankEnglish('my father died of a disease; treatments came a few years later');
    expect(fixture.paragraphs[r[0].index].id).toBe('p008');
  });

  it('has no English ranking without a gloss', () => {
    const bare = Ranker.build(fixture.paragraphs.map((p, index) => ({ index, text: p.text })));
    expect(bare.hasGloss).toBe(false);
    expect(bare.rankEnglish('anything at all')).toEqual([]);
  });
});
