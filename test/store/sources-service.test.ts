import 'fake-indexeddb/auto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Transcript } from '../../src/types';
import { createMatcher } from '../../src/match/index';
import { createService } from '../../src/ext/service';
import { createSourcesService, searchIndexFor } from '../../src/ext/sources-service';
import { draftToSource } from '../../src/ext/sources-page';
import { parseSource } from '../../src/sources/parse';
import { SourcesStore } from '../../src/store/sources-store';
import { IDBObjectStore as FakeObjectStore } from 'fake-indexeddb';
import { createPairing } from '../../src/ext/pairs';
import { loadPair } from '../pair/fixture';

const root = path.resolve(import.meta.dirname, '../..');
const transcript = JSON.parse(fs.readFileSync(path.join(root, 'data/transcript.json'), 'utf8')) as Transcript;
const builtin = createService(transcript, undefined, createMatcher);
const QUOTE = 'The curve has bumps in it, but I have not seen it bend the way people predict.';

function fixtureSource(id: string) {
  const r = parseSource({ name: 'interview-en.txt', bytes: new Uint8Array(fs.readFileSync(path.join(root, 'test/fixtures/sources/interview-en.txt'))) });
  if (!r.ok) throw new Error(r.error);
  return draftToSource({ ...r.draft, title: 'The Long Horizon 212', recordingUrl: 'https://www.youtube.com/watch?v=abc' }, id, 1);
}

const opened: SourcesStore[] = [];
function worker(name: string) {
  const store = new SourcesStore(name);
  opened.push(store);
  return { store, service: createSourcesService({ store, builtin, transcript }) };
}
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
});

