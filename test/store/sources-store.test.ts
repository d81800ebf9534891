import 'fake-indexeddb/auto';
import { IDBObjectStore as FakeObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { PACK_FORMAT, SourcesStore, UNDO_WINDOW_MS } from '../../src/store/sources-store';
import { DB_VERSION } from '../../src/store/db';
import { SOURCE_SCHEMA_VERSION, type SourcePack } from '../../src/sources/model';
import { sampleSource } from './fixtures';

let n = 0;
const stores: SourcesStore[] = [];
function fresh(now?: () => number): { store: SourcesStore; name: string } {
  const name = `test-${++n}-${Math.random()}`;
  const store = new SourcesStore(name, now);
  stores.push(store);
  return { store, name };
}
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

/** Everything in the database, to compare before and after a failed write. */
async function snapshot(store: SourcesStore) {
  return { sources: await store.list(), pack: await store.exportPack('x'), pairs: await store.pairs() };
}

/** Makes the `nth` put (1-based, counted from now) fail the way a full disk does. */
function failNthPut(nth: number): () => void {
  const original = FakeObjectStore.prototype.put;
  let calls = 0;
  FakeObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    if (++calls === nth) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return original.apply(this, args);
  } as typeof original;
  return () => {
    FakeObjectStore.prototype.put = original;
  };
}

