/**
 * Ranking popup search results across sources: MiniSearch scores are relative to each source's
 * own best hit, so they cannot say which source holds the typed words. A passage holding the
 * typed phrase exactly comes first, whichever source holds it; then passages holding any of
 * the typed words, by the share they hold in their own text (a Chinese passage reached only through the
 * English gloss holds none of an English query's words); the search score breaks ties.
 */
import { englishTerms } from '../match/english';
import { toSimplified } from '../match/normalize';

/** Lower case, Simplified, punctuation and spacing folded: what "the same phrase" compares. */
export function phraseKey(text: string): string {
  return toSimplified(text).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** The typed words: Latin words (2+ letters) and Han characters, folded. */
export function queryWords(query: string): string[] {
  const key = phraseKey(query);
  const out = new Set<string>();
  for (const w of key.match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (/\p{Script=Han}/u.test(w)) for (const ch of w) out.add(ch);
    else if (w.length >= 2) out.add(w);
  }
  return [...out];
}

/**
 * Share of the typed words that `text` holds: Han characters, and the content words of English
 * (stemmed; "the", "are" are in every passage and say nothing), or its words when it has none.
 */
export function heldShare(words: string[], text: string): number {
  if (words.length === 0) return 0;
  const han = words.filter((w) => /\p{Script=Han}/u.test(w));
  const latin = words.filter((w) => !/\p{Script=Han}/u.test(w));
  const terms = latin.length > 0 ? [...new Set(englishTerms(latin.join(' ')))] : [];
  const key = ` ${phraseKey(text)} `;
  const wanted = [...han.map((w) => ({ w, han: true })), ...(terms.length > 0 ? terms : latin).map((w) => ({ w, han: false }))];
  if (wanted.length === 0) return 0;
  const textTerms = terms.length > 0 ? new Set(englishTerms(text)) : null;
  let held = 0;
  for (const { w, han: isHan } of wanted) {
    if (isHan ? key.includes(w) : textTerms ? textTerms.has(w) : key.includes(` ${w} `)) held++;
  }
  return held / wanted.length;
}

/** A sortable rank: exact phrase ≫ holding any typed word ≫ share of words held ≫ the search score (0…1). */
export function searchRank(query: string, text: string, score: number): number {
  const phrase = phraseKey(query);
  const words = queryWords(query);
  const exact = phrase.length > 0 && words.length > 0 && ` ${phraseKey(text)} `.includes(/\p{Script=Han}/u.test(phrase) ? phrase : ` ${phrase} `);
  const share = heldShare(words, text);
  // holding none of the typed words (reached through a gloss, or by MiniSearch's fuzziness) ranks below holding any
  return (exact ? 20 : 0) + (share > 0 ? 5 : 0) + 3 * share + Math.max(0, Math.min(1, score));
}
