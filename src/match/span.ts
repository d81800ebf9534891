/**
 * A quote that runs over several paragraphs of one block (a turn, or a run of unattributed
 * text): lines, cues and paragraphs are for display, so the match carries the whole stretch —
 * every paragraph it touches, the quote's span in each, and a passage that joins them.
 */
import { PARAGRAPH_JOIN, type Match } from '../types';
import { paragraphAt, type Corpus } from './corpus';
import { toOriginalSpan } from './normalize';

export { PARAGRAPH_JOIN };

/** Only spacing and punctuation. */
const EDGE = /^[\s\p{P}\p{S}]*$/u;

export type MatchSpan = NonNullable<Match['spans']>[number];

export interface Stretch {
  /** The quote's span in each paragraph it touches, in reading order (offsets in that paragraph's text). */
  spans: MatchSpan[];
  /** The paragraphs' texts joined by `PARAGRAPH_JOIN`. */
  passage: string;
  /** The quote in `passage`. */
  start: number;
  end: number;
}

/**
 * The stretch behind corpus span [a, b), or null when it lies in one paragraph. Only the
 * paragraphs of the block `a` starts in are taken (a span never crosses a block: the separator
 * between blocks is never matched).
 */
export function stretchFor(corpus: Corpus, a: number, b: number): Stretch | null {
  if (b <= a) return null;
  const first = paragraphAt(corpus, a);
  if (b <= first.end) return null;
  const spans: MatchSpan[] = [];
  const texts: string[] = [];
  let offset = 0;
  let start = -1;
  let end = 0;
  for (let i = first.index; i < corpus.paragraphs.length; i++) {
    const cp = corpus.paragraphs[i];
    if (cp.start >= b || cp.block !== first.block) break;
    const lo = Math.max(a, cp.start) - cp.start;
    const hi = Math.min(b, cp.end) - cp.start;
    // a paragraph the span only touches at its edge (or an empty one) adds nothing
    if (hi <= lo) continue;
    let [s, e] = toOriginalSpan(cp.norm, lo, hi);
    // inside the stretch, a paragraph's edge punctuation ("ship," / "— and") is part of the quote
    const text = cp.paragraph.text;
    if (spans.length > 0 && EDGE.test(text.slice(0, s))) s = 0;
    if (hi === cp.end - cp.start && b > cp.end && EDGE.test(text.slice(e))) e = text.length;
    if (texts.length > 0) offset += PARAGRAPH_JOIN.length;
    spans.push({ paragraphId: cp.paragraph.id, start: s, end: e });
    texts.push(cp.paragraph.text);
    if (start < 0) start = offset + s;
    end = offset + e;
    offset += cp.paragraph.text.length;
  }
  if (spans.length < 2) return null;
  return { spans, passage: texts.join(PARAGRAPH_JOIN), start, end };
}

/**
 * Where a match begins: the paragraph and the offset in its text (the first span of a stretch,
 * else the match's own paragraph and start). The time of a quote is read there.
 */
export function matchBegins(m: Pick<Match, 'paragraphId' | 'start' | 'spans'>): { paragraphId: string; offset: number } {
  const first = m.spans?.[0];
  return first ? { paragraphId: first.paragraphId, offset: first.start } : { paragraphId: m.paragraphId, offset: m.start };
}

/** The match's span in the text of its own paragraph (`paragraphId`), whether or not it is a stretch. */
export function spanInParagraph(m: Pick<Match, 'paragraphId' | 'start' | 'end' | 'spans'>): { start: number; end: number } {
  const own = m.spans?.find((s) => s.paragraphId === m.paragraphId);
  return own ? { start: own.start, end: own.end } : { start: m.start, end: m.end };
}
