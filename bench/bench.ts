/**
 * `npm run bench`: the matcher against baselines, on the same queries, at real size (1×) and
 * on a synthetic corpus of 100 copies of the transcript (the real one plus 99 copies with
 * random character edits, 100×).
 *
 * Baselines:
 * - floor:      normalise the query, `indexOf` on the normalised transcript (exact quotes only)
 * - full scan:  normalise, Myers over the whole normalised transcript (approx-string-match,
 *               how Hypothesis anchors quotes), k = 0.3 per character
 * - MiniSearch: the bigram MiniSearch index alone, top paragraph
 * - matcher:    `createMatcher(...).check(text)`, the whole route (validation, segmentation,
 *               exact pass, bigram votes + Myers windows, verdict, diff, attribution)
 *
 * Queries (deterministic): `exact` — substrings of real paragraphs in Simplified, as readers
 * select them; `altered` — such substrings with 5–20% of their characters edited.
 * Times are per query, in microseconds: each query's time is the median of 5 runs after a
 * warm-up run; the table gives the median and p95 over queries. `--json` prints the same figures
 * as one JSON object (for `npm run measure`).
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Transcript } from '../src/types';
import { createMatcher, type Matcher } from '../src/match/index';
import { buildCorpus, paragraphForSpan, type Corpus } from '../src/match/corpus';
import { alignFullText } from '../src/match/align';
import { normalize, normalizeText } from '../src/match/normalize';
import { MiniSearchRanker } from '../test/match/minisearch-ranker';
import { mutate, rng } from '../test/match/rng';
import { benchBigPage, benchScanData, formatBigPage, formatScanBench } from './scan-bench';
import { loadGloss } from '../scripts/eval-core';
import { benchPairsData, formatPairsBench } from './pairs';
import { formatSourcesBench, sourcesBenchData } from './sources';
import { formatStartupBench, startupBenchData } from './startup';
import { formatLayoutsBench, layoutsBenchData } from './layouts';
import { cleanupBenchData, formatCleanupBench } from './cleanup';
import { formatXlangBench, xlangBenchData } from './xlang';
import { hanAlphabet, synthetic } from './synthetic';
import { bigSourceData, formatBigSource } from './big-source';

export { synthetic };

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const REPS = 5;
const N_QUERIES = 150;
const FULLSCAN_QUERIES_100X = 60;

// ------------------------------------------------------------------ deterministic randomness

// ------------------------------------------------------------------ corpora

// ------------------------------------------------------------------ queries

interface Query {
  text: string;
  /** Paragraph the query was taken from. */
  truth: string;
}

export function makeQueries(t: Transcript, kind: 'exact' | 'altered', n: number, seed: number): Query[] {
  const rand = rng(seed);
  const alphabet = hanAlphabet(t);
  const pool = t.paragraphs.filter((p) => p.kind !== 'heading' && [...p.simplified].length >= 30);
  const out: Query[] = [];
  while (out.length < n) {
    const p = pool[Math.floor(rand() * pool.length)];
    const chars = [...p.simplified];
    const len = Math.min(chars.length, 16 + Math.floor(rand() * 45));
    const start = Math.floor(rand() * (chars.length - len + 1));
    let text = chars.slice(start, start + len).join('');
    if (normalizeText(text).length < 14) continue;
    if (kind === 'altered') {
      const rate = 0.05 + rand() * 0.15;
      text = mutate(rand, text, Math.max(1, Math.round(len * rate)), alphabet, 12);
    }
    out.push({ text, truth: p.id });
  }
  return out;
}

// ------------------------------------------------------------------ timing

export interface Timing {
  median: number;
  p95: number;
  accuracy: number;
  n: number;
}

/**
 * Per query: the median of `reps` runs (a warm-up run first), so a stray pause on a busy machine
 * does not count as the query's time; then the median and p95 over queries.
 */
