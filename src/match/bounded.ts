/**
 * A comparison ("the interview says otherwise") is shown against the stretch that holds the
 * shared words, never a whole long paragraph: automatic captions and hard-wrapped text have no
 * sentence ends, so "the sentence around the words" can be 60 000 characters long. These cut it
 * to a window of a sentence's length around the words, at word boundaries.
 */
import { englishTerms } from './english';

/** Longest stretch shown as "the passage's wording" in a comparison. */
export const MAX_STRETCH = 320;

/** [a, b) cut to at most `max` characters around [start, end) (which it holds), at spaces when there are any. */
export function boundSpan(text: string, a: number, b: number, start: number, end: number, max = MAX_STRETCH): [number, number] {
  if (b - a <= max) return [a, b];
  const core = Math.max(0, Math.min(end, b) - Math.max(start, a));
  const room = Math.max(0, max - core);
  let lo = Math.max(a, Math.max(start, a) - (room >> 1));
  let hi = Math.min(b, lo + core + room);
  lo = Math.max(a, hi - core - room);
  // widen to whole words (Chinese text has no spaces: cut where the window ends)
  if (lo > a) {
    const sp = text.lastIndexOf(' ', lo);
    if (sp >= a && lo - sp < 24) lo = sp + 1;
  }
  if (hi < b) {
    const sp = text.indexOf(' ', hi);
    if (sp >= 0 && sp < b && sp - hi < 24) hi = sp;
  }
  return [lo, hi];
}

/**
 * The window of about `maxWords` words of an English `sentence` that holds most weight of the
 * query's terms (the sentence itself when it is short).
 */
export function boundSentence(sentence: string, terms: ReadonlyArray<{ term: string; weight: number }>, max = MAX_STRETCH): string {
  if (sentence.length <= max) return sentence;
  const words = sentence.split(/\s+/).filter(Boolean);
  const weight = new Map(terms.map((t) => [t.term, t.weight]));
  const per = words.map((w) => englishTerms(w).reduce((s, t) => s + (weight.get(t) ?? 0), 0));
  const avg = Math.max(1, sentence.length / Math.max(1, words.length));
  const n = Math.max(8, Math.min(words.length, Math.floor(max / avg)));
  let sum = 0;
  for (let i = 0; i < n; i++) sum += per[i];
  let best = 0;
  let bestSum = sum;
  // the run of windows that all hold the best weight: its middle centres the words
  let runEnd = 0;
  for (let i = n; i < words.length; i++) {
    sum += per[i] - per[i - n];
    const start = i - n + 1;
    if (sum > bestSum) {
      bestSum = sum;
      best = start;
      runEnd = start;
    } else if (sum === bestSum && runEnd === start - 1) runEnd = start;
  }
  const at = (best + runEnd) >> 1;
  return words.slice(at, at + n).join(' ');
}
