/**
 * The aligner's one dynamic programme: the best monotonic path of beads (1–1, 1–2, 2–1, 1–0,
 * 0–1) over a stretch of translation units and original units, optionally inside a band around
 * an expected path. Paragraphs and sentences both go through `bestPath`.
 */
import type { Feat, Units } from './features';
import { similarity, type Scorer } from './score';

/** A bead of the alignment: translation units [t0, t1) with original units [o0, o1). */
export interface Bead {
  t0: number;
  t1: number;
  o0: number;
  o1: number;
}

export interface PathProblem {
  t: Units;
  o: Units;
  /** The stretch to align: translation units [tFrom, tTo), original units [oFrom, oTo). */
  tFrom: number;
  tTo: number;
  oFrom: number;
  oTo: number;
  scorer: Scorer;
  /** Units that can only be left unlinked (a reader's correction places them). */
  aloneT?: ReadonlySet<number>;
  aloneO?: ReadonlySet<number>;
  /** Row i (translation units consumed) may only reach columns [lo, hi] (original units consumed). */
  band?: (i: number) => [number, number];
}

const MOVES: Array<[number, number]> = [
  [1, 1],
  [1, 2],
  [2, 1],
  [1, 0],
  [0, 1],
];

const NONE: ReadonlySet<number> = new Set();

function group(side: Units, alone: ReadonlySet<number>, at: number, size: number): Feat | null {
  if (alone.has(at) || (size === 2 && alone.has(at + 1))) return null;
  return size === 1 ? side.units[at] : side.pairs[at];
}

export function bestPath(p: PathProblem): Bead[] {
  const { t, o, tFrom, oFrom, scorer: s, band } = p;
  const aloneT = p.aloneT ?? NONE;
  const aloneO = p.aloneO ?? NONE;
  const n = p.tTo - tFrom;
  const m = p.oTo - oFrom;
  const W = m + 1;
  const score = new Float64Array((n + 1) * W).fill(-Infinity);
  const move = new Int8Array((n + 1) * W).fill(-1);
  score[0] = 0;
  for (let i = 0; i <= n; i++) {
    const lo = band ? band(i)[0] : 0;
    const hi = band ? band(i)[1] : m;
    for (let j = Math.max(0, lo); j <= Math.min(m, hi); j++) {
      if (i === 0 && j === 0) continue;
      let best = -Infinity;
      let bestMove = -1;
      for (let k = 0; k < MOVES.length; k++) {
        const di = MOVES[k][0];
        const dj = MOVES[k][1];
        if (di > i || dj > j) continue;
        const prev = score[(i - di) * W + (j - dj)];
        if (prev === -Infinity) continue;
        let gain: number;
        if (di === 0 || dj === 0) gain = -s.w.skip;
        else {
          const tg = group(t, aloneT, tFrom + i - di, di);
          const og = group(o, aloneO, oFrom + j - dj, dj);
          if (!tg || !og) continue;
          gain = similarity(tg, og, s) - (di + dj > 2 ? s.w.merge : 0);
        }
        if (prev + gain > best) {
          best = prev + gain;
          bestMove = k;
        }
      }
      score[i * W + j] = best;
      move[i * W + j] = bestMove;
    }
  }
  const beads: Bead[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const [di, dj] = MOVES[move[i * W + j]];
    beads.push({ t0: tFrom + i - di, t1: tFrom + i, o0: oFrom + j - dj, o1: oFrom + j });
    i -= di;
    j -= dj;
  }
  return beads.reverse();
}

/**
 * `bestPath` inside a band around the diagonal of cumulative length (a translation follows its
 * original's order, so the path stays near it); when the path touches the band's edge the band
 * doubles, up to the whole matrix. Small problems run unbanded.
 */
export function bandedPath(p: Omit<PathProblem, 'band'>): Bead[] {
  const { t, o, tFrom, oFrom } = p;
  const n = p.tTo - tFrom;
  const m = p.oTo - oFrom;
  if (n * m <= 40_000) return bestPath(p);
  const cum = (units: Feat[], from: number, count: number) => {
    const c = new Float64Array(count + 1);
    for (let k = 0; k < count; k++) c[k + 1] = c[k] + units[from + k].len + 1;
    for (let k = 0; k <= count; k++) c[k] /= c[count] || 1;
    return c;
  };
  const ft = cum(t.units, tFrom, n);
  const fo = cum(o.units, oFrom, m);
  for (let width = 0.06; ; width *= 2) {
    const lo = new Int32Array(n + 1);
    const hi = new Int32Array(n + 1);
    let a = 0;
    let b = 0;
    for (let i = 0; i <= n; i++) {
      while (a < m && fo[a] < ft[i] - width) a++;
      while (b < m && fo[b + 1] <= ft[i] + width) b++;
      lo[i] = Math.max(0, Math.min(a, b) - 3);
      hi[i] = Math.min(m, Math.max(a, b) + 3);
    }
    lo[0] = 0;
    hi[n] = m;
    const beads = bestPath({ ...p, band: (i) => [lo[i], hi[i]] });
    if (width >= 1) return beads;
    const touches = beads.some((bd) => {
      const i = bd.t1 - tFrom;
      const j = bd.o1 - oFrom;
      return (lo[i] > 0 && j <= lo[i] + 1) || (hi[i] < m && j >= hi[i] - 1);
    });
    if (!touches) return beads;
  }
}
