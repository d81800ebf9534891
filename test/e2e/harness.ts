/**
 * Real Chromium with the built extension (.output/chrome-mv3), headless, against the fixture
 * pages served on 127.0.0.1. See README "Testing with an automated browser".
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
// @ts-expect-error plain ESM helper shared with scripts/start.mjs
import { startFixtureServer } from '../fixtures/server.mjs';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const EXT_DIR = path.join(ROOT, '.output/chrome-mv3');
export const SHOTS = path.join(ROOT, 'test-results/screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export interface Fixtures {
  url: string;
  close(): Promise<void>;
}

export async function serveFixtures(): Promise<Fixtures> {
  return startFixtureServer({ port: 0 });
}

export interface Browser {
  context: BrowserContext;
  extensionId: string;
  userDataDir: string;
  /** The extension's service worker (re-fetched: it may have been stopped and restarted). */
  worker(): Promise<Worker>;
  extUrl(p: string): string;
  close(): Promise<void>;
}

const ARGS = (ext: string) => [
  `--disable-extensions-except=${ext}`,
  `--load-extension=${ext}`,
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--disable-gpu',
  '--lang=en-US',
];

async function launchOnce(userDataDir: string, extraArgs: string[] = []): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...ARGS(EXT_DIR), ...extraArgs],
    viewport: { width: 1280, height: 800 },
    locale: 'en-US',
  });
}

async function findWorker(context: BrowserContext, timeout = 15_000): Promise<Worker> {
  const existing = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  if (existing) return existing;
  return context.waitForEvent('serviceworker', { timeout, predicate: (w) => w.url().startsWith('chrome-extension://') });
}

/**
 * The id Chromium gives an unpacked extension: the first 128 bits of SHA-256 of its absolute
 * path, written with the letters a–p.
 */
