/**
 * The scan panel under a fast keyboard and on big pages, in real Chromium: a walk through 20
 * quotes with no delay between keys (every Enter opens the row the panel shows), Esc closes the
 * card before the scan, the panel docks beside the article's text column at 1280 px (checked
 * geometrically, with a screenshot) or folds to a tab when there is no room, one mark per quote
 * place; and the 1 MB article with 300 quotes: its scan finishes with every place marked once,
 * its timings and longest main-thread task go to test-results/scan-panel-measurements.json
 * (figures, not assertions: see `npm run bench`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ROOT, launch, serveFixtures, shot, tabIdOf, type Browser, type Fixtures } from './harness';
import { bigArticle, type BigArticle } from '../fixtures/big-article';
import { audit, AxeTable } from './axe';

let fx: Fixtures;
let b: Browser;
const measurements: Record<string, unknown> = {};
const pages = new Map<string, BigArticle>();
let nobodyQuote = '';

beforeAll(async () => {
  fx = await serveFixtures();
  b = await launch({ grantAllUrls: true });
  pages.set('walk', bigArticle({ quotes: 20, bytes: 60_000, seed: 10 }));
  pages.set('big', bigArticle());
  // A page that quotes the editor's introduction and names nobody for it.
  const t = JSON.parse(fs.readFileSync(path.join(ROOT, 'data/transcript.json'), 'utf8')) as { paragraphs: Array<{ speaker: string; simplified: string }> };
  const intro = t.paragraphs.find((p) => p.speaker === 'editor' && p.simplified.length > 30)!.simplified.split(/(?<=[。])/)[0];
  nobodyQuote = intro.replace(/。$/, '');
  const html = `<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8"><title>周末读物</title><link rel="stylesheet" href="/news.css"></head>
<body><div class="story-body"><h1>周末读物:人工智能的下一步</h1>
<p>本周我们整理了几篇长文,供读者在周末慢慢阅读。下面这段文字摘自一篇转载的导语,原文作者没有署名,我们也没能找到出处。</p>
<p>“${nobodyQuote}。”</p>
<p>这段话流传甚广,常常被不同的文章引用。无论你是否认同其中的判断,它都提出了值得讨论的问题,也值得我们在周末花一点时间去想一想。</p></div></body></html>`;
  pages.set('nobody', { html, labels: [], places: 1, bytes: html.length });
  // Generated pages, served from the fixture origin (so /news.css loads as on the other pages).
  await b.context.route(`${fx.url}/big/**`, (route) => {
    const name = new URL(route.request().url()).pathname.replace(/^\/big\/|\.html$/g, '');
    const p = pages.get(name);
    return p ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: p.html }) : route.fallback();
  });
});

afterAll(async () => {
  fs.mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'test-results/scan-panel-measurements.json'), JSON.stringify(measurements, null, 2) + '\n');
  console.log('scan panel measurements', JSON.stringify(measurements, null, 2));
  await b?.close();
  await fx?.close();
});

let counter = 0;
async function open(url: string): Promise<Page> {
  const page = await b.context.newPage();
  await page.goto(`${url}?n=${++counter}`);
  await page.bringToFront();
  return page;
}
async function scan(page: Page) {
  const id = await tabIdOf(b, page);
  const w = await b.worker();
  await w.evaluate((tab) => (globalThis as any).verbatimBackground.handleCommand('scan-page', { id: tab }), id);
  await page.locator('verbatim-scan[data-scan-state="done"]').waitFor({ timeout: 60_000 });
}
const panel = (page: Page) => page.locator('verbatim-scan [data-testid="scan-panel"]');
const rowQuotes = (page: Page) => panel(page).locator('[data-testid="scan-row"] .q').allInnerTexts();

/** Every verbatim-* highlight: name → ranges as [text, start node path, offsets] (read through CSS.highlights). */
function readMarks(page: Page) {
  return page.evaluate(() => {
    const out: Record<string, Array<{ text: string; overlapsNext: boolean }>> = {};
    const all: Range[] = [];
    (CSS as any).highlights.forEach((hl: Set<Range>, name: string) => {
      if (!name.startsWith('verbatim-')) return;
      out[name] = [];
      hl.forEach((r) => {
        out[name].push({ text: r.toString(), overlapsNext: false });
        if (name !== 'verbatim-current') all.push(r);
      });
    });
    // Overlaps among the marks themselves (the current quote's layer aside).
    let overlaps = 0;
    for (let i = 0; i < all.length; i++)
      for (let j = i + 1; j < all.length; j++) {
        const a = all[i];
        const c = all[j];
        if (a.startContainer.getRootNode() !== c.startContainer.getRootNode()) continue;
        if (a.compareBoundaryPoints(Range.START_TO_END, c) > 0 && a.compareBoundaryPoints(Range.END_TO_START, c) < 0) overlaps++;
      }
    return { byName: out, ranges: all.length, overlaps };
  });
}

