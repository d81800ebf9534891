/**
 * The transcript as one normalised string: the paragraphs of a turn are joined directly (a
 * quote may run over a line break inside a turn; so may a run of introduction paragraphs that
 * share a run id), and a separator that normalisation never
 * produces stands between turns, headings and introduction paragraphs.
 */
import type { Paragraph, Transcript } from '../types';
import { normalize, type NormalizedText } from './normalize';

export const SEP = '\u0001';

export interface CorpusParagraph {
  index: number;
  paragraph: Paragraph;
  norm: NormalizedText;
  /** Offset of the paragraph's first normalised unit in `Corpus.text`. */
  start: number;
  end: number;
  /** Index of the block (turn, heading or intro paragraph) it belongs to. */
  block: number;
}

export interface Corpus {
  text: string;
  paragraphs: CorpusParagraph[];
  /** Paragraph starts, ascending, for binary search. */
  starts: Int32Array;
  /** Block index → [start, end) in `text`. */
  blocks: Array<[number, number]>;
  sectionTitles: Map<string, string>;
}

/** `norm` turns a paragraph into matching units: characters (Chinese) or words (`words.ts`). */
export function buildCorpus(transcript: Transcript, norm: (text: string) => NormalizedText = normalize): Corpus {
  const pieces: string[] = [];
  const paragraphs: CorpusParagraph[] = [];
  const blocks: Array<[number, number]> = [];
  let pos = 0;
  let prevTurn: string | null = null;
  let prevKind: Paragraph['kind'] | null = null;
  let blockStart = 0;
  transcript.paragraphs.forEach((p, index) => {
    // a turn's paragraphs are one block; so are introduction paragraphs sharing a run id (the
    // unattributed text of a reader's source: captions split into paragraphs are one stretch)
    const sameBlock = p.kind !== 'heading' && p.kind === prevKind && p.turnId !== null && p.turnId === prevTurn && paragraphs.length > 0;
    if (!sameBlock) {
      if (paragraphs.length > 0) {
        blocks.push([blockStart, pos]);
        pieces.push(SEP);
        pos += 1;
      }
      blockStart = pos;
    }
    const n = norm(p.text);
    paragraphs.push({ index, paragraph: p, norm: n, start: pos, end: pos + n.text.length, block: blocks.length });
    pieces.push(n.text);
    pos += n.text.length;
    prevTurn = p.kind === 'heading' ? null : p.turnId;
    prevKind = p.kind;
  });
  if (paragraphs.length > 0) blocks.push([blockStart, pos]);
  const starts = Int32Array.from(paragraphs.map((p) => p.start));
  const sectionTitles = new Map(transcript.sections.map((s) => [s.id, s.title]));
  return { text: pieces.join(''), paragraphs, starts, blocks, sectionTitles };
}

/** The paragraph holding corpus offset `pos` (the last one starting at or before it). */
export function paragraphAt(corpus: Corpus, pos: number): CorpusParagraph {
  const s = corpus.starts;
  let lo = 0;
  let hi = s.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (s[mid] <= pos) lo = mid;
    else hi = mid - 1;
  }
  return corpus.paragraphs[lo];
}

/**
 * The paragraph a corpus span [a, b) belongs to: the one covering most of it (a span can run
 * over a line break inside a turn).
 */
export function paragraphForSpan(corpus: Corpus, a: number, b: number): CorpusParagraph {
  const first = paragraphAt(corpus, a);
  if (b <= first.end || first.index + 1 >= corpus.paragraphs.length) return first;
  let best = first;
  let bestCover = Math.min(b, first.end) - a;
  for (let i = first.index + 1; i < corpus.paragraphs.length; i++) {
    const p = corpus.paragraphs[i];
    if (p.start >= b) break;
    const cover = Math.min(b, p.end) - Math.max(a, p.start);
    if (cover > bestCover) {
      best = p;
      bestCover = cover;
    }
  }
  return best;
}
