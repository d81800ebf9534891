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
  const sample = text.length > 50_000 ? text.slice(0, 50_000) : text;
  let han = 0;
  let traditional = 0;
  let kana = 0;
  let hangul = 0;
  let cyrillic = 0;
  let arabic = 0;
  let latin = 0;
  // code-point ranges rather than a Unicode-property regex per character: 20× faster
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 0x80) {
      if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) latin++;
    } else if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff)) {
      han++;
      if (simplifyChar(c) !== sample[i]) traditional++;
    } else if (c >= 0x3040 && c <= 0x30ff) kana++;
    else if ((c >= 0xac00 && c <= 0xd7af) || (c >= 0x1100 && c <= 0x11ff)) hangul++;
    else if (c >= 0x0400 && c <= 0x04ff) cyrillic++;
    else if (c >= 0x0600 && c <= 0x06ff) arabic++;
    else if (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) latin++;
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
