/**
 * Does a passage that shares a quote's words say otherwise? Three general signs, compared
 * between the quote and the passage's sentence that holds the shared words:
 *
 * - negation: one side denies (不/没/从未/并非… , not/never/no…) and the other does not;
 * - number: the quote states a figure the passage does not, where the passage states another;
 * - subject: in an altered quote, a person (a pronoun or a name) is replaced by another.
 *
 * Words that merely contain a negating character (非常, 未来, 无论, 不仅…) are not negations.
 */
import type { Contradiction, Difference } from '../types';
import { toSimplified } from './normalize';
import { stem } from './english';

/** Compounds whose negating character does not negate the sentence. */
const NOT_NEGATIONS =
  /非常|未来|无论|不仅|不过|不断|不少|不同|不久|无数|无比|无疑|不错|不管|不得不|不可思议|无耻|无知|无限|无法想象|并非只|非得|莫非|未必|不如说|无所谓|无关紧要|不确定|不定/gu;
/** Negating words, Chinese (Simplified) and English. */
const ZH_NEGATION = /不|没|未|无|非|别|勿|否/u;
const EN_NEGATION = /\b(?:not|never|no|none|nobody|nothing|neither|nor|without|cannot)\b|n['’]t\b/iu;

/** What a negation denies: the word after it (fillers such as 任何 / any skipped). */
const ZH_SCOPE = /(?:从未|从没|从不|并非|并不|绝不|毫无|没有|未曾|不|没|未|无|非|别)(?:[有任何是都也再太很会能]{0,2})(\p{Script=Han}{2})/gu;
const EN_SCOPE = /(?:\bnot|\bnever|\bno|n['’]t|\bwithout|\bcannot)\s+(?:(?:any|even|ever|really|at|all|a|an|the|been|be|have|has|had|so|much|more)\s+)*([a-z]+)/giu;

/** The words a text's negations deny (Simplified, or English stems). */
export function negatedWords(text: string): string[] {
  const s = toSimplified(text).replace(NOT_NEGATIONS, ' ');
  const out: string[] = [];
  for (const m of s.matchAll(ZH_SCOPE)) out.push(m[1]);
  for (const m of s.toLowerCase().matchAll(EN_SCOPE)) out.push(stem(m[1]));
  return out;
}

/** Does `text` hold the word (a Han pair, or an English stem)? */
function holds(text: string, word: string): boolean {
  if (/\p{Script=Han}/u.test(word)) return toSimplified(text).replace(/[\s\p{P}]+/gu, '').includes(word);
  return (text.toLowerCase().match(/[a-z]+/g) ?? []).some((w) => stem(w) === word);
}

/**
 * One side negates a word the other side affirms: the passage denies what the quote says
 * (我从没说过 / 我说过), or the quote denies what the passage says. A negation of a word the
 * other side does not use (并不擅长 / 很难) is a paraphrase, not a reversal.
 */
export function negationReversed(quote: string, passage: string): boolean {
  const qNeg = hasNegation(quote);
  if (qNeg === hasNegation(passage)) return false;
  const [neg, plain] = qNeg ? [quote, passage] : [passage, quote];
  return negatedWords(neg).some((w) => holds(plain, w));
}

export function hasNegation(text: string): boolean {
  const s = toSimplified(text).replace(NOT_NEGATIONS, ' ');
  return ZH_NEGATION.test(s) || EN_NEGATION.test(s);
}

const CN_DIGITS: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10_000, 亿: 100_000_000 };

/** Figures a text states: Arabic numerals (with their 万/亿 scale) and Chinese numerals. */
export function numbersIn(text: string): string[] {
  const s = toSimplified(text).replace(/(\d),(?=\d{3})/g, '$1');
  const out: string[] = [];
  for (const m of s.matchAll(/\d+(?:\.\d+)?/g)) out.push(String(Number(m[0])));
  for (const m of s.matchAll(/[零一二两三四五六七八九十百千]{2,}|[二两三四五六七八九]十|[二两三四五六七八九十](?=[倍%％])/gu)) {
    let total = 0;
    let cur = 0;
    for (const ch of m[0]) {
      if (ch in CN_DIGITS) cur = CN_DIGITS[ch];
      else if (ch in CN_UNITS) {
        total += (cur || 1) * CN_UNITS[ch];
        cur = 0;
      }
    }
    total += cur;
    // 一 alone is mostly "a/one" (一个, 一种), and 两年 "a couple of years": only runs and 倍/% count
    if (total > 0) out.push(String(total));
  }
  return out;
}

const PRONOUN = /^(?:我|你|他|她|我们|你们|他们|她们|i|you|he|she|we|they|me|him|her|us|them)$/iu;

const isPronoun = (s: string) => PRONOUN.test(toSimplified(s).replace(/[\s\p{P}]+/gu, ''));
/** A name standing where a pronoun stood: a capitalised Latin word or a short Han run. */
const isName = (s: string) => /^\p{Lu}[\p{L}.·-]+$/u.test(s.trim()) || /^\p{Script=Han}{2,4}$/u.test(s.trim());

/**
 * For an altered quote: what its differences from the passage change. `quote`/`passage` are the
 * aligned spans (original text).
 */
export function contradictionInDifferences(
  diffs: Difference[],
  quote: string,
  passage: string,
  paragraphId: string,
): Contradiction | null {
  if (diffs.length === 0) return null;
  const make = (kind: Contradiction['kind']): Contradiction => ({ kind, quote, passage, paragraphId });
  // a difference that adds or drops a negation (都是 / 不是), or a negation dropped just before the span
  if (diffs.some((d) => hasNegation(d.quote) !== hasNegation(d.transcript)) || negationReversed(quote, passage)) {
    return make('negation');
  }
  if (diffs.some((d) => numbersIn(d.quote).length > 0 || numbersIn(d.transcript).length > 0)) {
    const q = new Set(numbersIn(quote));
    const p = new Set(numbersIn(passage));
    if ([...q].some((n) => !p.has(n)) || [...p].some((n) => !q.has(n))) return make('number');
  }
  // a person replaced by another: a pronoun on one side, a pronoun or a name on the other
  const swapped = diffs.some((d) => {
    const x = d.quote.trim();
    const y = d.transcript.trim();
    if (!x || !y) return false;
    return (isPronoun(x) && (isPronoun(y) || isName(y))) || (isPronoun(y) && isName(x));
  });
  if (swapped) return make('subject');
  return null;
}

/**
 * For a reworded quote and the stretch of the passage that holds the words it shares: a
 * negation on one side only, or a figure that the passage's sentence (`shown`) states otherwise.
 */
export function contradictionInWording(
  quote: string,
  stretch: string,
  paragraphId: string,
  shown: string = stretch,
  /** The quote keeps most of the passage's words: only then can a lone negation be read as reversing it. */
  closeWording = true,
): Contradiction | null {
  const make = (kind: Contradiction['kind']): Contradiction => ({ kind, quote, passage: shown, paragraphId });
  if (!closeWording) return null;
  if (negationReversed(quote, hasNegation(quote) ? shown : stretch)) return make('negation');
  const q = numbersIn(quote);
  const p = numbersIn(shown);
  if (q.length > 0 && p.length > 0 && q.some((n) => !p.includes(n))) return make('number');
  return null;
}

/** The sentence of `text` around [start, end) (sentence ends: 。！？!?; and . before a space). */
export function sentenceAround(text: string, start: number, end: number): [number, number] {
  const isEnd = (i: number) => /[。！？!?；;]/u.test(text[i]) || (text[i] === '.' && /\s/u.test(text[i + 1] ?? ' '));
  let a = Math.max(0, Math.min(start, text.length));
  while (a > 0 && !isEnd(a - 1)) a--;
  let b = Math.max(a, Math.min(end, text.length));
  while (b < text.length && !isEnd(b)) b++;
  if (b < text.length) b++;
  return [a, b];
}
