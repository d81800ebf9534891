/**
 * Approximate alignment (Myers' bit-parallel algorithm) of a quote inside a few small windows
 * of the normalised transcript: a prepared scorer of our own on the hot path, approx-string-match
 * for one-character patterns and for the full-text baseline it is measured against.
 */
import search from 'approx-string-match';
import type { Candidate } from './bigram-index';

export interface Alignment {
  /** Span in the indexed text, end exclusive. */
  start: number;
  end: number;
  /** Edit distance between the quote and the span. */
  errors: number;
}

/** Windows around candidate starts, widened for insertions/deletions, merged when they overlap. */
export function windowsFor(
  candidates: Candidate[],
  queryLength: number,
  textLength: number,
  maxErrors = Math.ceil(queryLength * 0.5),
): Array<[number, number]> {
  // a vote bucket is 8 wide (and a neighbour's votes may pull the estimate one bucket off);
  // the quote may gain or lose up to maxErrors characters
  const slack = maxErrors + 16;
  const ws = candidates
    .map((c): [number, number] => [Math.max(0, c.start - slack), Math.min(textLength, c.start + queryLength + slack)])
    .sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const w of ws) {
    const last = merged[merged.length - 1];
    if (last && w[0] <= last[1]) last[1] = Math.max(last[1], w[1]);
    else merged.push([w[0], w[1]]);
  }
  return merged;
}

/**
 * Best alignments of `query` in each window with at most `maxErrors` errors, lowest errors
 * first. Of the equally good alignments inside one window, the longest is kept.
 */
export function alignInWindows(
  text: string,
  query: string,
  windows: Array<[number, number]>,
  maxErrors: number,
): Alignment[] {
  const out: Alignment[] = [];
  for (const [a, b] of windows) {
    const found = search(text.slice(a, b), query, maxErrors);
    let best: Alignment | null = null;
    for (const f of found) {
      if (!best || f.errors < best.errors || (f.errors === best.errors && f.end - f.start > best.end - best.start)) {
        best = { start: a + f.start, end: a + f.end, errors: f.errors };
      }
    }
    if (best) out.push(best);
  }
  out.sort((x, y) => x.errors - y.errors || x.start - y.start);
  return out;
}

function bigramKey(s: string, i: number): number {
  return s.charCodeAt(i) * 65536 + s.charCodeAt(i + 1);
}

/**
 * Myers' bit-parallel edit distance (blocks of 32 pattern characters) with the pattern's
 * tables built once per quote and reused for every window. approx-string-match rebuilds them on
 * every call and runs a reverse search per tied end (~20–50 µs per small window here), which
 * made verifying several windows the slowest step; this scorer takes ~3 µs per window. The
 * tests check it against approx-string-match.
 */
export class MyersScorer {
  private readonly m: number;
  private readonly blocks: number;
  private readonly peq = new Map<number, Int32Array>();
  /** Single-block patterns: the bit mask per character directly. */
  private readonly peq1 = new Map<number, number>();
  private readonly empty: Int32Array;
  private readonly lastBit: number;
  private readonly P: Int32Array;
  private readonly M: Int32Array;

  /** `reversed`: prepare the pattern read backwards, for `startOf`. */
  constructor(pattern: string, private readonly reversed = false) {
    this.m = pattern.length;
    this.blocks = Math.max(1, Math.ceil(this.m / 32));
    this.empty = new Int32Array(this.blocks);
    for (let i = 0; i < this.m; i++) {
      const c = pattern.charCodeAt(reversed ? this.m - 1 - i : i);
      let eq = this.peq.get(c);
      if (!eq) {
        eq = new Int32Array(this.blocks);
        this.peq.set(c, eq);
      }
      eq[i >> 5] |= 1 << (i & 31);
    }
    this.lastBit = 1 << ((this.m - 1) & 31);
    if (this.blocks === 1) for (const [c, eq] of this.peq) this.peq1.set(c, eq[0]);
    this.P = new Int32Array(this.blocks);
    this.M = new Int32Array(this.blocks);
  }

