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

/** The 1 MB article with 300 quotes (test/fixtures/big-article.ts): what Node can time, and the browser's figures. */
export interface BigPageBench {
  bytes: number;
  quotes: number;
  places: number;
  /** Quotes found, in happy-dom (slower than a browser's DOM), median. */
  findMs: number;
  /** The 300 quotes checked by the matcher, median. */
  checkMs: number;
  /** The longest stretch of finding between two yields (happy-dom; the finder's own share of a long task), median. */
  longestSliceMs: number;
  /** From the last Chromium e2e run (test/e2e/scan-panel.e2e.ts → test-results/scan-panel-measurements.json), when there is one. */
  browser?: { find: number; check: number; mark: number; total: number; longestSlice: number; longestTask: number; maxLongestTask: number; marks: number; places: number };
}

const BIG_RUNS = 3;
const BIG_SLICE_MS = 8;

export async function benchBigPage(matcher: Matcher): Promise<BigPageBench> {
  const { bigArticle } = await import('../test/fixtures/big-article');
  const big = bigArticle();
  const find: number[] = [];
  const check: number[] = [];
  const slices: number[] = [];
  let quotes = 0;
  let places = 0;
  for (let run = 0; run <= BIG_RUNS; run++) {
    const { doc, close } = parseHtml(big.html);
    let last = performance.now();
    let longest = 0;
    // The extension's rule: yield once a slice has run 8 ms (here the yield is a no-op; the slice is what is timed).
    const pause = () => {
      const now = performance.now();
      if (now - last < BIG_SLICE_MS) return;
      longest = Math.max(longest, now - last);
      last = now;
    };
    const t0 = performance.now();
    last = t0;
    const r = await findQuotes(doc, { pause, chunk: 8 });
    const t1 = performance.now();
    longest = Math.max(longest, t1 - last);
    for (const q of r.quotes) matcher.check(q.text);
    const t2 = performance.now();
    await close();
    quotes = r.quotes.length;
    places = r.quotes.reduce((n, q) => n + q.occurrences.length, 0);
    if (run === 0) continue;
    find.push(t1 - t0);
    check.push(t2 - t1);
    slices.push(longest);
  }
  const out: BigPageBench = { bytes: big.bytes, quotes, places, findMs: median(find), checkMs: median(check), longestSliceMs: median(slices) };
  const file = resolve(dirname(fileURLToPath(import.meta.url)), '../test-results/scan-panel-measurements.json');
  try {
    const m = JSON.parse(readFileSync(file, 'utf8'))['big-1mb'];
    if (m?.median) out.browser = { ...m.median, maxLongestTask: m.maxLongestTask, marks: m.marks, places: m.places };
  } catch {
    // no e2e run yet
  }
  return out;
}

export function formatBigPage(b: BigPageBench): string {
  const lines = [
    '',
    `## Big page: ${(b.bytes / 1e6).toFixed(2)} MB article, ${b.quotes} quotes at ${b.places} places (test/fixtures/big-article.ts; median of ${BIG_RUNS} runs after a warm-up)`,
    '',
    `Node   find (happy-dom) ${b.findMs.toFixed(0)} ms · check (matcher) ${b.checkMs.toFixed(0)} ms · longest finding slice between yields ${b.longestSliceMs.toFixed(1)} ms (happy-dom's DOM is several times slower than a browser's)`,
  ];
  const w = b.browser;
  if (w) {
    lines.push(
      `Chrome find ${w.find.toFixed(0)} ms · check ${w.check.toFixed(0)} ms · mark ${w.mark.toFixed(0)} ms · total ${w.total.toFixed(0)} ms · marks ${w.marks} for ${w.places} places`,
      // The longtask observer reports only tasks over 50 ms: 0 means it saw none.
      `       longest scan slice ${w.longestSlice.toFixed(1)} ms · longest main-thread task: ${w.maxLongestTask === 0 ? 'none over 50 ms in any run' : `${w.longestTask.toFixed(0)} ms median, ${w.maxLongestTask.toFixed(0)} ms max`} ${w.maxLongestTask <= 50 ? '✓' : '✗'} target ≤ 50 ms`,
      '       (from test-results/scan-panel-measurements.json, the last `npx vitest run -c vitest.e2e.config.ts test/e2e/scan-panel.e2e.ts`)',
    );
  } else lines.push('Chrome no figures yet: run test/e2e/scan-panel.e2e.ts (it writes test-results/scan-panel-measurements.json)');
  return lines.join('\n');
}
