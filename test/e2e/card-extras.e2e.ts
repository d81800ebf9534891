/**
 * The lean card script (issue 20): the parts only some results show come in card-extras.js,
 * which the background injects into the asking frame only for a result that shows one. A result
 * needing them renders fully — rows, tally, cleanup note, differences, with their styles — from
 * the context menu and from check-on-select, in the top page and inside a cross-origin iframe,
 * and after the card script was injected again; a result needing none loads none.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { card, launch, openFixturePage, selectElementText, serveFixtures, tabIdOf, triggerMenu, type Browser, type Fixtures } from './harness';
import { cardVerdict, clickCheckButton, enableCheckOnSelect, startHostileServer, type HostileServer } from './hardening/support';

let fx: Fixtures;
let srv: HostileServer;
let b: Browser;

beforeAll(async () => {
  fx = await serveFixtures();
  srv = await startHostileServer();
  b = await launch({ grantAllUrls: true });
});

afterAll(async () => {
  await b?.close();
  await srv?.close();
  await fx?.close();
});

/** Adds a paragraph holding `quote` to the page or frame; with `select`, selects it and returns the selected text. */
async function addQuote(where: Page | Frame, id: string, quote: string, select: boolean): Promise<string> {
  return where.evaluate(
    ([pid, q, sel]) => {
      const p = document.createElement('p');
      p.id = pid;
      p.textContent = q;
      document.body.append(p);
      if (!sel) return '';
      const r = document.createRange();
      r.selectNodeContents(p);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(r);
      return getSelection()!.toString();
    },
    [id, quote, select] as const,
  );
}

/** What the card script's world holds in each frame of the tab: whether its core runs, and whether the extras do. */
async function worlds(page: Page): Promise<Map<number, { core: boolean; extras: boolean }>> {
  const tabId = await tabIdOf(b, page);
  const w = await b.worker();
  const found: Array<[number, { core: boolean; extras: boolean }]> = await w.evaluate(
    (id) =>
      (globalThis as any).chrome.scripting
        .executeScript({
          target: { tabId: id, allFrames: true },
          // the extension's isolated world: where the card script and the extras meet
          func: () => {
            const core = (globalThis as any).__verbatimCardCore__;
            return { core: !!core, extras: !!core?.extras };
          },
        })
        .then((rs: Array<{ frameId: number; result: { core: boolean; extras: boolean } }>) => rs.map((r) => [r.frameId, r.result])),
    tabId,
  );
  return new Map(found);
}

