/**
 * `related` for a Chinese quote: the search index (`rank.ts`) proposes passages, and a passage is related only
 * when its rarity-weighted shared characters cover enough of the quote, clearly better than any
 * other passage (`relatedThreshold`).
 */
import type { Match } from '../types';
import type { Alignment } from './align';
import { paragraphAt } from './corpus';
import { coverageOf, queryGrams } from './coverage';
import type { NormalizedText } from './normalize';
import { COMMON_SHARE, CONTRADICTION_MIN_COVERAGE, NEGATION_MIN_COVERAGE, MAX_UNEXPLAINED, MENTION_MIN_COVERAGE, RELATED_MARGIN_CAP, RELATED_SECONDARY, relatedThreshold } from './verdict';
import { contradictionInWording, sentenceAround } from './contradiction';
import { boundSpan } from './bounded';
import type { CorpusParagraph } from './corpus';

/** Characters before the shared words where a negation of them may stand (我从没说过). */
const NEGATION_REACH = 3;
/** A turn this close (coverage) behind an introduction or heading is listed first. */
const TURN_SLACK = 0.1;
import { KIND_RANK, MAX_MATCHES, byScoreDesc, type MatchContext, type Outcome } from './context';

export function related(ctx: MatchContext, text: string, q: NormalizedText, aligned: Alignment[]): Outcome {
  const m = q.text.length;
  const candidates = new Set<number>();
  for (const r of ctx.rankChinese(text, 12)) candidates.add(r.index);
  for (const a of aligned.slice(0, 5)) candidates.add(paragraphAt(ctx.corpus, a.start).index);
  ctx.work.paragraphsScored += candidates.size;
  const grams1 = queryGrams(q.text, ctx.weigh1, 1);
  const grams2 = queryGrams(q.text, ctx.weigh, 2);
  const scored = [...candidates].map((i) => {
    const cp = ctx.corpus.paragraphs[i];
    const uni = coverageOf(grams1, ctx.corpus.text, cp.start, cp.end);
    return { cp, uni };
  });
  scored.sort(
    (x, y) =>
      byScoreDesc(x.uni.coverage, y.uni.coverage) ||
      KIND_RANK[x.cp.paragraph.kind] - KIND_RANK[y.cp.paragraph.kind] ||
      x.cp.index - y.cp.index,
  );
  // Turn first: an introduction or heading that repeats a turn's words yields to the turn when
  // the turn explains the quote nearly as well.
  if (scored.length > 1 && scored[0].cp.paragraph.kind !== 'turn') {
    const turn = scored.findIndex((x) => x.cp.paragraph.kind === 'turn');
    if (turn > 0 && scored[turn].uni.coverage >= scored[0].uni.coverage - TURN_SLACK) scored.unshift(...scored.splice(turn, 1));
  }
  const top = scored[0];
  if (!top) return { verdict: 'not-found', matches: [] };
  // how much better the best passage explains the quote than any other (headings, and the
  // introduction when the best is a turn, repeat sentences of turns: they are not rivals)
  const rival = scored.find(
    (s) => s !== top && s.cp.paragraph.kind !== 'heading' && !(top.cp.paragraph.kind === 'turn' && s.cp.paragraph.kind === 'intro'),
  );
  const margin = Math.min(RELATED_MARGIN_CAP, top.uni.coverage - (rival?.uni.coverage ?? 0));
  const score = top.uni.coverage + margin;
  // a pair found in more than COMMON_SHARE of the passages is a common one
  const commonBelow = Math.log(1 + 1 / COMMON_SHARE);
  const topBi = coverageOf(grams2, ctx.corpus.text, top.cp.start, top.cp.end);
  const topTerms = sharedTerms(ctx, topBi.runs);
  // A passage that shares the quote's words but says otherwise: the finding to show.
  if (top.uni.coverage >= CONTRADICTION_MIN_COVERAGE && topBi.coverage > 0) {
    const [sa, sb] = sentenceSpan(ctx, top.cp, topBi.start, topBi.end);
    const sentence = top.cp.paragraph.text.slice(sa, sb).trim();
    // the passage's words that the quote shares, with the few characters before them (a
    // negation stands just before what it negates): not the rest of the sentence
    const near = ctx.makeMatch(top.cp, Math.max(top.cp.start, topBi.start - NEGATION_REACH), topBi.end, 0, []);
    const stretch = top.cp.paragraph.text.slice(near.start, near.end);
    const contradiction = contradictionInWording(text.trim(), stretch, top.cp.paragraph.id, sentence, top.uni.coverage >= NEGATION_MIN_COVERAGE);
    if (contradiction) {
      const match = ctx.paragraphMatch(top.cp.paragraph, sa, sb, top.uni.coverage, 'text', []);
      match.contradiction = contradiction;
      match.why = `This passage shares ${topTerms.map((w) => `“${w}”`).join(', ') || 'words'} with the quote but says otherwise.`;
      match.whyKey = { key: 'why_says_otherwise', params: { terms: topTerms.map((w) => `“${w}”`).join(' ') } };
      return { verdict: 'not-found', matches: [match], contradiction };
    }
  }
  const mentions = (): Outcome['mentions'] =>
    top.uni.coverage >= MENTION_MIN_COVERAGE && topTerms.length > 0
      ? { paragraphId: top.cp.paragraph.id, sectionId: top.cp.paragraph.sectionId, terms: topTerms.slice(0, 3) }
      : undefined;
  if (score < relatedThreshold(m)) return withMentions({ verdict: 'not-found', matches: [] }, mentions());
  // Related means the passage accounts for the quote: a long stretch of the quote that the
  // passage lacks is a claim the passage does not make (shared names and topic words around
  // it are not support).
  const distinctive = (g: string) => ctx.weigh(g.charCodeAt(0) * 65536 + g.charCodeAt(1)) >= commonBelow;
  if (unexplainedShare(q.text, ctx.corpus.text.slice(top.cp.start, top.cp.end), distinctive) > MAX_UNEXPLAINED) {
    return withMentions({ verdict: 'not-found', matches: [] }, mentions());
  }
  const matches: Match[] = [];
  for (const s of scored) {
    if (matches.length >= MAX_MATCHES) break;
    if (s !== top && (s.uni.coverage < top.uni.coverage * 0.8 || s.uni.coverage < RELATED_SECONDARY)) break;
    const bi = coverageOf(grams2, ctx.corpus.text, s.cp.start, s.cp.end);
    const useBi = bi.coverage > 0;
    const a = useBi ? Math.min(bi.start, s.uni.start) : s.uni.start;
    const b = useBi ? Math.max(bi.end, s.uni.end) : s.uni.end;
    const match = ctx.makeMatch(s.cp, a, b, s === top ? Math.min(1, score) : s.uni.coverage, []);
    // the shared characters may stop inside the clause (这是我听过最离谱的事情 ends at 的 in
    // 最離譜的謊言): highlight the whole clause they are in
    [match.start, match.end] = clauseAround(s.cp.paragraph.text, match.start, match.end);
    const shared = sharedTerms(ctx, bi.runs);
    match.whyKey = shared.length > 0 ? { key: 'why_shares', params: { terms: shared.map((w) => `“${w}”`).join(' ') } } : { key: 'why_shares_characters' };
    match.why =
      'Not this wording, but ' +
      (shared.length > 0
        ? `this passage shares ${shared.map((w) => `“${w}”`).join(', ')} with the quote.`
        : 'this passage shares some of its characters with the quote.');
    matches.push(match);
  }
  return { verdict: 'related', matches };
}

