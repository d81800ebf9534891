/**
 * Checking a quote against every enabled source, and searching them all.
 *
 * Cheap first, everywhere; expensive only where it can matter. One query costs:
 * 1. the prefilter (`signature.ts`): the query's terms looked up in every source's Bloom
 *    signature at once — microseconds for 50 sources;
 * 2. the full matcher of each source, in prefilter order, only while it can still change the
 *    answer: a source that holds (nearly) all the query's terms may have it verbatim or altered
 *    and is always asked; a source holding a long enough run of the quote's trigrams may have it
 *    altered (at most four such, longest run first); once a verbatim (altered) answer is found
 *    only sources that could also have it verbatim (closely) are asked; otherwise at most
 *    `maxRelated` sources whose rarer terms match are ranked for `related`. Sources that may
 *    hold the quote closely are asked close-only first (no related ranking); their full check
 *    runs only when no source has the quote closely, or when the selection has several quotes
 *    (each quote takes the strongest answer any source gives it).
 * Matchers are built on first need and cached (least recently used dropped past
 * `maxLiveMatchers`), so a cold worker builds only the sources a quote leads to.
 *
 * Merging: verbatim and altered before related (only matches of the strongest verdict are
 * kept), an original before a translation before a gloss, a turn before an introduction or
 * heading repeating it, then score; at most three. Every match names its source, the speaker's
 * name as the source writes it, and the time when known.
 */
import { WARM_PARTS, buildMatcherIndex, createMatcher, type CheckWork, type Matcher, type MatcherIndexData, type MatcherOptions, type MatcherStats, type SearchHit } from '../match/index';
import { describeSentences, markSourceJoins, summarizeSentences } from '../match/sentences';
import { validate } from '../match/validate';
import { segmentSelection } from '../match/segment';
import { CHAR_UNITS, WORD_UNITS, type Units } from '../match/verdict';
import { normalizeText } from '../match/normalize';
import type { CheckResult, Match, Verdict } from '../types';
import { BUILTIN_SOURCE_ID, type MatchSourceRef, type SourceKind } from './model';
import { buildSignature, isSignature, scoreSignatures, type PrefilterScore, type SourceSignature } from './signature';
import { sourceToTranscript, timeAt, type ParagraphInfo } from './to-transcript';
import { matchBegins } from '../match/span';
import { searchRank } from './search-rank';
import type { Dictionary } from '../xlang/dictionary';
import { checkAcross, joinCrossLanguage, wantsDictionary } from '../xlang/multi';

import { sourceRef, type SourceEntry } from './entry';

export { sourceRef, type SourceEntry };

export interface MultiMatcherOptions {
  /** Built matchers kept in memory (least recently used dropped beyond). Default 12. */
  maxLiveMatchers?: number;
  /** Sources ranked for `related` per quote. Default 3. */
  maxRelated?: number;
  /** Told about a search index a source's matcher had to build (no usable stored one), to store it. */
  onSearchIndexBuilt?: (sourceId: string, data: MatcherIndexData) => void;
}

export interface MultiSearchHit extends SearchHit {
  source: MatchSourceRef;
  speakerName?: string;
  speakerUnnamed?: 'source' | 'paragraph';
  time?: number;
}

export interface MultiMatcherStats {
  sources: number;
  enabled: number;
  liveMatchers: number;
  /** Sources asked by their full matcher in the last check, and the ms spent building matchers then. */
  lastChecked: number;
  lastBuildMs: number;
  /** The work of the last check, summed over the sources it asked (`CheckWork`). */
  lastWork: CheckWork;
  /** Sources whose matcher the last check built (the worker's timing breakdown reads their stats). */
  lastBuilt: string[];
}

export interface MultiMatcher {
  check(text: string): CheckResult;
  /**
   * The sources a check of `text` may ask (at most: the answers found on the way ask fewer)
   * whose matcher is not built: the stored indexes to read before the check.
   */
  mayAsk(text: string): string[];
  search(query: string, limit?: number): MultiSearchHit[];
  /** Replace the sources; matchers and signatures of unchanged sources are kept. */
  setSources(entries: SourceEntry[]): void;
  /** The signature of every source (built ones included), for the store to persist. */
  signatures(): Map<string, SourceSignature>;
  /** A worker's warm-up of a source, as steps (its matcher, then each part it makes on first use), so that a check can come in between; none when there is no such source. */
  warmSteps(sourceId: string): Array<() => void>;
  /** The stats of a source's built matcher (where its indexes came from, build times), if built. */
  matcherStats(sourceId: string): MatcherStats | undefined;
  /** Does this quote need the bilingual dictionary (a source in the other language is enabled)? */
  wantsDictionary(text: string): boolean;
  /** The bilingual dictionary (loaded lazily by the caller): enables the cross-language check (`src/xlang`). */
  setDictionary(dictionary: Dictionary | null): void;
  readonly stats: MultiMatcherStats;
}

