/**
 * The Firefox build (MV2) in real headless Firefox over WebDriver BiDi: installed as a temporary
 * add-on, least privilege at install, check-on-select switched on through the real options page,
 * the card for each kind of quote on the fixture pages (the same quotes as the Chromium suite),
 * Open full section, the popup, and no console errors from the extension. One browser for the
 * file; the tests run in order (least privilege before the user opts in).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import {
  EXT_DIR,
  ROOT,
  launch,
  readCard,
  selectAndRelease,
  serveFixtures,
  shot,
  waitFor,
  type Firefox,
  type Fixtures,
} from './harness';

let fx: Fixtures;
let ff: Firefox;
/** An extension page kept open: it reaches the background page (MV2) for tab ids and state. */
let ext: Page;
/** Timings recorded along the way (never asserted: the machine is shared), for `npm run measure`. */
const paintMs: number[] = [];
const warmRoundTripMs: number[] = [];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(0.95 * xs.length) - 1)];
const summary = (xs: number[]) => ({ runs: xs.length, median: median(xs), p95: p95(xs), max: Math.max(...xs) });

beforeAll(async () => {
  fx = await serveFixtures();
  ff = await launch();
  ext = await ff.openExtensionPage('options.html');
  await ext.waitForSelector('body[data-ready="true"]');
});

afterAll(async () => {
  // Everything Firefox printed, for reading after a failure.
  if (ff) {
    fs.mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
    fs.writeFileSync(path.join(ROOT, 'test-results/firefox-output.log'), ff.output.join('\n') + '\n');
    // Same shape as the Chromium suite's test-results/measurements.json.
    const measurements: Record<string, unknown> = {};
    if (paintMs.length) measurements.selectionToCardPaintedMs = { trigger: 'check-on-select button', ...summary(paintMs) };
    if (warmRoundTripMs.length) measurements.warmCheckRoundTripMs = summary(warmRoundTripMs);
    fs.writeFileSync(path.join(ROOT, 'test-results/measurements-firefox.json'), JSON.stringify(measurements, null, 2) + '\n');
  }
  await ff?.close();
  await fx?.close();
});

let pageCounter = 0;
async function openArticle(name: string): Promise<Page> {
  const page = await ff.openPage(`${fx.url}/${name}?page=${++pageCounter}`);
  await page.bringToFront();
  return page;
}

/** Firefox's tab id of the page in front (found from the background page; page URLs are hidden without host access). */
async function frontTabId(page: Page): Promise<number> {
  await page.bringToFront();
  return waitFor(
    () =>
      ext.evaluate(async () => {
        const tabs = await browser.tabs.query({ active: true, lastFocusedWindow: true });
        return tabs.length === 1 && !tabs[0].url?.startsWith('moz-extension:') ? tabs[0].id : undefined;
      }),
    'the active tab',
  );
}

const checkOnSelectState = () =>
  ext.evaluate(async () => {
    const bg = (await browser.runtime.getBackgroundPage()) as unknown as { browser: typeof browser };
    const scripts = await bg.browser.scripting.getRegisteredContentScripts();
    return { granted: await browser.permissions.contains({ origins: ['<all_urls>'] }), scripts: scripts.map((s) => s.id) };
  });

/** Switches check-on-select on the way a user does: a click on the options page's switch. */
async function switchCheckOnSelectOn(): Promise<void> {
  const opt = await ff.openExtensionPage('options.html');
  await opt.waitForSelector('body[data-ready="true"]');
  const box = '[data-testid="opt-check-on-select"]';
  if (!(await opt.$eval(box, (el) => (el as HTMLInputElement).checked))) {
    await opt.click(box);
    await opt.waitForFunction((sel) => (document.querySelector(sel) as HTMLInputElement).checked, {}, box);
    await opt.waitForFunction(() => document.querySelector('[data-testid="opt-status"]')?.textContent === 'Saved');
  }
  await opt.close();
  await waitFor(async () => (await checkOnSelectState()).scripts.length === 1, 'the check-on-select script registration');
}

/**
 * Selects the quote, releases the mouse, clicks the check button that appears, and waits for the
 * card's result. The registered script starts at document_start but reads its settings
 * asynchronously: select again until the button shows.
 */
