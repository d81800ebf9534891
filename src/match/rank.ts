/**
 * Ranking by shared words (BM25 over a term index, `term-index.ts`): Chinese text as character
 * bigrams (plus Latin words), the English gloss as stemmed words. Used for paraphrases, English
 * quotes and the search box — not for locating spans (the bigram index does that). The index
 * is stored with a reader's source and loaded from there (`RankerData`).
 */
import { stripAnnotations, toSimplified } from './normalize';
import { englishTerms } from './english';
import { TERM_INDEX_FORMAT, TermIndex, isTermIndexData, type TermIndexData } from './term-index';

const HAN_RUN = /[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]+|[\p{L}\p{N}]+/gu;
const IS_HAN = /^[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]/u;

/**
 * CJK tokens: each run of Han characters gives its character bigrams (a lone character gives
 * itself); other letters and digits give lower-cased words. Script and width are folded.
 */
export function cjkTokens(text: string): string[] {
  const s = toSimplified(stripAnnotations(text).normalize('NFKC').toLowerCase());
  const out: string[] = [];
  for (const m of s.matchAll(HAN_RUN)) {
    const run = m[0];
    if (IS_HAN.test(run)) {
      if (run.length === 1) out.push(run);
      for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
    } else out.push(run);
  }
  return out;
}

export interface RankDoc {
  /** Paragraph index in the transcript. */
  index: number;
  text: string;
  gloss?: string;
}

export interface Ranked {
  index: number;
  score: number;
}

/** What a ranker stores with its source (`TermIndexData` for the text and for the English words). */
export interface RankerData {
  format: number;
  /** `rankFingerprint` of the documents it was built from: a stored index of other text is not used. */
  fingerprint: string;
  zh: TermIndexData;
  en: TermIndexData | null;
}

/** Is `x` a stored ranker of the current format, whole? (Anything else is rebuilt.) */
export function isRankerData(x: unknown): x is RankerData {
  if (!x || typeof x !== 'object') return false;
  const d = x as Partial<RankerData>;
  return d.format === TERM_INDEX_FORMAT && typeof d.fingerprint === 'string' && isTermIndexData(d.zh) && (d.en === null || isTermIndexData(d.en));
}

/** A hash of what a ranker is built from (every text and gloss, in order): cheap next to building. */
export function rankFingerprint(docs: RankDoc[]): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  const feed = (s: string) => {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
    }
    h1 = Math.imul(h1 ^ 0xffff, 0x01000193);
  };
  for (const d of docs) {
    feed(d.text);
    feed(d.gloss ?? '');
  }
  return `${docs.length}:${(h1 >>> 0).toString(36)}:${(h2 >>> 0).toString(36)}`;
}

export class Ranker {
  private readonly zh: TermIndex;
  private readonly en: TermIndex | null;
  readonly fingerprint: string;

  /** Index the paragraphs (the text as bigrams and words, the English words where given). */
  static build(docs: RankDoc[]): Ranker {
    const zh = TermIndex.build(
      docs.map((d) => ({ id: d.index, text: d.text })),
      cjkTokens,
    );
    const glossed = docs.filter((d) => d.gloss);
    const en = glossed.length > 0 ? TermIndex.build(glossed.map((d) => ({ id: d.index, text: d.gloss })), englishTerms) : null;
    return new Ranker({ format: TERM_INDEX_FORMAT, fingerprint: rankFingerprint(docs), zh: zh.data, en: en?.data ?? null });
  }

  /** A ranker from its stored form; throws when it is not whole or of another format. */
  constructor(data: RankerData) {
    if (!isRankerData(data)) throw new Error('not a stored ranker of the current format');
    this.fingerprint = data.fingerprint;
    this.zh = new TermIndex(data.zh);
    this.en = data.en ? new TermIndex(data.en) : null;
  }

  /** The form to store with the source (typed arrays: IndexedDB keeps them as they are). */
  get data(): RankerData {
    return { format: TERM_INDEX_FORMAT, fingerprint: this.fingerprint, zh: this.zh.data, en: this.en?.data ?? null };
  }

  get hasGloss(): boolean {
    return this.en !== null;
  }

  /** Paragraphs sharing the most (weighted) bigrams and words with a Chinese query. */
  rankChinese(query: string, limit = 10): Ranked[] {
    return this.zh.search(cjkTokens(query), limit).map((r) => ({ index: r.id, score: r.score }));
  }

  /** Paragraphs whose gloss shares the most (weighted, stemmed) words with an English query. */
  rankEnglish(query: string, limit = 10): Ranked[] {
    if (!this.en) return [];
    return this.en.search(englishTerms(query), limit, { prefix: (term) => term.length >= 6 }).map((r) => ({ index: r.id, score: r.score }));
  }

  /** Bytes of the stored form. */
  serializedSize(): number {
    return this.zh.byteSize + (this.en ? this.en.byteSize : 0);
  }
}
