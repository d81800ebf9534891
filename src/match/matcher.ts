/**
 * The matcher: given the text a reader selected, say whether and where the transcript has it,
 * who said it, and how closely it agrees. Pure: a function of the transcript (and the English
 * gloss when given); no browser APIs.
 *
 * Route for one Chinese quote (`route-text.ts`): exact pass → bigram votes + Myers in a few
 * windows (altered) → MiniSearch ranking verified by character coverage (`related.ts`) →
 * not-found. English quotes go to the gloss (`route-english.ts`, related at most); a mixed
 * selection whose Chinese is not close also tries its English words on the gloss. Spans
 * joined by …… go through `route-joined.ts`.
 *
 * A selection is first tried whole. If it is not verbatim, it is split into quotes
 * (`segmentSelection`): sentences of one passage that are altered as a whole (a changed word,
 * a dropped clause between them) stay one altered result; otherwise each quote gets its own
 * result in `segments`, text around quotation marks that the transcript does not have is taken
 * as the writer's narration (and said so in `notice`), and the top-level verdict is the
 * weakest of the quotes (`summarize`: one invented sentence must not hide behind real ones),
 * with the best match of each quote, in order, as the top-level matches (at most three).
 */
import type { CheckResult, Explanation, Match, Paragraph, Transcript } from '../types';
import { MyersScorer } from './align';
import { MAX_MATCHES, MatchContext, byScoreDesc, type Gloss, type MatcherOptions, type MatcherStats, type Outcome } from './context';
import { checkCleanup, warmCleanup } from './cleanup';
import { checkEnglish } from './route-english';
import { checkJoined } from './route-joined';
import { checkText, exactMatches } from './route-text';
import { segmentSelection, splitParts, type QuoteSegment } from './segment';
import { MAX_INPUT, TOO_SHORT, TOO_SHORT_KEY, longEnough, measure, validate } from './validate';
import { describeSentences, sentenceJoin, summarizeSentences } from './sentences';
import { SENTENCE_IN_PASSAGE_RATE } from './verdict';

export interface SearchHit {
  paragraphId: string;
  sectionId: string;
  speaker: Paragraph['speaker'];
  /** The paragraph text (Traditional, as shipped). */
  text: string;
  score: number;
}

export interface CheckOptions {
  /**
   * Stop after the verbatim/altered passes: the answer is exactly `check(text)`'s when that is
   * verbatim or altered with every quote close (or invalid), and `not-found` otherwise, without
   * the related ranking. The multi-source layer asks many sources this way and ranks only a few.
   */
  closeOnly?: boolean;
  /**
   * Checks given the same token (the multi-source layer's close-only check of a quote and then its
   * full check) reuse each other's exact and near-exact lookups. Without one nothing carries over.
   */
  reuse?: object;
}

/** The parts a matcher makes on first use, in the order a warm-up makes them. */
export const WARM_PARTS = ['ranker', 'gloss', 'cleanup'] as const;
export type WarmPart = (typeof WARM_PARTS)[number];

export interface Matcher {
  check(text: string, options?: CheckOptions): CheckResult;
  search(query: string, limit?: number): SearchHit[];
  /** Build the parts made on first use (search index, gloss weights, cleanup tokens) now, e.g. when idle: all, or one (a warm-up lets a check in between). */
  warm(part?: WarmPart): void;
  readonly stats: MatcherStats;
}

const MAX_SEGMENTS = 12;

export const OTHER_LANGUAGE_NOTICE =
  'This source is not in Chinese, and the selection holds only Chinese characters: its wording cannot be compared with the source.';

function hasLatinWords(text: string, min: number): boolean {
  return (text.match(/[A-Za-z]{2,}/g) ?? []).length >= min;
}

/**
 * One check as the routes see it: its options, passed down, and what a close-only check
 * learned on the way (a quote that would need the related ranking makes its answer not-found).
 */
interface Run {
  readonly closeOnly: boolean;
  notClose: boolean;
}