describe('keyboard with no delay between keys', () => {
  it('20 quotes: j then Enter at once opens the row j moved to, every time; Esc closes the card, then the scan', async () => {
    const page = await open(`${fx.url}/big/walk.html`);
    await scan(page);
    const quotes = await rowQuotes(page);
    expect(quotes.length).toBe(20);
    // Every card that opens: the panel's current row then, the card's quote.
    await page.evaluate(() => {
      (window as any).__cards = [];
      new MutationObserver((list) => {
        for (const m of list)
          for (const n of Array.from(m.addedNodes)) {
            if ((n as Element).nodeName !== 'VERBATIM-CARD') continue;
            const el = n as HTMLElement;
            (window as any).__cards.push({ index: el.dataset.scanIndex, query: el.dataset.query, current: document.querySelector('verbatim-scan')?.getAttribute('data-current') });
          }
      }).observe(document.documentElement, { childList: true });
    });
    // j Enter Esc, twenty times, nothing awaited in between but the key events themselves.
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('j');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Escape');
    }
    await expect.poll(() => page.evaluate(() => (window as any).__cards.length)).toBe(20);
    const cards = (await page.evaluate(() => (window as any).__cards)) as Array<{ index: string; query: string; current: string }>;
    cards.forEach((c, i) => {
      expect(c.index, `Enter #${i + 1}`).toBe(String(i));
      expect(c.current).toBe(String(i));
      const shown = quotes[i].replace(/…$/, '');
      expect(c.query.startsWith(shown), `${c.query} / ${shown}`).toBe(true);
    });
    // Each Esc closed only the card: the scan is still there, its marks too.
    await expect(page.locator('verbatim-card').count()).resolves.toBe(0);
    await expect(page.locator('verbatim-scan').count()).resolves.toBe(1);
    // k and the arrows the same way: k k Enter at once opens row 17 (from 19).
    await page.keyboard.press('k');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await page.locator('verbatim-card[data-scan-index="17"]').waitFor();
    await page.keyboard.press('ArrowDown');
    // The card is on top: Esc closes it, the next Esc the scan.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.locator('verbatim-scan').waitFor({ state: 'detached' });
    await expect(page.locator('verbatim-card').count()).resolves.toBe(0);
    const after = await readMarks(page);
    expect(after.ranges).toBe(0);
    await page.close();
  });

  it('Enter on a focused row that the panel has moved past opens the current row, Space too', async () => {
    const page = await open(`${fx.url}/big/walk.html`);
    await scan(page);
    await page.keyboard.press('j');
    await panel(page).getByTestId('scan-row').first().focus(); // focus on row 0
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    await page.locator('verbatim-card[data-scan-index="2"]').waitFor();
    await page.keyboard.press('Escape');
    await page.locator('verbatim-card').waitFor({ state: 'detached' });
    await expect(page.locator('verbatim-scan').count()).resolves.toBe(1);
    await page.close();
  });
});

