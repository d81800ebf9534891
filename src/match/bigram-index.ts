/**
 * Positional character-bigram index over the normalised transcript. To locate a quote, a few
 * of its rarest bigrams (spread over its length) look up where they occur; each occurrence
 * votes for the position where the quote would start. Starts with many votes are the windows
 * worth aligning. Cost grows with how often the chosen bigrams occur, not with the text size.
 */
import { SEP } from './corpus';

export interface Candidate {
  /** Estimated start of the quote in the indexed text. */
  start: number;
  /** Number of sampled bigrams agreeing (0…samples). */
  votes: number;
}

export interface StoredBigrams {
  /** Length of the indexed text. */
  length: number;
  /** Bigram key of each slot. */
  keys: Uint32Array;
  offsets: Int32Array;
  positions: Int32Array;
}

/** Is `x` a whole stored index over a text of `length` units? */
export function isStoredBigrams(x: unknown, length: number): x is StoredBigrams {
  if (!x || typeof x !== 'object') return false;
  const d = x as Partial<StoredBigrams>;
  if (d.length !== length || !(d.keys instanceof Uint32Array) || !(d.offsets instanceof Int32Array) || !(d.positions instanceof Int32Array)) return false;
  if (d.offsets.length !== d.keys.length + 1 || d.offsets[0] !== 0 || d.offsets[d.keys.length] !== d.positions.length) return false;
  for (let s = 0; s < d.keys.length; s++) if (d.offsets[s] > d.offsets[s + 1]) return false;
  for (let i = 0; i < d.positions.length; i++) if (d.positions[i] < 0 || d.positions[i] + 1 >= length) return false;
  return true;
}

export interface VoteOptions {
  /** How many bigrams of the query to look up (spread over its length). */
  samples?: number;
  /** At most this many candidates are returned. */
  maxCandidates?: number;
  /** Keep candidates with at least this share of the best candidate's votes. */
  relative?: number;
}

/** Width of a vote bucket: starts this close together count as one. */
const BUCKET_SHIFT = 3;
/** Bigrams occurring more often than this are too common to be worth looking up. */
const MAX_POSTINGS = 50_000;
/**
 * A sampled bigram may occur at most COMMON_RATIO times as often as the query's rarest one
 * (but always up to COMMON_FLOOR times).
 */
const COMMON_RATIO = 4;
const COMMON_FLOOR = 256;

function key(text: string, i: number): number {
  return text.charCodeAt(i) * 65536 + text.charCodeAt(i + 1);
}

export class BigramIndex {
  readonly length: number;
  private readonly slots = new Map<number, number>();
  private readonly offsets: Int32Array;
  private readonly positions: Int32Array;
  /** Scratch space for voting: votes and last voting sample per bucket (+1 guard each side). */
  private readonly votes: Uint8Array;
  private readonly seenBy: Uint8Array;

  /** The index from its stored form (`stored`), or built over `text`. */
  static fromStored(d: StoredBigrams): BigramIndex {
    return new BigramIndex('', d);
  }

  constructor(text: string, stored?: StoredBigrams) {
    if (stored) {
      this.length = stored.length;
      for (let s = 0; s < stored.keys.length; s++) this.slots.set(stored.keys[s], s);
      this.offsets = stored.offsets;
      this.positions = stored.positions;
      this.votes = new Uint8Array((this.length >> BUCKET_SHIFT) + 3);
      this.seenBy = new Uint8Array((this.length >> BUCKET_SHIFT) + 3);
      return;
    }
    this.length = text.length;
    const sep = SEP.charCodeAt(0);
    const counts: number[] = [];
    const n = text.length;
    for (let i = 0; i + 1 < n; i++) {
      const a = text.charCodeAt(i);
      const b = text.charCodeAt(i + 1);
      if (a === sep || b === sep) continue;
      const k = a * 65536 + b;
      let slot = this.slots.get(k);
      if (slot === undefined) {
        slot = counts.length;
        this.slots.set(k, slot);
        counts.push(0);
      }
      counts[slot]++;
    }
    this.votes = new Uint8Array((n >> BUCKET_SHIFT) + 3);
    this.seenBy = new Uint8Array((n >> BUCKET_SHIFT) + 3);
    this.offsets = new Int32Array(counts.length + 1);
    for (let s = 0; s < counts.length; s++) this.offsets[s + 1] = this.offsets[s] + counts[s];
    this.positions = new Int32Array(this.offsets[counts.length]);
    const fill = this.offsets.slice(0, counts.length);
    for (let i = 0; i + 1 < n; i++) {
      const a = text.charCodeAt(i);
      const b = text.charCodeAt(i + 1);
      if (a === sep || b === sep) continue;
      const slot = this.slots.get(a * 65536 + b) as number;
      this.positions[fill[slot]++] = i;
    }
  }

