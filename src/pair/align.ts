/**
 * Pair a translation with its original: link their paragraphs, then the sentences inside each
 * linked pair. Real translations condense (paragraphs merged, split or dropped, sentences left
 * out), so this is a monotonic dynamic programme over 1–1, 1–2, 2–1, 1–0 and 0–1 beads, scored
 * by what survives translation: speaker turns and their order, numbers, Latin words (names,
 * acronyms), relative length, and an English gloss of the translation when there is one.
 * Reader corrections (links marked `corrected`) are fixed points; the rest is re-aligned around
 * them. Pure: no browser API. Run once when a pair is made, never on each check.
 */
import type { PairLink, Source } from '../sources/model';
import { chineseNumbers, contentWords, englishNumbers, isCjkText, latinTokens, splitSentences, textLength } from './anchors';

export interface AlignOptions {
  /** Verbatim's English gloss of the translation's paragraphs, by paragraph id (optional). */
  gloss?: Record<string, string>;
  /** An earlier alignment: links marked `corrected` are kept exactly, the rest recomputed. */
  corrections?: PairLink[];
}

type Role = 'main' | 'other' | 'none' | 'mixed';

/** One paragraph or sentence (or two consecutive ones) as the scorer sees it. */
interface Feat {
  len: number;
  role: Role;
  turnStart: boolean;
  nums: number[];
  /** Distinct Latin tokens (the anchors of a CJK text). */
  latin: string[];
  /** Every Latin token, for lookups from the other side. */
  tokens: Set<string>;
  /** English content words (of the gloss, or of the text when it is English); null when none. */
  words: Set<string> | null;
  /** The words as sorted vocabulary ids and their weight sum, filled on first use (weights need the whole text). */
  wordIds?: Int32Array;
  wordSum?: number;
}

interface Weights {
  length: number;
  turn: number;
  skip: number;
  merge: number;
}

const PARAGRAPH_WEIGHTS: Weights = { length: 1.2, turn: 0.5, skip: 2, merge: 1.5 };
const SENTENCE_WEIGHTS: Weights = { length: 2, turn: 0, skip: 1.4, merge: 1.1 };

interface Scorer {
  ratio: number;
  tCjk: boolean;
  oCjk: boolean;
  latinIdf: (tok: string) => number;
  numIdf: (v: number) => number;
  wordIdf: (w: string) => number;
  /** Word → id and id → weight, shared by paragraph and sentence scoring of one alignment. */
  vocab: Map<string, number>;
  vocabWeight: number[];
  w: Weights;
}

function distinct<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

function feat(text: string, cjk: boolean, role: Role, turnStart: boolean, wordsText: string | null): Feat {
  const toks = latinTokens(text);
  return {
    len: textLength(text, cjk),
    role,
    turnStart,
    nums: distinct(cjk ? chineseNumbers(text) : englishNumbers(text)),
    latin: distinct(toks),
    tokens: new Set(toks),
    words: wordsText === null ? null : new Set(contentWords(wordsText)),
  };
}

function combine(a: Feat, b: Feat): Feat {
  return {
    len: a.len + b.len,
    role: a.role === b.role ? a.role : a.role === 'none' ? b.role : b.role === 'none' ? a.role : 'mixed',
    turnStart: a.turnStart,
    nums: distinct([...a.nums, ...b.nums]),
    latin: distinct([...a.latin, ...b.latin]),
    tokens: new Set([...a.tokens, ...b.tokens]),
    words: a.words && b.words ? new Set([...a.words, ...b.words]) : (a.words ?? b.words),
  };
}

/** Inverse document frequency over a list of token bags: rare anchors count more. */
function idf<T>(bags: Iterable<T>[], n: number): (x: T) => number {
  const df = new Map<T, number>();
  for (const bag of bags) for (const x of new Set(bag)) df.set(x, (df.get(x) ?? 0) + 1);
  const weight = new Map<T, number>();
  for (const [x, d] of df) weight.set(x, Math.log(1 + n / d));
  const unseen = Math.log(1 + n);
  return (x) => weight.get(x) ?? unseen;
}

