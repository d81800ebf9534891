/**
 * `npm run measure`: every figure the README quotes, from one command, into docs/measurements.md.
 *
 * Runs and times: the typecheck, the unit tests, the Chromium e2e suite (which writes
 * test-results/measurements.json: in-browser latencies), the Firefox e2e suite when the project
 * has `npm run test:e2e:firefox`, `npm run bench --json` (3 times: ranges), `npm run eval --json`,
 * `npm run zip`; then the bundle and zip sizes. Noisy figures are ranges over the runs, or ratios
 * within one run.
 *
 *   npm run measure                  # everything; browser suites once → docs/measurements.md
 *   npm run measure -- --runs 3      # browser suites 3 times (ranges over 3 runs)
 *   npm run measure -- --bench-runs 5
 *   npm run measure -- --quick       # no browser suites, bench once → test-results/measurements.md
 *   npm run measure -- --out=file.md
 *
 * Exits 1 if a step failed (the file is still written, with the failure marked).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import type { BenchRatios, SizeReport } from '../bench/bench';
import {
  axeMarkdown,
  collectMeasurements,
  CONTENT_SCRIPT_GZ_TARGET_BYTES,
  familiesMarkdown,
  groupFloorRows,
  mark,
  pairEvalMarkdown,
  pairsBenchMarkdown,
  parseAxeMarkdown,
  scanBenchMarkdown,
  scanEvalMarkdown,
  SCAN_LONGEST_TASK_TARGET_MS,
  sourcesBenchMarkdown,
  targetTable,
  type AxeRow,
  type FamilyJson,
  type PairEvalJson,
  type PairsBenchRowJson,
  type ScanBenchRowJson,
  type ScanEvalJson,
  type SourcesBenchJson,
  kB,
  micro,
  ms,
  pct,
  range,
  ratio,
  seconds,
  summarizeVitestJson,
  table,
  zipContents,
  type RunSeries,
  type TestSummary,
  type TargetRow,
} from './measure-lib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

// ------------------------------------------------------------------ options

function option(name: string): string | undefined {
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === `--${name}`) return argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[i + 1] : 'true';
    if (argv[i].startsWith(`--${name}=`)) return argv[i].slice(name.length + 3);
  }
  return undefined;
}
const known = new Set(['runs', 'bench-runs', 'quick', 'out', 'help']);
for (const a of process.argv.slice(2)) {
  const m = /^--([a-z-]+)/.exec(a);
  if (m && !known.has(m[1])) {
    console.error(`unknown option ${a} (known: --runs N, --bench-runs N, --quick, --out=file.md)`);
    process.exit(2);
  }
}
if (option('help')) {
  console.log(fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('*/')[0]);
  process.exit(0);
}
const quick = option('quick') === 'true';
const positive = (v: string | undefined, fallback: number, name: string) => {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`--${name} wants a whole number ≥ 1, got ${v}`);
    process.exit(2);
  }
  return n;
};
const runs = positive(option('runs'), 1, 'runs');
const benchRuns = positive(option('bench-runs'), quick ? 1 : 3, 'bench-runs');
const outFile = path.resolve(process.env.INIT_CWD ?? process.cwd(), option('out') ?? path.join(ROOT, quick ? 'test-results/measurements.md' : 'docs/measurements.md'));

// ------------------------------------------------------------------ running things

interface RunResult {
  ms: number;
  code: number;
  stdout: string;
}

/** Runs a command from the project root; its output goes to the terminal unless captured. */
function run(cmd: string, args: string[], capture = false): Promise<RunResult> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', capture ? 'pipe' : 'inherit', 'inherit'] });
    let stdout = '';
    child.stdout?.on('data', (d) => (stdout += d));
    child.on('error', (e) => {
      console.error(`${cmd}: ${e.message}`);
      resolve({ ms: performance.now() - t0, code: 127, stdout });
    });
    child.on('exit', (code, signal) => resolve({ ms: performance.now() - t0, code: code ?? (signal ? 128 : 1), stdout }));
  });
}

function firstLine(cmd: string, args: string[]): string | null {
  try {
    const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 30_000 });
    if (r.status !== 0) return null;
    return (r.stdout || r.stderr).split('\n').find((l) => l.trim() && !/unexpected operator/.test(l))?.trim() ?? null;
  } catch {
    return null;
  }
}