export function unpackedExtensionId(dir: string): string {
  const hex = crypto.createHash('sha256').update(dir).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

/**
 * Grants the optional host permission `<all_urls>` as if the user had accepted the browser's
 * prompt: records it in the profile's Preferences (granted, active and runtime-granted
 * permission sets of the extension). Chromium reads these at start-up; the profile must not be
 * in use. Headless Chromium cannot show (or click) the permission prompt, so this is how the
 * tests switch check-on-select on.
 */
export function grantAllUrlsInProfile(userDataDir: string, extensionId: string): void {
  const file = path.join(userDataDir, 'Default', 'Preferences');
  const prefs = JSON.parse(fs.readFileSync(file, 'utf8'));
  const entry = prefs?.extensions?.settings?.[extensionId];
  if (!entry) throw new Error(`extension ${extensionId} not found in ${file}`);
  for (const key of ['active_permissions', 'granted_permissions', 'runtime_granted_permissions']) {
    const set = (entry[key] ??= { api: [], explicit_host: [], manifest_permissions: [], scriptable_host: [] });
    set.explicit_host = Array.from(new Set([...(set.explicit_host ?? []), '<all_urls>']));
  }
  fs.writeFileSync(file, JSON.stringify(prefs));
}

/** `extraArgs`: more Chromium flags (the hardening suite adds --enable-unsafe-extension-debugging to reload the extension over CDP). */
export async function launch(opts: { grantAllUrls?: boolean; extraArgs?: string[] } = {}): Promise<Browser> {
  if (!fs.existsSync(path.join(EXT_DIR, 'manifest.json'))) throw new Error('build the extension first: npm run build');
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-e2e-'));
  let context = await launchOnce(userDataDir, opts.extraArgs);
  let w = await findWorker(context);
  const extensionId = new URL(w.url()).host;
  if (opts.grantAllUrls) {
    // First run installed the extension and wrote its entry; close, grant, start again.
    await context.close();
    grantAllUrlsInProfile(userDataDir, extensionId);
    context = await launchOnce(userDataDir, opts.extraArgs);
    w = await findWorker(context);
  }
  const ctx = context;
  return {
    context: ctx,
    extensionId,
    userDataDir,
    async worker() {
      return findWorker(ctx);
    },
    extUrl: (p: string) => `chrome-extension://${extensionId}/${p.replace(/^\//, '')}`,
    async close() {
      await ctx.close().catch(() => {});
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Closes the browser and starts it again on the same profile (a browser restart: the
 * extension's IndexedDB and storage must come back from disk). The old `b` is unusable after.
 */
export async function relaunch(b: Browser, extraArgs: string[] = []): Promise<Browser> {
  await b.context.close().catch(() => {});
  const ctx = await launchOnce(b.userDataDir, extraArgs);
  await findWorker(ctx);
  return {
    ...b,
    context: ctx,
    async worker() {
      return findWorker(ctx);
    },
    async close() {
      await ctx.close().catch(() => {});
      fs.rmSync(b.userDataDir, { recursive: true, force: true });
    },
  };
}

/** Selects the text content of the element matching `selector`. */
export async function selectElementText(page: Page, selector: string): Promise<string> {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) throw new Error(`no ${sel}`);
    const range = document.createRange();
    range.selectNodeContents(el);
    const s = document.getSelection()!;
    s.removeAllRanges();
    s.addRange(range);
    return s.toString();
  }, selector);
}

/**
 * Chrome's tab id of a page, found from the worker by URL (visible with host access), else as
 * the active tab after bringing the page to the front (without host access URLs are hidden).
 */
export async function tabIdOf(b: Browser, page: Page): Promise<number> {
  const w = await b.worker();
  const url = page.url();
  const byUrl = await w.evaluate(async (u) => {
    const tabs: Array<{ id?: number; url?: string }> = await (globalThis as any).chrome.tabs.query({});
    return tabs.find((t) => t.url === u)?.id ?? -1;
  }, url);
  if (byUrl >= 0) return byUrl;
  await page.bringToFront();
  const active = await w.evaluate(async () => {
    const tabs: Array<{ id?: number }> = await (globalThis as any).chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tabs.length === 1 ? (tabs[0].id ?? -1) : -1;
  });
  if (active < 0) throw new Error(`no tab for ${url}`);
  return active;
}

/** Calls the same function the context-menu item calls (menus cannot be clicked headless). */
export async function triggerMenu(b: Browser, page: Page, selectionText: string) {
  const tabId = await tabIdOf(b, page);
  const w = await b.worker();
  return w.evaluate(
    ([id, text]) =>
      (globalThis as any).verbatimBackground.handleMenuClick({ menuItemId: 'verbatim-check', selectionText: text, frameId: 0 }, { id }),
    [tabId, selectionText] as const,
  );
}

/** Calls the keyboard-shortcut handler for the page's tab. */
export async function triggerCommand(b: Browser, page: Page) {
  const tabId = await tabIdOf(b, page);
  const w = await b.worker();
  return w.evaluate((id) => (globalThis as any).verbatimBackground.handleCommand('check-selection', { id }), tabId);
}

export function card(page: Page) {
  return page.locator('verbatim-card [data-testid="card"]');
}

export async function shot(page: Page, name: string, locator?: ReturnType<Page['locator']>) {
  fs.mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, `${name}.png`);
  if (locator) await locator.screenshot({ path: file });
  else await page.screenshot({ path: file });
  return file;
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const i = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
  return s[i];
}

/**
 * The fixture server and a browser with the extension for a file's tests: started before them,
 * closed after them. `use` receives both once they are up; a file that relaunches the browser
 * passes `current` so the one open at the end is the one closed.
 */
export function withBrowser(
  opts: Parameters<typeof launch>[0],
  use: (env: { fx: Fixtures; b: Browser }) => void,
  current?: () => Browser | undefined,
): void {
  let env: { fx: Fixtures; b: Browser } | undefined;
  beforeAll(async () => {
    const fx = await serveFixtures();
    env = { fx, b: await launch(opts) };
    use(env);
  });
  afterAll(async () => {
    await (current?.() ?? env?.b)?.close();
    await env?.fx.close();
  });
}

let pageCount = 0;
/** A fixture page in a fresh tab, in the colour scheme asked for (a query string keeps each load new). */
export async function openFixturePage(b: Browser, fx: Fixtures, file: string, scheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const page = await b.context.newPage();
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(`${fx.url}/${file}?page=${++pageCount}`);
  await page.bringToFront();
  return page;
}

/** Select an element's text, check it from the context menu, and wait for the card's first match. */
export async function checkSelected(b: Browser, page: Page, selector: string): Promise<ReturnType<typeof card>> {
  const text = await selectElementText(page, selector);
  const r = await triggerMenu(b, page, text);
  if (!r.shown) throw new Error(`no card for ${selector}: ${JSON.stringify(r)}`);
  await card(page).locator('[data-testid="source"]').waitFor();
  return card(page);
}

/** Opens a fixture page, checks an element's text from the context menu and waits for the verdict: the page and its card. */
export async function checkOnFixturePage(b: Browser, fx: Fixtures, file: string, selector: string): Promise<{ page: Page; c: ReturnType<typeof card> }> {
  const page = await openFixturePage(b, fx, file);
  const text = await selectElementText(page, selector);
  await expect(triggerMenu(b, page, text)).resolves.toMatchObject({ shown: true });
  const c = card(page);
  await c.getByTestId('verdict').first().waitFor();
  return { page, c };
}

/** The Sources page in a fresh tab, once its list is shown. */
export async function openSources(b: Browser, scheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const page = await b.context.newPage();
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(b.extUrl('sources.html'));
  await page.locator('body[data-ready="true"]').waitFor();
  await page.getByTestId('source-row').first().waitFor();
  return page;
}

/** Rows of the Sources list that are the reader's own, not deleted. */
export function liveSourceRows(page: Page) {
  return page.locator('[data-testid="source-row"]:not([data-source="builtin"]):not([data-deleted="true"])');
}
