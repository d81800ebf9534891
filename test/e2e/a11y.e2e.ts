/**
 * Accessibility in real headless Chromium: axe-core on every surface (light and dark, English
 * and Simplified Chinese interface), keyboard-only flows from each trigger, and what a screen
 * reader is given for the card (read from Chromium's accessibility tree).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { audit, AxeTable, type Violation } from './axe';
import { ROOT, card, launch, selectElementText, serveFixtures, shot, tabIdOf, triggerCommand, triggerMenu, type Browser, type Fixtures } from './harness';

const OUT = path.join(ROOT, 'test-results/a11y');
let fx: Fixtures;
let b: Browser;
const table = new AxeTable();

beforeAll(async () => {
  fx = await serveFixtures();
  b = await launch({ grantAllUrls: true });
  await enableCheckOnSelect();
});

afterAll(async () => {
  if (table.rows.length) {
    table.write(path.join(OUT, 'axe.md'));
    console.log(`axe-core ${AXE_VERSION}: surface → violations\n${table.format()}`);
  }
  await b?.close();
  await fx?.close();
});

const AXE_VERSION = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/axe-core/package.json'), 'utf8')).version as string;

let pageCounter = 0;
async function openPage(name: string): Promise<Page> {
  const page = await b.context.newPage();
  await page.goto(`${fx.url}/${name}?page=${++pageCounter}`);
  await page.bringToFront();
  return page;
}

async function openOptions(): Promise<Page> {
  const opt = await b.context.newPage();
  await opt.goto(b.extUrl('options.html'));
  await opt.locator('body[data-ready="true"]').waitFor();
  return opt;
}

/** Sets the interface language through the options page, as a user would. */
async function setLanguage(lang: 'en' | 'zh_CN'): Promise<void> {
  const opt = await openOptions();
  await opt.getByTestId('opt-ui-language').selectOption(lang);
  await opt.locator(`html[lang="${lang === 'en' ? 'en' : 'zh-CN'}"]`).waitFor();
  await opt.close();
}

/**
 * Switches check-on-select on through the options page (the profile has host access, so no
 * prompt). It stays on for the whole file: switching it off gives host access back, after which
 * the menu and shortcut handlers could no longer reach the test pages.
 */
async function enableCheckOnSelect(): Promise<void> {
  const opt = await openOptions();
  const box = opt.getByTestId('opt-check-on-select');
  if (!(await box.isChecked())) {
    await box.check();
    await opt.getByTestId('opt-status').filter({ hasText: /\S/ }).waitFor();
  }
  const w = await b.worker();
  for (let i = 0; i < 100; i++) {
    const n = await w.evaluate(async () => (await (globalThis as any).chrome.scripting.getRegisteredContentScripts()).length);
    if (n === 1) break;
    await opt.waitForTimeout(50);
  }
  await opt.close();
}

/** The card's verdicts and the selections (or menu text) that give them on the Simplified fixture page. */
const CARDS: Array<{ verdict: string; selector?: string; text?: string }> = [
  { verdict: 'verbatim', selector: '#q-verbatim' },
  { verdict: 'altered', selector: '#q-altered' },
  { verdict: 'related', selector: '#q-independent' },
  { verdict: 'not-found', selector: '#q-absent' },
  // Nothing selected on the page: the menu's own text is checked (an emoji-only selection).
  { verdict: 'invalid', text: '🙂🙂🙂' },
  { verdict: 'several quotes', selector: '#q-multi' },
];

async function openCardFor(page: Page, c: (typeof CARDS)[number]): Promise<void> {
  let text = c.text ?? '';
  if (c.selector) text = await selectElementText(page, c.selector);
  else await page.evaluate(() => document.getSelection()?.removeAllRanges());
  await expect(triggerMenu(b, page, text)).resolves.toMatchObject({ shown: true });
  await card(page).locator('[data-testid="source"], [data-testid="verdict"]').first().waitFor();
}

