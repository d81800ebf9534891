/**
 * Character-level differences between a quote and the transcript span it matched, both
 * normalised, reported in the reader's words (original strings) as Difference[].
 */
import type { Difference } from '../types';

/** A run of differing characters: [a0, a1) in the quote, [b0, b1) in the transcript. */
export interface Hunk {
  a0: number;
  a1: number;
  b0: number;
  b1: number;
}

/**
 * Myers' O((N+M)·D) shortest edit script, returned as hunks of consecutive edits.
 * Above `maxD` edits the whole strings are reported as one replacement.
 */
export function diffHunks(a: string, b: string, maxD = 2000): Hunk[] {
  const n = a.length;
  const m = b.length;
  if (a === b) return [];
  // common prefix/suffix keep the search small
  let pre = 0;
  while (pre < n && pre < m && a.charCodeAt(pre) === b.charCodeAt(pre)) pre++;
  let suf = 0;
  while (suf < n - pre && suf < m - pre && a.charCodeAt(n - 1 - suf) === b.charCodeAt(m - 1 - suf)) suf++;
  const A = a.slice(pre, n - suf);
  const B = b.slice(pre, m - suf);
  const N = A.length;
  const M = B.length;
  if (N === 0 || M === 0) return [{ a0: pre, a1: pre + N, b0: pre, b1: pre + M }];
  const max = Math.min(N + M, maxD);
  const off = max + 1;
  const v = new Int32Array(2 * max + 3);
  // trace[d] keeps v[k] for k = -d-1 … d+1 (all that backtracking at step d reads)
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    trace.push(v.slice(off - d - 1, off + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x: number;
      if (k === -d || (k !== d && v[off + k - 1] < v[off + k + 1])) x = v[off + k + 1];
      else x = v[off + k - 1] + 1;
      let y = x - k;
      while (x < N && y < M && A.charCodeAt(x) === B.charCodeAt(y)) {
        x++;
        y++;
      }
      v[off + k] = x;
      if (x >= N && y >= M) {
        found = d;
        break;
      }
    }
  }
  if (found < 0) return [{ a0: pre, a1: pre + N, b0: pre, b1: pre + M }];
  // backtrack: collect edit positions (in A/B coordinates)
  const dels: boolean[] = new Array(N).fill(false);
  const ins: boolean[] = new Array(M).fill(false);
  let x = N;
  let y = M;
  for (let d = found; d > 0; d--) {
    const vv = trace[d];
    const o = d + 1; // index of k = 0 in trace[d]
    const k = x - y;
    let prevK: number;
    if (k === -d || (k !== d && vv[o + k - 1] < vv[o + k + 1])) prevK = k + 1;
    else prevK = k - 1;
    const prevX = vv[o + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
    }
    if (prevK === k + 1) ins[prevY] = true; // moved down: B[prevY] inserted
    else dels[prevX] = true; // moved right: A[prevX] deleted
    x = prevX;
    y = prevY;
  }
  // walk both strings, grouping edits into hunks
  const hunks: Hunk[] = [];
  let i = 0;
  let j = 0;
  while (i < N || j < M) {
    if (i < N && j < M && !dels[i] && !ins[j]) {
      i++;
      j++;
      continue;
    }
    const h: Hunk = { a0: i, a1: i, b0: j, b1: j };
    while ((i < N && dels[i]) || (j < M && ins[j])) {
      if (i < N && dels[i]) i++;
      else j++;
    }
    if (i === h.a0 && j === h.b0) {
      // cannot happen with a consistent script; advance so the loop always ends
      if (i < N) i++;
      if (j < M) j++;
    }
    h.a1 = i;
    h.b1 = j;
    hunks.push(h);
  }
  return hunks.map((h) => ({ a0: h.a0 + pre, a1: h.a1 + pre, b0: h.b0 + pre, b1: h.b1 + pre }));
}

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isLatin = (c: number) => (c >= 0x61 && c <= 0x7a) || isDigit(c);

/**
 * Widen hunks that touch a number or a Latin word so the whole token is shown
 * (`10` vs `100`, not `` vs `0`); then merge hunks that come to overlap or touch.
 */
export function widenHunks(a: string, b: string, hunks: Hunk[]): Hunk[] {
  const widened = hunks.map((h) => {
    let { a0, a1, b0, b1 } = h;
    const touches = (s: string, p0: number, p1: number, test: (c: number) => boolean) =>
      (p0 > 0 && test(s.charCodeAt(p0 - 1))) || (p1 < s.length && test(s.charCodeAt(p1))) ||
      (p1 > p0 && test(s.charCodeAt(p0)));
    for (const test of [isDigit, isLatin]) {
      if (touches(a, a0, a1, test) || touches(b, b0, b1, test)) {
        // extend left while both sides continue the token identically
        while (a0 > 0 && b0 > 0 && test(a.charCodeAt(a0 - 1)) && a.charCodeAt(a0 - 1) === b.charCodeAt(b0 - 1)) {
          a0--;
          b0--;
        }
        while (a1 < a.length && b1 < b.length && test(a.charCodeAt(a1)) && a.charCodeAt(a1) === b.charCodeAt(b1)) {
          a1++;
          b1++;
        }
        break;
      }
    }
    return { a0, a1, b0, b1 };
  });
  const merged: Hunk[] = [];
  for (const h of widened) {
    const last = merged[merged.length - 1];
    if (last && h.a0 <= last.a1 && h.b0 <= last.b1) {
      last.a1 = Math.max(last.a1, h.a1);
      last.b1 = Math.max(last.b1, h.b1);
    } else merged.push({ ...h });
  }
  return merged;
}

/**
 * Differences between normalised quote `a` and normalised transcript span `b`, shown through
 * `showA`/`showB`, which turn a normalised range into the reader's original text.
 */
export function differences(
  a: string,
  b: string,
  showA: (i0: number, i1: number) => string,
  showB: (j0: number, j1: number) => string,
  hunks: Hunk[] = diffHunks(a, b),
): Difference[] {
  return widenHunks(a, b, hunks).map((h) => ({
    quote: h.a1 > h.a0 ? showA(h.a0, h.a1) : '',
    transcript: h.b1 > h.b0 ? showB(h.b0, h.b1) : '',
  }));
}
