/** The shape of a stored source record, shared by the database module and the record migration. */
import type { Source } from '../sources/model';

/** A stored source: the Source plus bookkeeping (soft delete for undo). */
export type StoredSource = Source & {
  /** Epoch ms of a delete that can still be undone; the record is purged after the undo window. */
  deletedAt?: number;
  /** Epoch ms of the last change. */
  updatedAt?: number;
};