function measure<T>(queries: Query[], run: (q: Query) => T, correct: (q: Query, r: T) => boolean, reps = REPS): Timing {
  for (const q of queries) run(q); // warm-up
  const perQuery: number[] = [];
  let ok = 0;
  for (const q of queries) {
    const times: number[] = [];
    let res: T | undefined;
    for (let r = 0; r < reps; r++) {
      const t0 = performance.now();
      res = run(q);
      times.push((performance.now() - t0) * 1000);
    }
    times.sort((a, b) => a - b);
    perQuery.push(times[times.length >> 1]);
    if (correct(q, res as T)) ok++;
  }
  perQuery.sort((a, b) => a - b);
  const at = (f: number) => perQuery[Math.min(perQuery.length - 1, Math.floor(f * perQuery.length))];
  return { median: at(0.5), p95: at(0.95), accuracy: ok / queries.length, n: queries.length };
}

const baseId = (id: string) => id.replace(/-c\d+$/, '');

// ------------------------------------------------------------------ one corpus size

export interface SizeReport {
  label: string;
  chars: number;
  paragraphs: number;
  buildMs: number;
  rankerMs: number;
  indexBytes: number;
  miniSearchBytes: number;
  rows: Array<{ method: string; set: string; t: Timing }>;
}

function runSize(label: string, t: Transcript, exact: Query[], altered: Query[], fullScanN: number): SizeReport {
  const t0 = performance.now();
  const matcher: Matcher = createMatcher(t);
  const buildMs = performance.now() - t0;
  matcher.warm();
  const rankerMs = matcher.stats.rankerBuildMs ?? 0;
  const corpus: Corpus = buildCorpus(t);
  const ranker = new MiniSearchRanker(t.paragraphs.map((p, index) => ({ index, text: p.text })));
  const idOf = (pos: number, len: number) => paragraphForSpan(corpus, pos, pos + len).paragraph.id;
  const rows: SizeReport['rows'] = [];
  // steady state: let the JIT see every query before anything is timed
  for (let r = 0; r < 2; r++) for (const q of [...exact, ...altered]) matcher.check(q.text);

  const floor = (q: Query) => corpus.text.indexOf(normalize(q.text).text);
  const fullScan = (q: Query) => {
    const n = normalize(q.text).text;
    return alignFullText(corpus.text, n, Math.floor(0.3 * n.length))[0];
  };
  const mini = (q: Query) => ranker.rankChinese(q.text, 3)[0];
  const check = (q: Query) => matcher.check(q.text);
  // located: the best match is the paragraph the query came from (whatever the verdict: a
  // short quote with several edits may honestly come out `related`)
  const checkOk = (q: Query, r: ReturnType<Matcher['check']>) =>
    !!r.matches[0] && baseId(r.matches[0].paragraphId) === q.truth;
  const checkOkExact = (q: Query, r: ReturnType<Matcher['check']>) => r.verdict === 'verbatim' && checkOk(q, r);

  rows.push({
    method: 'floor: normalise + indexOf',
    set: 'exact',
    t: measure(exact, floor, (q, pos) => pos >= 0 && baseId(idOf(pos, 1)) === q.truth),
  });
  rows.push({ method: 'matcher.check', set: 'exact', t: measure(exact, check, checkOkExact) });
  rows.push({
    method: 'MiniSearch alone (top 1)',
    set: 'exact',
    t: measure(exact, mini, (q, r) => !!r && baseId(t.paragraphs[r.index].id) === q.truth),
  });
  const scanQs = altered.slice(0, fullScanN);
  rows.push({
    method: 'full scan: approx-string-match',
    set: 'altered',
    t: measure(
      scanQs,
      fullScan,
      (q, a) => !!a && baseId(idOf(a.start, a.end - a.start)) === q.truth,
      fullScanN < altered.length ? 3 : REPS,
    ),
  });
  rows.push({ method: 'matcher.check', set: 'altered', t: measure(altered, check, checkOk) });
  rows.push({ method: 'matcher.check (same queries as scan)', set: 'altered', t: measure(scanQs, check, checkOk) });
  rows.push({
    method: 'MiniSearch alone (top 1)',
    set: 'altered',
    t: measure(altered, mini, (q, r) => !!r && baseId(t.paragraphs[r.index].id) === q.truth),
  });
  return {
    label,
    chars: corpus.text.length,
    paragraphs: t.paragraphs.length,
    buildMs,
    rankerMs,
    indexBytes: matcher.stats.indexBytes,
    miniSearchBytes: ranker.serializedSize(),
    rows,
  };
}

