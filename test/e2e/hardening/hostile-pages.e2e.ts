/**
 * Hostile pages (test/fixtures/hostile, served on 127.0.0.1; a second port is another origin):
 * the card must appear correctly — inside the viewport, on top, unstyled by the page — or a
 * clear message must say why it cannot, and the page must keep working with no error thrown
 * into its console by the extension.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { card, launch, tabIdOf, triggerCommand, triggerMenu, type Browser } from '../harness';
import {
  cardGeometry,
  cardVerdict,
  clickCheckButton,
  collectErrors,
  dragSelect,
  enableCheckOnSelect,
  expectCardCorrect,
  expectPageHealthy,
  startHostileServer,
  type ErrorLog,
  type HostileServer,
} from './support';

let srv: HostileServer;
let b: Browser;

beforeAll(async () => {
  srv = await startHostileServer();
  b = await launch({ grantAllUrls: true });
});

afterAll(async () => {
  await b?.close();
  await srv?.close();
});

interface Opened {
  page: Page;
  errors: ErrorLog;
}

async function open(name: string): Promise<Opened> {
  const page = await b.context.newPage();
  const errors = await collectErrors(page);
  await page.goto(`${srv.url}/${name}`);
  await page.bringToFront();
  return { page, errors };
}

async function done({ page, errors }: Opened): Promise<void> {
  expect(errors.messages, 'errors in the page console').toEqual([]);
  await errors.detach();
  await page.close();
}

/** Selects `selector` in `frame` without the page's own (possibly replaced) selection API. */
async function select(frame: Page | Frame, selector: string): Promise<string> {
  const el = frame.locator(selector).first();
  await el.selectText();
  return el.innerText();
}

/** The selection's rect and the card's, for "next to the selection". */
async function nextToSelection(page: Page) {
  const sel = await page.evaluate(() => {
    const s = document.getSelection();
    const r = s && s.rangeCount ? s.getRangeAt(0).getBoundingClientRect() : null;
    return r ? { top: r.top, bottom: r.bottom } : null;
  });
  const g = await cardGeometry(page);
  return { sel, card: g.card };
}

describe('the error detector', () => {
  it("sees an error thrown in the extension's isolated world (so its silence below means something)", async () => {
    const o = await open('css-chaos.html');
    const tabId = await tabIdOf(b, o.page);
    const w = await b.worker();
    await w.evaluate(
      (id) =>
        (globalThis as any).chrome.scripting.executeScript({
          target: { tabId: id },
          func: () => {
            setTimeout(() => {
              throw new Error('verbatim-probe');
            }, 0);
          },
        }),
      tabId,
    );
    await expect.poll(() => o.errors.messages.join('\n')).toContain('verbatim-probe');
    await o.errors.detach();
    await o.page.close();
  });
});

describe('aggressive page CSS', () => {
  it('`* { all: unset !important }`, !important everywhere, a max z-index overlay, rules aimed at extension elements: the card still shows, on top, unstyled', async () => {
    const o = await open('css-chaos.html');
    const text = await select(o.page, '#quote');
    await expect(triggerMenu(b, o.page, text)).resolves.toMatchObject({ shown: true });
    await expect(cardVerdict(o.page)).resolves.toBe('verbatim');
    const g = await cardGeometry(o.page);
    expectCardCorrect(g);
    // The page's colours (#f0f text, filters) do not reach the card.
    expect(g.style.color).not.toBe('rgb(255, 0, 255)');
    const { sel, card: c } = await nextToSelection(o.page);
    expect(sel).not.toBeNull();
    expect(Math.min(Math.abs(c.top - sel!.bottom), Math.abs(sel!.top - c.bottom))).toBeLessThan(40);
    // Controls inside the card work: Esc closes it.
    await card(o.page).getByTestId('close').click();
    await expect(o.page.locator('verbatim-card').count()).resolves.toBe(0);
    await expectPageHealthy(o.page);
    await done(o);
  });

  it('html zoom and transforms on html/body: the card is neither scaled nor rotated and sits by the selection', async () => {
    const o = await open('zoom.html');
    const text = await select(o.page, '#quote');
    await triggerMenu(b, o.page, text);
    await expect(cardVerdict(o.page)).resolves.toBe('verbatim');
    const g = await cardGeometry(o.page);
    expectCardCorrect(g);
    // The card's CSS width is min(440px, …): unscaled, it measures about that on screen.
    expect(g.card.width).toBeGreaterThan(380);
    expect(g.card.width).toBeLessThan(460);
    const { sel, card: c } = await nextToSelection(o.page);
    expect(Math.min(Math.abs(c.top - sel!.bottom), Math.abs(sel!.top - c.bottom))).toBeLessThan(40);
    await expectPageHealthy(o.page);
    await done(o);
  });
});

describe('strict Content-Security-Policy', () => {
  it('header + meta CSP (no inline style or script, Trusted Types required): the card shows and the page records no violation', async () => {
    const o = await open('csp.html');
    const text = await select(o.page, '#quote');
    await triggerMenu(b, o.page, text);
    await expect(cardVerdict(o.page)).resolves.toBe('verbatim');
    expectCardCorrect(await cardGeometry(o.page));
    const violations = await o.page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations.length);
    expect(violations).toBe(0);
    await expectPageHealthy(o.page);
    await done(o);
  });
});