async function checkQuote(page: Page, selector: string) {
  // Input goes to the tab in front (an extension page opened since may have taken it).
  await page.bringToFront();
  // The quote near the top of the viewport: the card opens below it with room for all it shows.
  await page.evaluate((sel) => window.scrollTo(0, document.querySelector(sel)!.getBoundingClientRect().top + window.scrollY - 120), selector);
  // A card left from an earlier check must not lend its figure to this one.
  await page.evaluate(() => document.querySelector('verbatim-card')?.removeAttribute('data-paint-ms'));
  await waitFor(async () => {
    await selectAndRelease(page, selector);
    const button = await page.waitForSelector('pierce/[data-testid="check-button"]', { timeout: 1000 }).catch(() => null);
    // The button can be replaced while a new content script instance takes over (after an update): try again then.
    return button?.click().then(
      () => true,
      () => false,
    );
  }, `the check button after selecting ${selector}`);
  await page.waitForSelector('pierce/[data-testid="card"][data-state="result"]', { timeout: 20_000 });
  // Check button click → card painted, the content script's own clock (as in the Chromium suite).
  const painted = await page.waitForSelector('verbatim-card[data-paint-ms]', { timeout: 5000 }).catch(() => null);
  if (painted) {
    const v = Number(await page.$eval('verbatim-card', (e) => e.getAttribute('data-paint-ms')));
    if (Number.isFinite(v)) paintMs.push(v);
  }
  return (await readCard(page))!;
}

describe('install and least privilege', () => {
  it('the Firefox build installs as a temporary add-on; its pages load and its background page answers', async () => {
    await expect(ext.$eval('h1', (e) => e.textContent)).resolves.toBe('Verbatim options');
    const info = await ext.evaluate(async () => {
      const bg = (await browser.runtime.getBackgroundPage()) as unknown as { verbatimBackground?: object };
      const r = (await browser.runtime.sendMessage({ type: 'verbatim:check', text: '我认为唯一真实的东西,就是那条指数曲线。' })) as {
        ok: boolean;
        card: { verdict: string };
      };
      return { mv: browser.runtime.getManifest().manifest_version, name: browser.runtime.getManifest().name, background: !!bg?.verbatimBackground, verdict: r.card.verdict };
    });
    expect(info).toEqual({ mv: 2, name: 'Verbatim', background: true, verdict: 'verbatim' });
    // Warm check round trips from the extension page (the first check above built the matcher).
    const times = await ext.evaluate(async () => {
      const out: number[] = [];
      for (let i = 0; i < 20; i++) {
        const t0 = performance.now();
        await browser.runtime.sendMessage({ type: 'verbatim:check', text: '我认为唯一真实的东西,就是那条指数曲线。' });
        out.push(performance.now() - t0);
      }
      return out;
    });
    warmRoundTripMs.push(...times);
  });

  it('least privilege: the manifest asks for no host access, and nothing runs on a page before the user opts in', async () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(EXT_DIR, 'manifest.json'), 'utf8'));
    expect(manifest.manifest_version).toBe(2);
    expect([...manifest.permissions].sort()).toEqual(['activeTab', 'contextMenus', 'scripting', 'storage']);
    expect(manifest.optional_permissions).toEqual(['<all_urls>']);
    expect(manifest.content_scripts ?? []).toEqual([]);
    expect(manifest.web_accessible_resources ?? []).toEqual([]);
    expect(manifest.browser_specific_settings.gecko.id).toBe('verbatim@quote-check.extension');
    await expect(checkOnSelectState()).resolves.toEqual({ granted: false, scripts: [] });
    await expect(ext.evaluate(async () => (await browser.permissions.getAll()).origins)).resolves.toEqual([]);

    const page = await openArticle('news-zh-hans.html');
    await selectAndRelease(page, '#q-verbatim');
    // Nothing is there to react: give a content script ample time to have shown its button, had there been one.
    await new Promise((r) => setTimeout(r, 1000));
    await expect(page.evaluate(() => document.querySelectorAll('verbatim-check, verbatim-card').length)).resolves.toBe(0);

    // Without the user's gesture (activeTab) the background cannot put its script into the page.
    const tabId = await frontTabId(page);
    const menu = await ext.evaluate(async (id) => {
      const bg = (await browser.runtime.getBackgroundPage()) as unknown as { verbatimBackground: { handleMenuClick(i: object, t: object): Promise<unknown> } };
      try {
        return { ok: true, value: await bg.verbatimBackground.handleMenuClick({ menuItemId: 'verbatim-check', selectionText: 'x', frameId: 0 }, { id }) };
      } catch (e) {
        return { ok: false, value: String(e) };
      }
    }, tabId);
    expect(menu.ok).toBe(false);
    expect(menu.value).toMatch(/permission/i);

    // The popup cannot read the selection of a page it was not granted: it says so.
    const popup = await ff.openExtensionPage(`popup.html?tab=${tabId}`);
    await popup.waitForSelector('[data-testid="popup-selection"][data-state="unreadable"]');
    await popup.close();
    await page.close();
  });
});

