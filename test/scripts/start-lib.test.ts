/** `npm start`'s logic without a browser: options, screenshot paths, profile removal, shutdown order. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createShutdown, headlessNotice, parseStartArgs, removeDirWithRetries, resolveScreenshotPath, userCwd } from '../../scripts/start-lib';

const made: string[] = [];
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-start-lib-'));
  made.push(d);
  return d;
};
afterEach(() => {
  for (const d of made.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('parseStartArgs', () => {
  it('defaults: a window on the Simplified page with the altered quote', () => {
    expect(parseStartArgs([])).toEqual({
      help: false,
      headless: false,
      screenshot: null,
      page: 'news-zh-hans.html',
      quote: 'q-altered',
      port: 0,
      debugPort: 9222,
    });
  });

  it('--screenshot implies headless; with a value it keeps the path as typed', () => {
    expect(parseStartArgs(['--screenshot'])).toMatchObject({ headless: true, screenshot: true });
    expect(parseStartArgs(['--screenshot=out/demo.png'])).toMatchObject({ headless: true, screenshot: 'out/demo.png' });
  });

  it('each page has its own default quote; --quote takes a short id, a full id or none', () => {
    expect(parseStartArgs(['--page=news-en.html']).quote).toBe('q-en');
    expect(parseStartArgs(['--page=/news-zh-hant.html']).quote).toBe('q-trad-altered');
    expect(parseStartArgs(['--page=index.html']).quote).toBeNull();
    expect(parseStartArgs(['--quote=verbatim']).quote).toBe('q-verbatim');
    expect(parseStartArgs(['--quote=#q-host']).quote).toBe('q-host');
    expect(parseStartArgs(['--quote=none']).quote).toBeNull();
  });

  it('refuses unknown options and bad ports, with the usage', () => {
    expect(() => parseStartArgs(['--screenshoot'])).toThrow(/unknown argument --screenshoot[\s\S]*--screenshot\[=file.png\]/);
    expect(() => parseStartArgs(['demo.png'])).toThrow(/unknown argument demo.png/);
    expect(() => parseStartArgs(['--debug-port=abc'])).toThrow(/--debug-port wants a port number/);
    expect(parseStartArgs(['--port=8080', '--debug-port=9333'])).toMatchObject({ port: 8080, debugPort: 9333 });
    expect(parseStartArgs(['-h']).help).toBe(true);
  });
});

describe('resolveScreenshotPath', () => {
  it('no value: a new file in the temp folder, never in the project', () => {
    const p = resolveScreenshotPath(true, { cwd: '/project', tmpdir: path.join(os.tmpdir(), 'x'), now: new Date('2026-12-01T05:06:07.890Z') });
    expect(p).toBe(path.join(os.tmpdir(), 'x', 'verbatim-demo-20261201T050607Z.png'));
  });

  it('a relative path is relative to the folder the user is in', () => {
    const cwd = tempDir();
    expect(resolveScreenshotPath('demo.png', { cwd })).toBe(path.join(cwd, 'demo.png'));
    expect(resolveScreenshotPath('shots/demo.png', { cwd })).toBe(path.join(cwd, 'shots', 'demo.png'));
    expect(resolveScreenshotPath('../demo.png', { cwd })).toBe(path.join(path.dirname(cwd), 'demo.png'));
  });

  it('absolute paths stay, ~/ is the home folder, a folder gets verbatim-demo.png', () => {
    const cwd = tempDir();
    const abs = path.join(cwd, 'a.png');
    expect(resolveScreenshotPath(abs, { cwd: os.tmpdir() })).toBe(abs);
    expect(resolveScreenshotPath('~/x.png', { cwd, home: path.join(cwd, 'home') })).toBe(path.join(cwd, 'home', 'x.png'));
    fs.mkdirSync(path.join(cwd, 'shots'));
    expect(resolveScreenshotPath('shots', { cwd })).toBe(path.join(cwd, 'shots', 'verbatim-demo.png'));
    expect(resolveScreenshotPath('new-folder/', { cwd })).toBe(path.join(cwd, 'new-folder', 'verbatim-demo.png'));
  });

  it('npm runs scripts from the project root: the user folder comes from INIT_CWD', () => {
    const user = tempDir();
    expect(userCwd({ INIT_CWD: user }, '/project')).toBe(user);
    expect(userCwd({}, user)).toBe(user);
    expect(userCwd({ INIT_CWD: 'relative' }, user)).toBe(user);
  });
});

describe('removeDirWithRetries', () => {
  it('removes a profile while something is still writing into it', async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'Default', 'Cache'), { recursive: true });
    for (let i = 0; i < 50; i++) fs.writeFileSync(path.join(dir, 'Default', 'Cache', `f${i}`), 'x'.repeat(1000));
    // A browser that has not quite let go: it keeps writing for a moment after the removal starts.
    let writes = 0;
    const writer = setInterval(() => {
      // a fixed number of late writes, not a time: the test must not depend on the machine's speed
      if (writes >= 20) return clearInterval(writer);
      try {
        fs.mkdirSync(path.join(dir, 'Default'), { recursive: true });
        fs.writeFileSync(path.join(dir, 'Default', `late-${writes++}`), 'x');
      } catch {
        /* the folder is being removed */
      }
    }, 5);
    await removeDirWithRetries(dir, { delayMs: 50, attempts: 400 });
    clearInterval(writer);
    expect(fs.existsSync(dir)).toBe(false);
    expect(writes).toBeGreaterThan(0);
  });

  it('retries ENOTEMPTY, then succeeds', async () => {
    const dir = tempDir();
    let calls = 0;
    const rm = async (p: string, o: fs.RmOptions) => {
      calls++;
      if (calls < 3) throw Object.assign(new Error('ENOTEMPTY: directory not empty, rmdir Default'), { code: 'ENOTEMPTY' });
      await fs.promises.rm(p, o);
    };
    await expect(removeDirWithRetries(dir, { rm, delayMs: 1 })).resolves.toBe(3);
    expect(fs.existsSync(dir)).toBe(false);
  });

  it('gives up after the last try, and does not retry other errors', async () => {
    const enotempty = async () => {
      throw Object.assign(new Error('ENOTEMPTY'), { code: 'ENOTEMPTY' });
    };
    await expect(removeDirWithRetries(tempDir(), { rm: enotempty, attempts: 3, delayMs: 1 })).rejects.toThrow('ENOTEMPTY');
    let calls = 0;
    const other = async () => {
      calls++;
      throw Object.assign(new Error('EIO'), { code: 'EIO' });
    };
    await expect(removeDirWithRetries(tempDir(), { rm: other, delayMs: 1 })).rejects.toThrow('EIO');
    expect(calls).toBe(1);
  });

  it('a folder that is already gone is fine', async () => {
    await expect(removeDirWithRetries(path.join(tempDir(), 'never-made'))).resolves.toBe(1);
  });
});

