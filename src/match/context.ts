/**
 * What every route of the matcher shares: the normalised corpus and its indexes (built once
 * per transcript), the lazily built MiniSearch ranker and gloss weights, and the helpers that
 * turn a corpus span into a `Match`. Routes are plain functions of this context.
 */
import type { CheckResult, Difference, Match, Paragraph, Transcript, Verdict } from '../types';
import { bestAlignments, windowsFor, type Alignment } from './align';
import { BigramIndex } from './bigram-index';
import { buildCorpus, corpusFromStored, paragraphAt, paragraphForSpan, type Corpus, type CorpusParagraph } from './corpus';
import { gramDocFrequency, makeWeigh, type Weigh } from './coverage';
import { englishTerms } from './english';
import { findExactIndexed } from './exact';
import { normalize, toOriginalSpan, type NormalizedText } from './normalize';
import { Ranker, isRankerData, rankFingerprint, type RankDoc, type Ranked } from './rank';
import { stretchFor } from './span';
import { MATCHER_INDEX_FORMAT, coreFingerprint, isMatcherIndexData, type MatcherIndexData, type StoredCounts } from './stored-index';
import { CHAR_UNITS, WORD_UNITS, type Units } from './verdict';
import { WordCoder, isHanLanguage } from './words';

/** English gloss: paragraph id → English rendering. */
export type Gloss = Record<string, string>;

export interface MatcherStats {
  paragraphs: number;
  /** Normalised characters indexed. */
  characters: number;
  distinctBigrams: number;
  /** Approximate bytes held by the positional index. */
  indexBytes: number;
  /** Time to build what every check needs: normalised text, positional index, weights. */
  buildMs: number;
  /** Time the search index took to build or load, once something needed it (see `warm`). */
  rankerBuildMs?: number;
  /** Where the search index came from: loaded from its stored form, or built (no usable stored one). */
  rankerFrom?: 'stored' | 'built';
  /** Set when the text, positional index and weights came from the stored index. */
  indexFrom?: 'stored';
  /** The work of the last check (of the checks sharing its reuse token: `CheckOptions.reuse`). */
  lastCheck: CheckWork;
}

/** What a check did, counted (the bench reports it; tests bound it). */
export interface CheckWork {
  /** Exact, near-exact and ranking lookups made, and those answered from earlier in the check. */
  lookups: number;
  reused: number;
  /** Turns the cleanup pass scored (those holding every word of the quote). */
  turnsTested: number;
  /** Paragraphs the related route scored by coverage. */
  paragraphsScored: number;
}

export interface MatcherOptions {
  /**
   * BCP 47 tag of the source text: `zh-Hant` (the built-in transcript, the default), `zh-Hans`,
   * `en`… Chinese sources are matched character by character (script folded), sources in
   * other languages word by word.
   */
  language?: string;
  /**
   * The index stored with the source (`MatcherIndexData`, stored-index.ts), asked for once when
   * the matcher is made. Used when it is whole, of the current format and built from this very
   * text; anything else (damaged, older, another text, absent) is rebuilt.
   */
  storedIndex?: () => unknown;
  /** Told about the index when this matcher had to build its search index, for the caller to store. */
  onIndexBuilt?: (data: MatcherIndexData) => void;
}

export const MAX_MATCHES = 3;
export const KIND_RANK: Record<Paragraph['kind'], number> = { turn: 0, intro: 1, heading: 2 };

/**
 * Descending order of two scores, equal within float noise. Scores come from logs and
 * divisions whose last bit differs between V8 builds (Node vs the browser), so exact
 * comparison would let that noise, not the tie-breaks after it, decide the order.
 */
const SCORE_EPSILON = 1e-9;
export function byScoreDesc(a: number, b: number): number {
  return Math.abs(a - b) < SCORE_EPSILON ? 0 : b - a;
}