// ------------------------------------------------------------------ report

const us = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} ms` : `${x.toFixed(1)} µs`).padStart(10);
const kb = (b: number) => `${(b / 1024).toFixed(0)} KiB`;

function printSize(r: SizeReport): void {
  console.log(`\n## ${r.label}: ${r.paragraphs} paragraphs, ${r.chars.toLocaleString('en')} normalised characters`);
  console.log(
    `build ${r.buildMs.toFixed(0)} ms (+ search index on first use ${r.rankerMs.toFixed(0)} ms) · positional index ${kb(r.indexBytes)} · MiniSearch baseline (serialised) ${kb(r.miniSearchBytes)}`,
  );
  console.log(`${'method'.padEnd(38)} ${'set'.padEnd(8)} ${'n'.padStart(4)} ${'median'.padStart(10)} ${'p95'.padStart(10)}  located`);
  for (const row of r.rows) {
    console.log(
      `${row.method.padEnd(38)} ${row.set.padEnd(8)} ${String(row.t.n).padStart(4)} ${us(row.t.median)} ${us(row.t.p95)}  ${(100 * row.t.accuracy).toFixed(1).padStart(5)}%`,
    );
  }
}

function row(r: SizeReport, method: string, set: string): Timing {
  const found = r.rows.find((x) => x.method === method && x.set === set);
  if (!found) throw new Error(`no row ${method}/${set}`);
  return found.t;
}

/** The ratios the targets are about, per corpus size (numbers, for `--json` and `npm run measure`). */
export interface BenchRatios {
  size: '1×' | '100×';
  /** matcher.check / normalised indexOf, exact quotes, medians. */
  exactOverFloor: number;
  /** full approx-string-match scan / matcher.check, same altered quotes, medians. */
  scanOverMatcher: number;
  scanLocated: number;
  matcherLocated: number;
  /** The larger of the matcher's p95 on exact and altered quotes, µs. */
  matcherP95Us: number;
}

function ratios(r: SizeReport, size: BenchRatios['size']): BenchRatios {
  const scan = row(r, 'full scan: approx-string-match', 'altered');
  const mine = row(r, 'matcher.check (same queries as scan)', 'altered');
  return {
    size,
    exactOverFloor: row(r, 'matcher.check', 'exact').median / row(r, 'floor: normalise + indexOf', 'exact').median,
    scanOverMatcher: scan.median / mine.median,
    scanLocated: scan.accuracy,
    matcherLocated: mine.accuracy,
    matcherP95Us: Math.max(row(r, 'matcher.check', 'exact').p95, row(r, 'matcher.check', 'altered').p95),
  };
}

/**
 * `--json`: one JSON object on stdout instead of the tables (times in µs, build times in ms),
 * for `npm run measure`.
 */
