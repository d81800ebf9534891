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

function key(text: string, i: number): number {
  return text.charCodeAt(i) * 65536 + text.charCodeAt(i + 1);
}

export class BigramIndex {
  readonly length: number;
  private readonly slots = new Map<number, number>();
  private readonly offsets: Int32Array;
  private readonly positions: Int32Array;

  constructor(text: string) {
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
    const samples = Math.min(opts.samples ?? 12, m - 1);
    const maxCandidates = opts.maxCandidates ?? 48;
    const relative = opts.relative ?? 0.5;
    const chosen: number[] = [];
    const span = (m - 1) / samples;
    for (let s = 0; s < samples; s++) {
      const from = Math.floor(s * span);
      const to = Math.max(from + 1, Math.floor((s + 1) * span));
      let best = -1;
      let bestFreq = Infinity;
      for (let j = from; j < to && j < m - 1; j++) {
        const f = this.frequency(query, j);
        if (f > 0 && f < bestFreq) {
          best = j;
          bestFreq = f;
        }
      }
      if (best >= 0 && bestFreq <= MAX_POSTINGS) chosen.push(best);
    }
    if (chosen.length === 0) return [];
    // bucket → votes, each sample counted once per bucket
    const votes = new Map<number, number>();
    const seenBy = new Map<number, number>();
    chosen.forEach((j, sample) => {
      const post = this.postings(query, j);
      for (let k = 0; k < post.length; k++) {
        const b = (post[k] - j) >> BUCKET_SHIFT;
        if (seenBy.get(b) === sample) continue;
        seenBy.set(b, sample);
        votes.set(b, (votes.get(b) ?? 0) + 1);
      }
    });
    // neighbouring buckets absorb small insertions/deletions
    const scored: Array<[number, number]> = [];
    for (const [b, v] of votes) {
      const total = v + Math.max(votes.get(b - 1) ?? 0, votes.get(b + 1) ?? 0);
      scored.push([b, Math.min(total, chosen.length)]);
    }
    scored.sort((x, y) => y[1] - x[1] || x[0] - y[0]);
    const top = scored[0][1];
    const floor = Math.max(1, Math.ceil(top * relative), chosen.length >= 4 ? 2 : 1);
    const out: Candidate[] = [];
    const taken = new Set<number>();
    for (const [b, v] of scored) {
      if (v < floor || out.length >= maxCandidates) break;
      if (taken.has(b) || taken.has(b - 1) || taken.has(b + 1)) continue;
      taken.add(b);
      out.push({ start: Math.max(0, b << BUCKET_SHIFT), votes: v });
    }
    return out;
  }
}
