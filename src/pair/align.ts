/**
 * Pair a translation with its original: link their paragraphs, then the sentences inside each
 * linked pair. Real translations condense (paragraphs merged, split or dropped, sentences left
 * out), so this is a monotonic dynamic programme over 1–1, 1–2, 2–1, 1–0 and 0–1 beads, scored
 * by what survives translation: speaker turns and their order, numbers, Latin words (names,
 * acronyms), relative length, and an English gloss of the translation when there is one.
 * Reader corrections (links marked `corrected`) are fixed points; the rest is re-aligned around
 * them. Pure: no browser API. Run once when a pair is made, never on each check.
 *
 * The steps live in their own modules: features (`features.ts`), the bead score (`score.ts`),
 * the dynamic programme (`path.ts`), sentences (`sentences.ts`) and corrections (`corrections.ts`).
 */
import type { PairLink, Source } from '../sources/model';
import { crossesCorrection, fixedLinks, type FixedLink } from './corrections';
import { paragraphFeats, sourceIsCjk, speakerRoles, type Units } from './features';
import { bandedPath, bestPath, type Bead } from './path';
import { alignSentences } from './sentences';
import { idf, PARAGRAPH_WEIGHTS, SENTENCE_WEIGHTS, type Scorer } from './score';

export interface AlignOptions {
  /** Verbatim's English gloss of the translation's paragraphs, by paragraph id (optional). */
  gloss?: Record<string, string>;
  /** An earlier alignment: links marked `corrected` are kept exactly, the rest recomputed. */
  corrections?: PairLink[];
}

/** How far (in original paragraphs) the second pass may stray from the first pass's path. */
const HINT_MARGIN = 12;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
}

/** The paragraph scorer: idf weights from the original, the length ratio from the whole texts. */
function paragraphScorer(T: Units, O: Units, tCjk: boolean, oCjk: boolean): Scorer {
  const latinSide = tCjk && !oCjk ? O.units : !tCjk && oCjk ? T.units : [...T.units, ...O.units];
  const nO = Math.max(1, O.units.length);
  const totalT = T.units.reduce((a, u) => a + u.len, 0);
  const totalO = O.units.reduce((a, u) => a + u.len, 0);
  return {
    ratio: totalO > 0 && totalT > 0 ? totalT / totalO : 1,
    tCjk,
    oCjk,
    latinIdf: idf(latinSide.map((u) => u.tokens), latinSide.length || 1),
    numIdf: idf(O.units.map((u) => u.nums), nO),
    wordIdf: idf(O.units.map((u) => u.words ?? []), nO),
    vocab: new Map(),
    vocabWeight: [],
    w: PARAGRAPH_WEIGHTS,
  };
}

type Step = Bead | { fixed: PairLink };

/** The paragraph beads between the fixed links, in order, with the fixed links in place. */
function paragraphBeads(
  T: Units,
  O: Units,
  scorer: Scorer,
  fixed: FixedLink[],
  hint: { lo: Int32Array; hi: Int32Array } | null,
): Step[] {
  const aloneT = new Set<number>();
  const aloneO = new Set<number>();
  for (const f of fixed) {
    for (const x of f.t) aloneT.add(x);
    for (const x of f.o) aloneO.add(x);
  }
  const anchors = fixed.filter((f) => f.t.length && f.o.length);
  const out: Step[] = [];
  let t = 0;
  let o = 0;
  const gap = (tTo: number, oTo: number) => {
    const problem = { t: T, o: O, tFrom: t, tTo, oFrom: o, oTo, scorer, aloneT, aloneO };
    const from = { t, o };
    const path = hint
      ? bestPath({ ...problem, band: (i) => [hint.lo[from.t + i] - from.o - HINT_MARGIN, hint.hi[from.t + i] - from.o + HINT_MARGIN] })
      : bandedPath(problem);
    for (const b of path) {
      // Units a correction holds are placed by the correction, not by the path.
      if (b.t1 - b.t0 === 1 && b.o1 === b.o0 && aloneT.has(b.t0)) continue;
      if (b.o1 - b.o0 === 1 && b.t1 === b.t0 && aloneO.has(b.o0)) continue;
      out.push(b);
    }
  };
  for (const a of anchors) {
    gap(a.t[0], Math.max(o, a.o[0]));
    out.push({ fixed: a.link });
    t = a.t[a.t.length - 1] + 1;
    o = Math.max(o, a.o[a.o.length - 1] + 1);
  }
  gap(T.units.length, O.units.length);
  return out;
}

/** Per row of the first path, the columns it used: the band of the second pass. */
function pathHint(beads: Step[], rows: number, cols: number): { lo: Int32Array; hi: Int32Array } {
  const lo = new Int32Array(rows + 1).fill(cols);
  const hi = new Int32Array(rows + 1).fill(0);
  const mark = (i: number, j: number) => {
    lo[i] = Math.min(lo[i], j);
    hi[i] = Math.max(hi[i], j);
  };
  mark(0, 0);
  for (const b of beads) {
    if ('fixed' in b) continue;
    mark(b.t0, b.o0);
    mark(b.t1, b.o1);
  }
  // Rows the path skipped over (inside a fixed link) take their neighbours' range.
  for (let i = 1; i <= rows; i++) if (lo[i] > hi[i]) [lo[i], hi[i]] = [lo[i - 1], hi[i - 1]];
  return { lo, hi };
}

