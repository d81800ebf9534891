// `npm start`: Debian's Chromium with the built extension (.output/chrome-mv3) on a demo news
// page, a quote already selected and Verbatim's card shown. Builds nothing itself: `npm start`
// runs `npm run build` first. Options: `npm start -- --help` (USAGE in scripts/start-lib.ts).
//
// It drives Chromium the way the e2e harness does (test/e2e/harness.ts): a throwaway profile in
// which the optional host access is granted (as if the user had switched check-on-select on and
// accepted the prompt), so the context-menu handler can be called through DevTools and the card
// appears without a click. The profile is removed on exit, Ctrl-C included.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startFixtureServer } from '../test/fixtures/server.mjs';
import { grantAllUrlsInProfile, selectElementText } from '../test/e2e/harness.ts';
import {
  USAGE,
  createShutdown,
  headlessNotice,
  parseStartArgs,
  pickDebugPort,
  resolveScreenshotPath,
  userCwd,
} from './start-lib.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const EXT = path.join(ROOT, '.output/chrome-mv3');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const VIEWPORT = { width: 1280, height: 900 };

let opts;
try {
  opts = parseStartArgs(process.argv.slice(2));
} catch (e) {
  console.error(e.message);
  process.exit(2);
}
if (opts.help) {
  console.log(USAGE);
  process.exit(0);
}
if (!fs.existsSync(path.join(EXT, 'manifest.json'))) {
  console.error('No build in .output/chrome-mv3: run `npm run build` (or `npm start`).');
  process.exit(1);
}
if (!fs.existsSync(CHROMIUM)) {
  console.error(`No Chromium at ${CHROMIUM}: run bash scripts/setup.sh (apt-get install -y chromium fonts-noto-cjk), or set CHROMIUM_PATH.`);
  process.exit(1);
}

const screenshot = opts.screenshot === null ? null : resolveScreenshotPath(opts.screenshot, { cwd: userCwd() });
let noDisplayReason = null;
if (!opts.headless && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  noDisplayReason = 'No display found (DISPLAY and WAYLAND_DISPLAY are not set)';
  opts.headless = true;
}

const state = { onExit: [] };
const shutdown = createShutdown(state);
class Stopping extends Error {}
process.on('SIGINT', () => void shutdown(0, 'Ctrl-C'));
process.on('SIGTERM', () => void shutdown(0, 'SIGTERM'));
process.on('SIGHUP', () => void shutdown(0, 'SIGHUP'));

/**
 * Starts Chromium on the profile. The launch is recorded in `state` before it resolves, so a
 * Ctrl-C during start-up waits for it and closes that browser too.
 */
