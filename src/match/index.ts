/**
 * The matcher: given the text a reader selected, say whether and where the transcript has it,
 * who said it, and how closely it agrees. Pure: a function of the transcript (and the English
 * gloss when given); no browser APIs.
 *
 * Route for one Chinese quote: exact pass (through the positional bigram index) → bigram
 * votes + Myers in a few windows (altered) → MiniSearch ranking verified by character coverage
 * (related) → not-found. English quotes go to the gloss (related at most); a mixed selection
 * whose Chinese is not close also tries its English words on the gloss.
 *
 * A selection is first tried whole. If it is not verbatim, it is split into quotes
 * (`segmentSelection`): sentences of one passage that are altered as a whole (a changed word,
 * a dropped clause between them) stay one altered result; otherwise each quote gets its own
 * result in `segments`, text around quotation marks that the transcript does not have is taken
 * as the writer's narration (and said so in `notice`), and the top-level verdict is the
 * weakest of the quotes (`summarize`: one invented sentence must not hide behind real ones),
 * with the best match of each quote, in order, as the top-level matches (at most three).
 */
import type { CheckResult, Difference, Match, Paragraph, Transcript, Verdict } from '../types';
import { MyersScorer, bestAlignments, windowsFor, type Alignment } from './align';
import { BigramIndex } from './bigram-index';
import { SEP, buildCorpus, paragraphAt, paragraphForSpan, type Corpus, type CorpusParagraph } from './corpus';
import { coverage, gramDocFrequency, makeWeigh, type Weigh } from './coverage';
import { diffHunks, differences, type Hunk } from './diff';
import { phraseScore, weightedTerms, englishTerms } from './english';
import { findExactIndexed } from './exact';
import { normalize, toOriginalSpan, type NormalizedText } from './normalize';
import { Ranker } from './rank';
import { segmentSelection, splitParts, type QuoteSegment } from './segment';
import { MAX_INPUT, TOO_SHORT, longEnough, measure, validate } from './validate';
import {
  ENGLISH_RELATED,
  ENGLISH_TURN_SLACK,
  RELATED_MARGIN_CAP,
  RELATED_SECONDARY,
  SENTENCE_IN_PASSAGE_RATE,
  EXACT_ONLY_BELOW,
  alignmentScore,
  alignmentVerdict,
  maxAlteredErrors,
  relatedThreshold,
  summarize,
} from './verdict';

export interface SearchHit {
  paragraphId: string;
  sectionId: string;
  speaker: Paragraph['speaker'];
  /** The paragraph text (Traditional, as shipped). */
  text: string;
  score: number;
}

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
  /** Time MiniSearch took to build, once something needed it (see `warm`). */
  rankerBuildMs?: number;
}

export interface Matcher {
  check(text: string): CheckResult;
  search(query: string, limit?: number): SearchHit[];
  /** Build the parts made on first use (MiniSearch, gloss weights) now, e.g. when idle. */
  warm(): void;
  readonly stats: MatcherStats;
}

export const ENGLISH_NOTICE =
  'This interview was given in English; Verbatim holds a Chinese translation. Closest passage:';
export const ENGLISH_NONE_NOTICE =
  'This interview was given in English; Verbatim holds a Chinese translation, and nothing in its English gloss is close to this quote.';

const MAX_MATCHES = 3;
const MAX_SEGMENTS = 12;
const KIND_RANK: Record<Paragraph['kind'], number> = { turn: 0, intro: 1, heading: 2 };

/**
 * Descending order of two scores, equal within float noise. Scores come from logs and
 * divisions whose last bit differs between V8 builds (Node vs the browser), so exact
 * comparison would let that noise, not the tie-breaks after it, decide the order.
 */
const SCORE_EPSILON = 1e-9;
function byScoreDesc(a: number, b: number): number {
  return Math.abs(a - b) < SCORE_EPSILON ? 0 : b - a;
}

