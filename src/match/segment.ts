/**
 * Split a selection into the quotes it holds.
 *
 * - When the selection holds quoted passages (“…”, 「…」, 『…』, "…", ‘…’ around Chinese) long
 *   enough to be quotes, those passages are quotes (`quoted`), and the text around them is
 *   marked `outside`: the matcher keeps it only if the transcript has it (the reader may have
 *   selected a passage with its own inner quotation marks), else treats it as narration
 *   (`他表示:`). Short quoted terms (‘末日论者’) stay part of the sentence.
 * - Each quote is split at sentence ends; pieces too short to judge join their neighbour.
 * - `……` (also `…`, `...`, `⋯`) inside a piece joins two spans: the piece keeps them as `parts`,
 *   which must be found in order within one turn. Leading or trailing ellipses only mark a trim.
 */
import { longEnough, measure } from './validate';

export interface QuoteSegment {
  /** The quote as selected (without surrounding quotation marks). */
  text: string;
  /** Offsets of `text` in the selection. */
  start: number;
  end: number;
  /** The spans joined by ellipses, in order (one element when there is no join). */
  parts: string[];
  /**
   * `sentence`: the selection has no quotation marks worth the name; `quoted`: inside
   * quotation marks; `outside`: around quoted passages — the writer's narration, unless the
   * transcript has it.
   */
  role: 'sentence' | 'quoted' | 'outside';
}

/** Quoted terms with fewer Chinese characters than this (and under 4 words) stay in the sentence. */
const MIN_QUOTED_HAN = 6;

const PAIRS: Record<string, string> = {
  '“': '”',
  '「': '」',
  '『': '』',
  '﹁': '﹂',
  '《': '》',
  '"': '"',
  '‘': '’',
};

const ELLIPSIS = /\s*(?:……|…|⋯+|\.{3,}|。{3,}|···)\s*/gu;
// an ellipsis (`...`) joins spans; it does not end a sentence
const SENTENCE_END = /(?:[。！？!?；;]+[”」』’"]?|(?<!\.)\.(?=\s|$))/gu;

function isQuoteWorthy(s: string): boolean {
  const { han, words } = measure(s);
  return han >= MIN_QUOTED_HAN || (han === 0 && words >= 4);
}

/** Outermost quoted spans [start, end) (content only), in order. */
const ANY_OPEN = /[“「『﹁《"‘]/u;

function quotedSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  if (!ANY_OPEN.test(text)) return spans;
  let i = 0;
  while (i < text.length) {
    const open = text[i];
    const close = PAIRS[open];
    if (close === undefined) {
      i++;
      continue;
    }
    // ‘’ double as apostrophes in English; ASCII " opens only when a closing one follows.
    const j = text.indexOf(close, i + 1);
    if (j < 0) {
      i++;
      continue;
    }
    if (open === '‘' && !/[\u4E00-\u9FFF]/u.test(text.slice(i + 1, j))) {
      i++;
      continue;
    }
    // 《》 are titles, never quotes; skip over them.
    if (open === '《') {
      i = j + 1;
      continue;
    }
    // A quoted term inside a sentence (相当于“天才国度”的) is part of that sentence, not a quote.
    const before = i > 0 ? text[i - 1] : '';
    const after = j + 1 < text.length ? text[j + 1] : '';
    const isTerm = /[\p{L}\p{N}]/u.test(before) && /[\p{L}\p{N}]/u.test(after);
    if (!isTerm) spans.push([i + 1, j]);
    i = j + 1;
  }
  return spans;
}

function trimRange(text: string, a: number, b: number): [number, number] {
  while (a < b && /[\s:：,，、]/u.test(text[a])) a++;
  while (b > a && /\s/u.test(text[b - 1])) b--;
  return [a, b];
}

/** Split [a, b) at sentence ends; merge pieces too short to judge into a neighbour. */
function sentences(text: string, a: number, b: number): Array<[number, number]> {
  const chunk = text.slice(a, b);
  const cuts: number[] = [];
  SENTENCE_END.lastIndex = 0;
  for (const m of chunk.matchAll(SENTENCE_END)) cuts.push((m.index ?? 0) + m[0].length);
  const pieces: Array<[number, number]> = [];
  let prev = 0;
  for (const c of [...cuts, chunk.length]) {
    if (c > prev) {
      const [s, e] = trimRange(text, a + prev, a + c);
      if (e > s && /[\p{L}\p{N}]/u.test(text.slice(s, e))) pieces.push([s, e]);
    }
    prev = c;
  }
  // merge short pieces
  const merged: Array<[number, number]> = [];
  for (const p of pieces) {
    const last = merged[merged.length - 1];
    if (last && (!longEnough(text.slice(p[0], p[1])) || !longEnough(text.slice(last[0], last[1])))) {
      last[1] = p[1];
    } else merged.push([p[0], p[1]]);
  }
  return merged;
}

/** The spans joined by ellipses inside a quote. */
export function splitParts(quote: string): string[] {
  return quote
    .split(ELLIPSIS)
    .map((p) => p.trim())
    .filter((p) => /[\p{L}\p{N}]/u.test(p));
}

/** Anything that could split or join quotes: quotation marks, sentence ends, ellipses. */
const STRUCTURE = /[“”「」『』﹁﹂《》"‘’。！？!?；;…⋯·]|\.(?=\s|$|\.)/u;

export function segmentSelection(text: string): QuoteSegment[] {
  // fast path: one plain sentence (at most a final full stop)
  const trimmed = text.trim();
  const body = trimmed.replace(/[。！？!?.]+$/u, '');
  if (!STRUCTURE.test(body) && /[\p{L}\p{N}]/u.test(body)) {
    const start = text.indexOf(trimmed);
    const [a, b] = trimRange(text, start, start + trimmed.length);
    if (b > a) return [{ text: text.slice(a, b), start: a, end: b, parts: [text.slice(a, b).trim()], role: 'sentence' }];
  }
  const quoted = quotedSpans(text).filter(([a, b]) => isQuoteWorthy(text.slice(a, b)));
  const regions: Array<[number, number, QuoteSegment['role']]> = [];
  if (quoted.length === 0) regions.push([0, text.length, 'sentence']);
  else {
    let at = 0;
    for (const [a, b] of quoted) {
      if (a - 1 > at) regions.push([at, a - 1, 'outside']);
      regions.push([a, b, 'quoted']);
      at = b + 1;
    }
    if (at < text.length) regions.push([at, text.length, 'outside']);
  }
  const out: QuoteSegment[] = [];
  for (const [ra, rb, role] of regions) {
    for (const [a, b] of sentences(text, ra, rb)) {
      const t = text.slice(a, b);
      if (role === 'outside' && !longEnough(t)) continue;
      // drop quotation marks left at the edges of a sentence
      const parts = splitParts(t.replace(/^[“”「」『』"'‘’]+|[“”「」『』"'‘’]+$/gu, ''));
      if (parts.length === 0) continue;
      out.push({ text: t, start: a, end: b, parts, role });
    }
  }
  return out;
}
