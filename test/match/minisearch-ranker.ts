/**
 * The ranker the matcher used before `src/match/term-index.ts`: MiniSearch over the same
 * tokens. Kept as the reference the term index must agree with (test/match/term-index.test.ts)
 * and as the "MiniSearch alone" baseline of `npm run bench`.
 */
import MiniSearch from 'minisearch';
import { cjkTokens, type RankDoc, type Ranked } from '../../src/match/rank';
import { englishTerms } from '../../src/match/english';

export class MiniSearchRanker {
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
      .map((r) => ({ index: r.id as number, score: r.score }));
  }

  /** Paragraphs whose gloss shares the most (weighted, stemmed) words with an English query. */
  rankEnglish(query: string, limit = 10): Ranked[] {
    if (!this.en) return [];
    return this.en
      .search(query, { prefix: (term) => term.length >= 6 })
      .slice(0, limit)
      .map((r) => ({ index: r.id as number, score: r.score }));
  }

  /** Approximate serialised size of the indexes, in bytes. */
  serializedSize(): number {
    return JSON.stringify(this.zh).length + (this.en ? JSON.stringify(this.en).length : 0);
  }
}
