/**
 * Helpers for the hardening e2e files, on top of the shared harness (../harness.ts): the hostile
 * fixture server, an error collector that also sees the extension's isolated world, page
 * health probes, card geometry, and check-on-select switched on through storage.
 */
import { expect } from 'vitest';
import type { CDPSession, Frame, Page } from 'playwright-core';
import { card, type Browser } from '../harness';

export { startHostileServer, QUOTE, QUOTE2, type HostileServer } from '../../fixtures/hostile/server';

export interface ErrorLog {
  /** Errors and warnings seen in the page's target: every world (page and extension), console and exceptions. */
  readonly messages: string[];
  /** Clears what was collected so far. */
  reset(): void;
  detach(): Promise<void>;
}

/**
 * Collects, through the DevTools protocol, every exception thrown and every console error or
 * warning in the page's target — the page's main world and the extension's isolated world alike
 * (Playwright's `pageerror` only sees the main world) — plus browser log errors (CSP reports).
 */
export async function collectErrors(page: Page): Promise<ErrorLog> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const messages: string[] = [];
  cdp.on('Runtime.exceptionThrown', (e) => {
    const d = e.exceptionDetails;
    messages.push(`exception: ${d.exception?.description ?? d.text}`);
  });
  cdp.on('Runtime.consoleAPICalled', (e) => {
    if (e.type !== 'error' && e.type !== 'warning' && e.type !== 'assert') return;
    const text = e.args.map((a) => (a.value !== undefined ? String(a.value) : (a.description ?? ''))).join(' ');
    messages.push(`console.${e.type}: ${text}`);
  });
  cdp.on('Log.entryAdded', (e) => {
    if (e.entry.level === 'error' || e.entry.level === 'warning') messages.push(`log.${e.entry.level}: ${e.entry.text} ${e.entry.url ?? ''}`);
  });
  page.on('pageerror', (e) => messages.push(`pageerror: ${e.message}`));
  await cdp.send('Runtime.enable');
  await cdp.send('Log.enable');
  return {
    messages,
    reset: () => {
      messages.length = 0;
    },
    detach: () => cdp.detach().catch(() => {}),
  };
}

/**
 * The page's own JavaScript still runs: its timer ticks, its button answers a real click, and
 * the page recorded no error of its own. Works on pages that replaced Array/JSON built-ins (the
 * probe code uses none of them).
 */
export async function expectPageHealthy(frame: Page | Frame, opts: { click?: boolean } = {}): Promise<void> {
  const ticks = () => frame.evaluate(() => (window as unknown as { __health: { ticks: number } }).__health.ticks);
  const before = await ticks();
  await expect.poll(ticks, { timeout: 3000 }).toBeGreaterThan(before);
  if (opts.click !== false) {
    const clicks = () => frame.evaluate(() => (window as unknown as { __health: { clicks: number } }).__health.clicks);
    const c0 = await clicks();
    await frame.locator('#page-button').click();
    await expect.poll(clicks, { timeout: 3000 }).toBe(c0 + 1);
  }
  const errors = await frame.evaluate(() => {
    const e = (window as unknown as { __health: { errors: string[] } }).__health.errors;
    let s = '';
    for (let i = 0; i < e.length; i++) s += `${e[i]}\n`;
    return s;
  });
  expect(errors, 'errors seen by the page itself').toBe('');
}

export interface CardGeometry {
  card: { left: number; top: number; right: number; bottom: number; width: number; height: number };
  viewport: { width: number; height: number };
  /** Local name of the element on top at the card's centre and near its top ('verbatim-card' when nothing covers it). */
  topmost: string[];
  /** Computed styles inside the card: the page's CSS must not reach them. */
  style: { fontSize: string; direction: string; textTransform: string; letterSpacing: string; color: string; hostOpacity: string; hostVisibility: string };
}