describe('check-on-select', () => {
  it('is switched on through the real options page: host access is granted and the script registered', async () => {
    const opt = await ff.openExtensionPage('options.html');
    await opt.waitForSelector('body[data-ready="true"]');
    await expect(opt.$eval('[data-testid="opt-check-on-select"]', (el) => (el as HTMLInputElement).checked)).resolves.toBe(false);
    // Firefox's own place for changing extension shortcuts, not Chrome's.
    const hint = await opt.$eval('[data-testid="shortcut-hint"]', (e) => e.textContent ?? '');
    expect(hint).toContain('Alt+Shift+V');
    expect(hint).toContain('about:addons');
    expect(hint).not.toContain('chrome://');
    await opt.close();
    await switchCheckOnSelectOn();
    await expect(checkOnSelectState()).resolves.toEqual({ granted: true, scripts: ['verbatim-check-on-select'] });
    // What is registered in every page is the small watcher; the card script comes with the first check.
    const js = await ext.evaluate(async () => {
      const bg = (await browser.runtime.getBackgroundPage()) as unknown as { browser: typeof browser };
      return (await bg.browser.scripting.getRegisteredContentScripts()).map((s) => s.js?.map((f) => f.replace(/^\//, '')));
    });
    // (Firefox gives the paths back without the leading slash)
    expect(js).toEqual([['select-watch.js']]);
  });

  it('a verbatim Chinese quote: the card shows the verdict, Amodei, the marked passage; on top, inside the viewport; light and dark', async () => {
    await switchCheckOnSelectOn();
    const page = await openArticle('news-zh-hans.html');
    const c = await checkQuote(page, '#q-verbatim');
    expect(c.verdict).toBe('verbatim');
    expect(c.speaker).toBe('amodei');
    expect(c.speakerText).toBe('Dario Amodei');
    expect(c.mark).toBe('我认为唯一真实的东西,就是那条指数曲线');
    expect(c.passageLang).toBe('zh-Hans');
    expect(c.openSection).toBe(1);
    expect(c.text).toContain('指数定律,才是唯一真实的东西');
    const layout = await page.evaluate(() => {
      const host = document.querySelector('verbatim-card') as HTMLElement;
      const r = host.shadowRoot!.querySelector('.card')!.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + 10);
      return {
        inside: r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth && r.height > 50,
        onTop: hit === host,
        background: getComputedStyle(host.shadowRoot!.querySelector('.card')!).backgroundColor,
      };
    });
    expect(layout).toEqual({ inside: true, onTop: true, background: 'rgb(255, 255, 255)' });
    await page.waitForSelector('verbatim-card[data-paint-ms]');
    await shot(page, 'firefox-card-verbatim-light', 'pierce/[data-testid="card"]');
    await ff.setColorScheme('dark');
    try {
      await page.waitForFunction(
        () => getComputedStyle(document.querySelector('verbatim-card')!.shadowRoot!.querySelector('.card')!).backgroundColor === 'rgb(28, 33, 40)',
      );
      await shot(page, 'firefox-card-verbatim-dark', 'pierce/[data-testid="card"]');
    } finally {
      await ff.setColorScheme('light');
    }
    // Copy citation (a real click): the passage, the speaker and the source reach the clipboard.
    await page.click('pierce/[data-testid="copy-citation"]');
    await page.waitForFunction(() => document.querySelector('verbatim-card')!.shadowRoot!.querySelector('.status')?.textContent === 'Citation copied');
    const citation = await ff.clipboardText();
    expect(citation).toContain('我认为唯一真实的东西,就是那条指数曲线');
    expect(citation).toContain('— Dario Amodei, 指数定律,才是唯一真实的东西');
    expect(citation).toContain('https://www.youtube.com/watch?v=mYDSSRS-B5U');
    await page.close();
  });

  it('an altered quote (one changed number): the card shows the differences', async () => {
    await switchCheckOnSelectOn();
    const page = await openArticle('news-zh-hans.html');
    const c = await checkQuote(page, '#q-altered');
    expect(c.verdict).toBe('altered');
    expect(c.diffQuote).toEqual(['100']);
    expect(c.diffTranscript).toEqual(['10']);
    expect(c.mark).toContain('Anthropic 的营收每年都增长 10 倍');
    await shot(page, 'firefox-card-altered-light', 'pierce/[data-testid="card"]');
    await page.close();
  });

  it('three sentences: the rows and the counting headline come with the card extras, injected for this result only', async () => {
    await switchCheckOnSelectOn();
    const page = await openArticle('cleanup.html');
    const c = await checkQuote(page, '#q-three');
    expect(c.text).toContain('2 of 3 sentences verbatim in the interview; 1 not in the interview');
    const rows = await page.evaluate(() =>
      Array.from(document.querySelector('verbatim-card')!.shadowRoot!.querySelectorAll('li[data-testid="segment"]')).map((e) => [
        e.getAttribute('data-verdict'),
        getComputedStyle(e).borderTopStyle,
      ]),
    );
    expect(rows).toEqual([
      ['verbatim', 'solid'],
      ['not-found', 'solid'],
      ['verbatim', 'solid'],
    ]);
    await page.close();
  });

  it("a host's line presented as Amodei's: the card names the host and warns", async () => {
    await switchCheckOnSelectOn();
    const page = await openArticle('news-zh-hans.html');
    const c = await checkQuote(page, '#q-host');
    expect(c.speaker).toBe('host');
    expect(c.speakerText).toBe('Host Alex Kantrowitz');
    await expect(
      page.evaluate(() => document.querySelector('verbatim-card')!.shadowRoot!.querySelector('.not-amodei')?.textContent ?? ''),
    ).resolves.toContain('not Dario Amodei');
    await page.close();
  });

  it("an English quote: related at most, through Verbatim's labelled English gloss", async () => {
    await switchCheckOnSelectOn();
    const page = await openArticle('news-en.html');
    const c = await checkQuote(page, '#q-en');
    expect(c.verdict).toBe('related');
    // the headline says plainly that the check is against a Chinese translation
    expect(c.headline).toContain('Chinese translation');
    expect(c.gloss).toContain("Verbatim's English gloss of the Chinese translation");
    expect(c.matches[0]).toBe('p101');
    await shot(page, 'firefox-card-english-light', 'pierce/[data-testid="card"]');
    await page.close();
  });

  it('the interface language and display script chosen on the options page reach the card (Traditional Chinese)', async () => {
    await switchCheckOnSelectOn();
    const opt = await ff.openExtensionPage('options.html');
    await opt.waitForSelector('body[data-ready="true"]');
    try {
      await opt.click('[data-testid="opt-script-traditional"]');
      await opt.select('[data-testid="opt-ui-language"]', 'zh_TW');
      await opt.waitForFunction(() => document.querySelector('h1')?.textContent === 'Verbatim 選項');
      const page = await openArticle('news-zh-hans.html');
      const c = await checkQuote(page, '#q-verbatim');
      expect(c.verdict).toBe('verbatim');
      await expect(page.evaluate(() => document.querySelector('verbatim-card')!.shadowRoot!.querySelector('[data-testid="verdict"]')!.textContent)).resolves.toBe('原話');
      expect(c.mark).toBe('我認為唯一真實的東西,就是那條指數曲線');
      expect(c.passageLang).toBe('zh-Hant');
      await page.close();
    } finally {
      await opt.bringToFront();
      await opt.click('[data-testid="opt-script-as-selected"]');
      await opt.select('[data-testid="opt-ui-language"]', 'auto');
      await opt.waitForFunction(() => document.querySelector('h1')?.textContent === 'Verbatim options');
      await opt.close();
    }
  });

  it('Open full section opens the transcript page in a new tab at the highlighted paragraph', async () => {
    await switchCheckOnSelectOn();
    const page = await openArticle('news-zh-hans.html');
    await checkQuote(page, '#q-altered');
    await page.click('pierce/[data-testid="open-section"]');
    const { page: tp, url } = await ff.waitForTab('/transcript.html');
    expect(new URL(url).hash).toBe('#s2/p035');
    await tp.waitForSelector('body[data-ready="true"]');
    const target = await tp.evaluate(() => {
      const el = document.querySelector('[data-target="true"]') as HTMLElement | null;
      const r = el?.getBoundingClientRect();
      return {
        count: document.querySelectorAll('[data-target="true"]').length,
        id: el?.id,
        mark: el?.querySelector('[data-testid="target-mark"]')?.textContent ?? '',
        inView: !!r && r.top >= 0 && r.top < innerHeight,
      };
    });
    expect(target).toMatchObject({ count: 1, id: 'p035', inView: true });
    expect(target.mark).toContain('Anthropic 的营收每年都增长 10 倍');
    await tp.bringToFront();
    await shot(tp, 'firefox-transcript-page-target');
    await tp.close();
    await page.close();
  });
  it('the context-menu and shortcut handlers (called from the background page: menus cannot be clicked headless) show the card; Tab reaches Open full section and Enter opens it', async () => {
    await switchCheckOnSelectOn();
    const page = await openArticle('news-zh-hant.html');
    const text = await page.evaluate(() => {
      const r = document.createRange();
      r.selectNodeContents(document.querySelector('#q-trad')!);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(r);
      return document.getSelection()!.toString();
    });
    const tabId = await frontTabId(page);
    const call = (kind: 'menu' | 'command') =>
      ext.evaluate(
        async (k, id, t) => {
          const bg = (await browser.runtime.getBackgroundPage()) as unknown as {
            verbatimBackground: { handleMenuClick(i: object, tab: object): Promise<unknown>; handleCommand(c: string, tab: object): Promise<unknown> };
          };
          return k === 'menu'
            ? bg.verbatimBackground.handleMenuClick({ menuItemId: 'verbatim-check', selectionText: t, frameId: 0 }, { id })
            : bg.verbatimBackground.handleCommand('check-selection', { id });
        },
        kind,
        tabId,
        text,
      );
    await expect(call('menu')).resolves.toEqual({ shown: true });
    await page.waitForSelector('pierce/[data-testid="card"][data-state="result"]');
    const c = (await readCard(page))!;
    expect(c.verdict).toBe('verbatim');
    expect(c.mark).toBe('那是我聽過最無恥、最離譜的謊言');
    expect(c.passageLang).toBe('zh-Hant');

    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('verbatim-card'));
    await expect(call('command')).resolves.toEqual({ shown: true });
    await page.waitForSelector('pierce/[data-testid="card"][data-state="result"]');
    const focused = () =>
      page.evaluate(() => {
        const host = document.activeElement;
        return host?.tagName === 'VERBATIM-CARD' ? (host.shadowRoot?.activeElement?.getAttribute('data-testid') ?? '') : `outside: ${host?.tagName}`;
      });
    // The shortcut moves keyboard focus into the card.
    await expect(focused()).resolves.toBe('card');
    let reached = false;
    for (let i = 0; i < 8 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = (await focused()) === 'open-section';
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    const { page: tp, url } = await ff.waitForTab('#s7/p116');
    expect(url).toContain('script=traditional');
    expect(new URL(url).hash).toBe('#s7/p116');
    await tp.waitForSelector('body[data-ready="true"]');
    await expect(tp.evaluate(() => [document.querySelector('[data-target="true"]')?.id, document.activeElement?.id])).resolves.toEqual(['p116', 'p116']);
    await tp.close();
    await page.close();
  });
});

describe('popup', () => {
  it('opened as a page: the verdict for the selection in a tab, and search over the transcript', async () => {
    await switchCheckOnSelectOn();
    const page = await openArticle('news-zh-hans.html');
    await selectAndRelease(page, '#q-host');
    const tabId = await frontTabId(page);
    const popup = await ff.openExtensionPage(`popup.html?tab=${tabId}`);
    await popup.setViewport({ width: 420, height: 600 });
    await popup.waitForSelector('[data-testid="popup-selection"][data-state="result"] [data-testid="verdict"]');
    await expect(popup.$eval('[data-testid="popup-selection"] [data-testid="speaker"]', (e) => e.getAttribute('data-speaker'))).resolves.toBe('host');

    await popup.type('[data-testid="search"]', '指数曲线');
    await popup.waitForSelector('[data-testid="search-result"]');
    const hits = await popup.$$eval('[data-testid="search-result"]', (els) => els.map((e) => [e.getAttribute('data-paragraph'), e.textContent ?? '']));
    expect(hits.map((h) => h[0])).toContain('p030');
    expect(hits.find((h) => h[0] === 'p030')![1]).toContain('指数曲线');
    await shot(popup, 'firefox-popup-search');
    await popup.close();
    await page.close();
  });
});

describe('sources', () => {
  it('a source added through the Sources page (file input, preview, save) is checked: a quote over two paragraphs of one speaker is verbatim, named', async () => {
    await switchCheckOnSelectOn();
    const sp = await ff.openExtensionPage('sources.html');
    await sp.waitForSelector('body[data-ready="true"]');
    // The file as the reader's file picker gives it (a File in the input's FileList).
    const file = fs.readFileSync(path.join(ROOT, 'test/fixtures/sources/stretch/panel.txt'), 'utf8');
    await sp.evaluate((text) => {
      const input = document.querySelector('[data-testid="source-file-input"]') as HTMLInputElement;
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'panel.txt', { type: 'text/plain' }));
      input.files = dt.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }, file);
    await sp.waitForSelector('[data-testid="source-preview"]');
    const names = await sp.$$eval('[data-testid="preview-speaker-name"]', (els) => els.map((e) => (e as HTMLInputElement).value));
    expect(names).toEqual(expect.arrayContaining(['Dario Amodei', 'Ines Okafor', 'Maya Lindqvist']));
    await sp.$eval('[data-testid="preview-title"]', (el) => {
      const input = el as HTMLInputElement;
      input.value = 'Panel on evaluations (Firefox)';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await sp.click('[data-testid="source-save"]');
    await sp.waitForFunction(() => document.querySelector('[data-testid="source-status"]')?.textContent === 'Saved “Panel on evaluations (Firefox)”.');
    await shot(sp, 'firefox-sources-saved');
    await sp.close();

    const page = await openArticle('news-stretch.html');
    const c = await checkQuote(page, '#q-two-paragraphs');
    expect(c.verdict).toBe('verbatim');
    expect(c.speakerText).toBe('Dario Amodei');
    expect(c.mark).toMatch(/^the unglamorous part is where most of the safety actually lives\.\s+When a model fails one of our tests, the release waits/);
    expect(c.text).toContain('Panel on evaluations (Firefox)');
    await shot(page, 'firefox-card-imported-source', 'pierce/[data-testid="card"]');
    const guest = await checkQuote(page, '#q-second-guest');
    expect(guest.speakerText).toBe('Ines Okafor');
    expect(guest.text).toContain("not Dario Amodei, this source's main speaker");
    await page.close();
  });
});

describe('updates and switching off', () => {
  it('after an update (the add-on reloaded) no card or button of the old version stays stuck on an open page; the new version works there', async () => {
    await switchCheckOnSelectOn();
    const page = await openArticle('news-zh-hans.html');
    await checkQuote(page, '#q-verbatim');
    await selectAndRelease(page, '#q-altered');
    await page.waitForSelector('verbatim-check');
    await ext.evaluate(() => {
      setTimeout(() => browser.runtime.reload(), 50);
    });
    // The old version's card and button go (its script is gone: Firefox destroys it with the old version).
    await page.waitForFunction(() => !document.querySelector('verbatim-card, verbatim-check'), { timeout: 20_000 });
    ext = await ff.openExtensionPage('options.html');
    await ext.waitForSelector('body[data-ready="true"]');
    await expect(checkOnSelectState()).resolves.toEqual({ granted: true, scripts: ['verbatim-check-on-select'] });
    // On the same page, without a reload: one button per selection, and it works.
    const c = await checkQuote(page, '#q-host');
    expect(c.speaker).toBe('host');
    await expect(page.evaluate(() => document.querySelectorAll('verbatim-card').length)).resolves.toBe(1);
    await page.close();
  });

  it('switched off on the options page: host access is given back, the script unregistered, no button on a new page', async () => {
    await switchCheckOnSelectOn();
    const opt = await ff.openExtensionPage('options.html');
    await opt.waitForSelector('body[data-ready="true"]');
    await opt.click('[data-testid="opt-check-on-select"]');
    await opt.waitForFunction(() => !(document.querySelector('[data-testid="opt-check-on-select"]') as HTMLInputElement).checked);
    await waitFor(async () => {
      const st = await checkOnSelectState();
      return !st.granted && st.scripts.length === 0;
    }, 'host access given back and the script unregistered');
    await opt.close();
    const page = await openArticle('news-zh-hans.html');
    await selectAndRelease(page, '#q-verbatim');
    await new Promise((r) => setTimeout(r, 1000));
    await expect(page.evaluate(() => document.querySelectorAll('verbatim-check, verbatim-card').length)).resolves.toBe(0);
    await page.close();
  });
});

describe('console', () => {
  it('the extension logged no error or warning (a probe shows the collector sees extension output)', async () => {
    await ext.evaluate(() => console.error('verbatim-firefox-probe'));
    await waitFor(async () => ff.consoleProblems().some((l) => l.includes('verbatim-firefox-probe')), 'the probe line in the browser output');
    expect(ff.consoleProblems().filter((l) => !l.includes('verbatim-firefox-probe'))).toEqual([]);
  });
});