function wordIds(f: Feat, s: Scorer): Int32Array {
  if (!f.wordIds) {
    const ids = [...(f.words ?? [])].map((w) => {
      let id = s.vocab.get(w);
      if (id === undefined) {
        id = s.vocab.size;
        s.vocab.set(w, id);
        s.vocabWeight.push(s.wordIdf(w));
      }
      return id;
    });
    f.wordIds = Int32Array.from(ids).sort();
    f.wordSum = 0;
    for (const id of f.wordIds) f.wordSum += s.vocabWeight[id];
  }
  return f.wordIds;
}

/** How well a translation group `t` renders an original group `o` (higher is better). */
function similarity(t: Feat, o: Feat, s: Scorer): number {
  let score = 0;
  const k = s.tCjk ? 6 : 15;
  score -= s.w.length * Math.min(3, Math.abs(Math.log((t.len + k) / (o.len * s.ratio + k))));
  if (t.role === 'mixed' || o.role === 'mixed') score -= 3;
  else if (t.role !== 'none' && o.role !== 'none') score += t.role === o.role ? 0.5 : -3;
  if (s.w.turn) score += t.turnStart === o.turnStart ? s.w.turn : -s.w.turn;

  let shared = 0;
  for (const v of t.nums) {
    if (o.nums.includes(v)) {
      score += 1.2 * s.numIdf(v);
      shared++;
    } else score -= 0.6; // a number the translator added is strong evidence against
  }
  score -= 0.2 * (o.nums.length - shared); // translations drop sentences, and their numbers

  if (s.tCjk !== s.oCjk) {
    const cjk = s.tCjk ? t : o;
    const latin = s.tCjk ? o : t;
    for (const tok of cjk.latin) score += latin.tokens.has(tok) ? 0.9 * s.latinIdf(tok) : -0.3;
  } else if (s.tCjk) {
    for (const tok of t.latin) if (o.tokens.has(tok)) score += 0.9 * s.latinIdf(tok);
  }

  if (t.words && o.words && t.words.size > 0 && o.words.size > 0) {
    const a = wordIds(t, s);
    const b = wordIds(o, s);
    let common = 0;
    for (let x = 0, y = 0; x < a.length && y < b.length; ) {
      if (a[x] === b[y]) {
        common += s.vocabWeight[a[x]];
        x++;
        y++;
      } else if (a[x] < b[y]) x++;
      else y++;
    }
    score += 10 * ((2 * common) / (t.wordSum! + o.wordSum!)) - 1;
  }
  return score;
}

/** A bead of the alignment: translation units [t0, t1) with original units [o0, o1). */
interface Bead {
  t0: number;
  t1: number;
  o0: number;
  o1: number;
}

const MOVES: Array<[number, number]> = [
  [1, 1],
  [1, 2],
  [2, 1],
  [1, 0],
  [0, 1],
];

/**
 * The best monotonic path over translation units [tFrom, tTo) and original units [oFrom, oTo).
 * `pairT[i]` / `pairO[j]` are the features of units i and i+1 together, or null when they may
 * not be grouped. Units flagged in `aloneT` / `aloneO` can only be left unlinked.
 */