/** Measures the card in `frame` (the top page, or the iframe the card is in). */
export async function cardGeometry(frame: Page | Frame): Promise<CardGeometry> {
  return frame.evaluate(() => {
    const host = document.querySelector('verbatim-card') as HTMLElement | null;
    if (!host || !host.shadowRoot) throw new Error('no verbatim-card host');
    const el = host.shadowRoot.querySelector('[data-testid="card"]') as HTMLElement;
    const r = el.getBoundingClientRect();
    const points = [
      [r.left + r.width / 2, r.top + r.height / 2],
      [r.left + r.width / 2, r.top + 12],
      [r.left + 12, r.bottom - 12],
    ];
    const topmost: string[] = [];
    for (let i = 0; i < points.length; i++) {
      const at = document.elementFromPoint(points[i][0], points[i][1]);
      topmost.push(at ? at.localName : 'none');
    }
    const cs = getComputedStyle(el);
    const hs = getComputedStyle(host);
    return {
      card: { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height },
      viewport: { width: document.documentElement.clientWidth || innerWidth, height: innerHeight },
      topmost,
      style: {
        fontSize: cs.fontSize,
        direction: cs.direction,
        textTransform: cs.textTransform,
        letterSpacing: cs.letterSpacing,
        color: cs.color,
        hostOpacity: hs.opacity,
        hostVisibility: hs.visibility,
      },
    };
  });
}

/** The card is fully inside the viewport, on top of everything, readable and unstyled by the page. */
export function expectCardCorrect(g: CardGeometry): void {
  const { card: c, viewport: v } = g;
  expect(c.width, 'card width').toBeGreaterThan(200);
  expect(c.height, 'card height').toBeGreaterThan(60);
  expect(c.left).toBeGreaterThanOrEqual(-1);
  expect(c.top).toBeGreaterThanOrEqual(-1);
  expect(c.right).toBeLessThanOrEqual(v.width + 1);
  expect(c.bottom).toBeLessThanOrEqual(v.height + 1);
  expect(g.topmost, 'nothing covers the card').toEqual(['verbatim-card', 'verbatim-card', 'verbatim-card']);
  expect(g.style.fontSize).toBe('14px');
  expect(g.style.direction).toBe('ltr');
  expect(g.style.textTransform).toBe('none');
  expect(g.style.letterSpacing).toBe('normal');
  expect(g.style.hostOpacity).toBe('1');
  expect(g.style.hostVisibility).toBe('visible');
}

/** The verdict the card shows (first badge), once a result is drawn. */
export async function cardVerdict(frame: Page | Frame): Promise<string | null> {
  const badge = card(frame as Page).locator('[data-testid="verdict"]').first();
  await badge.waitFor({ timeout: 10_000 });
  return badge.getAttribute('data-verdict');
}

/** Drags the mouse across an element, as a reader selects a quote (real mousedown/move/up). */
export async function dragSelect(page: Page, selector: string, frame: Page | Frame = page): Promise<void> {
  const box = await frame.locator(selector).first().boundingBox();
  if (!box) throw new Error(`${selector} has no box`);
  const y = box.y + box.height / 2;
  // Collapse any earlier selection first: pressing inside selected text would start a drag-and-drop.
  await page.mouse.click(1, 1);
  await page.mouse.move(box.x + 1, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width - 1, y, { steps: 6 });
  await page.mouse.up();
}

/**
 * Switches check-on-select on by writing the option to storage from an extension page (the
 * background registers the content script when it sees the change; the profile already holds
 * the host permission: launch({ grantAllUrls: true })). Resolves once it is registered.
 */
export async function enableCheckOnSelect(b: Browser): Promise<void> {
  const ext = await b.context.newPage();
  await ext.goto(b.extUrl('options.html'));
  await ext.evaluate(() =>
    (globalThis as any).chrome.storage.local.set({ settings: { checkOnSelect: true, script: 'as-selected', uiLanguage: 'auto' } }),
  );
  // (a plain loop, not expect.poll: this also runs in beforeAll)
  for (let i = 0; ; i++) {
    const n = await ext.evaluate(() => (globalThis as any).chrome.scripting.getRegisteredContentScripts().then((s: unknown[]) => s.length));
    if (n === 1) break;
    if (i > 100) throw new Error('check-on-select script never registered');
    await ext.waitForTimeout(100);
  }
  await ext.close();
}

/** After a selection, waits for the check button (the registered script may still be starting) and clicks it. */
export async function clickCheckButton(page: Page, frame: Page | Frame, reselect: () => Promise<void>): Promise<void> {
  const button = frame.locator('verbatim-check [data-testid="check-button"]');
  await expect
    .poll(
      async () => {
        if ((await button.count()) === 0) {
          await reselect();
          await button.waitFor({ timeout: 1500 }).catch(() => {});
        }
        return button.count();
      },
      { timeout: 10_000 },
    )
    .toBe(1);
  await button.click();
}

/** Stops every service worker of the profile (the extension's included) through the DevTools protocol. */
export async function stopWorkers(cdp: CDPSession): Promise<void> {
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
}
