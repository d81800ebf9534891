/**
 * Quotes as the press prints them (issue 18) in real headless Chromium: a cleaned-up quote (an
 * ellipsis and a figure in digits) is verbatim with its "Cleaned up" note, expanded and listed;
 * a three-sentence selection gets a row per sentence and a headline that counts.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { blocking, runAxe } from './axe';
import { shot, type Browser, type Fixtures, withBrowser, openFixturePage, checkSelected } from './harness';

let fx: Fixtures;
let b: Browser;
withBrowser({ grantAllUrls: true }, (env) => ({ fx, b } = env));

const open = (scheme: 'light' | 'dark'): Promise<Page> => openFixturePage(b, fx, 'cleanup.html', scheme);
const check = (page: Page, selector: string) => checkSelected(b, page, selector);

describe('cleaned-up quotes and several sentences', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`a cleaned-up quote: verbatim, with the "Cleaned up" note listing what was left out or rewritten (${scheme})`, async () => {
      const page = await open(scheme);
      const c = await check(page, '#q-cleaned');
      await expect(c.getByTestId('verdict').first().getAttribute('data-verdict')).resolves.toBe('verbatim');
      const note = c.getByTestId('cleanup');
      await expect(note.getAttribute('open')).resolves.toBeNull();
      await expect(c.getByTestId('headline').getAttribute('data-headline')).resolves.toBe('verbatim-cleaned');
      await note.locator('summary').click();
      await expect(note.getAttribute('open')).resolves.not.toBeNull();
      const kinds = await c.getByTestId('cleanup-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
      expect(kinds).toEqual(['ellipsis', 'number']);
      const items = await c.getByTestId('cleanup-item').allInnerTexts();
      expect(items[0]).toMatch(/left out/);
      expect(items[1]).toContain('100%');
      expect(items[1]).toMatch(/百分之百|百分之百/);
      expect(blocking(await runAxe(page, { include: ['verbatim-card'] }))).toEqual([]);
      await shot(page, `cleanup-note-${scheme}`, c);
      await page.close();
    });

    it(`three sentences with mixed verdicts: a row each and a headline that counts (${scheme})`, async () => {
      const page = await open(scheme);
      const c = await check(page, '#q-three');
      const rows = c.getByTestId('segment');
      await expect(rows.count()).resolves.toBe(3);
      const verdicts = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-verdict')));
      expect(verdicts).toEqual(['verbatim', 'not-found', 'verbatim']);
      const tally = c.getByTestId('tally');
      await expect(tally.getAttribute('data-total')).resolves.toBe('3');
      await expect(tally.innerText()).resolves.toBe('2 of 3 sentences verbatim in the interview; 1 not in the interview');
      // the two real sentences are from one passage, with words between them left out and no ellipsis
      await expect(c.getByTestId('stitched').innerText()).resolves.toMatch(/left out without an ellipsis/);
      expect(blocking(await runAxe(page, { include: ['verbatim-card'] }))).toEqual([]);
      await shot(page, `cleanup-three-sentences-${scheme}`, c);
      await page.close();
    });
  }
});
