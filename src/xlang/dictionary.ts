/**
 * The bilingual term maps of the cross-language check (reduced CC-CEDICT, built by
 * scripts/build-dictionary.ts): Chinese word → English search terms in tiers, English term →
 * Chinese words. The shipped JSON is only parsed; a key's terms are split on first use, so
 * loading costs one JSON.parse.
 */
import { englishTerms } from '../match/english';

/** Where the reduced dictionary is shipped (public/ → the extension's root). */
export const DICTIONARY_FILE = 'public/xlang/cedict-terms.json';
export const DICTIONARY_URL = '/xlang/cedict-terms.json';

export interface DictionaryData {
  about: {
    name: string;
    publisher: string;
    license: string;
    date: string;
    entries: number;
    from: string;
    attribution: string;
    /** The stems of STEMMER_PROBE when the file was built: a changed stemmer needs a rebuild. */
    stemmer: string;
    probe: number;
  };
  /**
   * Lines `key\tvalue`, sorted by key (UTF-16 order), looked up by binary search: one string to
   * parse, no object of a hundred thousand keys to build. Simplified key (Traditional folded per
   * character) → "term term|term|term": tiers by sense order.
   */
  zh: string;
  /** The same, stemmed English term → "词语 词语|字 字": words best first, then single characters. */
  en: string;
}

export interface WeightedAlt {
  term: string;
  weight: number;
}

/** Words whose stems pin down the stemmer the term maps were built with. */
export const STEMMER_PROBE = [
  'growing', 'companies', 'models', 'safety', 'scaling', 'biology', 'biological', 'researchers', 'countries',
  'geniuses', 'revenue', 'tenfold', 'chips', 'regulation', 'exponential', 'dangerous', 'believed', 'faster',
];

export function stemmerFingerprint(): string {
  return STEMMER_PROBE.map((w) => englishTerms(w).join('+')).join(' ');
}

const TIER = [1, 0.75, 0.55];
/** Chinese words of the English map, by rank: the first few are the usual translations. */
const SINGLE = 0.6;
const RANK = [1, 0.9, 0.8, 0.7, 0.65, 0.6, 0.55, 0.5, 0.5, 0.5];

export class Dictionary {
  readonly about: DictionaryData['about'];
  /** Longest Chinese key, in characters (bounds the segmenter's look-ahead). */
  readonly maxKey: number;
  private readonly zhRaw: SortedLines;
  private readonly enRaw: SortedLines;
  private readonly zhCache = new Map<string, WeightedAlt[]>();
  private readonly enCache = new Map<string, WeightedAlt[]>();

  constructor(data: DictionaryData) {
    if (!data || typeof data !== 'object' || typeof data.zh !== 'string' || typeof data.en !== 'string') throw new Error('not a Verbatim dictionary file');
    this.about = data.about;
    this.zhRaw = new SortedLines(data.zh);
    this.enRaw = new SortedLines(data.en);
    this.maxKey = 4;
  }

  hasZh(word: string): boolean {
    return this.zhRaw.get(word) !== undefined;
  }

  /** Keys of each map (tests, bench). */
  get size(): { zh: number; en: number } {
    return { zh: this.zhRaw.length, en: this.enRaw.length };
  }

  /** English terms of a Chinese (Simplified) word, weighted by sense order. */
  english(word: string): WeightedAlt[] {
    let out = this.zhCache.get(word);
    if (out) return out;
    out = [];
    const raw = this.zhRaw.get(word) ?? '';
    raw.split('|').forEach((tier, i) => {
      for (const term of tier.split(' ')) if (term) out!.push({ term, weight: TIER[Math.min(i, TIER.length - 1)] });
    });
    this.zhCache.set(word, out);
    return out;
  }

  /** Chinese words (two characters or more) for a stemmed English term, best first. */
  chinese(term: string): WeightedAlt[] {
    let out = this.enCache.get(term);
    if (out) return out;
    const raw = this.enRaw.get(term) ?? '';
    const [words = '', singles = ''] = raw.split('|');
    out = words
      .split(' ')
      .filter(Boolean)
      .map((w, i) => ({ term: w, weight: RANK[Math.min(i, RANK.length - 1)] }));
    // one character proves less than a word
    for (const w of singles.split(' ')) if (w) out.push({ term: w, weight: SINGLE });
    this.enCache.set(term, out);
    return out;
  }
}

/** A parsed dictionary from the shipped JSON (text or already parsed). */
export function parseDictionary(json: string | DictionaryData): Dictionary {
  return new Dictionary(typeof json === 'string' ? (JSON.parse(json) as DictionaryData) : json);
}

/** `key\tvalue` lines sorted by key, searched in place. */
export class SortedLines {
  private readonly text: string;
  private readonly starts: Int32Array;
  /** Keys looked up before, found or not (the segmenter asks for the same few again and again). */
  private readonly memo = new Map<string, string | undefined>();

  constructor(text: string) {
    this.text = text;
    let n = text.length > 0 ? 1 : 0;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
    this.starts = new Int32Array(n);
    let k = 0;
    if (n > 0) this.starts[k++] = 0;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts[k++] = i + 1;
  }

  get length(): number {
    return this.starts.length;
  }

  /** Sign of (key of line i) − key, in UTF-16 order, without slicing (lookups are hot). */
  private compareAt(i: number, key: string): number {
    let a = this.starts[i];
    for (let j = 0; ; j++, a++) {
      const c = this.text.charCodeAt(a);
      const lineEnded = c === 9 || Number.isNaN(c);
      if (j === key.length) return lineEnded ? 0 : 1;
      if (lineEnded) return -1;
      const d = c - key.charCodeAt(j);
      if (d !== 0) return d;
    }
  }

  get(key: string): string | undefined {
    if (this.memo.has(key)) return this.memo.get(key);
    let lo = 0;
    let hi = this.starts.length - 1;
    let found: string | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const cmp = this.compareAt(mid, key);
      if (cmp === 0) {
        const a = this.starts[mid] + key.length + 1;
        const end = mid + 1 < this.starts.length ? this.starts[mid + 1] - 1 : this.text.length;
        found = this.text.slice(a, end);
        break;
      }
      if (cmp < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    if (this.memo.size > 50_000) this.memo.clear();
    this.memo.set(key, found);
    return found;
  }
}
