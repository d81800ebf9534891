/**
 * A search result's snippet with the typed words marked: the whole phrase where the passage has
 * it, else each typed word (whole Latin words, case folded; Han characters in runs of two or
 * more), around the first place the passage holds them. Pure: the component renders the parts
 * as text nodes.
 */
import { stem } from '../match/english';
import { toSimplified } from '../match/normalize';
import { queryWords } from '../sources/search-rank';

export interface SnippetPart {
  text: string;
  mark: boolean;
}

/** [start, end) of every typed word or phrase in `text`, sorted, not overlapping. */
export function matchedRanges(text: string, query: string): Array<[number, number]> {
  // Simplified and lower case keep lengths for what search compares (the conversion is per character)
  const folded = toSimplified(text).toLowerCase();
  const folds = folded.length === text.length;
  const hay = folds ? folded : text.toLowerCase();
  const ranges: Array<[number, number]> = [];
  const phrase = (folds ? toSimplified(query) : query).toLowerCase().trim().replace(/\s+/g, ' ');
  const find = (needle: string, whole: boolean) => {
    if (!needle) return;
    for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) {
      const before = hay[at - 1] ?? ' ';
      const after = hay[at + needle.length] ?? ' ';
      if (whole && (/[\p{L}\p{N}]/u.test(before) || /[\p{L}\p{N}]/u.test(after))) continue;
      ranges.push([at, at + needle.length]);
    }
  };
  find(phrase, /^[\p{L}\p{N}]/u.test(phrase) && !/\p{Script=Han}/u.test(phrase));
  if (ranges.length === 0) {
    const words = queryWords(query);
    const latin = words.filter((w) => !/\p{Script=Han}/u.test(w));
    for (const w of latin) find(w, true);
    // and the text's words of the same stem ("intuition" for "intuitions"), as search matched them
    const stems = new Set(latin.filter((w) => w.length >= 3).map(stem));
    if (stems.size > 0) {
      for (const m of hay.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’]*/gu)) {
        if (m[0].length >= 3 && stems.has(stem(m[0]))) ranges.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
      }
    }
    // Han: the query's runs of 2+ characters that the text holds (single characters are everywhere)
    const han = (folds ? toSimplified(query) : query).match(/\p{Script=Han}+/gu) ?? [];
    for (const run of han) {
      for (let i = 0; i + 1 < run.length; i++) find(run.slice(i, i + 2), false);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Array<[number, number]> = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** About `width` characters of `text` around the first matched words, with the matched words marked. */
export function snippetParts(text: string, query: string, width = 90): SnippetPart[] {
  const ranges = matchedRanges(text, query);
  const first = ranges[0]?.[0] ?? 0;
  let from = first > width / 3 ? first - Math.floor(width / 3) : 0;
  // start at a word when the text has spaces
  if (from > 0) {
    const sp = text.indexOf(' ', from);
    if (sp >= 0 && sp < first) from = sp + 1;
  }
  const to = Math.min(text.length, from + width);
  const parts: SnippetPart[] = [];
  if (from > 0) parts.push({ text: '…', mark: false });
  let at = from;
  for (const [a, b] of ranges) {
    if (b <= from || a >= to) continue;
    const s = Math.max(a, from);
    const e = Math.min(b, to);
    if (s > at) parts.push({ text: text.slice(at, s), mark: false });
    parts.push({ text: text.slice(s, e), mark: true });
    at = e;
  }
  if (at < to) parts.push({ text: text.slice(at, to), mark: false });
  if (to < text.length) parts.push({ text: '…', mark: false });
  return parts;
}