describe('axe-core: no critical, serious or moderate violation on any surface', () => {
  for (const lang of ['en', 'zh_CN'] as const) {
    for (const theme of ['light', 'dark'] as const) {
      it(`${lang}, ${theme}`, async () => {
        await setLanguage(lang);
        const failing: Array<{ surface: string; violations: Violation[] }> = [];
        const check = async (surface: string, page: Page, include?: string[]) => {
          const v = await audit(table, `${surface} (${lang}, ${theme})`, page, { include });
          if (v.length) failing.push({ surface: `${surface} (${lang}, ${theme})`, violations: v });
        };

        const opt = await openOptions();
        await opt.emulateMedia({ colorScheme: theme });
        await check('options page', opt);
        await opt.close();

        const transcriptPage = await b.context.newPage();
        await transcriptPage.emulateMedia({ colorScheme: theme });
        await transcriptPage.goto(b.extUrl('transcript.html?span=0-10#s2/p035'));
        await transcriptPage.locator('body[data-ready="true"]').waitFor();
        await check('transcript page', transcriptPage);
        await transcriptPage.getByTestId('restored-toggle').check();
        await transcriptPage.getByTestId('restored-note').first().waitFor();
        await transcriptPage.keyboard.press('Tab'); // shows the skip link
        await check('transcript page, restored words shown', transcriptPage);
        await transcriptPage.close();

        const page = await openPage('news-zh-hans.html');
        await page.emulateMedia({ colorScheme: theme });
        const tabId = await tabIdOf(b, page);
        const popup = await b.context.newPage();
        await popup.emulateMedia({ colorScheme: theme });
        await popup.setViewportSize({ width: 420, height: 600 });
        await popup.goto(b.extUrl(`popup.html?tab=${tabId}`));
        await popup.locator('[data-testid="popup-selection"][data-state="none"]').waitFor();
        await check('popup, no selection', popup);
        await popup.getByTestId('search').fill('指数曲线');
        await popup.getByTestId('search-result').first().waitFor();
        await check('popup, search results', popup);
        await popup.getByTestId('search').fill('zzzzqqq');
        await popup.locator('[data-testid="search-results"]').waitFor({ state: 'detached' }).catch(() => {});
        await popup.locator('.search .help').waitFor();
        await check('popup, search without results', popup);
        await selectElementText(page, '#q-altered');
        await popup.reload();
        await popup.locator('[data-testid="popup-selection"][data-state="result"]').waitFor();
        await check('popup, selection verdict', popup);
        await popup.close();

        await page.bringToFront();
        for (const c of CARDS) {
          await openCardFor(page, c);
          if (c.verdict !== 'several quotes') {
            await expect(card(page).getByTestId('verdict').first().getAttribute('data-verdict')).resolves.toBe(c.verdict);
          }
          await check(`card: ${c.verdict}`, page, ['verbatim-card']);
          await page.keyboard.press('Escape');
          await page.locator('verbatim-card').waitFor({ state: 'detached' });
        }
        // The shortcut with nothing selected: the card says so (an error state, role="alert").
        await page.evaluate(() => document.getSelection()?.removeAllRanges());
        await expect(triggerCommand(b, page)).resolves.toMatchObject({ shown: true });
        await card(page).getByTestId('error').waitFor();
        await check('card: nothing selected (error)', page, ['verbatim-card']);
        await page.keyboard.press('Escape');
        await page.close();

        console.log(`${lang} ${theme}: ${JSON.stringify(failing, null, 1)}`);
        expect(failing).toEqual([]);
      });
    }
  }

  it('the check-on-select button', async () => {
    await setLanguage('en');
    const page = await openPage('keyboard.html');
    const button = page.locator('verbatim-check [data-testid="check-button"]');
    await expect
      .poll(async () => {
        await selectElementText(page, '#q-altered');
        await page.locator('#q-altered').dispatchEvent('mouseup');
        return button.count();
      })
      .toBe(1);
    const failing: Violation[] = [];
    for (const theme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: theme });
      failing.push(...(await audit(table, `check button (en, ${theme})`, page, { include: ['verbatim-check'] })));
    }
    await page.close();
    expect(failing).toEqual([]);
  });
});

// ---- keyboard and screen reader ----

interface AxNode {
  nodeId: string;
  ignored: boolean;
  role?: { value: string };
  name?: { value: string };
  description?: { value: string };
  properties?: Array<{ name: string; value: { value: unknown } }>;
  childIds?: string[];
}

