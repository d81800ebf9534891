import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createPairing, pairFits, type PairStore } from '../../src/ext/pairs';
import type { SourcePair } from '../../src/sources/model';
import type { CheckResult, Transcript } from '../../src/types';
import { loadPair } from './fixture';

const root = fileURLToPath(new URL('../../', import.meta.url));
const transcript = JSON.parse(readFileSync(root + 'data/transcript.json', 'utf8')) as Transcript;

function memoryStore(): PairStore & { saved: SourcePair[]; writes: number } {
  const store = {
    saved: [] as SourcePair[],
    writes: 0,
    async pairs() {
      return store.saved.map((p) => structuredClone(p));
    },
    async putPair(pair: SourcePair) {
      store.writes++;
      store.saved = [...store.saved.filter((p) => !(p.translationId === pair.translationId && p.originalId === pair.originalId)), structuredClone(pair)];
      return { ok: true };
    },
    async builtinSettings() {
      return { enabled: true };
    },
  };
  return store;
}

const { original, translation } = loadPair();
const match = (sourceId: string, paragraphId: string, start: number, end: number): CheckResult => ({
  query: 'q',
  verdict: 'verbatim',
  matches: [
    {
      speaker: 'main',
      sectionId: 's0',
      sectionTitle: '',
      paragraphId,
      passage: '',
      start,
      end,
      score: 1,
      via: 'text',
      repaired: false,
      differences: [],
      source: { id: sourceId, title: sourceId, language: 'zh-Hans', kind: 'translation' },
    },
  ],
});

describe('pairing in the background', () => {
  it('aligns a marked translation once, stores the pair, and decorates checks from the stored pair', async () => {
    const store = memoryStore();
    const pairing = createPairing({ store, transcript });
    const sources = [original, translation];
    const r1 = await pairing.decorate(match(translation.id, 'p023', 19, 32), sources);
    expect(store.writes).toBe(1);
    expect(r1.matches[0].counterpart).toMatchObject({ sourceId: original.id, paragraphId: 'p026', title: original.title, language: 'en' });
    await pairing.decorate(match(translation.id, 'p023', 19, 32), sources);
    // A new worker (fresh service, same store) reads the stored pair instead of aligning again.
    await createPairing({ store, transcript }).decorate(match(translation.id, 'p001', 0, 4), sources);
    expect(store.writes).toBe(1);
  });

  it('stores a reader correction, which survives a new worker and a re-alignment', async () => {
    const store = memoryStore();
    const sources = [original, translation];
    const pairing = createPairing({ store, transcript });
    const r = await pairing.correct(translation.id, { translation: ['p005'], original: ['p007'] }, sources);
    expect(r.ok).toBe(true);
    const fresh = await createPairing({ store, transcript }).pairOf(translation.id, sources);
    expect(fresh!.pair.links.find((l) => l.translation.includes('p005'))).toMatchObject({ original: ['p007'], corrected: true });
    // The translation gains a paragraph: the pair no longer fits and is re-aligned, keeping the correction.
    const longer = { ...translation, paragraphs: [...translation.paragraphs, { ...translation.paragraphs[0], id: 'p099', text: '补充说明。' }] };
    expect(pairFits(fresh!.pair, longer, original)).toBe(false);
    const again = await createPairing({ store, transcript }).pairOf(translation.id, [original, longer]);
    expect(pairFits(again!.pair, longer, original)).toBe(true);
    expect(again!.pair.links.find((l) => l.translation.includes('p005'))).toMatchObject({ original: ['p007'], corrected: true });
  });

  it('does nothing for sources that are not marked as translations', async () => {
    const store = memoryStore();
    const pairing = createPairing({ store, transcript });
    const r = await pairing.decorate(match(original.id, 'p001', 0, 4), [original, { ...translation, translationOf: undefined }]);
    expect(r.matches[0].counterpart).toBeUndefined();
    expect(store.writes).toBe(0);
  });

  it('"Open full section" of a paired source goes to the side-by-side page, of an unpaired one nowhere new', async () => {
    const store = memoryStore();
    const pairing = createPairing({ store, transcript });
    expect(await pairing.parallelPath(translation.id, 'p023')).toBeNull();
    await pairing.decorate(match(translation.id, 'p023', 19, 32), [original, translation]);
    expect(await pairing.parallelPath(translation.id, 'p023')).toBe(`/parallel.html?translation=${translation.id}&at=p023`);
    expect(await pairing.parallelPath(original.id, 'p026')).toBe(`/parallel.html?translation=${translation.id}&original=p026`);
    expect(await pairing.parallelPath(undefined, 'p017')).toBeNull();
  });
});