const STRENGTH: Record<Verdict, number> = { verbatim: 4, altered: 3, related: 2, 'not-found': 1, invalid: 0 };
const KIND_ORDER: Record<SourceKind, number> = { original: 0, translation: 1, gloss: 2 };
const PARAGRAPH_ORDER: Record<string, number> = { turn: 0, intro: 1, heading: 2 };
const MAX_MATCHES = 3;
/** Share of the query's sequence terms a source must hold to be asked for a verbatim answer (Bloom filters have no false negatives). */
const EXACT_CONTAINED = 0.999;
/**
 * Consecutive sequence terms (trigrams) a source must hold to be asked for an altered answer.
 * The matcher calls a quote of m units (characters, or words for sources not in Chinese)
 * altered only with at most e = maxAlteredErrors(m) edits and a shared run of at least
 * minSharedRun(m) units; e edits leave a run of at least ⌈(m − e) / (e + 1)⌉ units. A run of r
 * units holds r − 2 trigrams. The smaller bound of the quote's Chinese and English readings
 * is used, so no source that could have the quote altered is skipped.
 */
function closeRun(query: string): number {
  const bound = (units: Units, m: number) => {
    if (m < units.exactOnlyBelow) return m; // exact only: the whole quote
    const e = units.maxAlteredErrors(m);
    return Math.max(units.minSharedRun(m), Math.ceil((m - e) / (e + 1)));
  };
  const runs: number[] = [];
  const chars = normalizeText(query).length;
  if (/[\u3400-\u9FFF\uF900-\uFAFF]/.test(query)) runs.push(bound(CHAR_UNITS, chars) - 2);
  const words = (query.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? []).filter((w) => !/[\u3400-\u9FFF]/.test(w)).length;
  if (words >= 3) runs.push(bound(WORD_UNITS, words) - 2);
  return runs.length === 0 ? 0 : Math.max(0, Math.min(...runs));
}
/**
 * Sources asked for a verbatim or altered answer per quote, longest shared run first. On text
 * of one topic many sources share a six-character run with a quote; the one holding the quote
 * has the longest run (all of it, for a verbatim quote), so the rest need not be asked.
 */
const MAX_CLOSE = 4;
/** Least rarity-weighted share for a source to be ranked for `related`. */
const RELATED_WEIGHTED = 0.2;


/** The texts a source's signature is built from. */
function signatureTexts(entry: SourceEntry): string[] {
  const texts = entry.transcript ? entry.transcript.paragraphs.map((p) => p.text) : entry.source.paragraphs.map((p) => p.text);
  if (entry.gloss) texts.push(...Object.values(entry.gloss));
  return texts;
}

/** Build the signature to store with a source (the built-in one: pass its transcript and gloss). */
export function signatureOf(entry: SourceEntry): SourceSignature {
  return buildSignature(signatureTexts(entry));
}

/** The index to store with a source (what its matcher builds: text, positional and search indexes). */
export function searchIndexOf(entry: SourceEntry): MatcherIndexData {
  const transcript = entry.transcript ?? sourceToTranscript(entry.source).transcript;
  return buildMatcherIndex(transcript, entry.gloss, { language: entry.source.language });
}

/** What identifies a source's matcher: a change here (text, main speaker, language) rebuilds it. */
function fingerprint(entry: SourceEntry): string {
  const s = entry.source;
  let chars = 0;
  for (const p of s.paragraphs) chars += p.text.length;
  const main = s.speakers.find((x) => x.main)?.id ?? '';
  return `${s.id}|${s.paragraphs.length}|${chars}|${main}|${s.language}|${entry.transcript ? 't' : ''}|${entry.gloss ? 'g' : ''}`;
}

interface Built {
  matcher: Matcher;
  info: Map<string, ParagraphInfo>;
  kinds: Map<string, string>;
}

