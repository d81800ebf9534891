/**
 * `npm start` (scripts/start.mjs) as a user runs it: the screenshot mode writes where the user
 * asked, relative to their folder, with the card shown; the interactive headless mode answers on
 * its DevTools port and, on Ctrl-C, closes Chromium, removes its profile and exits 0.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './harness';

const made: string[] = [];
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode == null && c.signalCode == null) c.kill('SIGKILL');
  for (const d of made) fs.rmSync(d, { recursive: true, force: true });
});

/** Runs start.mjs as `npm start` would (cwd = project root, INIT_CWD = the user's folder). */
function start(args: string[], userDir: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/start.mjs'), ...args], {
    cwd: ROOT,
    env: { ...process.env, INIT_CWD: userDir, DISPLAY: '', WAYLAND_DISPLAY: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const waitFor = async (re: RegExp, timeoutMs = 90_000) => {
    const t0 = Date.now();
    while (!re.test(out)) {
      if (child.exitCode != null) throw new Error(`start.mjs exited ${child.exitCode} before ${re}:\n${out}`);
      if (Date.now() - t0 > timeoutMs) throw new Error(`no ${re} in:\n${out}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    return re.exec(out)!;
  };
  return { child, exited, waitFor, output: () => out };
}

const userFolder = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-start-user-'));
  made.push(d);
  return d;
};

describe('npm start', () => {
  it('--screenshot=<relative path> writes into the user folder, with the card shown, and removes its profile', async () => {
    const dir = userFolder();
    const run = start(['--screenshot=shots/demo.png'], dir);
    expect(await run.exited, run.output()).toBe(0);
    const out = run.output();
    expect(out).toMatch(/Selected: .*\(#q-altered, card shown\)/);
    const file = path.join(dir, 'shots', 'demo.png');
    expect(out).toContain(`Screenshot:  ${file}`);
    const png = fs.readFileSync(file);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const profile = /Profile:\s+(\S+)/.exec(out)![1];
    expect(fs.existsSync(profile)).toBe(false);
    expect(fs.existsSync(path.join(ROOT, 'shots'))).toBe(false);
  });

  it('without a display: headless, says how to reach it, answers on DevTools; Ctrl-C closes it and removes the profile', async () => {
    const run = start(['--debug-port=0'], userFolder());
    await run.waitFor(/Ready\./);
    const out = run.output();
    expect(out).toContain('No display found');
    expect(out).toContain('chrome://inspect');
    const port = Number(/DevTools at 127\.0\.0\.1:(\d+)/.exec(out)![1]);
    const version = (await (await fetch(`http://127.0.0.1:${port}/json/version`)).json()) as { Browser: string };
    expect(version.Browser).toMatch(/Chrome\//);
    const profile = /Profile:\s+(\S+)/.exec(out)![1];
    expect(fs.existsSync(profile)).toBe(true);

    run.child.kill('SIGINT');
    expect(await run.exited, run.output()).toBe(0);
    expect(run.output()).toContain('Ctrl-C: closing the browser and removing its profile');
    expect(run.output()).not.toMatch(/ENOTEMPTY|Error/);
    expect(fs.existsSync(profile)).toBe(false);
    await expect(fetch(`http://127.0.0.1:${port}/json/version`)).rejects.toThrow();
  });
});
