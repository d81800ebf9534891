/**
 * Readers' sources in IndexedDB. Every write that touches several records runs in ONE readwrite
 * transaction that is aborted on the first failure, so a failed save or import leaves the store
 * exactly as it was; each failure comes back as one sentence (`{ ok: false, error }`).
 *
 * Deleting is soft: the record gets `deletedAt` and stays until the undo window has passed, so
 * an undo works after the worker (or the page) restarted; `purgeExpired` removes it for good.
 */
import { SOURCE_SCHEMA_VERSION, BUILTIN_SOURCE_ID, type Source, type SourcePack, type SourcePair } from '../sources/model';
import type { IDBPTransaction } from 'idb';
import { exportPack as buildPack, PACK_FORMAT, PACK_VERSION } from '../sources/pack';
import { openSourcesDb, type Db, type SourcesDB, type StoredDraft, type StoredIndex, type StoredSource } from './db';
import { migrateSourceRecord } from './migrate';
import { isGenericName } from '../sources/draft';
import { parseAliases } from '../people/aliases';

/** How long a deleted source can be brought back. */
export const UNDO_WINDOW_MS = 5 * 60_000;
/** Drafts ("Add this page") not reviewed within a day are dropped. */
export const DRAFT_TTL_MS = 24 * 3600_000;
export { PACK_FORMAT, PACK_VERSION };

export type Outcome<T = object> = ({ ok: true } & T) | { ok: false; error: string };

/** What the Sources page lists: everything but the text. */
export interface SourceSummary {
  id: string;
  title: string;
  language: string;
  date?: string;
  url?: string;
  recordingUrl?: string;
  kind: Source['kind'];
  translationOf?: string;
  format: Source['format'];
  paragraphs: number;
  characters: number;
  speakers: Array<{ id: string; name: string; main: boolean; generic?: true; aliases?: string[] }>;
  hasTimes: boolean;
  enabled: boolean;
  addedAt: number;
  deletedAt?: number;
}

/** What the reader may change after saving. */
export interface SourcePatch {
  title?: string;
  date?: string | null;
  url?: string | null;
  recordingUrl?: string | null;
  language?: string;
  kind?: Source['kind'];
  translationOf?: string | null;
  enabled?: boolean;
  /** Speaker id → new name. */
  speakerNames?: Record<string, string>;
  /** Speaker id → the other names the press gives them (replaces the list; cleaned with parseAliases). */
  speakerAliases?: Record<string, string[]>;
  mainSpeakerId?: string;
}

/** The built-in transcript is not stored; the reader's choices about it are. */
export interface BuiltinSettings {
  enabled: boolean;
  translationOf?: string;
}

export function summarize(s: StoredSource): SourceSummary {
  return {
    id: s.id,
    title: s.title,
    language: s.language,
    ...(s.date ? { date: s.date } : {}),
    ...(s.url ? { url: s.url } : {}),
    ...(s.recordingUrl ? { recordingUrl: s.recordingUrl } : {}),
    kind: s.kind,
    ...(s.translationOf ? { translationOf: s.translationOf } : {}),
    format: s.format,
    paragraphs: s.paragraphs.length,
    characters: s.paragraphs.reduce((n, p) => n + p.text.length, 0),
    speakers: s.speakers.map((sp) => ({ id: sp.id, name: sp.name, main: sp.main, ...(sp.generic ? { generic: true as const } : {}), ...(sp.aliases?.length ? { aliases: [...sp.aliases] } : {}) })),
    hasTimes: s.paragraphs.some((p) => typeof p.time === 'number'),
    enabled: s.enabled,
    addedAt: s.addedAt,
    ...(s.deletedAt ? { deletedAt: s.deletedAt } : {}),
  };
}

/** One sentence for a failed write. */
export function failureReason(e: unknown, what = 'the sources'): string {
  const name = e && typeof e === 'object' && 'name' in e ? String((e as { name: unknown }).name) : '';
  if (name === 'QuotaExceededError') return `The browser has no storage space left for ${what}, so nothing was changed.`;
  if (name === 'DataCloneError') return `Part of ${what} cannot be stored, so nothing was changed.`;
  const msg = e instanceof Error ? e.message : String(e);
  return `Saving ${what} failed (${msg.replace(/\.$/, '')}), so nothing was changed.`;
}

