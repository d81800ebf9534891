import { describe, expect, it } from 'vitest';
import { alignPair } from '../../src/pair/align';
import { counterpartIndex, matchCounterpart } from '../../src/pair/counterpart';
import type { SourcePair } from '../../src/sources/model';
import { loadPair } from './fixture';

const { original, translation } = loadPair();
const pair: SourcePair = { translationId: translation.id, originalId: original.id, links: alignPair(translation, original), updatedAt: 0 };
const index = counterpartIndex(pair, translation, original);
const text = (side: 'zh' | 'en', id: string) => (side === 'zh' ? translation : original).paragraphs.find((p) => p.id === id)!.text;
const span = (side: 'zh' | 'en', id: string, quote: string): [number, number] => {
  const at = text(side, id).indexOf(quote);
  if (at < 0) throw new Error(`fixture lacks ${quote}`);
  return [at, at + quote.length];
};

describe('counterpart: Chinese quote → English original', () => {
  it('gives the English sentence a Chinese sentence renders, highlighted', () => {
    const [s, e] = span('zh', 'p017', '而这恰恰是新毕业生学习本行的工作');
    const a = index.find(translation.id, 'p017', s, e)!;
    expect(a.side).toBe('original');
    expect(a.dropped).toBeNull();
    expect(a.counterpart).toMatchObject({ sourceId: original.id, paragraphId: 'p020', paragraphIds: ['p019', 'p020'] });
    const c = a.counterpart!;
    expect(c.text.slice(c.start, c.end)).toBe('That is exactly the work a new graduate does to learn the trade, which is what worries me most.');
  });

  it('gives the right half of a split answer', () => {
    const [s, e] = span('zh', 'p012', '一旦模型越过阈值');
    const c = index.find(translation.id, 'p012', s, e)!.counterpart!;
    expect(c.paragraphId).toBe('p014');
    expect(c.text.slice(c.start, c.end)).toMatch(/^If the model crosses a threshold/);
  });

  it('has the Match.counterpart shape for the CLI and the card', () => {
    const [s, e] = span('zh', 'p006', '成本在10亿美元量级');
    const m = matchCounterpart(index.find(translation.id, 'p006', s, e));
    expect(m).toEqual({ sourceId: original.id, paragraphId: 'p007', text: text('en', 'p007'), start: 0, end: expect.any(Number) });
    expect(m!.text.slice(m!.start, m!.end)).toBe('Models that are being trained now cost on the order of a billion dollars.');
  });
});

describe('counterpart: English quote → the translation’s rendering', () => {
  it('gives the Chinese rendering of an English sentence', () => {
    const [s, e] = span('en', 'p026', 'hundreds of thousands of them');
    const a = index.find(original.id, 'p026', s, e)!;
    expect(a.side).toBe('translation');
    expect(a.dropped).toBeNull();
    const c = a.counterpart!;
    expect(c.paragraphId).toBe('p023');
    expect(c.text.slice(c.start, c.end)).toBe('最强的模型需要数十万块芯片。');
  });

  it('says when the translation dropped the paragraph', () => {
    const [s, e] = span('en', 'p011', 'Mostly to read long documents faster.');
    expect(index.find(original.id, 'p011', s, e)).toEqual({ side: 'translation', counterpart: null, dropped: 'paragraph' });
    expect(matchCounterpart(index.find(original.id, 'p011', s, e))).toBeNull();
  });

  it('says when the translation dropped the sentence, and shows the paragraph without a highlight', () => {
    const [s, e] = span('en', 'p009', 'No curve like that does.');
    const a = index.find(original.id, 'p009', s, e)!;
    expect(a.dropped).toBe('sentence');
    expect(a.counterpart).toMatchObject({ paragraphId: 'p008' });
    expect(a.counterpart!.start).toBeUndefined();
  });
});

describe('counterpart: outside the pair', () => {
  it('is null for another source or an unknown paragraph', () => {
    expect(index.find('builtin', 'p001', 0, 5)).toBeNull();
    expect(index.find(translation.id, 'p999', 0, 5)).toBeNull();
  });

  it('falls back to the linked paragraph when the pair has no sentence links', () => {
    const bare: SourcePair = { ...pair, links: pair.links.map((l) => ({ translation: l.translation, original: l.original })) };
    const a = counterpartIndex(bare, translation, original).find(translation.id, 'p004', 0, 4)!;
    expect(a).toMatchObject({ dropped: null, counterpart: { paragraphId: 'p004', paragraphIds: ['p004', 'p005'] } });
    expect(a.counterpart!.start).toBeUndefined();
  });
});
