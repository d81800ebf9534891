/**
 * The card for the verdicts of issue 10 in real headless Chromium, light and dark: an exact
 * English line (through the gloss, "says the same"), an invented quote that shares a name (not
 * found, with a mention that is not a verdict), a reversed claim (the interview says otherwise,
 * both wordings side by side), a short phrase (and how little it proves); and a tall card whose
 * actions stay in sight.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { shot, type Browser, type Fixtures, withBrowser, openFixturePage, checkSelected } from './harness';

let fx: Fixtures;
let b: Browser;
withBrowser({ grantAllUrls: true }, (env) => ({ fx, b } = env));

const open = (scheme: 'light' | 'dark'): Promise<Page> => openFixturePage(b, fx, 'verdicts.html', scheme);
const check = (page: Page, selector: string) => checkSelected(b, page, selector);

describe('verdict cards', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`an exact English line: checked against a Chinese translation, which says the same (${scheme})`, async () => {
      const page = await open(scheme);
      const c = await check(page, '#q-en-exact');
      await expect(c.getByTestId('verdict').getAttribute('data-verdict')).resolves.toBe('related');
      await expect(c.getByTestId('headline').getAttribute('data-headline')).resolves.toBe('gloss-close');
      await expect(c.getByTestId('headline').innerText()).resolves.toMatch(/Chinese translation.*says the same/);
      await expect(c.getByTestId('notice').count()).resolves.toBeLessThanOrEqual(1);
      await expect(c.getByTestId('match').first().getAttribute('data-paragraph')).resolves.toBe('p116');
      await shot(page, `verdict-english-exact-${scheme}`, c);
      await page.close();
    });

    it(`an invented quote sharing a name: not found, the mention is not a verdict (${scheme})`, async () => {
      const page = await open(scheme);
      const c = await check(page, '#q-invented');
      await expect(c.getByTestId('verdict').getAttribute('data-verdict')).resolves.toBe('not-found');
      await expect(c.getByTestId('passage').count()).resolves.toBe(0);
      await expect(c.getByTestId('mentions').innerText()).resolves.toMatch(/Not a verdict/i);
      // the name as the card shows passages: in the selection's script (Simplified here)
      await expect(c.getByTestId('mentions').innerText()).resolves.toContain('黄仁勋');
      await shot(page, `verdict-invented-${scheme}`, c);
      await page.close();
    });

    it(`a reversed claim: the interview says otherwise, both wordings side by side (${scheme})`, async () => {
      const page = await open(scheme);
      const c = await check(page, '#q-reversed');
      await expect(c.getByTestId('headline').getAttribute('data-headline')).resolves.toBe('contradicted');
      await expect(c.getByTestId('contradiction').getAttribute('data-kind')).resolves.toBe('negation');
      await expect(c.getByTestId('contradiction-quote').innerText()).resolves.toContain('我们愿意');
      await expect(c.getByTestId('contradiction-passage').innerText()).resolves.toContain('不愿意');
      // side by side: the two wordings share a row
      const [qBox, pBox] = await Promise.all([
        c.getByTestId('contradiction-quote').boundingBox(),
        c.getByTestId('contradiction-passage').boundingBox(),
      ]);
      expect(qBox && pBox && Math.abs(qBox.y - pBox.y) < 4 && pBox.x > qBox.x).toBe(true);
      await shot(page, `verdict-reversed-${scheme}`, c);
      await page.close();
    });

    it(`a short phrase: checked, and the card says how little it proves (${scheme})`, async () => {
      const page = await open(scheme);
      const c = await check(page, '#q-short');
      await expect(c.getByTestId('verdict').getAttribute('data-verdict')).resolves.not.toBe('invalid');
      await expect(c.getByTestId('notice').innerText()).resolves.toMatch(/proves little/);
      await shot(page, `verdict-short-${scheme}`, c);
      await page.close();
    });
  }

  it('a tall card keeps its actions in sight', async () => {
    const page = await open('light');
    await page.setViewportSize({ width: 900, height: 420 });
    const c = await check(page, '#q-tall');
    const cardBox = await c.boundingBox();
    const scrollable = await c.evaluate((el) => el.scrollHeight > el.clientHeight + 4);
    expect(scrollable).toBe(true);
    const button = c.getByTestId('open-section').first();
    const box = await button.boundingBox();
    expect(cardBox && box).toBeTruthy();
    // fully inside the card's visible box without scrolling it
    expect(box!.y).toBeGreaterThanOrEqual(cardBox!.y);
    expect(box!.y + box!.height).toBeLessThanOrEqual(cardBox!.y + cardBox!.height + 1);
    const hit = await page.evaluate(
      ([x, y]) => {
        const host = document.querySelector('verbatim-card')!;
        const el = host.shadowRoot!.elementFromPoint(x, y);
        return el?.closest('[data-testid="open-section"]') !== null;
      },
      [box!.x + box!.width / 2, box!.y + box!.height / 2] as const,
    );
    expect(hit).toBe(true);
    await shot(page, 'verdict-tall-actions', c);
    await page.close();
  });
});
