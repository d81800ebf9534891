// The parts of `npm start` (scripts/start.mjs) that can be tested without a browser: arguments,
// where a screenshot goes, removing the throwaway profile, the shutdown order, the messages.
// Unit tests: test/scripts/start-lib.test.ts.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const USAGE = `npm start [-- options]   (or: node --import tsx scripts/start.mjs [options])

  (no option)              Chromium window with Verbatim on a demo news page, a quote selected
                           and its card shown; select other quotes and click the check button.
                           Until Ctrl-C or the window is closed.
  --headless               no window; DevTools on 127.0.0.1:<debug-port> until Ctrl-C
  --screenshot[=file.png]  headless: save a screenshot of the page with the card, then exit
                           (relative to the current folder; no value: a temporary file)
  --page=news-en.html      another demo page (news-zh-hans.html, news-zh-hant.html, news-en.html,
                           index.html, source-pinyin.html)
  --quote=altered          the quote selected on the page: an element id on it (verbatim,
                           altered, host, independent, en, trad-altered… or q-…), or none
  --port=N                 fixture server port (default: random)
  --debug-port=N           DevTools port with --headless (default 9222; another free one if taken)
  env CHROMIUM_PATH        the browser (default /usr/bin/chromium)`;

/** The quote each demo page opens with: the card shows the most (an altered quote lists its differences). */
const DEFAULT_QUOTE: Record<string, string> = {
  'news-zh-hans.html': 'q-altered',
  'news-zh-hant.html': 'q-trad-altered',
  'news-en.html': 'q-en',
};

/**
 * `--name`, `--name=value`; `--help`/`-h`. Unknown options are an error, so a typo does not
 * silently start something else.
 */
export interface StartOptions {
  help: boolean;
  headless: boolean;
  /** `true`: a temporary file; a string: the path as typed; null: no screenshot. */
  screenshot: string | true | null;
  page: string;
  /** The id of the element whose text is selected (`q-altered`), or null for none. */
  quote: string | null;
  port: number;
  debugPort: number;
}

export function parseStartArgs(argv: string[]): StartOptions {
  const known = new Set(['headless', 'screenshot', 'page', 'quote', 'port', 'debug-port', 'help']);
  const raw: Record<string, string | true> = {};
  for (const a of argv) {
    if (a === '-h') {
      raw.help = true;
      continue;
    }
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(a);
    if (!m || !known.has(m[1])) throw new Error(`unknown argument ${a}\n\n${USAGE}`);
    raw[m[1]] = m[2] ?? true;
  }
  const page = typeof raw.page === 'string' && raw.page ? raw.page.replace(/^\/+/, '') : 'news-zh-hans.html';
  const num = (v: string | true | undefined, name: string, fallback: number) => {
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`--${name} wants a port number, got ${v}`);
    return n;
  };
  let quote: string | null = raw.quote === undefined ? (DEFAULT_QUOTE[page] ?? null) : String(raw.quote);
  if (quote === 'none' || quote === '' || quote === 'true') quote = null;
  else if (quote) {
    quote = quote.replace(/^#/, '');
    if (!quote.startsWith('q-')) quote = `q-${quote}`;
  }
  return {
    help: raw.help === true,
    headless: raw.headless === true || raw.screenshot !== undefined,
    screenshot: raw.screenshot === undefined ? null : raw.screenshot === true ? true : String(raw.screenshot),
    page,
    quote,
    port: num(raw.port, 'port', 0),
    debugPort: num(raw['debug-port'], 'debug-port', 9222),
  };
}

/**
 * Where `--screenshot[=value]` writes. No value: a new file in the temp folder (printed on exit).
 * A relative value is relative to the folder the user ran `npm start` from (`INIT_CWD`: npm runs
 * scripts from the project root), `~/` is the home folder, and a folder gets `verbatim-demo.png`.
 */
export function resolveScreenshotPath(
  value: string | true | null | undefined,
  { cwd, tmpdir = os.tmpdir(), home = os.homedir(), now = new Date() }: { cwd: string; tmpdir?: string; home?: string; now?: Date },
): string {
  if (value === true || value == null) {
    const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
    return path.join(tmpdir, `verbatim-demo-${stamp}.png`);
  }
  let p = String(value);
  if (p === '~' || p.startsWith('~/')) p = path.join(home, p.slice(1));
  const abs = path.resolve(cwd, p);
  const isDir = /[/\\]$/.test(p) || (fs.existsSync(abs) && fs.statSync(abs).isDirectory());
  return isDir ? path.join(abs, 'verbatim-demo.png') : abs;
}

/** The folder the user typed the command in. */
export function userCwd(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  return env.INIT_CWD && path.isAbsolute(env.INIT_CWD) ? env.INIT_CWD : cwd;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * rm -rf that waits out a browser still writing into its profile (ENOTEMPTY, EBUSY: a file
 * appeared while the folder was emptied). Returns once the folder is gone; throws after
 * `attempts` tries.
 */
export async function removeDirWithRetries(
  dir: string,
  { attempts = 20, delayMs = 150, rm = fs.promises.rm }: { attempts?: number; delayMs?: number; rm?: (p: string, o: fs.RmOptions) => Promise<void> } = {},
): Promise<number> {
  for (let i = 1; ; i++) {
    try {
      await rm(dir, { recursive: true, force: true });
      if (!fs.existsSync(dir)) return i;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException)?.code ?? '';
      if (i >= attempts || !['ENOTEMPTY', 'EBUSY', 'EPERM', 'EACCES', 'EEXIST'].includes(code)) throw e;
    }
    if (i >= attempts) throw new Error(`could not remove ${dir} after ${attempts} tries`);
    await sleep(delayMs);
  }
}

/** Resolves `p`, or undefined after `ms` (a browser that does not close must not hold up the exit). */
export function withTimeout<T>(p: T | Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([Promise.resolve(p), new Promise<undefined>((r) => (timer = setTimeout(r, ms, undefined)))]).finally(() => clearTimeout(timer));
}

/**
 * Shutdown in the order that leaves nothing behind: wait for a browser launch in progress, close
 * the browser and wait for it to exit, stop the fixture server, then remove the profile (with
 * retries), then exit. Runs once however many signals arrive; a step that fails or hangs does
 * not stop the later ones.
 *
 * Each field of `state` is read when its step runs, so the caller fills it in as things start;
 * `state.stopping` is set at once, so the caller starts nothing new.
 */
export interface ShutdownState {
  /** A browser launch in progress. */
  pending?: Promise<unknown>;
  closeBrowser?: () => Promise<unknown>;
  closeServer?: () => Promise<unknown>;
  profile?: string;
  /** Lines printed last (the screenshot's path). */
  onExit?: string[];
  stopping?: boolean;
}

export function createShutdown(
  state: ShutdownState,
  {
    log = console.log,
    warn = console.error,
    exit = (code: number) => process.exit(code),
    closeTimeoutMs = 15_000,
    remove = removeDirWithRetries,
  }: {
    log?: (s: string) => void;
    warn?: (s: string) => void;
    exit?: (code: number) => void;
    closeTimeoutMs?: number;
    remove?: (dir: string) => Promise<unknown>;
  } = {},
): (code?: number, reason?: string) => Promise<void> {
  let running: Promise<void> | null = null;
  return function shutdown(code = 0, reason = '') {
    if (running) {
      if (reason) log(`(${reason} again: still cleaning up)`);
      return running;
    }
    state.stopping = true;
    running = (async () => {
      if (reason) log(`\n${reason}: closing the browser and removing its profile…`);
      let failed = false;
      const step = async (name: string, fn: (() => unknown) | undefined) => {
        if (!fn) return;
        try {
          await withTimeout(fn(), closeTimeoutMs);
        } catch (e) {
          failed = true;
          warn(`${name}: ${(e as Error)?.message ?? e}`);
        }
      };
      await step('browser start', () => state.pending);
      await step('closing the browser', state.closeBrowser);
      await step('stopping the page server', state.closeServer);
      if (state.profile) {
        try {
          await remove(state.profile);
        } catch (e) {
          failed = true;
          warn(`could not remove the profile ${state.profile}: ${(e as Error)?.message ?? e}`);
        }
      }
      for (const line of state.onExit ?? []) log(line);
      exit(failed && code === 0 ? 1 : code);
    })();
    return running;
  };
}

/** Is `port` free on 127.0.0.1? */
export function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

/** `preferred` if free, else a free port the system picks. */
export async function pickDebugPort(preferred: number): Promise<number> {
  if (preferred !== 0 && (await portFree(preferred))) return preferred;
  return new Promise<number>((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** What to tell the user when Chromium runs without a window. */
export function headlessNotice({ debugPort, reason, pageUrl }: { debugPort: number; reason: string | null; pageUrl: string }): string {
  return [
    reason ? `${reason}: Chromium runs headless (no window).` : 'Chromium runs headless (no window).',
    `Reach it through DevTools at 127.0.0.1:${debugPort}:`,
    `  - from Chrome or Chromium on this machine: open chrome://inspect, "Configure…", add 127.0.0.1:${debugPort},`,
    `    then "inspect" the demo page (${pageUrl}) to see and use it;`,
    `  - from another machine: ssh -L ${debugPort}:127.0.0.1:${debugPort} <this host>, then the same;`,
    `  - http://127.0.0.1:${debugPort}/json lists the open pages.`,
    'Or try: npm start -- --screenshot  (a PNG of the page with the card, path printed at the end),',
    'or run npm start in a desktop session (DISPLAY or WAYLAND_DISPLAY set) for a window.',
  ].join('\n');
}