/** Chromium's accessibility tree (what a screen reader is given), shadow DOM included. */
async function axTree(page: Page): Promise<AxNode[]> {
  const cdp = await b.context.newCDPSession(page);
  try {
    await cdp.send('Accessibility.enable');
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] };
    return nodes;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

async function cardDialog(page: Page): Promise<{ role: string; name: string; description: string; focused: boolean; outline: string[] }> {
  const nodes = await axTree(page);
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const dialog = nodes.find((n) => n.role?.value === 'dialog');
  if (!dialog) throw new Error('no dialog in the accessibility tree');
  const text = (n: AxNode): string =>
    n.role?.value === 'StaticText' ? (n.name?.value ?? '') : (n.childIds ?? []).map((id) => byId.get(id)).filter((c): c is AxNode => !!c).map(text).join('');
  const outline: string[] = [];
  const SKIP = new Set(['generic', 'none', 'StaticText', 'InlineTextBox', 'LineBreak', 'group']);
  const walk = (n: AxNode, depth: number) => {
    const role = n.role?.value ?? '';
    let next = depth;
    if (!n.ignored && !SKIP.has(role)) {
      const level = n.properties?.find((p) => p.name === 'level')?.value.value;
      const name = n.name?.value || text(n);
      const short = name.length > 90 ? `${name.slice(0, 90)}…` : name;
      outline.push(`${'  '.repeat(depth)}${role}${level ? ` (level ${level})` : ''}${short ? ` "${short}"` : ''}${n.description?.value ? ` — description: "${n.description.value}"` : ''}`);
      next = depth + 1;
    }
    for (const id of n.childIds ?? []) {
      const c = byId.get(id);
      if (c) walk(c, next);
    }
  };
  walk(dialog, 0);
  return {
    role: dialog.role!.value,
    name: dialog.name?.value ?? '',
    description: dialog.description?.value ?? '',
    focused: dialog.properties?.some((p) => p.name === 'focused' && p.value.value === true) ?? false,
    outline,
  };
}

/** The focused element of the page, looking into Verbatim's shadow roots. */
function focusState(page: Page) {
  return page.evaluate(() => {
    const a = document.activeElement;
    const inner = a?.shadowRoot?.activeElement ?? null;
    return {
      tag: a?.tagName.toLowerCase() ?? null,
      id: a?.id || null,
      inner: inner ? (inner.getAttribute('data-testid') ?? inner.getAttribute('aria-label') ?? inner.textContent?.trim() ?? inner.tagName) : null,
    };
  });
}

/** Presses Tab (or Shift+Tab) `n` times and records where focus is after each press. */
async function tabs(page: Page, n: number, key = 'Tab') {
  const seen: Array<Awaited<ReturnType<typeof focusState>>> = [];
  for (let i = 0; i < n; i++) {
    await page.keyboard.press(key);
    seen.push(await focusState(page));
  }
  return seen;
}

const cardTabStops = (page: Page) =>
  page.evaluate(() => {
    const root = document.querySelector('verbatim-card')!.shadowRoot!;
    return [...root.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]')].filter((e) => e.tabIndex >= 0).length;
  });

/** Focus is in the card, Tab and Shift+Tab go round inside it, never out to the page. */
async function expectFocusTrapped(page: Page) {
  const n = await cardTabStops(page);
  expect(n).toBeGreaterThan(1);
  const forward = await tabs(page, n + 1);
  expect(forward.every((f) => f.tag === 'verbatim-card')).toBe(true);
  expect(forward[n]).toEqual(forward[0]); // wrapped round from the last stop to the first
  const backward = await tabs(page, 2, 'Shift+Tab');
  expect(backward.every((f) => f.tag === 'verbatim-card')).toBe(true);
  expect(backward[0]).toEqual(forward[n - 1]); // from the first stop back to the last
  expect(backward[1]).toEqual(forward[n - 2]);
}