/** Strips the store's bookkeeping: the pure Source of the model. */
export function toSource(s: StoredSource): Source {
  const { deletedAt: _d, updatedAt: _u, ...source } = s;
  return source;
}

type StoreName = 'sources' | 'pairs' | 'indexes' | 'searchIndexes' | 'settings' | 'drafts';
type WriteTx = IDBPTransaction<SourcesDB, StoreName[], 'readwrite'>;

export class SourcesStore {
  private dbp: Promise<Db> | null = null;

  constructor(private readonly name?: string, private readonly now: () => number = Date.now) {}

  private db(): Promise<Db> {
    if (!this.dbp) {
      this.dbp = openSourcesDb(this.name);
      // A failed open (private mode, a blocked upgrade) must be retried on the next call.
      this.dbp.catch(() => (this.dbp = null));
    }
    return this.dbp;
  }

  async close(): Promise<void> {
    const p = this.dbp;
    this.dbp = null;
    if (p) (await p.catch(() => null))?.close();
  }

  /** Every source, deleted ones (still in their undo window) included, oldest first. */
  async list(): Promise<SourceSummary[]> {
    await this.purgeExpired();
    const all = await (await this.db()).getAll('sources');
    return all.map(summarize).sort((a, b) => a.addedAt - b.addedAt || a.id.localeCompare(b.id));
  }

  async get(id: string): Promise<Source | undefined> {
    const s = await (await this.db()).get('sources', id);
    return s && !s.deletedAt ? toSource(s) : undefined;
  }

  /** The enabled, not deleted sources, in the shape of the model. */
  async enabledSources(): Promise<Source[]> {
    const all = await (await this.db()).getAll('sources');
    return all.filter((s) => s.enabled && !s.deletedAt && s.schemaVersion <= SOURCE_SCHEMA_VERSION).map(toSource);
  }

  /**
   * Runs `fn` in one readwrite transaction over `stores`; on any failure the transaction is
   * aborted (nothing it wrote stays) and the reason comes back as one sentence. `fn` must only
   * await IndexedDB requests of `tx` (any other await would let the transaction commit early).
   */
  private async write<T extends object>(
    stores: StoreName[],
    what: string,
    fn: (tx: WriteTx) => Promise<Outcome<T>>,
  ): Promise<Outcome<T>> {
    const db = await this.db();
    const tx = db.transaction(stores, 'readwrite');
    let result: Outcome<T>;
    try {
      result = await fn(tx);
    } catch (e) {
      abortQuietly(tx);
      await tx.done.catch(() => undefined);
      return { ok: false, error: failureReason(e, what) };
    }
    if (!result.ok) {
      abortQuietly(tx);
      await tx.done.catch(() => undefined);
      return result;
    }
    try {
      await tx.done;
    } catch (e) {
      return { ok: false, error: failureReason((tx as unknown as { error?: unknown }).error ?? e, what) };
    }
    return result;
  }

  /**
   * Adds a source, or replaces the one with the same id, with its built index when given (an
   * older index of that id is dropped) and the pair its "translation of" mark asks for: all or nothing.
   * Its search index (`search`), when given, is written in the same transaction; if that
   * transaction fails, the source is written again without it (a search index can be rebuilt, a
   * source the reader added cannot): a full disk costs the stored index, never the source.
   */
  async save(source: Source, index?: Omit<StoredIndex, 'sourceId'>, pair?: SourcePair, search?: unknown): Promise<Outcome<{ id: string }>> {
    const problem = sourceProblem(source);
    if (problem) return { ok: false, error: problem };
    const record: StoredSource = { ...source, updatedAt: this.now() };
    const attempt = (withSearch: boolean) =>
      this.write(pair ? ['sources', 'indexes', 'searchIndexes', 'pairs'] : ['sources', 'indexes', 'searchIndexes'], 'this source', async (tx) => {
        await tx.objectStore('sources').put(record);
        if (index) await tx.objectStore('indexes').put({ ...index, sourceId: source.id });
        else await tx.objectStore('indexes').delete(source.id);
        // an older search index of this id describes another text
        if (withSearch) await tx.objectStore('searchIndexes').put({ sourceId: source.id, data: search });
        else await tx.objectStore('searchIndexes').delete(source.id);
        // The alignment a "translation of" mark asks for, computed beforehand: both or neither.
        if (pair) await tx.objectStore('pairs').put(pair);
        return { ok: true, id: source.id };
      });
    const first = await attempt(search !== undefined);
    return first.ok || search === undefined ? first : attempt(false);
  }

