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
