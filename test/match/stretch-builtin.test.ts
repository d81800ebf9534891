/**
 * The built-in transcript: a quote over the line break between two paragraphs of one turn is
 * verbatim and carries both paragraphs (the card shows the stretch in either script); a quote
 * over the break between two turns is not one quote.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMatcher } from '../../src/match/index';
import { PARAGRAPH_JOIN, spanInParagraph } from '../../src/match/span';
import { buildScriptTables, toCardModel } from '../../src/view/model';
import type { Paragraph, Transcript } from '../../src/types';

const root = path.resolve(import.meta.dirname, '../..');
const transcript = JSON.parse(fs.readFileSync(path.join(root, 'data/transcript.json'), 'utf8')) as Transcript;
const tables = buildScriptTables(transcript);
const matcher = createMatcher(transcript);

/** Pairs of consecutive paragraphs: of one turn, or of two turns. */
function pairs(sameTurn: boolean): Array<[Paragraph, Paragraph]> {
  const out: Array<[Paragraph, Paragraph]> = [];
  const ps = transcript.paragraphs;
  for (let i = 0; i + 1 < ps.length; i++) {
    const [a, b] = [ps[i], ps[i + 1]];
    if (a.kind !== 'turn' || b.kind !== 'turn' || a.text.length < 20 || b.text.length < 20) continue;
    if ((a.turnId === b.turnId) === sameTurn) out.push([a, b]);
  }
  return out;
}

describe('built-in stretches', () => {
  it('a quote over two paragraphs of one turn: verbatim, both paragraphs, the passage joins them', () => {
    const cases = pairs(true);
    expect(cases.length).toBeGreaterThan(5);
    for (const [a, b] of cases.slice(0, 12)) {
      const quote = a.text.slice(-12) + b.text.slice(0, 12);
      const r = matcher.check(quote);
      expect(r.verdict, quote).toBe('verbatim');
      const m = r.matches[0];
      expect(m.spans?.map((s) => s.paragraphId), quote).toEqual([a.id, b.id]);
      expect(m.passage).toBe(a.text + PARAGRAPH_JOIN + b.text);
      // the paragraph holding most of it keeps its own offsets for the pairing and the page
      const own = spanInParagraph(m);
      const ownText = (m.paragraphId === a.id ? a : b).text;
      expect(own.end).toBeLessThanOrEqual(ownText.length);
      // Simplified on the card: the paragraphs' own Simplified texts, offsets kept
      const card = toCardModel(r, { transcript, tables, setting: 'simplified' }).matches[0];
      if (a.simplified.length === a.text.length && b.simplified.length === b.text.length) {
        expect(card.passage).toBe(a.simplified + PARAGRAPH_JOIN + b.simplified);
      }
      expect(card.spans).toEqual(m.spans);
    }
  });

  it('a quote over the break between two turns is never verbatim or altered as one quote', () => {
    const cases = pairs(false);
    expect(cases.length).toBeGreaterThan(5);
    for (const [a, b] of cases.slice(0, 12)) {
      const quote = a.text.slice(-12) + b.text.slice(0, 12);
      const r = matcher.check(quote);
      if (!r.segments) {
        expect(['verbatim', 'altered'], quote).not.toContain(r.verdict);
      }
      for (const m of r.matches) expect(m.spans ?? []).toHaveLength(0);
    }
  });
});