interface Slot {
  entry: SourceEntry;
  ref: MatchSourceRef;
  key: string;
  signature: SourceSignature;
  built: Built | null;
  used: number;
}

const makeMatcher = createMatcher;

function buildSlot(slot: Slot, onSearchIndexBuilt: MultiMatcherOptions['onSearchIndexBuilt']): Built {
  const { entry } = slot;
  const id = entry.source.id;
  const options: MatcherOptions = {
    language: entry.source.language,
    ...(entry.searchIndex ? { storedIndex: entry.searchIndex } : {}),
    ...(onSearchIndexBuilt ? { onIndexBuilt: (data: MatcherIndexData) => onSearchIndexBuilt(id, data) } : {}),
  };
  if (entry.transcript) {
    const t = entry.transcript;
    const names: Record<string, string> = { amodei: t.meta.guest, host: t.meta.host, editor: t.meta.editor };
    const info = new Map<string, ParagraphInfo>(t.paragraphs.map((p) => [p.id, names[p.speaker] ? { speakerName: names[p.speaker] } : {}]));
    return { matcher: makeMatcher(t, entry.gloss, options), info, kinds: new Map(t.paragraphs.map((p) => [p.id, p.kind])) };
  }
  const { transcript, paragraphInfo } = sourceToTranscript(entry.source);
  return {
    matcher: makeMatcher(transcript, entry.gloss, options),
    info: paragraphInfo,
    kinds: new Map(transcript.paragraphs.map((p) => [p.id, p.kind])),
  };
}

const noWork = (): CheckWork => ({ lookups: 0, reused: 0, turnsTested: 0, paragraphsScored: 0 });

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

class MultiMatcherImpl implements MultiMatcher {
  private slots: Slot[] = [];
  private clock = 0;
  private readonly maxLive: number;
  private readonly maxRelated: number;
  private readonly onSearchIndexBuilt: MultiMatcherOptions['onSearchIndexBuilt'];
  readonly stats: MultiMatcherStats = { sources: 0, enabled: 0, liveMatchers: 0, lastChecked: 0, lastBuildMs: 0, lastWork: noWork(), lastBuilt: [] };

  constructor(entries: SourceEntry[], opts: MultiMatcherOptions) {
    this.maxLive = Math.max(1, opts.maxLiveMatchers ?? 12);
    this.maxRelated = Math.max(1, opts.maxRelated ?? 3);
    this.onSearchIndexBuilt = opts.onSearchIndexBuilt;
    this.setSources(entries);
  }

  setSources(entries: SourceEntry[]): void {
    const old = new Map(this.slots.map((s) => [s.key, s]));
    this.slots = entries.map((entry) => {
      const key = fingerprint(entry);
      const prev = old.get(key);
      const signature = isSignature(entry.signature) ? entry.signature : prev?.signature ?? signatureOf(entry);
      return { entry, ref: sourceRef(entry.source), key, signature, built: prev?.built ?? null, used: prev?.used ?? 0 };
    });
    this.stats.sources = this.slots.length;
    this.stats.enabled = this.enabled().length;
    this.stats.liveMatchers = this.slots.filter((s) => s.built).length;
  }

  signatures(): Map<string, SourceSignature> {
    return new Map(this.slots.map((s) => [s.entry.source.id, s.signature]));
  }

  warmSteps(sourceId: string): Array<() => void> {
    const slot = this.slots.find((s) => s.entry.source.id === sourceId);
    if (!slot) return [];
    // each part is asked of the matcher when its step runs: it may have been rebuilt or dropped meanwhile
    return [() => void this.built(slot), ...WARM_PARTS.map((part) => () => this.built(slot).matcher.warm(part))];
  }

  matcherStats(sourceId: string): MatcherStats | undefined {
    return this.slots.find((s) => s.entry.source.id === sourceId)?.built?.matcher.stats;
  }

  private enabled(): Slot[] {
    return this.slots.filter((s) => s.entry.source.enabled !== false);
  }

  private built(slot: Slot): Built {
    slot.used = ++this.clock;
    if (!slot.built) {
      const t0 = now();
      slot.built = buildSlot(slot, this.onSearchIndexBuilt);
      this.stats.lastBuildMs += now() - t0;
      this.stats.lastBuilt.push(slot.entry.source.id);
      const live = this.slots.filter((s) => s.built);
      if (live.length > this.maxLive) {
        live.sort((a, b) => a.used - b.used);
        for (const s of live.slice(0, live.length - this.maxLive)) if (s !== slot) s.built = null;
      }
      this.stats.liveMatchers = this.slots.filter((s) => s.built).length;
    }
    return slot.built;
  }

