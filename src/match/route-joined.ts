/** Quotes joined by …… : each part found, in order, within one turn (or one paragraph). */
import type { Difference, Match, Verdict } from '../types';
import type { Alignment } from './align';
import { paragraphAt, paragraphForSpan, type CorpusParagraph } from './corpus';
import { findExactIndexed } from './exact';
import { differencesAt } from './route-text';
import { contradictionInDifferences } from './contradiction';
import { alignmentScore, alignmentVerdict } from './verdict';
import { KIND_RANK, MAX_MATCHES, type MatchContext, type Outcome } from './context';

export function checkJoined(ctx: MatchContext, parts: string[]): Outcome | null {
  const units = ctx.units;
  const norms = parts.map((p) => ctx.normalize(p)).filter((n) => n.text.length > 0);
  if (norms.length < 2) return null;
  const options: Alignment[][] = norms.map((n) => {
    const exact = findExactIndexed(ctx.corpus.text, n.text, ctx.index, () => false).map((a) => ({
      start: a,
      end: a + n.text.length,
      errors: 0,
    }));
    if (exact.length > 0 || n.text.length < units.exactOnlyBelow) return exact;
    return ctx.locate(n.text, units.maxAlteredErrors(n.text.length)).filter(
      (a) => alignmentVerdict(n.text.length, a.errors, units) !== null,
    );
  });
  if (options.some((o) => o.length === 0)) return null;
  // chain: same block, increasing positions; fewest errors, turn first
  type Link = { a: Alignment; errors: number; prev: Link | null };
  let layer: Link[] = options[0].map((a) => ({ a, errors: a.errors, prev: null }));
  for (let i = 1; i < options.length; i++) {
    const next: Link[] = [];
    for (const a of options[i]) {
      const block = paragraphAt(ctx.corpus, a.start).block;
      let bestPrev: Link | null = null;
      for (const l of layer) {
        if (l.a.end > a.start || paragraphAt(ctx.corpus, l.a.start).block !== block) continue;
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
      KIND_RANK[paragraphAt(ctx.corpus, x.a.start).paragraph.kind] -
        KIND_RANK[paragraphAt(ctx.corpus, y.a.start).paragraph.kind],
  );
  const chain: Alignment[] = [];
  for (let l: Link | null = layer[0]; l; l = l.prev) chain.unshift(l.a);
  const total = norms.reduce((s, n) => s + n.text.length, 0);
  const errors = layer[0].errors;
  const verdict: Verdict | null = errors === 0 ? 'verbatim' : errors <= units.maxAlteredErrors(total) ? 'altered' : null;
  if (!verdict) return null;
  // one match per paragraph touched, spanning its parts
  const matches: Match[] = [];
  const diffs: Difference[] = [];
  chain.forEach((a, i) => {
    const n = norms[i];
    if (a.errors > 0) diffs.push(...differencesAt(ctx, n, a));
  });
  const groups = new Map<number, { cp: CorpusParagraph; a: number; b: number }>();
  for (const a of chain) {
    const cp = paragraphForSpan(ctx.corpus, a.start, a.end);
    const g = groups.get(cp.index);
    if (g) {
      g.a = Math.min(g.a, a.start);
      g.b = Math.max(g.b, a.end);
    } else groups.set(cp.index, { cp, a: a.start, b: a.end });
  }
  for (const g of groups.values()) {
    if (matches.length >= MAX_MATCHES) break;
    const match = ctx.makeMatch(g.cp, g.a, g.b, alignmentScore(total, errors), matches.length === 0 ? diffs : []);
    match.whyKey = { key: 'why_joined', params: { parts: parts.length, count: diffs.length } };
    match.why =
      `${parts.length} spans joined by “……”, found in order within one ${g.cp.paragraph.kind === 'turn' ? 'turn' : 'passage'}` +
      (diffs.length > 0 ? `, with ${diffs.length} difference${diffs.length === 1 ? '' : 's'}` : '') +
      '.';
    matches.push(match);
  }
  const span: [number, number] = [chain[0].start, chain[chain.length - 1].end];
  const contradiction =
    verdict === 'altered' && matches[0]
      ? contradictionInDifferences(diffs, parts.join('……'), ctx.originalText(span[0], span[1]), matches[0].paragraphId)
      : null;
  if (contradiction) {
    matches[0].contradiction = contradiction;
    return { verdict, matches, span, contradiction };
  }
  return { verdict, matches, span };
}
