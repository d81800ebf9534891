/**
 * Accessibility of "Check this page" in real headless Chromium: axe-core on the scan panel (light
 * and dark, English and Simplified Chinese interface, with a current quote and with a card opened
 * from a row), and keyboard-only flows: start from the popup, move from quote to quote, open a
 * card and close it, Esc clears the marks, focus goes back where it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { audit, AxeTable, type Violation } from './axe';
import { ROOT, launch, serveFixtures, tabIdOf, type Browser, type Fixtures } from './harness';

const OUT = path.join(ROOT, 'test-results/a11y');
let fx: Fixtures;
let b: Browser;
const table = new AxeTable();

beforeAll(async () => {
  fx = await serveFixtures();
  b = await launch({ grantAllUrls: true });
});

afterAll(async () => {
  if (table.rows.length) {
    table.write(path.join(OUT, 'axe-scan.md'));
    console.log(`axe-core ${AXE_VERSION}: surface → violations\n${table.format()}`);
  }
  await b?.close();
  await fx?.close();
});

const AXE_VERSION = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/axe-core/package.json'), 'utf8')).version as string;

let counter = 0;
async function article(name: string): Promise<Page> {
  const page = await b.context.newPage();
  await page.goto(`${fx.url}/scan/${name}.html?n=${++counter}`);
  await page.bringToFront();
  return page;
}

async function setLanguage(lang: 'en' | 'zh_CN'): Promise<void> {
  const opt = await b.context.newPage();
  await opt.goto(b.extUrl('options.html'));
  await opt.locator('body[data-ready="true"]').waitFor();
  await opt.getByTestId('opt-ui-language').selectOption(lang);
  await opt.locator(`html[lang="${lang === 'en' ? 'en' : 'zh-CN'}"]`).waitFor();
  await opt.close();
}

async function viaShortcut(page: Page) {
  const id = await tabIdOf(b, page);
  const w = await b.worker();
  return w.evaluate((tab) => (globalThis as any).verbatimBackground.handleCommand('scan-page', { id: tab }), id);
}

const panel = (page: Page) => page.locator('verbatim-scan [data-testid="scan-panel"]');
const done = (page: Page) => page.locator('verbatim-scan[data-scan-state="done"]').waitFor();
/** What has keyboard focus, looking through open shadow roots: `host>testid` or the element's id. */
const focused = (page: Page) =>
  page.evaluate(() => {
    let el: Element | null = document.activeElement;
    const path: string[] = [];
    while (el) {
      path.push(el.getAttribute('data-testid') ?? (el.id ? `#${el.id}` : el.tagName.toLowerCase()));
      const inner: Element | null | undefined = el.shadowRoot?.activeElement;
      if (!inner) break;
      el = inner;
    }
    return path.join('>');
  });

describe('axe-core on the scan panel: no critical, serious or moderate violation', () => {
  for (const lang of ['en', 'zh_CN'] as const) {
    for (const theme of ['light', 'dark'] as const) {
      it(`${lang}, ${theme}`, async () => {
        await setLanguage(lang);
        const failing: Array<{ surface: string; violations: Violation[] }> = [];
        const check = async (surface: string, page: Page, include: string[]) => {
          const name = `${surface} (${lang}, ${theme})`;
          const v = await audit(table, name, page, { include });
          if (v.length) failing.push({ surface: name, violations: v });
        };
        const page = await article('news-zh-hans');
        await page.emulateMedia({ colorScheme: theme });
        await viaShortcut(page);
        await done(page);
        await check('scan panel', page, ['verbatim-scan']);
        await panel(page).getByTestId('scan-next').click();
        await page.locator('verbatim-scan[data-current="0"]').waitFor();
        await check('scan panel, current quote', page, ['verbatim-scan']);
        await panel(page).locator('[data-testid="scan-row"]').nth(1).click();
        await page.locator('verbatim-card[data-trigger="scan"]').waitFor();
        await check('card opened from a scan row', page, ['verbatim-card']);
        await page.close();
        console.log(`${lang} ${theme}: ${JSON.stringify(failing, null, 1)}`);
        expect(failing).toEqual([]);
      });
    }
  }
});

const announced = (page: Page) => panel(page).getByTestId('scan-announce').innerText();
/** `data-index` of the scan row that has focus, or null. */
const focusedRow = (page: Page) =>
  page.evaluate(() => {
    const el = document.querySelector('verbatim-scan')?.shadowRoot?.activeElement;
    return el?.getAttribute('data-testid') === 'scan-row' ? Number(el.getAttribute('data-index')) : null;
  });
/** Number of ranges in the page's verbatim-* highlights. */
const markCount = (page: Page) =>
  page.evaluate(() => {
    let n = 0;
    (CSS as any).highlights.forEach((hl: Set<Range>, name: string) => {
      if (name.startsWith('verbatim-')) n += hl.size;
    });
    return n;
  });