  /** The last ranking: the worker asks `mayAsk` and then `check` with the same text. */
  private lastRanked: { text: string; slots: Slot[]; out: Array<{ slot: Slot; score: PrefilterScore }> } | null = null;

  private ranked(text: string, slots: Slot[]): Array<{ slot: Slot; score: PrefilterScore }> {
    const last = this.lastRanked;
    if (last && last.text === text && last.slots.length === slots.length && last.slots.every((s, i) => s === slots[i])) return last.out;
    const out = this.rank(text, slots);
    this.lastRanked = { text, slots, out };
    return out;
  }

  private rank(text: string, slots: Slot[]): Array<{ slot: Slot; score: PrefilterScore }> {
    const { scores, terms, sequence } = scoreSignatures(text, slots.map((s) => s.signature));
    const out = scores.map((score) => ({ slot: slots[score.index], score }));
    // No distinctive term at all (a quote of stop words): every source may hold it.
    if (terms === 0 && sequence === 0) for (const o of out) o.score = { ...o.score, contained: 1, weighted: 1, run: Number.MAX_SAFE_INTEGER };
    const exact = (s: PrefilterScore) => (s.contained >= EXACT_CONTAINED ? 1 : 0);
    return out.sort(
      (a, b) =>
        exact(b.score) - exact(a.score) ||
        b.score.run - a.score.run ||
        b.score.weighted - a.score.weighted ||
        a.score.index - b.score.index,
    );
  }

  private dictionary: Dictionary | null = null;

  setDictionary(dictionary: Dictionary | null): void {
    this.dictionary = dictionary;
  }

  wantsDictionary(text: string): boolean {
    return wantsDictionary(text, this.enabled().map((s) => s.entry));
  }

  mayAsk(text: string): string[] {
    const v = validate(text);
    if (!v.ok) return [];
    const out: string[] = [];
    let related = 0;
    let close = 0;
    const needRun = closeRun(v.text);
    // the gates of `check` that do not depend on answers found on the way
    for (const { slot, score } of this.ranked(v.text, this.enabled())) {
      const couldBeExact = score.contained >= EXACT_CONTAINED;
      const couldBeClose = couldBeExact || score.run >= needRun;
      if (!couldBeClose && (related >= this.maxRelated || score.weighted < RELATED_WEIGHTED)) continue;
      if (couldBeClose && !couldBeExact && close >= MAX_CLOSE) continue;
      if (!couldBeClose) related++;
      else if (!couldBeExact) close++;
      if (!slot.built) out.push(slot.entry.source.id);
    }
    return out;
  }

  check(text: string): CheckResult {
    const same = this.checkSame(text);
    if (!this.dictionary || same.verdict === 'verbatim' || same.verdict === 'altered' || same.verdict === 'invalid') return same;
    // a source in the other language: through the dictionary, related at most (src/xlang)
    return joinCrossLanguage(same, checkAcross(text, this.enabled().map((s) => ({ entry: s.entry, key: s.key })), this.dictionary));
  }

  private checkSame(text: string): CheckResult {
    const asked: Slot[] = [];
    try {
      return this.checkSameCounted(text, asked);
    } finally {
      const work = noWork();
      for (const slot of asked) {
        const w = slot.built?.matcher.stats.lastCheck;
        if (w) for (const k of Object.keys(work) as Array<keyof CheckWork>) work[k] += w[k];
      }
      this.stats.lastWork = work;
    }
  }

