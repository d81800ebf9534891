/**
 * Ranking by shared terms over a compact inverted index: sorted terms and postings in typed
 * arrays, so the index can be stored with its source and loaded as is (no tree to rebuild).
 * Scores are MiniSearch's BM25 (its formula, parameters, term multiplicity, "quality" factor and
 * tie order), so a query ranks paragraphs exactly as the MiniSearch index it replaced did; a
 * test compares the two on real text.
 *
 * Work per query grows with the postings of the query's terms, in flat arrays: no per-document
 * objects, no sort of every matching paragraph (the top k are kept as they come).
 */

/** Bump when the stored shape or anything that changes scores (tokenizers, BM25) changes. */
export const TERM_INDEX_FORMAT = 1;

/** MiniSearch's defaults. */
const BM25_K = 1.2;
const BM25_B = 0.7;
const BM25_D = 0.5;
/** MiniSearch's weight of a prefix match. */
const PREFIX_WEIGHT = 0.375;
/** Separator of the stored terms: tokenizers never put a line break inside a term. */
const TERM_SEP = '\n';

export interface TermIndexData {
  format: number;
  /** Caller's id of each document, in the order they were added. */
  docIds: Int32Array;
  /** Distinct terms per document (BM25's field length, as MiniSearch counts it). */
  fieldLength: Uint32Array;
  /** Average field length, computed as MiniSearch does (running), kept bit for bit. */
  avgFieldLength: number;
  /** Distinct terms, sorted, joined by a line break. */
  terms: string;
  /** Postings of term t are `offsets[t] … offsets[t + 1]` in `docs` and `tfs`. */
  offsets: Uint32Array;
  /** Document numbers (positions in `docIds`), ascending within a term. */
  docs: Uint32Array;
  /** Occurrences of the term in the document. */
  tfs: Uint32Array;
}

export interface TermHit {
  /** The document's id as given. */
  id: number;
  score: number;
}

export interface TermSearchOptions {
  /** Query terms that also match longer terms they begin (MiniSearch's prefix search). */
  prefix?: (term: string) => boolean;
}

/** Is `x` a well-formed `TermIndexData` of the current format (a stored one may be damaged)? */
export function isTermIndexData(x: unknown): x is TermIndexData {
  if (!x || typeof x !== 'object') return false;
  const d = x as Partial<TermIndexData>;
  if (d.format !== TERM_INDEX_FORMAT || typeof d.terms !== 'string' || typeof d.avgFieldLength !== 'number') return false;
  if (!(d.docIds instanceof Int32Array) || !(d.fieldLength instanceof Uint32Array)) return false;
  if (!(d.offsets instanceof Uint32Array) || !(d.docs instanceof Uint32Array) || !(d.tfs instanceof Uint32Array)) return false;
  const n = d.docIds.length;
  if (d.fieldLength.length !== n || d.docs.length !== d.tfs.length) return false;
  const termCount = d.terms.length === 0 ? 0 : d.terms.split(TERM_SEP).length;
  if (d.offsets.length !== termCount + 1 || d.offsets[termCount] !== d.docs.length) return false;
  for (let t = 0; t < termCount; t++) if (d.offsets[t] > d.offsets[t + 1]) return false;
  for (let i = 0; i < d.docs.length; i++) if (d.docs[i] >= n) return false;
  return true;
}

export class TermIndex {
  readonly data: TermIndexData;
  private readonly terms: string[];
  private readonly n: number;
  // scratch space, reused by every query
  private readonly total: Float64Array;
  private readonly occ: Float64Array;
  private readonly quality: Uint32Array;
  private readonly order: Int32Array;
  private readonly occStamp: Int32Array;
  private readonly seenStamp: Int32Array;
  private stamp = 0;

