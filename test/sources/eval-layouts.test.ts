/**
 * The layouts evaluation (issue 17, `npm run eval`, section "Layouts") with its floors: each
 * layout's invented interview parsed from its file and checked through the multi-source check.
 * Floors hold on the dev and the held-out split alike.
 */
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateLayouts, loadLayoutCases, type LayoutRow, type LayoutsReport } from '../../scripts/eval-layouts';

const ROOT = resolve(__dirname, '../..');
let report: LayoutsReport;
beforeAll(() => {
  report = evaluateLayouts(ROOT);
}, 120_000);

const row = (layout: string, split: LayoutRow['split']): LayoutRow => {
  const r = report.rows.find((x) => x.layout === layout && x.split === split);
  if (!r) throw new Error(`no row ${layout}/${split}`);
  return r;
};
const rate = (a: number, n: number) => (n === 0 ? 1 : a / n);

describe('layouts evaluation', () => {
  it('has at least 12 quotes per layout, a third held out, every kind of quote', () => {
    const cases = loadLayoutCases(ROOT);
    const layouts = [...new Set(cases.map((c) => c.layout))];
    expect(layouts.length).toBeGreaterThanOrEqual(9);
    for (const l of layouts) {
      const mine = cases.filter((c) => c.layout === l);
      expect(mine.length).toBeGreaterThanOrEqual(12);
      expect(mine.filter((c) => c.split === 'heldout').length).toBeGreaterThanOrEqual(Math.floor(mine.length / 3));
      expect(new Set(mine.map((c) => c.kind))).toEqual(new Set(['exact', 'line', 'para', 'altered', 'other', 'absent']));
    }
  });

  it('reads every file in the layout it was written in', () => {
    for (const r of report.rows.filter((x) => x.split === 'all' && x.layout !== 'all')) {
      const expected: Record<string, string> = { 'generic-speakers': 'name-time-line', 'qa-labels': 'labels' };
      expect(r.detected, r.layout).toBe(expected[r.layout] ?? r.layout);
    }
  });

  for (const split of ['dev', 'heldout'] as const) {
    it(`${split}: verbatim ≥ 97 %, altered ≥ 85 %, speaker ≥ 95 %`, () => {
      const all = row('all', split);
      expect(rate(all.verbatim, all.verbatimN)).toBeGreaterThanOrEqual(0.97);
      expect(rate(all.altered, all.alteredN)).toBeGreaterThanOrEqual(0.85);
      expect(rate(all.speaker, all.speakerN)).toBeGreaterThanOrEqual(0.95);
    });

    // the match's own time: the start of the cue or timed stretch where the quote begins
    it(`${split}: time within 2 s ≥ 95 %`, () => {
      const all = row('all', split);
      expect(all.timeN).toBeGreaterThan(0);
      expect(rate(all.time, all.timeN)).toBeGreaterThanOrEqual(0.95);
    });
  }

  it('parse side of time at the quote: within a paragraph, its `times` give the second the quote starts (±2 s)', () => {
    // quotes across two paragraphs start in the one before the match's: the matcher's part (span)
    for (const split of ['dev', 'heldout'] as const) {
      const timed = report.outcomes.filter((o) => o.timesOk !== null && o.c.kind !== 'para' && o.c.split === split);
      expect(timed.length).toBeGreaterThan(10);
      expect(timed.filter((o) => !o.timesOk).map((o) => o.c.id)).toEqual([]);
    }
  });

  it('never calls an absent quote verbatim or altered, in any layout', () => {
    for (const r of report.rows) expect(r.falseFound, `${r.layout}/${r.split}`).toBe(0);
  });

  it('names the speaker as the file does, and no one when the file names no one', () => {
    const unnamed = report.outcomes.filter((o) => o.c.speakerName === null && o.c.expect !== 'not-found');
    expect(unnamed.length).toBeGreaterThan(0);
    for (const o of unnamed) if (o.fromSource) expect(o.result.matches[0].speakerName, o.c.id).toBeUndefined();
  });
});