/** The passage's words shared with the quote (longest first, no repeats), as the passage writes them. */
function sharedTerms(ctx: MatchContext, runs: Array<[number, number]>): string[] {
  return runs
    .map(([ra, rb]) => ctx.originalText(ra, rb).replace(/[\s\p{P}]+/gu, ''))
    .filter((w) => w.length >= 2)
    .sort((x, y) => y.length - x.length)
    .filter((w, i, all) => all.findIndex((x) => x.includes(w)) === i)
    .slice(0, 5);
}

/** The sentence(s) of a paragraph (original offsets) around a corpus stretch. */
function sentenceSpan(ctx: MatchContext, cp: CorpusParagraph, a: number, b: number): [number, number] {
  const m = ctx.makeMatch(cp, a, b, 0, []);
  const [sa, sb] = sentenceAround(cp.paragraph.text, m.start, Math.max(m.start, m.end - 1));
  // unpunctuated text (automatic captions): a sentence's length around the words, not the paragraph
  return boundSpan(cp.paragraph.text, sa, sb, m.start, m.end);
}

/**
 * Longest stretch of the (normalised) quote, as a share of its length, whose characters the
 * passage has in no shared bigram: the part of the quote the passage does not account for.
 */
export function unexplainedShare(q: string, passage: string, distinctive: (gram: string) => boolean = () => true): number {
  // Latin words are names and terms (Anthropic, Claude…): they neither explain nor count
  const units = q.replace(/[a-z][a-z0-9]*/g, ' ');
  const pair = (s: string, i: number) => s.charCodeAt(i) * 65536 + s.charCodeAt(i + 1);
  // the passage's pairs that the quote has (only those are looked up below)
  const wanted = new Set<number>();
  for (let i = 0; i + 1 < units.length; i++) wanted.add(pair(units, i));
  const grams = new Set<number>();
  for (let i = 0; i + 1 < passage.length; i++) {
    const k = pair(passage, i);
    // common pairs (很多, 我们, 的人) are in every passage: they explain nothing
    if (wanted.has(k) && !grams.has(k) && distinctive(passage.slice(i, i + 2))) grams.add(k);
  }
  let longest = 0;
  let run = 0;
  let counted = 0;
  for (let i = 0; i < units.length; i++) {
    if (units[i] === ' ') {
      run = 0;
      continue;
    }
    counted++;
    const explained = (i + 1 < units.length && grams.has(pair(units, i))) || (i > 0 && grams.has(pair(units, i - 1)));
    run = explained ? 0 : run + 1;
    longest = Math.max(longest, run);
  }
  return counted === 0 ? 1 : longest / counted;
}

function withMentions(o: Outcome, mentions: Outcome['mentions']): Outcome {
  return mentions ? { ...o, mentions } : o;
}

const CLAUSE_END = /[，,。！？!?；;：:、“”「」『』()（）\n]/u;

/** [start, end) widened to the clause boundaries (punctuation) around it. */
export function clauseAround(text: string, start: number, end: number): [number, number] {
  let a = Math.max(0, Math.min(start, text.length));
  let b = Math.max(a, Math.min(end, text.length));
  while (a > 0 && !CLAUSE_END.test(text[a - 1])) a--;
  while (b < text.length && !CLAUSE_END.test(text[b])) b++;
  while (a < b && /\s/u.test(text[a])) a++;
  return [a, b];
}