function launchChromium({ headless, debugPort }) {
  if (state.stopping) throw new Stopping();
  const args = [
    `--disable-extensions-except=${EXT}`,
    `--load-extension=${EXT}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
  ];
  if (headless) args.push('--disable-gpu');
  else args.push(`--window-size=${VIEWPORT.width},${VIEWPORT.height + 100}`);
  if (debugPort) args.push(`--remote-debugging-port=${debugPort}`, '--remote-debugging-address=127.0.0.1');
  const launching = chromium
    .launchPersistentContext(state.profile, {
      executablePath: CHROMIUM,
      headless,
      args,
      // A real window sizes its own pages; headless gets the demo size.
      viewport: headless ? VIEWPORT : null,
      // No "controlled by automated test software" bar in the user's window.
      ignoreDefaultArgs: ['--enable-automation'],
      // start.mjs closes the browser itself on a signal, then removes the profile.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    })
    .then((context) => {
      state.closeBrowser = () => context.close();
      return context;
    });
  state.pending = launching;
  return launching;
}

async function extensionWorker(context, timeout = 30_000) {
  const isOurs = (w) => w.url().startsWith('chrome-extension://');
  return context.serviceWorkers().find(isOurs) ?? context.waitForEvent('serviceworker', { timeout, predicate: isOurs });
}

/** Switches check-on-select on through the real options page, so selecting another quote shows the check button. */
async function enableCheckOnSelect(context, extensionId) {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByTestId('opt-check-on-select').check();
  const registered = async () => {
    const w = await extensionWorker(context);
    return w.evaluate(async () => (await globalThis.chrome.scripting.getRegisteredContentScripts()).length > 0);
  };
  for (let i = 0; i < 50 && !(await registered()); i++) await options.waitForTimeout(100);
  await options.close();
}

/** Selects the quote and calls the context-menu handler for its tab, as the e2e tests do; waits for the card. */
async function showCard(context, page, quoteId) {
  const selector = `#${quoteId}`;
  if (!(await page.locator(selector).count())) throw new Error(`no quote ${selector} on ${page.url()} (try --quote=none)`);
  // The quote near the top of the window, so the card below it has room.
  await page.locator(selector).evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 140));
  const text = await selectElementText(page, selector);
  const worker = await extensionWorker(context);
  const url = page.url();
  const tabId = await worker.evaluate(async (u) => (await globalThis.chrome.tabs.query({})).find((t) => t.url === u)?.id ?? -1, url);
  if (tabId < 0) throw new Error(`no tab for ${url}`);
  const shown = await worker.evaluate(
    ([id, selectionText]) => globalThis.verbatimBackground.handleMenuClick({ menuItemId: 'verbatim-check', selectionText, frameId: 0 }, { id }),
    [tabId, text],
  );
  if (!shown?.shown) throw new Error(`the card was not shown: ${JSON.stringify(shown)}`);
  await page.waitForFunction(() => document.querySelector('verbatim-card')?.getAttribute('data-paint-ms'), null, { timeout: 30_000 });
  const box = await page.locator('verbatim-card [data-testid="card"]').boundingBox();
  const inView = box && box.y >= 0 && box.x >= 0 && box.y < VIEWPORT.height && box.x + box.width <= VIEWPORT.width;
  if (!inView) console.warn('The card is not wholly in the viewport:', box);
  return text;
}

async function main() {
  const server = await startFixtureServer({ port: opts.port });
  state.closeServer = () => server.close();
  state.profile = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-start-'));
  const pageUrl = `${server.url}/${opts.page}`;
  console.log(`Demo pages:  ${server.url}/  (opening ${opts.page})`);
  console.log(`Extension:   ${EXT}`);
  console.log(`Profile:     ${state.profile}  (throwaway, removed on exit)`);

  // First start installs the extension into the fresh profile; then host access is recorded
  // as granted (Chromium reads it at start-up) and the browser starts again.
  const installing = await launchChromium({ headless: true });
  const extensionId = new URL((await extensionWorker(installing)).url()).host;
  await installing.close();
  state.closeBrowser = undefined;
  grantAllUrlsInProfile(state.profile, extensionId);

  const debugPort = opts.headless && !screenshot ? await pickDebugPort(opts.debugPort) : 0;
  const context = await launchChromium({ headless: opts.headless, debugPort });
  if (!screenshot) context.on('close', () => {
    if (!state.stopping) void shutdown(0, 'The browser was closed');
  });
  await enableCheckOnSelect(context, extensionId);

  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(pageUrl);
  await page.bringToFront();
  if (opts.quote) {
    const text = await showCard(context, page, opts.quote);
    console.log(`Selected:    ${text.length > 60 ? `${text.slice(0, 60)}…` : text}  (#${opts.quote}, card shown)`);
  }

  if (screenshot) {
    fs.mkdirSync(path.dirname(screenshot), { recursive: true });
    await page.screenshot({ path: screenshot });
    state.onExit.push(`Screenshot:  ${screenshot}`);
    await shutdown(0);
    return;
  }
  if (opts.headless) console.log(`\n${headlessNotice({ debugPort, reason: noDisplayReason, pageUrl })}`);
  console.log(
    '\nReady. Select another quote and click the small check button, or right-click → "Check quote with Verbatim",' +
      '\nAlt+Shift+V, or the toolbar button. Ctrl-C to quit.',
  );
}

main().catch((e) => {
  if (e instanceof Stopping || state.stopping) return; // a signal arrived during start-up: shutdown is already running
  console.error(`npm start failed: ${e?.stack ?? e}`);
  void shutdown(1);
});