  /** Index `docs` (id, text) with `tokenize`; documents whose text is undefined are left out. */
  static build(docs: Array<{ id: number; text: string | undefined }>, tokenize: (text: string) => string[]): TermIndex {
    const kept = docs.filter((d): d is { id: number; text: string } => typeof d.text === 'string');
    const postings = new Map<string, number[]>();
    const fieldLength = new Uint32Array(kept.length);
    let avg = 0;
    kept.forEach((d, doc) => {
      const tokens = tokenize(d.text);
      const length = new Set(tokens).size;
      fieldLength[doc] = length;
      // MiniSearch's running average (same operations, same rounding)
      avg = (avg * doc + length) / (doc + 1);
      for (const t of tokens) {
        if (!t) continue;
        let list = postings.get(t);
        if (!list) postings.set(t, (list = []));
        // [doc, tf, doc, tf…]: a document's occurrences are consecutive
        if (list.length > 0 && list[list.length - 2] === doc) list[list.length - 1]++;
        else list.push(doc, 1);
      }
    });
    const sorted = [...postings.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const offsets = new Uint32Array(sorted.length + 1);
    let size = 0;
    sorted.forEach((t, i) => {
      size += (postings.get(t) as number[]).length >> 1;
      offsets[i + 1] = size;
    });
    const docArr = new Uint32Array(size);
    const tfs = new Uint32Array(size);
    sorted.forEach((t, i) => {
      const list = postings.get(t) as number[];
      for (let k = 0, at = offsets[i]; k < list.length; k += 2, at++) {
        docArr[at] = list[k];
        tfs[at] = list[k + 1];
      }
    });
    return new TermIndex({
      format: TERM_INDEX_FORMAT,
      docIds: Int32Array.from(kept.map((d) => d.id)),
      fieldLength,
      avgFieldLength: avg,
      terms: sorted.join(TERM_SEP),
      offsets,
      docs: docArr,
      tfs,
    });
  }

  /** An index from its stored form; throws on data that is not a current, whole index. */
  constructor(data: TermIndexData) {
    if (!isTermIndexData(data)) throw new Error('not a term index of the current format');
    this.data = data;
    this.terms = data.terms.length === 0 ? [] : data.terms.split(TERM_SEP);
    this.n = data.docIds.length;
    this.total = new Float64Array(this.n);
    this.occ = new Float64Array(this.n);
    this.quality = new Uint32Array(this.n);
    this.order = new Int32Array(this.n);
    this.occStamp = new Int32Array(this.n);
    this.seenStamp = new Int32Array(this.n);
  }

  get documentCount(): number {
    return this.n;
  }

  /** Bytes of the stored form (typed arrays and terms). */
  get byteSize(): number {
    const d = this.data;
    return d.docIds.byteLength + d.fieldLength.byteLength + d.offsets.byteLength + d.docs.byteLength + d.tfs.byteLength + 2 * d.terms.length;
  }

  /** Term number of `term`, or -1. */
  private find(term: string): number {
    let lo = 0;
    let hi = this.terms.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const t = this.terms[mid];
      if (t === term) return mid;
      if (t < term) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** Terms that begin with `prefix` and are longer than it, in sorted order. */
  private longer(prefix: string): number[] {
    let lo = 0;
    let hi = this.terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.terms[mid] <= prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: number[] = [];
    for (let t = lo; t < this.terms.length && this.terms[t].startsWith(prefix); t++) out.push(t);
    return out;
  }

  /**
   * The `limit` best documents for the query terms (in query order, repeats counting again), as
   * MiniSearch ranks them: per term occurrence, BM25 of each document holding it; the sum times
   * the number of distinct query terms matched; ties in the order documents were first met.
   */
  search(queryTerms: string[], limit: number, options: TermSearchOptions = {}): TermHit[] {
    const { total, occ, quality, order, occStamp, seenStamp } = this;
    const { offsets, docs, tfs, fieldLength, avgFieldLength } = this.data;
    const n = this.n;
    const base = ++this.stamp;
    const met: number[] = [];
    const counted = new Set<string>();
    for (const term of queryTerms) {
      if (!term) continue;
      const occMark = ++this.stamp;
      const occDocs: number[] = [];
      const derived: Array<[number, number]> = [];
      const exact = this.find(term);
      if (exact >= 0) derived.push([exact, 1]);
      if (options.prefix?.(term)) {
        for (const t of this.longer(term)) {
          const len = this.terms[t].length;
          derived.push([t, (PREFIX_WEIGHT * len) / (len + 0.3 * (len - term.length))]);
        }
      }
      for (const [t, weight] of derived) {
        const from = offsets[t];
        const to = offsets[t + 1];
        const df = to - from;
        const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        for (let i = from; i < to; i++) {
          const doc = docs[i];
          const tf = tfs[i];
          const raw = idf * (BM25_D + (tf * (BM25_K + 1)) / (tf + BM25_K * (1 - BM25_B + (BM25_B * fieldLength[doc]) / avgFieldLength)));
          const s = weight * raw;
          if (occStamp[doc] === occMark) occ[doc] += s;
          else {
            occStamp[doc] = occMark;
            occ[doc] = s;
            occDocs.push(doc);
          }
        }
      }
      const first = !counted.has(term);
      counted.add(term);
      for (const doc of occDocs) {
        if (seenStamp[doc] < base) {
          seenStamp[doc] = base;
          total[doc] = occ[doc];
          quality[doc] = 1;
          order[doc] = met.length;
          met.push(doc);
        } else {
          total[doc] = total[doc] + occ[doc];
          if (first) quality[doc]++;
        }
      }
    }
    // the top `limit`, kept in order as they come (score descending, then first met)
    const top: Array<[number, number]> = [];
    for (const doc of met) {
      const score = total[doc] * quality[doc];
      if (top.length >= limit && !(score > top[top.length - 1][1])) continue;
      let at = top.length;
      while (at > 0 && (top[at - 1][1] < score || (top[at - 1][1] === score && order[top[at - 1][0]] > order[doc]))) at--;
      top.splice(at, 0, [doc, score]);
      if (top.length > limit) top.pop();
    }
    return top.map(([doc, score]) => ({ id: this.data.docIds[doc], score }));
  }
}
