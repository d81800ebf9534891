/**
 * The evaluation set through the real matcher (real transcript and gloss), with floors a little
 * below what was measured (see `npm run eval`). Invented or other-interview quotes must never
 * come out verbatim or altered.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate, loadCases, loadGloss, loadTranscript, type EvalReport } from '../../scripts/eval';
import { createMatcher } from '../../src/match/index';

let report: EvalReport;

beforeAll(() => {
  const transcript = loadTranscript();
  report = evaluate(createMatcher(transcript, loadGloss()), loadCases(undefined, transcript));
});

const group = (name: string) => {
  const g = report.groups.find((x) => x.kind === name);
  if (!g) throw new Error(`no evaluation group ${name}`);
  return g;
};
const rate = (a: number, n: number) => (n === 0 ? 1 : a / n);

describe('evaluation floors', () => {
  it('has the evaluation set (≥ 150 cases plus the samples)', () => {
    expect(report.outcomes.length).toBeGreaterThanOrEqual(160);
    expect(report.outcomes.filter((o) => o.c.source === 'sample-quotes').length).toBe(10);
  });

  it('never calls a quote the interview does not hold verbatim or altered', () => {
    expect(report.falseFound.map((o) => `${o.c.id}: ${o.result.verdict}`)).toEqual([]);
  });

  it('English quotes never come out verbatim or altered', () => {
    const en = report.outcomes.filter((o) => o.c.source === 'cases-en');
    expect(en.length).toBeGreaterThan(40);
    for (const o of en) expect(['related', 'not-found']).toContain(o.result.verdict);
  });

  it('finds CSDN wording verbatim, with speaker and paragraph (measured 100%)', () => {
    const g = group('zh verbatim');
    expect(rate(g.verdict, g.n)).toBeGreaterThanOrEqual(0.97);
    expect(rate(g.speaker, g.speakerN)).toBeGreaterThanOrEqual(0.97);
    expect(rate(g.top1, g.paragraphN)).toBeGreaterThanOrEqual(0.97);
  });

  it('calls altered quotes altered (measured 100%)', () => {
    const g = group('zh altered');
    expect(rate(g.verdict, g.n)).toBeGreaterThanOrEqual(0.93);
    expect(rate(g.top1, g.paragraphN)).toBeGreaterThanOrEqual(0.95);
  });

  it('finds independent renderings related (measured 80%)', () => {
    const g = group('zh related');
    expect(rate(g.verdict, g.n)).toBeGreaterThanOrEqual(0.72);
    expect(rate(g.top3, g.paragraphN)).toBeGreaterThanOrEqual(0.75);
  });

  it('says not-found for invented and other-interview quotes (measured 78%)', () => {
    expect(rate(group('zh not-found').verdict, group('zh not-found').n)).toBeGreaterThanOrEqual(0.7);
    expect(rate(group('en not-found').verdict, group('en not-found').n)).toBeGreaterThanOrEqual(0.9);
  });

  it('brings English quotes to the right passage through the gloss (measured 87%)', () => {
    const g = group('en related');
    expect(rate(g.verdict, g.n)).toBeGreaterThanOrEqual(0.8);
    expect(rate(g.top1, g.paragraphN)).toBeGreaterThanOrEqual(0.8);
    expect(rate(g.top3, g.paragraphN)).toBeGreaterThanOrEqual(0.8);
  });

  it('holds overall (measured 93%)', () => {
    expect(rate(report.total.verdict, report.total.n)).toBeGreaterThanOrEqual(0.88);
  });
});