describe('where the panel sits', () => {
  /** The article's text column: the union of the boxes of its running-text paragraphs. */
  const column = (page: Page, selector: string) =>
    page.evaluate((sel) => {
      let left = Infinity;
      let right = -Infinity;
      let top = Infinity;
      let bottom = -Infinity;
      for (const p of Array.from(document.querySelectorAll(sel))) {
        if ((p.textContent ?? '').trim().length < 40) continue;
        const r = p.getBoundingClientRect();
        left = Math.min(left, r.left);
        right = Math.max(right, r.right);
        top = Math.min(top, r.top);
        bottom = Math.max(bottom, r.bottom);
      }
      return { left, right, top, bottom };
    }, selector);
  const panelRect = (page: Page) => panel(page).evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect);
  const intersects = (a: { left: number; right: number; top: number; bottom: number }, b: { left: number; right: number; top: number; bottom: number }) =>
    a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

  for (const [name, url, sel] of [
    ['news-zh-hans', '/scan/news-zh-hans.html', '.story-body p'],
    ['news-en', '/scan/news-en.html', '.main-column p'],
    ['big page', '/big/walk.html', '.longread p'],
  ] as const) {
    it(`${name} at 1280 px: the panel is beside the text column, never over it`, async () => {
      const page = await open(`${fx.url}${url}`);
      await page.setViewportSize({ width: 1280, height: 800 });
      await scan(page);
      await expect(page.locator('verbatim-scan').getAttribute('data-dock')).resolves.toBe('right');
      const col = await column(page, sel);
      const box = await panelRect(page);
      expect(box.width).toBeGreaterThanOrEqual(240);
      expect(intersects(col, box), `panel ${JSON.stringify(box)} column ${JSON.stringify(col)}`).toBe(false);
      // And after a card opened and closed, after moving through the quotes.
      await page.keyboard.press('j');
      await page.keyboard.press('j');
      expect(intersects(await column(page, sel), await panelRect(page))).toBe(false);
      if (name === 'news-zh-hans') await shot(page, 'scan-panel-docked-1280');
      await page.close();
    });
  }

  it('no room beside the text (800 px): a tab at the edge; it unfolds and folds; keys work folded', async () => {
    const page = await open(`${fx.url}/big/walk.html`);
    await page.setViewportSize({ width: 800, height: 700 });
    await scan(page);
    await expect(page.locator('verbatim-scan').getAttribute('data-dock')).resolves.toBe('tab');
    await expect(panel(page).getAttribute('data-folded')).resolves.toBe('true');
    const tab = await panelRect(page);
    expect(tab.width).toBeLessThanOrEqual(200);
    await shot(page, 'scan-panel-tab-800');
    // The tab is as accessible as the panel (axe-core: no critical, serious or moderate violation).
    expect(await audit(new AxeTable(), 'folded scan tab', page, { include: ['verbatim-scan'] })).toEqual([]);
    // Folded, the keys still walk the quotes and open the current one.
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('Enter');
    await page.locator('verbatim-card[data-scan-index="1"]').waitFor();
    await page.keyboard.press('Escape');
    await page.locator('verbatim-card').waitFor({ state: 'detached' });
    await panel(page).getByTestId('scan-tab').click();
    await expect(panel(page).getAttribute('data-folded')).resolves.toBe('false');
    await expect(panel(page).getByTestId('scan-row').count()).resolves.toBe(20);
    // Unfolded, it lies over the text: it keeps clear of the current mark as the reader moves on.
    const clear = () =>
      page.evaluate(() => {
        const p = document.querySelector('verbatim-scan')!.shadowRoot!.querySelector('[data-testid="scan-panel"]')!.getBoundingClientRect();
        let hits = 0;
        (CSS as any).highlights.get('verbatim-current')?.forEach((r: Range) => {
          for (const m of Array.from(r.getClientRects())) if (m.left < p.right && p.left < m.right && m.top < p.bottom && p.top < m.bottom) hits++;
        });
        return hits;
      });
    const ats = new Set<string | null>();
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('j');
      expect(await clear(), `quote ${i}`).toBe(0);
      ats.add(await page.locator('verbatim-scan').getAttribute('data-at'));
    }
    // It did have to move (some marks were under it where it was).
    expect([...ats].sort()).toEqual(['bottom', 'top']);
    await panel(page).getByTestId('scan-fold').click();
    await expect(panel(page).getAttribute('data-folded')).resolves.toBe('true');
    // Wider again: docked beside the column.
    await page.setViewportSize({ width: 1400, height: 700 });
    await expect.poll(() => page.locator('verbatim-scan').getAttribute('data-dock')).toBe('right');
    await expect(panel(page).getAttribute('data-folded')).resolves.toBe('false');
    await page.close();
  });
});

describe('a page that names no speaker', () => {
  it('the row says so, and the card says who speaks in the transcript with no misattribution warning', async () => {
    const page = await open(`${fx.url}/big/nobody.html`);
    await scan(page);
    const row = panel(page).getByTestId('scan-row').first();
    await expect(row.getAttribute('data-page-speaker')).resolves.toBe('unknown');
    await expect(row.getByTestId('scan-page-says').innerText()).resolves.toBe('The page names no speaker');
    await expect(row.getAttribute('data-misattributed')).resolves.toBe('false');
    await expect(row.innerText()).resolves.not.toContain('unnamed');
    await row.click();
    const card = page.locator('verbatim-card');
    await card.getByTestId('speaker').first().waitFor();
    await expect(card.getByTestId('speaker').first().getAttribute('data-speaker')).resolves.toBe('editor');
    await expect(card.getByTestId('page-attribution').count()).resolves.toBe(0);
    const text = await card.getByTestId('card').innerText();
    expect(text).not.toContain('not Dario Amodei');
    expect(text).not.toMatch(/attributes this to/);
    await page.close();
  });
});

