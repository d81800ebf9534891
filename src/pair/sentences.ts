/** Sentence links inside one linked group of paragraphs: the same dynamic programme over sentences. */
import type { PairLink, Source } from '../sources/model';
import { splitSentences } from './anchors';
import { sentenceFeats } from './features';
import { bestPath } from './path';
import type { Scorer } from './score';

export function alignSentences(
  tParagraphs: Source['paragraphs'],
  oParagraphs: Source['paragraphs'],
  scorer: Scorer,
  gloss: Record<string, string>,
): NonNullable<PairLink['sentences']> {
  // A gloss written sentence by sentence lends its words to each sentence when the counts agree.
  const glossOf = (id: string, count: number) => {
    const g = gloss[id];
    if (!g) return null;
    const parts = splitSentences(g).map(([a, b]) => g.slice(a, b));
    return parts.length === count ? parts : null;
  };
  const tWords = !scorer.tCjk || tParagraphs.some((p) => gloss[p.id]);
  const T = sentenceFeats(tParagraphs, scorer.oCjk ? () => null : glossOf, !scorer.tCjk && !scorer.oCjk, scorer.tCjk);
  const O = sentenceFeats(oParagraphs, () => null, !scorer.oCjk && tWords, scorer.oCjk);
  const beads = bestPath({ t: T, o: O, tFrom: 0, tTo: T.units.length, oFrom: 0, oTo: O.units.length, scorer });
  const out: NonNullable<PairLink['sentences']> = [];
  for (const b of beads) {
    if (b.t1 === b.t0 || b.o1 === b.o0) continue;
    const t0 = T.spans[b.t0];
    const t1 = T.spans[b.t1 - 1];
    const o0 = O.spans[b.o0];
    const o1 = O.spans[b.o1 - 1];
    out.push({ translation: [t0.paragraphId, t0.start, t1.end], original: [o0.paragraphId, o0.start, o1.end] });
  }
  return out;
}