  private checkSameCounted(text: string, asked: Slot[]): CheckResult {
    this.stats.lastChecked = 0;
    this.stats.lastBuildMs = 0;
    this.stats.lastBuilt = [];
    const v = validate(text);
    const query = typeof text === 'string' ? text : '';
    if (!v.ok) return { query, verdict: 'invalid', error: v.error, matches: [] };
    const slots = this.enabled();
    if (slots.length === 0) return { query, verdict: 'not-found', matches: [], notice: 'No source is enabled.' };
    // in the ranked order (merging breaks ties by it); `null` until a deferred source is asked in full
    const results: Array<{ slot: Slot; result: CheckResult | null }> = [];
    let best = 0;
    let related = 0;
    let close = 0;
    const needRun = closeRun(v.text);
    // a deferred source's full check reuses the lookups of its close-only one
    const reuse = {};
    for (const { slot, score } of this.ranked(v.text, slots)) {
      const couldBeExact = score.contained >= EXACT_CONTAINED;
      const couldBeClose = couldBeExact || score.run >= needRun;
      if (best >= STRENGTH.verbatim && !couldBeExact) continue;
      if (best >= STRENGTH.altered && !couldBeClose) continue;
      if (!couldBeClose && (related >= this.maxRelated || score.weighted < RELATED_WEIGHTED)) continue;
      if (couldBeClose && !couldBeExact && close >= MAX_CLOSE) continue;
      if (!couldBeClose) related++;
      else if (!couldBeExact) close++;
      // A source that may hold the quote closely is first asked close-only (no related ranking);
      // the full check is deferred, and needed only when no source has the quote closely.
      const result = this.built(slot).matcher.check(text, couldBeClose ? { closeOnly: true, reuse } : { reuse });
      this.stats.lastChecked++;
      asked.push(slot);
      if (result.verdict === 'invalid') return result;
      const conclusive = !couldBeClose || result.verdict === 'verbatim' || result.verdict === 'altered';
      results.push({ slot, result: conclusive ? result : null });
      // a deferred source's full answer is related or not-found: below every gate above
      if (conclusive) best = Math.max(best, STRENGTH[result.verdict]);
    }
    // A deferred source's weaker answer is dropped by the merge, unless the selection has several
    // quotes (each quote takes the strongest answer any source gives it).
    const weakerDropped = best >= STRENGTH.altered && segmentSelection(v.text).length <= 1;
    for (const r of results) {
      if (r.result || weakerDropped) continue;
      r.result = this.built(r.slot).matcher.check(text, { reuse });
      if (r.result.verdict === 'invalid') return r.result;
    }
    const answered = results.filter((r): r is { slot: Slot; result: CheckResult } => r.result !== null);
    if (results.length === 0) {
      return {
        query,
        verdict: 'not-found',
        matches: [],
        notice: `None of the ${slots.length} enabled source${slots.length === 1 ? '' : 's'} shares enough words with this quote.`,
      };
    }
    return mergeResults(
      query,
      answered.map((r) => ({ result: r.result, decorate: (m: Match) => this.decorate(m, r.slot), sourceId: r.slot.entry.source.id })),
    );
  }

  private decorate(m: Match, slot: Slot): DecoratedMatch {
    const built = slot.built ?? this.built(slot);
    const info = built.info.get(m.paragraphId);
    const out: DecoratedMatch = { ...m, source: slot.ref, paragraphKind: built.kinds.get(m.paragraphId) ?? 'turn' };
    if (info?.speakerName) out.speakerName = info.speakerName;
    if (info?.unnamed) out.speakerUnnamed = info.unnamed;
    // the time where the quote begins: its cue or timed stretch, in the paragraph it starts in
    const begins = matchBegins(m);
    const time = timeAt(begins.paragraphId === m.paragraphId ? info : built.info.get(begins.paragraphId), begins.offset);
    if (time !== undefined) out.time = time;
    return out;
  }

  search(query: string, limit = 10): MultiSearchHit[] {
    if (typeof query !== 'string' || query.trim().length === 0) return [];
    const slots = this.enabled();
    const ranked = this.ranked(query, slots).filter((r) => r.score.weighted > 0).slice(0, 6);
    const hits: Array<{ hit: MultiSearchHit; rank: number }> = [];
    for (const { slot, score } of ranked) {
      const built = this.built(slot);
      for (const h of built.matcher.search(query, limit)) {
        const info = built.info.get(h.paragraphId);
        const hit: MultiSearchHit = { ...h, source: slot.ref };
        if (info?.speakerName) hit.speakerName = info.speakerName;
        if (info?.unnamed) hit.speakerUnnamed = info.unnamed;
        if (info?.time !== undefined) hit.time = info.time;
        hits.push({ hit, rank: searchRank(query, h.text, h.score * (0.5 + 0.5 * score.weighted)) });
      }
    }
    return hits.sort((a, b) => b.rank - a.rank).slice(0, limit).map((h) => h.hit);
  }
}

type DecoratedMatch = Match & { paragraphKind?: string };

interface SourceResult {
  result: CheckResult;
  decorate: (m: Match) => DecoratedMatch;
  /** The source the result is from (optional in tests). */
  sourceId?: string;
}

