/**
 * The page-scan section of `npm run bench`: the long features (English ~10 000 words, Simplified
 * ~21 000 characters, 60 quotes each) found and checked in Node. Finding runs on happy-dom here
 * (slower than a browser's DOM); the browser figure, with marks painted, is in the e2e run
 * (test-results/scan-measurements.json).
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Matcher } from '../src/match/index';
import { findQuotes } from '../src/scan/find';
import { parseHtml } from '../scripts/scan-lib';

const PAGES = resolve(dirname(fileURLToPath(import.meta.url)), '../test/fixtures/pages/scan');
const RUNS = 7;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export interface ScanBenchRow {
  page: string;
  quotes: number;
  findMs: number;
  checkMs: number;
  totalMs: number;
  targetMs: number;
}

export const SCAN_TARGET_MS = 150;

/** The timings, as data (text and `npm run measure` format them). */
export async function benchScanData(matcher: Matcher): Promise<ScanBenchRow[]> {
  const rows: ScanBenchRow[] = [];
  for (const name of ['feature-long', 'feature-long-zh']) {
    const html = readFileSync(resolve(PAGES, `${name}.html`), 'utf8');
    const find: number[] = [];
    const check: number[] = [];
    let n = 0;
    for (let run = 0; run <= RUNS; run++) {
      const { doc, close } = parseHtml(html);
      const t0 = performance.now();
      const r = await findQuotes(doc);
      const t1 = performance.now();
      for (const q of r.quotes) matcher.check(q.text);
      const t2 = performance.now();
      await close();
      n = r.quotes.length;
      if (run === 0) continue; // warm-up
      find.push(t1 - t0);
      check.push(t2 - t1);
    }
    rows.push({ page: name, quotes: n, findMs: median(find), checkMs: median(check), totalMs: median(find.map((f, i) => f + check[i])), targetMs: SCAN_TARGET_MS });
  }
  return rows;
}

export function formatScanBench(rows: ScanBenchRow[]): string {
  const lines = ['', `## Page scan (60-quote long features; median of ${RUNS} runs after a warm-up)`, '', 'page               quotes   find (happy-dom)   check (matcher)   total    target'];
  for (const r of rows) {
    lines.push(
      `${r.page.padEnd(18)} ${String(r.quotes).padStart(6)}   ${r.findMs.toFixed(1).padStart(12)} ms   ${r.checkMs.toFixed(1).padStart(12)} ms   ${r.totalMs.toFixed(1).padStart(6)} ms   ${r.totalMs <= r.targetMs ? '✓' : '✗'} ≤ ${r.targetMs} ms`,
    );
  }
  return lines.join('\n');
}
