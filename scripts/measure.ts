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
 * Exits 1 if a step failed (the file is still written, with the failure marked). What each part
 * runs and writes lives in scripts/measure/: steps, browser suites, bench, eval, sizes, machine.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchSection, type BenchJson } from './measure/bench-section';
import { browserSection, runBrowserSuites, type BrowserFigures } from './measure/browser';
import { evalSection, type EvalJson } from './measure/eval-section';
import { durationsSection, machineSection } from './measure/run-facts';
import { measureSizes, sizesSection } from './measure/sizes';
import { firstLine, StepRunner } from './measure/steps';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

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

// ------------------------------------------------------------------ the steps

const startedAt = new Date();
const loadBefore = os.loadavg();
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string>; version: string };
const runner = new StepRunner(ROOT);

const { step: typecheck } = await runner.plain('typecheck', 'typecheck');
const unit = await runner.vitest('unit tests', 'test:unit', 1);
let browser: BrowserFigures | null = null;
if (quick) console.log('\n--quick: the browser suites are skipped');
else browser = await runBrowserSuites(runner, runs, !!pkg.scripts['test:e2e:firefox']);
const benches = await runner.json<BenchJson>('bench', 'bench', benchRuns);
const evalJson = (await runner.json<EvalJson>('eval', 'eval', 1))[0] ?? null;
await runner.plain('zip (Chrome, Firefox, sources)', 'zip');
const sizes = measureSizes(path.join(ROOT, '.output'));
const loadAfter = os.loadavg();

// ------------------------------------------------------------------ the file

const git = (args: string[]) => firstLine('git', ['-C', ROOT, ...args]);
const dirty = spawnSync('git', ['-C', ROOT, 'status', '--porcelain'], { encoding: 'utf8' })
  .stdout?.split('\n')
  .filter((l) => l.trim() && !l.endsWith(path.relative(ROOT, outFile)));
const failed = runner.failed;
const md: string[] = [
  '# Measurements',
  '',
  `Written by \`npm run measure${process.argv.slice(2).length ? ` -- ${process.argv.slice(2).join(' ')}` : ''}\` (scripts/measure.ts) on ${startedAt.toISOString().replace(/\.\d+Z$/, ' UTC').replace('T', ' ')}, `
    + `commit ${git(['rev-parse', '--short', 'HEAD']) ?? 'unknown'}${dirty && dirty.length ? ' with uncommitted changes' : ''}. `
    + `Do not edit by hand: run the command again.`,
  '',
];
if (failed.length) md.push(`**A step failed in this run: ${failed.map((s) => s.name).join(', ')}.** Its figures below are from the failing run.`);
if (quick) md.push('**Quick mode**: the browser suites were skipped and the bench ran once; the full run writes docs/measurements.md.');
md.push('');
md.push(...machineSection(loadBefore, loadAfter));
md.push(
  ...durationsSection({
    steps: runner.steps,
    typecheck,
    unit,
    chromium: browser?.chromium ?? null,
    firefox: browser?.firefox ?? null,
    firefoxNote: browser?.firefoxNote ?? '',
    testScript: pkg.scripts.test ?? '',
    quick,
  }),
);
if (browser) md.push(...browserSection(browser));
md.push(...benchSection(benches));
md.push(...evalSection(evalJson));
md.push(...sizesSection(sizes));

fs.mkdirSync(path.dirname(outFile), { recursive: true });
fs.writeFileSync(outFile, md.join('\n').replace(/\n{3,}/g, '\n\n'));
console.log(`\nmeasure: wrote ${path.relative(process.cwd(), outFile) || outFile}${failed.length ? ' — a step FAILED, see the file' : ''}`);
process.exit(failed.length ? 1 : 0);
