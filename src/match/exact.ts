/** Exact pass: every occurrence of the normalised quote in the normalised transcript. */

/** At most this many occurrences are returned (the caller only needs a few to attribute). */
export const MAX_EXACT = 64;

export function findExact(text: string, query: string, limit = MAX_EXACT): number[] {
  const out: number[] = [];
  if (query.length === 0) return out;
  let at = text.indexOf(query);
  while (at >= 0 && out.length < limit) {
    out.push(at);
    at = text.indexOf(query, at + 1);
  }
  return out;
}

/**
 * Occurrences in document order until `enough(position)` says the last one settles the
 * question (e.g. it lies in a turn, which wins over the introduction and headings that come
 * before their turns).
 */
export function findExactUntil(text: string, query: string, enough: (pos: number) => boolean, limit = MAX_EXACT): number[] {
  const out: number[] = [];
  if (query.length === 0) return out;
  let at = text.indexOf(query);
  while (at >= 0 && out.length < limit) {
    out.push(at);
    if (enough(at)) break;
    at = text.indexOf(query, at + 1);
  }
  return out;
}

/** What the indexed exact pass needs from the positional bigram index. */
export interface BigramLookup {
  frequency(s: string, i: number): number;
  postings(s: string, i: number): Int32Array;
}

/**
 * The exact pass through the positional bigram index: an occurrence of the quote holds its
 * rarest bigram at a known offset, so only those few places are compared (and a quote with a
 * bigram the transcript never has is ruled out at once). Same result as `findExactUntil`, in
 * document order, without scanning the text.
 */
export function findExactIndexed(
  text: string,
  query: string,
  index: BigramLookup,
  enough: (pos: number) => boolean,
  limit = MAX_EXACT,
): number[] {
  if (query.length < 2) return findExactUntil(text, query, enough, limit);
  let rarest = 0;
  let rarestFreq = Infinity;
  for (let j = 0; j + 1 < query.length; j++) {
    const f = index.frequency(query, j);
    if (f === 0) return [];
    if (f < rarestFreq) {
      rarestFreq = f;
      rarest = j;
    }
  }
  const out: number[] = [];
  const post = index.postings(query, rarest);
  for (let k = 0; k < post.length && out.length < limit; k++) {
    const at = post[k] - rarest;
    if (at < 0 || !text.startsWith(query, at)) continue;
    if (out.length > 0 && at < out[out.length - 1] + 1) continue;
    out.push(at);
    if (enough(at)) break;
  }
  return out;
}