interface Step {
  name: string;
  command: string;
  times: number[];
  failures: number;
  tests?: TestSummary[];
  note?: string;
}
const steps: Step[] = [];
const banner = (s: string) => console.log(`\n\x1b[1m▶ measure: ${s}\x1b[0m`);

/** A Vitest-based npm script, `n` times, with a JSON report per run (test counts, per-file times). */
async function vitestStep(name: string, script: string, n: number, afterEach?: () => void): Promise<Step> {
  const step: Step = { name, command: `npm run ${script}`, times: [], failures: 0, tests: [] };
  steps.push(step);
  for (let i = 1; i <= n; i++) {
    banner(`${name}${n > 1 ? ` (run ${i} of ${n})` : ''}`);
    const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-measure-')), 'vitest.json');
    const r = await run(NPM, ['run', script, '--', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
    step.times.push(r.ms);
    if (r.code !== 0) step.failures++;
    if (fs.existsSync(report)) step.tests!.push(summarizeVitestJson(JSON.parse(fs.readFileSync(report, 'utf8')), ROOT));
    fs.rmSync(path.dirname(report), { recursive: true, force: true });
    afterEach?.();
  }
  return step;
}

async function plainStep(name: string, script: string, args: string[] = [], capture = false): Promise<{ step: Step; out: string }> {
  banner(name);
  const step: Step = { name, command: `npm run ${script}${args.length ? ` -- ${args.join(' ')}` : ''}`, times: [], failures: 0 };
  steps.push(step);
  const r = await run(NPM, ['run', '--silent', script, ...(args.length ? ['--', ...args] : [])], capture);
  step.times.push(r.ms);
  if (r.code !== 0) step.failures++;
  return { step, out: r.stdout };
}

// ------------------------------------------------------------------ the steps

const startedAt = new Date();
const loadBefore = os.loadavg();
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string>; version: string };

await plainStep('typecheck', 'typecheck');
const unit = await vitestStep('unit tests', 'test:unit', 1);

const browserSeries: RunSeries = {};
const measurementsFile = path.join(ROOT, 'test-results/measurements.json');
let chromium: Step | null = null;
let firefox: Step | null = null;
let firefoxNote = '';
const firefoxSeries: RunSeries = {};
const firefoxMeasurements = path.join(ROOT, 'test-results/measurements-firefox.json');
const scanMeasurementsFile = path.join(ROOT, 'test-results/scan-measurements.json');
const scanPanelMeasurementsFile = path.join(ROOT, 'test-results/scan-panel-measurements.json');
const sourcesMeasurementsFile = path.join(ROOT, 'test-results/sources-measurements.json');
const a11yDir = path.join(ROOT, 'test-results/a11y');
const scanSeries: RunSeries = {};
const sourcesSeries: RunSeries = {};
let axeRows: AxeRow[] = [];
if (quick) {
  console.log('\n--quick: the browser suites are skipped');
} else {
  fs.rmSync(measurementsFile, { force: true });
  for (const f of [measurementsFile, scanMeasurementsFile, scanPanelMeasurementsFile, sourcesMeasurementsFile]) fs.rmSync(f, { force: true });
  fs.rmSync(a11yDir, { recursive: true, force: true });
  chromium = await vitestStep('Chromium e2e', 'test:e2e', runs, () => {
    for (const [file, series] of [[measurementsFile, browserSeries], [scanMeasurementsFile, scanSeries], [scanPanelMeasurementsFile, scanSeries], [sourcesMeasurementsFile, sourcesSeries]] as const) {
      if (!fs.existsSync(file)) continue;
      collectMeasurements(JSON.parse(fs.readFileSync(file, 'utf8')), series);
      fs.rmSync(file);
    }
    // The a11y tables of the last run (violations do not vary from run to run).
    if (fs.existsSync(a11yDir)) {
      axeRows = fs
        .readdirSync(a11yDir)
        .filter((f) => f.endsWith('.md'))
        .sort()
        .flatMap((f) => parseAxeMarkdown(f, fs.readFileSync(path.join(a11yDir, f), 'utf8')));
    }
  });
  if (pkg.scripts['test:e2e:firefox']) {
    fs.rmSync(firefoxMeasurements, { force: true });
    firefox = await vitestStep('Firefox e2e', 'test:e2e:firefox', runs, () => {
      if (fs.existsSync(firefoxMeasurements)) {
        collectMeasurements(JSON.parse(fs.readFileSync(firefoxMeasurements, 'utf8')), firefoxSeries);
        fs.rmSync(firefoxMeasurements);
      }
    });
  } else {
    firefoxNote = 'skipped: this checkout has no `npm run test:e2e:firefox`';
    console.log(`\nFirefox e2e ${firefoxNote}`);
  }
}

interface BenchJson {
  reps: number;
  queries: { exact: number; altered: number };
  sizes: SizeReport[];
  ratios: BenchRatios[];
  scan?: ScanBenchRowJson[];
  sources?: SourcesBenchJson;
  pairs?: PairsBenchRowJson[];
}
const benches: BenchJson[] = [];
const benchStep: Step = { name: 'bench', command: 'npm run bench -- --json', times: [], failures: 0 };
steps.push(benchStep);
for (let i = 1; i <= benchRuns; i++) {
  banner(`bench (run ${i} of ${benchRuns})`);
  const r = await run(NPM, ['run', '--silent', 'bench', '--', '--json'], true);
  benchStep.times.push(r.ms);
  try {
    if (r.code !== 0) throw new Error(`exit ${r.code}`);
    benches.push(JSON.parse(r.stdout.trim().split('\n').pop()!) as BenchJson);
  } catch (e) {
    benchStep.failures++;
    console.error(`bench output not usable: ${(e as Error).message}`);
  }
}

interface Stats {
  kind: string;
  n: number;
  verdict: number;
  speakerN: number;
  speaker: number;
  paragraphN: number;
  top1: number;
  top3: number;
}
interface EvalJson {
  cases: number;
  buildMs: number;
  ms: number;
  kinds: Stats[];
  groups: Stats[];
  total: Stats;
  falseFound: string[];
  families?: FamilyJson[];
  sources?: { cases: number; kinds: Stats[]; groups: Stats[]; total: Stats; falseFound: string[]; sourceOk: number; sourceN: number };
  scan?: ScanEvalJson[];
  pairs?: PairEvalJson;
}
let evalJson: EvalJson | null = null;
{
  const { step, out } = await plainStep('eval', 'eval', ['--json'], true);
  try {
    evalJson = JSON.parse(out.trim().split('\n').pop()!) as EvalJson;
  } catch (e) {
    step.failures++;
    console.error(`eval output not usable: ${(e as Error).message}`);
  }
}

await plainStep('zip (Chrome, Firefox, sources)', 'zip');

// ------------------------------------------------------------------ sizes

const OUT = path.join(ROOT, '.output');
function dirBytes(p: string): { bytes: number; files: number } {
  if (!fs.existsSync(p)) return { bytes: NaN, files: 0 };
  const st = fs.statSync(p);
  if (!st.isDirectory()) return { bytes: st.size, files: 1 };
  return fs.readdirSync(p).reduce(
    (acc, f) => {
      const s = dirBytes(path.join(p, f));
      return { bytes: acc.bytes + s.bytes, files: acc.files + s.files };
    },
    { bytes: 0, files: 0 },
  );
}
const fileBytes = (p: string) => (fs.existsSync(p) ? fs.statSync(p).size : NaN);
const gzBytes = (p: string) => (fs.existsSync(p) ? zlib.gzipSync(fs.readFileSync(p), { level: 9 }).length : NaN);
const bundles = ['chrome-mv3', 'firefox-mv2'].map((dir) => {
  const d = path.join(OUT, dir);
  return {
    dir,
    content: fileBytes(path.join(d, 'content-scripts/content.js')),
    contentGz: gzBytes(path.join(d, 'content-scripts/content.js')),
    background: fileBytes(path.join(d, 'background.js')),
    backgroundGz: gzBytes(path.join(d, 'background.js')),
    whole: dirBytes(d),
  };
});
const zips = fs.existsSync(OUT)
  ? fs
      .readdirSync(OUT)
      .filter((f) => f.endsWith('.zip'))
      .sort()
      .map((f) => ({ file: f, bytes: fileBytes(path.join(OUT, f)), ...zipContents(fs.readFileSync(path.join(OUT, f))) }))
  : [];

// ------------------------------------------------------------------ machine

const cpus = os.cpus();
const git = (args: string[]) => firstLine('git', ['-C', ROOT, ...args]);
const dirty = spawnSync('git', ['-C', ROOT, 'status', '--porcelain'], { encoding: 'utf8' })
  .stdout?.split('\n')
  .filter((l) => l.trim() && !l.endsWith(path.relative(ROOT, outFile)));
const chromiumBin = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const firefoxBin = ['firefox-esr', 'firefox'].map((b) => firstLine(b, ['--version'])).find(Boolean);
const osName = (() => {
  try {
    return /PRETTY_NAME="([^"]+)"/.exec(fs.readFileSync('/etc/os-release', 'utf8'))?.[1] ?? `${os.type()} ${os.release()}`;
  } catch {
    return `${os.type()} ${os.release()}`;
  }
})();
const loadAfter = os.loadavg();

