/** The section formatters of `npm run measure` (scripts/measure-lib.ts): targets, floors, axe tables. */
import { describe, expect, it } from 'vitest';
import {
  axeMarkdown,
  familiesMarkdown,
  groupFloorRows,
  mark,
  pairEvalMarkdown,
  pairsBenchMarkdown,
  parseAxeMarkdown,
  scanBenchMarkdown,
  scanEvalMarkdown,
  sourcesBenchMarkdown,
  type FamilyJson,
  type SourcesBenchJson,
} from '../../scripts/measure-lib';

const rowsOf = (md: string) => md.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| ---'));
const cellsOf = (line: string) => line.slice(2, -2).split(' | ');

describe('mark', () => {
  it('marks a met target, a missed one, and none', () => {
    expect([mark(true), mark(false), mark(null)]).toEqual(['✓', '✗', '']);
  });
});

describe('scanBenchMarkdown', () => {
  const row = (totalMs: number) => ({ page: 'feature-long', quotes: 60, findMs: 100, checkMs: totalMs - 100, totalMs, targetMs: 150 });
  it('passes only when every run met the target, and gives the range', () => {
    const ok = rowsOf(scanBenchMarkdown([[row(120)], [row(140)]]));
    expect(cellsOf(ok[1])).toEqual(['feature-long', '60', '100 ms', '20.0–40.0 ms', '120–140 ms', '≤ 150 ms', '✓']);
    const bad = rowsOf(scanBenchMarkdown([[row(120)], [row(160)]]));
    expect(cellsOf(bad[1]).at(-1)).toBe('✗');
  });
  it('says so when the section is missing', () => {
    expect(scanBenchMarkdown([])).toMatch(/No page-scan figures/);
  });
});

describe('pairsBenchMarkdown', () => {
  it('marks only the size that has a target', () => {
    const base = { originalChars: 62_763, originalParagraphs: 385, translationChars: 16_784, translationParagraphs: 316, cpuMs: 150, right: 308, of: 316 };
    const md = pairsBenchMarkdown([[{ ...base, targetChars: 60_000, wallMs: 620, targetMs: 500 }, { ...base, targetChars: 180_000, wallMs: 900, targetMs: null }]]);
    const rows = rowsOf(md).slice(1).map(cellsOf);
    expect(rows[0]).toEqual(['62,763 chars, 385 ¶', '16,784 chars, 316 ¶', '620 ms', '150 ms', '308/316', '≤ 500 ms', '✗']);
    expect(rows[1].slice(-2)).toEqual(['–', '']);
  });
});

describe('sourcesBenchMarkdown', () => {
  const run = (p95: number, coldSetup: number): SourcesBenchJson => ({
    sources: 50,
    perSource: [{ what: 'parse', medianMs: 10, maxMs: 20 }],
    sets: [{ set: 'exact zh', n: 10, verdicts: { verbatim: 10 }, rightSource: 10, medianMs: 1, p95Ms: p95, targetP95Ms: 2, askedMean: 1.5, naiveMedianMs: 30 }],
    cold: { readMs: 5, setupMs: coldSetup, answers: [{ ms: 10, verdict: 'verbatim' }] },
    coldNoSignatures: { readMs: 5, setupMs: 200, answers: [{ ms: 10, verdict: 'verbatim' }] },
    allBuiltMb: 290,
    multiMb: 25,
    targets: [{ what: 'exact zh p95 over all 50', value: p95, target: 2, unit: 'ms', ok: p95 <= 2 }],
  });
  it('fails a target when one run missed it, and sums set-up and first answer', () => {
    const md = sourcesBenchMarkdown([run(1.5, 40), run(2.5, 60)]);
    const target = rowsOf(md).find((l) => l.startsWith('| exact zh p95'))!;
    expect(cellsOf(target)).toEqual(['exact zh p95 over all 50', '1.50–2.50 ms', '≤ 2 ms', '✗']);
    const cold = rowsOf(md).find((l) => l.startsWith('| signatures stored'))!;
    expect(cellsOf(cold).at(-1)).toBe('50.0–70.0 ms');
  });
});