export interface Outcome {
  verdict: Verdict;
  matches: Match[];
  notice?: string;
  contradiction?: CheckResult['contradiction'];
  mentions?: CheckResult['mentions'];
  /** What a cleaned-up verbatim quote left out or wrote otherwise (`cleanup.ts`). */
  cleanup?: CheckResult['cleanup'];
  /** Corpus span of the best verbatim/altered match (internal). */
  span?: [number, number];
}

/** Most exact and near-exact lookups one check remembers per source (`MatchContext.lookups`). */
const MAX_LOOKUPS = 64;
/** Paragraphs `MatchContext.rankChinese` looks up at least (what its callers ask for at most). */
const RANKED_REUSED = 24;

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

export function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function englishTextOf(p: Paragraph, gloss: Gloss, wordUnits: boolean): string {
  const t = wordUnits ? p.text : gloss[p.id];
  return typeof t === 'string' ? t : '';
}

/** What the search index of a transcript is built from (the same for a matcher and `buildRankIndex`). */
function rankDocs(transcript: Transcript, gloss: Gloss, wordUnits: boolean): RankDoc[] {
  return transcript.paragraphs.map((p, index) => ({ index, text: p.text, gloss: englishTextOf(p, gloss, wordUnits) || undefined }));
}

/** Everything a matcher of this transcript builds (`MatcherIndexData`), to store with its source. */
export function buildMatcherIndex(transcript: Transcript, gloss: Gloss = {}, options: MatcherOptions = {}): MatcherIndexData {
  return new MatchContext(transcript, gloss, { language: options.language }).indexData();
}

function countsToMap(c: StoredCounts): Map<number, number> {
  const m = new Map<number, number>();
  for (let i = 0; i < c.keys.length; i++) m.set(c.keys[i], c.counts[i]);
  return m;
}

function mapToCounts(m: Map<number, number>): StoredCounts {
  return { keys: Uint32Array.from(m.keys()), counts: Uint32Array.from(m.values()) };
}

export class MatchContext {
  readonly stats: MatcherStats;
  readonly corpus: Corpus;
  readonly index: BigramIndex;
  readonly transcript: Transcript;
  readonly hasGloss: boolean;
  readonly weigh: Weigh;
  readonly weigh1: Weigh;
  readonly gloss: Gloss;
  readonly language: string;
  /** The source is matched word by word (a Latin-script language), not character by character. */
  readonly wordUnits: boolean;
  readonly units: Units;
  private readonly coder: WordCoder | null;
  private rankerCache: Ranker | null = null;
  private readonly options: MatcherOptions;
  private readonly df1: Map<number, number>;
  private readonly df2: Map<number, number>;
  /** The stored search index, made into a ranker on first need. */
  private storedRanker: unknown = undefined;
  private fingerprint: string | undefined;
  private idfCache: ((term: string) => number) | null = null;

