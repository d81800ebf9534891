/** Removes the scraper's additions from a source line: pinyin annotations and HTML fragments. */

const TONE_VOWEL = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ';
/** A pinyin annotation: one lower-case syllable with a tone mark in parentheses, e.g. `(zé)`. */
export const PINYIN_ANNOTATION = new RegExp(`\\((?:[a-zü]*[${TONE_VOWEL}][a-zü]*)\\)`, 'g');

export function stripPinyin(text: string): { text: string; count: number } {
  let count = 0;
  const out = text.replace(PINYIN_ANNOTATION, () => {
    count++;
    return '';
  });
  return { text: out, count };
}

/** HTML tags and tag fragments left by the scraper (`</p>`, `<strong>`). */
const HTML_TAG = /<\/?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?\/?>/g;

export function stripHtml(text: string): { text: string; count: number } {
  let count = 0;
  const out = text.replace(HTML_TAG, () => {
    count++;
    return '';
  });
  return { text: out, count };
}

/** Collapses the whitespace the removals leave behind; keeps single spaces between words. */
export function tidySpaces(text: string): string {
  return text.replace(/[ \t\u00a0]{2,}/g, ' ').trim();
}

const CJK = '\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef“”';
/**
 * The source writes question marks in ASCII. Inside Chinese text they become full-width, so
 * that a `?` next to a Chinese character can only ever mean a garbled run (which must not exist).
 */
export function fullWidthQuestionMarks(text: string): string {
  return text.replace(new RegExp(`(?<=[${CJK}])\\?|\\?(?=\\s*[${CJK}])|(?<=[${CJK}]\\s?[A-Za-z0-9]{1,12})\\?(?=\\s|$)`, 'g'), '？');
}