describe('frames', () => {
  async function frames(o: Opened): Promise<{ same: Frame; cross: Frame; ids: Map<string, number> }> {
    const same = o.page.frames().find((f) => f.url().includes('origin=same'))!;
    const cross = o.page.frames().find((f) => f.url().includes('origin=cross'))!;
    await same.locator('#quote').waitFor();
    await cross.locator('#quote').waitFor();
    expect(new URL(cross.url()).origin).not.toBe(new URL(o.page.url()).origin);
    const tabId = await tabIdOf(b, o.page);
    const w = await b.worker();
    const found: Array<[number, string]> = await w.evaluate(
      (id) =>
        (globalThis as any).chrome.scripting
          .executeScript({ target: { tabId: id, allFrames: true }, func: () => location.href })
          .then((rs: Array<{ frameId: number; result: string }>) => rs.map((r) => [r.frameId, r.result])),
      tabId,
    );
    return { same, cross, ids: new Map(found.map(([id, url]) => [url, id])) };
  }

  it('context menu in a same-origin and in a cross-origin iframe: the card shows inside that frame', async () => {
    const o = await open('frames.html');
    const { same, cross, ids } = await frames(o);
    const tabId = await tabIdOf(b, o.page);
    for (const f of [same, cross]) {
      await select(f, '#quote');
      const w = await b.worker();
      const r = await w.evaluate(
        ([id, frameId]) =>
          (globalThis as any).verbatimBackground.handleMenuClick({ menuItemId: 'verbatim-check', selectionText: '', frameId }, { id }),
        [tabId, ids.get(f.url())!] as const,
      );
      expect(r).toMatchObject({ shown: true });
      await expect(cardVerdict(f)).resolves.toBe('verbatim');
      await expect(f.locator('verbatim-card').count()).resolves.toBe(1);
      await f.locator('verbatim-card [data-testid="close"]').click();
      await expectPageHealthy(f, { click: false });
    }
    await expect(o.page.locator('verbatim-card').count()).resolves.toBe(0);
    await expectPageHealthy(o.page);
    await done(o);
  });

  it('keyboard shortcut with the quote selected in a cross-origin iframe: the card shows in that frame, not "select a quote"', async () => {
    const o = await open('frames.html');
    const { cross } = await frames(o);
    await cross.locator('#quote').click();
    await select(cross, '#quote');
    await expect(triggerCommand(b, o.page)).resolves.toMatchObject({ shown: true });
    await expect(cardVerdict(cross)).resolves.toBe('verbatim');
    await expect(o.page.locator('verbatim-card').count()).resolves.toBe(0);
    await done(o);
  });
});

describe('selections the page hides or owns', () => {
  it('text inside open shadow roots (one nested in another)', async () => {
    const o = await open('shadow.html');
    for (const sel of ['#host #quote', '#outer #inner #quote']) {
      const text = await select(o.page, sel);
      expect(text).toContain('警告');
      await triggerMenu(b, o.page, '');
      await expect(cardVerdict(o.page)).resolves.toBe('verbatim');
      expectCardCorrect(await cardGeometry(o.page));
      await o.page.keyboard.press('Escape');
    }
    await expectPageHealthy(o.page);
    await done(o);
  });

  it('textarea, text input, search input and contenteditable', async () => {
    const o = await open('fields.html');
    for (const sel of ['#ta', '#in', '#search']) {
      const field = o.page.locator(sel);
      await field.focus();
      // Select the quote only, not the field's label text around it.
      await field.evaluate((el: HTMLInputElement | HTMLTextAreaElement) => {
        const v = el.value;
        const start = v.search(/[我几]/u);
        const end = v.search(/[。—]|$/u);
        el.setSelectionRange(start, end > start ? end : v.length);
      });
      // The menu passes no text: the card must read the field's own selection.
      await expect(triggerMenu(b, o.page, '')).resolves.toMatchObject({ shown: true });
      await expect(cardVerdict(o.page), sel).resolves.toBe('verbatim');
      expectCardCorrect(await cardGeometry(o.page));
      await o.page.keyboard.press('Escape');
    }
    await select(o.page, '#ce b');
    await triggerCommand(b, o.page);
    await expect(cardVerdict(o.page)).resolves.toBe('verbatim');
    // The editable content is untouched.
    await expect(o.page.locator('#ce').innerText()).resolves.toContain('(可编辑)');
    await expectPageHealthy(o.page);
    await done(o);
  });
});

describe('right-to-left page', () => {
  it('the card stays left-to-right and inside the viewport; bidi controls in the selection do not break the check', async () => {
    const o = await open('rtl.html');
    const text = await select(o.page, '#quote');
    await triggerMenu(b, o.page, text);
    await expect(cardVerdict(o.page)).resolves.toBe('verbatim');
    expectCardCorrect(await cardGeometry(o.page));
    await o.page.keyboard.press('Escape');
    // A paragraph with RLM/RLO/PDF marks around the quote and Arabic words about it.
    await select(o.page, '#mixed');
    await triggerMenu(b, o.page, '');
    const v = await cardVerdict(o.page);
    expect(['verbatim', 'altered', 'related']).toContain(v);
    expectCardCorrect(await cardGeometry(o.page));
    await expectPageHealthy(o.page);
    await done(o);
  });
});