  /** What to store: typed arrays, kept as they are by IndexedDB. */
  get stored(): StoredBigrams {
    return { length: this.length, keys: Uint32Array.from(this.slots.keys()), offsets: this.offsets, positions: this.positions };
  }

  /** Number of distinct bigrams. */
  get distinct(): number {
    return this.slots.size;
  }

  /** Bytes held by the position arrays and the key map (approximate). */
  get byteSize(): number {
    return this.positions.byteLength + this.offsets.byteLength + this.slots.size * 24;
  }

  /** How often the bigram starting at `i` in `s` occurs in the indexed text. */
  frequency(s: string, i: number): number {
    const slot = this.slots.get(key(s, i));
    return slot === undefined ? 0 : this.offsets[slot + 1] - this.offsets[slot];
  }

  /** Positions of the bigram starting at `i` in `s`. */
  postings(s: string, i: number): Int32Array {
    const slot = this.slots.get(key(s, i));
    if (slot === undefined) return new Int32Array(0);
    return this.positions.subarray(this.offsets[slot], this.offsets[slot + 1]);
  }

  /**
   * Where could `query` start? The query's bigram positions are cut into `samples` stretches;
   * in each, the rarest bigram present in the text votes with each of its occurrences.
   */
  vote(query: string, opts: VoteOptions = {}): Candidate[] {
    const m = query.length;
    if (m < 2) return [];
    const samples = Math.min(opts.samples ?? 12, m - 1, 250);
    const maxCandidates = opts.maxCandidates ?? 16;
    const relative = opts.relative ?? 0.5;
    const freqs = new Int32Array(m - 1);
    let minFreq = Infinity;
    for (let j = 0; j + 1 < m; j++) {
      const f = this.frequency(query, j);
      freqs[j] = f;
      if (f > 0 && f < minFreq) minFreq = f;
    }
    if (minFreq === Infinity) return [];
    // a bigram far more common than the rarest one adds many votes and little information
    const cap = Math.min(MAX_POSTINGS, Math.max(COMMON_FLOOR, COMMON_RATIO * minFreq));
    const chosen: number[] = [];
    const span = (m - 1) / samples;
    for (let s = 0; s < samples; s++) {
      const from = Math.floor(s * span);
      const to = Math.max(from + 1, Math.floor((s + 1) * span));
      let best = -1;
      let bestFreq = Infinity;
      for (let j = from; j < to && j < m - 1; j++) {
        const f = freqs[j];
        if (f > 0 && f < bestFreq) {
          best = j;
          bestFreq = f;
        }
      }
      if (best >= 0 && bestFreq <= cap) chosen.push(best);
    }
    if (chosen.length === 0) return [];
    // bucket → votes, each sample counted once per bucket (reused typed arrays, reset after)
    const votes = this.votes;
    const seenBy = this.seenBy;
    const touched: number[] = [];
    for (let sample = 0; sample < chosen.length; sample++) {
      const j = chosen[sample];
      const post = this.postings(query, j);
      const mark = sample + 1;
      for (let k = 0; k < post.length; k++) {
        const d = post[k] - j;
        const b = (d < 0 ? 0 : d >> BUCKET_SHIFT) + 1;
        if (seenBy[b] === mark) continue;
        seenBy[b] = mark;
        if (votes[b] === 0) touched.push(b);
        votes[b]++;
      }
    }
    // neighbouring buckets absorb small insertions/deletions
    const totals = new Uint8Array(touched.length);
    let top = 0;
    for (let i = 0; i < touched.length; i++) {
      const b = touched[i];
      const total = Math.min(chosen.length, votes[b] + Math.max(votes[b - 1], votes[b + 1]));
      totals[i] = total;
      if (total > top) top = total;
    }
    const floor = Math.max(1, Math.ceil(top * relative), chosen.length >= 4 ? 2 : 1);
    // [bucket, votes with neighbours, own votes]: among equal totals the bucket holding the
    // votes itself comes first, so the start estimate is not a neighbour's
    const scored: Array<[number, number, number]> = [];
    for (let i = 0; i < touched.length; i++) {
      if (totals[i] >= floor) scored.push([touched[i] - 1, totals[i], votes[touched[i]]]);
    }
    for (const b of touched) {
      votes[b] = 0;
      seenBy[b] = 0;
    }
    scored.sort((x, y) => y[1] - x[1] || y[2] - x[2] || x[0] - y[0]);
    const out: Candidate[] = [];
    const taken = new Set<number>();
    for (const [b, v] of scored) {
      if (out.length >= maxCandidates) break;
      if (taken.has(b) || taken.has(b - 1) || taken.has(b + 1)) continue;
      taken.add(b);
      out.push({ start: Math.max(0, b << BUCKET_SHIFT), votes: v });
    }
    return out;
  }
}
