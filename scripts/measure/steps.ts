/** Running the project's npm scripts for `npm run measure`, timed, with Vitest's JSON report per run. */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { summarizeVitestJson, type TestSummary } from '../measure-lib';

export const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

export interface RunResult {
  ms: number;
  code: number;
  stdout: string;
}

/** Runs a command from `cwd`; its output goes to the terminal unless captured. */
export function run(cwd: string, cmd: string, args: string[], capture = false): Promise<RunResult> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', capture ? 'pipe' : 'inherit', 'inherit'] });
    let stdout = '';
    child.stdout?.on('data', (d) => (stdout += d));
    child.on('error', (e) => {
      console.error(`${cmd}: ${e.message}`);
      resolve({ ms: performance.now() - t0, code: 127, stdout });
    });
    child.on('exit', (code, signal) => resolve({ ms: performance.now() - t0, code: code ?? (signal ? 128 : 1), stdout }));
  });
}

/** The first meaningful line a command prints (a version), or null when it fails. */
export function firstLine(cmd: string, args: string[]): string | null {
  try {
    const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 30_000 });
    if (r.status !== 0) return null;
    return (r.stdout || r.stderr).split('\n').find((l) => l.trim() && !/unexpected operator/.test(l))?.trim() ?? null;
  } catch {
    return null;
  }
}

export interface Step {
  name: string;
  command: string;
  times: number[];
  failures: number;
  tests?: TestSummary[];
  note?: string;
}

export const banner = (s: string) => console.log(`\n\x1b[1m▶ measure: ${s}\x1b[0m`);

/** Runs steps in the project at `root` and keeps every step, in order, for the durations table. */
export class StepRunner {
  readonly steps: Step[] = [];
  constructor(readonly root: string) {}

  /** A Vitest-based npm script, `n` times, with a JSON report per run (test counts, per-file times). */
  async vitest(name: string, script: string, n: number, afterEach?: () => void): Promise<Step> {
    const step: Step = { name, command: `npm run ${script}`, times: [], failures: 0, tests: [] };
    this.steps.push(step);
    for (let i = 1; i <= n; i++) {
      banner(`${name}${n > 1 ? ` (run ${i} of ${n})` : ''}`);
      const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-measure-')), 'vitest.json');
      const r = await run(this.root, NPM, ['run', script, '--', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
      step.times.push(r.ms);
      if (r.code !== 0) step.failures++;
      if (fs.existsSync(report)) step.tests!.push(summarizeVitestJson(JSON.parse(fs.readFileSync(report, 'utf8')), this.root));
      fs.rmSync(path.dirname(report), { recursive: true, force: true });
      afterEach?.();
    }
    return step;
  }

  async plain(name: string, script: string, args: string[] = [], capture = false): Promise<{ step: Step; out: string }> {
    banner(name);
    const step: Step = { name, command: `npm run ${script}${args.length ? ` -- ${args.join(' ')}` : ''}`, times: [], failures: 0 };
    this.steps.push(step);
    const r = await run(this.root, NPM, ['run', '--silent', script, ...(args.length ? ['--', ...args] : [])], capture);
    step.times.push(r.ms);
    if (r.code !== 0) step.failures++;
    return { step, out: r.stdout };
  }

  /** An npm script with `--json` whose last output line is JSON, `n` times: the parsed outputs. */
  async json<T>(name: string, script: string, n: number): Promise<T[]> {
    const step: Step = { name, command: `npm run ${script} -- --json`, times: [], failures: 0 };
    this.steps.push(step);
    const out: T[] = [];
    for (let i = 1; i <= n; i++) {
      banner(`${name}${n > 1 ? ` (run ${i} of ${n})` : ''}`);
      const r = await run(this.root, NPM, ['run', '--silent', script, '--', '--json'], true);
      step.times.push(r.ms);
      try {
        if (r.code !== 0) throw new Error(`exit ${r.code}`);
        out.push(JSON.parse(r.stdout.trim().split('\n').pop()!) as T);
      } catch (e) {
        step.failures++;
        console.error(`${name} output not usable: ${(e as Error).message}`);
      }
    }
    return out;
  }

  get failed(): Step[] {
    return this.steps.filter((s) => s.failures > 0);
  }
}
