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

export async function benchScan(matcher: Matcher): Promise<string> {
  const lines = ['', '## Page scan (60-quote long features; median of 7 runs after a warm-up)', '', 'page               quotes   find (happy-dom)   check (matcher)   total    target'];
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
    const total = median(find.map((f, i) => f + check[i]));
    lines.push(
      `${name.padEnd(18)} ${String(n).padStart(6)}   ${median(find).toFixed(1).padStart(12)} ms   ${median(check).toFixed(1).padStart(12)} ms   ${total.toFixed(1).padStart(6)} ms   ${total <= 150 ? '✓' : '✗'} ≤ 150 ms`,
    );
  }
  return lines.join('\n');
}