describe('SourcesStore', () => {
  it('saves, lists (summaries without text), gets and lists enabled sources', async () => {
    const { store } = fresh();
    expect(await store.save(sampleSource('a'))).toEqual({ ok: true, id: 'a' });
    expect(await store.save(sampleSource('b', { enabled: false, addedAt: 1_800_000_000_000 }))).toMatchObject({ ok: true });
    const list = await store.list();
    expect(list.map((s) => s.id)).toEqual(['a', 'b']);
    expect(list[0]).toMatchObject({ title: 'Interview a', paragraphs: 2, hasTimes: true, enabled: true, speakers: [{ name: 'Lex' }, { name: 'Dario', main: true }] });
    expect((await store.get('a'))?.paragraphs[1].text).toContain('Scaling in a');
    expect((await store.enabledSources()).map((s) => s.id)).toEqual(['a']);
  });

  it('refuses a source it cannot keep, with one sentence', async () => {
    const { store } = fresh();
    const bad = [
      sampleSource('x', { paragraphs: [] }),
      sampleSource('x', { title: '  ' }),
      sampleSource('x', { recordingUrl: 'javascript:alert(1)' }),
      sampleSource('x', { speakers: [{ id: 'sp1', name: 'A', main: false }] }),
      sampleSource('builtin'),
      sampleSource('x', { date: 'yesterday' }),
    ];
    for (const s of bad) {
      const r = await store.save(s);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(/^[A-Z].*\.$/);
    }
    expect(await store.list()).toEqual([]);
  });

  it('updates metadata, speaker names and the main speaker in one write', async () => {
    const { store } = fresh();
    await store.save(sampleSource('a'));
    const r = await store.update('a', { title: 'Lex Fridman #452', recordingUrl: 'https://www.youtube.com/watch?v=abc', speakerNames: { sp2: 'Dario Amodei' }, mainSpeakerId: 'sp2', date: null, enabled: false });
    expect(r).toMatchObject({ ok: true, source: { title: 'Lex Fridman #452', enabled: false } });
    const s = await store.get('a');
    expect(s?.speakers).toEqual([{ id: 'sp1', name: 'Lex', main: false }, { id: 'sp2', name: 'Dario Amodei', main: true }]);
    expect(s?.date).toBeUndefined();
    expect(s?.recordingUrl).toBe('https://www.youtube.com/watch?v=abc');
    const bad = await store.update('a', { url: 'javascript:void 0' });
    expect(bad).toEqual({ ok: false, error: 'Links must be http or https addresses.' });
    expect((await store.get('a'))?.url).toBeUndefined();
  });

  it('delete with undo: the record survives a restart within the window, and is purged after it', async () => {
    let clock = 1_900_000_000_000;
    const { store, name } = fresh(() => clock);
    await store.save(sampleSource('a'));
    await store.save(sampleSource('b'));
    const del = await store.remove(['a']);
    expect(del).toEqual({ ok: true, ids: ['a'], undoUntil: clock + UNDO_WINDOW_MS });
    expect((await store.enabledSources()).map((s) => s.id)).toEqual(['b']);
    expect(await store.get('a')).toBeUndefined();
    expect((await store.exportPack()).sources.map((s) => s.id)).toEqual(['b']);

    // The worker stops: a new store on the same database still has the deleted record.
    await store.close();
    const again = new SourcesStore(name, () => clock);
    stores.push(again);
    expect((await again.list()).find((s) => s.id === 'a')?.deletedAt).toBe(clock);
    expect(await again.undoRemove(['a'])).toEqual({ ok: true, ids: ['a'] });
    expect((await again.enabledSources()).map((s) => s.id)).toEqual(['a', 'b']);

    // Deleted again, then the window passes: gone for good, undo says so.
    await again.remove(['a']);
    clock += UNDO_WINDOW_MS + 1;
    expect((await again.list()).map((s) => s.id)).toEqual(['b']);
    const late = await again.undoRemove(['a']);
    expect(late.ok).toBe(false);
  });

  it('delete all, then undo all', async () => {
    const { store } = fresh();
    await store.save(sampleSource('a'));
    await store.save(sampleSource('b'));
    const r = await store.removeAll();
    expect(r).toMatchObject({ ok: true, ids: ['a', 'b'] });
    expect(await store.enabledSources()).toEqual([]);
    if (r.ok) await store.undoRemove(r.ids);
    expect((await store.enabledSources()).length).toBe(2);
  });

  it('export → delete all → import round trip gives the same sources and pairs', async () => {
    const { store } = fresh();
    await store.save(sampleSource('a'));
    await store.save(sampleSource('b', { kind: 'translation', translationOf: 'a', language: 'zh-Hans' }));
    await store.putPair({ translationId: 'b', originalId: 'a', links: [{ translation: ['p001'], original: ['p001'] }], updatedAt: 1 });
    const pack = await store.exportPack('2026-01-01T00:00:00.000Z');
    expect(pack).toMatchObject({ format: PACK_FORMAT, version: 1, sources: [{ id: 'a' }, { id: 'b' }], pairs: [{ translationId: 'b' }] });
    expect(JSON.parse(JSON.stringify(pack))).toEqual(pack);
    await store.removeAll();
    const r = await store.importPack(JSON.parse(JSON.stringify(pack)));
    expect(r).toEqual({ ok: true, ids: ['a', 'b'] });
    expect(await store.exportPack('2026-01-01T00:00:00.000Z')).toEqual(pack);
    const { store: other } = fresh();
    expect(await other.importPack(pack)).toMatchObject({ ok: true });
    expect((await other.enabledSources()).map((s) => s.id)).toEqual(['a', 'b']);
  });

  describe('a failed write leaves the store exactly as it was', () => {
    async function seeded() {
      const { store } = fresh();
      await store.save(sampleSource('a'));
      await store.save(sampleSource('b'));
      await store.remove(['b']);
      return store;
    }
    const newer = (): SourcePack => ({ format: PACK_FORMAT, version: 99, exportedAt: 'x', sources: [sampleSource('c')], pairs: [] });

    it('quota exceeded halfway through an import (the third put fails)', async () => {
      const store = await seeded();
      const before = await snapshot(store);
      const pack: SourcePack = { format: PACK_FORMAT, version: 1, exportedAt: 'x', sources: [sampleSource('a', { title: 'changed' }), sampleSource('c'), sampleSource('d')], pairs: [] };
      const restore = failNthPut(3);
      let r;
      try {
        r = await store.importPack(pack);
      } finally {
        restore();
      }
      expect(r).toEqual({ ok: false, error: 'The browser has no storage space left for this source pack, so nothing was changed.' });
      expect(await snapshot(store)).toEqual(before);
    });

    it('quota exceeded on save, update and delete', async () => {
      const store = await seeded();
      const before = await snapshot(store);
      for (const attempt of [() => store.save(sampleSource('z')), () => store.update('a', { title: 'new' }), () => store.remove(['a'])]) {
        const restore = failNthPut(1);
        try {
          const r = await attempt();
          expect(r.ok).toBe(false);
          if (!r.ok) expect(r.error).toMatch(/no storage space left.*nothing was changed\.$/);
        } finally {
          restore();
        }
        expect(await snapshot(store)).toEqual(before);
      }
    });

    it('a pack from a newer version, not a pack, an empty pack, a broken source inside', async () => {
      const store = await seeded();
      const before = await snapshot(store);
      const cases: Array<[unknown, RegExp]> = [
        [newer(), /newer version of Verbatim/],
        [{ ...newer(), version: 1, sources: [sampleSource('c', { schemaVersion: SOURCE_SCHEMA_VERSION + 1 })] }, /newer version/],
        [{ hello: 'world' }, /not a Verbatim source pack/],
        [{ ...newer(), version: 1, sources: [] }, /holds no sources/],
        [{ ...newer(), version: 1, sources: [sampleSource('c'), sampleSource('d', { paragraphs: [] })] }, /no text/],
      ];
      for (const [pack, reason] of cases) {
        const r = await store.importPack(pack as SourcePack);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.error).toMatch(reason);
        expect(await snapshot(store)).toEqual(before);
      }
    });
  });

  it('built-in settings and drafts', async () => {
    const { store } = fresh();
    expect(await store.builtinSettings()).toEqual({ enabled: true });
    await store.setBuiltinSettings({ enabled: false, translationOf: 'a' });
    expect(await store.builtinSettings()).toEqual({ enabled: false, translationOf: 'a' });
    const d = await store.putDraft({ title: 'A page', url: 'https://example.com/t', text: 'Hello' });
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    expect(await store.takeDraft(d.id)).toMatchObject({ title: 'A page', text: 'Hello' });
    expect(await store.takeDraft(d.id)).toBeUndefined();
  });
});

