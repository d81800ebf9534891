/** Cuts a long passage down to the matched span with some context on each side. Pure. */

export interface Excerpt {
  before: string;
  mark: string;
  after: string;
  cutBefore: boolean;
  cutAfter: boolean;
}

/** Moves an offset off the second half of a surrogate pair. */
function safe(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff ? i - 1 : i;
}

export function excerpt(text: string, start: number, end: number, context = 110): Excerpt {
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(s, Math.min(end, text.length));
  if (s === e) {
    const stop = safe(text, Math.min(text.length, context * 2));
    return { before: text.slice(0, stop), mark: '', after: '', cutBefore: false, cutAfter: stop < text.length };
  }
  const from = s - context > 12 ? safe(text, s - context) : 0;
  const to = text.length - (e + context) > 12 ? safe(text, e + context) : text.length;
  return {
    before: text.slice(from, s),
    mark: text.slice(s, e),
    after: text.slice(e, to),
    cutBefore: from > 0,
    cutAfter: to < text.length,
  };
}
