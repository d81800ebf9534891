/**
 * Text normalisation shared by both sides of every comparison (the transcript and the reader's
 * selection), with a map from each normalised character back to the original string.
 *
 * Folds: pinyin annotations such as `(zé)` and stray HTML tags are removed; Unicode NFKC
 * (full-width → half-width, compatibility forms); Latin lower-cased; all punctuation, quotation
 * marks, whitespace, emoji and invisible characters dropped; Traditional → Simplified with
 * opencc-js (`tw` → `cn`, character variants only — `twp` would rewrite vocabulary), applied
 * character by character.
 */
import { Converter } from 'opencc-js/t2cn';

const twToCn = Converter({ from: 'tw', to: 'cn' });

/**
 * `tw`→`cn` is not idempotent for a few characters (麼→么 but 么→幺), and a selection in
 * Simplified goes through the same converter as the Traditional transcript, so the output is
 * folded once more to a fixed point.
 */
const POST_FOLD = new Map([
  ['幺', '么'],
  ['苧', '苎'],
]);

/**
 * Character-by-character conversion, cached. Both sides of a comparison go through the same
 * function, so a per-character mapping is what keeps them consistent (a phrase rule could
 * treat the same character differently in a quote cut mid-phrase), and it is ~20× faster than
 * running the converter's phrase trie on every query. Every character in U+3400–U+9FFF maps
 * to exactly one character; any other outcome keeps the character as it is.
 */
const CHAR_CACHE = new Map<number, string>();

export function simplifyChar(cp: number): string {
  let out = CHAR_CACHE.get(cp);
  if (out === undefined) {
    const ch = String.fromCodePoint(cp);
    const conv = twToCn(ch);
    out = [...conv].length === 1 ? conv : ch;
    out = POST_FOLD.get(out) ?? out;
    CHAR_CACHE.set(cp, out);
  }
  return out;
}

/** Traditional → Simplified (per character, see `simplifyChar`); keeps the length in code points. */
export function toSimplified(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i) as number;
    if (cp > 0xffff) i++;
    out += cp < 0x2e80 ? String.fromCodePoint(cp) : simplifyChar(cp);
  }
  return out;
}

export interface NormalizedText {
  /** The string that was normalised. */
  source: string;
  /** The normalised text (UTF-16). */
  text: string;
  /** For each UTF-16 unit of `text`: start offset of the original character it came from. */
  starts: number[];
  /** For each UTF-16 unit of `text`: end offset (exclusive) of that original character. */
  ends: number[];
}

const TONE_VOWELS = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ';
const PINYIN_LETTERS = `a-zü${TONE_VOWELS}ê`;
/** A parenthesised single pinyin syllable, ASCII or full-width parentheses. */
const PINYIN_PAREN = new RegExp(`[(（]\\s*([${PINYIN_LETTERS}]{1,7})\\s*[)）]`, 'g');
/** The tail of an annotation cut by a garbled run in scraped copies: `?yàn)`. */
const PINYIN_TAIL = new RegExp(`\\?([${PINYIN_LETTERS}]{1,7})[)）]`, 'g');
const HTML_TAG = /<\/?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]{0,80})?\/?>/g;
const HAS_TONE = new RegExp(`[${TONE_VOWELS}]`);

/**
 * Toneless pinyin syllable (initial + final). Used only when no tone mark is present, and only
 * right after a Han character, so real English parentheticals such as `(episode)` stay.
 */
const PINYIN_SYLLABLE =
  /^(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?(?:a|ai|an|ang|ao|e|ei|en|eng|er|i|ia|ian|iang|iao|ie|in|ing|iong|iu|o|ong|ou|u|ua|uai|uan|uang|ue|ui|un|uo|ü|üe|ve|v)$/;

export function isHan(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x20000 && cp <= 0x3134f) ||
    (cp >= 0xf900 && cp <= 0xfaff)
  );
}