describe('a 1 MB article', () => {
  it('a quote in the middle is checked; selecting the whole article is cut, said so, and the page stays responsive', async () => {
    const o = await open('article-1mb.html');
    const bytes = await o.page.evaluate(() => new Blob([document.documentElement.outerHTML]).size);
    expect(bytes).toBeGreaterThan(1_000_000);
    const text = await select(o.page, '#target');
    await triggerMenu(b, o.page, text);
    await expect(cardVerdict(o.page)).resolves.toBe('verbatim');
    expectCardCorrect(await cardGeometry(o.page));
    await o.page.keyboard.press('Escape');

    await o.page.evaluate(() => {
      const r = document.createRange();
      r.selectNodeContents(document.body);
      const s = document.getSelection()!;
      s.removeAllRanges();
      s.addRange(r);
    });
    await triggerMenu(b, o.page, '');
    const v = await cardVerdict(o.page);
    expect(['not-found', 'related', 'invalid']).toContain(v);
    await expect(card(o.page).getByTestId('notice').first().innerText()).resolves.toMatch(/long|first/i);
    await expectPageHealthy(o.page);
    await done(o);
  });
});

describe('a page that replaced the globals an extension might use', () => {
  it('window.getSelection, document.getSelection, Array.prototype.map/forEach, Array.from, JSON, attachShadow, appendChild, rAF replaced: the card works and the page keeps its replacements', async () => {
    const o = await open('patched.html');
    await select(o.page, '#quote');
    await triggerMenu(b, o.page, '');
    await expect(cardVerdict(o.page)).resolves.toBe('verbatim');
    expectCardCorrect(await cardGeometry(o.page));
    const kept = await o.page.evaluate(() => {
      const w = window as unknown as { __realMap: unknown; getSelection: () => unknown };
      return { mapReplaced: Array.prototype.map !== w.__realMap, getSelectionReplaced: w.getSelection() === null };
    });
    expect(kept).toEqual({ mapReplaced: true, getSelectionReplaced: true });
    await expectPageHealthy(o.page);
    await done(o);
  });
});

describe('check-on-select on hostile pages', () => {
  beforeAll(async () => {
    await enableCheckOnSelect(b);
  });

  it('a page that swallows mouseup/keyup at the window: the check button still appears after a real mouse selection', async () => {
    const o = await open('patched.html');
    await clickCheckButton(o.page, o.page, () => dragSelect(o.page, '#quote'));
    await expect(cardVerdict(o.page)).resolves.toBe('verbatim');
    await expectPageHealthy(o.page);
    await done(o);
  });

  it('aggressive CSS: the check button and the card are both visible and usable', async () => {
    const o = await open('css-chaos.html');
    await clickCheckButton(o.page, o.page, () => dragSelect(o.page, '#quote2'));
    await expect(cardVerdict(o.page)).resolves.toBe('verbatim');
    expectCardCorrect(await cardGeometry(o.page));
    await expectPageHealthy(o.page);
    await done(o);
  });

  it('inside a cross-origin iframe', async () => {
    const o = await open('frames.html');
    const cross = o.page.frames().find((f) => f.url().includes('origin=cross'))!;
    await cross.locator('#quote').waitFor();
    await clickCheckButton(o.page, cross, () => dragSelect(o.page, '#quote', cross));
    await expect(cardVerdict(cross)).resolves.toBe('verbatim');
    await done(o);
  });
});

describe('pages the extension cannot read', () => {
  for (const target of ['chrome://version/', 'PDF viewer'] as const) {
    it(`${target}: the popup says plainly that it cannot read the page, and why`, async () => {
      const page = await b.context.newPage();
      const url = target === 'PDF viewer' ? `${srv.url}/quote.pdf` : target;
      await page.goto(url).catch(() => {});
      const tabId = await tabIdOf(b, page);
      const popup = await b.context.newPage();
      await popup.goto(b.extUrl(`popup.html?tab=${tabId}`));
      const sel = popup.getByTestId('popup-selection');
      await expect.poll(() => sel.getAttribute('data-state'), { timeout: 10_000 }).toBe('unreadable');
      await expect(sel.innerText()).resolves.toMatch(/can't read.*PDF viewer.*search box/s);
      await popup.close();
      if (target === 'PDF viewer') {
        // The keyboard shortcut there: a card that says the same, not "select a quote first".
        await page.bringToFront();
        await expect(triggerCommand(b, page)).resolves.toMatchObject({ shown: true });
        await expect(card(page).getByTestId('error').innerText()).resolves.toMatch(/PDF viewer/);
      } else {
        // Extensions may not script browser pages at all: the shortcut fails in the background, quietly.
        await expect(triggerCommand(b, page)).rejects.toThrow(/chrome:\/\/ URL|Cannot access/);
      }
      await page.close();
    });
  }
});