function orderMatches(matches: DecoratedMatch[]): Match[] {
  const kindOf = (m: DecoratedMatch) => (m.via === 'gloss' ? KIND_ORDER.gloss : KIND_ORDER[m.source?.kind ?? 'original']);
  const sorted = matches
    .map((m, i) => ({ m, i }))
    .sort(
      (a, b) =>
        kindOf(a.m) - kindOf(b.m) ||
        (PARAGRAPH_ORDER[a.m.paragraphKind ?? 'turn'] ?? 0) - (PARAGRAPH_ORDER[b.m.paragraphKind ?? 'turn'] ?? 0) ||
        (Math.abs(a.m.score - b.m.score) < 1e-9 ? 0 : b.m.score - a.m.score) ||
        a.i - b.i,
    )
    .map((x) => x.m);
  const out: Match[] = [];
  for (const m of sorted) {
    if (out.length >= MAX_MATCHES) break;
    if (out.some((x) => x.source?.id === m.source?.id && x.paragraphId === m.paragraphId && x.start === m.start && x.end === m.end)) continue;
    const { paragraphKind: _k, ...clean } = m;
    out.push(clean);
  }
  return out;
}

/** Merge one result per source into one (exported for tests). */
export function mergeResults(query: string, results: SourceResult[]): CheckResult {
  const judged = results.filter((r) => r.result.verdict !== 'invalid');
  if (judged.length === 0) return results[0]?.result ?? { query, verdict: 'not-found', matches: [] };
  const best = Math.max(...judged.map((r) => STRENGTH[r.result.verdict]));
  const top = judged.filter((r) => STRENGTH[r.result.verdict] === best);
  const matches = orderMatches(top.flatMap((r) => r.result.matches.map(r.decorate)));
  const verdict = top[0].result.verdict;
  // the notice of the source the first match comes from (an English-route notice of the built-in
  // source must not describe a match from an English original)
  const lead = top.find((r) => r.result.matches.some((m) => matches[0] && m.paragraphId === matches[0].paragraphId && r.decorate(m).source?.id === matches[0].source?.id)) ?? top[0];
  // the lead source's headline, keyed notice, contradiction… describe the first match
  const { matches: _m, segments: _s, ...leadFields } = lead.result;
  const out: CheckResult = { ...leadFields, query, verdict, matches };
  // `mentions` names a paragraph id without a source: only the built-in transcript's can be linked
  if (out.mentions && lead.sourceId !== BUILTIN_SOURCE_ID) delete out.mentions;

  // quotes of a selection: each takes the strongest answer any source gives it
  const withSegments = judged.filter((r) => r.result.segments && r.result.segments.length > 0);
  if (withSegments.length > 0) {
    const primary = (top.find((r) => r.result.segments) ?? withSegments[0]).result.segments as CheckResult[];
    const segments = primary.map((seg) => {
      const same: SourceResult[] = [];
      for (const r of judged) {
        const s = r.result.segments?.find((x) => x.query === seg.query);
        if (s) same.push({ result: s, decorate: r.decorate, sourceId: r.sourceId });
        else if (!r.result.segments && r.result.query === seg.query) same.push(r);
      }
      return mergeResults(seg.query, same.length > 0 ? same : [{ result: seg, decorate: (m) => m }]);
    });
    out.segments = segments;
    markSourceJoins(segments);
    // the counting headline and the stitch, over the merged sentences
    Object.assign(out, describeSentences(segments, lead.result.tally?.unchecked ?? 0));
    if (!out.stitched) delete out.stitched;
    const summary = summarizeSentences(segments);
    if (STRENGTH[summary] > STRENGTH[verdict]) {
      out.verdict = summary;
      // the lead's headline and contradiction were about its own, weaker, verdict
      delete out.headline;
      delete out.contradiction;
      out.matches = segments.map((s) => s.matches[0]).filter((m): m is Match => !!m).slice(0, MAX_MATCHES);
    }
  }
  return out;
}

export function createMultiMatcher(entries: SourceEntry[], opts: MultiMatcherOptions = {}): MultiMatcher {
  return new MultiMatcherImpl(entries, opts);
}

/** One-off check over a list of sources (builds what it needs; keep a `MultiMatcher` for repeated checks). */
export function checkAll(entries: SourceEntry[], text: string): CheckResult {
  return createMultiMatcher(entries).check(text);
}

export { BUILTIN_SOURCE_ID };
