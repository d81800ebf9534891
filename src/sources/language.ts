/**
 * Language and script of a source's text, as a BCP 47 tag: `en`, `zh-Hans`, `zh-Hant`, `ja`,
 * `ko`, or `und-<Script>` when only the script is known (`und` when nothing is). Chinese script is
 * told by the characters that Traditional→Simplified conversion changes: Simplified text has
 * almost none of them, Traditional text has many (about one character in five).
 */
import { simplifyChar } from '../match/normalize';

const ENGLISH_WORDS = new Set([
  'the', 'and', 'of', 'to', 'a', 'in', 'is', 'that', 'it', 'you', 'we', 'i', 'this', 'for', 'was', 'are',
  'be', 'on', 'with', 'have', 'what', 'but', 'not', 'they', 'so', 'do', 'think', 'there', 'about', 'like',
]);

export interface LanguageGuess {
  language: string;
  /** Counts behind the guess, for a preview ("1 240 Han characters, 18 % Traditional-only"). */
  han: number;
  latinWords: number;
  traditionalShare: number;
}

export function detectLanguage(text: string): LanguageGuess {
  // A sample is enough, and keeps a 20 MB file cheap.
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  let han = 0;
  let traditional = 0;
  let kana = 0;
  let hangul = 0;
  let cyrillic = 0;
  let arabic = 0;
  let latin = 0;
  for (const ch of sample) {
    const cp = ch.codePointAt(0) as number;
    if (/\p{Script=Han}/u.test(ch)) {
      han++;
      if (cp >= 0x3400 && simplifyChar(cp) !== ch) traditional++;
    } else if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(ch)) kana++;
    else if (/\p{Script=Hangul}/u.test(ch)) hangul++;
    else if (/\p{Script=Cyrillic}/u.test(ch)) cyrillic++;
    else if (/\p{Script=Arabic}/u.test(ch)) arabic++;
    else if (/\p{Script=Latin}/u.test(ch)) latin++;
  }
  const words = sample.toLowerCase().match(/[a-z']+/g) ?? [];
  const traditionalShare = han > 0 ? traditional / han : 0;
  const guess = (language: string): LanguageGuess => ({ language, han, latinWords: words.length, traditionalShare });
  // Latin letters count about one fifth of a Han character's weight in words.
  const scores: Array<[string, number]> = [
    ['han', han],
    ['kana', kana * 1.5],
    ['hangul', hangul],
    ['cyrillic', cyrillic / 5],
    ['arabic', arabic / 5],
    ['latin', latin / 5],
  ];
  scores.sort((a, b) => b[1] - a[1]);
  const [top, score] = scores[0];
  if (score === 0) return guess('und');
  if (top === 'han' || top === 'kana') {
    if (kana > han * 0.1) return guess('ja');
    return guess(traditionalShare >= 0.05 ? 'zh-Hant' : 'zh-Hans');
  }
  if (top === 'hangul') return guess('ko');
  if (top === 'cyrillic') return guess('und-Cyrl');
  if (top === 'arabic') return guess('und-Arab');
  const english = words.filter((w) => ENGLISH_WORDS.has(w)).length;
  return guess(words.length > 0 && english / words.length >= 0.15 ? 'en' : 'und-Latn');
}
