/**
 * The IndexedDB database that holds readers' sources. Opened the same way by the background
 * worker and the extension pages (one origin, one database).
 *
 * Versions (never drop data in an upgrade: copy, transform and put back):
 * - 1: `sources` only (keyPath `id`).
 * - 2: adds `pairs`, `indexes`, `settings`, `drafts`; every stored source record is brought up to
 *   SOURCE_SCHEMA_VERSION by `migrateSourceRecord` inside the upgrade transaction.
 * - 3: adds `searchIndexes` (a source's search index, read only when a check needs it; apart
 *   from `indexes`, which every start reads whole).
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { SourcePair } from '../sources/model';
import { migrateSourceRecord } from './migrate';
import type { StoredSource } from './records';

export const DB_NAME = 'verbatim-sources';
export const DB_VERSION = 3;

export type { StoredSource } from './records';

/** A draft waiting for the reader's review ("Add this page" hands it to the Sources page). */
export interface StoredDraft {
  id: string;
  createdAt: number;
  title: string;
  url?: string;
  /** Plain text of the article, or its cleaned HTML (never rendered: parsed to text). */
  text?: string;
  html?: string;
  /** The byline Readability lifted out of the article (it may hold the date). */
  byline?: string;
}

export interface StoredSetting {
  key: string;
  value: unknown;
}

/** A built, serialisable index of one source (opaque to the store). */
export interface StoredIndex {
  sourceId: string;
  /** Which index format built it, so a newer build can ignore an older one. */
  version: number;
  data: unknown;
  /** What the index was built from, when that can change without the id changing (the built-in text after an update). */
  fingerprint?: string;
}

/** A source's search index (`RankerData` of src/match/rank.ts; opaque to the store, checked by the matcher). */
export interface StoredSearchIndex {
  sourceId: string;
  data: unknown;
}

export interface SourcesDB extends DBSchema {
  sources: { key: string; value: StoredSource };
  pairs: { key: [string, string]; value: SourcePair };
  indexes: { key: string; value: StoredIndex };
  searchIndexes: { key: string; value: StoredSearchIndex };
  settings: { key: string; value: StoredSetting };
  drafts: { key: string; value: StoredDraft };
}

export type Db = IDBPDatabase<SourcesDB>;

type UpgradeTx = IDBPTransaction<SourcesDB, StoreNames<SourcesDB>[], 'versionchange'>;

/** Schema steps, applied in order from the stored version up to DB_VERSION. */
export function upgradeSchema(db: Db, oldVersion: number, tx: UpgradeTx): void {
  if (oldVersion < 1) {
    db.createObjectStore('sources', { keyPath: 'id' });
  }
  if (oldVersion < 2) {
    db.createObjectStore('pairs', { keyPath: ['translationId', 'originalId'] });
    db.createObjectStore('indexes', { keyPath: 'sourceId' });
    db.createObjectStore('settings', { keyPath: 'key' });
    db.createObjectStore('drafts', { keyPath: 'id' });
  }
  if (oldVersion < 3) {
    db.createObjectStore('searchIndexes', { keyPath: 'sourceId' });
  }
  if (oldVersion > 0) {
    // Records written by an older release: rewrite each in the current shape (same id, no loss).
    const store = tx.objectStore('sources');
    void store.openCursor().then(function step(cursor): Promise<void> | void {
      if (!cursor) return;
      const next = migrateSourceRecord(cursor.value);
      const write = next === cursor.value ? Promise.resolve() : cursor.update(next).then(() => undefined);
      return write.then(() => cursor.continue()).then(step);
    });
  }
}

export function openSourcesDb(name = DB_NAME): Promise<Db> {
  return openDB<SourcesDB>(name, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, tx) {
      upgradeSchema(db, oldVersion, tx);
    },
    blocking(_current, _blocked, event) {
      // A newer version (an extension update) wants the database: let it have it.
      (event.target as IDBDatabase | null)?.close();
    },
  });
}