// ------------------------------------------------------------------ the file

const md: string[] = [];
const p = (s = '') => md.push(s);
const failedAny = steps.some((s) => s.failures > 0);

p('# Measurements');
p();
p(`Written by \`npm run measure${process.argv.slice(2).length ? ` -- ${process.argv.slice(2).join(' ')}` : ''}\` (scripts/measure.ts) on ${startedAt.toISOString().replace(/\.\d+Z$/, ' UTC').replace('T', ' ')}, `
  + `commit ${git(['rev-parse', '--short', 'HEAD']) ?? 'unknown'}${dirty && dirty.length ? ' with uncommitted changes' : ''}. `
  + `Do not edit by hand: run the command again.`);
p();
if (failedAny) p(`**A step failed in this run: ${steps.filter((s) => s.failures).map((s) => s.name).join(', ')}.** Its figures below are from the failing run.`);
if (quick) p('**Quick mode**: the browser suites were skipped and the bench ran once; the full run writes docs/measurements.md.');
p();
p('## Machine');
p();
p(
  table(
    ['', ''],
    [
      ['CPU', `${cpus.length} cores, ${cpus[0]?.model.trim() ?? 'unknown'}`],
      ['memory', `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`],
      ['OS', osName],
      ['Node', process.version],
      ['npm', firstLine(NPM, ['--version']) ?? 'unknown'],
      ['Chromium', firstLine(chromiumBin, ['--version']) ?? `not found at ${chromiumBin}`],
      ['Firefox', firefoxBin ?? 'not installed'],
      ['load average (1 min) at start / end', `${loadBefore[0].toFixed(1)} / ${loadAfter[0].toFixed(1)}`],
    ],
  ),
);
p();
p('Latencies depend on the load of the machine: the load average above says how busy it was.');
p();

