/**
 * How well a group of translation units renders a group of original units: the bead score of
 * the aligner's dynamic programme. Weights differ for paragraphs and sentences.
 */
import type { Feat } from './features';

export interface Weights {
  length: number;
  turn: number;
  skip: number;
  merge: number;
}

export const PARAGRAPH_WEIGHTS: Weights = { length: 1.2, turn: 0.5, skip: 2, merge: 1.5 };
export const SENTENCE_WEIGHTS: Weights = { length: 2, turn: 0, skip: 1.4, merge: 1.1 };

export interface Scorer {
  /** Expected translation length per unit of original length. */
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

/** Inverse document frequency over a list of token bags: rare anchors count more. */
export function idf<T>(bags: Iterable<T>[], n: number): (x: T) => number {
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
export function similarity(t: Feat, o: Feat, s: Scorer): number {
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
