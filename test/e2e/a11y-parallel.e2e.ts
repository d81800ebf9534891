/**
 * Accessibility of the side-by-side (parallel) view in real headless Chromium: axe-core light and
 * dark, English and Simplified Chinese interface, with a row's correction open; and the keyboard
 * flow of a correction (the select takes focus, Esc cancels, a choice is saved and announced,
 * focus goes back to that row's button).
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { audit, AxeTable, type Violation } from './axe';
import { ROOT, launch, type Browser } from './harness';

const OUT = path.join(ROOT, 'test-results/a11y');
const PAIR_DIR = path.join(ROOT, 'test/fixtures/pair');
const EN_TITLE = 'A11y pair (English original)';
const ZH_TITLE = 'A11y pair (Chinese translation)';
let b: Browser;
const table = new AxeTable();
let zhId = '';

async function addSource(file: string, title: string, translationOf?: string): Promise<string> {
  const page = await b.context.newPage();
  await page.goto(b.extUrl('sources.html'));
  await page.locator('body[data-ready="true"]').waitFor();
  await page.getByTestId('source-file-input').setInputFiles(path.join(PAIR_DIR, file));
  await page.getByTestId('source-preview').waitFor();
  await page.getByTestId('preview-title').fill(title);
  if (translationOf) await page.getByTestId('preview-translation-of').selectOption({ label: translationOf });
  await page.getByTestId('source-save').click();
  // Saved: the new row is in the list.
  const saved = page.getByTestId('source-row').filter({ hasText: title }).first();
  await saved.waitFor();
  const id = (await saved.getAttribute('data-source')) ?? '';
  await page.close();
  return id;
}

beforeAll(async () => {
  b = await launch({ grantAllUrls: true });
  await addSource('interview.en.txt', EN_TITLE);
  zhId = await addSource('interview.zh.txt', ZH_TITLE, EN_TITLE);
});

afterAll(async () => {
  if (table.rows.length) {
    table.write(path.join(OUT, 'axe-parallel.md'));
    console.log(`axe-core: surface → violations\n${table.format()}`);
  }
  await b?.close();
});

async function setLanguage(lang: 'en' | 'zh_CN'): Promise<void> {
  const opt = await b.context.newPage();
  await opt.goto(b.extUrl('options.html'));
  await opt.locator('body[data-ready="true"]').waitFor();
  await opt.getByTestId('opt-ui-language').selectOption(lang);
  await opt.locator(`html[lang="${lang === 'en' ? 'en' : 'zh-CN'}"]`).waitFor();
  await opt.close();
}

async function openParallel(theme: 'light' | 'dark'): Promise<Page> {
  const page = await b.context.newPage();
  await page.emulateMedia({ colorScheme: theme });
  await page.goto(b.extUrl(`parallel.html?translation=${encodeURIComponent(zhId)}&at=p005`));
  await page.getByTestId('parallel-row').first().waitFor();
  return page;
}
const focused = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName.toLowerCase() ?? '');
const row = (page: Page, ids: string) => page.locator(`[data-testid="parallel-row"][data-translation="${ids}"]`);

describe('axe-core on the side-by-side view: no critical, serious or moderate violation', () => {
  for (const lang of ['en', 'zh_CN'] as const) {
    for (const theme of ['light', 'dark'] as const) {
      it(`${lang}, ${theme}`, async () => {
        await setLanguage(lang);
        const failing: Array<{ surface: string; violations: Violation[] }> = [];
        const page = await openParallel(theme);
        for (const surface of ['side-by-side view', 'side-by-side view, correcting a row']) {
          if (surface.includes('correcting')) {
            await row(page, 'p005').getByTestId('parallel-edit').click();
            await row(page, 'p005').getByTestId('parallel-correct').waitFor();
          }
          const name = `${surface} (${lang}, ${theme})`;
          const v = await audit(table, name, page);
          if (v.length) failing.push({ surface: name, violations: v });
        }
        await page.close();
        expect(failing).toEqual([]);
      });
    }
  }
});

describe('side-by-side view, keyboard only', () => {
  it('Correct → the select has focus → Esc cancels → again, a choice is saved and announced → focus back on the row', async () => {
    await setLanguage('en');
    const page = await openParallel('light');
    const edit = row(page, 'p005').getByTestId('parallel-edit');
    await edit.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe('parallel-correct');
    await page.keyboard.press('Escape');
    await expect.poll(() => focused(page)).toBe('parallel-edit');
    await expect(edit.evaluate((e) => e === document.activeElement)).resolves.toBe(true);
    await expect(page.getByTestId('parallel-status').innerText()).resolves.toBe('');
    // The button says which paragraph it corrects.
    const described = await edit.getAttribute('aria-describedby');
    await expect(page.locator(`#${described}`).innerText()).resolves.not.toBe('');

    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe('parallel-correct');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.getByTestId('parallel-status').innerText(), { timeout: 20_000 }).toContain('Correction saved');
    await expect.poll(() => focused(page)).toBe('parallel-edit');
    await expect(row(page, 'p005').getByTestId('parallel-edit').evaluate((e) => e === document.activeElement)).resolves.toBe(true);
    await page.close();
  });
});