  constructor(transcript: Transcript, gloss: Gloss = {}, options: MatcherOptions = {}) {
    const t0 = now();
    this.options = options;
    this.language = options.language ?? 'zh-Hant';
    this.wordUnits = !isHanLanguage(this.language);
    this.units = this.wordUnits ? WORD_UNITS : CHAR_UNITS;
    // the gloss bridges English quotes to a Chinese source; a source in English needs none
    this.gloss = this.wordUnits ? {} : gloss;
    let stored = this.readStored(transcript);
    let coder = this.wordUnits ? (stored?.core.vocabulary ? WordCoder.restore(stored.core.vocabulary) : new WordCoder()) : null;
    const docs = Math.max(1, transcript.paragraphs.length);
    const fromStored = stored ? corpusFromStored(transcript, (t) => (coder ? coder.source(t) : normalize(t)), stored.core.text, stored.core.lengths) : null;
    // the paragraphs' lengths and separators must add up to the stored text
    if (stored && (fromStored?.paragraphs.at(-1)?.end ?? 0) !== stored.core.text.length) {
      stored = null;
      if (coder) coder = new WordCoder();
    }
    this.coder = coder;
    const norm = coder ? (t: string) => (coder as WordCoder).source(t) : normalize;
    if (stored && fromStored) {
      const c = stored.core;
      this.corpus = fromStored;
      this.index = BigramIndex.fromStored(c.bigrams);
      this.df2 = countsToMap(c.df2);
      this.df1 = countsToMap(c.df1);
      this.storedRanker = stored.ranker;
    } else {
      this.corpus = buildCorpus(transcript, norm);
      this.index = new BigramIndex(this.corpus.text);
      const ranges = this.corpus.paragraphs.map((p): [number, number] => [p.start, p.end]);
      this.df2 = gramDocFrequency(this.corpus.text, ranges, 2);
      this.df1 = gramDocFrequency(this.corpus.text, ranges, 1);
    }
    this.weigh = makeWeigh(this.df2, docs);
    this.weigh1 = makeWeigh(this.df1, docs);
    this.transcript = transcript;
    this.hasGloss = transcript.paragraphs.some((p) => this.englishText(p).length > 0);
    this.stats = {
      paragraphs: transcript.paragraphs.length,
      characters: this.corpus.text.length,
      distinctBigrams: this.index.distinct,
      indexBytes: this.index.byteSize,
      buildMs: now() - t0,
      lastCheck: { lookups: 0, reused: 0, turnsTested: 0, paragraphsScored: 0 },
      ...(stored ? { indexFrom: 'stored' as const } : {}),
    };
  }

  /** The stored index when it is usable for this transcript (asked once), else null. */
  private readStored(transcript: Transcript): MatcherIndexData | null {
    if (!this.options.storedIndex) return null;
    let data: unknown;
    try {
      data = this.options.storedIndex();
    } catch {
      return null;
    }
    this.fingerprint = coreFingerprint(transcript, this.language, Object.keys(this.gloss).length > 0);
    return isMatcherIndexData(data, this.fingerprint, transcript.paragraphs.length) ? data : null;
  }

  /** What to store with the source so that the next start builds nothing. */
  indexData(): MatcherIndexData {
    this.fingerprint ??= coreFingerprint(this.transcript, this.language, Object.keys(this.gloss).length > 0);
    return {
      format: MATCHER_INDEX_FORMAT,
      fingerprint: this.fingerprint,
      core: {
        text: this.corpus.text,
        lengths: Int32Array.from(this.corpus.paragraphs, (p) => p.end - p.start),
        bigrams: this.index.stored,
        df2: mapToCounts(this.df2),
        df1: mapToCounts(this.df1),
        vocabulary: this.coder ? this.coder.words : null,
      },
      ranker: this.ranker.data,
    };
  }

  /** Normalise a quote into the units of this source (characters or words). */
  normalize(text: string): NormalizedText {
    return this.coder ? this.coder.query(text) : normalize(text);
  }

  /** The English words a paragraph is ranked by: its gloss, or its own text in an English source. */
  englishText(p: Paragraph): string {
    return englishTextOf(p, this.gloss, this.wordUnits);
  }

  /**
   * The search index (for paraphrases, English quotes and the search box) is loaded or built on
   * first use: the exact and near-exact routes do not need it, and building it is most of the
   * build time.
   */
  get ranker(): Ranker {
    if (!this.rankerCache) {
      const t0 = now();
      const docs = rankDocs(this.transcript, this.gloss, this.wordUnits);
      const stored = this.loadRanker(docs);
      this.storedRanker = undefined;
      this.rankerCache = stored ?? Ranker.build(docs);
      this.stats.rankerBuildMs = now() - t0;
      this.stats.rankerFrom = stored ? 'stored' : 'built';
      if (!stored && this.options.onIndexBuilt) this.options.onIndexBuilt(this.indexData());
    }
    return this.rankerCache;
  }

