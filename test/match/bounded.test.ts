/**
 * Issue 17 item 5: a comparison ("says otherwise") is only against the matched stretch, never a
 * whole long paragraph (automatic captions have no sentence ends).
 */
import { describe, expect, it } from 'vitest';
import { boundSentence, boundSpan, MAX_STRETCH } from '../../src/match/bounded';
import { createMultiMatcher } from '../../src/sources/check-all';
import type { Source } from '../../src/sources/model';

// an invented automatic-caption line: lower case, no punctuation, thousands of characters
const FILLER = [
  'so we spent most of that year just trying to get the training runs to finish without falling over',
  'and the team kept a whiteboard of every failure which by the end was more of a mural',
  'people outside assume the hard part is the math and honestly the hard part is the plumbing',
  'you learn a lot about an organisation from how it handles a run that dies at three in the morning',
  'we got better at that slowly and then quite quickly once we stopped pretending it would not happen',
];
const TARGET = 'revenue grew about ten times in each of the last three years and i do not expect that to last forever';
const captionLine = [...FILLER, ...FILLER, ...FILLER, TARGET, ...FILLER, ...FILLER].join(' ');

function captions(): Source {
  return {
    schemaVersion: 1, id: 'auto', title: 'auto', language: 'en', kind: 'original', format: 'paste', speakers: [],
    sections: [{ id: 's0', title: '', paragraphIds: ['p001'] }],
    paragraphs: [{ id: 'p001', sectionId: 's0', kind: 'text', speakerId: null, turnId: null, text: captionLine }],
    addedAt: 0, enabled: true,
  };
}

describe('bounded comparisons', () => {
  it('boundSpan keeps short sentences and cuts long ones around the words, at spaces', () => {
    const text = 'word '.repeat(400);
    expect(boundSpan(text, 0, 40, 5, 10)).toEqual([0, 40]);
    const [a, b] = boundSpan(text, 0, text.length, 1000, 1020);
    expect(b - a).toBeLessThanOrEqual(MAX_STRETCH + 24);
    expect(a).toBeLessThanOrEqual(1000);
    expect(b).toBeGreaterThanOrEqual(1020);
    expect(text[a - 1]).toBe(' ');
  });

  it('boundSentence picks the window holding the query terms', () => {
    const s = boundSentence(captionLine, [{ term: 'revenu', weight: 2 }, { term: 'revenue', weight: 2 }, { term: 'grew', weight: 1 }, { term: 'three', weight: 1 }]);
    expect(s.length).toBeLessThanOrEqual(MAX_STRETCH + 40);
    expect(s).toContain('revenue grew about ten times');
  });

  it('a quote of a 2 400-character caption line, with another figure: any comparison is against a bounded stretch', () => {
    expect(captionLine.length).toBeGreaterThan(2000);
    const multi = createMultiMatcher([{ source: captions() }]);
    for (const q of [
      'revenue grew about fifty times in each of the last three years',
      'Revenue grew twenty times every year for three years, and I expect that to last forever.',
    ]) {
      const r = multi.check(q);
      const c = r.contradiction ?? r.matches.find((m) => m.contradiction)?.contradiction;
      // the reworded one (a figure and a negation reversed) is compared: against its stretch only
      if (q.startsWith('Revenue')) expect(c?.passage, q).toContain('revenue grew about ten times');
      if (c) expect(c.passage.length, q).toBeLessThanOrEqual(MAX_STRETCH + 40);
      for (const m of r.matches) if (m.contradiction) expect(m.end - m.start).toBeLessThanOrEqual(MAX_STRETCH + 40);
      // never a verdict of agreement for a changed figure
      expect(r.verdict, q).not.toBe('verbatim');
    }
  });
});
