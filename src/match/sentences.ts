/**
 * Several sentences in one selection (issue 18): how each follows the one before it in the
 * transcript, a count of the verdicts for the headline, and the rule that the whole is never
 * `verbatim` unless it is one continuous stretch of one turn (or pieces in order joined by an
 * ellipsis). Sentences from two turns, two speakers or out of their order are said so.
 */
import type { CheckResult, Match, SentenceJoin, Verdict } from '../types';
import { onlyFillers } from './cleanup';
import type { MatchContext } from './context';

/** Joins that make a selection a stitch of several places, never one quote. */
export const STITCHED_JOINS: ReadonlySet<SentenceJoin> = new Set(['apart', 'reordered', 'other-speaker']);

const ELLIPSIS = /…|⋯|\.{3}|。{3}/u;

/**
 * How the sentence `next` follows `prev` in this source. `between`: the selection's text
 * between the two sentences (an ellipsis there allows a gap in the same turn).
 */
export function sentenceJoin(ctx: MatchContext, prev: CheckResult, next: CheckResult, between: string): SentenceJoin {
  const close = (r: CheckResult) => (r.verdict === 'verbatim' || r.verdict === 'altered') && r.matches[0]?.via === 'text';
  if (!close(prev) || !close(next)) return 'unknown';
  const a = prev.matches[prev.matches.length > 1 && prev.matches[0].paragraphId !== prev.matches[1].paragraphId ? prev.matches.length - 1 : 0];
  const b = next.matches[0];
  const byId = (m: Match) => ctx.corpus.paragraphs.find((cp) => cp.paragraph.id === m.paragraphId);
  const pa = byId(a);
  const pb = byId(b);
  if (!pa || !pb) return 'unknown';
  if (pa.paragraph.speaker !== pb.paragraph.speaker) return 'other-speaker';
  if (pb.index < pa.index || (pb.index === pa.index && b.start < a.end)) return 'reordered';
  if (pa.block !== pb.block) return 'apart';
  const ellipsis = ELLIPSIS.test(between);
  // the transcript's words between the two sentences
  let gap = '';
  for (let i = pa.index; i <= pb.index; i++) {
    const p = ctx.corpus.paragraphs[i].paragraph.text;
    const from = i === pa.index ? a.end : 0;
    const to = i === pb.index ? b.start : p.length;
    gap += ` ${p.slice(from, Math.max(from, to))}`;
  }
  if (onlyFillers(gap)) return 'continuous';
  return ellipsis ? 'ellipsis' : 'apart';
}

const STRENGTH: Record<Verdict, number> = { verbatim: 4, altered: 3, related: 2, 'not-found': 1, invalid: 0 };

/**
 * A verdict covering less than this share of a selection's judged text does not pull the whole
 * down from `related` to `not-found` (four related sentences and one not found are `related`,
 * counted as such). `verbatim` and `altered` still need every sentence.
 */
export const MINOR_SHARE = 0.25;

/**
 * After merging sources: two close sentences whose best matches are in different sources are
 * from two places, whatever each source said about its own matches.
 */
export function markSourceJoins(segments: CheckResult[]): void {
  let prev: CheckResult | null = null;
  for (const s of segments) {
    const close = (s.verdict === 'verbatim' || s.verdict === 'altered') && s.matches[0];
    if (!close) continue;
    if (prev && prev.matches[0]?.source?.id !== s.matches[0]?.source?.id) s.join = 'apart';
    prev = s;
  }
}

/** The top-level verdict of several sentences: never stronger than what they support. */
export function summarizeSentences(segments: CheckResult[]): Verdict {
  const judged = segments.filter((s) => s.verdict !== 'invalid');
  if (judged.length === 0) return 'invalid';
  let worst: Verdict = judged[0].verdict;
  for (const s of judged) if (STRENGTH[s.verdict] < STRENGTH[worst]) worst = s.verdict;
  if (worst === 'not-found') {
    const len = (s: CheckResult) => s.query.length;
    const total = judged.reduce((n, s) => n + len(s), 0);
    const missing = judged.filter((s) => s.verdict === 'not-found').reduce((n, s) => n + len(s), 0);
    if (judged.length >= 3 && missing / total < MINOR_SHARE) worst = 'related';
  }
  // sentences stitched from several places are at most altered: each may be his, the whole is not
  if (worst === 'verbatim' && segments.some((s) => s.join && STITCHED_JOINS.has(s.join))) worst = 'altered';
  return worst;
}

export type Tally = NonNullable<CheckResult['tally']>;

export function tallyOf(segments: CheckResult[], unchecked = 0): Tally {
  const t: Tally = { total: segments.length, verbatim: 0, altered: 0, related: 0, notFound: 0, invalid: 0 };
  for (const s of segments) {
    if (s.verdict === 'not-found') t.notFound++;
    else t[s.verdict]++;
  }
  if (unchecked > 0) t.unchecked = unchecked;
  return t;
}

const PHRASES: Array<[keyof Tally, string]> = [
  ['verbatim', 'verbatim in the interview'],
  ['altered', 'in the interview with changed words'],
  ['related', 'close in meaning to a passage'],
  ['notFound', 'not in the interview'],
  ['invalid', 'too short to check'],
];

/** The counting headline in English ("3 of 5 sentences are verbatim in the interview; 2 are not in the interview"). */
export function tallySentence(t: Tally): string {
  const parts: string[] = [];
  for (const [k, phrase] of PHRASES) {
    const n = t[k] as number;
    if (!n) continue;
    parts.push(parts.length === 0 ? `${n} of ${t.total} sentences ${n === 1 ? 'is' : 'are'} ${phrase}` : `${n} ${n === 1 ? 'is' : 'are'} ${phrase}`);
  }
  let out = `${parts.join('; ')}.`;
  if (t.unchecked) out += ` ${t.unchecked} more ${t.unchecked === 1 ? 'was' : 'were'} not checked.`;
  return out;
}

/** The places a stitched selection comes from, in selection order, one per paragraph. */
export function stitchOf(segments: CheckResult[]): CheckResult['stitched'] | undefined {
  const joins = segments.map((s) => s.join).filter((j): j is SentenceJoin => !!j && STITCHED_JOINS.has(j));
  if (joins.length === 0) return undefined;
  const kind = joins.includes('other-speaker') ? 'other-speaker' : joins.includes('reordered') ? 'reordered' : 'apart';
  const places: NonNullable<CheckResult['stitched']>['places'] = [];
  for (const s of segments) {
    const m = s.matches[0];
    if (!m || (s.verdict !== 'verbatim' && s.verdict !== 'altered')) continue;
    if (places.some((p) => p.paragraphId === m.paragraphId)) continue;
    places.push({ speaker: m.speaker, ...(m.speakerName ? { speakerName: m.speakerName } : {}), sectionTitle: m.sectionTitle, paragraphId: m.paragraphId });
  }
  return { kind, places };
}

/** The selection-level fields for several sentences: tally, its sentence, the stitch. */
export function describeSentences(segments: CheckResult[], unchecked = 0): Pick<CheckResult, 'tally' | 'summary' | 'stitched'> {
  const tally = tallyOf(segments, unchecked);
  const stitched = stitchOf(segments);
  return { tally, summary: tallySentence(tally), ...(stitched ? { stitched } : {}) };
}
