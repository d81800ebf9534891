/**
 * Real headless Firefox (Debian's firefox-esr) with the Firefox build (.output/firefox-mv2),
 * driven over WebDriver BiDi by puppeteer-core, against the fixture pages served on 127.0.0.1.
 *
 * - The build is installed as a temporary add-on (`browser.installExtension`, BiDi
 *   `webExtension.install`) into a throwaway profile that is removed on close.
 * - The add-on's internal UUID is fixed through the pref `extensions.webextensions.uuids`, so its
 *   pages are known in advance: moz-extension://<EXT_UUID>/options.html.
 * - `page.goto` to a moz-extension:// URL never resolves (Firefox 153 + Puppeteer 24), so extension
 *   pages are opened with the raw BiDi command `browsingContext.navigate` (needs
 *   `--remote-allow-system-access`).
 * - `extensions.webextOptionalPermissionPrompts: false` makes `permissions.request` resolve true
 *   without a prompt (a headless browser cannot show one): the options page's real switch works.
 * - Console output of pages, extension pages, the background page and content scripts goes to
 *   the browser's stdout (`devtools.console.stdout.content`); the harness keeps every line so a
 *   test can assert the extension logged no error.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
// @ts-expect-error plain ESM helper shared with scripts/start.mjs and the Chromium suite
import { startFixtureServer } from '../fixtures/server.mjs';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const EXT_DIR = path.join(ROOT, '.output/firefox-mv2');
export const SHOTS = path.join(ROOT, 'test-results/screenshots');
const FIREFOX = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
/** browser_specific_settings.gecko.id in wxt.config.ts. */
export const GECKO_ID = 'verbatim@quote-check.extension';
/** The add-on's internal UUID in the test profile (any UUID; fixed so extension URLs are known). */
export const EXT_UUID = '7e3b9a52-4c1d-4f6e-8a2b-5d9c0e1f2a34';

export interface Fixtures {
  url: string;
  close(): Promise<void>;
}

export async function serveFixtures(): Promise<Fixtures> {
  return startFixtureServer({ port: 0 });
}

export interface Firefox {
  browser: Browser;
  /** Every line the browser printed (stdout and stderr), in order. */
  output: string[];
  extUrl(p: string): string;
  /** A new tab showing an extension page (opened with browsingContext.navigate). */
  openExtensionPage(p: string): Promise<Page>;
  /** A new tab showing a web page. */
  openPage(url: string): Promise<Page>;
  /** Waits for a tab whose URL contains `part` (e.g. one the extension opened) and returns its page. */
  waitForTab(part: string, timeoutMs?: number): Promise<{ page: Page; url: string }>;
  /** Switches `prefers-color-scheme` for web content (a browser pref, set from the chrome context). */
  setColorScheme(scheme: 'light' | 'dark'): Promise<void>;
  /** The text on the (headless) system clipboard, read from the chrome context. */
  clipboardText(): Promise<string>;
  /** Lines of the browser's output that are errors or warnings of the extension or of pages. */
  consoleProblems(): string[];
  close(): Promise<void>;
}

const PREFS = {
  'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXT_UUID }),
  'extensions.webextOptionalPermissionPrompts': false,
  'devtools.console.stdout.content': true,
  // Firefox's own chrome code logs unrelated network failures (remote settings) in a sandbox.
  'devtools.console.stdout.chrome': false,
  'intl.accept_languages': 'en-US, en',
  'intl.locale.requested': 'en-US',
};

/** Puppeteer's raw WebDriver BiDi connection (not in its public types; present on a BiDi browser). */
function bidi(b: Browser): { send(method: string, params: object): Promise<unknown> } {
  const connection = (b as unknown as { connection?: { send(method: string, params: object): Promise<unknown> } }).connection;
  if (!connection) throw new Error('not a WebDriver BiDi session');
  return connection;
}

/** The BiDi browsing-context id of a page (puppeteer's BiDi frame id is that context). */
export function contextOf(page: Page): string {
  return (page.mainFrame() as unknown as { _id: string })._id;
}

async function launchOnce(profileDir: string): Promise<Browser> {
  return puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    headless: true,
    executablePath: FIREFOX,
    userDataDir: profileDir,
    // The output is collected by the harness instead of being echoed into the test log.
    dumpio: false,
    args: ['--remote-allow-system-access'],
    defaultViewport: { width: 1280, height: 800 },
    extraPrefsFirefox: PREFS,
    timeout: 60_000,
  });
}

