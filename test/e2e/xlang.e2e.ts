/**
 * Cross-language check in real Chromium (issue 18): an English source added through the real
 * Sources page, then a Chinese quote of it selected on a Chinese news page. The card says
 * `related` "in another language" and shows the English passage; an invented Chinese quote on
 * the same topic stays not found. The dictionary is fetched by the background on that check
 * (the page gets no dictionary). One browser profile for the whole file.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, card, selectElementText, shot, triggerMenu, type Browser, type Fixtures, withBrowser } from './harness';

const SOURCES_DIR = path.join(ROOT, 'test/fixtures/sources');

let fx: Fixtures;
let b: Browser;
withBrowser({ grantAllUrls: true }, (env) => ({ fx, b } = env));

async function checkOn(selector: string) {
  const page = await b.context.newPage();
  await page.goto(`${fx.url}/news-xlang.html?sel=${encodeURIComponent(selector)}`);
  await page.bringToFront();
  const text = await selectElementText(page, selector);
  await expect(triggerMenu(b, page, text)).resolves.toMatchObject({ shown: true });
  const c = card(page);
  await c.getByTestId('verdict').first().waitFor({ timeout: 20_000 });
  return { page, c };
}

describe('cross-language', () => {
  it('adds an English source through the Sources page', async () => {
    const page = await b.context.newPage();
    await page.goto(b.extUrl('sources.html'));
    await page.locator('body[data-ready="true"]').waitFor();
    await page.getByTestId('source-file-input').setInputFiles(path.join(SOURCES_DIR, 'interview-en.txt'));
    await page.getByTestId('source-preview').waitFor();
    await expect(page.getByTestId('preview-language').inputValue()).resolves.toBe('en');
    await page.getByTestId('source-save').click();
    await expect.poll(() => page.getByTestId('source-status').innerText()).toMatch(/^Saved/);
    await page.close();
  });

  it('a Chinese quote of it: related "in another language", the English passage shown', async () => {
    const { page, c } = await checkOn('#q-xlang');
    await expect(c.getByTestId('verdict').first().getAttribute('data-verdict')).resolves.toBe('related');
    const headline = c.getByTestId('headline').first();
    await expect(headline.getAttribute('data-headline')).resolves.toBe('related-xlang');
    await expect(headline.innerText()).resolves.toContain('In another language');
    await expect(c.getByTestId('passage-mark').first().innerText()).resolves.toContain('the most advanced chips are a strategic resource');
    await expect(c.getByTestId('match-source').first().getByTestId('source-title').innerText()).resolves.not.toBe('');
    await expect(c.getByTestId('speaker').first().innerText()).resolves.toBe('Dario Amodei');
    await expect(c.getByTestId('why').first().innerText()).resolves.toMatch(/In another language/);
    // the page itself never received the dictionary
    await expect(page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.includes('cedict')))).resolves.toBe(false);
    await shot(page, 'card-xlang-related', c);
    await page.close();
  });

  it('an invented Chinese quote on the same topics is not related', async () => {
    const { page, c } = await checkOn('#q-xlang-invented');
    await expect(c.getByTestId('verdict').first().getAttribute('data-verdict')).resolves.toBe('not-found');
    await page.close();
  });
});
