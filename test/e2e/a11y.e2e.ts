/**
 * Accessibility in real headless Chromium: axe-core on every surface (light and dark, English
 * and Simplified Chinese interface), keyboard-only flows from each trigger, and what a screen
 * reader is given for the card (read from Chromium's accessibility tree).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { audit, AxeTable, type Violation } from './axe';
import { ROOT, card, launch, selectElementText, serveFixtures, shot, tabIdOf, triggerCommand, triggerMenu, type Browser, type Fixtures } from './harness';

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
    table.write(path.join(OUT, 'axe.md'));
    console.log(`axe-core ${AXE_VERSION}: surface → violations\n${table.format()}`);
  }
  await b?.close();
  await fx?.close();
});

const AXE_VERSION = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/axe-core/package.json'), 'utf8')).version as string;

let pageCounter = 0;
async function openPage(name: string): Promise<Page> {
  const page = await b.context.newPage();
  await page.goto(`${fx.url}/${name}?page=${++pageCounter}`);
  await page.bringToFront();
  return page;
}

async function openOptions(): Promise<Page> {
  const opt = await b.context.newPage();
  await opt.goto(b.extUrl('options.html'));
  await opt.locator('body[data-ready="true"]').waitFor();
  return opt;
}

/** Sets the interface language through the options page, as a user would. */
async function setLanguage(lang: 'en' | 'zh_CN'): Promise<void> {
  const opt = await openOptions();
  await opt.getByTestId('opt-ui-language').selectOption(lang);
  await opt.locator(`html[lang="${lang === 'en' ? 'en' : 'zh-CN'}"]`).waitFor();
  await opt.close();
}

async function setCheckOnSelect(on: boolean): Promise<void> {
  const opt = await openOptions();
  const box = opt.getByTestId('opt-check-on-select');
  if ((await box.isChecked()) !== on) {
    await box.setChecked(on);
    await opt.getByTestId('opt-status').filter({ hasText: /\S/ }).waitFor();
  }
  const w = await b.worker();
  await expect
    .poll(() => w.evaluate(async () => (await (globalThis as any).chrome.scripting.getRegisteredContentScripts()).length))
    .toBe(on ? 1 : 0);
  await opt.close();
}

/** The card's verdicts and the selections (or menu text) that give them on the Simplified fixture page. */
const CARDS: Array<{ verdict: string; selector?: string; text?: string }> = [
  { verdict: 'verbatim', selector: '#q-verbatim' },
  { verdict: 'altered', selector: '#q-altered' },
  { verdict: 'related', selector: '#q-independent' },
  { verdict: 'not-found', selector: '#q-absent' },
  // Nothing selected on the page: the menu's own text is checked (an emoji-only selection).
  { verdict: 'invalid', text: '🙂🙂🙂' },
  { verdict: 'several quotes', selector: '#q-multi' },
];

async function openCardFor(page: Page, c: (typeof CARDS)[number]): Promise<void> {
  let text = c.text ?? '';
  if (c.selector) text = await selectElementText(page, c.selector);
  else await page.evaluate(() => document.getSelection()?.removeAllRanges());
  await expect(triggerMenu(b, page, text)).resolves.toMatchObject({ shown: true });
  await card(page).locator('[data-testid="source"], [data-testid="verdict"]').first().waitFor();
}

describe('axe-core: no critical, serious or moderate violation on any surface', () => {
  for (const lang of ['en', 'zh_CN'] as const) {
    for (const theme of ['light', 'dark'] as const) {
      it(`${lang}, ${theme}`, async () => {
        await setLanguage(lang);
        const failing: Array<{ surface: string; violations: Violation[] }> = [];
        const check = async (surface: string, page: Page, include?: string[]) => {
          const v = await audit(table, `${surface} (${lang}, ${theme})`, page, { include });
          if (v.length) failing.push({ surface: `${surface} (${lang}, ${theme})`, violations: v });
        };

        const opt = await openOptions();
        await opt.emulateMedia({ colorScheme: theme });
        await check('options page', opt);
        await opt.close();

        const transcriptPage = await b.context.newPage();
        await transcriptPage.emulateMedia({ colorScheme: theme });
        await transcriptPage.goto(b.extUrl('transcript.html?span=0-10#s2/p035'));
        await transcriptPage.locator('body[data-ready="true"]').waitFor();
        await check('transcript page', transcriptPage);
        await transcriptPage.close();

        const page = await openPage('news-zh-hans.html');
        await page.emulateMedia({ colorScheme: theme });
        const tabId = await tabIdOf(b, page);
        const popup = await b.context.newPage();
        await popup.emulateMedia({ colorScheme: theme });
        await popup.setViewportSize({ width: 420, height: 600 });
        await popup.goto(b.extUrl(`popup.html?tab=${tabId}`));
        await popup.locator('[data-testid="popup-selection"][data-state="none"]').waitFor();
        await check('popup, no selection', popup);
        await popup.getByTestId('search').fill('指数曲线');
        await popup.getByTestId('search-result').first().waitFor();
        await check('popup, search results', popup);
        await popup.getByTestId('search').fill('zzzzqqq');
        await popup.locator('[data-testid="search-results"]').waitFor({ state: 'detached' }).catch(() => {});
        await popup.locator('.search .help').waitFor();
        await check('popup, search without results', popup);
        await selectElementText(page, '#q-altered');
        await popup.reload();
        await popup.locator('[data-testid="popup-selection"][data-state="result"]').waitFor();
        await check('popup, selection verdict', popup);
        await popup.close();

        await page.bringToFront();
        for (const c of CARDS) {
          await openCardFor(page, c);
          if (c.verdict !== 'several quotes') {
            await expect(card(page).getByTestId('verdict').first().getAttribute('data-verdict')).resolves.toBe(c.verdict);
          }
          await check(`card: ${c.verdict}`, page, ['verbatim-card']);
          await page.keyboard.press('Escape');
          await page.locator('verbatim-card').waitFor({ state: 'detached' });
        }
        await page.close();

        console.log(`${lang} ${theme}: ${JSON.stringify(failing, null, 1)}`);
        expect(failing).toEqual([]);
      });
    }
  }

  it('the check-on-select button', async () => {
    await setLanguage('en');
    await setCheckOnSelect(true);
    const page = await openPage('keyboard.html');
    const button = page.locator('verbatim-check [data-testid="check-button"]');
    await expect
      .poll(async () => {
        await selectElementText(page, '#q-altered');
        await page.locator('#q-altered').dispatchEvent('mouseup');
        return button.count();
      })
      .toBe(1);
    const failing: Violation[] = [];
    for (const theme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: theme });
      failing.push(...(await audit(table, `check button (en, ${theme})`, page, { include: ['verbatim-check'] })));
    }
    await page.close();
    await setCheckOnSelect(false);
    expect(failing).toEqual([]);
  });
});
