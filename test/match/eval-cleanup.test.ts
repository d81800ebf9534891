/**
 * Floors for cleaned-up quotes and several-sentence selections (issue 18), through the real
 * multi-source check: the built-in transcript and two English fixture interviews. Each floor is
 * held on the dev and the held-out half separately.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateCleanup, type CleanupEvalReport } from '../../scripts/eval-cleanup';

let report: CleanupEvalReport;

beforeAll(() => {
  report = evaluateCleanup(process.cwd());
}, 60_000);

const fam = (family: string, split: 'dev' | 'heldout') => {
  const f = report.families.find((x) => x.family === family && x.split === split);
  if (!f || f.n === 0) throw new Error(`no cases for ${family}/${split}`);
  return f;
};
const ids = (family: string, pass: (o: CleanupEvalReport['outcomes'][number]) => boolean) =>
  report.outcomes.filter((o) => o.c.family === family && !pass(o)).map((o) => `${o.c.id}: ${o.result.verdict}`);

describe('cleaned-up quotes and sentence verdicts (floors)', () => {
  it('has every family in both halves', () => {
    for (const family of ['cleanup', 'changed', 'multi', 'stitched', 'numbers']) {
      expect(fam(family, 'dev').n).toBeGreaterThanOrEqual(5);
      expect(fam(family, 'heldout').n).toBeGreaterThanOrEqual(5);
    }
  });

  it('a cleaned-up quote is verbatim (≥ 90 % on each half)', () => {
    for (const split of ['dev', 'heldout'] as const) {
      const f = fam('cleanup', split);
      expect(f.ok / f.n).toBeGreaterThanOrEqual(0.9);
    }
  });

  it('a changed content word, a dropped negation or an omission without an ellipsis is never verbatim', () => {
    expect(ids('changed', (o) => o.result.verdict !== 'verbatim')).toEqual([]);
  });

  it('sentences stitched across speakers, turns or order are never verbatim', () => {
    expect(ids('stitched', (o) => o.result.verdict !== 'verbatim')).toEqual([]);
  });

  it('the counting headline is right (≥ 95 % on each half)', () => {
    for (const split of ['dev', 'heldout'] as const) {
      const f = fam('multi', split);
      expect(f.ok / f.n).toBeGreaterThanOrEqual(0.95);
    }
  });

  it('no top-level verdict is stronger than its sentences', () => {
    expect(report.outcomes.filter((o) => !o.honestTop).map((o) => o.c.id)).toEqual([]);
  });

  it('digits ↔ words and % ↔ percent are never a changed number', () => {
    expect(ids('numbers', (o) => o.ok)).toEqual([]);
  });
});