export async function launch(): Promise<Firefox> {
  if (!fs.existsSync(path.join(EXT_DIR, 'manifest.json'))) throw new Error('build the Firefox extension first: npm run build:firefox');
  let profileDir = '';
  let browser: Browser | null = null;
  // A loaded machine occasionally fails to start Firefox in time: try once more with a new profile.
  for (let attempt = 1; !browser; attempt++) {
    profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-firefox-'));
    try {
      browser = await launchOnce(profileDir);
    } catch (e) {
      fs.rmSync(profileDir, { recursive: true, force: true });
      if (attempt >= 2) throw e;
    }
  }
  const b = browser;
  const output: string[] = [];
  const collect = (stream: NodeJS.ReadableStream | null | undefined) => {
    let rest = '';
    stream?.on('data', (d: Buffer) => {
      const lines = (rest + d.toString('utf8')).split('\n');
      rest = lines.pop() ?? '';
      output.push(...lines);
    });
  };
  collect(b.process()?.stdout);
  collect(b.process()?.stderr);

  try {
    const id = await b.installExtension(EXT_DIR);
    if (id !== GECKO_ID) throw new Error(`installed ${id}, expected ${GECKO_ID}`);
  } catch (e) {
    await b.close().catch(() => {});
    fs.rmSync(profileDir, { recursive: true, force: true });
    throw e;
  }

  const extUrl = (p: string) => `moz-extension://${EXT_UUID}/${p.replace(/^\//, '')}`;

  async function navigate(page: Page, url: string) {
    await bidi(b).send('browsingContext.navigate', { context: contextOf(page), url, wait: 'complete' });
  }

  async function tree(): Promise<Array<{ context: string; url: string }>> {
    const r = (await bidi(b).send('browsingContext.getTree', {})) as unknown as { result: { contexts: Array<{ context: string; url: string }> } };
    return r.result.contexts;
  }

  /** Runs privileged script in the browser window (needs --remote-allow-system-access); returns a string or number result. */
  async function chromeEval(expression: string): Promise<unknown> {
    const r = (await bidi(b).send('browsingContext.getTree', { 'moz:scope': 'chrome' })) as unknown as {
      result: { contexts: Array<{ context: string }> };
    };
    const context = r.result.contexts[0]?.context;
    if (!context) throw new Error('no chrome context (is --remote-allow-system-access set?)');
    const res = (await bidi(b).send('script.evaluate', { expression, target: { context }, awaitPromise: false })) as unknown as {
      result: { type: string; result?: { value?: unknown }; exceptionDetails?: unknown };
    };
    if (res.result.type !== 'success') throw new Error(`chrome evaluate failed: ${JSON.stringify(res.result)}`);
    return res.result.result?.value;
  }

  return {
    browser: b,
    output,
    extUrl,
    async openExtensionPage(p) {
      const page = await b.newPage();
      await navigate(page, extUrl(p));
      return page;
    },
    async openPage(url) {
      const page = await b.newPage();
      await page.goto(url, { waitUntil: 'load' });
      return page;
    },
    async waitForTab(part, timeoutMs = 20_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const found = (await tree()).find((c) => c.url.includes(part));
        if (found) {
          const page = (await b.pages()).find((p) => contextOf(p) === found.context);
          if (page) return { page, url: found.url };
        }
        if (Date.now() > until) throw new Error(`no tab with "${part}" in its URL; tabs: ${(await tree()).map((c) => c.url).join(', ')}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async setColorScheme(scheme) {
      // 0 = dark, 1 = light (layout.css.prefers-color-scheme.content-override).
      await chromeEval(`Services.prefs.setIntPref('layout.css.prefers-color-scheme.content-override', ${scheme === 'dark' ? 0 : 1})`);
    },
    async clipboardText() {
      const text = await chromeEval(`(() => {
        const t = Cc['@mozilla.org/widget/transferable;1'].createInstance(Ci.nsITransferable);
        t.init(null);
        t.addDataFlavor('text/plain');
        Services.clipboard.getData(t, Ci.nsIClipboard.kGlobalClipboard, null);
        const out = {};
        try { t.getTransferData('text/plain', out); } catch { return ''; }
        return out.value.QueryInterface(Ci.nsISupportsString).data;
      })()`);
      return String(text ?? '');
    },
    consoleProblems() {
      return output.filter(isConsoleProblem);
    },
    async close() {
      await b.close().catch(() => {});
      fs.rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/**
 * Firefox's own components that log through a prefixed console (not the extension): seen here when
 * the browser cannot reach its remote-settings server (there is no network in the tests).
 */
const FIREFOX_NOISE = /^console\.\w+: (RSLoader|RemoteSettings|Nimbus\w*|ExperimentAPI): /;

/**
 * An error or warning printed by content (pages, extension pages, the background page, content
 * scripts): `console.error:`/`console.warn:` lines (content console only: chrome console output is
 * off, and the fixture pages run no script) and uncaught errors located in the extension or a page.
 */
export function isConsoleProblem(line: string): boolean {
  if (FIREFOX_NOISE.test(line)) return false;
  if (/^console\.(error|warn)\b/.test(line)) return true;
  return /^JavaScript (error|warning): (moz-extension|https?):\/\//.test(line);
}

/**
 * Selects the text of the element matching `selector` (a Range), then releases the mouse there, as
 * a reader would: the mouseup comes after the browser has reported the selection change (as when
 * dragging), not in the same task.
 */
export async function selectAndRelease(page: Page, selector: string): Promise<string> {
  return page.evaluate(async (sel) => {
    const el = document.querySelector(sel);
    if (!el) throw new Error(`no ${sel}`);
    const changed = new Promise<void>((done) => {
      document.addEventListener('selectionchange', () => done(), { once: true });
      setTimeout(done, 500);
    });
    const range = document.createRange();
    range.selectNodeContents(el);
    const s = document.getSelection()!;
    s.removeAllRanges();
    s.addRange(range);
    await changed;
    const r = range.getBoundingClientRect();
    el.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, composed: true, clientX: r.right, clientY: r.bottom, button: 0 }));
    return s.toString();
  }, selector);
}

export interface CardInfo {
  state: string | null;
  verdict: string | null;
  speaker: string | null;
  speakerText: string;
  mark: string;
  passageLang: string | null;
  diffQuote: string[];
  diffTranscript: string[];
  matches: Array<string | null>;
  gloss: string;
  headline: string;
  openSection: number;
  text: string;
}

/** What the open card shows, read from its (open) shadow root; null when there is no card. */
export async function readCard(page: Page): Promise<CardInfo | null> {
  return page.evaluate(() => {
    const root = document.querySelector('verbatim-card')?.shadowRoot;
    const card = root?.querySelector('[data-testid="card"]') as HTMLElement | null | undefined;
    if (!root || !card) return null;
    const one = (id: string) => root.querySelector(`[data-testid="${id}"]`) as HTMLElement | null;
    const all = (id: string) => Array.from(root.querySelectorAll(`[data-testid="${id}"]`)) as HTMLElement[];
    return {
      state: card.getAttribute('data-state'),
      verdict: one('verdict')?.getAttribute('data-verdict') ?? null,
      speaker: one('speaker')?.getAttribute('data-speaker') ?? null,
      speakerText: one('speaker')?.textContent ?? '',
      mark: one('passage-mark')?.textContent ?? '',
      passageLang: one('passage')?.getAttribute('lang') ?? null,
      diffQuote: all('diff-quote').map((e) => e.textContent ?? ''),
      diffTranscript: all('diff-transcript').map((e) => e.textContent ?? ''),
      matches: all('match').map((e) => e.getAttribute('data-paragraph')),
      gloss: one('gloss')?.textContent ?? '',
      headline: one('headline')?.textContent ?? '',
      openSection: all('open-section').length,
      text: card.textContent ?? '',
    };
  });
}

/** Polls `fn` until it returns a truthy value (conditions, never fixed sleeps as assertions). */
export async function waitFor<T>(fn: () => Promise<T>, what: string, timeoutMs = 20_000): Promise<NonNullable<T>> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v as NonNullable<T>;
    } catch (e) {
      last = e;
    }
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A screenshot of the element matched by `selector` (`pierce/` reaches into shadow roots), or of the page. */
export async function shot(page: Page, name: string, selector?: string): Promise<string> {
  fs.mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, `${name}.png`) as `${string}.png`;
  if (selector) {
    const el = await page.waitForSelector(selector);
    await el!.screenshot({ path: file });
  } else {
    await page.screenshot({ path: file });
  }
  return file;
}
