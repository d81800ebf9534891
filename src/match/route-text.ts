/**
 * The text route for one quote: exact pass (through the positional bigram index) → bigram
 * votes + Myers in a few windows (`altered`) → related by shared words (`related.ts`).
 */
import type { Difference, Match, Paragraph } from '../types';
import type { Alignment } from './align';
import { SEP, paragraphForSpan } from './corpus';
import { diffHunks, differences, type Hunk } from './diff';
import { toOriginalSpan, type NormalizedText } from './normalize';
import { related } from './related';
import { checkEnglish } from './route-english';
import { alignmentScore, alignmentVerdict } from './verdict';
import { englishTerms } from './english';
import { contradictionInDifferences } from './contradiction';
import { KIND_RANK, MAX_MATCHES, type MatchContext, type Outcome } from './context';

/**
 * One quote in the source's own language (Chinese, or the words of an English source). With
 * `closeOnly`, stop after the verbatim/altered passes.
 */
export function checkText(ctx: MatchContext, text: string, closeOnly = false): Outcome {
  const q = ctx.normalize(text);
  const units = ctx.units;
  const m = q.text.length;
  if (m === 0) return { verdict: 'not-found', matches: [] };
  // 1. exact
  const exact = ctx.exactPositions(q.text);
  if (exact.length > 0) {
    const { matches, at } = exactMatches(ctx, q, exact);
    return { verdict: 'verbatim', matches, span: [at, at + m] };
  }
  // 2. near-exact: bigram votes, then Myers in a few windows
  const aligned: Alignment[] = m >= units.exactOnlyBelow ? ctx.locate(q.text, units.maxAlteredErrors(m)) : [];
  let best = ctx.pickAlignment(aligned);
  if (best && paragraphForSpan(ctx.corpus, best.start, best.end).paragraph.kind !== 'turn') {
    // Turn first: an introduction or heading that repeats a turn's words (perhaps closer to the
    // quote) is listed after the turn, when the turn itself agrees closely enough.
    const turn = ctx.pickAlignment(ctx.locate(q.text, units.maxAlteredErrors(m), true));
    if (turn && alignmentVerdict(m, turn.errors, units) === 'altered' && paragraphForSpan(ctx.corpus, turn.start, turn.end).paragraph.kind === 'turn') {
      const turnHunks = diffHunks(q.text, ctx.corpus.text.slice(turn.start, turn.end));
      if (plausiblyAltered(ctx, q, turn, turnHunks)) {
        aligned.unshift(turn);
        best = turn;
      }
    }
  }
  if (best) {
    const verdict = alignmentVerdict(m, best.errors, units);
    const hunks = verdict === 'altered' ? diffHunks(q.text, ctx.corpus.text.slice(best.start, best.end)) : [];
    if (verdict === 'altered' && plausiblyAltered(ctx, q, best, hunks)) {
      const matches = [alignedMatch(ctx, q, best, hunks)];
      // other close alignments elsewhere (e.g. the introduction quoting the same sentence)
      for (const a of aligned) {
        if (matches.length >= MAX_MATCHES) break;
        if (a === best || alignmentVerdict(m, a.errors, units) === null) continue;
        const p = paragraphForSpan(ctx.corpus, a.start, a.end);
        if (matches.some((x) => x.paragraphId === p.paragraph.id)) continue;
        matches.push(alignedMatch(ctx, q, a));
      }
      const contradiction = contradictionInDifferences(
        matches[0].differences,
        q.source.trim(),
        // with the few characters before the span, where a dropped negation stood (我沒有看到)
        ctx.originalText(Math.max(paragraphForSpan(ctx.corpus, best.start, best.end).start, best.start - 3), best.end),
        matches[0].paragraphId,
      );
      if (contradiction) {
        matches[0].contradiction = contradiction;
        return { verdict: 'altered', matches, span: [best.start, best.end], contradiction };
      }
      return { verdict: 'altered', matches, span: [best.start, best.end] };
    }
  }
  // 3. related: rank passages by shared words, verify with coverage
  if (closeOnly) return { verdict: 'not-found', matches: [] };
  // an English source: related by shared word terms, as English quotes reach the gloss
  if (ctx.wordUnits) return checkEnglish(ctx, text);
  return related(ctx, text, q, aligned);
}