p('## Durations');
p();
const testCell = (s: Step) => {
  if (!s.tests?.length) return s.note ?? '';
  const t = s.tests;
  return `${range(t.map((x) => x.passed), String)} passed, ${range(t.map((x) => x.failed), String)} failed of ${range(t.map((x) => x.tests), String)} tests in ${range(t.map((x) => x.files), String)} files`;
};
const stepRows = steps.map((s) => [s.name, `\`${s.command}\``, String(s.times.length), range(s.times, seconds), s.failures ? `**failed ${s.failures} of ${s.times.length}**` : 'ok', testCell(s)]);
if (firefoxNote) stepRows.push(['Firefox e2e', '`npm run test:e2e:firefox`', '0', '–', firefoxNote, '']);
p(table(['step', 'command', 'runs', 'wall time', 'result', 'tests'], stepRows));
p();
{
  // `npm test` runs its parts one after the other: its duration is their sum.
  const testScript = pkg.scripts.test ?? '';
  const parts: Array<[string, number[]]> = [['typecheck', steps[0].times], ['unit tests', unit.times]];
  if (/test:e2e(?!:)/.test(testScript) && chromium) parts.push(['Chromium e2e', chromium.times]);
  if (/test:e2e:firefox/.test(testScript) && firefox) parts.push(['Firefox e2e', firefox.times]);
  const lo = parts.reduce((a, [, t]) => a + Math.min(...t), 0);
  const hi = parts.reduce((a, [, t]) => a + Math.max(...t), 0);
  p(`\`npm test\` (\`${testScript}\`) runs ${parts.map(([n]) => n).join(' + ')} one after the other: **${range([lo, hi], seconds)}** here`
    + `${quick ? ' (without the browser suites: quick mode)' : ''}. \`bash scripts/setup.sh\` adds \`npm ci\` and any missing Debian package on a fresh machine.`);
  p();
}
for (const s of [chromium, firefox, unit]) {
  if (!s?.tests?.length) continue;
  const files = [...new Set(s.tests.flatMap((t) => Object.keys(t.fileMs)))].sort();
  if (s === unit) continue; // unit files take seconds each; the total above says enough
  p(`${s.name}, per test file (wall time${s.tests.length > 1 ? `, range over ${s.tests.length} runs` : ''}):`);
  p();
  p(table(['file', 'time'], files.map((f) => [f, range(s.tests!.map((t) => t.fileMs[f] ?? NaN), seconds)])));
  p();
}

