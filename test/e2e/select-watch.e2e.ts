/**
 * Check-on-select with the split scripts (issue 20): the script registered in every page and
 * frame is the small selection watcher (select-watch.js, no Preact); the card script
 * (content.js) comes only into the frame whose check button was pressed, on the first check.
 * Also: a second watcher injected into the same world takes over (one button per selection).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { ROOT, card, launch, percentile, tabIdOf, type Browser } from './harness';
import { cardVerdict, clickCheckButton, collectErrors, dragSelect, enableCheckOnSelect, startHostileServer, type HostileServer } from './hardening/support';

let srv: HostileServer;
let b: Browser;

beforeAll(async () => {
  srv = await startHostileServer();
  b = await launch({ grantAllUrls: true });
  await enableCheckOnSelect(b);
});

afterAll(async () => {
  await b?.close();
  await srv?.close();
});

type World = { watcher: boolean; card: boolean; core: boolean; url: string };

/** What the extension's isolated world holds in each frame of the tab. */
async function worlds(page: Page): Promise<World[]> {
  const tabId = await tabIdOf(b, page);
  const w = await b.worker();
  return w.evaluate(
    (id) =>
      (globalThis as any).chrome.scripting
        .executeScript({
          target: { tabId: id, allFrames: true },
          func: () => ({
            watcher: !!(globalThis as any).__verbatimWatch__,
            card: !!(globalThis as any).__verbatimContent__,
            core: !!(globalThis as any).__verbatimCardCore__,
            url: location.href,
          }),
        })
        .then((rs: Array<{ frameId: number; result: World }>) => rs.sort((x, y) => x.frameId - y.frameId).map((r) => r.result)),
    tabId,
  );
}

async function openFrames(): Promise<{ page: Page; same: Frame; cross: Frame }> {
  const page = await b.context.newPage();
  await page.goto(`${srv.url}/frames.html`);
  await page.bringToFront(); // a background tab gets no animation frames: the card would never paint
  const frame = (origin: string) => page.frames().find((f) => f.url().includes(`origin=${origin}`))!;
  await frame('cross').locator('#quote').waitFor();
  await frame('same').locator('#quote').waitFor();
  return { page, same: frame('same'), cross: frame('cross') };
}

async function openPage(file = 'css-chaos.html'): Promise<Page> {
  const page = await b.context.newPage();
  await page.goto(`${srv.url}/${file}`);
  await page.bringToFront();
  await page.locator('#quote').waitFor();
  return page;
}