/**
 * Guard against calling invented text `altered`: the agreeing part must hold real runs of
 * the passage's wording, not scattered single characters.
 */
function plausiblyAltered(ctx: MatchContext, q: NormalizedText, a: Alignment, hunks: Hunk[]): boolean {
  if (ctx.corpus.text.slice(a.start, a.end).includes(SEP)) return false;
  // longest run the quote and the span share in the alignment
  let longest = 0;
  let at = 0;
  for (const h of hunks) {
    longest = Math.max(longest, h.a0 - at);
    at = h.a1;
  }
  longest = Math.max(longest, q.text.length - at);
  if (longest < ctx.units.minSharedRun(q.text.length)) return false;
  if (ctx.wordUnits) {
    // function words agree everywhere: most of the quote's content words must be in the span
    const content = new Set(englishTerms(q.source));
    if (content.size === 0) return false;
    const span = new Set(englishTerms(ctx.originalText(a.start, a.end)));
    let shared = 0;
    for (const t of content) if (span.has(t)) shared++;
    return shared / content.size >= 0.6;
  }
  return true;
}

export function exactMatches(ctx: MatchContext, q: NormalizedText, positions: number[]): { matches: Match[]; at: number } {
  const ranked = positions
    .map((a) => ({ a, cp: paragraphForSpan(ctx.corpus, a, a + q.text.length) }))
    .sort((x, y) => KIND_RANK[x.cp.paragraph.kind] - KIND_RANK[y.cp.paragraph.kind] || x.a - y.a);
  const out: Match[] = [];
  for (const { a, cp } of ranked) {
    if (out.length >= MAX_MATCHES) break;
    if (out.some((m) => m.paragraphId === cp.paragraph.id)) continue;
    const match = ctx.makeMatch(cp, a, a + q.text.length, 1, []);
    match.why =
      out.length === 0
        ? 'Same wording as the transcript (script, width, punctuation and spacing aside).'
        : `The same words also appear here (${ctx.describe(cp.paragraph)}).`;
    match.whyKey = out.length === 0 ? { key: 'why_verbatim' } : { key: 'why_also_here', params: { where: whereKey(cp.paragraph) } };
    out.push(match);
  }
  return { matches: out, at: ranked[0].a };
}

/** The quote's differences from the aligned span, both sides in their original characters. */
export function differencesAt(ctx: MatchContext, q: NormalizedText, a: Alignment, hunks?: Hunk[]): Difference[] {
  return differences(
    q.text,
    ctx.corpus.text.slice(a.start, a.end),
    (i0, i1) => {
      const [s, e] = toOriginalSpan(q, i0, i1);
      return q.source.slice(s, e);
    },
    (j0, j1) => ctx.originalText(a.start + j0, a.start + j1),
    hunks,
  );
}

function alignedMatch(ctx: MatchContext, q: NormalizedText, a: Alignment, hunks?: Hunk[]): Match {
  const cp = paragraphForSpan(ctx.corpus, a.start, a.end);
  const diffs = differencesAt(ctx, q, a, hunks);
  const match = ctx.makeMatch(cp, a.start, a.end, alignmentScore(q.text.length, a.errors), diffs);
  const shown = diffs
    .slice(0, 3)
    .map((d) => `“${d.quote}” where the transcript has “${d.transcript}”`)
    .join('; ');
  const numberChanged = diffs.some((d) => /\d/.test(d.quote) || /\d/.test(d.transcript));
  match.whyKey = { key: numberChanged ? 'why_altered_number' : 'why_altered', params: { count: diffs.length } };
  match.why =
    `Close wording with ${diffs.length} difference${diffs.length === 1 ? '' : 's'}` +
    (numberChanged ? ', including a number' : '') +
    (shown ? `: ${shown}` : '') +
    '.';
  return match;
}

/** Where else a quote appears, as a message key the card localizes. */
export function whereKey(p: Paragraph): string {
  if (p.kind === 'intro') return 'where_intro';
  if (p.kind === 'heading') return 'where_heading';
  return p.speaker === 'host' || p.speaker === 'other' ? 'where_host_turn' : 'where_main_turn';
}