  /**
   * Run over text[a, b) forwards (or backwards when the pattern was prepared reversed).
   * `anchored`: the match must begin where the run begins; otherwise anywhere.
   * Returns the lowest distance and the position just past its best end (forwards: the first
   * such end, extended over equally good ends right after it; backwards: the furthest back,
   * i.e. the longest match).
   */
  private run(text: string, a: number, b: number, anchored: boolean): { errors: number; at: number } {
    if (this.blocks === 1) return this.run1(text, a, b, anchored);
    const { blocks, P, M, peq, empty, lastBit } = this;
    P.fill(-1);
    M.fill(0);
    let score = this.m;
    let best = anchored ? this.m : this.m;
    let bestAt = this.reversed ? b : a;
    const hin0 = anchored ? 1 : 0;
    const n = b - a;
    for (let step = 0; step < n; step++) {
      const j = this.reversed ? b - 1 - step : a + step;
      const eqs = peq.get(text.charCodeAt(j)) ?? empty;
      let hin = hin0;
      for (let k = 0; k < blocks; k++) {
        let eq = eqs[k];
        const pv = P[k];
        const mv = M[k];
        const xv = eq | mv;
        if (hin < 0) eq |= 1;
        const xh = (((eq & pv) + pv) ^ pv) | eq;
        let ph = mv | ~(xh | pv);
        let mh = pv & xh;
        const bit = k === blocks - 1 ? lastBit : 1 << 31;
        const hout = (ph & bit) !== 0 ? 1 : (mh & bit) !== 0 ? -1 : 0;
        ph <<= 1;
        mh <<= 1;
        if (hin < 0) mh |= 1;
        else if (hin > 0) ph |= 1;
        P[k] = mh | ~(xv | ph);
        M[k] = ph & xv;
        hin = hout;
      }
      score += hin;
      if (this.reversed) {
        if (score <= best) {
          best = score;
          bestAt = j;
        }
      } else if (score < best || (score === best && j + 1 - bestAt <= best)) {
        // an equally good end just after the best one extends the same match (the longer
        // reading, as approx-string-match reports it)
        best = score;
        bestAt = j + 1;
      }
    }
    return { errors: best, at: bestAt };
  }