/** Ranges [start, end) of the original string that normalisation removes outright. */
function removedRanges(s: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  if (s.indexOf('(') < 0 && s.indexOf('（') < 0 && s.indexOf('<') < 0 && s.indexOf(')') < 0) {
    return ranges;
  }
  for (const m of s.matchAll(PINYIN_PAREN)) {
    const syl = m[1];
    const idx = m.index ?? 0;
    const prev = idx > 0 ? s.codePointAt(idx - 1) ?? 0 : 0;
    const prevIsHan = isHan(prev) || (idx > 1 && isHan(s.codePointAt(idx - 2) ?? 0));
    if (HAS_TONE.test(syl) || (prevIsHan && PINYIN_SYLLABLE.test(syl))) {
      ranges.push([idx, idx + m[0].length]);
    }
  }
  for (const m of s.matchAll(PINYIN_TAIL)) {
    if (HAS_TONE.test(m[1])) {
      const idx = m.index ?? 0;
      ranges.push([idx, idx + m[0].length]);
    }
  }
  for (const m of s.matchAll(HTML_TAG)) {
    const idx = m.index ?? 0;
    ranges.push([idx, idx + m[0].length]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  return ranges;
}

/** Characters kept after NFKC: letters, digits, currency and maths symbols. */
const KEEP = /[\p{L}\p{N}\p{Sc}\p{Sm}]/u;

function keepAscii(c: number): boolean {
  return (
    (c >= 0x30 && c <= 0x39) ||
    (c >= 0x61 && c <= 0x7a) ||
    c === 0x24 || // $
    c === 0x2b || // +
    c === 0x3c || // <
    c === 0x3d || // =
    c === 0x3e // >
  );
}

/**
 * Normalise `s` for matching and keep, for every output unit, the original character range
 * it came from.
 */
export function normalize(s: string): NormalizedText {
  const removed = removedRanges(s);
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  const emit = (ch: string, i: number, w: number) => {
    text += ch;
    for (let u = 0; u < ch.length; u++) {
      starts.push(i);
      ends.push(i + w);
    }
  };
  let r = 0;
  let i = 0;
  const n = s.length;
  while (i < n) {
    if (removed.length > 0) {
      while (r < removed.length && removed[r][1] <= i) r++;
      if (r < removed.length && removed[r][0] <= i) {
        i = removed[r][1];
        continue;
      }
    }
    const cp = s.codePointAt(i) as number;
    const w = cp > 0xffff ? 2 : 1;
    if (cp < 0x80) {
      let c = cp;
      if (c >= 0x41 && c <= 0x5a) c += 32;
      if (keepAscii(c)) emit(String.fromCharCode(c), i, 1);
    } else if ((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf)) {
      emit(simplifyChar(cp), i, 1);
    } else if (cp >= 0xd800 && cp <= 0xdfff) {
      // lone surrogate: not a character, dropped (validation refuses such input anyway)
    } else {
      const folded = String.fromCodePoint(cp).normalize('NFKC').toLowerCase();
      for (const ch of folded) {
        if (KEEP.test(ch)) {
          const c = ch.codePointAt(0) as number;
          emit(isHan(c) ? simplifyChar(c) : ch, i, w);
        }
      }
    }
    i += w;
  }
  return { source: s, text, starts, ends };
}

/** Just the normalised text. */
export function normalizeText(s: string): string {
  return normalize(s).text;
}

/** Map a span [a, b) of normalised text back to the original string (UTF-16 offsets). */
export function toOriginalSpan(norm: NormalizedText, a: number, b: number): [number, number] {
  if (norm.text.length === 0) return [0, 0];
  const lo = Math.max(0, Math.min(a, norm.text.length - 1));
  const hi = Math.max(lo + 1, Math.min(b, norm.text.length));
  if (b <= a) {
    const at = a < norm.text.length ? norm.starts[lo] : norm.ends[norm.text.length - 1];
    return [at, at];
  }
  return [norm.starts[lo], norm.ends[hi - 1]];
}

/** Remove pinyin annotations and stray HTML tags, keeping everything else as it is. */
export function stripAnnotations(s: string): string {
  const ranges = removedRanges(s);
  if (ranges.length === 0) return s;
  let out = '';
  let at = 0;
  for (const [a, b] of ranges) {
    if (a > at) out += s.slice(at, a);
    at = Math.max(at, b);
  }
  return out + s.slice(at);
}
