/**
 * Issue 17 item 5: popup search ranks an exact phrase match first, whichever source holds it,
 * and every snippet marks the words that matched.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { builtinSource } from '../../src/sources/builtin';
import { createMultiMatcher, type MultiMatcher } from '../../src/sources/check-all';
import { heldShare, queryWords, searchRank } from '../../src/sources/search-rank';
import { matchedRanges, snippetParts } from '../../src/ui/search-snippet';
import { builtinGloss, builtinTranscript, sourceOf } from './fixtures';

let multi: MultiMatcher;
beforeAll(() => {
  const transcript = builtinTranscript();
  multi = createMultiMatcher([
    { source: builtinSource(transcript), transcript, gloss: builtinGloss() },
    { source: sourceOf('interview-en.txt', 'en-fixture') },
    { source: sourceOf('interview-zh-gbk.txt', 'zh-fixture') },
  ]);
});

describe('search across sources', () => {
  it('an exact English phrase comes first, above built-in passages that hold none of the typed words', () => {
    for (const q of ['benefits are enormous and the risks are real', 'take the risks seriously', 'spend so much time on the risks']) {
      const hits = multi.search(q, 8);
      expect(hits[0].source.id, q).toBe('en-fixture');
      expect(hits[0].text.toLowerCase()).toContain(q);
      // no Chinese passage without any typed word above an English passage holding some
      const words = queryWords(q);
      const firstEmpty = hits.findIndex((h) => heldShare(words, h.text) === 0);
      const lastHolding = hits.map((h) => heldShare(words, h.text) > 0).lastIndexOf(true);
      if (firstEmpty >= 0) expect(firstEmpty, q).toBeGreaterThan(lastHolding);
    }
  });

  it('an exact Chinese phrase in an imported source comes first too', () => {
    const hits = multi.search('预言末日', 5);
    expect(hits[0].source.id).toBe('zh-fixture');
  });

  it('the rank: exact phrase ≫ share of words held ≫ score', () => {
    expect(searchRank('the risks are real', 'and the risks are real.', 0)).toBeGreaterThan(searchRank('the risks are real', 'real risks, the are', 1));
    expect(searchRank('the risks are real', 'real risks, the are', 0)).toBeGreaterThan(searchRank('the risks are real', '风险是真实的', 1));
    // whole words only: "are" is not held by "area"
    expect(heldShare(['risks'], 'one risk here')).toBe(1);
    expect(heldShare(['doom'], 'a wide area')).toBe(0);
  });
});

describe('snippets mark the words that matched', () => {
  it('the phrase where the text has it, else each word, case folded', () => {
    const text = 'Honestly, I think the Risks are real and the benefits are large.';
    expect(matchedRanges(text, 'risks are real').map(([a, b]) => text.slice(a, b))).toEqual(['Risks are real']);
    expect(matchedRanges(text, 'large benefits').map(([a, b]) => text.slice(a, b))).toEqual(['benefits', 'large']);
    expect(matchedRanges(text, 'nothing here')).toEqual([]);
  });

  it('Chinese: runs of the query in either script', () => {
    const text = '我並不是在預言末日，我是說好處很大。';
    const marked = matchedRanges(text, '预言末日').map(([a, b]) => text.slice(a, b));
    expect(marked).toEqual(['預言末日']);
  });

  it('the snippet is centred on the first marked words of a long passage', () => {
    const text = `${'filler words that say nothing much '.repeat(20)}the exact phrase sits here${' and more filler'.repeat(10)}`;
    const parts = snippetParts(text, 'exact phrase', 90);
    expect(parts.some((p) => p.mark && p.text === 'exact phrase')).toBe(true);
    expect(parts[0].text).toBe('…');
    expect(parts.map((p) => p.text).join('').length).toBeLessThan(100);
  });
});

describe('snippets mark words of the same stem', () => {
  it('"intuition" is marked for "intuitions"; a stop word alone marks nothing new', () => {
    const text = 'Trust your intuition less than your notebook.';
    expect(matchedRanges(text, 'intuitions notebooks').map(([a, b]) => text.slice(a, b))).toEqual(['intuition', 'notebook']);
  });
});