  /** A source's stored search index, or undefined (none, or it cannot be read: the matcher rebuilds it). */
  async getSearchIndex(sourceId: string): Promise<unknown> {
    try {
      return (await (await this.db()).get('searchIndexes', sourceId))?.data;
    } catch {
      return undefined;
    }
  }

  /** Stores a search index built after the fact (an older source, a damaged or outdated index), only for a source that still exists. */
  async putSearchIndex(sourceId: string, data: unknown): Promise<Outcome> {
    return this.write(['searchIndexes', 'sources'], 'the search index', async (tx) => {
      if (sourceId !== BUILTIN_SOURCE_ID && !(await tx.objectStore('sources').get(sourceId))) {
        return { ok: false, error: 'That source no longer exists.' };
      }
      await tx.objectStore('searchIndexes').put({ sourceId, data });
      return { ok: true };
    });
  }

  /**
   * Adds several sources at once (a translation and its original read from one file), each with
   * its index and its search index (`search`, built beforehand), and the pair the translation's
   * mark asks for: all or nothing. As in `save`, when that fails with the search indexes the
   * sources and their pair are written again without them (a search index can be rebuilt).
   */
  async saveAll(
    items: Array<{ source: Source; index?: Omit<StoredIndex, 'sourceId'>; search?: unknown }>,
    pair?: SourcePair,
  ): Promise<Outcome<{ ids: string[] }>> {
    if (!items.length) return { ok: false, error: 'There is nothing to save.' };
    for (const { source } of items) {
      const problem = sourceProblem(source);
      if (problem) return { ok: false, error: items.length > 1 ? `“${String(source?.title || source?.id)}”: ${problem}` : problem };
    }
    const at = this.now();
    const stores: StoreName[] = pair ? ['sources', 'indexes', 'searchIndexes', 'pairs'] : ['sources', 'indexes', 'searchIndexes'];
    const attempt = (withSearch: boolean) =>
      this.write(stores, 'these sources', async (tx) => {
        for (const { source, index, search } of items) {
          await tx.objectStore('sources').put({ ...source, updatedAt: at });
          if (index) await tx.objectStore('indexes').put({ ...index, sourceId: source.id });
          else await tx.objectStore('indexes').delete(source.id);
          // an older search index of this id describes another text
          if (withSearch && search !== undefined) await tx.objectStore('searchIndexes').put({ sourceId: source.id, data: search });
          else await tx.objectStore('searchIndexes').delete(source.id);
        }
        if (pair) await tx.objectStore('pairs').put(pair);
        return { ok: true, ids: items.map((x) => x.source.id) };
      });
    const anySearch = items.some((x) => x.search !== undefined);
    const first = await attempt(anySearch);
    return first.ok || !anySearch ? first : attempt(false);
  }

  /** The enabled sources with their stored indexes, read in one transaction. */
  async enabledWithIndexes(): Promise<Array<{ source: Source; index?: StoredIndex }>> {
    const tx = (await this.db()).transaction(['sources', 'indexes'], 'readonly');
    const [all, indexes] = await Promise.all([tx.objectStore('sources').getAll(), tx.objectStore('indexes').getAll()]);
    await tx.done;
    const byId = new Map(indexes.map((i) => [i.sourceId, i]));
    return all
      .filter((s) => s.enabled && !s.deletedAt && s.schemaVersion <= SOURCE_SCHEMA_VERSION)
      .map((s) => ({ source: toSource(s), ...(byId.has(s.id) ? { index: byId.get(s.id) } : {}) }));
  }

  /**
   * Changes a source; with `pair` (the alignment a new "translation of" mark asks for, computed
   * beforehand) the pair is written in the same transaction: both or neither.
   */
  async update(id: string, patch: SourcePatch, pair?: SourcePair): Promise<Outcome<{ source: SourceSummary }>> {
    return this.write<{ source: SourceSummary }>(pair ? ['sources', 'pairs'] : ['sources'], 'this change', async (tx) => {
      const store = tx.objectStore('sources');
      const current = await store.get(id);
      if (!current || current.deletedAt) return { ok: false, error: 'That source no longer exists.' };
      const next = applyPatch(current, patch);
      const problem = sourceProblem(next);
      if (problem) return { ok: false, error: problem };
      next.updatedAt = this.now();
      await store.put(next);
      if (pair) await tx.objectStore('pairs').put(pair);
      return { ok: true, source: summarize(next) };
    });
  }