const LABELS: Record<string, string> = {
  selectionToCardPaintedMs: 'selection → card painted (check-on-select button click → card painted, in-page clock)',
  contentScriptMessageToPaintMs: 'card message → card painted (context-menu path, in-page clock)',
  menuTriggerToCardPaintedMs: 'context-menu handler → card painted (test clock: includes DevTools round trips and the script injection)',
  workerColdStartToFirstAnswerMs: 'worker cold start → first answer (worker stopped, then one check from an extension page)',
  warmCheckRoundTripMs: 'warm check round trip from an extension page',
};
function browserTable(series: RunSeries, suite: string, n: number) {
  // `name.figure`; names themselves may hold dots (`feature-long.scanMs`)
  const names = [...new Set(Object.keys(series).map((k) => k.slice(0, k.lastIndexOf('.'))))].filter((k) => k !== 'sizes');
  if (!names.length) return;
  p(`### ${suite}${n > 1 ? ` (ranges over ${n} runs of the suite)` : ' (one run of the suite)'}`);
  p();
  const cell = (k: string) => (series[k] ? range(series[k], ms) : '–');
  p(
    table(
      ['what', 'samples per run', 'median', 'p95', 'max', 'other'],
      names.map((name) => {
        const extra = Object.keys(series)
          .filter((k) => k.startsWith(`${name}.`) && !/\.(runs|median|p95|max)$/.test(k))
          .map((k) => `${k.slice(name.length + 1)} ${cell(k)}`)
          .join('; ');
        return [LABELS[name] ?? name, series[`${name}.runs`] ? range(series[`${name}.runs`], String) : '–', cell(`${name}.median`), cell(`${name}.p95`), cell(`${name}.max`), extra];
      }),
    ),
  );
  p();
}
if (!quick) {
  p('## In the browser');
  p();
  p('Recorded by `test/e2e/extension.e2e.ts` into `test-results/measurements.json` on each run of the Chromium suite (headless).');
  p();
  browserTable(browserSeries, 'Chromium', chromium?.times.length ?? 0);
  if (!Object.keys(browserSeries).length) p('No `test-results/measurements.json` was written (the Chromium suite failed early?).\n');
  browserTable(firefoxSeries, 'Firefox', firefox?.times.length ?? 0);
  if (!Object.keys(firefoxSeries).length) p('No `test-results/measurements-firefox.json` was written by the Firefox suite: no Firefox timings.\n');
  browserTable(scanSeries, 'Page scan in Chromium (test/e2e/scan.e2e.ts → test-results/scan-measurements.json)', chromium?.times.length ?? 0);
  browserTable(sourcesSeries, 'Worker cold start with stored sources (test/e2e/sources.e2e.ts → test-results/sources-measurements.json)', chromium?.times.length ?? 0);
  const scanTargets: TargetRow[] = [];
  for (const k of Object.keys(scanSeries).filter((x) => x.endsWith('.scanMs.median'))) {
    scanTargets.push({ what: `${k.split('.')[0]}: scan found, checked and marked (median)`, value: range(scanSeries[k], ms), target: '≤ 150 ms', ok: scanSeries[k].every((x) => x <= 150) });
  }
  for (const k of Object.keys(scanSeries).filter((x) => x.endsWith('.longestTaskMs.max'))) {
    scanTargets.push({ what: `${k.split('.')[0]}: longest main-thread task`, value: range(scanSeries[k], ms), target: `≤ ${SCAN_LONGEST_TASK_TARGET_MS} ms`, ok: scanSeries[k].every((x) => x <= SCAN_LONGEST_TASK_TARGET_MS) });
  }
  if (scanTargets.length) {
    p('Issue 11 targets in the browser:');
    p();
    p(targetTable(scanTargets));
    p();
  } else p('No `test-results/scan-measurements.json` was written: no in-browser scan timings.\n');
  p('## Accessibility (axe-core)');
  p();
  p('From the tables the a11y suites write to `test-results/a11y/*.md` (last run of the Chromium suite); counts are elements per impact.');
  p();
  p(axeMarkdown(axeRows));
  p();
}

