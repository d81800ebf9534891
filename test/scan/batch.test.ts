import { describe, expect, it } from 'vitest';
import { checkBatch, MAX_BATCH } from '../../src/ext/scan-batch';
import type { CardModel } from '../../src/view/model';

const fake = (text: string): CardModel => ({ query: text, verdict: 'not-found', script: 'simplified', matches: [], videoUrl: '' });

describe('checkBatch', () => {
  it('answers every quote in order through the one check function', async () => {
    const seen: string[] = [];
    const r = await checkBatch(['b', 'a', 'c'], async (t) => (seen.push(t), fake(t)));
    expect(r.cards.map((c) => c.query)).toEqual(['b', 'a', 'c']);
    expect(seen).toEqual(['b', 'a', 'c']);
    expect(r.checkMs).toBeGreaterThanOrEqual(0);
  });
  it('is safe with bad input and caps the batch', async () => {
    expect((await checkBatch('nope', fake)).cards).toEqual([]);
    expect((await checkBatch([1, null], fake)).cards.map((c) => c.query)).toEqual(['1', '']);
    expect((await checkBatch(Array.from({ length: MAX_BATCH + 5 }, (_, i) => `q${i}`), fake)).cards.length).toBe(MAX_BATCH);
  });
});
