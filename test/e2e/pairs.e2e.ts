/**
 * Translation pairs in real Chromium: import the fictional English interview and our condensed
 * Chinese translation of it (test/fixtures/pair) through the real Sources page, mark the Chinese
 * one as a translation of the English one, then check quotes on a fixture page: a Chinese quote's
 * card shows the English original with the aligned sentence marked; an English quote's card shows
 * the translation's rendering; a sentence the translation left out is said to be left out. The
 * side-by-side page shows the aligned paragraphs in rows; a reader's correction of a link is
 * stored and survives a browser restart.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ROOT, checkOnFixturePage, relaunch, shot, type Browser, type Fixtures, withBrowser } from './harness';

const PAIR_DIR = path.join(ROOT, 'test/fixtures/pair');
const EN_TITLE = 'Open Circuit (English original, test fixture)';
const ZH_TITLE = 'Open Circuit 中文译文（测试）';

let fx: Fixtures;
let b: Browser;
withBrowser({ grantAllUrls: true }, (env) => ({ fx, b } = env), () => b);

async function addSource(file: string, title: string, translationOf?: string): Promise<void> {
  const page = await b.context.newPage();
  await page.goto(b.extUrl('sources.html'));
  await page.locator('body[data-ready="true"]').waitFor();
  await page.getByTestId('source-file-input').setInputFiles(path.join(PAIR_DIR, file));
  await page.getByTestId('source-preview').waitFor();
  await page.getByTestId('preview-title').fill(title);
  if (translationOf) await page.getByTestId('preview-translation-of').selectOption({ label: translationOf });
  await page.getByTestId('source-save').click();
  await expect.poll(() => page.getByTestId('source-status').innerText(), { timeout: 20_000 }).toBe(`Saved “${title}”.`);
  await page.close();
}

const checkQuote = (selector: string) => checkOnFixturePage(b, fx, 'news-pair.html', selector);

describe('translation pairs', () => {
  it('imports the pair through the Sources page, the Chinese text marked as a translation of the English', async () => {
    await addSource('interview.en.txt', EN_TITLE);
    await addSource('interview.zh.txt', ZH_TITLE, EN_TITLE);
  });

  it('a Chinese quote: the card shows the original English with the aligned sentence marked', async () => {
    const { page, c } = await checkQuote('#q-pair-zh');
    await expect(c.getByTestId('verdict').first().getAttribute('data-verdict')).resolves.toBe('verbatim');
    const cp = c.getByTestId('counterpart').first();
    await expect(cp.getByTestId('counterpart-label').innerText()).resolves.toBe('Original English');
    await expect(cp.getByTestId('counterpart-mark').innerText()).resolves.toBe(
      'The most capable models need huge numbers of chips, hundreds of thousands of them.',
    );
    await shot(page, 'card-counterpart-original', c);
    // "Open full section" opens the side-by-side view at that paragraph.
    const [pv] = await Promise.all([b.context.waitForEvent('page'), c.getByTestId('open-section').first().click()]);
    await pv.getByTestId('parallel-row').first().waitFor();
    expect(new URL(pv.url()).pathname).toBe('/parallel.html');
    const focused = pv.locator('[data-testid="parallel-row"][data-focus="true"]');
    await expect(focused.getAttribute('data-translation')).resolves.toBe('p023');
    await expect(focused.getAttribute('data-original')).resolves.toBe('p026');
    await pv.close();
    await page.close();
  });

  it('an English quote verbatim in the original shows the translation’s rendering; a dropped one says so', async () => {
    const first = await checkQuote('#q-pair-en');
    await expect(first.c.getByTestId('verdict').first().getAttribute('data-verdict')).resolves.toBe('verbatim');
    const cp = first.c.getByTestId('counterpart').first();
    await expect(cp.getByTestId('counterpart-label').innerText()).resolves.toBe(`Translation: ${ZH_TITLE}`);
    await expect(cp.getByTestId('counterpart-mark').innerText()).resolves.toBe('一旦模型越过阈值，更严格的安全和部署规则就会自动生效。');
    await first.page.close();

    const dropped = await checkQuote('#q-pair-dropped');
    await expect(dropped.c.getByTestId('verdict').first().getAttribute('data-verdict')).resolves.toBe('verbatim');
    const none = dropped.c.getByTestId('counterpart').first();
    await expect(none.getAttribute('data-dropped')).resolves.toBe('paragraph');
    await expect(none.innerText()).resolves.toBe('The translation leaves this passage out.');
    await dropped.page.close();
  });

  let zhId = '';
  async function openParallel(at: string): Promise<Page> {
    if (!zhId) {
      const sp = await b.context.newPage();
      await sp.goto(b.extUrl('sources.html'));
      await sp.locator('body[data-ready="true"]').waitFor();
      const row = sp.getByTestId('source-row').filter({ hasText: ZH_TITLE }).first();
      zhId = (await row.getAttribute('data-source')) ?? '';
      // Both rows of the pair link to its side-by-side view; the link works from the keyboard.
      const href = `/parallel.html?translation=${encodeURIComponent(zhId)}`;
      await expect(row.getByTestId('source-parallel').getAttribute('href')).resolves.toBe(href);
      const enRow = sp.getByTestId('source-row').filter({ hasText: EN_TITLE }).first();
      await expect(enRow.getByTestId('source-parallel').getAttribute('href')).resolves.toBe(href);
      await enRow.getByTestId('source-parallel').focus();
      const [viaKeyboard] = await Promise.all([b.context.waitForEvent('page'), sp.keyboard.press('Enter')]);
      await viaKeyboard.getByTestId('parallel-row').first().waitFor();
      await viaKeyboard.close();
      await sp.close();
    }
    const page = await b.context.newPage();
    await page.goto(b.extUrl(`parallel.html?translation=${encodeURIComponent(zhId)}&at=${at}`));
    await page.getByTestId('parallel-row').first().waitFor();
    return page;
  }
  const row = (page: Page, translationIds: string) => page.locator(`[data-testid="parallel-row"][data-translation="${translationIds}"]`);

  it('the side-by-side view puts aligned paragraphs in one row, merged and split ones included', async () => {
    const page = await openParallel('p023');
    await expect(page.getByTestId('parallel-view').count()).resolves.toBe(1);
    await expect(row(page, 'p023').getAttribute('data-original')).resolves.toBe('p026');
    await expect(row(page, 'p023').getAttribute('data-focus')).resolves.toBe('true');
    await expect(row(page, 'p004').getAttribute('data-original')).resolves.toBe('p004 p005');
    await expect(row(page, 'p011 p012').getAttribute('data-original')).resolves.toBe('p014');
    await expect(page.locator('[data-testid="parallel-row"][data-original="p010"]').getAttribute('data-translation')).resolves.toBe('');
    await shot(page, 'parallel-view');
    await page.close();
  });

  it('the reader corrects a link; it is stored and survives a browser restart; checks still read the stored pair', async () => {
    const page = await openParallel('p005');
    await expect(row(page, 'p005').getAttribute('data-original')).resolves.toBe('p006');
    await row(page, 'p005').getByTestId('parallel-edit').click();
    await row(page, 'p005').getByTestId('parallel-correct').selectOption('p007');
    await expect.poll(() => page.getByTestId('parallel-status').innerText(), { timeout: 20_000 }).toContain('Correction saved');
    await expect(row(page, 'p005').getAttribute('data-original')).resolves.toBe('p007');
    await expect(row(page, 'p005').getAttribute('data-corrected')).resolves.toBe('true');
    await page.close();

    b = await relaunch(b);
    const again = await openParallel('p005');
    await expect(row(again, 'p005').getAttribute('data-original')).resolves.toBe('p007');
    await expect(row(again, 'p005').getAttribute('data-corrected')).resolves.toBe('true');
    // Away from the correction the alignment is unchanged.
    await expect(row(again, 'p023').getAttribute('data-original')).resolves.toBe('p026');
    await again.close();

    const { page: news, c } = await checkQuote('#q-pair-zh');
    await expect(c.getByTestId('counterpart-mark').first().innerText()).resolves.toBe(
      'The most capable models need huge numbers of chips, hundreds of thousands of them.',
    );
    await news.close();
  });
});