p('## Matcher benchmark');
p();
if (benches.length) {
  const b0 = benches[0];
  p(`\`npm run bench\` (bench/bench.ts), ${benches.length} run${benches.length > 1 ? 's' : ''}: ${b0.queries.exact} exact and ${b0.queries.altered} altered queries; `
    + `per query the median of ${b0.reps} repetitions, then the median and p95 over queries. `
    + `${benches.length > 1 ? 'Each cell is the range over the runs.' : 'One run: these figures are noisy.'} Times per query.`);
  p();
  for (let si = 0; si < b0.sizes.length; si++) {
    const sz = b0.sizes[si];
    const all = benches.map((b) => b.sizes[si]);
    p(`### ${sz.label}: ${sz.paragraphs} paragraphs, ${sz.chars.toLocaleString('en')} normalised characters`);
    p();
    p(`Matcher build ${range(all.map((x) => x.buildMs), ms)} (MiniSearch, built on first need: ${range(all.map((x) => x.rankerMs), ms)}); positional index ${kB(sz.indexBytes)}, MiniSearch serialised ${kB(sz.miniSearchBytes)}.`);
    p();
    p(
      table(
        ['method', 'queries', 'n', 'median', 'p95', 'located'],
        sz.rows.map((row, ri) => {
          const t = all.map((x) => x.rows[ri].t);
          return [row.method, row.set, String(row.t.n), range(t.map((x) => x.median), micro), range(t.map((x) => x.p95), micro), range(t.map((x) => 100 * x.accuracy), (x) => `${x.toFixed(1)} %`)];
        }),
      ),
    );
    p();
  }
  p('Ratios within each run (the figures the targets are about; range over runs):');
  p();
  p(
    table(
      ['corpus', 'matcher / indexOf floor, exact (target ≤ 5×)', 'full scan / matcher, altered (target ≥ 50× at 100×)', 'located: full scan vs matcher', 'matcher p95, exact and altered'],
      b0.ratios.map((r, i) => {
        const rs = benches.map((b) => b.ratios[i]);
        return [
          r.size,
          range(rs.map((x) => x.exactOverFloor), ratio),
          range(rs.map((x) => x.scanOverMatcher), ratio),
          `${range(rs.map((x) => 100 * x.scanLocated), (x) => `${x.toFixed(1)} %`)} vs ${range(rs.map((x) => 100 * x.matcherLocated), (x) => `${x.toFixed(1)} %`)}`,
          range(rs.map((x) => x.matcherP95Us), micro),
        ];
      }),
    ),
  );
  p();
  p('### Page scan in Node (bench/scan-bench.ts; issue 11 target ≤ 150 ms, the browser figure is above)');
  p();
  p(scanBenchMarkdown(benches.map((b) => b.scan ?? []).filter((x) => x.length)));
  p();
  p('### 50 stored sources (bench/sources.ts; ranges over runs, ✓ when every run met the target)');
  p();
  p(sourcesBenchMarkdown(benches.flatMap((b) => (b.sources ? [b.sources] : []))));
  p();
  p('### Translation pairing speed (bench/pairs.ts; issue 13 target ≤ 500 ms at 60 000 characters)');
  p();
  p(pairsBenchMarkdown(benches.map((b) => b.pairs ?? []).filter((x) => x.length)));
  p();
} else p('The bench failed: no figures.\n');

