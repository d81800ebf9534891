/**
 * Word-level normalisation for sources in Latin-script languages (an English transcript).
 *
 * Each word becomes ONE UTF-16 unit (a code from a vocabulary built over the source), so the
 * exact pass, the positional bigram index, the Myers aligner and the diff — all written for
 * characters — work on words unchanged: an edit is a changed, added or dropped word, and a
 * difference never splits a word into letters. The result has the `NormalizedText` shape, with
 * each unit mapped back to its word's span in the original string.
 *
 * Folded: case, width (NFKC), curly apostrophes, punctuation, whitespace and dashes (a hyphen
 * splits `well-known` into two words on both sides), thousands separators in numbers. Han
 * characters, should a Latin source hold any, are one word each.
 */
import type { NormalizedText } from './normalize';

/** A word: letters/digits, joined by apostrophes inside words and by . or , inside numbers. */
const WORD = /[\p{L}\p{M}\p{N}]+(?:(?:['’‘ʼ](?=[\p{L}])|[.,](?=\p{N}))[\p{L}\p{M}\p{N}]+)*/gu;
const HAN = /[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]/u;

/** Codes given to source words: everything above Latin-1 but the surrogates, and not U+F000 up. */
const FIRST_CODE = 0x0100;
const LAST_SOURCE_CODE = 0xefff;
/** Query words the source does not have get codes from here, fresh for each query. */
const FIRST_QUERY_CODE = 0xf000;
const LAST_QUERY_CODE = 0xfffd;
/** Source words past the vocabulary's capacity: never equal to any query word. */
const OVERFLOW_CODE = 0x00ff;

export function wordKey(raw: string): string {
  let w = raw.normalize('NFKC').toLowerCase().replace(/[’‘ʼ]/g, "'");
  if (/^\d[\d,.]*$/.test(w)) w = w.replace(/,(?=\d{3}\b)/g, '');
  return w;
}

/** The words of `s` with their offsets (Han characters one word each). */
export function wordSpans(s: string): Array<{ key: string; start: number; end: number }> {
  const out: Array<{ key: string; start: number; end: number }> = [];
  for (const m of s.matchAll(WORD)) {
    const text = m[0];
    const at = m.index ?? 0;
    if (!HAN.test(text)) {
      out.push({ key: wordKey(text), start: at, end: at + text.length });
      continue;
    }
    // split Han characters off as words of their own
    let i = 0;
    let runStart = -1;
    const flush = (end: number) => {
      if (runStart >= 0) out.push({ key: wordKey(text.slice(runStart, end)), start: at + runStart, end: at + end });
      runStart = -1;
    };
    while (i < text.length) {
      const cp = text.codePointAt(i) as number;
      const w = cp > 0xffff ? 2 : 1;
      const ch = text.slice(i, i + w);
      if (HAN.test(ch)) {
        flush(i);
        out.push({ key: ch, start: at + i, end: at + i + w });
      } else if (runStart < 0) runStart = i;
      i += w;
    }
    flush(text.length);
  }
  return out;
}

export class WordCoder {
  private readonly codes = new Map<string, string>();
  private next = FIRST_CODE;

  /** Code of a source word, assigning one on first sight. */
  private sourceCode(key: string): string {
    let c = this.codes.get(key);
    if (c === undefined) {
      if (this.next > LAST_SOURCE_CODE) return String.fromCharCode(OVERFLOW_CODE);
      if (this.next === 0xd800) this.next = 0xe000;
      c = String.fromCharCode(this.next++);
      this.codes.set(key, c);
    }
    return c;
  }

  get vocabulary(): number {
    return this.codes.size;
  }

  /** The source words in the order they got their codes (to store; `restore` gives them the same codes). */
  get words(): string[] {
    return [...this.codes.keys()];
  }

  static restore(words: string[]): WordCoder {
    const coder = new WordCoder();
    for (const w of words) coder.sourceCode(w);
    return coder;
  }

  /** Normalise a source paragraph, growing the vocabulary. */
  source(s: string): NormalizedText {
    return encode(s, (k) => this.sourceCode(k));
  }

  /** Normalise a query: known words get their code, unknown ones a fresh code of their own. */
  query(s: string): NormalizedText {
    const fresh = new Map<string, string>();
    let next = FIRST_QUERY_CODE;
    return encode(s, (k) => {
      const known = this.codes.get(k);
      if (known !== undefined) return known;
      let c = fresh.get(k);
      if (c === undefined) {
        // past the reserve (a query of > 4000 distinct unknown words) codes repeat: unknown
        // words then equal each other, never a source word
        c = String.fromCharCode(next > LAST_QUERY_CODE ? LAST_QUERY_CODE : next++);
        fresh.set(k, c);
      }
      return c;
    });
  }
}

function encode(s: string, code: (key: string) => string): NormalizedText {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (const w of wordSpans(s)) {
    text += code(w.key);
    starts.push(w.start);
    ends.push(w.end);
  }
  return { source: s, text, starts, ends };
}

/** Is `language` (BCP 47) written in Han characters (Chinese, Japanese kanji)? */
export function isHanLanguage(language: string): boolean {
  return /^(zh|ja|yue|lzh|wuu|hak|nan|gan|cmn)(-|$)/i.test(language.trim());
}
