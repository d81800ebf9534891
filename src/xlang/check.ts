/**
 * The cross-language check: a Chinese quote against a source in English, an English quote
 * against a source in Chinese, through the dictionary (`terms.ts`). At most `related`: the
 * wording cannot be compared, only whether one passage accounts for what the quote says.
 *
 * 1. The quote's words become concepts (alternatives in the source's language). A concept
 *    weighs by how rare it is in the source (its alternatives together); names and numbers
 *    weigh double; a concept the source never has weighs most — an invented claim in words
 *    the interview never uses is not explained by its topic words.
 * 2. Paragraphs of all sources are ranked by the concepts they hold; the best few are read
 *    sentence by sentence: the best stretch of one to three sentences, scored by the weighted share of the
 *    concepts it holds (a concept's best alternative counts by its weight).
 * 3. `related` needs that share to reach XLANG_RELATED, clearly ahead of the next passage, no
 *    long run of the quote unexplained; a quote that denies what the passage does not deny
 *    counts less.
 */
import type { CheckResult, Match } from '../types';
import type { MatchSourceRef } from '../sources/model';
import type { Dictionary } from './dictionary';
import { chineseConcepts, englishConcepts, type Concept } from './terms';
import type { SourceIndex, XParagraph, XSentence } from './source-index';

export interface XSource {
  index: SourceIndex;
  ref?: MatchSourceRef;
}

/** Least weighted share (plus the lead over the next passage) the passage must hold: on the dev half, between invented quotes (≤ 0.35) and renderings (mostly ≥ 0.41). */
export const XLANG_RELATED = 0.38;
/** Share added for a lead over the next passage, at most. */
export const XLANG_MARGIN_CAP = 0.1;
/** Longest run of unexplained concepts, as a share of the quote's concepts. */
export const XLANG_MAX_UNEXPLAINED = 0.45;
/** A quote that denies what the passage does not deny is that much less supported. */
export const XLANG_POLARITY_COST = 0.1;
/** Fewer concepts than this: too little to say anything across languages. */
export const XLANG_MIN_CONCEPTS = 3;
/** Paragraphs (of all sources together) read sentence by sentence. */
const CANDIDATES = 8;
const MAX_WINDOW = 3;
/** Each sentence beyond the first costs this much share (a wider stretch holds more by chance). */
const WINDOW_COST = 0.04;
const MAX_MATCHES = 3;

const NEG_ZH = /不(?![同过断少仅但久错管如论然够止太])|没有|没|从未|绝非|并非|毫无|永远不|未曾/u;
const NEG_EN = /\b(?:not|no|never|none|nobody|nothing|neither|nor|without|cannot)\b|n't\b/i;

export function quoteIsChinese(text: string): boolean {
  const han = (text.match(/[\u3400-\u9FFF\uF900-\uFAFF]/gu) ?? []).length;
  const latin = (text.match(/[A-Za-z]{2,}/g) ?? []).length;
  return han > 0 && han >= latin;
}

interface Scored {
  source: XSource;
  xp: XParagraph;
  share: number;
  start: number;
  end: number;
  hits: boolean[];
}

function idf(df: number, n: number): number {
  return Math.log(1 + n / Math.max(df, 0.5));
}

/** Concepts with their weights in one source. */
function weigh(concepts: Concept[], index: SourceIndex): number[] {
  const n = Math.max(1, index.paragraphs.length);
  return concepts.map((c) => {
    // paragraphs holding any alternative: the largest posting list stands in for the union
    let df = c.key ? index.reversePostingsOf(c.key).length : 0;
    for (const a of c.alts) df = Math.max(df, index.postings(a.term).length);
    return idf(df, n) * (c.salient ? 2 : 1);
  });
}

/** A word met the other way round counts a little less than one met directly. */
const REVERSE_WEIGHT = 0.85;

function hitOf(c: Concept, s: XSentence, index: SourceIndex): number {
  let best = c.key ? index.reverseWeight(c.key, s) * REVERSE_WEIGHT : 0;
  for (const a of c.alts) if (a.weight > best && index.sentenceHas(s, a.term)) best = a.weight;
  return best;
}

/** Best stretch of one to three sentences of a paragraph. */
function bestWindow(concepts: Concept[], weights: number[], total: number, index: SourceIndex, xp: XParagraph) {
  // a question (the host's, mostly) asserts nothing: it supports no claim
  const perSentence = xp.sentences.map((s) => concepts.map((c) => (isQuestion(xp, s) ? 0 : hitOf(c, s, index))));
  let best = { share: -1, a: 0, b: 0, hits: [] as number[] };
  for (let a = 0; a < perSentence.length; a++) {
    const acc = new Array<number>(concepts.length).fill(0);
    for (let b = a; b < Math.min(perSentence.length, a + MAX_WINDOW); b++) {
      perSentence[b].forEach((h, k) => (acc[k] = Math.max(acc[k], h)));
      let got = 0;
      acc.forEach((h, k) => (got += h * weights[k]));
      const share = got / total - WINDOW_COST * (b - a);
      if (share > best.share + 1e-9) best = { share, a, b, hits: [...acc] };
    }
  }
  return best;
}