p('## Evaluation');
p();
if (evalJson) {
  const e = evalJson;
  p(`\`npm run eval\` (scripts/eval.ts): ${e.cases} cases from \`test/eval/\` (origins in test/eval/SOURCES.md), through the same matcher the extension ships. `
    + `Deterministic: the same code gives the same figures. **False verbatim/altered on quotes the interview does not hold: ${e.falseFound.length}**${e.falseFound.length ? ` (${e.falseFound.join(', ')})` : ''}.`);
  p();
  const row = (s: Stats) => [s.kind, String(s.n), pct(s.verdict, s.n), pct(s.speaker, s.speakerN), pct(s.top1, s.paragraphN), pct(s.top3, s.paragraphN)];
  const head = ['', 'n', 'verdict', 'speaker', 'paragraph top-1', 'top-3'];
  p('By language and expected verdict:');
  p();
  p(table(head, [...e.groups.map(row), row({ ...e.total, kind: 'all' })]));
  p();
  p('By kind of case:');
  p();
  p(table(head, e.kinds.map(row)));
  p();
  p('Verdict rate per group against the floors of `test/match/eval-floors.test.ts`:');
  p();
  p(table(['group', 'n', 'verdict', 'floor', ''], groupFloorRows(e.groups, e.total)));
  p();
  p('### Quotes that mislead (issue 10, test/eval/cases-truth.jsonl), by family and split');
  p();
  p(familiesMarkdown(e.families ?? []));
  p();
  p('### English source (scripts/eval-sources.ts: test/fixtures/sources/interview-en.txt beside the built-in transcript)');
  p();
  if (e.sources) {
    const s = e.sources;
    p(`${s.cases} cases; first match from the English source in ${s.sourceOk}/${s.sourceN} found cases; false verbatim/altered: ${s.falseFound.length}.`);
    p();
    p(table(head, [...s.kinds.map(row), ...s.groups.map(row), row({ ...s.total, kind: 'all' })]));
  } else p('No English-source figures (the eval JSON has no `sources` section).');
  p();
  p('### Page scan against the labelled pages (scripts/scan-eval.ts, test/fixtures/pages/scan)');
  p();
  p(scanEvalMarkdown(e.scan ?? []));
  p();
  p('### Translation pairing accuracy (scripts/eval-pairs.ts, test/fixtures/pair)');
  p();
  p(e.pairs ? pairEvalMarkdown(e.pairs) : 'No pairing figures (the eval JSON has no `pairs` section).');
  p();
} else p('The evaluation failed: no figures.\n');

p('## Sizes');
p();
p('Bytes as built (kB = 1000 bytes); gzip at level 9 for reference (the store packages are zips).');
p();
p(
  table(
    ['build (`.output/`)', 'content script', `content script gzipped (target ≤ ${kB(CONTENT_SCRIPT_GZ_TARGET_BYTES)})`, 'background', 'background gzipped', 'whole extension'],
    bundles.map((b) => [
      b.dir,
      kB(b.content),
      `${kB(b.contentGz)} ${Number.isFinite(b.contentGz) ? mark(b.contentGz <= CONTENT_SCRIPT_GZ_TARGET_BYTES) : ''}`.trim(),
      kB(b.background),
      kB(b.backgroundGz),
      `${kB(b.whole.bytes)}, ${b.whole.files} files`,
    ]),
  ),
);
p();
p(table(['package (`npm run zip`)', 'zip', 'unpacked', 'files'], zips.map((z) => [z.file, kB(z.bytes), kB(z.unpackedBytes), String(z.files)])));
p();

fs.mkdirSync(path.dirname(outFile), { recursive: true });
fs.writeFileSync(outFile, md.join('\n').replace(/\n{3,}/g, '\n\n'));
console.log(`\nmeasure: wrote ${path.relative(process.cwd(), outFile) || outFile}${failedAny ? ' — a step FAILED, see the file' : ''}`);
process.exit(failedAny ? 1 : 0);
