/**
 * English quotes by word terms (light stemming, names and numbers weighted, a phrase score):
 * against a Chinese transcript through Verbatim's English gloss (`related` at most), and the
 * `related` step for a source in English itself (its own text, after the exact and near-exact
 * passes found nothing close).
 */
import type { Match } from '../types';
import { englishTerms, phraseScore, weightedTerms, type WeightedTerm } from './english';
import { contradictionInWording } from './contradiction';
import { boundSentence } from './bounded';
import { ENGLISH_CLOSE, ENGLISH_RELATED, ENGLISH_TURN_SLACK, NEGATION_MIN_COVERAGE } from './verdict';
import { KIND_RANK, MAX_MATCHES, byScoreDesc, type MatchContext, type Outcome } from './context';

export const ENGLISH_NOTICE =
  'This interview was given in English; Verbatim holds a Chinese translation. Closest passage:';
export const ENGLISH_NONE_NOTICE =
  'This interview was given in English; Verbatim holds a Chinese translation, and nothing in its English gloss is close to this quote.';

export function checkEnglish(ctx: MatchContext, text: string): Outcome {
  const own = ctx.wordUnits;
  if (!ctx.hasGloss && !own) {
    return {
      verdict: 'not-found',
      matches: [],
      notice: 'This interview was given in English; Verbatim holds a Chinese translation, and no English gloss is loaded to compare with.',
    };
  }
  const terms = weightedTerms(text, ctx.glossIdf);
  const ranked = ctx.ranker.rankEnglish(text, 20);
  const scored = ranked
    .map((r) => {
      const cp = ctx.corpus.paragraphs[r.index];
      const g = ctx.englishText(cp.paragraph);
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
  // A passage that shares the quote's words but says otherwise (a negation, another figure).
  if (top && top.ps.score >= ENGLISH_RELATED) {
    const sentence = bestSentence(terms, top.g);
    const termsOf = (s: string) => new Set(englishTerms(s));
    const qTerms = termsOf(text);
    const sTerms = termsOf(sentence);
    let kept = 0;
    for (const t of qTerms) if (sTerms.has(t)) kept++;
    const close = qTerms.size > 0 && kept / qTerms.size >= NEGATION_MIN_COVERAGE * 0.75;
    let contradiction = contradictionInWording(text.trim(), sentence, top.cp.paragraph.id, sentence, close);
    if (!contradiction && top.ps.numbersDiffer && top.ps.numbersDiffer.gloss.length > 0) {
      contradiction = { kind: 'number', quote: text.trim(), passage: sentence, paragraphId: top.cp.paragraph.id };
    }
    if (contradiction) {
      if (!own) contradiction.via = 'gloss';
      const p = top.cp.paragraph;
      // in the source's own text, the compared stretch is the one marked (not the whole paragraph)
      const at = own ? p.text.indexOf(sentence) : -1;
      const match = at >= 0
        ? ctx.paragraphMatch(p, at, at + sentence.length, top.ps.score, 'text', [])
        : ctx.paragraphMatch(p, 0, p.text.length, top.ps.score, own ? 'text' : 'gloss', []);
      match.contradiction = contradiction;
      const shared = top.ps.shared.slice(0, 6);
      match.why = `${own ? 'This passage' : 'The gloss of this passage'} shares ${shared.map((w) => `“${w}”`).join(', ')} with the quote but says otherwise.`;
      match.whyKey = { key: own ? 'why_says_otherwise' : 'why_gloss_says_otherwise', params: { terms: shared.map((w) => `“${w}”`).join(' ') } };
      return { verdict: 'not-found', matches: [match], contradiction };
    }
  }
  if (!top || top.ps.score < ENGLISH_RELATED) {
    return own ? { verdict: 'not-found', matches: [] } : { verdict: 'not-found', matches: [], notice: ENGLISH_NONE_NOTICE };
  }
  const matches: Match[] = [];
  for (const s of scored) {
    if (matches.length >= MAX_MATCHES) break;
    if (s !== top && s.ps.score < Math.max(ENGLISH_RELATED * 0.8, top.ps.score * 0.6)) continue;
    const p = s.cp.paragraph;
    // shared terms link the whole paragraph: no span of its own
    const match = ctx.paragraphMatch(p, 0, p.text.length, s.ps.score, own ? 'text' : 'gloss', []);
    const why: string[] = [];
    if (!own) match.closeness = s.ps.score >= ENGLISH_CLOSE ? 'close' : 'loose';
    match.whyKey = {
      key: own ? 'why_shares' : match.closeness === 'close' ? 'why_gloss_close' : 'why_gloss_loose',
      params: { terms: s.ps.shared.slice(0, 6).map((w) => `“${w}”`).join(' ') },
    };
    if (s.ps.shared.length > 0) why.push(`${own ? 'This passage' : 'The gloss of this passage'} shares ${s.ps.shared.slice(0, 6).map((w) => `“${w}”`).join(', ')}.`);
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
  return own ? { verdict: 'related', matches } : { verdict: 'related', matches, notice: ENGLISH_NOTICE };
}

/** The sentence of a gloss paragraph holding the most (weighted) terms of the quote. */
function bestSentence(terms: WeightedTerm[], text: string): string {
  const sentences = (text.match(/[^.!?;:]+(?:[.!?;:]+["”’]?|$)/g) ?? [text]).map((s) => boundSentence(s, terms));
  let best = sentences[0] ?? text;
  let bestScore = -1;
  for (const s of sentences) {
    const have = new Set(englishTerms(s));
    let score = 0;
    for (const t of terms) if (have.has(t.term)) score += t.weight;
    if (score > bestScore) {
      bestScore = score;
      best = s;
    }
  }
  return best.trim();
}
