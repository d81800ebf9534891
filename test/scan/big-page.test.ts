import { describe, expect, it } from 'vitest';
import { bigArticle } from '../fixtures/big-article';
import { parseHtml } from '../../scripts/scan-lib';
import { findQuotes } from '../../src/scan/find';
import { collectBlocks, collectBlocksYielding } from '../../src/scan/dom-text';
import { findArticleRootYielding } from '../../src/scan/article-root';

describe('big pages: the finder yields and finds every quote place once', () => {
  it('1 MB, 300 quotes: the root by paragraph density (not one Readability pass), every quote and place, many yields', async () => {
    const big = bigArticle();
    expect(big.bytes).toBeGreaterThan(1_000_000);
    const { doc, close } = parseHtml(big.html);
    try {
      let pauses = 0;
      const r = await findQuotes(doc, { pause: () => void pauses++, chunk: 8 });
      expect(r.via).toBe('density');
      expect((r.root as Element).className).toBe('longread');
      expect(r.quotes.length).toBe(300);
      expect(r.quotes.reduce((n, q) => n + q.occurrences.length, 0)).toBe(big.places);
      const squash = (s: string) => s.replace(/[\s\p{P}]/gu, '');
      expect(r.quotes.map((q) => squash(q.text))).toEqual(big.labels.map((l) => squash(l.text)));
      // Yields while finding the root, while collecting blocks and between chunks of blocks.
      expect(pauses).toBeGreaterThan(r.blocks / 8);
      // Places never overlap.
      const spans = r.quotes.flatMap((q) => q.occurrences.map((o) => [o.articleStart, o.articleEnd])).sort((a, b) => a[0] - b[0]);
      for (let i = 1; i < spans.length; i++) expect(spans[i][0]).toBeGreaterThanOrEqual(spans[i - 1][1]);
    } finally {
      await close();
    }
  });

  it('an ordinary page still goes through Readability; the yielding walk gives the same blocks', async () => {
    const small = bigArticle({ quotes: 20, bytes: 60_000, seed: 10 });
    const { doc, close } = parseHtml(small.html);
    try {
      const root = await findArticleRootYielding(doc);
      expect(root.via).toBe('readability');
      let pauses = 0;
      const a = collectBlocks(root.root);
      const b = await collectBlocksYielding(root.root, () => void pauses++);
      expect(b.map((x) => x.text)).toEqual(a.map((x) => x.text));
      expect(pauses).toBeGreaterThan(0);
    } finally {
      await close();
    }
  });
});
