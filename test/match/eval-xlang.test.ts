/**
 * Floors for the cross-language route and honest `related` (issue 18), on the real dictionary,
 * the built-in transcript and the fixture interviews (`npm run eval` prints the tables). Cases
 * were split dev/held-out when written; the rules were tuned on dev only. Where the issue's
 * target is not met, the floor is the measured figure (a little below) and the target is named:
 * raising the figure is open work, lowering the floor hides a regression.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateXlang, inTop3, type XlangReport, type XOutcome } from '../../scripts/eval-xlang';

let report: XlangReport;

beforeAll(() => {
  report = evaluateXlang(fileURLToPath(new URL('../../', import.meta.url)));
}, 120_000);

const of = (pred: (o: XOutcome) => boolean) => report.outcomes.filter(pred);
const top3 = (os: XOutcome[]) => os.filter((o) => o.c.paragraph && inTop3(o.result, o.c.paragraph)).length / os.length;
const notRelated = (os: XOutcome[]) => os.filter((o) => o.result.verdict !== 'related').length / os.length;

describe('cross-language and honest related floors', () => {
  it('has the cases: ≥ 60 invented, ≥ 60 faithful, both languages, split in halves', () => {
    const invented = of((o) => o.c.expect === 'not-found');
    const faithful = of((o) => o.c.expect === 'related');
    expect(invented.length).toBeGreaterThanOrEqual(60);
    expect(faithful.length).toBeGreaterThanOrEqual(60);
    for (const os of [invented, faithful]) {
      expect(os.some((o) => /[\u4e00-\u9fff]/.test(o.c.text))).toBe(true);
      expect(os.some((o) => !/[\u4e00-\u9fff]/.test(o.c.text))).toBe(true);
      const held = os.filter((o) => o.c.split === 'heldout').length;
      expect(Math.abs(2 * held - os.length)).toBeLessThanOrEqual(6);
    }
  });

  it('never calls a quote verbatim or altered across languages, nor an invented one', () => {
    const bad = of((o) => (o.c.kind.startsWith('xlang-') || o.c.expect === 'not-found') && (o.result.verdict === 'verbatim' || o.result.verdict === 'altered'));
    expect(bad.map((o) => o.c.id)).toEqual([]);
    // cross-language passages are labelled so
    for (const o of of((o) => o.c.kind.startsWith('xlang-') && o.result.verdict === 'related')) {
      expect(o.result.matches.some((m) => m.crossLanguage)).toBe(true);
    }
  });

  it('Chinese quotes of an English source: right passage in the top 3 (target 60 %; measured 66.7 % all, 41.7 % held-out)', () => {
    expect(top3(of((o) => o.c.kind === 'xlang-zh-en'))).toBeGreaterThanOrEqual(0.6);
    expect(top3(of((o) => o.c.kind === 'xlang-zh-en' && o.c.split === 'heldout'))).toBeGreaterThanOrEqual(0.4);
  });

  it('English quotes of a Chinese source: right passage in the top 3 (target 75 %; measured 75 % all, 70 % held-out)', () => {
    expect(top3(of((o) => o.c.kind === 'xlang-en-zh'))).toBeGreaterThanOrEqual(0.75);
    expect(top3(of((o) => o.c.kind === 'xlang-en-zh' && o.c.split === 'heldout'))).toBeGreaterThanOrEqual(0.7);
  });

  it('invented quotes are not related (target 90 % held-out; measured 80 % held-out, 82.9 % all)', () => {
    const invented = of((o) => o.c.expect === 'not-found');
    expect(notRelated(invented)).toBeGreaterThanOrEqual(0.82);
    expect(notRelated(invented.filter((o) => o.c.split === 'heldout'))).toBeGreaterThanOrEqual(0.77);
    // across languages: measured 11/12 each way
    expect(notRelated(invented.filter((o) => o.c.kind.startsWith('xlang-')))).toBeGreaterThanOrEqual(0.9);
  });

  it('English quotes of the built-in transcript: right passage in the top 3 on the held-out half (target 85 %; measured 90 %)', () => {
    expect(top3(of((o) => o.c.kind === 'honest-paraphrase-en' && o.c.split === 'heldout'))).toBeGreaterThanOrEqual(0.85);
    expect(top3(of((o) => o.c.kind === 'honest-paraphrase-en'))).toBeGreaterThanOrEqual(0.9);
  });
});