  private loadRanker(docs: RankDoc[]): Ranker | null {
    const data = this.storedRanker;
    if (!isRankerData(data) || data.fingerprint !== rankFingerprint(docs)) return null;
    try {
      return new Ranker(data);
    } catch {
      return null;
    }
  }

  /** Rarity of gloss terms (document frequency over gloss paragraphs), computed on first use. */
  get glossIdf(): (term: string) => number {
    if (!this.idfCache) {
      const df = new Map<string, number>();
      let docs = 0;
      for (const p of this.transcript.paragraphs) {
        const g = this.englishText(p);
        if (!g) continue;
        docs++;
        for (const t of new Set(englishTerms(g))) df.set(t, (df.get(t) ?? 0) + 1);
      }
      const cap = Math.log(1 + Math.max(1, docs));
      this.idfCache = (t) => {
        const f = df.get(t);
        return f === undefined ? cap : Math.log(1 + docs / f);
      };
    }
    return this.idfCache;
  }

  /**
   * The exact and near-exact lookups of the current check. One check asks them several times for
   * the same text: the whole selection and then each quote of it, and the multi-source layer's
   * close-only check of a source followed by its full check (both under one `CheckOptions.reuse`
   * token). Forgotten when a check with another token begins: a query checked again is looked up
   * again. Answers are copied out, so a caller may change what it gets.
   */
  private readonly lookups = new Map<string, number[] | Alignment[] | Ranked[]>();
  private reuseToken: object = {};

  /** The token of the check under way (`beginCheck`): what may be reused within it is keyed by it. */
  get checkToken(): object {
    return this.reuseToken;
  }

  /** A check begins: lookups made under another token are dropped. */
  beginCheck(token: object): void {
    if (token === this.reuseToken) return;
    this.reuseToken = token;
    this.lookups.clear();
    const w = this.stats.lastCheck;
    w.lookups = w.reused = w.turnsTested = w.paragraphsScored = 0;
  }

  /** The counters of the check under way. */
  get work(): CheckWork {
    return this.stats.lastCheck;
  }

  private remember<T extends number[] | Alignment[] | Ranked[]>(key: string, compute: () => T): T {
    let hit = this.lookups.get(key) as T | undefined;
    if (!hit) {
      if (this.lookups.size >= MAX_LOOKUPS) this.lookups.clear();
      hit = compute();
      this.lookups.set(key, hit);
      this.work.lookups++;
    } else this.work.reused++;
    return hit;
  }

  /** Exact occurrences in document order, up to the first in a turn (which wins). */
  exactPositions(q: string): number[] {
    return [...this.remember(`e\u0000${q}`, () => findExactIndexed(this.corpus.text, q, this.index, (pos) => paragraphAt(this.corpus, pos).paragraph.kind === 'turn'))];
  }

  /**
   * The search index's best paragraphs for a Chinese query (`Ranker.rankChinese`), at least the
   * first RANKED_REUSED of them looked up once per check: the related route asks for 12 and a
   * large source's cleanup pass for 24 of the same quote. The best `limit` are the first
   * `limit` of the best 24 (one order: score, then the order paragraphs were met).
   */
  rankChinese(text: string, limit: number): Ranked[] {
    const want = Math.max(limit, RANKED_REUSED);
    const ranked = this.remember(`r${want}\u0000${text}`, () => this.ranker.rankChinese(text, want));
    return ranked.slice(0, limit).map((r) => ({ ...r }));
  }

  /** Best alignments of a normalised quote, found via the positional index. */
  locate(q: string, maxErrors: number, onlyTurns = false): Alignment[] {
    return this.remember(`l${maxErrors}${onlyTurns ? 't' : ''}\u0000${q}`, () => this.locateNow(q, maxErrors, onlyTurns)).map((a) => ({ ...a }));
  }