function isQuestion(xp: XParagraph, s: XSentence): boolean {
  return /[?？]["”’」』)]?$/u.test(xp.paragraph.text.slice(s.start, s.end));
}

/** A-not-A questions (会不会, 是不是, 有没有) ask; they do not deny. */
function denies(text: string, zh: boolean): boolean {
  return zh ? NEG_ZH.test(text.replace(/(\p{Script=Han})[不没]\1|有没有/gu, ' ')) : NEG_EN.test(text);
}

function longestUnexplained(hits: boolean[]): number {
  let run = 0;
  let longest = 0;
  for (const h of hits) {
    run = h ? 0 : run + 1;
    longest = Math.max(longest, run);
  }
  return hits.length === 0 ? 1 : longest / hits.length;
}

export interface CrossLanguageResult extends CheckResult {
  /** The diagnostic figures of the best passage (eval and bench). */
  xlang?: { share: number; margin: number; concepts: number; unexplained: number; polarity: boolean };
}

/**
 * Check a quote against the sources in the other language. Returns `related` (headline
 * `related-xlang`) or `not-found`; never verbatim or altered.
 */
export function crossLanguageCheck(text: string, sources: XSource[], dict: Dictionary): CrossLanguageResult {
  const query = text;
  const zhQuote = quoteIsChinese(text);
  const targets = sources.filter((s) => s.index.chinese !== zhQuote);
  const concepts = zhQuote ? chineseConcepts(text, dict) : englishConcepts(text, dict);
  if (targets.length === 0 || concepts.length < XLANG_MIN_CONCEPTS) return { query, verdict: 'not-found', matches: [] };
  // 1. every source: weights, and a cheap ranking of its paragraphs by the concepts they hold
  const pool: Array<{ source: XSource; i: number; quick: number; weights: number[]; total: number }> = [];
  for (const source of targets) {
    const { index } = source;
    const weights = weigh(concepts, index);
    const total = weights.reduce((a, b) => a + b, 0);
    if (total <= 0) continue;
    const quick = new Map<number, number>();
    const common = index.paragraphs.length / 2;
    concepts.forEach((c, k) => {
      const got = new Map<number, number>();
      for (const a of c.alts) {
        // an alternative in most paragraphs ranks nothing (it still counts when sentences are read)
        const list = index.postings(a.term);
        if (list.length > common) continue;
        for (const i of list) got.set(i, Math.max(got.get(i) ?? 0, a.weight));
      }
      if (c.key) for (const i of index.reversePostingsOf(c.key)) got.set(i, Math.max(got.get(i) ?? 0, REVERSE_WEIGHT * 0.8));
      for (const [i, w] of got) quick.set(i, (quick.get(i) ?? 0) + w * weights[k]);
    });
    for (const [i, q] of quick) pool.push({ source, i, quick: q / total, weights, total });
  }
  // 2. only the best few paragraphs of all sources are read sentence by sentence
  pool.sort((a, b) => b.quick - a.quick || a.i - b.i);
  const scored: Scored[] = [];
  for (const { source, i, weights, total } of pool.slice(0, CANDIDATES)) {
    const xp = source.index.paragraphs[i];
    const w = bestWindow(concepts, weights, total, source.index, xp);
    if (w.share <= 0) continue;
    scored.push({ source, xp, share: w.share, start: xp.sentences[w.a].start, end: xp.sentences[w.b].end, hits: w.hits.map((h) => h > 0) });
  }
  scored.sort(
    (x, y) =>
      y.share - x.share ||
      Number(x.xp.paragraph.kind !== 'turn') - Number(y.xp.paragraph.kind !== 'turn') ||
      x.xp.paragraph.sourceLine - y.xp.paragraph.sourceLine,
  );
  const top = scored[0];
  if (!top) return { query, verdict: 'not-found', matches: [] };
  const rival = scored.find((s) => s !== top && !(s.source === top.source && s.xp === top.xp));
  const margin = Math.min(XLANG_MARGIN_CAP, top.share - (rival?.share ?? 0));
  const unexplained = longestUnexplained(top.hits);
  const passage = top.xp.paragraph.text.slice(top.start, top.end);
  // A denial the passage does not make ("never studied biology"). Not the other way round: a
  // faithful rendering often drops a negation the other language needs (不让文化变味, "keeping
  // the culture from going sour").
  const polarity = !denies(text, zhQuote) || denies(passage, !zhQuote);
  const xlang = { share: round(top.share), margin: round(margin), concepts: concepts.length, unexplained: round(unexplained), polarity };
  if (top.share + margin - (polarity ? 0 : XLANG_POLARITY_COST) < XLANG_RELATED || unexplained > XLANG_MAX_UNEXPLAINED) {
    return { query, verdict: 'not-found', matches: [], xlang };
  }
  const matches: Match[] = [];
  for (const s of scored) {
    if (matches.length >= MAX_MATCHES) break;
    if (s !== top && s.share < Math.max(XLANG_RELATED * 0.8, top.share * 0.75)) break;
    if (matches.some((m) => m.paragraphId === s.xp.paragraph.id && m.source?.id === s.source.ref?.id)) continue;
    matches.push(toMatch(s, concepts));
  }
  return { query, verdict: 'related', headline: 'related-xlang', matches, xlang };
}

function toMatch(s: Scored, concepts: Concept[]): Match {
  const p = s.xp.paragraph;
  const shared = concepts.filter((_, k) => s.hits[k]).map((c) => `“${c.raw}”`).slice(0, 6);
  const m: Match = {
    speaker: p.speaker,
    sectionId: p.sectionId,
    sectionTitle: s.source.index.sectionTitles.get(p.sectionId) ?? '',
    paragraphId: p.id,
    passage: p.text,
    start: s.start,
    end: s.end,
    score: round(Math.min(1, s.share)),
    via: 'text',
    repaired: false,
    differences: [],
    crossLanguage: true,
    why: `In another language: this passage renders ${shared.join(', ')} of the quote (through a dictionary; the wording cannot be compared).`,
    whyKey: { key: 'why_xlang', params: { terms: shared.join(' ') } },
  };
  if (s.source.ref) m.source = s.source.ref;
  if (s.xp.info.speakerName) m.speakerName = s.xp.info.speakerName;
  if (s.xp.info.time !== undefined) m.time = s.xp.info.time;
  return m;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
