/**
 * Lifecycle: the MV3 service worker stopped between and during checks (through the DevTools
 * protocol: ServiceWorker.stopAllWorkers on a page session reaches the extension's worker),
 * two checks fired quickly, the extension updated while pages are open (Extensions.loadUnpacked
 * of the same directory over a browser CDP session, which needs
 * --enable-unsafe-extension-debugging), and the extension going away under an open page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page, Worker } from 'playwright-core';
import { EXT_DIR, card, launch, triggerMenu, type Browser } from '../harness';
import {
  cardVerdict,
  clickCheckButton,
  collectErrors,
  dragSelect,
  enableCheckOnSelect,
  expectPageHealthy,
  startHostileServer,
  type ErrorLog,
  type HostileServer,
} from './support';

let srv: HostileServer;
let b: Browser;

beforeAll(async () => {
  srv = await startHostileServer();
  b = await launch({ grantAllUrls: true, extraArgs: ['--enable-unsafe-extension-debugging'] });
  await enableCheckOnSelect(b);
});

afterAll(async () => {
  await b?.close();
  await srv?.close();
});

/** The extension worker's running status, as the DevTools protocol reports it (transitions in order). */
interface WorkerWatch {
  cdp: CDPSession;
  statuses: string[];
  stop(): Promise<void>;
  waitFor(status: string, after?: number): Promise<void>;
}

async function watchWorker(page: Page): Promise<WorkerWatch> {
  const cdp = await b.context.newCDPSession(page);
  const statuses: string[] = [];
  cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
    for (const v of e.versions) {
      if (!v.scriptURL.startsWith(`chrome-extension://${b.extensionId}/`)) continue;
      if (statuses[statuses.length - 1] !== v.runningStatus) statuses.push(v.runningStatus);
    }
  });
  await cdp.send('ServiceWorker.enable');
  return {
    cdp,
    statuses,
    async stop() {
      await cdp.send('ServiceWorker.stopAllWorkers');
    },
    async waitFor(status, after = 0) {
      await expect.poll(() => statuses.slice(after).includes(status), { timeout: 10_000 }).toBe(true);
    },
  };
}

interface Opened {
  page: Page;
  errors: ErrorLog;
}

async function open(name: string): Promise<Opened> {
  const page = await b.context.newPage();
  const errors = await collectErrors(page);
  await page.goto(`${srv.url}/${name}`);
  await page.bringToFront();
  return { page, errors };
}

/**
 * The extension's running worker. After a stop Playwright may still list the old one for a
 * moment: wake the worker from an extension page, then take the newest that answers.
 */
