/**
 * Verifier for `related`: how much of a quote's wording (its character bigrams, weighted by
 * rarity) one stretch of a passage holds. A paraphrase or an independent translation keeps
 * many distinctive words of one sentence close together; a fabricated quote that only shares
 * topic words scatters them, or leaves most of its own wording unmatched.
 */

export interface CoverageResult {
  /** Weighted share of the query's distinct n-grams found in the best stretch (0…1). */
  coverage: number;
  /** Best stretch in the scanned text, end exclusive (absolute offsets). */
  start: number;
  end: number;
  /** Runs of consecutive shared characters in the stretch, absolute [start, end) offsets. */
  runs: Array<[number, number]>;
}

export type Weigh = (key: number) => number;

function bigramKey(s: string, i: number): number {
  return s.charCodeAt(i) * 65536 + s.charCodeAt(i + 1);
}

/** Key of the n-gram (n = 1 or 2) starting at `i`. */
function gramKey(s: string, i: number, n: 1 | 2): number {
  return n === 2 ? bigramKey(s, i) : s.charCodeAt(i);
}

/** Document frequency of every n-gram (characters or bigrams) over the given ranges of `text`. */
export function gramDocFrequency(text: string, ranges: Array<[number, number]>, n: 1 | 2): Map<number, number> {
  const df = new Map<number, number>();
  const seen = new Set<number>();
  for (const [a, b] of ranges) {
    seen.clear();
    for (let i = a; i + n <= b; i++) {
      const k = gramKey(text, i, n);
      if (seen.has(k)) continue;
      seen.add(k);
      df.set(k, (df.get(k) ?? 0) + 1);
    }
  }
  return df;
}

/** idf-like weight of an n-gram: rare ones count more; n-grams absent from the text count most. */
export function makeWeigh(df: Map<number, number>, docs: number): Weigh {
  const cap = Math.log(1 + docs);
  return (k) => {
    const f = df.get(k);
    return f === undefined ? cap : Math.log(1 + docs / f);
  };
}

/**
 * A query's distinct n-grams and their weights, prepared once for scanning many passages:
 * `related` scores a dozen paragraphs per source against the same quote.
 */
export interface QueryGrams {
  n: 1 | 2;
  m: number;
  /** Gram key → dense id (first occurrence order). */
  ids: Map<number, number>;
  weights: Float64Array;
  total: number;
}

export function queryGrams(query: string, weigh: Weigh, n: 1 | 2 = 2): QueryGrams {
  const m = query.length;
  const ids = new Map<number, number>();
  const ws: number[] = [];
  let total = 0;
  for (let i = 0; i + n <= m; i++) {
    const k = gramKey(query, i, n);
    if (ids.has(k)) continue;
    const w = weigh(k);
    ids.set(k, ws.length);
    ws.push(w);
    total += w;
  }
  return { n, m, ids, weights: Float64Array.from(ws), total };
}

/**
 * Best stretch of `text[a, b)` (at most `width` characters) by weighted share of the distinct
 * n-grams (characters or bigrams) of `query` it contains.
 */
export function coverage(
  query: string,
  text: string,
  a: number,
  b: number,
  weigh: Weigh,
  n: 1 | 2 = 2,
  width?: number,
): CoverageResult {
  return coverageOf(queryGrams(query, weigh, n), text, a, b, width);
}

/** `coverage` of a prepared query (`queryGrams`). */
export function coverageOf(g: QueryGrams, text: string, a: number, b: number, width?: number): CoverageResult {
  const { n, m, ids, weights, total } = g;
  const empty: CoverageResult = { coverage: 0, start: a, end: a, runs: [] };
  if (m < n || b - a < n) return empty;
  if (total === 0) return empty;
  const W = width ?? Math.max(m + 10, Math.ceil(m * 1.6));
  // events: positions in the text holding a query n-gram, and its id
  const pos: number[] = [];
  const keys: number[] = [];
  for (let i = a; i + n <= b; i++) {
    const id = ids.get(gramKey(text, i, n));
    if (id !== undefined) {
      pos.push(i);
      keys.push(id);
    }
  }
  if (pos.length === 0) return empty;
  const inWindow = new Int32Array(weights.length);
  let covered = 0;
  let best = -1;
  let bestL = 0;
  let bestR = 0;
  let l = 0;
  for (let r = 0; r < pos.length; r++) {
    const kr = keys[r];
    if (inWindow[kr]++ === 0) covered += weights[kr];
    while (pos[r] - pos[l] + n > W) {
      const kl = keys[l];
      if (--inWindow[kl] === 0) covered -= weights[kl];
      l++;
    }
    if (covered > best + 1e-9) {
      best = covered;
      bestL = l;
      bestR = r;
    }
  }
  const start = pos[bestL];
  const end = pos[bestR] + n;
  // runs of shared characters inside the stretch
  const runs: Array<[number, number]> = [];
  for (let e = bestL; e <= bestR; e++) {
    const p = pos[e];
    const last = runs[runs.length - 1];
    if (last && p <= last[1] - (n - 1)) last[1] = Math.max(last[1], p + n);
    else runs.push([p, p + n]);
  }
  return { coverage: Math.min(1, best / total), start, end, runs };
}