interface Outcome {
  verdict: Verdict;
  matches: Match[];
  notice?: string;
  /** Corpus span of the best verbatim/altered match (internal). */
  span?: [number, number];
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

function hasLatinWords(text: string, min: number): boolean {
  return (text.match(/[A-Za-z]{2,}/g) ?? []).length >= min;
}

class MatcherImpl implements Matcher {
  readonly stats: MatcherStats;
  private readonly corpus: Corpus;
  private readonly index: BigramIndex;
  private readonly transcript: Transcript;
  private readonly hasGloss: boolean;
  private rankerCache: Ranker | null = null;
  private idfCache: ((term: string) => number) | null = null;
  private readonly weigh: Weigh;
  private readonly weigh1: Weigh;
  private readonly gloss: Gloss;

  constructor(transcript: Transcript, gloss: Gloss = {}) {
    const t0 = now();
    this.gloss = gloss;
    this.corpus = buildCorpus(transcript);
    this.index = new BigramIndex(this.corpus.text);
    const ranges = this.corpus.paragraphs.map((p): [number, number] => [p.start, p.end]);
    this.weigh = makeWeigh(gramDocFrequency(this.corpus.text, ranges, 2), Math.max(1, ranges.length));
    this.weigh1 = makeWeigh(gramDocFrequency(this.corpus.text, ranges, 1), Math.max(1, ranges.length));
    this.transcript = transcript;
    this.hasGloss = transcript.paragraphs.some((p) => typeof gloss[p.id] === 'string' && gloss[p.id].length > 0);
    this.stats = {
      paragraphs: transcript.paragraphs.length,
      characters: this.corpus.text.length,
      distinctBigrams: this.index.distinct,
      indexBytes: this.index.byteSize,
      buildMs: now() - t0,
    };
  }

  /**
   * MiniSearch (for paraphrases, English quotes and the search box) is built on first use: the
   * exact and near-exact routes do not need it, and it is most of the build time.
   */
  private get ranker(): Ranker {
    if (!this.rankerCache) {
      const t0 = now();
      const gloss = this.gloss;
      this.rankerCache = new Ranker(
        this.transcript.paragraphs.map((p, index) => ({ index, text: p.text, gloss: gloss[p.id] })),
      );
      this.stats.rankerBuildMs = now() - t0;
    }
    return this.rankerCache;
  }