  /** `run` for patterns of at most 32 characters: one block, kept in locals. */
  private run1(text: string, a: number, b: number, anchored: boolean): { errors: number; at: number } {
    const peq = this.peq1;
    const lastBit = this.lastBit;
    let pv = -1;
    let mv = 0;
    let score = this.m;
    let best = this.m;
    let bestAt = this.reversed ? b : a;
    const n = b - a;
    for (let step = 0; step < n; step++) {
      const j = this.reversed ? b - 1 - step : a + step;
      const eq = peq.get(text.charCodeAt(j)) ?? 0;
      const xv = eq | mv;
      const xh = (((eq & pv) + pv) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      if ((ph & lastBit) !== 0) score++;
      else if ((mh & lastBit) !== 0) score--;
      ph <<= 1;
      mh <<= 1;
      if (anchored) ph |= 1;
      pv = mh | ~(xv | ph);
      mv = ph & xv;
      if (this.reversed) {
        if (score <= best) {
          best = score;
          bestAt = j;
        }
      } else if (score < best || (score === best && j + 1 - bestAt <= best)) {
        best = score;
        bestAt = j + 1;
      }
    }
    return { errors: best, at: bestAt };
  }

  /** Lowest edit distance of the pattern against any substring of text[a, b), and its end. */
  score(text: string, a: number, b: number): { errors: number; end: number } {
    if (this.reversed) throw new Error('MyersScorer: score() needs a forward pattern');
    const r = this.run(text, a, b, false);
    return { errors: r.errors, end: r.at };
  }

  /**
   * With the pattern prepared reversed: the start of the best match that ends exactly at `end`,
   * looking back no further than `from`; the longest such match.
   */
  startOf(text: string, from: number, end: number): { errors: number; start: number } {
    if (!this.reversed) throw new Error('MyersScorer: startOf() needs a reversed pattern');
    const r = this.run(text, from, end, true);
    return { errors: r.errors, start: r.at };
  }
}

/**
 * Best alignments with at most `maxErrors` errors, lowest first, as a Myers scan of every
 * window would find them, but cheaply. Each edit destroys at most two of the quote's bigrams,
 * so a window holding `c` positions whose bigram occurs in the quote cannot align with fewer
 * than ⌈(m − 1 − c) / 2⌉ errors (the q-gram lemma): windows are scored in order of that
 * bound, stopping once it reaches the best score found; ties go to the preferred window
 * (turns before the introduction), then the earliest. The start of the chosen match is found
 * by running the reversed pattern back from its end.
 */
export function bestAlignments(
  text: string,
  query: string,
  windows: Array<[number, number]>,
  maxErrors: number,
  /** Order among equally good windows, lower first (e.g. turns before the introduction). */
  preference: (start: number) => number = () => 0,
  /** Also align the next windows within this many errors of the best (secondary matches). */
  alsoWithin = 0,
): Alignment[] {
  const m = query.length;
  if (windows.length === 0) return [];
  if (m < 2) return alignInWindows(text, query, windows, maxErrors);
  const grams = new Set<number>();
  for (let i = 0; i + 1 < m; i++) grams.add(bigramKey(query, i));
  const bounded: Array<{ w: [number, number]; lb: number; errors: number; end: number; pref: number }> = [];
  for (const w of windows) {
    let c = 0;
    for (let i = w[0]; i + 1 < w[1]; i++) if (grams.has(bigramKey(text, i))) c++;
    const lb = Math.max(0, Math.ceil((m - 1 - c) / 2));
    if (lb <= maxErrors) bounded.push({ w, lb, errors: Infinity, end: w[1], pref: 0 });
  }
  bounded.sort((x, y) => x.lb - y.lb || x.w[0] - y.w[0]);
  const scorer = new MyersScorer(query);
  let best = maxErrors;
  const scored: typeof bounded = [];
  for (const b of bounded) {
    if (b.lb > best + alsoWithin) break;
    const sc = scorer.score(text, b.w[0], b.w[1]);
    b.errors = sc.errors;
    b.end = sc.end;
    if (b.errors <= maxErrors) {
      // preference of where the alignment is, not where its (wider) window starts
      b.pref = preference(Math.max(b.w[0], b.end - m));
      scored.push(b);
      best = Math.min(best, b.errors);
    }
  }
  scored.sort((x, y) => x.errors - y.errors || x.pref - y.pref || x.w[0] - y.w[0]);
  // align the best window, and one more if it is as good but preferred differently (a turn and
  // the introduction quoting it) or within `alsoWithin`
  const out: Alignment[] = [];
  let back: MyersScorer | undefined;
  for (const b of scored) {
    if (b.errors > best + alsoWithin || out.length >= 2) break;
    if (out.length === 1 && b.errors === best && b.pref === scored[0].pref && alsoWithin === 0) continue;
    // the match ends at `end` (its first best end) and starts at most m + errors before it
    back ??= new MyersScorer(query, true);
    const from = Math.max(b.w[0], b.end - m - b.errors);
    const st = back.startOf(text, from, b.end);
    out.push({ start: st.start, end: b.end, errors: b.errors });
  }
  return out;
}

/** The full-text scan (how Hypothesis anchors quotes): the baseline the windows must equal. */
export function alignFullText(text: string, query: string, maxErrors: number): Alignment[] {
  return search(text, query, maxErrors)
    .map((f) => ({ start: f.start, end: f.end, errors: f.errors }))
    .sort((x, y) => x.errors - y.errors || x.start - y.start);
}