  /** Soft delete: the sources stay restorable for UNDO_WINDOW_MS. */
  async remove(ids: string[]): Promise<Outcome<{ ids: string[]; undoUntil: number }>> {
    const at = this.now();
    return this.write(['sources'], 'the deletion', async (tx) => {
      const store = tx.objectStore('sources');
      const done: string[] = [];
      for (const id of ids) {
        const s = await store.get(id);
        if (!s || s.deletedAt) continue;
        await store.put({ ...s, deletedAt: at });
        done.push(id);
      }
      return { ok: true, ids: done, undoUntil: at + UNDO_WINDOW_MS };
    });
  }

  async removeAll(): Promise<Outcome<{ ids: string[]; undoUntil: number }>> {
    const all = await (await this.db()).getAllKeys('sources');
    return this.remove(all);
  }

  async undoRemove(ids: string[]): Promise<Outcome<{ ids: string[] }>> {
    return this.write<{ ids: string[] }>(['sources'], 'the undo', async (tx) => {
      const store = tx.objectStore('sources');
      const back: string[] = [];
      for (const id of ids) {
        const s = await store.get(id);
        if (!s?.deletedAt) continue;
        const { deletedAt: _gone, ...restored } = s;
        await store.put(restored);
        back.push(id);
      }
      if (!back.length && ids.length) return { ok: false, error: 'It is too late to undo: the source was deleted for good.' };
      return { ok: true, ids: back };
    });
  }

  /** Deletes for good what was deleted longer ago than the undo window, with its pairs and index. */
  async purgeExpired(): Promise<void> {
    const limit = this.now() - UNDO_WINDOW_MS;
    const db = await this.db();
    const expired = (await db.getAll('sources')).filter((s) => s.deletedAt && s.deletedAt <= limit).map((s) => s.id);
    const draftLimit = this.now() - DRAFT_TTL_MS;
    const oldDrafts = (await db.getAll('drafts')).filter((d) => d.createdAt <= draftLimit).map((d) => d.id);
    if (!expired.length && !oldDrafts.length) return;
    const gone = new Set(expired);
    await this.write(['sources', 'indexes', 'searchIndexes', 'pairs', 'drafts'], 'the cleanup', async (tx) => {
      for (const id of expired) {
        await tx.objectStore('sources').delete(id);
        await tx.objectStore('indexes').delete(id);
        await tx.objectStore('searchIndexes').delete(id);
      }
      const pairs = tx.objectStore('pairs');
      for (const p of await pairs.getAll()) {
        if (gone.has(p.translationId) || gone.has(p.originalId)) await pairs.delete([p.translationId, p.originalId]);
      }
      for (const id of oldDrafts) await tx.objectStore('drafts').delete(id);
      return { ok: true };
    });
  }

  /** Every source but the built-in one, with every pair: the export file. */
  async exportPack(exportedAt = new Date(this.now()).toISOString()): Promise<SourcePack> {
    const db = await this.db();
    const sources = (await db.getAll('sources')).filter((s) => !s.deletedAt).map(toSource);
    const ids = new Set(sources.map((s) => s.id));
    const pairs = (await db.getAll('pairs')).filter((p) => ids.has(p.translationId) && (ids.has(p.originalId) || p.originalId === BUILTIN_SOURCE_ID));
    return { ...buildPack(sources, pairs), exportedAt };
  }