describe('sources service (the background side)', () => {
  it('checks the built-in transcript alone until a source is saved, then names the source of a match', async () => {
    const name = `svc-${Math.random()}`;
    const { service, store } = worker(name);
    const before = await service.check(QUOTE, 'as-selected');
    expect(before.card.verdict).not.toBe('verbatim');

    const saved = (await service.handle({ type: 'verbatim:sources:save', source: fixtureSource('src-a') })) as { ok: boolean };
    expect(saved.ok).toBe(true);
    // The prefilter signature is stored with the source, in the same write.
    expect((await store.getIndex('src-a'))?.data).toBeTruthy();

    const after = await service.check(QUOTE, 'as-selected');
    expect(after.card.verdict).toBe('verbatim');
    const m = after.card.matches[0];
    expect(m.source).toMatchObject({ id: 'src-a', title: 'The Long Horizon 212', language: 'en' });
    expect(m.speakerName).toBe('Dario Amodei');
    expect(m.hearUrl).toBe(`https://www.youtube.com/watch?v=abc&t=${Math.floor(m.time!)}s`);
  });

  it('a restarted worker reads the sources back from IndexedDB', async () => {
    const name = `svc-${Math.random()}`;
    const first = worker(name);
    await first.service.handle({ type: 'verbatim:sources:save', source: fixtureSource('src-a') });
    await first.service.check(QUOTE, 'as-selected');
    // The built-in signature, built on that first check, is stored for the next start.
    let stored = await first.store.getIndex('builtin');
    for (let i = 0; !stored && i < 50; i++) stored = await first.store.getIndex('builtin');
    expect(stored?.fingerprint).toMatch(/^\d+\|\d+\|\d+$/);
    await first.store.close();
    const second = worker(name);
    const r = await second.service.check(QUOTE, 'as-selected');
    expect(r.card.verdict).toBe('verbatim');
    expect(r.timing.cold).toBe(true);
    expect((await second.service.check(QUOTE, 'as-selected')).timing.cold).toBe(false);
    const hits = await second.service.search('bumps curve bend', 5, 'as-selected');
    expect(hits[0]).toMatchObject({ sourceId: 'src-a', sourceTitle: 'The Long Horizon 212' });
  });

  it('delete, disable and undo take effect on the next check; a refused import changes nothing', async () => {
    const { service } = worker(`svc-${Math.random()}`);
    await service.handle({ type: 'verbatim:sources:save', source: fixtureSource('src-a') });
    const del = (await service.handle({ type: 'verbatim:sources:delete', ids: ['src-a'] })) as { ok: true; ids: string[] };
    expect(del.ids).toEqual(['src-a']);
    expect((await service.check(QUOTE, 'as-selected')).card.matches.some((m) => m.source?.id === 'src-a')).toBe(false);
    await service.handle({ type: 'verbatim:sources:undo', ids: ['src-a'] });
    expect((await service.check(QUOTE, 'as-selected')).card.verdict).toBe('verbatim');
    await service.handle({ type: 'verbatim:sources:set-enabled', id: 'src-a', enabled: false });
    expect((await service.check(QUOTE, 'as-selected')).card.matches.some((m) => m.source?.id === 'src-a')).toBe(false);
    await service.handle({ type: 'verbatim:sources:set-enabled', id: 'src-a', enabled: true });

    const listBefore = await service.handle({ type: 'verbatim:sources:list' });
    for (const pack of [{ format: 'verbatim-source-pack', version: 7, exportedAt: '', sources: [], pairs: [] }, 'not json', { format: 'other' }]) {
      const r = (await service.handle({ type: 'verbatim:sources:import', pack })) as { ok: boolean; error?: string };
      expect(r.ok).toBe(false);
      expect(r.error).toMatch(/^[A-Z].*\.$/);
    }
    expect(await service.handle({ type: 'verbatim:sources:list' })).toEqual(listBefore);
    expect((await service.check(QUOTE, 'as-selected')).card.verdict).toBe('verbatim');
  });

  it('the built-in source can be switched off only while another source is on', async () => {
    const { service } = worker(`svc-${Math.random()}`);
    await service.handle({ type: 'verbatim:sources:set-enabled', id: 'builtin', enabled: false });
    // Nothing else is enabled: the built-in transcript still answers.
    expect((await service.check('我认为唯一真实的东西,就是那条指数曲线', 'as-selected')).card.verdict).toBe('verbatim');
    await service.handle({ type: 'verbatim:sources:save', source: fixtureSource('src-a') });
    const r = await service.check('我认为唯一真实的东西,就是那条指数曲线', 'as-selected');
    expect(r.card.matches.some((m) => !m.source || m.source.id === 'builtin')).toBe(false);
  });

  it('drafts from "Add this page" are handed over once', async () => {
    const { service } = worker(`svc-${Math.random()}`);
    const put = (await service.handle({ type: 'verbatim:sources:put-draft', draft: { title: 'Ep 88', url: 'https://example.com/88', html: '<p>x</p>' } })) as { ok: true; id: string };
    expect(await service.handle({ type: 'verbatim:sources:take-draft', id: put.id })).toMatchObject({ ok: true, draft: { title: 'Ep 88', html: '<p>x</p>' } });
    expect(await service.handle({ type: 'verbatim:sources:take-draft', id: put.id })).toMatchObject({ ok: false });
  });

  it('a generic speaker label ("Speaker 2") named later in Edit stops being generic; the list says which are still unnamed', async () => {
    const { service, store } = worker(`svc-${Math.random()}`);
    const r = parseSource({ text: 'Speaker 1: Where are we on the curve, would you say?\n\nSpeaker 2: Somewhere in the steep part, I think, and it keeps going.\n\nSpeaker 1: And safety?\n\nSpeaker 2: It has to keep up. That is the whole bet.', format: 'paste' });
    if (!r.ok) throw new Error(r.error);
    const source = draftToSource(r.draft, 'src-g', 1);
    expect(source.speakers.every((s) => s.generic)).toBe(true);
    await service.handle({ type: 'verbatim:sources:save', source });
    const list = async () => ((await service.handle({ type: 'verbatim:sources:list' })) as { sources: Array<{ speakers: Array<{ name: string; generic?: true }> }> }).sources[0].speakers;
    expect((await list()).map((s) => [s.name, s.generic])).toEqual([['Speaker 1', true], ['Speaker 2', true]]);
    await service.handle({ type: 'verbatim:sources:update', id: 'src-g', patch: { speakerNames: { sp1: 'Speaker 1', sp2: 'Dario Amodei' } } });
    expect((await list()).map((s) => [s.name, s.generic])).toEqual([['Speaker 1', true], ['Dario Amodei', undefined]]);
    expect((await store.get('src-g'))?.speakers[1]).toEqual({ id: 'sp2', name: 'Dario Amodei', main: true });
  });

  describe('"translation of": the mark and its aligned pair are one write', () => {
    const { original, translation } = loadPair();
    function pairedWorker() {
      const store = new SourcesStore(`svc-pair-${Math.random()}`);
      opened.push(store);
      const pairing = createPairing({ store, transcript });
      return { store, pairing, service: createSourcesService({ store, builtin, transcript, pairing }) };
    }
    async function seeded() {
      const w = pairedWorker();
      const { translationOf: _unmarked, ...plain } = translation;
      await w.store.save(original);
      await w.store.save({ ...plain, kind: 'original' });
      return w;
    }
    const mark = { type: 'verbatim:sources:update', id: translation.id, patch: { translationOf: original.id, kind: 'translation' } } as const;

    it('stores the mark and the pair together', async () => {
      const { store, service } = await seeded();
      expect(await service.handle(mark)).toMatchObject({ ok: true });
      expect((await store.get(translation.id))?.translationOf).toBe(original.id);
      const pairs = await store.pairs();
      expect(pairs.map((p) => [p.translationId, p.originalId])).toEqual([[translation.id, original.id]]);
      expect(pairs[0].links.length).toBeGreaterThan(0);
    });

    it('when storing the pair fails, the mark is not stored either', async () => {
      const { store, service } = await seeded();
      const before = { source: await store.get(translation.id), pairs: await store.pairs() };
      const put = FakeObjectStore.prototype.put;
      FakeObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
        if (this.name === 'pairs') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return put.apply(this, args);
      } as typeof put;
      let r;
      try {
        r = (await service.handle(mark)) as { ok: boolean; error?: string };
      } finally {
        FakeObjectStore.prototype.put = put;
      }
      expect(r.ok).toBe(false);
      expect(r.error).toMatch(/nothing was changed\.$/);
      expect({ source: await store.get(translation.id), pairs: await store.pairs() }).toEqual(before);
    });

    it('saving a source already marked as a translation stores it and its pair together, or neither', async () => {
      const w = pairedWorker();
      await w.store.save(original);
      const put = FakeObjectStore.prototype.put;
      FakeObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
        if (this.name === 'pairs') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return put.apply(this, args);
      } as typeof put;
      let failed;
      try {
        failed = (await w.service.handle({ type: 'verbatim:sources:save', source: translation })) as { ok: boolean };
      } finally {
        FakeObjectStore.prototype.put = put;
      }
      expect(failed.ok).toBe(false);
      expect(await w.store.get(translation.id)).toBeUndefined();
      expect(await w.store.pairs()).toEqual([]);
      expect(await w.service.handle({ type: 'verbatim:sources:save', source: translation })).toMatchObject({ ok: true });
      expect((await w.store.pairs()).map((p) => p.translationId)).toEqual([translation.id]);
    });

    it('a file holding both (save-pair): the two sources, their indexes and their pair in one write, or nothing', async () => {
      const w = pairedWorker();
      const put = FakeObjectStore.prototype.put;
      FakeObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
        if (this.name === 'pairs') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return put.apply(this, args);
      } as typeof put;
      const msg = { type: 'verbatim:sources:save-pair', original, translation } as const;
      let failed;
      try {
        failed = (await w.service.handle(msg)) as { ok: boolean };
      } finally {
        FakeObjectStore.prototype.put = put;
      }
      expect(failed.ok).toBe(false);
      expect(await w.store.get(original.id)).toBeUndefined();
      expect(await w.store.get(translation.id)).toBeUndefined();
      expect(await w.store.getSearchIndex(original.id)).toBeUndefined();
      expect(await w.service.handle(msg)).toMatchObject({ ok: true, ids: [original.id, translation.id] });
      // their search indexes in the same write: the first check after a start builds nothing
      expect(await w.store.getSearchIndex(original.id)).toEqual(searchIndexFor(original));
      expect(await w.store.getSearchIndex(translation.id)).toEqual(searchIndexFor(translation));
      expect((await w.store.get(translation.id))?.translationOf).toBe(original.id);
      expect((await w.store.getIndex(original.id))?.data).toBeTruthy();
      expect((await w.store.getIndex(translation.id))?.data).toBeTruthy();
      const pairs = await w.store.pairs();
      expect(pairs.map((p) => [p.translationId, p.originalId])).toEqual([[translation.id, original.id]]);
      expect(pairs[0].links.length).toBeGreaterThan(0);
      // Not a translation of the other: refused, nothing written.
      const w2 = pairedWorker();
      expect(await w2.service.handle({ type: 'verbatim:sources:save-pair', original, translation: { ...translation, translationOf: 'elsewhere' } })).toMatchObject({ ok: false });
      expect(await w2.store.get(original.id)).toBeUndefined();
    });

    it('deleting a paired source hides its pair until undo brings both back; purge removes both', async () => {
      let clock = 1_800_000_000_000;
      const store = new SourcesStore(`svc-pair-${Math.random()}`, () => clock);
      opened.push(store);
      const pairing = createPairing({ store, transcript });
      const service = createSourcesService({ store, builtin, transcript, pairing });
      await store.save(original);
      await store.save(translation);
      await service.handle(mark);
      const path = await pairing.parallelPath(translation.id, translation.paragraphs[0].id);
      expect(path).toMatch(/^\/parallel\.html\?translation=/);

      await service.handle({ type: 'verbatim:sources:delete', ids: [original.id] });
      expect(await pairing.parallelPath(translation.id, translation.paragraphs[0].id)).toBeNull();
      expect(await pairing.pairOf(translation.id, await store.enabledSources())).toBeNull();

      await service.handle({ type: 'verbatim:sources:undo', ids: [original.id] });
      expect(await pairing.parallelPath(translation.id, translation.paragraphs[0].id)).toBe(path);
      expect((await pairing.pairOf(translation.id, await store.enabledSources()))?.pair.originalId).toBe(original.id);

      await service.handle({ type: 'verbatim:sources:delete', ids: [original.id] });
      clock += 365 * 24 * 3600 * 1000;
      await store.purgeExpired();
      expect(await store.pairs()).toEqual([]);
    });
  });
});
