/**
 * Cost of cleanup-aware matching (issue 18): the one-off tokenising of a source into turns, and
 * the extra pass a quote that is not verbatim as it stands goes through (`checkCleanup`), over the
 * evaluation's quotes against the built-in transcript; and whole checks of the cleaned-up cases
 * through the multi-source check (built-in + two English fixtures).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkCleanup } from '../src/match/cleanup';
import { MatchContext } from '../src/match/context';
import { cleanupMatcher, loadCleanupCases } from '../scripts/eval-cleanup';
import { loadGloss, loadTranscript } from '../scripts/eval-core';

export interface CleanupBench {
  regionsMs: number;
  pass: { n: number; p50Ms: number; p95Ms: number; maxMs: number };
  check: { n: number; p50Ms: number; p95Ms: number; maxMs: number };
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};
const stats = (xs: number[]) => ({ n: xs.length, p50Ms: pct(xs, 50), p95Ms: pct(xs, 95), maxMs: Math.max(0, ...xs) });

export function cleanupBenchData(root: string): CleanupBench {
  const ctx = new MatchContext(loadTranscript(root), loadGloss(root));
  const quotes = readFileSync(resolve(root, 'test/eval/cases.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => String((JSON.parse(l) as { text: string }).text));
  let t0 = performance.now();
  checkCleanup(ctx, '我认为唯一真实的东西,就是那条指数曲线。');
  const regionsMs = performance.now() - t0;
  const pass: number[] = [];
  for (const q of quotes) {
    t0 = performance.now();
    checkCleanup(ctx, q);
    pass.push(performance.now() - t0);
  }
  const multi = cleanupMatcher(root);
  const cases = loadCleanupCases(root);
  for (const c of cases.slice(0, 5)) multi.check(c.text);
  const check: number[] = [];
  for (const c of cases) {
    t0 = performance.now();
    multi.check(c.text);
    check.push(performance.now() - t0);
  }
  return { regionsMs, pass: stats(pass), check: stats(check) };
}

export function formatCleanupBench(b: CleanupBench): string {
  const f = (x: number) => `${x.toFixed(2)} ms`;
  return [
    '\n## Cleanup-aware matching (issue 18)',
    `built-in transcript cut into turns and tokens, once: ${f(b.regionsMs)}`,
    `cleanup pass over ${b.pass.n} evaluation quotes: p50 ${f(b.pass.p50Ms)}, p95 ${f(b.pass.p95Ms)}, max ${f(b.pass.maxMs)}`,
    `whole check of ${b.check.n} cleaned-up/multi-sentence cases (3 sources): p50 ${f(b.check.p50Ms)}, p95 ${f(b.check.p95Ms)}, max ${f(b.check.maxMs)}`,
  ].join('\n');
}