describe('createShutdown', () => {
  function harness(state: Parameters<typeof createShutdown>[0], closeTimeoutMs = 1000) {
    const events: string[] = [];
    const exits: number[] = [];
    const shutdown = createShutdown(state, {
      log: (s) => events.push(`log ${s.trim()}`),
      warn: (s) => events.push(`warn ${s}`),
      exit: (c) => exits.push(c),
      closeTimeoutMs,
      remove: async (d) => {
        events.push(`remove ${d}`);
        fs.rmSync(d, { recursive: true, force: true });
      },
    });
    return { events, exits, shutdown };
  }

  it('closes the browser and waits for it, stops the server, then removes the profile, then exits 0', async () => {
    const profile = tempDir();
    const state = {
      profile,
      closeBrowser: async () => {
        await new Promise((r) => setTimeout(r, 30));
        events.push('browser closed');
      },
      closeServer: async () => void events.push('server closed'),
      onExit: ['Screenshot: x.png'],
    };
    const { events, exits, shutdown } = harness(state);
    await shutdown(0, 'Ctrl-C');
    expect(events).toEqual([
      'log Ctrl-C: closing the browser and removing its profile…',
      'browser closed',
      'server closed',
      `remove ${profile}`,
      'log Screenshot: x.png',
    ]);
    expect(exits).toEqual([0]);
    expect(fs.existsSync(profile)).toBe(false);
  });

  it('runs once however many signals arrive, and marks the state as stopping at once', async () => {
    const state: Parameters<typeof createShutdown>[0] = { profile: tempDir(), closeBrowser: () => new Promise((r) => setTimeout(r, 20)) };
    const { events, exits, shutdown } = harness(state);
    const first = shutdown(0, 'Ctrl-C');
    expect(state.stopping).toBe(true);
    const second = shutdown(0, 'Ctrl-C');
    expect(second).toBe(first);
    await first;
    expect(exits).toEqual([0]);
    expect(events.filter((e) => e.startsWith('remove'))).toHaveLength(1);
    expect(events).toContain('log (Ctrl-C again: still cleaning up)');
  });

  it('a signal during start-up waits for the launch, then closes the browser it started', async () => {
    const state: Parameters<typeof createShutdown>[0] = { profile: tempDir() };
    const { events, exits, shutdown } = harness(state);
    // The launch resolves after the signal; it fills in closeBrowser as start.mjs does.
    state.pending = new Promise((r) => setTimeout(r, 30)).then(() => {
      events.push('launched');
      state.closeBrowser = async () => void events.push('browser closed');
    });
    await shutdown(0, 'Ctrl-C');
    expect(events.slice(1, 3)).toEqual(['launched', 'browser closed']);
    expect(events[3]).toBe(`remove ${state.profile}`);
    expect(exits).toEqual([0]);
  });

  it('a browser that fails or hangs on close does not keep the profile: it is removed and the exit says so', async () => {
    const profile = tempDir();
    const { events, exits, shutdown } = harness({ profile, closeBrowser: () => new Promise(() => {}), closeServer: async () => {
      throw new Error('server gone');
    } }, 20);
    await shutdown(0, 'SIGTERM');
    expect(events).toContain('warn stopping the page server: server gone');
    expect(events).toContain(`remove ${profile}`);
    expect(fs.existsSync(profile)).toBe(false);
    expect(exits).toEqual([1]);
  });
});

describe('headlessNotice', () => {
  it('says how to reach the browser and what to try', () => {
    const text = headlessNotice({ debugPort: 9222, reason: 'No display found', pageUrl: 'http://127.0.0.1:1234/news-zh-hans.html' });
    expect(text).toContain('127.0.0.1:9222');
    expect(text).toContain('chrome://inspect');
    expect(text).toContain('--screenshot');
    expect(text).toContain('http://127.0.0.1:1234/news-zh-hans.html');
    expect(text).not.toMatch(/right-click/i);
  });
});