async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const log = json ? () => {} : (...a: unknown[]) => console.log(...a);
  const path = resolve(ROOT, 'data/transcript.json');
  const l0 = performance.now();
  const transcript = JSON.parse(readFileSync(path, 'utf8')) as Transcript;
  const loadMs = performance.now() - l0;
  const exact = makeQueries(transcript, 'exact', N_QUERIES, 1);
  const altered = makeQueries(transcript, 'altered', N_QUERIES, 2);
  log('# Verbatim matcher benchmark');
  log(
    `transcript.json ${kb(statSync(path).size)}, read + parse ${loadMs.toFixed(1)} ms; ${exact.length} exact and ${altered.length} altered queries; per query the median of ${REPS} runs`,
  );

  const r1 = runSize('1× (real transcript)', transcript, exact, altered, altered.length);
  if (!json) printSize(r1);
  const big = synthetic(transcript, 100, 0.03);
  const r100 = runSize('100× (real + 99 copies with 3% random edits)', big, exact, altered, FULLSCAN_QUERIES_100X);
  if (!json) printSize(r100);
  const all = [ratios(r1, '1×'), ratios(r100, '100×')];
  // Each section runs once; text and --json are two views of the same data.
  const scan = await benchScanData(createMatcher(transcript, loadGloss()));
  const bigPage = await benchBigPage(createMatcher(transcript, loadGloss()));
  const sources = sourcesBenchData(ROOT);
  const bigSource = bigSourceData(ROOT);
  const pairs = benchPairsData();
  const layouts = layoutsBenchData(ROOT);
  const cleanup = cleanupBenchData(ROOT);
  const xlang = xlangBenchData(ROOT);
  const startup = startupBenchData(ROOT);
  // The newer sections as their own text tables (docs/measurements.md shows them as written).
  const sectionTexts = {
    'One big source: 12 100 paragraphs, stored index, cold start (issue 20; bench/big-source.ts)': formatBigSource(bigSource),
    'A 1 MB article with 300 quotes in Node (issue 19; bench/scan-bench.ts; the browser figures are above)': formatBigPage(bigPage),
    'A five-hour podcast transcript, parse and first answer (issue 17; bench/layouts.ts)': formatLayoutsBench(layouts),
    'Cleaned-up quotes (issue 18; bench/cleanup.ts)': formatCleanupBench(cleanup),
    'Across languages over 50 sources, dictionary load (issue 18; bench/xlang.ts)': formatXlangBench(xlang),
    'Worker start, built-in transcript: prebuilt indexes and warm-up (issue 20; bench/startup.ts)': formatStartupBench(startup),
  };
  if (json) {
    console.log(JSON.stringify({ reps: REPS, queries: { exact: exact.length, altered: altered.length }, loadMs, sizes: [r1, r100], ratios: all, scan, bigPage, sources, bigSource, pairs, layouts, cleanup, xlang, startup, sectionTexts }));
    return;
  }

  log('\n## Ratios and targets');
  const lines: Array<[string, string, boolean]> = [];
  for (const q of all) {
    const tag = q.size;
    lines.push([`${tag} exact: matcher / indexOf floor (median)`, `${q.exactOverFloor.toFixed(2)}×  (target ≤ 5×)`, q.exactOverFloor <= 5]);
    lines.push([
      `${tag} altered: full scan / matcher (median)`,
      `${q.scanOverMatcher.toFixed(1)}×  (target ≥ 50× at 100×)`,
      tag === '1×' ? true : q.scanOverMatcher >= 50,
    ]);
    lines.push([
      `${tag} altered: located, full scan vs matcher`,
      `${(100 * q.scanLocated).toFixed(1)}% vs ${(100 * q.matcherLocated).toFixed(1)}%`,
      q.matcherLocated >= q.scanLocated - 1e-9,
    ]);
    const target = tag === '1×' ? 500 : 2000;
    lines.push([`${tag} matcher p95 (exact and altered)`, `${us(q.matcherP95Us).trim()}  (target < ${us(target).trim()})`, q.matcherP95Us < target]);
  }
  for (const [what, value, ok] of lines) log(`${ok ? '✓' : '✗'} ${what.padEnd(46)} ${value}`);
  log(formatScanBench(scan));
  log(formatBigPage(bigPage));
  log(formatSourcesBench(sources));
  log(formatBigSource(bigSource));
  log(formatPairsBench(pairs).join('\n'));
  log(formatLayoutsBench(layouts));
  log(formatCleanupBench(cleanup));
  log(formatXlangBench(xlang));
  log(formatStartupBench(startup));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await main();