describe('marks', () => {
  it('one mark per quote place, none overlapping; a misattributed quote has its own mark and a worded badge', async () => {
    const page = await open(`${fx.url}/big/walk.html`);
    await scan(page);
    const host = page.locator('verbatim-scan');
    const m = await readMarks(page);
    const places = pages.get('walk')!.places;
    expect(Number(await host.getAttribute('data-places'))).toBe(places);
    expect(Number(await host.getAttribute('data-marks'))).toBe(places);
    expect(m.ranges).toBe(places);
    expect(m.overlaps).toBe(0);
    const mis = await panel(page).locator('[data-testid="scan-row"][data-misattributed="true"]').count();
    expect(mis).toBeGreaterThan(0);
    expect(m.byName['verbatim-misattributed']?.length ?? 0).toBeGreaterThanOrEqual(mis);
    await expect(panel(page).getByTestId('scan-misattributed-badge').count()).resolves.toBe(mis);
    // Quoted text only: every mark is the words of a quote of the page.
    const want = pages.get('walk')!.labels.map((l) => l.text.replace(/[\s\p{P}]/gu, ''));
    for (const ranges of Object.values(m.byName)) for (const r of ranges) expect(want).toContain(r.text.replace(/[\s\p{P}]/gu, ''));
    await page.close();
  });
});

describe('the 1 MB article with 300 quotes (measurement)', () => {
  it('finds, checks and marks every place once; timings and the longest task recorded', async () => {
    const big = pages.get('big')!;
    expect(big.bytes).toBeGreaterThan(1_000_000);
    expect(big.labels.length).toBe(300);
    const runs: Array<Record<string, number>> = [];
    for (let run = 0; run < 5; run++) {
      const page = await open(`${fx.url}/big/big.html`);
      await page.evaluate(() => {
        (window as any).__long = [];
        new PerformanceObserver((l) => {
          for (const e of l.getEntries()) (window as any).__long.push({ start: e.startTime, ms: e.duration });
        }).observe({ type: 'longtask' });
      });
      // Quiet page first: the observer then only sees the scan's tasks.
      await page.waitForTimeout(300);
      await page.evaluate(() => ((window as any).__long = []));
      await scan(page);
      await page.waitForFunction(() => document.querySelector('verbatim-scan')?.getAttribute('data-scan-ms'));
      const host = page.locator('verbatim-scan');
      const attr = async (k: string) => Number(await host.getAttribute(`data-${k}`));
      expect(await attr('quotes')).toBe(300);
      expect(await attr('places')).toBe(big.places);
      expect(await attr('marks')).toBe(big.places);
      const long = (await page.evaluate(() => (window as any).__long)) as Array<{ ms: number }>;
      runs.push({
        marks: await attr('marks'),
        root: await attr('root-ms'),
        find: await attr('find-ms'),
        check: await attr('check-ms'),
        mark: await attr('mark-ms'),
        total: await attr('scan-ms'),
        longestSlice: await attr('slice-ms'),
        paint: await attr('paint-ms'),
        panel: await attr('panel-ms'),
        longestTask: Math.max(0, ...long.map((x) => x.ms)),
        longTasks: long.length,
      });
      await page.close();
    }
    // The first run also builds the worker's matcher: reported, not counted in the medians.
    const measured = runs.slice(1);
    const med = (k: string) => [...measured.map((r) => r[k])].sort((a, c) => a - c)[Math.floor(measured.length / 2)];
    measurements['big-1mb'] = {
      bytes: big.bytes,
      quotes: big.labels.length,
      places: big.places,
      marks: runs[runs.length - 1].marks,
      runs,
      median: { find: med('find'), check: med('check'), mark: med('mark'), total: med('total'), longestSlice: med('longestSlice'), longestTask: med('longestTask') },
      maxLongestTask: Math.max(...measured.map((r) => r.longestTask)),
      note: 'in-page clock from the scan script start (find includes the article root); longestSlice: the longest stretch of scan work between two yields (scan-app clock); longestTask: PerformanceObserver(longtask) over the whole scan (also counts rendering, GC and a busy machine); run 0 warms the matcher',
    };
    // Flat figures for `npm run measure` (scripts/measure.ts reads name.field numbers; the target table takes *.longestTaskMs.max).
    const series = (k: string) => measured.map((r) => r[k]);
    const flat = (xs: number[]) => ({ runs: xs.length, median: [...xs].sort((a, c) => a - c)[Math.floor(xs.length / 2)], max: Math.max(...xs) });
    measurements['big-1mb.longestTaskMs'] = flat(series('longestTask'));
    measurements['big-1mb.longestSliceMs'] = flat(series('longestSlice'));
    measurements['big-1mb.findMs'] = flat(series('find'));
    measurements['big-1mb.markMs'] = flat(series('mark'));
    measurements['big-1mb.totalMs'] = flat(series('total'));
  }, 240_000);
});
