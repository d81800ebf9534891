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
  /** The paragraph normalised, with its map back to the original (computed on first use for a stored corpus). */
  readonly norm: NormalizedText;
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
  const norms = transcript.paragraphs.map((p) => norm(p.text));
  const corpus = assemble(transcript, norms.map((n) => n.text.length), (i) => norms[i]);
  corpus.text = joinPieces(transcript, norms.map((n) => n.text));
  return corpus;
}

/**
 * The corpus from its stored form (`text` and each paragraph's normalised length): a
 * paragraph's offset map is computed when a match first needs it.
 */
export function corpusFromStored(transcript: Transcript, norm: (text: string) => NormalizedText, text: string, lengths: ArrayLike<number>): Corpus {
  const cache: Array<NormalizedText | undefined> = [];
  const corpus = assemble(transcript, lengths, (i) => (cache[i] ??= norm(transcript.paragraphs[i].text)));
  corpus.text = text;
  return corpus;
}

/**
 * Does a paragraph continue the block before it? A turn's paragraphs are one block; so are
 * introduction paragraphs sharing a run id (the unattributed text of a reader's source: captions
 * split into paragraphs are one stretch).
 */
function continues(p: Paragraph, prev: Paragraph | undefined): boolean {
  return !!prev && p.kind !== 'heading' && p.kind === prev.kind && p.turnId !== null && p.turnId === prev.turnId;
}

function joinPieces(transcript: Transcript, texts: string[]): string {
  const pieces: string[] = [];
  texts.forEach((t, i) => {
    if (i > 0 && !continues(transcript.paragraphs[i], transcript.paragraphs[i - 1])) pieces.push(SEP);
    pieces.push(t);
  });
  return pieces.join('');
}

/** Offsets, blocks and paragraphs, from each paragraph's normalised length (`text` is set by the caller). */
function assemble(transcript: Transcript, lengths: ArrayLike<number>, normOf: (index: number) => NormalizedText): Corpus {
  const paragraphs: CorpusParagraph[] = [];
  const blocks: Array<[number, number]> = [];
  let pos = 0;
  let blockStart = 0;
  transcript.paragraphs.forEach((p, index) => {
    if (!continues(p, transcript.paragraphs[index - 1]) || paragraphs.length === 0) {
      if (paragraphs.length > 0) {
        blocks.push([blockStart, pos]);
        pos += 1;
      }
      blockStart = pos;
    }
    const start = pos;
    pos += lengths[index];
    paragraphs.push({
      index,
      paragraph: p,
      get norm() {
        return normOf(index);
      },
      start,
      end: pos,
      block: blocks.length,
    });
  });
  if (paragraphs.length > 0) blocks.push([blockStart, pos]);
  const starts = Int32Array.from(paragraphs.map((p) => p.start));
  const sectionTitles = new Map(transcript.sections.map((s) => [s.id, s.title]));
  return { text: '', paragraphs, starts, blocks, sectionTitles };
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
