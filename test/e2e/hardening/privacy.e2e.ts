/**
 * Privacy: every network request the browser reports while Verbatim is used through all its
 * surfaces — the card (menu, shortcut, check-on-select), the popup with its search, the options
 * page, the transcript page, a cold worker — is recorded (Playwright's context-wide `request`
 * event: pages, frames, and the service worker through its own Network domain). Extension
 * contexts may only load the extension's own files; pages only talk to their own server. Then
 * the extension-page CSP is probed in the real browser: remote fetches, eval and inline script
 * are refused, and nothing reaches the server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Request } from 'playwright-core';
import { card, launch, tabIdOf, triggerCommand, triggerMenu, type Browser } from '../harness';
import { cardVerdict, clickCheckButton, dragSelect, enableCheckOnSelect, startHostileServer, type HostileServer } from './support';

let srv: HostileServer;
let b: Browser;

interface Seen {
  url: string;
  /** Who asked: 'worker', or the URL of the frame. */
  from: string;
}
const seen: Seen[] = [];

function record(r: Request): void {
  let from = 'unknown';
  if (r.serviceWorker()) from = 'worker';
  // A navigation belongs to the document it loads (the test opening an extension page from about:blank).
  else if (r.isNavigationRequest()) from = r.url();
  else {
    try {
      from = r.frame().url();
    } catch {
      from = 'unknown';
    }
  }
  seen.push({ url: r.url(), from });
}

beforeAll(async () => {
  srv = await startHostileServer();
  b = await launch({ grantAllUrls: true });
  b.context.on('request', record);
});

afterAll(async () => {
  await b?.close();
  await srv?.close();
});

const isExtension = (from: string) => from === 'worker' || from.startsWith('chrome-extension://');

async function stopWorker(page: Page): Promise<void> {
  const cdp = await b.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

describe('network', () => {
  it('using every surface, extension contexts request only the extension’s own files, and pages only their own server', async () => {
    await enableCheckOnSelect(b);
    const page = await b.context.newPage();
    await page.goto(`${srv.url}/css-chaos.html`);
    await page.bringToFront();

    // A cold worker first (it fetches its locale files when it starts).
    await stopWorker(page);
    // Context menu, keyboard shortcut, check-on-select button.
    await page.locator('#quote').selectText();
    await triggerMenu(b, page, '');
    await cardVerdict(page);
    await page.keyboard.press('Escape');
    await page.locator('#quote2').selectText();
    await triggerCommand(b, page);
    await cardVerdict(page);
    await page.keyboard.press('Escape');
    await clickCheckButton(page, page, () => dragSelect(page, '#quote'));
    await cardVerdict(page);
    // Open full section → the transcript page.
    const [tp] = await Promise.all([b.context.waitForEvent('page'), card(page).getByTestId('open-section').first().click()]);
    await tp.locator('body[data-ready="true"]').waitFor();
    await tp.close();
    // The popup: the verdict for the selection, then a search.
    const popup = await b.context.newPage();
    await popup.goto(b.extUrl(`popup.html?tab=${await tabIdOf(b, page)}`));
    await popup.getByTestId('popup-selection').locator('[data-testid="verdict"]').waitFor();
    await popup.getByTestId('search').fill('指数曲线');
    await popup.getByTestId('search-result').first().waitFor();
    await popup.close();
    // The options page.
    const opt = await b.context.newPage();
    await opt.goto(b.extUrl('options.html'));
    await opt.locator('body[data-ready="true"]').waitFor();
    await opt.close();
    // Cold again, then a check from the page.
    await stopWorker(page);
    await page.keyboard.press('Escape');
    await clickCheckButton(page, page, () => dragSelect(page, '#quote2'));
    await cardVerdict(page);
    await page.close();

    const own = `chrome-extension://${b.extensionId}/`;
    const fromExtension = seen.filter((s) => isExtension(s.from));
    // The recorder does see extension contexts, the worker included (a silent log proves nothing).
    expect(fromExtension.length).toBeGreaterThan(5);
    expect(fromExtension.some((s) => s.from === 'worker')).toBe(true);
    expect(fromExtension.filter((s) => !s.url.startsWith(own)), 'requests from extension contexts to anything else').toEqual([]);
    // Whoever asked (a request of a page closing fast may not be attributable): nothing in the
    // whole session went anywhere but the extension's files and the fixture server.
    expect(
      seen.filter((s) => !s.url.startsWith(own) && !s.url.startsWith(srv.url) && !s.url.startsWith(srv.crossUrl) && s.url !== 'about:blank'),
      'requests to the network',
    ).toEqual([]);
    console.log(
      `privacy: ${seen.length} requests recorded, ${fromExtension.length} from extension contexts (${fromExtension.filter((s) => s.from === 'worker').length} from the worker), 0 to the network`,
    );
  });
});

describe('extension-page Content-Security-Policy, in the browser', () => {
  it('an extension page cannot fetch elsewhere, eval, or run inline script; nothing reaches the server', async () => {
    const ext = await b.context.newPage();
    await ext.goto(b.extUrl('options.html'));
    const probe = `${srv.url}/csp-probe-page`;
    const result = await ext.evaluate(async (url) => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
      const out: Record<string, string> = {};
      out.fetch = await fetch(url).then(
        () => 'sent',
        (e) => `blocked: ${e}`,
      );
      // From a timer: code called straight from the DevTools protocol is exempt from the CSP.
      await new Promise<void>((done) =>
        setTimeout(() => {
          try {
            out.eval = String((0, eval)('1 + 1'));
          } catch (e) {
            out.eval = `blocked: ${e}`;
          }
          done();
        }, 0),
      );
      const s = document.createElement('script');
      s.textContent = 'window.__inline = 1';
      document.body.appendChild(s);
      const img = new Image();
      img.src = `${url}-img`;
      await new Promise((r) => setTimeout(r, 300));
      out.inline = String((window as unknown as { __inline?: number }).__inline ?? 'blocked');
      out.violations = violations.join(',');
      return out;
    }, probe);
    expect(result.fetch).toMatch(/^blocked/);
    expect(result.eval).toMatch(/^blocked/);
    expect(result.inline).toBe('blocked');
    expect(result.violations).toMatch(/connect-src|default-src/);
    expect(result.violations).toMatch(/img-src/);
    expect(result.violations).toMatch(/script-src/);
    await ext.close();

    // The service worker is held to the same policy.
    const w = await b.worker();
    const swFetch = await w.evaluate(
      (url) =>
        fetch(url).then(
          () => 'sent',
          (e: unknown) => `blocked: ${e}`,
        ),
      `${srv.url}/csp-probe-worker`,
    );
    expect(swFetch).toMatch(/^blocked/);
    expect(srv.hits.filter((h) => h.startsWith('/csp-probe'))).toEqual([]);
  });
});