describe('eval floors', () => {
  const stats = (kind: string, n: number, verdict: number) => ({ kind, n, verdict, speakerN: 0, speaker: 0, paragraphN: 0, top1: 0, top3: 0 });
  it('marks groups against the floors of eval-floors.test.ts, and groups without a floor not at all', () => {
    const rows = groupFloorRows([stats('zh verbatim', 100, 96), stats('zh related', 10, 8), stats('en verbatim', 5, 5)], stats('total', 115, 109));
    expect(rows.map((r) => [r[0], r[3], r[4]])).toEqual([
      ['zh verbatim', '≥ 97.0 %', '✗'],
      ['zh related', '≥ 72.0 %', '✓'],
      ['en verbatim', '–', ''],
      ['all', '≥ 88.0 %', '✓'],
    ]);
  });
  const fam = (o: Partial<FamilyJson>): FamilyJson => ({ family: 'reversed', split: 'all', n: 20, verdict: 0, related: 0, verbatimOrAltered: 0, contradicted: 0, top3: 0, paragraphN: 20, turnFirst: 0, ...o });
  it('checks each issue-10 family on its own figure, on the all split only', () => {
    const md = familiesMarkdown([
      fam({ contradicted: 16 }),
      fam({ split: 'heldout', contradicted: 1 }),
      fam({ family: 'invented-names', n: 30, related: 2, verbatimOrAltered: 1 }),
      fam({ family: 'loose-paraphrase', top3: 14 }),
    ]);
    const last = rowsOf(md).slice(1).map((l) => cellsOf(l).at(-1));
    // reversed 80 % ✓; held-out has no mark; one invented quote called verbatim/altered fails; loose 70 % < 75 %
    expect(last).toEqual(['✓', '', '✗', '✗']);
  });
});

describe('scanEvalMarkdown and pairEvalMarkdown', () => {
  it('adds an all row with recall and precision over every page', () => {
    const md = scanEvalMarkdown([
      { page: 'a', expected: 10, found: 8, truePositives: 8, speakerOk: 8, sameAsHand: 8, asLabelled: 7 },
      { page: 'b', expected: 10, found: 12, truePositives: 10, speakerOk: 9, sameAsHand: 10, asLabelled: 10 },
    ]);
    expect(cellsOf(rowsOf(md).at(-1)!)).toEqual(['all', '20', '20', '90.0 %', '90.0 %', '94.4 %', '100.0 %', '94.4 %']);
  });
  it('marks the issue-13 pairing targets', () => {
    const x = (right: number, n: number) => ({ right, n });
    const md = pairEvalMarkdown({ paragraphs: x(31, 31), droppedParagraphs: x(4, 4), sentences: x(69, 72), counterparts: x(60, 72), droppedSentences: x(9, 12), ms: 100 });
    const marks = rowsOf(md).slice(1).map((l) => cellsOf(l).at(-1));
    expect(marks).toEqual(['✓', '', '', '✗', '']);
  });
});

describe('axe tables', () => {
  const file = [
    '| surface | critical | serious | moderate | minor | rules |',
    '|---|---|---|---|---|---|',
    '| card (en, light) | 0 | 0 | 0 | 0 | — |',
    '| popup (zh_CN, dark) | 0 | 2 | 1 | 0 | color-contrast (serious, 2), region (moderate, 1) |',
    '',
    '[{"surface": "card (en, light)", "violations": []}]',
  ].join('\n');
  it('reads surfaces and counts, not the JSON after the table', () => {
    const rows = parseAxeMarkdown('axe.md', file);
    expect(rows.map((r) => [r.surface, r.serious, r.moderate])).toEqual([
      ['card (en, light)', 0, 0],
      ['popup (zh_CN, dark)', 2, 1],
    ]);
  });
  it('summarises surfaces × violations', () => {
    const md = axeMarkdown(parseAxeMarkdown('axe.md', file));
    expect(md.split('\n')[0]).toBe('2 surfaces checked, 1 without violations; critical 0, serious 2, moderate 1, minor 0 (elements).');
    expect(axeMarkdown([])).toMatch(/No axe tables/);
  });
});