/** The three-sentence card in full: a headline that counts, a row per sentence, and the rows' own styles. */
async function expectThreeSentences(frame: Page | Frame) {
  const c = card(frame as Page);
  await c.getByTestId('tally').waitFor();
  await expect(c.getByTestId('tally').innerText()).resolves.toBe('2 of 3 sentences verbatim in the interview; 1 not in the interview');
  const rows = c.locator('li[data-testid="segment"]');
  await expect(rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-verdict')))).resolves.toEqual(['verbatim', 'not-found', 'verbatim']);
  // CARD_EXTRAS_CSS came with them: a row is a bordered box, the list has no bullets
  const style = await rows.first().evaluate((li) => ({ border: getComputedStyle(li).borderTopStyle, list: getComputedStyle(li.parentElement!).listStyleType }));
  expect(style).toEqual({ border: 'solid', list: 'none' });
  await c.getByTestId('stitched').waitFor();
}

describe('card extras, context menu', () => {
  it('a verbatim quote needs none: the card script runs alone', async () => {
    const page = await b.context.newPage();
    await page.goto(`${srv.url}/frames.html`);
    await page.bringToFront();
    await page.locator('#page-button').waitFor();
    const text = await addQuote(page, 'plain', '“我们视自己有责任去就即将发生的事情向世界发出警告。”', true);
    await expect(triggerMenu(b, page, text)).resolves.toMatchObject({ shown: true });
    await expect(cardVerdict(page)).resolves.toBe('verbatim');
    await card(page).getByTestId('passage').waitFor();
    expect((await worlds(page)).get(0)).toEqual({ core: true, extras: false });
    await page.close();
  });

  it('three sentences and a cleaned-up quote render fully, also after the card script is injected again', async () => {
    const page = await openFixturePage(b, fx, 'cleanup.html');
    const text = await selectElementText(page, '#q-three');
    await expect(triggerMenu(b, page, text)).resolves.toMatchObject({ shown: true });
    await expectThreeSentences(page);
    expect((await worlds(page)).get(0)).toEqual({ core: true, extras: true });
    // Each menu click injects the card script again (a new instance, a new Preact): the extras come again with it.
    await page.keyboard.press('Escape');
    const cleaned = await selectElementText(page, '#q-cleaned');
    await expect(triggerMenu(b, page, cleaned)).resolves.toMatchObject({ shown: true });
    const note = card(page).getByTestId('cleanup');
    await note.locator('summary').click();
    await expect(card(page).getByTestId('cleanup-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')))).resolves.toEqual(['ellipsis', 'number']);
    await page.keyboard.press('Escape');
    await expect(triggerMenu(b, page, text)).resolves.toMatchObject({ shown: true });
    await expectThreeSentences(page);
    await page.close();
  });

  it('inside a cross-origin iframe: the extras go into that frame, and the differences show there', async () => {
    const page = await b.context.newPage();
    await page.goto(`${srv.url}/frames.html`);
    await page.bringToFront();
    const cross = page.frames().find((f) => f.url().includes('origin=cross'))!;
    await cross.locator('#quote').waitFor();
    const text = await addQuote(cross, 'changed', '“我们视自己有责任去就即将发生的事情向全人类发出警告。”', true);
    const frameIds = await worlds(page);
    const tabId = await tabIdOf(b, page);
    const w = await b.worker();
    const crossId: number = await w.evaluate(
      (id) =>
        (globalThis as any).chrome.scripting
          .executeScript({ target: { tabId: id, allFrames: true }, func: () => location.href })
          .then((rs: Array<{ frameId: number; result: string }>) => rs.find((r) => r.result.includes('origin=cross'))!.frameId),
      tabId,
    );
    expect(frameIds.has(crossId)).toBe(true);
    const r = await w.evaluate(
      ([id, frameId, t]) => (globalThis as any).verbatimBackground.handleMenuClick({ menuItemId: 'verbatim-check', selectionText: t, frameId }, { id }),
      [tabId, crossId, text] as const,
    );
    expect(r).toMatchObject({ shown: true });
    await expect(cardVerdict(cross)).resolves.toBe('altered');
    await expect(card(cross as unknown as Page).getByTestId('diff-transcript').first().innerText()).resolves.toBe('世界');
    const after = await worlds(page);
    expect(after.get(crossId)).toEqual({ core: true, extras: true });
    expect(after.get(0)?.extras ?? false).toBe(false);
    await page.close();
  });
});

describe('card extras, check-on-select', () => {
  beforeAll(() => enableCheckOnSelect(b));

  it('the check button brings a three-sentence card in full', async () => {
    const page = await openFixturePage(b, fx, 'cleanup.html');
    const reselect = async () => {
      await selectElementText(page, '#q-three');
      await page.locator('#q-three').dispatchEvent('mouseup');
    };
    await reselect();
    await clickCheckButton(page, page, reselect);
    await expectThreeSentences(page);
    expect((await worlds(page)).get(0)).toEqual({ core: true, extras: true });
    await page.close();
  });

  it('in a cross-origin iframe too', async () => {
    const page = await b.context.newPage();
    await page.goto(`${srv.url}/frames.html`);
    await page.bringToFront();
    const cross = page.frames().find((f) => f.url().includes('origin=cross'))!;
    await cross.locator('#quote').waitFor();
    await addQuote(cross, 'changed', '“我们视自己有责任去就即将发生的事情向全人类发出警告。”', false);
    const reselect = async () => {
      await cross.locator('#changed').selectText();
      await cross.locator('#changed').dispatchEvent('mouseup');
    };
    await reselect();
    await clickCheckButton(page, cross, reselect);
    await expect(cardVerdict(cross)).resolves.toBe('altered');
    await expect(card(cross as unknown as Page).getByTestId('diff-transcript').first().innerText()).resolves.toBe('世界');
    await page.close();
  });
});
