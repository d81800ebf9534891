/**
 * Accessibility of the Sources page in real headless Chromium: axe-core on each of its states
 * (list, preview of a file, a row being edited, a deleted row with Undo, a refused file), light
 * and dark, English and Simplified Chinese interface; and keyboard-only flows: paste → preview →
 * save, delete → undo, edit → cancel, an error tied to the control that caused it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { audit, AxeTable, type Violation } from './axe';
import { ROOT, launch, openSources, type Browser } from './harness';

const OUT = path.join(ROOT, 'test-results/a11y');
const SOURCES_DIR = path.join(ROOT, 'test/fixtures/sources');
let b: Browser;
const table = new AxeTable();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-a11y-sources-'));
const binary = path.join(tmp, 'binary.txt');

beforeAll(async () => {
  fs.writeFileSync(binary, Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 7, 8, 0, 1, 2]));
  b = await launch({ grantAllUrls: true });
});

afterAll(async () => {
  if (table.rows.length) {
    table.write(path.join(OUT, 'axe-sources.md'));
    console.log(`axe-core: surface → violations\n${table.format()}`);
  }
  await b?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function setLanguage(lang: 'en' | 'zh_CN'): Promise<void> {
  const opt = await b.context.newPage();
  await opt.goto(b.extUrl('options.html'));
  await opt.locator('body[data-ready="true"]').waitFor();
  await opt.getByTestId('opt-ui-language').selectOption(lang);
  await opt.locator(`html[lang="${lang === 'en' ? 'en' : 'zh-CN'}"]`).waitFor();
  await opt.close();
}

const openSourcesPage = (theme: 'light' | 'dark' = 'light') => openSources(b, theme);

const mine = (page: Page) => page.locator('[data-testid="source-row"]:not([data-source="builtin"]):not([data-deleted="true"])');

/** What has keyboard focus: its data-testid, id or tag. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el ? (el.getAttribute('data-testid') ?? (el.id ? `#${el.id}` : el.tagName.toLowerCase())) : '';
  });

async function tabTo(page: Page, testid: string, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    if ((await focused(page)) === testid) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${testid}; focus on ${await focused(page)}`);
}

describe('axe-core on the Sources page: no critical, serious or moderate violation', () => {
  for (const lang of ['en', 'zh_CN'] as const) {
    for (const theme of ['light', 'dark'] as const) {
      it(`${lang}, ${theme}`, async () => {
        await setLanguage(lang);
        const failing: Array<{ surface: string; violations: Violation[] }> = [];
        const check = async (surface: string, page: Page) => {
          const name = `${surface} (${lang}, ${theme})`;
          const v = await audit(table, name, page);
          if (v.length) failing.push({ surface: name, violations: v });
        };
        const page = await openSourcesPage(theme);
        await check('sources page', page);
        await page.getByTestId('source-file-input').setInputFiles(path.join(SOURCES_DIR, 'interview-en.vtt'));
        await page.getByTestId('source-preview').waitFor();
        await check('sources page, preview', page);
        await page.getByTestId('preview-title').fill(`A11y ${lang} ${theme}`);
        await page.getByTestId('source-save').click();
        await mine(page).filter({ hasText: `A11y ${lang} ${theme}` }).waitFor();
        await mine(page).filter({ hasText: `A11y ${lang} ${theme}` }).getByTestId('source-edit').click();
        await page.getByTestId('source-edit-form').waitFor();
        await check('sources page, editing a source', page);
        await page.getByTestId('source-edit-cancel').click();
        await mine(page).filter({ hasText: `A11y ${lang} ${theme}` }).getByTestId('source-delete').click();
        await page.getByTestId('source-undo').first().waitFor();
        await check('sources page, deleted (undo)', page);
        await page.getByTestId('source-file-input').setInputFiles(binary);
        await page.getByTestId('source-error').waitFor();
        await check('sources page, refused file', page);
        await page.getByTestId('search').fill('exponential');
        await page.getByTestId('search-result').first().waitFor();
        await check('sources page, search results', page);
        await page.close();
        expect(failing).toEqual([]);
      });
    }
  }
});

describe('Sources page, keyboard only', () => {
  it('paste → Read → preview (focus on its heading) → Save (focus on the list) → Edit / Cancel → Delete → Undo; a refused file describes its input', async () => {
    await setLanguage('en');
    const page = await openSourcesPage();
    const text = fs.readFileSync(path.join(SOURCES_DIR, 'interview-en.txt'), 'utf8');
    await tabTo(page, 'source-paste');
    await page.keyboard.insertText(text);
    await page.keyboard.press('Tab');
    await expect(focused(page)).resolves.toBe('source-paste-read');
    await page.keyboard.press('Enter');
    await page.getByTestId('source-preview').waitFor();
    await expect(focused(page)).resolves.toBe('#preview-h');
    // Every field of the preview has a name.
    const unnamed = await page.getByTestId('source-preview').locator('input, select').evaluateAll((els) =>
      els.filter((e) => !(e as HTMLInputElement).labels?.length && !e.getAttribute('aria-label')).map((e) => e.outerHTML),
    );
    expect(unnamed).toEqual([]);
    await tabTo(page, 'preview-title');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.insertText('Keyboard source');
    await tabTo(page, 'source-save');
    await page.keyboard.press('Enter');
    await page.getByTestId('source-preview').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('source-status').innerText()).toContain('Keyboard source');
    await expect(focused(page)).resolves.toBe('#list-h');

    const row = mine(page).filter({ hasText: 'Keyboard source' });
    await row.getByTestId('source-edit').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe('edit-title');
    await tabTo(page, 'source-edit-cancel');
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe('source-edit');

    await tabTo(page, 'source-delete');
    await expect(row.getByTestId('source-delete').evaluate((e) => e === document.activeElement)).resolves.toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('source-status').innerText()).toMatch(/Keyboard source/);
    await expect.poll(() => focused(page)).toBe('source-undo');
    await page.keyboard.press('Enter');
    await expect.poll(() => mine(page).filter({ hasText: 'Keyboard source' }).count()).toBe(1);
    await expect.poll(() => focused(page)).toBe('source-toggle');

    await page.getByTestId('source-file-input').setInputFiles(binary);
    await page.getByTestId('source-error').waitFor();
    await expect(page.getByTestId('source-error').getAttribute('role')).resolves.toBe('alert');
    await expect(page.getByTestId('source-file-input').getAttribute('aria-describedby')).resolves.toBe('source-error');
    await expect(page.getByTestId('source-import-input').getAttribute('aria-describedby')).resolves.toBeNull();
    await page.close();
  });
});
