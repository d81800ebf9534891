import type { Explanation } from '../types';

/**
 * Input checks before any matching: refuse what cannot be judged, in one plain sentence, and
 * trim over-long selections. Never throws.
 */

/** Selections longer than this (UTF-16 units) are cut; only the first part is checked. */
export const MAX_INPUT = 2000;
/** A quote needs at least this many Chinese characters… */
export const MIN_HAN = 4;
/** …or this many English words when it has no Chinese. */
export const MIN_WORDS = 2;

export type Validation =
  | { ok: true; text: string; notice?: string; noticeKey?: Explanation }
  | { ok: false; error: string; errorKey: Explanation };

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// C0/C1 controls other than tab, line feed, vertical tab, form feed, carriage return.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000E-\u001F\u007F-\u0084\u0086-\u009F]/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const PICTOGRAPH = /\p{Extended_Pictographic}/u;

const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;

function isHanCode(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x20000 && cp <= 0x3134f)
  );
}

/** How much text a string holds, for the "too short" rule: Han characters, and other words. */
export function measure(text: string): { han: number; words: number } {
  let han = 0;
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i) as number;
    if (cp > 0xffff) i++;
    if (isHanCode(cp)) {
      han++;
      inWord = false;
      continue;
    }
    const wordChar =
      cp < 0x80
        ? (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a)
        : LETTER_OR_NUMBER.test(String.fromCodePoint(cp));
    if (wordChar && !inWord) words++;
    inWord = wordChar;
  }
  return { han, words };
}

/** True when there is enough text to judge: 4 Chinese characters, or 2 words without Chinese (a quoted phrase). */
export function longEnough(text: string): boolean {
  const { han, words } = measure(text);
  if (han === 0) return words >= MIN_WORDS;
  return han + 2 * words >= MIN_HAN;
}

export const TOO_SHORT_KEY: Explanation = { key: 'error_too_short', params: { han: MIN_HAN, words: MIN_WORDS } };

export const TOO_SHORT =
  `Too short to judge: select at least ${MIN_HAN} Chinese characters or ${MIN_WORDS} English words of the quote.`;

/** Cut at `max` units, preferring a sentence end in the last fifth, never inside a surrogate pair. */
function cut(text: string, max: number): string {
  let end = max;
  const tail = text.slice(Math.floor(max * 0.8), max);
  const m = /[。！？!?.;；\n](?!.*[。！？!?.;；\n])/su.exec(tail);
  if (m) end = Math.floor(max * 0.8) + m.index + 1;
  const c = text.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end -= 1;
  return text.slice(0, end);
}

export function validate(input: unknown): Validation {
  if (typeof input !== 'string') return { ok: false, error: 'Nothing to check: the selection is not text.', errorKey: { key: 'error_not_text' } };
  if (input.length === 0) return { ok: false, error: 'Nothing to check: the selection is empty.', errorKey: { key: 'error_empty' } };
  if (LONE_SURROGATE.test(input)) {
    return {
      ok: false,
      error: 'The selection holds a broken character (an unpaired surrogate); select the text again.',
      errorKey: { key: 'error_surrogate' },
    };
  }
  if (CONTROL.test(input)) {
    return {
      ok: false,
      error: 'The selection holds control characters, which no quote contains; select the text again.',
      errorKey: { key: 'error_control' },
    };
  }
  if (input.trim().length === 0 || !/[^\s\u200B-\u200D\u2060\uFEFF]/u.test(input)) {
    return { ok: false, error: 'Nothing to check: the selection holds only spaces or line breaks.', errorKey: { key: 'error_spaces' } };
  }
  if (!LETTER_OR_DIGIT.test(input)) {
    if (PICTOGRAPH.test(input)) {
      return { ok: false, error: 'The selection holds only emoji or symbols; select the words of the quote.', errorKey: { key: 'error_emoji' } };
    }
    return { ok: false, error: 'The selection holds only punctuation or symbols; select the words of the quote.', errorKey: { key: 'error_symbols' } };
  }
  // only the newsroom's words in [brackets]: nothing of the speaker's to check
  if (/[[【〔]/u.test(input) && !LETTER_OR_DIGIT.test(input.replace(/\[[^\]]*\]|【[^】]*】|〔[^〕]*〕/gu, ''))) {
    return { ok: false, error: 'The selection holds only words in brackets, which are the writer’s own; select the quoted words.', errorKey: { key: 'error_brackets_only' } };
  }
  let text = input;
  let notice: string | undefined;
  if (text.length > MAX_INPUT) {
    text = cut(text, MAX_INPUT);
    notice = `The selection is long (${input.length} characters); only the first ${text.length} were checked.`;
  }
  if (!longEnough(text)) return { ok: false, error: TOO_SHORT, errorKey: TOO_SHORT_KEY };
  return notice
    ? { ok: true, text, notice, noticeKey: { key: 'notice_long', params: { total: input.length, checked: text.length } } }
    : { ok: true, text };
}