  /**
   * Writes a pack's sources and pairs in one transaction (a source with the same id is replaced,
   * a deleted one comes back). The pack must already be validated for its content; the store
   * refuses what it cannot keep (a newer format it cannot migrate).
   */
  async importPack(
    pack: SourcePack,
    indexFor?: (s: Source) => Omit<StoredIndex, 'sourceId'> | undefined,
    searchFor?: (s: Source) => unknown,
  ): Promise<Outcome<{ ids: string[] }>> {
    if (!pack || pack.format !== PACK_FORMAT) return { ok: false, error: 'This file is not a Verbatim source pack.' };
    if (typeof pack.version !== 'number' || pack.version > PACK_VERSION) {
      return { ok: false, error: 'This source pack was made by a newer version of Verbatim; update Verbatim to import it.' };
    }
    if (!Array.isArray(pack.sources) || !pack.sources.length) return { ok: false, error: 'This source pack holds no sources.' };
    const records: StoredSource[] = [];
    for (const raw of pack.sources) {
      if (raw && typeof raw.schemaVersion === 'number' && raw.schemaVersion > SOURCE_SCHEMA_VERSION) {
        return { ok: false, error: 'This source pack was made by a newer version of Verbatim; update Verbatim to import it.' };
      }
      const s = migrateSourceRecord(raw);
      const problem = sourceProblem(s);
      if (problem) return { ok: false, error: `“${String(s.title || s.id)}”: ${problem}` };
      const { deletedAt: _d, ...clean } = s;
      records.push({ ...clean, updatedAt: this.now() });
    }
    // Built before the transaction opens: computing inside it would let it commit early.
    const indexes = new Map(records.map((r) => [r.id, indexFor?.(toSource(r))]));
    const searches = new Map(records.map((r) => [r.id, searchFor?.(toSource(r))]));
    const pairs = Array.isArray(pack.pairs) ? pack.pairs : [];
    // as in `save`: search indexes that cannot be written are left out, the sources are not
    const attempt = (withSearch: boolean) =>
      this.write(['sources', 'pairs', 'indexes', 'searchIndexes'], 'this source pack', async (tx) => {
        for (const r of records) {
          await tx.objectStore('sources').put(r);
          const index = indexes.get(r.id);
          if (index) await tx.objectStore('indexes').put({ ...index, sourceId: r.id });
          else await tx.objectStore('indexes').delete(r.id);
          const search = withSearch ? searches.get(r.id) : undefined;
          if (search !== undefined) await tx.objectStore('searchIndexes').put({ sourceId: r.id, data: search });
          else await tx.objectStore('searchIndexes').delete(r.id);
        }
        for (const p of pairs) await tx.objectStore('pairs').put(p);
        return { ok: true, ids: records.map((r) => r.id) };
      });
    const anySearch = [...searches.values()].some((x) => x !== undefined);
    const first = await attempt(anySearch);
    return first.ok || !anySearch ? first : attempt(false);
  }

  async putPair(pair: SourcePair): Promise<Outcome> {
    return this.write(['pairs'], 'this pairing', async (tx) => {
      await tx.objectStore('pairs').put(pair);
      return { ok: true };
    });
  }

  async pairs(): Promise<SourcePair[]> {
    return (await this.db()).getAll('pairs');
  }

  async getIndex(sourceId: string): Promise<StoredIndex | undefined> {
    return (await this.db()).get('indexes', sourceId);
  }

  async putIndex(index: StoredIndex): Promise<Outcome> {
    return this.write(['indexes', 'sources'], 'the search index', async (tx) => {
      // Only for a source that still exists: an index must not outlive its source.
      if (index.sourceId !== BUILTIN_SOURCE_ID && !(await tx.objectStore('sources').get(index.sourceId))) {
        return { ok: false, error: 'That source no longer exists.' };
      }
      await tx.objectStore('indexes').put(index);
      return { ok: true };
    });
  }

  async builtinSettings(): Promise<BuiltinSettings> {
    const rec = await (await this.db()).get('settings', 'builtin');
    const v = (rec?.value ?? {}) as Partial<BuiltinSettings>;
    return { enabled: v.enabled !== false, ...(typeof v.translationOf === 'string' ? { translationOf: v.translationOf } : {}) };
  }

  /** As `update`, for the built-in source's settings (with `pair`: both in one transaction). */
  async setBuiltinSettings(patch: Partial<BuiltinSettings>, pair?: SourcePair): Promise<Outcome<{ builtin: BuiltinSettings }>> {
    const current = await this.builtinSettings();
    const next: BuiltinSettings = { ...current, ...patch };
    if (!next.translationOf) delete next.translationOf;
    return this.write(pair ? ['settings', 'pairs'] : ['settings'], 'this setting', async (tx) => {
      await tx.objectStore('settings').put({ key: 'builtin', value: next });
      if (pair) await tx.objectStore('pairs').put(pair);
      return { ok: true, builtin: next };
    });
  }