describe('keyboard only', () => {
  beforeAll(async () => {
    await setLanguage('en');
  });

  it('context menu: focus moves into the card, which is described by its verdict; Tab stays inside; Esc gives focus back to the link', async () => {
    const page = await openPage('keyboard.html');
    await page.focus('#before');
    const text = await selectElementText(page, '#q-verbatim');
    await expect(triggerMenu(b, page, text)).resolves.toMatchObject({ shown: true });
    await card(page).getByTestId('source').waitFor();
    await expect(focusState(page)).resolves.toMatchObject({ tag: 'verbatim-card', inner: 'card' });
    const ax = await cardDialog(page);
    expect(ax).toMatchObject({ role: 'dialog', name: 'Verbatim quote check', focused: true });
    // The card speaks the interface language, whatever the page's language (zh-Hans here).
    await expect(card(page).getAttribute('lang')).resolves.toBe('en');
    expect(ax.description).toBe('Verbatim: The transcript has these words. Said by Dario Amodei.');
    expect(ax.outline.some((l) => /heading \(level 2\) "Verbatim quote check\s*— Verbatim"/.test(l))).toBe(true);
    await expectFocusTrapped(page);
    await page.keyboard.press('Escape');
    await expect(page.locator('verbatim-card').count()).resolves.toBe(0);
    await expect(focusState(page)).resolves.toMatchObject({ tag: 'a', id: 'before' });
    await page.close();
  });

  it('shortcut with nothing focused: Esc puts focus at the start of the selection, and Tab goes on from there', async () => {
    const page = await openPage('keyboard.html');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await selectElementText(page, '#q-altered');
    await expect(triggerCommand(b, page)).resolves.toMatchObject({ shown: true });
    await card(page).getByTestId('differences').waitFor();
    await expect(focusState(page)).resolves.toMatchObject({ tag: 'verbatim-card', inner: 'card' });
    const ax = await cardDialog(page);
    expect(ax.description).toBe('Altered: One passage agrees closely, but not exactly. Said by Dario Amodei.');
    await expectFocusTrapped(page);
    // The close button closes it too, and focus comes back the same way.
    await page.keyboard.press('Escape');
    await expect(focusState(page)).resolves.toMatchObject({ tag: 'p', id: 'q-altered' });
    await page.keyboard.press('Tab');
    await expect(focusState(page)).resolves.toMatchObject({ tag: 'a', id: 'after' });
    // The reading position was focusable only while it held focus.
    await expect(page.locator('#q-altered').getAttribute('tabindex')).resolves.toBeNull();
    await page.close();
  });

  it('the close button: Enter on it closes the card and focus returns', async () => {
    const page = await openPage('keyboard.html');
    await page.focus('#after');
    const text = await selectElementText(page, '#q-verbatim');
    await triggerMenu(b, page, text);
    await card(page).getByTestId('source').waitFor();
    await page.keyboard.press('Tab'); // the first stop is the close button
    await expect(focusState(page)).resolves.toMatchObject({ tag: 'verbatim-card', inner: 'close' });
    await page.keyboard.press('Enter');
    await expect(page.locator('verbatim-card').count()).resolves.toBe(0);
    await expect(focusState(page)).resolves.toMatchObject({ id: 'after' });
    await page.close();
  });

  describe('check-on-select', () => {
    /** Selects with the keyboard inside a field until the check button appears (the script starts at document_start; retry covers a slow start). */
    async function keyboardSelect(page: Page, selector: string) {
      const button = page.locator('verbatim-check[data-by="keyboard"] [data-testid="check-button"]');
      await expect
        .poll(async () => {
          await page.focus(selector);
          await page.keyboard.press('Control+Home');
          await page.keyboard.press('Shift+End');
          await button.waitFor({ timeout: 3000 }).catch(() => {});
          return button.count();
        })
        .toBe(1);
      return button;
    }

    it('a keyboard selection in a text field gets the check button, announced; Tab reaches it, Enter checks, Esc returns to the field', async () => {
      const page = await openPage('keyboard.html');
      await keyboardSelect(page, '#ta');
      await expect
        .poll(() => page.locator('verbatim-check [data-testid="check-announcement"]').innerText())
        .toBe('Verbatim: press Tab, then Enter, to check the selected quote.');
      await page.keyboard.press('Tab');
      await expect(focusState(page)).resolves.toMatchObject({ tag: 'verbatim-check', inner: 'check-button' });
      await page.keyboard.press('Enter');
      await card(page).getByTestId('source').waitFor();
      await expect(card(page).getByTestId('verdict').first().getAttribute('data-verdict')).resolves.toBe('verbatim');
      await expect(focusState(page)).resolves.toMatchObject({ tag: 'verbatim-card', inner: 'card' });
      expect((await cardDialog(page)).description).toBe('Verbatim: The transcript has these words. Said by Dario Amodei.');
      await expectFocusTrapped(page);
      await page.keyboard.press('Escape');
      await expect(focusState(page)).resolves.toMatchObject({ tag: 'textarea', id: 'ta' });
      // The field's selection is still there.
      await expect(page.evaluate(() => (document.getElementById('ta') as HTMLTextAreaElement).selectionEnd > 0)).resolves.toBe(true);
      await page.close();
    });

    it('a keyboard selection in an editable region: the same, for a document selection', async () => {
      const page = await openPage('keyboard.html');
      await keyboardSelect(page, '#ce');
      await page.keyboard.press('Tab');
      await expect(focusState(page)).resolves.toMatchObject({ tag: 'verbatim-check', inner: 'check-button' });
      await page.keyboard.press('Enter');
      await card(page).getByTestId('differences').waitFor();
      await expect(focusState(page)).resolves.toMatchObject({ tag: 'verbatim-card', inner: 'card' });
      expect((await cardDialog(page)).description).toContain('Altered');
      await page.keyboard.press('Escape');
      await expect(focusState(page)).resolves.toMatchObject({ id: 'ce' });
      await page.close();
    });

    it('a selection in plain page text grown with Shift+arrows (as with caret browsing) gets the check button too', async () => {
      const page = await openPage('keyboard.html');
      const button = page.locator('verbatim-check[data-by="keyboard"] [data-testid="check-button"]');
      await expect
        .poll(async () => {
          // Caret browsing cannot be switched on headless (F7 is a browser accelerator), and without it
          // Chromium does not extend a bare caret in page text: start from one selected character.
          await page.evaluate(() => {
            const text = document.getElementById('q-verbatim')!.firstChild!;
            document.getSelection()!.setBaseAndExtent(text, 1, text, 2);
          });
          for (let i = 0; i < 18; i++) await page.keyboard.press('Shift+ArrowRight');
          await button.waitFor({ timeout: 3000 }).catch(() => {});
          return button.count();
        })
        .toBe(1);
      await expect(page.evaluate(() => document.getSelection()!.toString())).resolves.toBe('我认为唯一真实的东西,就是那条指数曲线');
      await page.keyboard.press('Tab');
      await expect(focusState(page)).resolves.toMatchObject({ tag: 'verbatim-check', inner: 'check-button' });
      await page.keyboard.press('Enter');
      await card(page).getByTestId('source').waitFor();
      await expect(card(page).getByTestId('verdict').first().getAttribute('data-verdict')).resolves.toBe('verbatim');
      await page.keyboard.press('Escape');
      await expect(focusState(page)).resolves.toMatchObject({ id: 'q-verbatim' });
      await page.close();
    });

    it('a mouse selection: clicking the check button also moves focus into the card', async () => {
      const page = await openPage('keyboard.html');
      const button = page.locator('verbatim-check [data-testid="check-button"]');
      await expect
        .poll(async () => {
          await selectElementText(page, '#q-verbatim');
          await page.locator('#q-verbatim').dispatchEvent('mouseup');
          await page.waitForTimeout(50);
          return button.count();
        })
        .toBe(1);
      await button.click();
      await card(page).getByTestId('source').waitFor();
      await expect(focusState(page)).resolves.toMatchObject({ tag: 'verbatim-card', inner: 'card' });
      await page.keyboard.press('Escape');
      await expect(focusState(page)).resolves.toMatchObject({ id: 'q-verbatim' });
      await page.close();
    });
  });

  it('popup: focus starts in the search box, the verdict of the selection is announced, aria-controls only points at a list that exists', async () => {
    const page = await openPage('news-zh-hans.html');
    await selectElementText(page, '#q-host');
    const tabId = await tabIdOf(b, page);
    const popup = await b.context.newPage();
    await popup.goto(b.extUrl(`popup.html?tab=${tabId}`));
    await popup.locator('[data-testid="popup-selection"][data-state="result"]').waitFor();
    await expect(popup.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('search');
    await expect
      .poll(() => popup.getByTestId('popup-announcement').innerText())
      .toBe('Selection checked. Verbatim: The transcript has these words. Said by Host Alex Kantrowitz, not Dario Amodei.');
    await expect(popup.getByTestId('search').getAttribute('aria-controls')).resolves.toBeNull();
    await popup.getByTestId('search').fill('指数曲线');
    await popup.getByTestId('search-result').first().waitFor();
    await expect(popup.getByTestId('search').getAttribute('aria-controls')).resolves.toBe('vb-results');
    await expect(popup.locator('#vb-results').count()).resolves.toBe(1);
    await popup.close();
    await page.close();
  });

  it('transcript page: a skip link, a main landmark, no per-paragraph Tab stops; restored words reachable as text', async () => {
    const tp = await b.context.newPage();
    await tp.goto(b.extUrl('transcript.html#s1/p030'));
    await tp.locator('body[data-ready="true"]').waitFor();
    await tp.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await expect(tp.locator('main').count()).resolves.toBe(1);
    const stops = await tp.evaluate(
      () => [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]')].filter((e) => e.tabIndex >= 0).length,
    );
    expect(stops).toBeLessThan(20);
    await tp.keyboard.press('Tab');
    await expect(tp.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('skip-link');
    await expect(tp.getByTestId('skip-link').innerText()).resolves.toBe('Skip to the quoted passage');
    await tp.keyboard.press('Enter');
    await expect(tp.evaluate(() => document.activeElement?.id)).resolves.toBe('p030');
    expect(new URL(tp.url()).hash).toBe('#s1/p030');
    // The restored words: read with the tag by screen readers, shown as a note on request.
    await expect(tp.locator('#p030 [data-testid="restored-tag"]').innerText()).resolves.toContain('為我們投入了更多的算力');
    await tp.getByTestId('restored-toggle').check();
    await expect(tp.locator('[data-testid="restored-note"][data-paragraph="p030"]').innerText()).resolves.toContain('“為我們投入了更多的算力”');
    await expect(tp.locator('#p030 .pid').getAttribute('aria-label')).resolves.toBe('Link to paragraph p030');
    await tp.close();
  });
});

describe('what a screen reader gets from the card', () => {
  it('role, name, description and outline from the accessibility tree, with a screenshot', async () => {
    await setLanguage('en');
    const page = await openPage('news-zh-hans.html');
    const lines: string[] = [];
    for (const c of CARDS) {
      await openCardFor(page, c);
      const ax = await cardDialog(page);
      lines.push(`## ${c.verdict}`, `role: ${ax.role}`, `name: ${ax.name}`, `description: ${ax.description}`, 'outline:', ...ax.outline.map((l) => `  ${l}`), '');
      if (c.verdict === 'altered') await shot(page, 'card-a11y-altered', card(page));
      await page.keyboard.press('Escape');
      await page.locator('verbatim-card').waitFor({ state: 'detached' });
    }
    fs.mkdirSync(OUT, { recursive: true });
    fs.writeFileSync(path.join(OUT, 'card-screen-reader.txt'), lines.join('\n'));
    console.log(lines.join('\n'));
    expect(lines.filter((l) => l.startsWith('role: dialog')).length).toBe(CARDS.length);
    await page.close();
  });

  it("the axe helper audits inside the card's shadow root (a nameless button there is caught)", async () => {
    const page = await openPage('news-zh-hans.html');
    await openCardFor(page, CARDS[0]);
    await page.evaluate(() => {
      const root = document.querySelector('verbatim-card')!.shadowRoot!;
      root.querySelector('[data-testid="card"]')!.appendChild(document.createElement('button'));
    });
    const probe = new AxeTable();
    const v = await audit(probe, 'probe', page, { include: ['verbatim-card'] });
    expect(v.map((x) => x.id)).toContain('button-name');
    await page.close();
  });
});