async function tabTo(page: Page, testid: string, max = 20): Promise<void> {
  for (let i = 0; i < max; i++) {
    if ((await focused(page)).split('>').pop() === testid) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${testid}; focus on ${await focused(page)}`);
}

describe('keyboard only', () => {
  it('popup button → quote to quote → card → back on the row → Esc clears → focus back on the link', async () => {
    await setLanguage('en');
    const page = await article('news-en');
    // The reader was on a link of the article.
    await page.keyboard.press('Tab');
    await page.evaluate(() => document.activeElement && (document.activeElement.id ||= 'reader-was-here'));
    const start = await focused(page);
    expect(start).toBe('#reader-was-here');

    const popup = await b.context.newPage();
    await popup.goto(b.extUrl(`popup.html?tab=${await tabIdOf(b, page)}`));
    await popup.getByTestId('search').waitFor();
    await tabTo(popup, 'scan-page');
    await popup.keyboard.press('Enter');
    await page.bringToFront();
    await done(page);
    const total = await panel(page).getByTestId('scan-row').count();
    expect(total).toBeGreaterThan(2);
    expect(await markCount(page)).toBeGreaterThan(0);
    // The panel is a named region with a heading; it has focus.
    await expect(focused(page)).resolves.toBe('verbatim-scan>scan-panel');
    await expect(panel(page).getAttribute('role')).resolves.toBe('region');
    await expect(panel(page).locator('h2#vb-scan-title').innerText()).resolves.toBe('Quotes on this page');

    // ↓ from the panel: the first quote is current and announced.
    await page.keyboard.press('ArrowDown');
    await page.locator('verbatim-scan[data-current="0"]').waitFor();
    await expect(announced(page)).resolves.toMatch(new RegExp(`^Quote 1 of ${total}, .+: “.+”\\. Page: .+\\. Transcript: .+\\.$`));
    await expect(panel(page).locator('[data-testid="scan-row"][aria-current="true"]').getAttribute('data-index')).resolves.toBe('0');

    // Tab reaches the list at the current row (one Tab stop for the list), ↓ moves focus with it.
    await tabTo(page, 'scan-row');
    await expect.poll(() => focusedRow(page)).toBe(0); // focus follows the re-render
    await page.keyboard.press('ArrowDown');
    await page.locator('verbatim-scan[data-current="1"]').waitFor();
    await expect.poll(() => focusedRow(page)).toBe(1); // focus follows the re-render
    await expect(announced(page)).resolves.toMatch(new RegExp(`^Quote 2 of ${total}, `));
    const currentMarks = await page.evaluate(() => (CSS as any).highlights.get('verbatim-current')?.size ?? 0);
    expect(currentMarks).toBeGreaterThan(0);
    await page.keyboard.press('ArrowUp');
    await page.locator('verbatim-scan[data-current="0"]').waitFor();
    await expect.poll(() => focusedRow(page)).toBe(0); // focus follows the re-render
    await page.keyboard.press('ArrowDown');
    await page.locator('verbatim-scan[data-current="1"]').waitFor();
    await expect.poll(() => focusedRow(page)).toBe(1);

    // Enter opens the card of that quote, with focus in it; Esc closes it and focus is on the row again.
    await page.keyboard.press('Enter');
    await page.locator('verbatim-card[data-trigger="scan"][data-scan-index="1"]').waitFor();
    await expect.poll(() => focused(page)).toMatch(/^verbatim-card>/);
    await page.keyboard.press('Escape');
    await page.locator('verbatim-card').waitFor({ state: 'detached' });
    await expect.poll(() => focusedRow(page)).toBe(1); // focus follows the re-render
    await expect(markCount(page)).resolves.toBeGreaterThan(0);

    // Esc clears every mark, closes the panel, and focus is back on the reader's link.
    await page.keyboard.press('Escape');
    await page.locator('verbatim-scan').waitFor({ state: 'detached' });
    await expect(markCount(page)).resolves.toBe(0);
    await expect(focused(page)).resolves.toBe(start);
    await page.close();
    if (!popup.isClosed()) await popup.close();
  });

  it('shortcut, Next / Previous buttons keep focus and announce; Space opens from a row; Esc from a row', async () => {
    await setLanguage('zh_CN');
    const page = await article('news-zh-hans');
    await viaShortcut(page);
    await done(page);
    await expect(focused(page)).resolves.toBe('verbatim-scan>scan-panel');
    const total = await panel(page).getByTestId('scan-row').count();
    await tabTo(page, 'scan-next');
    await page.keyboard.press('Enter');
    await page.locator('verbatim-scan[data-current="0"]').waitFor();
    await expect(focused(page)).resolves.toBe('verbatim-scan>scan-next');
    await expect(announced(page)).resolves.toContain(`第 1 条引语（共 ${total} 条），`);
    await page.keyboard.press('Enter');
    await page.locator('verbatim-scan[data-current="1"]').waitFor();
    await expect(announced(page)).resolves.toMatch(/^第 2 条引语/);
    await page.keyboard.press('Shift+Tab'); // Previous
    await expect(focused(page)).resolves.toBe('verbatim-scan>scan-prev');
    await page.keyboard.press('Enter');
    await page.locator('verbatim-scan[data-current="0"]').waitFor();
    // Back into the list: the current row is its Tab stop; Space opens its card, Esc comes back to it.
    await page.keyboard.press('Shift+Tab');
    await expect.poll(() => focusedRow(page)).toBe(0); // focus follows the re-render
    await page.keyboard.press('Space');
    await page.locator('verbatim-card[data-scan-index="0"]').waitFor();
    await page.keyboard.press('Escape');
    await page.locator('verbatim-card').waitFor({ state: 'detached' });
    await expect.poll(() => focusedRow(page)).toBe(0); // focus follows the re-render
    await page.keyboard.press('Escape');
    await page.locator('verbatim-scan').waitFor({ state: 'detached' });
    await expect(markCount(page)).resolves.toBe(0);
    // Nothing had focus before the scan: focus is on the page again, not lost in a removed node.
    await expect(focused(page)).resolves.toBe('body');
    await page.close();
  });
});