  async putDraft(draft: Omit<StoredDraft, 'id' | 'createdAt'>): Promise<Outcome<{ id: string }>> {
    const id = `d${this.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
    return this.write(['drafts'], 'this page', async (tx) => {
      await tx.objectStore('drafts').put({ ...draft, id, createdAt: this.now() });
      return { ok: true, id };
    });
  }

  /** The draft, removed from the store (a draft is reviewed once). */
  async takeDraft(id: string): Promise<StoredDraft | undefined> {
    let found: StoredDraft | undefined;
    await this.write(['drafts'], 'the draft', async (tx) => {
      found = await tx.objectStore('drafts').get(id);
      if (found) await tx.objectStore('drafts').delete(id);
      return { ok: true };
    });
    return found;
  }
}

function abortQuietly(tx: { abort(): void }): void {
  try {
    tx.abort();
  } catch {
    // already finished or aborted by the failed request
  }
}

/** Why a source cannot be stored, in one sentence; null when it can. */
export function sourceProblem(s: Source): string | null {
  if (!s || typeof s !== 'object') return 'This is not a source.';
  if (typeof s.id !== 'string' || !s.id || s.id === BUILTIN_SOURCE_ID) return 'The source has no valid id.';
  if (!Array.isArray(s.paragraphs) || !s.paragraphs.some((p) => p && typeof p.text === 'string' && p.text.trim())) {
    return 'The source has no text.';
  }
  if (!Array.isArray(s.speakers) || !Array.isArray(s.sections)) return 'The source is incomplete (speakers or sections are missing).';
  if (s.speakers.length && s.speakers.filter((sp) => sp.main).length !== 1) return 'Exactly one speaker must be the main one.';
  if (typeof s.title !== 'string' || !s.title.trim()) return 'The source needs a title.';
  if (s.translationOf === s.id) return 'A source cannot be a translation of itself.';
  for (const u of [s.url, s.recordingUrl]) if (u != null && u !== '' && !isWebUrl(u)) return 'Links must be http or https addresses.';
  if (s.date != null && s.date !== '' && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(s.date)) return 'The date must be written yyyy-mm-dd.';
  return null;
}

export function isWebUrl(u: unknown): u is string {
  if (typeof u !== 'string') return false;
  try {
    const p = new URL(u).protocol;
    return p === 'http:' || p === 'https:';
  } catch {
    return false;
  }
}

function applyPatch(s: StoredSource, patch: SourcePatch): StoredSource {
  const next: StoredSource = { ...s, speakers: s.speakers.map((sp) => ({ ...sp })) };
  const setOpt = (key: 'date' | 'url' | 'recordingUrl' | 'translationOf', v: string | null | undefined) => {
    if (v === undefined) return;
    if (v === null || v.trim() === '') delete next[key];
    else next[key] = v.trim();
  };
  if (patch.title !== undefined) next.title = patch.title.trim();
  setOpt('date', patch.date);
  setOpt('url', patch.url);
  setOpt('recordingUrl', patch.recordingUrl);
  setOpt('translationOf', patch.translationOf);
  if (patch.language !== undefined && patch.language.trim()) next.language = patch.language.trim();
  if (patch.kind !== undefined) next.kind = patch.kind;
  if (patch.enabled !== undefined) next.enabled = patch.enabled;
  if (patch.speakerNames) {
    for (const sp of next.speakers) {
      const name = patch.speakerNames[sp.id];
      if (typeof name === 'string' && name.trim() && name.trim() !== sp.name) {
        sp.name = name.trim();
        // Named by the reader: no longer a label that names no one ("Speaker 1", "Interviewer").
        if (!isGenericName(sp.name)) delete sp.generic;
      }
    }
  }
  if (patch.speakerAliases) {
    for (const sp of next.speakers) {
      const list = patch.speakerAliases[sp.id];
      if (!Array.isArray(list)) continue;
      const clean = parseAliases(list.map((a) => String(a ?? '')).join('\n'));
      if (clean.length) sp.aliases = clean;
      else delete sp.aliases;
    }
  }
  if (patch.mainSpeakerId && next.speakers.some((sp) => sp.id === patch.mainSpeakerId)) {
    for (const sp of next.speakers) sp.main = sp.id === patch.mainSpeakerId;
  }
  return next;
}