describe('schema upgrade', () => {
  it('a version-1 database with version-0 records is upgraded without losing a record', async () => {
    const name = `legacy-${Math.random()}`;
    const v1 = await openDB(name, 1, { upgrade: (db) => void db.createObjectStore('sources', { keyPath: 'id' }) });
    // Records of the shape before the shared model: no schemaVersion, kind, format, enabled, sections, main.
    await v1.put('sources', { id: 'old1', title: 'Old one', language: 'en', addedAt: 5, speakers: [{ id: 'sp1', name: 'Dario' }], paragraphs: [{ id: 'p001', speakerId: 'sp1', text: 'Words kept.', time: 12 }] });
    await v1.put('sources', { id: 'old2', title: 'Old two', enabled: false, paragraphs: [{ text: 'Plain text.' }], speakers: [] });
    v1.close();

    const store = new SourcesStore(name);
    stores.push(store);
    const list = await store.list();
    expect(list.map((s) => s.id)).toEqual(['old2', 'old1']);
    const old1 = await store.get('old1');
    expect(old1).toMatchObject({
      schemaVersion: SOURCE_SCHEMA_VERSION,
      kind: 'original',
      enabled: true,
      speakers: [{ id: 'sp1', name: 'Dario', main: true }],
      paragraphs: [{ id: 'p001', sectionId: 's0', kind: 'turn', speakerId: 'sp1', text: 'Words kept.', time: 12 }],
      sections: [{ id: 's0', paragraphIds: ['p001'] }],
    });
    expect(await store.get('old2')).toMatchObject({ enabled: false, paragraphs: [{ id: 'p001', kind: 'text', text: 'Plain text.' }] });
    // The new stores exist.
    await store.setBuiltinSettings({ enabled: false });
    const raw = await openDB(name);
    expect(raw.version).toBe(DB_VERSION);
    expect([...raw.objectStoreNames].sort()).toEqual(['drafts', 'indexes', 'pairs', 'searchIndexes', 'settings', 'sources']);
    raw.close();
  });
});
