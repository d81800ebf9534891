/**
 * `npm run bench`, section "startup" (issue 20): what a worker start costs for the built-in
 * transcript, each run in a fresh Node process (nothing compiled or cached yet, as in a worker
 * that just started): building its signature and matcher index from the text, against reading
 * them from the prebuilt file (public/builtin-index.bin); then the first related check, with and
 * without the warm-up (`Matcher.warm`: search index, gloss weights, cleanup tokens) before it.
 * Wall time in ms, median of RUNS child processes per way.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMatcher } from '../src/match/index';
import { builtinSource } from '../src/sources/builtin';
import { BUILTIN_INDEX_FILE, readBuiltinIndex } from '../src/sources/builtin-index';
import { signatureOf } from '../src/sources/check-all';
import type { Transcript } from '../src/types';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = 5;
/** A paraphrase of the built-in transcript (related: search index, cleanup route). */
const RELATED = '他说这是他听过最离谱的事情';

type Way = 'built' | 'prebuilt' | 'prebuilt+warm';
export interface StartupRun {
  /** Signature + matcher index ready (read and checked, or built). */
  indexesMs: number;
  /** The warm-up (0 when none). */
  warmMs: number;
  /** The first related check. */
  checkMs: number;
  verdict: string;
}
export interface StartupBenchData {
  runs: number;
  fileBytes: number;
  ways: Array<{ way: Way; indexesMs: number; warmMs: number; checkMs: number; firstAnswerMs: number; verdict: string }>;
}

/** The child: one way, printed as JSON. */
export function startupChild(way: Way): void {
  const transcript = JSON.parse(readFileSync(resolve(ROOT, 'data/transcript.json'), 'utf8')) as Transcript;
  const gloss = (JSON.parse(readFileSync(resolve(ROOT, 'data/gloss.en.json'), 'utf8')) as { gloss?: Record<string, string> }).gloss;
  const t0 = performance.now();
  let matcher;
  if (way === 'built') {
    signatureOf({ source: builtinSource(transcript), transcript, ...(gloss ? { gloss } : {}) });
    matcher = createMatcher(transcript, gloss);
  } else {
    const bytes = readFileSync(resolve(ROOT, BUILTIN_INDEX_FILE));
    const parts = readBuiltinIndex(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer, transcript, gloss);
    if (!parts.signature || !parts.index) throw new Error('the prebuilt file does not fit: npm run builtin-index');
    matcher = createMatcher(transcript, gloss, { storedIndex: () => parts.index });
  }
  const t1 = performance.now();
  if (way === 'prebuilt+warm') matcher.warm();
  const t2 = performance.now();
  const r = matcher.check(RELATED);
  const t3 = performance.now();
  process.stdout.write(JSON.stringify({ indexesMs: t1 - t0, warmMs: t2 - t1, checkMs: t3 - t2, verdict: r.verdict } satisfies StartupRun));
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export function startupBenchData(root = ROOT): StartupBenchData {
  const ways: Way[] = ['built', 'prebuilt', 'prebuilt+warm'];
  const out: StartupBenchData['ways'] = [];
  for (const way of ways) {
    const runs: StartupRun[] = [];
    for (let i = 0; i < RUNS; i++) {
      const json = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--startup-child', way], { cwd: root, encoding: 'utf8' });
      runs.push(JSON.parse(json) as StartupRun);
    }
    const indexesMs = median(runs.map((r) => r.indexesMs));
    const warmMs = median(runs.map((r) => r.warmMs));
    const checkMs = median(runs.map((r) => r.checkMs));
    out.push({ way, indexesMs, warmMs, checkMs, firstAnswerMs: median(runs.map((r) => r.indexesMs + r.checkMs)), verdict: runs[0].verdict });
  }
  return { runs: RUNS, fileBytes: readFileSync(resolve(root, BUILTIN_INDEX_FILE)).length, ways: out };
}

export function formatStartupBench(d: StartupBenchData): string {
  const ms = (x: number) => `${x.toFixed(1)} ms`;
  const label: Record<Way, string> = {
    built: 'built from the text (no prebuilt file)',
    prebuilt: `read from public/builtin-index.bin (${(d.fileBytes / 1024).toFixed(0)} KiB)`,
    'prebuilt+warm': 'read, then the warm-up (as at a worker start), then the check',
  };
  const rows = d.ways.map((w) => `| ${label[w.way]} | ${ms(w.indexesMs)} | ${w.way === 'prebuilt+warm' ? ms(w.warmMs) : '–'} | ${ms(w.checkMs)} (${w.verdict}) | ${ms(w.firstAnswerMs)} |`);
  return [
    '',
    `## Worker start, built-in transcript (fresh process each, median of ${d.runs})`,
    '',
    '| built-in transcript at a start | signature + matcher index | warm-up | first related check | indexes + first check |',
    '|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

if (process.argv[2] === '--startup-child') startupChild(process.argv[3] as Way);
