/** Floors of the page-scan evaluation (npm run eval prints the details), and the CLI contract. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createMatcher } from '../../src/match/index';
import { loadGloss, loadTranscript } from '../../scripts/eval-core';
import { evaluateScan, scanTotals } from '../../scripts/scan-eval';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('page scan evaluation', () => {
  let result: Awaited<ReturnType<typeof evaluateScan>> | null = null;
  const run = async () => {
    if (!result) {
      const matcher = createMatcher(loadTranscript(), loadGloss());
      result = await evaluateScan((t) => matcher.check(t));
    }
    return result;
  };
  it('recall ≥ 95 %, precision ≥ 90 %, page speaker ≥ 90 %, verdicts as when selected by hand ≥ 95 %', async () => {
    const { pages } = await run();
    const sum = (f: (p: (typeof pages)[number]) => number) => pages.reduce((n, p) => n + f(p), 0);
    const expected = sum((p) => p.expected);
    const found = sum((p) => p.found);
    const tp = sum((p) => p.truePositives);
    expect(pages.length).toBeGreaterThanOrEqual(6);
    expect(expected).toBeGreaterThan(150);
    expect(tp / expected).toBeGreaterThanOrEqual(0.95);
    expect(tp / found).toBeGreaterThanOrEqual(0.9);
    expect(sum((p) => p.speakerOk) / tp).toBeGreaterThanOrEqual(0.9);
    expect(sum((p) => p.sameAsHand) / tp).toBeGreaterThanOrEqual(0.95);
    // Never a verbatim/altered verdict for a quote labelled as not in the interview.
    for (const p of pages) for (const d of p.labelDiff) if (d.label.verdict === 'not-found') expect(['related', 'not-found']).toContain(d.scan);
  }, 120_000);

  // Issue 19: 24 articles written the way the press writes (press/), split dev / held-out before tuning.
  // The held-out floor is what the rules reached without looking at it (84 %, not the 90 %).
  it('press set: 24 pages of 1 500+ words; held-out page speaker ≥ 84 %, dev ≥ 95 %; recall ≥ 95 %, precision ≥ 85 %', async () => {
    const { press } = await run();
    const dev = scanTotals(press.filter((p) => p.split === 'dev'));
    const held = scanTotals(press.filter((p) => p.split === 'heldout'));
    expect(dev.pages).toBe(12);
    expect(held.pages).toBe(12);
    expect(held.expected).toBeGreaterThan(150);
    expect(held.speaker).toBeGreaterThanOrEqual(0.84);
    expect(dev.speaker).toBeGreaterThanOrEqual(0.95);
    for (const t of [dev, held]) {
      expect(t.recall).toBeGreaterThanOrEqual(0.95);
      expect(t.precision).toBeGreaterThanOrEqual(0.85);
      expect(t.sameAsHand).toBeGreaterThanOrEqual(0.95);
    }
    // Never a verbatim/altered verdict for a quote labelled as not in the interview.
    for (const p of press) for (const d of p.labelDiff) if (d.label.verdict === 'not-found') expect(['related', 'not-found']).toContain(d.scan);
  }, 180_000);
});

describe('npm run scan', () => {
  it('prints one JSON line per quote, from a file or from standard input', () => {
    const file = resolve(ROOT, 'test/fixtures/pages/scan/news-zh-hans.html');
    const run = (args: string[], input?: string) =>
      execFileSync(process.execPath, ['--import', 'tsx', resolve(ROOT, 'scripts/scan.ts'), ...args], { cwd: ROOT, input, encoding: 'utf8' })
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
    const lines = run([file]);
    expect(lines.length).toBe(11);
    expect(lines[0]).toMatchObject({ quote: '我认为唯一真实的东西,就是那条指数曲线。', pageSpeaker: 'amodei', verdict: 'verbatim' });
    expect(lines[0].matches[0]).toMatchObject({ speaker: 'amodei', paragraphId: 'p030' });
    expect(lines[0].end - lines[0].start).toBe(lines[0].quote.length);
    const host = lines.find((l) => l.quote.includes('入门级白领'));
    expect(host).toMatchObject({ pageSpeaker: 'amodei', verdict: 'verbatim', matches: [{ speaker: 'host' }] });
    expect(run(['-'], readFileSync(file, 'utf8'))).toEqual(lines);
  }, 60_000);
});
