/**
 * Bad input end to end. Every case of test/hardening/cases.ts goes through the extension's own
 * message channel (extension page → service worker → matcher → card model), and the worst ones
 * are selected on a real page (test/fixtures/hostile/bad-input.html): the card must refuse them
 * plainly or answer honestly, markup must stay text, and the page must keep working.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { card, launch, tabIdOf, triggerCommand, triggerMenu, type Browser } from '../harness';
import { CASES, expectHonest } from '../../hardening/cases';
import { collectErrors, expectPageHealthy, startHostileServer, type HostileServer } from './support';

let srv: HostileServer;
let b: Browser;
let ext: Page;

beforeAll(async () => {
  srv = await startHostileServer();
  b = await launch({ grantAllUrls: true });
  ext = await b.context.newPage();
  await ext.goto(b.extUrl('options.html'));
});

afterAll(async () => {
  await b?.close();
  await srv?.close();
});

interface CardModelLike {
  query: string;
  verdict: string;
  error?: string;
  notice?: string;
  segments?: Array<{ verdict: string }>;
}

describe('every bad-input case through the message channel', () => {
  it(`${CASES.length} cases: a well-formed answer, in time, refused or honest`, async () => {
    const failures: string[] = [];
    for (const c of CASES) {
      const r = await ext.evaluate(async (text) => {
        const t0 = performance.now();
        const res = await (globalThis as any).chrome.runtime.sendMessage({ type: 'verbatim:check', text });
        return { res, ms: performance.now() - t0 };
      }, c.input);
      const res = r.res as { ok: boolean; card?: CardModelLike; error?: string };
      try {
        expect(res.ok, `${c.name}: ${res.error}`).toBe(true);
        const model = res.card!;
        expect(typeof model.query).toBe('string');
        // (Chromium's messaging keeps unpaired surrogates and NULs intact: the same rules apply.)
        expectHonest(c, model);
      } catch (e) {
        failures.push(`${c.name}: ${(e as Error).message.split('\n')[0]}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('a burst of checks fired at once all come back, each with its own answer', async () => {
    const inputs = CASES.slice(0, 20).map((c) => c.input);
    const answers = await ext.evaluate(
      (texts) =>
        Promise.all(
          texts.map((text) => (globalThis as any).chrome.runtime.sendMessage({ type: 'verbatim:check', text }).then((r: any) => r.card.query)),
        ),
      inputs,
    );
    expect(answers).toEqual(inputs);
  });
});

describe('bad selections on a real page', () => {
  let page: Page;
  let errors: Awaited<ReturnType<typeof collectErrors>>;
  const dialogs: string[] = [];

  beforeAll(async () => {
    page = await b.context.newPage();
    errors = await collectErrors(page);
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${srv.url}/bad-input.html`);
    await page.waitForFunction(() => document.getElementById('long')?.textContent?.length === 100_000);
  });

  afterAll(async () => {
    await page?.close();
  });

  async function checkSelected(selector: string): Promise<void> {
    await page.keyboard.press('Escape');
    await page.locator(selector).selectText();
    await expect(triggerMenu(b, page, '')).resolves.toMatchObject({ shown: true });
  }

  it('markup selected as text (<img onerror>, <script>) is shown as text and never runs — in the card and in the popup', async () => {
    await checkSelected('#html');
    const badge = card(page).getByTestId('verdict').first();
    await badge.waitFor();
    expect(['verbatim', 'altered']).not.toContain(await badge.getAttribute('data-verdict'));
    const injected = await page.evaluate(() => {
      const root = document.querySelector('verbatim-card')!.shadowRoot!;
      return {
        pwned: (window as unknown as { __pwned?: number }).__pwned ?? null,
        imgs: root.querySelectorAll('img').length,
        scripts: root.querySelectorAll('script').length,
        pageImgs: document.querySelectorAll('img').length,
      };
    });
    expect(injected).toEqual({ pwned: null, imgs: 0, scripts: 0, pageImgs: 0 });

    // The popup quotes the selection back: as text.
    const popup = await b.context.newPage();
    await popup.goto(b.extUrl(`popup.html?tab=${await tabIdOf(b, page)}`));
    const quote = popup.getByTestId('popup-quote');
    await quote.waitFor();
    await expect(quote.innerText()).resolves.toContain('<img src=x onerror="window.__pwned=1">');
    await expect(popup.locator('img').count()).resolves.toBe(0);
    await popup.close();
    await page.bringToFront();
    await new Promise((r) => setTimeout(r, 300));
    await expect(page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? null)).resolves.toBeNull();
  });

  for (const [selector, what] of [
    ['#space', /spaces|select a quote/i],
    ['#emoji', /emoji|symbols/i],
    ['#one', /too short/i],
    ['#punct', /punctuation|symbols/i],
  ] as const) {
    it(`${selector}: the card refuses it in one plain sentence`, async () => {
      await checkSelected(selector);
      const body = card(page);
      await body.locator('[data-testid="verdict"], [data-testid="error"]').first().waitFor();
      const text = await body.innerText();
      expect(text).toMatch(what);
      // An invalid verdict (or the "select a quote" message for an empty selection), never a match.
      await expect(body.getByTestId('match').count()).resolves.toBe(0);
    });
  }

  it('a lone surrogate written by the page: refused with a reason, not matched', async () => {
    await checkSelected('#lone');
    const badge = card(page).getByTestId('verdict').first();
    await badge.waitFor();
    await expect(badge.getAttribute('data-verdict')).resolves.toBe('invalid');
    await expect(card(page).innerText()).resolves.toMatch(/broken character/i);
  });

  it('zero-width characters inside a real quote: still verbatim', async () => {
    await checkSelected('#zw');
    await expect(card(page).getByTestId('verdict').first().getAttribute('data-verdict')).resolves.toBe('verbatim');
  });

  it('100 000 characters in one element: answered, and the card says only the start was checked', async () => {
    await page.keyboard.press('Escape');
    await page.locator('#long').selectText();
    await expect(triggerCommand(b, page)).resolves.toMatchObject({ shown: true });
    await card(page).getByTestId('verdict').first().waitFor();
    // the notice names the real length, not a cut made on the way
    await expect(card(page).getByTestId('notice').first().innerText()).resolves.toMatch(/100,?000 characters.*first/i);
    expect(['verbatim', 'altered']).not.toContain(await card(page).getByTestId('verdict').first().getAttribute('data-verdict'));
  });

  it('nothing selected: the card asks for a selection instead of guessing', async () => {
    await page.keyboard.press('Escape');
    await page.evaluate(() => document.getSelection()!.removeAllRanges());
    await triggerCommand(b, page);
    await expect(card(page).getByTestId('error').innerText()).resolves.toMatch(/select a quote/i);
  });

  it('afterwards: no error in the page console, no dialog, and the page still works', async () => {
    await page.keyboard.press('Escape');
    expect(errors.messages, 'errors in the page console').toEqual([]);
    expect(dialogs).toEqual([]);
    await expectPageHealthy(page);
  });
});