  private locateNow(q: string, maxErrors: number, onlyTurns: boolean): Alignment[] {
    const cands = this.index.vote(q);
    if (cands.length === 0) return [];
    let windows = windowsFor(cands, q.length, this.corpus.text.length, maxErrors);
    if (onlyTurns) {
      // the parts of each window that lie in turns (an introduction or heading cut out)
      const clipped: Array<[number, number]> = [];
      for (const [a, b] of windows) {
        for (let p = paragraphAt(this.corpus, a); ; p = this.corpus.paragraphs[p.index + 1]) {
          if (p.paragraph.kind === 'turn') {
            const lo = Math.max(a, p.start);
            const hi = Math.min(b, p.end);
            const last = clipped[clipped.length - 1];
            if (last && last[1] === lo) last[1] = hi;
            else if (hi > lo) clipped.push([lo, hi]);
          }
          if (p.end >= b || p.index + 1 >= this.corpus.paragraphs.length) break;
        }
      }
      windows = clipped;
    }
    return bestAlignments(this.corpus.text, q, windows, maxErrors, (pos) =>
      KIND_RANK[paragraphAt(this.corpus, pos + (q.length >> 1)).paragraph.kind],
    );
  }

  /** Lowest errors wins; among equals, a turn beats the introduction or a heading. */
  pickAlignment(aligned: Alignment[]): Alignment | null {
    let best: Alignment | null = null;
    let bestKind = 9;
    for (const a of aligned) {
      const kind = KIND_RANK[paragraphForSpan(this.corpus, a.start, a.end).paragraph.kind];
      if (!best || a.errors < best.errors || (a.errors === best.errors && kind < bestKind)) {
        best = a;
        bestKind = kind;
      }
    }
    return best;
  }

  describe(p: Paragraph): string {
    if (p.kind === 'intro') return "the editor's introduction";
    if (p.kind === 'heading') return 'a section heading';
    return p.speaker === 'host' ? "the host's turn" : "Amodei's turn";
  }

  /** Original (Traditional) text behind a corpus span, across paragraphs of one turn. */
  originalText(a: number, b: number): string {
    if (b <= a) return '';
    let out = '';
    let cp = paragraphAt(this.corpus, a);
    for (;;) {
      const lo = Math.max(a, cp.start) - cp.start;
      const hi = Math.min(b, cp.end) - cp.start;
      if (hi > lo) {
        const [s, e] = toOriginalSpan(cp.norm, lo, hi);
        out += cp.paragraph.text.slice(s, e);
      }
      if (b <= cp.end || cp.index + 1 >= this.corpus.paragraphs.length) break;
      cp = this.corpus.paragraphs[cp.index + 1];
    }
    return out;
  }

  makeMatch(cp: CorpusParagraph, a: number, b: number, score: number, diffs: Difference[]): Match {
    const p = cp.paragraph;
    const lo = Math.max(a, cp.start) - cp.start;
    const hi = Math.max(lo, Math.min(b, cp.end) - cp.start);
    const [start, end] = toOriginalSpan(cp.norm, lo, hi);
    const match = this.paragraphMatch(p, start, end, score, 'text', diffs);
    // a quote over a line or paragraph break of one turn: the card shows and marks all of it
    const stretch = stretchFor(this.corpus, a, b);
    if (stretch) Object.assign(match, stretch);
    return match;
  }

  /** A match on paragraph `p`, span in its original text, carrying the paragraph's gloss. */
  paragraphMatch(p: Paragraph, start: number, end: number, score: number, via: Match['via'], diffs: Difference[]): Match {
    const match: Match = {
      speaker: p.speaker,
      sectionId: p.sectionId,
      sectionTitle: this.corpus.sectionTitles.get(p.sectionId) ?? '',
      paragraphId: p.id,
      passage: p.text,
      start,
      end,
      score: round(score),
      via,
      repaired: p.repaired,
      differences: diffs,
    };
    const g = this.gloss[p.id];
    if (g) match.gloss = g;
    return match;
  }
}
