/**
 * Approximate alignment (Myers' bit-parallel algorithm, via approx-string-match) of a quote
 * inside a few small windows of the normalised transcript.
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
export function windowsFor(candidates: Candidate[], queryLength: number, textLength: number): Array<[number, number]> {
  const slack = Math.ceil(queryLength * 0.5) + 12;
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

/** The full-text scan (how Hypothesis anchors quotes): the baseline the windows must equal. */
export function alignFullText(text: string, query: string, maxErrors: number): Alignment[] {
  return search(text, query, maxErrors)
    .map((f) => ({ start: f.start, end: f.end, errors: f.errors }))
    .sort((x, y) => x.errors - y.errors || x.start - y.start);
}