async function liveWorker(): Promise<Worker> {
  const ext = await b.context.newPage();
  await ext.goto(b.extUrl('options.html'));
  await ext.evaluate(() => (globalThis as any).chrome.runtime.sendMessage({ type: 'verbatim:strings' }));
  await ext.close();
  for (let i = 0; i < 50; i++) {
    const ws = b.context.serviceWorkers().filter((w) => w.url().startsWith(`chrome-extension://${b.extensionId}/`));
    const w = ws[ws.length - 1];
    if (w) {
      const ok = await Promise.race([w.evaluate(() => true).catch(() => false), new Promise<boolean>((r) => setTimeout(() => r(false), 1000))]);
      if (ok) return w;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('no live service worker');
}

async function checkWithButton(page: Page, selector: string): Promise<void> {
  await page.keyboard.press('Escape');
  await clickCheckButton(page, page, () => dragSelect(page, selector));
}

describe('two checks fired quickly, from the menu', () => {
  it('two menu clicks in a row (the script injected twice): one card, the second selection', async () => {
    const o = await open('css-chaos.html');
    await o.page.locator('#quote').selectText();
    const first = triggerMenu(b, o.page, '');
    await o.page.locator('#quote2').selectText();
    const second = triggerMenu(b, o.page, '');
    await Promise.allSettled([first, second]);
    await expect.poll(() => o.page.locator('verbatim-card [data-testid="match"]').first().getAttribute('data-paragraph')).toBe('p017');
    await o.page.waitForTimeout(300);
    await expect(o.page.locator('verbatim-card').count()).resolves.toBe(1);
    await expect(card(o.page).getByTestId('match').first().getAttribute('data-paragraph')).resolves.toBe('p017');
    expect(o.errors.messages).toEqual([]);
    await o.page.close();
  });
});

describe('service worker stopped', () => {
  it('between checks: the next check restarts it and the answer arrives (cold)', async () => {
    const o = await open('css-chaos.html');
    const sw = await watchWorker(o.page);
    await checkWithButton(o.page, '#quote');
    await expect(cardVerdict(o.page)).resolves.toBe('verbatim');

    await sw.stop();
    await sw.waitFor('stopped');
    const mark = sw.statuses.length;
    await checkWithButton(o.page, '#quote2');
    await expect(cardVerdict(o.page)).resolves.toBe('verbatim');
    await expect(o.page.locator('verbatim-card').getAttribute('data-cold')).resolves.toBe('true');
    expect(sw.statuses.slice(mark)).toContain('running');
    expect(o.errors.messages).toEqual([]);
    await expectPageHealthy(o.page);
    await o.page.close();
  });

  it('during a check: the request is repeated to a restarted worker and the answer still arrives', async () => {
    const o = await open('css-chaos.html');
    const sw = await watchWorker(o.page);
    // A first check warms the worker (its matcher is built)…
    await checkWithButton(o.page, '#quote');
    await cardVerdict(o.page);
    await o.page.keyboard.press('Escape');
    await dragSelect(o.page, '#quote2');
    const button = o.page.locator('verbatim-check [data-testid="check-button"]');
    await button.waitFor();
    // …then it is kept busy, so the next check waits in its queue, and is stopped right then.
    const w = await liveWorker();
    const busy = w
      .evaluate(() => {
        const t = Date.now();
        while (Date.now() - t < 1000) {
          // the worker is busy
        }
      })
      .catch(() => {});
    await o.page.waitForTimeout(100);
    const mark = sw.statuses.length;
    await button.click();
    await o.page.waitForTimeout(100);
    await sw.stop();
    await busy;
    // The answer arrives, from a worker started again (its matcher built anew: cold).
    await expect(cardVerdict(o.page)).resolves.toBe('verbatim');
    await expect(card(o.page).getByTestId('error').count()).resolves.toBe(0);
    await expect(o.page.locator('verbatim-card').getAttribute('data-cold')).resolves.toBe('true');
    const after = sw.statuses.slice(mark);
    expect(after.join(' → ')).toMatch(/stopped.*running/);
    expect(o.errors.messages).toEqual([]);
    await o.page.close();
  });

  it('stopped five times in a row between checks: every check answers', async () => {
    const o = await open('css-chaos.html');
    const sw = await watchWorker(o.page);
    const ext = await b.context.newPage();
    await ext.goto(b.extUrl('options.html'));
    for (let i = 0; i < 5; i++) {
      await sw.stop();
      const r = await ext.evaluate(() =>
        (globalThis as any).chrome.runtime.sendMessage({ type: 'verbatim:check', text: '我们视自己有责任去就即将发生的事情向世界发出警告' }),
      );
      expect(r.ok).toBe(true);
      expect(r.card.verdict).toBe('verbatim');
    }
    await ext.close();
    await o.page.close();
  });
});

describe('two checks fired quickly, from the check button', () => {
  it('the card shows the latest one, and the earlier answer never replaces it', async () => {
    const o = await open('css-chaos.html');
    const sw = await watchWorker(o.page);
    // Record every verdict drawn into any card, in order (hosts set data-verdict when drawn).
    await o.page.evaluate(() => {
      const log: string[] = [];
      (window as unknown as { __drawn: string[] }).__drawn = log;
      new MutationObserver((records) => {
        for (const r of records) {
          const el = r.target as HTMLElement;
          if (el.localName === 'verbatim-card' && r.attributeName === 'data-verdict') {
            const m = el.shadowRoot?.querySelector('[data-testid="match"]');
            log.push(`${el.getAttribute('data-verdict')}:${m ? m.getAttribute('data-paragraph') : '-'}`);
          }
        }
      }).observe(document.documentElement, { subtree: true, attributes: true, attributeFilter: ['data-verdict'] });
    });
    await checkWithButton(o.page, '#quote');
    await cardVerdict(o.page);
    // First check slow (cold worker), the second fired right after it.
    await sw.stop();
    await sw.waitFor('stopped');
    await o.page.keyboard.press('Escape');
    await o.page.evaluate(() => ((window as unknown as { __drawn: string[] }).__drawn.length = 0));
    await dragSelect(o.page, '#quote'); // p020
    await o.page.locator('verbatim-check [data-testid="check-button"]').click();
    await dragSelect(o.page, '#quote2'); // p017
    await o.page.locator('verbatim-check [data-testid="check-button"]').click();
    await expect.poll(() => o.page.evaluate(() => (window as unknown as { __drawn: string[] }).__drawn.slice()), { timeout: 10_000 }).toContain('verbatim:p017');
    await o.page.waitForTimeout(500);
    const drawn = await o.page.evaluate(() => (window as unknown as { __drawn: string[] }).__drawn.slice());
    expect(drawn[drawn.length - 1]).toBe('verbatim:p017');
    await expect(o.page.locator('verbatim-card').count()).resolves.toBe(1);
    await expect(card(o.page).getByTestId('match').first().getAttribute('data-paragraph')).resolves.toBe('p017');
    expect(o.errors.messages).toEqual([]);
    await o.page.close();
  });
});

describe('extension updated or removed while pages are open', () => {
  it('update: the old content script steps aside (its card and listeners go), the new one works, no error in the page', async () => {
    const a = await open('css-chaos.html');
    await checkWithButton(a.page, '#quote');
    await expect(cardVerdict(a.page)).resolves.toBe('verbatim');
    const c = await open('patched.html');
    await checkWithButton(c.page, '#quote');
    await expect(cardVerdict(c.page)).resolves.toBe('verbatim');

    const browserSession = await b.context.browser()!.newBrowserCDPSession();
    const { id } = (await browserSession.send('Extensions.loadUnpacked' as never, { path: EXT_DIR } as never)) as { id: string };
    expect(id).toBe(b.extensionId);
    await browserSession.detach();

    for (const o of [a, c]) {
      await o.page.bringToFront();
      // The old card goes away by itself (the new version's script takes over the page).
      await expect.poll(() => o.page.locator('verbatim-card').count(), { timeout: 10_000 }).toBe(0);
      // One check button per selection (not one per version), and it works.
      await dragSelect(o.page, '#quote');
      await expect.poll(() => o.page.locator('verbatim-check').count(), { timeout: 10_000 }).toBe(1);
      await o.page.locator('verbatim-check [data-testid="check-button"]').click();
      await expect(cardVerdict(o.page)).resolves.toBe('verbatim');
      await expect(card(o.page).getByTestId('error').count()).resolves.toBe(0);
      expect(o.errors.messages, o.page.url()).toEqual([]);
      await expectPageHealthy(o.page);
      await o.page.close();
    }
  });

  // Last: the extension does not come back in this browser after it.
  it('removed/disabled (runtime.reload leaves an unpacked extension unloaded here): the orphaned script cleans up on the next interaction, no error', async () => {
    const o = await open('css-chaos.html');
    await checkWithButton(o.page, '#quote');
    await expect(cardVerdict(o.page)).resolves.toBe('verbatim');
    const w = await liveWorker();
    await w.evaluate(() => {
      setTimeout(() => (globalThis as any).chrome.runtime.reload(), 50);
    });
    await o.page.waitForTimeout(1500);
    // Everything a reader might do next on the page: click the stale card, select again, type.
    await card(o.page)
      .getByTestId('open-section')
      .first()
      .click({ timeout: 2000 })
      .catch(() => {});
    await dragSelect(o.page, '#quote2');
    await o.page.keyboard.press('Shift');
    await o.page.waitForTimeout(300);
    await expect(o.page.locator('verbatim-card').count()).resolves.toBe(0);
    await expect(o.page.locator('verbatim-check').count()).resolves.toBe(0);
    expect(o.errors.messages).toEqual([]);
    await expectPageHealthy(o.page);
    await o.page.close();
  });
});