/**
 * Align a translation with its original. Returns one link per bead in reading order, covering
 * every paragraph of both sources: a translation paragraph with no original has `original: []`,
 * an original paragraph the translation dropped has `translation: []`.
 */
export function alignPair(translation: Source, original: Source, options: AlignOptions = {}): PairLink[] {
  const tCjk = sourceIsCjk(translation);
  const oCjk = sourceIsCjk(original);
  const gloss = options.gloss ?? {};
  // Word overlap needs English words on both sides: skip the work when one side has none.
  const tWords = !tCjk || Object.keys(gloss).length > 0;
  const oWords = !oCjk;
  const T = paragraphFeats(translation, tCjk, speakerRoles(translation, original), (id, text) =>
    oWords ? (gloss[id] ?? (tCjk ? null : text)) : null,
  );
  const O = paragraphFeats(original, oCjk, speakerRoles(original), (_id, text) => (tWords && oWords ? text : null));
  const tIndex = new Map(translation.paragraphs.map((p, i) => [p.id, i]));
  const oIndex = new Map(original.paragraphs.map((p, i) => [p.id, i]));
  const scorer = paragraphScorer(T, O, tCjk, oCjk);
  const fixed = fixedLinks(options.corrections ?? [], tIndex, oIndex);

  let beads = paragraphBeads(T, O, scorer, fixed, null);
  // Second pass with the length ratio of the paragraphs actually linked one to one (the first
  // used whole-text lengths, which the translation's omissions skew), near the first path.
  const ratios = beads
    .filter((b): b is Bead => !('fixed' in b) && b.t1 - b.t0 === 1 && b.o1 - b.o0 === 1)
    .map((b) => (T.units[b.t0].len + 1) / (O.units[b.o0].len + 1));
  if (ratios.length >= 5) {
    scorer.ratio = median(ratios);
    beads = paragraphBeads(T, O, scorer, fixed, pathHint(beads, T.units.length, O.units.length));
  }

  const sentenceScorer: Scorer = { ...scorer, w: SENTENCE_WEIGHTS };
  const links: PairLink[] = [];
  const fixedPlaced = new Set<PairLink>();
  const pushFixed = (link: PairLink) => {
    if (fixedPlaced.has(link)) return;
    fixedPlaced.add(link);
    const copy: PairLink = { translation: [...link.translation], original: [...link.original], corrected: true };
    const tp = link.translation.map((id) => translation.paragraphs[tIndex.get(id)!]);
    const op = link.original.map((id) => original.paragraphs[oIndex.get(id)!]);
    copy.sentences = link.sentences ?? (tp.length && op.length ? alignSentences(tp, op, sentenceScorer, gloss) : []);
    links.push(copy);
  };
  // One-sided corrections ("this paragraph has no counterpart") go where their paragraph falls.
  const oneSided = fixed.filter((f) => !(f.t.length && f.o.length));
  const placeOneSidedBefore = (tPos: number, oPos: number) => {
    for (const f of oneSided) {
      if (f.t.length ? f.t[0] < tPos : f.o[0] < oPos) pushFixed(f.link);
    }
  };
  for (const b of beads) {
    if ('fixed' in b) {
      const f = fixed.find((x) => x.link === b.fixed)!;
      placeOneSidedBefore(f.t[0], f.o[0]);
      pushFixed(b.fixed);
      continue;
    }
    placeOneSidedBefore(b.t0, b.o0);
    const tp = translation.paragraphs.slice(b.t0, b.t1);
    const op = original.paragraphs.slice(b.o0, b.o1);
    const link: PairLink = { translation: tp.map((p) => p.id), original: op.map((p) => p.id) };
    if (tp.length && op.length) link.sentences = alignSentences(tp, op, sentenceScorer, gloss);
    links.push(link);
  }
  placeOneSidedBefore(Infinity, Infinity);
  return links;
}

/**
 * Replace the link(s) of a paragraph with the reader's correction, then re-align the rest around
 * every correction. Earlier corrections that overlap or cross the new one give way to it.
 */
export function correctLink(
  translation: Source,
  original: Source,
  links: PairLink[],
  correction: Pick<PairLink, 'translation' | 'original'>,
  options: Omit<AlignOptions, 'corrections'> = {},
): PairLink[] {
  const tIndex = new Map(translation.paragraphs.map((p, i) => [p.id, i]));
  const oIndex = new Map(original.paragraphs.map((p, i) => [p.id, i]));
  const span = (ids: string[], index: Map<string, number>) => ids.map((id) => index.get(id) ?? -1);
  const ct = span(correction.translation, tIndex);
  const co = span(correction.original, oIndex);
  const kept = links.filter((l) => l.corrected && !crossesCorrection(span(l.translation, tIndex), span(l.original, oIndex), ct, co));
  kept.push({ translation: [...correction.translation], original: [...correction.original], corrected: true });
  return alignPair(translation, original, { ...options, corrections: kept });
}