  /** Rarity of gloss terms (document frequency over gloss paragraphs), computed on first use. */
  private get glossIdf(): (term: string) => number {
    if (!this.idfCache) {
      const df = new Map<string, number>();
      let docs = 0;
      for (const p of this.transcript.paragraphs) {
        const g = this.gloss[p.id];
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

  warm(): void {
    void this.ranker;
    void this.glossIdf;
  }

  // ---------------------------------------------------------------- public

  check(text: string): CheckResult {
    try {
      return this.checkSelection(text);
    } catch (err) {
      // Never a stack trace for the reader: report the failure as a refusal.
      const why = err instanceof Error ? err.message : String(err);
      return {
        query: typeof text === 'string' ? text : '',
        verdict: 'invalid',
        error: `Verbatim could not check this selection (${why.slice(0, 120)}).`,
        matches: [],
      };
    }
  }

  search(query: string, limit = 10): SearchHit[] {
    if (typeof query !== 'string' || query.trim().length === 0) return [];
    // A pasted article must not stall the worker: rank on the first MAX_INPUT units only.
    if (query.length > MAX_INPUT) query = query.slice(0, MAX_INPUT);
    const { han } = measure(query);
    const hits = new Map<number, number>();
    const add = (ranked: Array<{ index: number; score: number }>) => {
      const top = ranked[0]?.score ?? 1;
      for (const r of ranked) hits.set(r.index, Math.max(hits.get(r.index) ?? 0, r.score / top));
    };
    if (han > 0 || !this.hasGloss) add(this.ranker.rankChinese(query, limit));
    if (hasLatinWords(query, 1) && this.hasGloss) add(this.ranker.rankEnglish(query, limit));
    return [...hits.entries()]
      .sort((a, b) => byScoreDesc(a[1], b[1]) || a[0] - b[0])
      .slice(0, limit)
      .map(([index, score]) => {
        const p = this.corpus.paragraphs[index].paragraph;
        return { paragraphId: p.id, sectionId: p.sectionId, speaker: p.speaker, text: p.text, score };
      });
  }

  // ---------------------------------------------------------------- selection

  private checkSelection(text: string): CheckResult {
    const v = validate(text);
    if (!v.ok) return { query: typeof text === 'string' ? text : '', verdict: 'invalid', error: v.error, matches: [] };
    let notice = v.notice;
    const finish = (r: CheckResult, extra?: string): CheckResult => {
      r.query = text;
      const all = [notice, extra, r.notice].filter((x): x is string => !!x);
      if (all.length > 0) r.notice = all.join(' ');
      return r;
    };
    const han = measure(v.text).han;
    // The commonest case first: the whole selection, as it stands, is in the transcript.
    if (han > 0) {
      const q = normalize(v.text);
      const exact = this.exactPositions(q.text);
      if (exact.length > 0) return finish({ query: text, verdict: 'verbatim', matches: this.exactMatches(q, exact).matches });
    }
    let segs = segmentSelection(v.text);
    if (segs.length === 0) return { query: text, verdict: 'invalid', error: TOO_SHORT, matches: [] };
    if (segs.length > MAX_SEGMENTS) {
      segs = segs.slice(0, MAX_SEGMENTS);
      const more = `Only the first ${MAX_SEGMENTS} quotes were checked.`;
      notice = notice ? `${notice} ${more}` : more;
    }
    if (han === 0) {
      // English: the gloss is matched by shared words, so the quote is taken whole (its quoted
      // passages when it has some), not sentence by sentence.
      const quoted = segs.filter((s) => s.role === 'quoted');
      const english = (quoted.length > 0 ? quoted : segs).map((s) => s.parts.join(' ')).join(' ');
      const seg: QuoteSegment = { text: english, start: 0, end: english.length, parts: [english], role: 'sentence' };
      return finish(this.checkQuote(seg).result);
    }
    if (segs.length === 1 && segs[0].role === 'sentence') return finish(this.checkQuote(segs[0]).result);
    // Several sentences or quotes. First the selection as one quote (only verbatim/altered
    // count here): a passage quoted whole, with its own inner quotation marks, is one quote.
    const wholeSeg: QuoteSegment = { text: v.text, start: 0, end: v.text.length, parts: splitParts(v.text), role: 'sentence' };
    const whole = this.checkQuote(wholeSeg, true);
    if (whole.result.verdict === 'verbatim') return finish(whole.result);
    const wholeSpan = whole.result.verdict === 'altered' ? whole.span : null;
    const separateQuotes = segs.some((sg) => sg.role !== 'sentence');
    if (!separateQuotes && wholeSpan && segs.every((sg) => this.alignsWithin(sg, wholeSpan))) {
      // sentences of one passage, altered as a whole (a word changed, a clause dropped between
      // them), each found in that passage
      return finish(whole.result);
    }
    const checked = segs.map((sg) => ({ seg: sg, ...this.checkQuote(sg) }));
    // Text around quoted passages that the transcript does not have is the writer's narration.
    const kept = checked.filter(
      (c) => c.seg.role !== 'outside' || c.result.verdict === 'verbatim' || c.result.verdict === 'altered',
    );
    const narration = checked.filter((c) => !kept.includes(c)).map((c) => c.seg.text.trim());
    const narrationNotice =
      narration.length > 0
        ? `Text outside the quotation marks (${narration.map((n) => `“${n.length > 24 ? `${n.slice(0, 24)}…` : n}”`).join(', ')}) was taken as the writer's own words and not checked.`
        : undefined;
    if (kept.length === 0) return finish(this.checkQuote(wholeSeg).result);
    const results = kept.map((c) => c.result);
    const allVerbatim = results.every((r) => r.verdict === 'verbatim');
    if (separateQuotes && !allVerbatim && wholeSpan && kept.every((c) => this.alignsWithin(c.seg, wholeSpan))) {
      // quoted passages and the text around them, close as a whole (zh: a number changed
      // outside the inner quotation marks)
      const out: CheckResult = { ...whole.result };
      if (results.length > 1) out.segments = results;
      return finish(out);
    }
    if (kept.length === 1) return finish(results[0], narrationNotice);
    const matches: Match[] = [];
    for (const r of results) {
      const m = r.matches[0];
      if (!m || matches.length >= MAX_MATCHES) continue;
      if (matches.some((x) => x.paragraphId === m.paragraphId && x.start === m.start && x.end === m.end)) continue;
      matches.push(m);
    }
    return finish({ query: text, verdict: summarize(results), matches, segments: results }, narrationNotice);
  }

  /**
   * Is a sentence of a selection found (closely enough) inside the passage the whole selection
   * matched? Guards against an invented sentence riding along with real ones.
   */
  private alignsWithin(seg: QuoteSegment, span: [number, number]): boolean {
    const q = normalize(seg.parts.join('')).text;
    if (q.length === 0) return true;
    const a = Math.max(0, span[0] - 8);
    const b = Math.min(this.corpus.text.length, span[1] + 8);
    const allowed = Math.floor(q.length * SENTENCE_IN_PASSAGE_RATE);
    return new MyersScorer(q).score(this.corpus.text, a, b).errors <= allowed;
  }

  /** One quote. With `closeOnly`, stop after the verbatim/altered passes (not-found otherwise). */
  private checkQuote(seg: QuoteSegment, closeOnly = false): { result: CheckResult; span: [number, number] | null } {
    const query = seg.text;
    const wrap = (o: Outcome) => {
      const { span, ...rest } = o;
      return { result: { query, ...rest }, span: span ?? null };
    };
    const whole = seg.parts.join('');
    if (!longEnough(whole)) return { result: { query, verdict: 'invalid', error: TOO_SHORT, matches: [] }, span: null };
    if (seg.parts.length > 1) {
      const joined = this.checkJoined(seg.parts);
      if (joined) return wrap(joined);
    }
    const { han, words } = measure(whole);
    if (han === 0) return wrap(closeOnly ? { verdict: 'not-found', matches: [] } : this.checkEnglish(whole));
    const zh = this.checkChinese(whole, closeOnly);
    if (closeOnly) return wrap(zh);
    if ((zh.verdict === 'related' || zh.verdict === 'not-found') && words >= 4 && this.hasGloss) {
      // mixed selection: the English words go to the gloss too
      const latin = (whole.match(/[A-Za-z][A-Za-z0-9'’\- ,.]*[A-Za-z0-9]/g) ?? []).join(' ');
      if (hasLatinWords(latin, 4)) {
        const en = this.checkEnglish(latin);
        if (en.verdict === 'related') {
          const merged = [...zh.matches, ...en.matches]
            .sort((a, b) => byScoreDesc(a.score, b.score))
            .filter((m, i, all) => all.findIndex((x) => x.paragraphId === m.paragraphId) === i)
            .slice(0, MAX_MATCHES);
          return wrap({ verdict: 'related', matches: merged, notice: en.notice });
        }
      }
    }
    return wrap(zh);
  }

  // ---------------------------------------------------------------- Chinese route

  private checkChinese(text: string, closeOnly = false): Outcome {
    const q = normalize(text);
    const m = q.text.length;
    if (m === 0) return { verdict: 'not-found', matches: [] };
    // 1. exact
    const exact = this.exactPositions(q.text);
    if (exact.length > 0) {
      const { matches, at } = this.exactMatches(q, exact);
      return { verdict: 'verbatim', matches, span: [at, at + m] };
    }
    // 2. near-exact: bigram votes, then Myers in a few windows
    const aligned = m >= EXACT_ONLY_BELOW ? this.locate(q.text, maxAlteredErrors(m)) : [];
    const best = this.pickAlignment(aligned);
    if (best) {
      const verdict = alignmentVerdict(m, best.errors);
      const hunks = verdict === 'altered' ? diffHunks(q.text, this.corpus.text.slice(best.start, best.end)) : [];
      if (verdict === 'altered' && this.plausiblyAltered(q.text, best, hunks)) {
        const matches = [this.alignedMatch(q, best, hunks)];
        // other close alignments elsewhere (e.g. the introduction quoting the same sentence)
        for (const a of aligned) {
          if (matches.length >= MAX_MATCHES) break;
          if (a === best || alignmentVerdict(m, a.errors) === null) continue;
          const p = paragraphForSpan(this.corpus, a.start, a.end);
          if (matches.some((x) => x.paragraphId === p.paragraph.id)) continue;
          matches.push(this.alignedMatch(q, a));
        }
        return { verdict: 'altered', matches, span: [best.start, best.end] };
      }
    }
    // 3. related: rank passages by shared words, verify with coverage
    if (closeOnly) return { verdict: 'not-found', matches: [] };
    return this.related(text, q, aligned);
  }

  /** Exact occurrences in document order, up to the first in a turn (which wins). */
  private exactPositions(q: string): number[] {
    return findExactIndexed(this.corpus.text, q, this.index, (pos) => paragraphAt(this.corpus, pos).paragraph.kind === 'turn');
  }

  /** Best alignments of a normalised quote, found via the positional index. */
  private locate(q: string, maxErrors: number): Alignment[] {
    const cands = this.index.vote(q);
    if (cands.length === 0) return [];
    const windows = windowsFor(cands, q.length, this.corpus.text.length, maxErrors);
    return bestAlignments(this.corpus.text, q, windows, maxErrors, (pos) =>
      KIND_RANK[paragraphAt(this.corpus, pos + (q.length >> 1)).paragraph.kind],
    );
  }

  /** Lowest errors wins; among equals, a turn beats the introduction or a heading. */
  private pickAlignment(aligned: Alignment[]): Alignment | null {
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

  /**
   * Guard against calling invented text `altered`: the agreeing part must hold real runs of
   * the passage's wording, not scattered single characters.
   */
  private plausiblyAltered(q: string, a: Alignment, hunks: Hunk[]): boolean {
    if (this.corpus.text.slice(a.start, a.end).includes(SEP)) return false;
    // longest run the quote and the span share in the alignment
    let longest = 0;
    let at = 0;
    for (const h of hunks) {
      longest = Math.max(longest, h.a0 - at);
      at = h.a1;
    }
    longest = Math.max(longest, q.length - at);
    return longest >= Math.min(6, Math.floor(q.length / 3));
  }

  private exactMatches(q: NormalizedText, positions: number[]): { matches: Match[]; at: number } {
    const ranked = positions
      .map((a) => ({ a, cp: paragraphForSpan(this.corpus, a, a + q.text.length) }))
      .sort((x, y) => KIND_RANK[x.cp.paragraph.kind] - KIND_RANK[y.cp.paragraph.kind] || x.a - y.a);
    const out: Match[] = [];
    for (const { a, cp } of ranked) {
      if (out.length >= MAX_MATCHES) break;
      if (out.some((m) => m.paragraphId === cp.paragraph.id)) continue;
      const match = this.makeMatch(cp, a, a + q.text.length, 1, []);
      match.why =
        out.length === 0
          ? 'Same wording as the transcript (script, width, punctuation and spacing aside).'
          : `The same words also appear here (${this.describe(cp.paragraph)}).`;
      out.push(match);
    }
    return { matches: out, at: ranked[0].a };
  }

  /** The quote's differences from the aligned span, both sides in their original characters. */
  private differencesAt(q: NormalizedText, a: Alignment, hunks?: Hunk[]): Difference[] {
    return differences(
      q.text,
      this.corpus.text.slice(a.start, a.end),
      (i0, i1) => {
        const [s, e] = toOriginalSpan(q, i0, i1);
        return sourceOf(q, s, e);
      },
      (j0, j1) => this.originalText(a.start + j0, a.start + j1),
      hunks,
    );
  }

  private alignedMatch(q: NormalizedText, a: Alignment, hunks?: Hunk[]): Match {
    const cp = paragraphForSpan(this.corpus, a.start, a.end);
    const diffs = this.differencesAt(q, a, hunks);
    const match = this.makeMatch(cp, a.start, a.end, alignmentScore(q.text.length, a.errors), diffs);
    const shown = diffs
      .slice(0, 3)
      .map((d) => `“${d.quote}” where the transcript has “${d.transcript}”`)
      .join('; ');
    const numberChanged = diffs.some((d) => /\d/.test(d.quote) || /\d/.test(d.transcript));
    match.why =
      `Close wording with ${diffs.length} difference${diffs.length === 1 ? '' : 's'}` +
      (numberChanged ? ', including a number' : '') +
      (shown ? `: ${shown}` : '') +
      '.';
    return match;
  }

  private related(text: string, q: NormalizedText, aligned: Alignment[]): Outcome {
    const m = q.text.length;
    const candidates = new Set<number>();
    for (const r of this.ranker.rankChinese(text, 12)) candidates.add(r.index);
    for (const a of aligned.slice(0, 5)) candidates.add(paragraphAt(this.corpus, a.start).index);
    const scored = [...candidates].map((i) => {
      const cp = this.corpus.paragraphs[i];
      const uni = coverage(q.text, this.corpus.text, cp.start, cp.end, this.weigh1, 1);
      return { cp, uni };
    });
    scored.sort(
      (x, y) =>
        byScoreDesc(x.uni.coverage, y.uni.coverage) ||
        KIND_RANK[x.cp.paragraph.kind] - KIND_RANK[y.cp.paragraph.kind] ||
        x.cp.index - y.cp.index,
    );
    const top = scored[0];
    if (!top) return { verdict: 'not-found', matches: [] };
    // how much better the best passage explains the quote than any other (headings repeat
    // sentences of turns, so they do not count as rivals)
    const rival = scored.find((s) => s !== top && s.cp.paragraph.kind !== 'heading');
    const margin = Math.min(RELATED_MARGIN_CAP, top.uni.coverage - (rival?.uni.coverage ?? 0));
    const score = top.uni.coverage + margin;
    if (score < relatedThreshold(m)) return { verdict: 'not-found', matches: [] };
    const matches: Match[] = [];
    for (const s of scored) {
      if (matches.length >= MAX_MATCHES) break;
      if (s !== top && (s.uni.coverage < top.uni.coverage * 0.8 || s.uni.coverage < RELATED_SECONDARY)) break;
      const bi = coverage(q.text, this.corpus.text, s.cp.start, s.cp.end, this.weigh);
      const useBi = bi.coverage > 0;
      const a = useBi ? Math.min(bi.start, s.uni.start) : s.uni.start;
      const b = useBi ? Math.max(bi.end, s.uni.end) : s.uni.end;
      const match = this.makeMatch(s.cp, a, b, s === top ? Math.min(1, score) : s.uni.coverage, []);
      const shared = bi.runs
        .map(([ra, rb]) => this.originalText(ra, rb).replace(/[\s\p{P}]+/gu, ''))
        .filter((w) => w.length >= 2)
        .sort((x, y) => y.length - x.length)
        .filter((w, i, all) => all.findIndex((x) => x.includes(w)) === i)
        .slice(0, 5);
      match.why =
        'Not this wording, but ' +
        (shared.length > 0
          ? `this passage shares ${shared.map((w) => `“${w}”`).join(', ')} with the quote.`
          : 'this passage shares some of its characters with the quote.');
      matches.push(match);
    }
    return { verdict: 'related', matches };
  }

  // ---------------------------------------------------------------- …… joins

  /** Quotes joined by …… : each part found, in order, within one turn (or one paragraph). */
  private checkJoined(parts: string[]): Outcome | null {
    const norms = parts.map((p) => normalize(p)).filter((n) => n.text.length > 0);
    if (norms.length < 2) return null;
    const options: Alignment[][] = norms.map((n) => {
      const exact = findExactIndexed(this.corpus.text, n.text, this.index, () => false).map((a) => ({
        start: a,
        end: a + n.text.length,
        errors: 0,
      }));
      if (exact.length > 0 || n.text.length < EXACT_ONLY_BELOW) return exact;
      return this.locate(n.text, maxAlteredErrors(n.text.length)).filter(
        (a) => alignmentVerdict(n.text.length, a.errors) !== null,
      );
    });
    if (options.some((o) => o.length === 0)) return null;
    // chain: same block, increasing positions; fewest errors, turn first
    type Link = { a: Alignment; errors: number; prev: Link | null };
    let layer: Link[] = options[0].map((a) => ({ a, errors: a.errors, prev: null }));
    for (let i = 1; i < options.length; i++) {
      const next: Link[] = [];
      for (const a of options[i]) {
        const block = paragraphAt(this.corpus, a.start).block;
        let bestPrev: Link | null = null;
        for (const l of layer) {
          if (l.a.end > a.start || paragraphAt(this.corpus, l.a.start).block !== block) continue;
          if (!bestPrev || l.errors < bestPrev.errors) bestPrev = l;
        }
        if (bestPrev) next.push({ a, errors: bestPrev.errors + a.errors, prev: bestPrev });
      }
      if (next.length === 0) return null;
      layer = next;
    }
    layer.sort(
      (x, y) =>
        x.errors - y.errors ||
        KIND_RANK[paragraphAt(this.corpus, x.a.start).paragraph.kind] -
          KIND_RANK[paragraphAt(this.corpus, y.a.start).paragraph.kind],
    );
    const chain: Alignment[] = [];
    for (let l: Link | null = layer[0]; l; l = l.prev) chain.unshift(l.a);
    const total = norms.reduce((s, n) => s + n.text.length, 0);
    const errors = layer[0].errors;
    const verdict: Verdict | null = errors === 0 ? 'verbatim' : errors <= maxAlteredErrors(total) ? 'altered' : null;
    if (!verdict) return null;
    // one match per paragraph touched, spanning its parts
    const matches: Match[] = [];
    const diffs: Difference[] = [];
    chain.forEach((a, i) => {
      const n = norms[i];
      if (a.errors > 0) diffs.push(...this.differencesAt(n, a));
    });
    const groups = new Map<number, { cp: CorpusParagraph; a: number; b: number }>();
    for (const a of chain) {
      const cp = paragraphForSpan(this.corpus, a.start, a.end);
      const g = groups.get(cp.index);
      if (g) {
        g.a = Math.min(g.a, a.start);
        g.b = Math.max(g.b, a.end);
      } else groups.set(cp.index, { cp, a: a.start, b: a.end });
    }
    for (const g of groups.values()) {
      if (matches.length >= MAX_MATCHES) break;
      const match = this.makeMatch(g.cp, g.a, g.b, alignmentScore(total, errors), matches.length === 0 ? diffs : []);
      match.why =
        `${parts.length} spans joined by “……”, found in order within one ${g.cp.paragraph.kind === 'turn' ? 'turn' : 'passage'}` +
        (diffs.length > 0 ? `, with ${diffs.length} difference${diffs.length === 1 ? '' : 's'}` : '') +
        '.';
      matches.push(match);
    }
    return { verdict, matches, span: [chain[0].start, chain[chain.length - 1].end] };
  }

  // ---------------------------------------------------------------- English route

  private checkEnglish(text: string): Outcome {
    if (!this.hasGloss) {
      return {
        verdict: 'not-found',
        matches: [],
        notice: 'This interview was given in English; Verbatim holds a Chinese translation, and no English gloss is loaded to compare with.',
      };
    }
    const terms = weightedTerms(text, this.glossIdf);
    const ranked = this.ranker.rankEnglish(text, 20);
    const scored = ranked
      .map((r) => {
        const cp = this.corpus.paragraphs[r.index];
        const g = this.gloss[cp.paragraph.id] ?? '';
        return { cp, g, ps: phraseScore(terms, g), ms: r.score };
      })
      .sort(
        (a, b) =>
          byScoreDesc(a.ps.score, b.ps.score) ||
          KIND_RANK[a.cp.paragraph.kind] - KIND_RANK[b.cp.paragraph.kind] ||
          byScoreDesc(a.ms, b.ms),
      );
    // a turn close behind an introduction or heading that repeats it wins
    if (scored.length > 1 && scored[0].cp.paragraph.kind !== 'turn') {
      const turn = scored.findIndex((x) => x.cp.paragraph.kind === 'turn');
      if (turn > 0 && scored[turn].ps.score >= scored[0].ps.score - ENGLISH_TURN_SLACK) {
        scored.unshift(...scored.splice(turn, 1));
      }
    }
    const top = scored[0];
    if (!top || top.ps.score < ENGLISH_RELATED) return { verdict: 'not-found', matches: [], notice: ENGLISH_NONE_NOTICE };
    const matches: Match[] = [];
    for (const s of scored) {
      if (matches.length >= MAX_MATCHES) break;
      if (s !== top && s.ps.score < Math.max(ENGLISH_RELATED * 0.8, top.ps.score * 0.6)) continue;
      const p = s.cp.paragraph;
      // the gloss links the whole paragraph: no Chinese span of its own
      const match = this.paragraphMatch(p, 0, p.text.length, s.ps.score, 'gloss', []);
      const why: string[] = [];
      if (s.ps.shared.length > 0) why.push(`The gloss of this passage shares ${s.ps.shared.slice(0, 6).map((w) => `“${w}”`).join(', ')}.`);
      if (s.ps.numbersDiffer) {
        const nd = s.ps.numbersDiffer;
        why.push(
          `The number differs: the quote says ${nd.quote.join(', ')}` +
            (nd.gloss.length > 0 ? `, the passage says ${nd.gloss.join(', ')}.` : '.'),
        );
      }
      match.why = why.join(' ') || 'The gloss of this passage is the closest to the quote.';
      matches.push(match);
    }
    return { verdict: 'related', matches, notice: ENGLISH_NOTICE };
  }

  // ---------------------------------------------------------------- helpers

  private describe(p: Paragraph): string {
    if (p.kind === 'intro') return "the editor's introduction";
    if (p.kind === 'heading') return 'a section heading';
    return p.speaker === 'host' ? "the host's turn" : "Amodei's turn";
  }

  /** Original (Traditional) text behind a corpus span, across paragraphs of one turn. */
  private originalText(a: number, b: number): string {
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

  private makeMatch(cp: CorpusParagraph, a: number, b: number, score: number, diffs: Difference[]): Match {
    const p = cp.paragraph;
    const lo = Math.max(a, cp.start) - cp.start;
    const hi = Math.max(lo, Math.min(b, cp.end) - cp.start);
    const [start, end] = toOriginalSpan(cp.norm, lo, hi);
    return this.paragraphMatch(p, start, end, score, 'text', diffs);
  }

  /** A match on paragraph `p`, span in its original text, carrying the paragraph's gloss. */
  private paragraphMatch(p: Paragraph, start: number, end: number, score: number, via: Match['via'], diffs: Difference[]): Match {
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

/** The reader's own text for a normalised range (kept in the NormalizedText's source). */
function sourceOf(n: NormalizedText, s: number, e: number): string {
  return n.source.slice(s, e);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

export function createMatcher(transcript: Transcript, gloss?: Gloss): Matcher {
  return new MatcherImpl(transcript, gloss);
}