export class MatcherImpl implements Matcher {
  private readonly ctx: MatchContext;

  constructor(transcript: Transcript, gloss: Gloss = {}, options: MatcherOptions = {}) {
    this.ctx = new MatchContext(transcript, gloss, options);
  }

  /** Spans joined by ellipses, as one string of the source's units (words keep a space). */
  private joinParts(parts: string[]): string {
    return parts.join(this.ctx.wordUnits ? ' ' : '');
  }

  get stats(): MatcherStats {
    return this.ctx.stats;
  }

  warm(part?: WarmPart): void {
    if (!part || part === 'ranker') void this.ctx.ranker;
    if (!part || part === 'gloss') void this.ctx.glossIdf;
    if (!part || part === 'cleanup') warmCleanup(this.ctx);
  }

  // ---------------------------------------------------------------- public

  check(text: string, options: CheckOptions = {}): CheckResult {
    const run: Run = { closeOnly: options.closeOnly === true, notClose: false };
    this.ctx.beginCheck(options.reuse ?? {});
    try {
      const r = this.checkSelection(text, run);
      return run.notClose ? { query: typeof text === 'string' ? text : '', verdict: 'not-found', matches: [] } : r;
    } catch (err) {
      // Never a stack trace for the reader: report the failure as a refusal.
      const why = err instanceof Error ? err.message : String(err);
      return {
        query: typeof text === 'string' ? text : '',
        verdict: 'invalid',
        error: `Verbatim could not check this selection (${why.slice(0, 120)}).`,
        errorKey: { key: 'error_failed' },
        headline: 'invalid',
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
    if (han > 0 || !this.ctx.hasGloss) add(this.ctx.ranker.rankChinese(query, limit));
    if (hasLatinWords(query, 1) && this.ctx.hasGloss) add(this.ctx.ranker.rankEnglish(query, limit));
    return [...hits.entries()]
      .sort((a, b) => byScoreDesc(a[1], b[1]) || a[0] - b[0])
      .slice(0, limit)
      .map(([index, score]) => {
        const p = this.ctx.corpus.paragraphs[index].paragraph;
        return { paragraphId: p.id, sectionId: p.sectionId, speaker: p.speaker, text: p.text, score };
      });
  }

  // ---------------------------------------------------------------- selection

  private checkSelection(text: string, run: Run): CheckResult {
    const r = this.checkSelectionRaw(text, run);
    const v = validate(text);
    return this.present(r, v.ok ? v.text : typeof text === 'string' ? text : '', true);
  }

  /**
   * What the card needs to say it plainly: the headline for the case, the contradiction of the
   * best quote on top, whether the quote is a short phrase, and at most one keyed notice.
   */
  private present(r: CheckResult, text: string, top: boolean): CheckResult {
    if (r.segments) r.segments = r.segments.map((s) => this.present(s, s.query, false));
    if (r.verdict === 'invalid') {
      r.errorKey ??= r.error === TOO_SHORT || !r.error ? TOO_SHORT_KEY : { key: 'error_failed' };
      r.headline = 'invalid';
      return r;
    }
    if (!r.contradiction) {
      const c = r.segments?.find((s) => s.contradiction)?.contradiction ?? r.matches.find((m) => m.contradiction)?.contradiction;
      if (c) r.contradiction = c;
    }
    const { han, words } = measure(text);
    // under 10 Chinese characters or 5 words: exact agreement on so little proves little
    const short = han > 0 ? han + 2 * words < 10 : words < 5;
    if (short && !r.segments) r.short = true;
    const first = r.matches[0];
    const viaGloss = first?.via === 'gloss' || (han === 0 && !this.ctx.wordUnits);
    r.headline = r.contradiction
      ? 'contradicted'
      : r.stitched && r.verdict === 'altered'
        ? 'stitched'
        : r.verdict === 'verbatim'
        ? r.short
          ? 'verbatim-short'
          : r.cleanup && r.cleanup.length > 0
            ? 'verbatim-cleaned'
            : 'verbatim'
        : r.verdict === 'altered'
          ? 'altered'
          : r.verdict === 'related'
            ? first?.via === 'gloss'
              ? first.closeness === 'close'
                ? 'gloss-close'
                : 'gloss-loose'
              : r.short
                ? 'related-short'
                : 'related'
            : viaGloss
              ? 'not-found-english'
              : 'not-found';
    if (top && !r.noticeKey) {
      if (r.notice === OTHER_LANGUAGE_NOTICE) r.noticeKey = { key: 'notice_other_language' };
      else if (r.short && r.verdict !== 'not-found') r.noticeKey = { key: 'notice_short' };
    }
    return r;
  }

  private checkSelectionRaw(text: string, run: Run): CheckResult {
    const v = validate(text);
    if (!v.ok) return { query: typeof text === 'string' ? text : '', verdict: 'invalid', error: v.error, errorKey: v.errorKey, matches: [] };
    let notice = v.notice;
    let noticeKey = v.noticeKey;
    const finish = (r: CheckResult, extra?: string, extraKey?: Explanation): CheckResult => {
      r.query = text;
      const all = [notice, extra, r.notice].filter((x): x is string => !!x);
      if (all.length > 0) r.notice = all.join(' ');
      // one notice on the card: the first that applies
      const key = noticeKey ?? extraKey;
      if (key) r.noticeKey = key;
      return r;
    };
    const { han, words } = measure(v.text);
    const wordUnits = this.ctx.wordUnits;
    if (wordUnits && words === 0) {
      // only Chinese characters, and a source in another language: nothing to compare
      return finish({ query: text, verdict: 'not-found', matches: [], notice: OTHER_LANGUAGE_NOTICE });
    }
    // The commonest case first: the whole selection, as it stands, is in the transcript.
    if (wordUnits || han > 0) {
      const q = this.ctx.normalize(v.text);
      const exact = this.ctx.exactPositions(q.text);
      if (exact.length > 0) return finish({ query: text, verdict: 'verbatim', matches: exactMatches(this.ctx, q, exact).matches });
    }
    let segs = segmentSelection(v.text);
    if (segs.length === 0) return { query: text, verdict: 'invalid', error: TOO_SHORT, errorKey: TOO_SHORT_KEY, matches: [] };
    const unchecked = Math.max(0, segs.length - MAX_SEGMENTS);
    if (segs.length > MAX_SEGMENTS) {
      segs = segs.slice(0, MAX_SEGMENTS);
      const more = `Only the first ${MAX_SEGMENTS} quotes were checked.`;
      notice = notice ? `${notice} ${more}` : more;
      noticeKey ??= { key: 'notice_segments', params: { count: MAX_SEGMENTS } };
    }
    if (han === 0 && !wordUnits) {
      // English against a Chinese source: the gloss is matched by shared words, so the quote is taken whole (its quoted
      // passages when it has some), not sentence by sentence.
      const quoted = segs.filter((s) => s.role === 'quoted');
      const english = (quoted.length > 0 ? quoted : segs).map((s) => s.parts.join(' ')).join(' ');
      const seg: QuoteSegment = { text: english, start: 0, end: english.length, parts: [english], role: 'sentence' };
      return finish(this.checkQuote(seg, run).result);
    }
    if (segs.length === 1 && segs[0].role === 'sentence') return finish(this.checkQuote(segs[0], run).result);
    // Several sentences or quotes. First the selection as one quote (only verbatim/altered
    // count here): a passage quoted whole, with its own inner quotation marks, is one quote.
    const wholeSeg: QuoteSegment = { text: v.text, start: 0, end: v.text.length, parts: splitParts(v.text), role: 'sentence' };
    const whole = this.checkQuote(wholeSeg, run, true);
    if (whole.result.verdict === 'verbatim') return finish(whole.result);
    const wholeSpan = whole.result.verdict === 'altered' ? whole.span : null;
    const separateQuotes = segs.some((sg) => sg.role !== 'sentence');
    if (!separateQuotes && wholeSpan && segs.every((sg) => this.alignsWithin(sg, wholeSpan))) {
      // sentences of one passage, altered as a whole (a word changed, a clause dropped between
      // them), each found in that passage
      return finish(whole.result);
    }
    const checked = segs.map((sg) => ({ seg: sg, ...this.checkQuote(sg, run) }));
    // Text around quoted passages that the transcript does not have is the writer's narration.
    const kept = checked.filter(
      (c) => c.seg.role !== 'outside' || c.result.verdict === 'verbatim' || c.result.verdict === 'altered',
    );
    const narration = checked.filter((c) => !kept.includes(c)).map((c) => c.seg.text.trim());
    const narrationNotice =
      narration.length > 0
        ? `Text outside the quotation marks (${narration.map((n) => `“${n.length > 24 ? `${n.slice(0, 24)}…` : n}”`).join(', ')}) was taken as the writer's own words and not checked.`
        : undefined;
    if (kept.length === 0) return finish(this.checkQuote(wholeSeg, run).result);
    const results = kept.map((c) => c.result);
    const allVerbatim = results.every((r) => r.verdict === 'verbatim');
    if (separateQuotes && !allVerbatim && wholeSpan && kept.every((c) => this.alignsWithin(c.seg, wholeSpan))) {
      // quoted passages and the text around them, close as a whole (zh: a number changed
      // outside the inner quotation marks)
      const out: CheckResult = { ...whole.result };
      if (results.length > 1) out.segments = results;
      return finish(out);
    }
    const narrationKey: Explanation | undefined =
      narration.length > 0 ? { key: 'notice_narration', params: { text: narration.map((n) => `“${n.length > 24 ? `${n.slice(0, 24)}…` : n}”`).join(' ') } } : undefined;
    if (kept.length === 1) return finish(results[0], narrationNotice, narrationKey);
    const matches: Match[] = [];
    for (const r of results) {
      const m = r.matches[0];
      if (!m || matches.length >= MAX_MATCHES) continue;
      if (matches.some((x) => x.paragraphId === m.paragraphId && x.start === m.start && x.end === m.end)) continue;
      matches.push(m);
    }
    // how each sentence follows the one before it: one continuous stretch, or several places
    // (each close sentence against the last close one before it: an invented sentence between them does not join them)
    let placed = -1;
    for (let i = 0; i < kept.length; i++) {
      const r = kept[i].result;
      if (r.verdict !== 'verbatim' && r.verdict !== 'altered') continue;
      if (placed >= 0) {
        const a = kept[placed].seg;
        const b = kept[i].seg;
        const between = `${a.text.slice(-3)}${v.text.slice(a.end, b.start)}${b.text.slice(0, 3)}`;
        const join = sentenceJoin(this.ctx, kept[placed].result, r, between);
        r.join = join === 'continuous' && placed !== i - 1 ? 'apart' : join;
      }
      placed = i;
    }
    return finish(
      { query: text, verdict: summarizeSentences(results), matches, segments: results, ...describeSentences(results, unchecked) },
      narrationNotice,
      narrationKey,
    );
  }

  /**
   * Is a sentence of a selection found (closely enough) inside the passage the whole selection
   * matched? Guards against an invented sentence riding along with real ones.
   */
  private alignsWithin(seg: QuoteSegment, span: [number, number]): boolean {
    const q = this.ctx.normalize(this.joinParts(seg.parts)).text;
    if (q.length === 0) return true;
    const a = Math.max(0, span[0] - 8);
    const b = Math.min(this.ctx.corpus.text.length, span[1] + 8);
    const allowed = Math.floor(q.length * SENTENCE_IN_PASSAGE_RATE);
    return new MyersScorer(q).score(this.ctx.corpus.text, a, b).errors <= allowed;
  }

  /**
   * One quote. With `closeOnly`, stop after the verbatim/altered passes (not-found otherwise).
   * A quote that is not verbatim as it stands may be once cleaned up as the press does
   * (`cleanup.ts`: fillers, ellipses, brackets, digits…): then it is verbatim with the list.
   */
  private checkQuote(seg: QuoteSegment, run: Run, closeOnly = false): { result: CheckResult; span: [number, number] | null } {
    const out = this.checkQuoteRoutes(seg, run, closeOnly);
    const v = out.result.verdict;
    // a close-only run already settled (not close): its answer is not-found, nothing to clean up
    if (v === 'invalid' || run.notClose) return out;
    // verbatim already: still list the ellipses and brackets the quote has
    if (v === 'verbatim' && seg.parts.length < 2 && !/[[【〔]/u.test(seg.text)) return out;
    const { han, words } = measure(seg.text);
    if (this.ctx.wordUnits ? words === 0 : han === 0) return out;
    const cleaned = checkCleanup(this.ctx, seg.text);
    if (cleaned && 'hidden' in cleaned) {
      // pieces joined by an ellipsis that leaves out a negation of the sentence they keep: never verbatim
      if (v === 'verbatim' && out.result.matches[0]) {
        const first = out.result.matches[0];
        const contradiction = { kind: 'negation' as const, quote: seg.text, passage: first.passage.slice(first.start, first.end), paragraphId: first.paragraphId };
        first.differences = [{ quote: '…', transcript: cleaned.hidden }];
        first.contradiction = contradiction;
        out.result.verdict = 'altered';
        out.result.contradiction = contradiction;
      }
      return out;
    }
    if (!cleaned || (v === 'verbatim' && cleaned.cleanup.length === 0)) return out;
    if (v === 'verbatim') {
      // found already (spans joined by an ellipsis): keep that match, add what was left out
      out.result.cleanup = cleaned.cleanup;
      return out;
    }
    const { span, ...rest } = cleaned;
    return { result: { query: seg.text, ...rest }, span: span ?? null };
  }

  /**
   * The routes for one quote. In a close-only run every quote is checked that way, and one that
   * is not close settles the run's answer (`run.notClose`): the quotes after it are not looked at.
   */
  private checkQuoteRoutes(seg: QuoteSegment, run: Run, closeOnly = false): { result: CheckResult; span: [number, number] | null } {
    if (run.closeOnly && !closeOnly) {
      if (run.notClose) return { result: { query: seg.text, verdict: 'not-found', matches: [] }, span: null };
      // the full check would rank for related here: a close-only check has no answer to give
      const out = this.checkQuote(seg, run, true);
      const v = out.result.verdict;
      if (v !== 'verbatim' && v !== 'altered' && v !== 'invalid') run.notClose = true;
      return out;
    }
    const query = seg.text;
    const wrap = (o: Outcome) => {
      const { span, ...rest } = o;
      return { result: { query, ...rest }, span: span ?? null };
    };
    const whole = this.joinParts(seg.parts);
    if (!longEnough(whole)) return { result: { query, verdict: 'invalid', error: TOO_SHORT, errorKey: TOO_SHORT_KEY, matches: [] }, span: null };
    if (seg.parts.length > 1) {
      const joined = checkJoined(this.ctx, seg.parts);
      if (joined) return wrap(joined);
    }
    const { han, words } = measure(whole);
    if (this.ctx.wordUnits) return wrap(checkText(this.ctx, whole, closeOnly));
    if (han === 0) return wrap(closeOnly ? { verdict: 'not-found', matches: [] } : checkEnglish(this.ctx, whole));
    const zh = checkText(this.ctx, whole, closeOnly);
    if (closeOnly) return wrap(zh);
    if ((zh.verdict === 'related' || zh.verdict === 'not-found') && words >= 4 && this.ctx.hasGloss) {
      // mixed selection: the English words go to the gloss too
      const latin = (whole.match(/[A-Za-z][A-Za-z0-9'’\- ,.]*[A-Za-z0-9]/g) ?? []).join(' ');
      if (hasLatinWords(latin, 4)) {
        const en = checkEnglish(this.ctx, latin);
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
}
