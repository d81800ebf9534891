/**
 * Ranking by shared words with MiniSearch: Chinese text as character bigrams (plus Latin
 * words), the English gloss as stemmed words. Used for paraphrases, English quotes and the
 * search box — not for locating spans (the bigram index does that).
 */
import MiniSearch from 'minisearch';
import { stripAnnotations, toSimplified } from './normalize';
import { englishTerms } from './english';

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
  terms: string[];
}

export class Ranker {
  private readonly zh: MiniSearch<RankDoc>;
  private readonly en: MiniSearch<RankDoc> | null;

  constructor(docs: RankDoc[]) {
    this.zh = new MiniSearch<RankDoc>({
      idField: 'index',
      fields: ['text'],
      tokenize: cjkTokens,
      processTerm: (t) => t,
      searchOptions: { tokenize: cjkTokens, processTerm: (t) => t },
    });
    this.zh.addAll(docs);
    const glossed = docs.filter((d) => d.gloss);
    if (glossed.length > 0) {
      this.en = new MiniSearch<RankDoc>({
        idField: 'index',
        fields: ['gloss'],
        tokenize: englishTerms,
        processTerm: (t) => t,
        searchOptions: { tokenize: englishTerms, processTerm: (t) => t },
      });
      this.en.addAll(glossed);
    } else this.en = null;
  }

  get hasGloss(): boolean {
    return this.en !== null;
  }

  /** Paragraphs sharing the most (weighted) bigrams and words with a Chinese query. */
  rankChinese(query: string, limit = 10): Ranked[] {
    return this.zh
      .search(query)
      .slice(0, limit)
      .map((r) => ({ index: r.id as number, score: r.score, terms: r.terms }));
  }

  /** Paragraphs whose gloss shares the most (weighted, stemmed) words with an English query. */
  rankEnglish(query: string, limit = 10): Ranked[] {
    if (!this.en) return [];
    return this.en
      .search(query, { prefix: (term) => term.length >= 6 })
      .slice(0, limit)
      .map((r) => ({ index: r.id as number, score: r.score, terms: r.terms }));
  }

  /** Approximate serialised size of the indexes, in bytes. */
  serializedSize(): number {
    return JSON.stringify(this.zh).length + (this.en ? JSON.stringify(this.en).length : 0);
  }
}