function bestPath(
  unitsT: Feat[],
  pairT: Array<Feat | null>,
  unitsO: Feat[],
  pairO: Array<Feat | null>,
  tFrom: number,
  tTo: number,
  oFrom: number,
  oTo: number,
  s: Scorer,
  aloneT: Set<number>,
  aloneO: Set<number>,
  band?: (i: number) => [number, number],
): Bead[] {
  const n = tTo - tFrom;
  const m = oTo - oFrom;
  const W = m + 1;
  const score = new Float64Array((n + 1) * W).fill(-Infinity);
  const move = new Int8Array((n + 1) * W).fill(-1);
  score[0] = 0;
  const group = (units: Feat[], pairs: Array<Feat | null>, alone: Set<number>, at: number, size: number): Feat | null => {
    if (alone.has(at) || (size === 2 && alone.has(at + 1))) return null;
    return size === 1 ? units[at] : pairs[at];
  };
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
        if (dj === 0) gain = -s.w.skip;
        else if (di === 0) gain = -s.w.skip;
        else {
          const t = group(unitsT, pairT, aloneT, tFrom + i - di, di);
          const o = group(unitsO, pairO, aloneO, oFrom + j - dj, dj);
          if (!t || !o) continue;
          gain = similarity(t, o, s) - (di + dj > 2 ? s.w.merge : 0);
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

const HINT_MARGIN = 12;

/**
 * `bestPath` inside a band around the diagonal of cumulative length (a translation follows its
 * original's order, so the path stays near it); when the path touches the band's edge the band
 * doubles, up to the whole matrix. Small problems run unbanded.
 */
function bandedPath(
  unitsT: Feat[],
  pairT: Array<Feat | null>,
  unitsO: Feat[],
  pairO: Array<Feat | null>,
  tFrom: number,
  tTo: number,
  oFrom: number,
  oTo: number,
  s: Scorer,
  aloneT: Set<number>,
  aloneO: Set<number>,
): Bead[] {
  const n = tTo - tFrom;
  const m = oTo - oFrom;
  if (n * m <= 40_000) return bestPath(unitsT, pairT, unitsO, pairO, tFrom, tTo, oFrom, oTo, s, aloneT, aloneO);
  const cum = (units: Feat[], from: number, count: number) => {
    const c = new Float64Array(count + 1);
    for (let k = 0; k < count; k++) c[k + 1] = c[k] + units[from + k].len + 1;
    for (let k = 0; k <= count; k++) c[k] /= c[count] || 1;
    return c;
  };
  const ft = cum(unitsT, tFrom, n);
  const fo = cum(unitsO, oFrom, m);
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
    const beads = bestPath(unitsT, pairT, unitsO, pairO, tFrom, tTo, oFrom, oTo, s, aloneT, aloneO, (i) => [lo[i], hi[i]]);
    if (width >= 1) return beads;
    const touches = beads.some((bd) => {
      const i = bd.t1 - tFrom;
      const j = bd.o1 - oFrom;
      return (lo[i] > 0 && j <= lo[i] + 1) || (hi[i] < m && j >= hi[i] - 1);
    });
    if (!touches) return beads;
  }
}

type Roles = Map<string, Role>;

/** Main / other per speaker id; the translation's speakers take the role of the original's speaker of the same name. */
function speakerRoles(source: Source, counterpart?: Source): Roles {
  const roles: Roles = new Map(source.speakers.map((sp) => [sp.id, sp.main ? 'main' : 'other'] as const));
  if (!counterpart) return roles;
  const nameTokens = (name: string) => new Set(name.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((t) => t.length > 1));
  for (const sp of source.speakers) {
    const mine = nameTokens(sp.name);
    const same = counterpart.speakers.find((o) => o.name === sp.name || [...nameTokens(o.name)].some((t) => mine.has(t)));
    if (same) roles.set(sp.id, same.main ? 'main' : 'other');
  }
  return roles;
}

function roleOf(roles: Roles, speakerId: string | null, kind: string): Role {
  // Headings and prose (the built-in editor's introduction) are nobody's turn.
  if (kind !== 'turn' || speakerId === null) return 'none';
  return roles.get(speakerId) ?? 'none';
}

function sourceIsCjk(source: Source): boolean {
  if (/^(zh|ja)\b/i.test(source.language)) return true;
  if (/^[a-z]{2}\b/i.test(source.language) && !/^und/i.test(source.language)) return false;
  return isCjkText(source.paragraphs.slice(0, 20).map((p) => p.text).join(''));
}

function paragraphFeats(
  source: Source,
  cjk: boolean,
  roles: Roles,
  wordsOf: (id: string, text: string) => string | null,
): { units: Feat[]; pairs: Array<Feat | null> } {
  const units = source.paragraphs.map((p, i) => {
    const prev = source.paragraphs[i - 1];
    const turnStart = p.turnId === null || !prev || prev.turnId !== p.turnId;
    return feat(p.text, cjk, roleOf(roles, p.speakerId, p.kind), turnStart, wordsOf(p.id, p.text));
  });
  const pairs = units.map((u, i) => (i + 1 < units.length ? combine(u, units[i + 1]) : null));
  return { units, pairs };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
}

/** The corrected links that can be kept together: in translation order, none crossing another. */
function fixedLinks(links: PairLink[], tIndex: Map<string, number>, oIndex: Map<string, number>) {
  const out: Array<{ link: PairLink; t: number[]; o: number[] }> = [];
  for (const link of links) {
    if (!link.corrected) continue;
    const t = link.translation.map((id) => tIndex.get(id));
    const o = link.original.map((id) => oIndex.get(id));
    if (t.some((x) => x === undefined) || o.some((x) => x === undefined) || t.length + o.length === 0) continue;
    out.push({ link, t: (t as number[]).sort((a, b) => a - b), o: (o as number[]).sort((a, b) => a - b) });
  }
  out.sort((a, b) => (a.t[0] ?? Infinity) - (b.t[0] ?? Infinity) || (a.o[0] ?? Infinity) - (b.o[0] ?? Infinity));
  const kept: typeof out = [];
  let tMax = -1;
  let oMax = -1;
  const usedT = new Set<number>();
  const usedO = new Set<number>();
  for (const f of out) {
    if (f.t.some((x) => usedT.has(x)) || f.o.some((x) => usedO.has(x))) continue;
    // A two-sided link fixes the order: it must come after every earlier two-sided link.
    if (f.t.length && f.o.length && (f.t[0] <= tMax || f.o[0] <= oMax)) continue;
    kept.push(f);
    for (const x of f.t) usedT.add(x);
    for (const x of f.o) usedO.add(x);
    if (f.t.length && f.o.length) {
      tMax = f.t[f.t.length - 1];
      oMax = f.o[f.o.length - 1];
    }
  }
  return kept;
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
  const latinSide = tCjk && !oCjk ? O.units : !tCjk && oCjk ? T.units : [...T.units, ...O.units];
  const nO = Math.max(1, O.units.length);
  const scorer: Scorer = {
    ratio: 1,
    tCjk,
    oCjk,
    latinIdf: idf(latinSide.map((u) => u.tokens), latinSide.length || 1),
    numIdf: idf(O.units.map((u) => u.nums), nO),
    wordIdf: idf(O.units.map((u) => u.words ?? []), nO),
    vocab: new Map(),
    vocabWeight: [],
    w: PARAGRAPH_WEIGHTS,
  };
  const totalT = T.units.reduce((a, u) => a + u.len, 0);
  const totalO = O.units.reduce((a, u) => a + u.len, 0);
  scorer.ratio = totalO > 0 && totalT > 0 ? totalT / totalO : 1;

  const fixed = fixedLinks(options.corrections ?? [], tIndex, oIndex);
  const aloneT = new Set<number>();
  const aloneO = new Set<number>();
  for (const f of fixed) {
    for (const x of f.t) aloneT.add(x);
    for (const x of f.o) aloneO.add(x);
  }
  const anchors = fixed.filter((f) => f.t.length && f.o.length);

  // The path of the previous pass, per row (translation units consumed): min and max column.
  let hint: { lo: Int32Array; hi: Int32Array } | null = null;
  const run = (): Array<Bead | { fixed: PairLink }> => {
    const out: Array<Bead | { fixed: PairLink }> = [];
    let t = 0;
    let o = 0;
    const gap = (tTo: number, oTo: number) => {
      const h = hint;
      const path = h
        ? bestPath(T.units, T.pairs, O.units, O.pairs, t, tTo, o, oTo, scorer, aloneT, aloneO, (i) => [
            h.lo[t + i] - o - HINT_MARGIN,
            h.hi[t + i] - o + HINT_MARGIN,
          ])
        : bandedPath(T.units, T.pairs, O.units, O.pairs, t, tTo, o, oTo, scorer, aloneT, aloneO);
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
  };

  let beads = run();
  // Second pass with the length ratio of the paragraphs actually linked one to one (the first
  // used whole-text lengths, which the translation's omissions skew), near the first path.
  const ratios = beads
    .filter((b): b is Bead => !('fixed' in b) && b.t1 - b.t0 === 1 && b.o1 - b.o0 === 1)
    .map((b) => (T.units[b.t0].len + 1) / (O.units[b.o0].len + 1));
  if (ratios.length >= 5) {
    scorer.ratio = median(ratios);
    const lo = new Int32Array(T.units.length + 1).fill(O.units.length);
    const hi = new Int32Array(T.units.length + 1).fill(0);
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
    for (let i = 1; i <= T.units.length; i++) if (lo[i] > hi[i]) [lo[i], hi[i]] = [lo[i - 1], hi[i - 1]];
    hint = { lo, hi };
    beads = run();
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

interface SentenceUnit {
  paragraphId: string;
  start: number;
  end: number;
}

function sentenceUnits(
  paragraphs: Source['paragraphs'],
  glossOf: (id: string, count: number) => string[] | null,
  /** Whether the sentence's own text gives its English words. */
  englishWords: boolean,
  cjk: boolean,
): { spans: SentenceUnit[]; units: Feat[]; pairs: Array<Feat | null> } {
  const spans: SentenceUnit[] = [];
  const units: Feat[] = [];
  for (const p of paragraphs) {
    const ss = splitSentences(p.text);
    const glossSentences = glossOf(p.id, ss.length);
    ss.forEach(([start, end], i) => {
      const text = p.text.slice(start, end);
      spans.push({ paragraphId: p.id, start, end });
      units.push(feat(text, cjk, 'none', false, glossSentences ? glossSentences[i] : englishWords ? text : null));
    });
  }
  const pairs = units.map((u, i) =>
    i + 1 < units.length && spans[i].paragraphId === spans[i + 1].paragraphId ? combine(u, units[i + 1]) : null,
  );
  return { spans, units, pairs };
}

/** Sentence links inside one linked group of paragraphs (same dynamic programme, sentence units). */
function alignSentences(
  tParagraphs: Source['paragraphs'],
  oParagraphs: Source['paragraphs'],
  scorer: Scorer,
  gloss: Record<string, string>,
): NonNullable<PairLink['sentences']> {
  // A gloss written sentence by sentence lends its words to each sentence when the counts agree.
  const glossOf = (id: string, count: number) => {
    const g = gloss[id];
    if (!g) return null;
    const parts = splitSentences(g).map(([a, b]) => g.slice(a, b));
    return parts.length === count ? parts : null;
  };
  const tWords = !scorer.tCjk || tParagraphs.some((p) => gloss[p.id]);
  const T = sentenceUnits(tParagraphs, scorer.oCjk ? () => null : glossOf, !scorer.tCjk && !scorer.oCjk, scorer.tCjk);
  const O = sentenceUnits(oParagraphs, () => null, !scorer.oCjk && tWords, scorer.oCjk);
  const none = new Set<number>();
  const beads = bestPath(T.units, T.pairs, O.units, O.pairs, 0, T.units.length, 0, O.units.length, scorer, none, none);
  const out: NonNullable<PairLink['sentences']> = [];
  for (const b of beads) {
    if (b.t1 === b.t0 || b.o1 === b.o0) continue;
    const t0 = T.spans[b.t0];
    const t1 = T.spans[b.t1 - 1];
    const o0 = O.spans[b.o0];
    const o1 = O.spans[b.o1 - 1];
    out.push({ translation: [t0.paragraphId, t0.start, t1.end], original: [o0.paragraphId, o0.start, o1.end] });
  }
  return out;
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
  const crosses = (l: PairLink) => {
    const lt = span(l.translation, tIndex);
    const lo = span(l.original, oIndex);
    if (lt.some((x) => ct.includes(x)) || lo.some((x) => co.includes(x))) return true;
    if (!lt.length || !lo.length || !ct.length || !co.length) return false;
    const before = Math.max(...lt) < Math.min(...ct);
    const beforeO = Math.max(...lo) < Math.min(...co);
    const after = Math.min(...lt) > Math.max(...ct);
    const afterO = Math.min(...lo) > Math.max(...co);
    return !((before && beforeO) || (after && afterO));
  };
  const kept = links.filter((l) => l.corrected && !crosses(l));
  kept.push({ translation: [...correction.translation], original: [...correction.original], corrected: true });
  return alignPair(translation, original, { ...options, corrections: kept });
}