describe('check-on-select: the watcher on page load, the card script on the first check', () => {
  it('a page load brings only the watcher, in every frame; the first check brings the card script into that frame only and shows the card', async () => {
    const { page, same } = await openFrames();
    const errors = await collectErrors(page);
    await expect.poll(async () => (await worlds(page)).every((w) => w.watcher), { timeout: 10_000 }).toBe(true);
    const before = await worlds(page);
    expect(before.length).toBe(3);
    expect(before.map((w) => [w.card, w.core])).toEqual(before.map(() => [false, false]));
    await clickCheckButton(page, same, () => dragSelect(page, '#quote', same));
    await expect(cardVerdict(same)).resolves.toBe('verbatim');
    await card(same as unknown as Page).getByTestId('passage').waitFor();
    const after = await worlds(page);
    expect(after.map((w) => [w.url.includes('origin=same'), w.watcher, w.card, w.core])).toEqual(
      after.map((w) => (w.url.includes('origin=same') ? [true, true, true, true] : [false, true, false, false])),
    );
    // The button went when the card came.
    await expect(same.locator('verbatim-check').count()).resolves.toBe(0);
    expect(errors.messages).toEqual([]);
    await page.close();
  });

  it('in the top page: the first check shows the card, a second one reuses the card script already there', async () => {
    const page = await openPage();
    const errors = await collectErrors(page);
    await expect.poll(async () => (await worlds(page))[0].watcher, { timeout: 10_000 }).toBe(true);
    expect((await worlds(page))[0]).toMatchObject({ card: false, core: false });
    await clickCheckButton(page, page, () => dragSelect(page, '#quote'));
    await expect(cardVerdict(page)).resolves.toBe('verbatim');
    // Mark the card script's instance: a second check must not inject another one.
    await b.worker().then((w) =>
      tabIdOf(b, page).then((id) =>
        w.evaluate((tabId) => (globalThis as any).chrome.scripting.executeScript({ target: { tabId }, func: () => ((globalThis as any).__verbatimContent__.mark = 1) }), id),
      ),
    );
    await page.keyboard.press('Escape');
    await clickCheckButton(page, page, () => dragSelect(page, '#quote2'));
    await expect(cardVerdict(page)).resolves.not.toBeNull();
    await expect(page.locator('verbatim-card').count()).resolves.toBe(1);
    const mark = await b.worker().then((w) =>
      tabIdOf(b, page).then((id) =>
        w.evaluate(
          (tabId) =>
            (globalThis as any).chrome.scripting
              .executeScript({ target: { tabId }, func: () => (globalThis as any).__verbatimContent__?.mark ?? null })
              .then((r: Array<{ result: unknown }>) => r[0].result),
          id,
        ),
      ),
    );
    expect(mark).toBe(1);
    expect(errors.messages).toEqual([]);
    await page.close();
  });

  it('in a cross-origin iframe: the card script goes into that frame only, and the card shows there', async () => {
    const { page, cross } = await openFrames();
    await expect.poll(async () => (await worlds(page)).every((w) => w.watcher), { timeout: 10_000 }).toBe(true);
    await clickCheckButton(page, cross, () => dragSelect(page, '#quote', cross));
    await expect(cardVerdict(cross)).resolves.toBe('verbatim');
    const after = await worlds(page);
    const inCross = after.filter((w) => w.url.includes('origin=cross'));
    expect(inCross.map((w) => w.card)).toEqual([true]);
    expect(after.filter((w) => !w.url.includes('origin=cross')).map((w) => w.card)).toEqual(after.filter((w) => !w.url.includes('origin=cross')).map(() => false));
    await expect(page.locator('verbatim-card').count()).resolves.toBe(0);
    await page.close();
  });

  it('the watcher injected again into the same page takes over: one watcher, one button per selection, and the check works', async () => {
    const page = await openPage();
    const errors = await collectErrors(page);
    await expect.poll(async () => (await worlds(page))[0].watcher, { timeout: 10_000 }).toBe(true);
    await clickCheckButton(page, page, () => dragSelect(page, '#quote'));
    await expect(cardVerdict(page)).resolves.toBe('verbatim');
    const tabId = await tabIdOf(b, page);
    const w = await b.worker();
    // As after an update (reinjectOpenTabs), twice.
    for (let i = 0; i < 2; i++) {
      await w.evaluate((id) => (globalThis as any).chrome.scripting.executeScript({ target: { tabId: id, allFrames: true }, files: ['/select-watch.js'] }), tabId);
    }
    // The card script stepped aside (its card went); the new watcher replaced the old.
    await expect.poll(() => page.locator('verbatim-card').count(), { timeout: 5000 }).toBe(0);
    expect((await worlds(page))[0]).toMatchObject({ watcher: true, card: false });
    await dragSelect(page, '#quote2');
    await expect.poll(() => page.locator('verbatim-check').count(), { timeout: 5000 }).toBe(1);
    await page.waitForTimeout(600); // any second instance would have drawn its button by now
    await expect(page.locator('verbatim-check').count()).resolves.toBe(1);
    await page.locator('verbatim-check [data-testid="check-button"]').click();
    await expect(cardVerdict(page)).resolves.not.toBeNull();
    await expect(page.locator('verbatim-card').count()).resolves.toBe(1);
    expect(errors.messages).toEqual([]);
    await page.close();
  });

  it('selection → card painted: the first check (card script injected) and later ones, in-page clock (measurement)', async () => {
    const first: number[] = [];
    const later: number[] = [];
    for (let run = 0; run < 5; run++) {
      const page = await openPage();
      for (let i = 0; i < 4; i++) {
        await page.evaluate(() => document.querySelector('verbatim-card')?.removeAttribute('data-paint-ms'));
        await clickCheckButton(page, page, () => dragSelect(page, i % 2 ? '#quote2' : '#quote'));
        await page.waitForFunction(() => document.querySelector('verbatim-card')?.getAttribute('data-paint-ms'));
        (i === 0 ? first : later).push(Number(await page.locator('verbatim-card').getAttribute('data-paint-ms')));
        await page.keyboard.press('Escape');
      }
      await page.close();
    }
    const figures = {
      note: 'check button click → card painted (in-page clock, from the click); first = the card script injected by that check',
      first: { runs: first.length, median: percentile(first, 50), max: Math.max(...first) },
      later: { runs: later.length, median: percentile(later, 50), max: Math.max(...later) },
    };
    console.log('select-watch paint', JSON.stringify(figures));
    fs.mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
    fs.writeFileSync(path.join(ROOT, 'test-results/select-watch.json'), JSON.stringify(figures, null, 2));
    expect(first.every(Number.isFinite) && later.every(Number.isFinite)).toBe(true);
  });
});
