import { describe, expect, it } from 'vitest';
import { SEP, buildCorpus, paragraphAt, paragraphForSpan } from '../../src/match/corpus';
import { fixture } from './fixture';

describe('corpus', () => {
  const c = buildCorpus(fixture);

  it('joins the paragraphs of a turn directly and separates blocks', () => {
    const p4 = c.paragraphs[3];
    const p5 = c.paragraphs[4];
    expect(p4.block).toBe(p5.block);
    expect(p5.start).toBe(p4.end);
    const p6 = c.paragraphs[5];
    expect(c.text[p6.start - 1]).toBe(SEP);
    expect(c.blocks.length).toBe(6);
  });

  it('finds the paragraph at a position and the one covering most of a span', () => {
    const p5 = c.paragraphs[4];
    expect(paragraphAt(c, p5.start).paragraph.id).toBe('p005');
    expect(paragraphAt(c, p5.start - 1).paragraph.id).toBe('p004');
    expect(paragraphForSpan(c, p5.start - 2, p5.start + 10).paragraph.id).toBe('p005');
    expect(paragraphForSpan(c, p5.start - 10, p5.start + 2).paragraph.id).toBe('p004');
    expect(c.sectionTitles.get('s2')).toBe('謊言');
  });
});
