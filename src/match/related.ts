/**
 * `related` for a Chinese quote: MiniSearch proposes passages, and a passage is related only
 * when its rarity-weighted shared characters cover enough of the quote, clearly better than any
 * other passage (`relatedThreshold`).
 */
import type { Match } from '../types';
import type { Alignment } from './align';
import { paragraphAt } from './corpus';
import { coverage } from './coverage';
import type { NormalizedText } from './normalize';
import { RELATED_MARGIN_CAP, RELATED_SECONDARY, relatedThreshold } from './verdict';
import { KIND_RANK, MAX_MATCHES, byScoreDesc, type MatchContext, type Outcome } from './context';

export function related(ctx: MatchContext, text: string, q: NormalizedText, aligned: Alignment[]): Outcome {
  const m = q.text.length;
  const candidates = new Set<number>();
  for (const r of ctx.ranker.rankChinese(text, 12)) candidates.add(r.index);
  for (const a of aligned.slice(0, 5)) candidates.add(paragraphAt(ctx.corpus, a.start).index);
  const scored = [...candidates].map((i) => {
    const cp = ctx.corpus.paragraphs[i];
    const uni = coverage(q.text, ctx.corpus.text, cp.start, cp.end, ctx.weigh1, 1);
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
    const bi = coverage(q.text, ctx.corpus.text, s.cp.start, s.cp.end, ctx.weigh);
    const useBi = bi.coverage > 0;
    const a = useBi ? Math.min(bi.start, s.uni.start) : s.uni.start;
    const b = useBi ? Math.max(bi.end, s.uni.end) : s.uni.end;
    const match = ctx.makeMatch(s.cp, a, b, s === top ? Math.min(1, score) : s.uni.coverage, []);
    const shared = bi.runs
      .map(([ra, rb]) => ctx.originalText(ra, rb).replace(/[\s\p{P}]+/gu, ''))
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
