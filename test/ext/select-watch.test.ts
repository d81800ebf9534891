/** @vitest-environment happy-dom */
/** The check-on-select watcher: its pure decisions, the button it draws, and how instances hand over. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createT, type Messages } from '../../src/ext/i18n';
import { ButtonHost, startSelectWatch } from '../../src/ext/select-watch';
import { BUTTON_CSS } from '../../src/ext/select-watch-css';
import {
  CONTENT_REGISTRY,
  CONTENT_TAKEOVER,
  KEY_SELECTION_SETTLE_MS,
  WATCH_REGISTRY,
  WATCH_TAKEOVER,
  fromOwnHost,
  selectsText,
  settleDelay,
  settledSelectionCounts,
  tabsIntoButton,
  type SelectionOrigin,
  type WatchRegistry,
} from '../../src/ext/select-watch-logic';
import { CARD_CORE_CSS } from '../../src/ui/styles';
import { ANNOUNCE_DELAY_MS } from '../../src/ui/summary';
import { startContent } from '../../src/ext/content-app';

const en = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../public/_locales/en/messages.json'), 'utf8')) as Messages;
const t = createT(en);
const key = (k: string, mods: Partial<KeyboardEvent> = {}) => ({ key: k, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...mods });
const w = window as unknown as Record<string, unknown>;

describe('which keys make a selection', () => {
  it('Shift, Shift+arrows/Home/End/PageUp/PageDown and select-all count; typing, plain arrows and Tab do not', () => {
    expect(selectsText(key('Shift'))).toBe(true);
    expect(selectsText(key('ArrowRight', { shiftKey: true }))).toBe(true);
    expect(selectsText(key('End', { shiftKey: true }))).toBe(true);
    expect(selectsText(key('PageDown', { shiftKey: true }))).toBe(true);
    expect(selectsText(key('a', { ctrlKey: true }))).toBe(true);
    expect(selectsText(key('A', { metaKey: true }))).toBe(true);
    expect(selectsText(key('ArrowRight'))).toBe(false);
    expect(selectsText(key('a'))).toBe(false);
    expect(selectsText(key('Tab', { shiftKey: true }))).toBe(false);
    expect(selectsText(key('Enter'))).toBe(false);
  });

  it('a keyboard selection waits until it rests; a pointer one only for the browser to finish', () => {
    expect(settleDelay('keyup')).toBe(KEY_SELECTION_SETTLE_MS);
    expect(settleDelay('mouseup')).toBeLessThan(50);
    expect(settleDelay('selectionsettled')).toBeLessThan(50);
  });
});

describe('one Tab into the check button', () => {
  const state = { button: true, tabUsed: false, by: 'keyboard' as const, buttonFocused: false };
  it('only the first plain Tab after a keyboard selection, while the button is there and not focused', () => {
    expect(tabsIntoButton(key('Tab'), state)).toBe(true);
    expect(tabsIntoButton(key('Tab'), { ...state, tabUsed: true })).toBe(false);
    expect(tabsIntoButton(key('Tab'), { ...state, by: 'pointer' })).toBe(false);
    expect(tabsIntoButton(key('Tab'), { ...state, button: false })).toBe(false);
    expect(tabsIntoButton(key('Tab'), { ...state, buttonFocused: true })).toBe(false);
    expect(tabsIntoButton(key('Tab', { shiftKey: true }), state)).toBe(false);
    expect(tabsIntoButton(key('Tab', { ctrlKey: true }), state)).toBe(false);
    expect(tabsIntoButton(key('Enter'), state)).toBe(false);
  });
});

describe('events and selections that get no button', () => {
  it('events inside the card or the button are ours', () => {
    const card = document.createElement('verbatim-card');
    const button = document.createElement('verbatim-check');
    const p = document.createElement('p');
    expect(fromOwnHost([p, document.body, document.documentElement])).toBe(false);
    expect(fromOwnHost([card, document.documentElement])).toBe(true);
    expect(fromOwnHost([button])).toBe(true);
    expect(fromOwnHost([])).toBe(false);
  });

  it('a settled selection counts only when made by the reader, non-empty, outside our hosts, and no selection-end event was seen', () => {
    const ok = { text: '我认为', anchorIsRoot: false, anchorIsOwnHost: false, endSeen: false, userActive: true as boolean | undefined };
    expect(settledSelectionCounts(ok)).toBe(true);
    expect(settledSelectionCounts({ ...ok, userActive: undefined })).toBe(true); // engines without userActivation
    expect(settledSelectionCounts({ ...ok, userActive: false })).toBe(false); // selected by the page's script
    expect(settledSelectionCounts({ ...ok, text: '  \n' })).toBe(false);
    expect(settledSelectionCounts({ ...ok, endSeen: true })).toBe(false);
    expect(settledSelectionCounts({ ...ok, anchorIsRoot: true })).toBe(false);
    expect(settledSelectionCounts({ ...ok, anchorIsOwnHost: true })).toBe(false);
  });
});

describe("the button's style sheet", () => {
  const block = (css: string, selector: string) => css.slice(css.indexOf(`${selector} {`)).split('}')[0].replace(/\s+/g, ' ').trim();
  const vars = (css: string) => Object.fromEntries([...css.matchAll(/(--[a-z-]+): ([^;]+);/g)].map((m) => [m[1], m[2]]));

  it('keeps the card sheet\'s host rules (hostile page CSS), hidden-text rule and theme colours, light and dark', () => {
    expect(block(BUTTON_CSS, ':host')).toBe(block(CARD_CORE_CSS, ':host'));
    expect(block(BUTTON_CSS, '.sr')).toBe(block(CARD_CORE_CSS, '.sr'));
    const [light, dark] = [BUTTON_CSS.split('@media')[0], BUTTON_CSS.split('@media')[1]];
    const [cardLight, cardDark] = [CARD_CORE_CSS.split('@media')[0], CARD_CORE_CSS.split('@media')[1].split('.card')[0]];
    for (const v of ['--bg', '--fg', '--accent', '--focus']) {
      expect(vars(light)[v], v).toBe(vars(cardLight)[v]);
      expect(vars(dark)[v], `${v} (dark)`).toBe(vars(cardDark)[v]);
    }
  });
});

describe('the check button', () => {
  const origin = (): SelectionOrigin => ({ selection: { text: 'quote', rect: { top: 10, left: 10, width: 80, height: 16 }, start: null }, focus: null });
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    document.documentElement.querySelectorAll('verbatim-check').forEach((e) => e.remove());
  });

  it('after a keyboard selection it announces itself and how to reach it; otherwise it stays quiet', () => {
    const quiet = new ButtonHost(t, origin().selection.rect, false, () => {}, origin(), () => {});
    vi.advanceTimersByTime(ANNOUNCE_DELAY_MS + 1);
    expect(quiet.host.shadowRoot!.querySelector('[data-testid="check-announcement"]')!.textContent).toBe('');
    quiet.close();
    const b = new ButtonHost(t, origin().selection.rect, true, () => {}, origin(), () => {});
    const root = b.host.shadowRoot!;
    const live = root.querySelector('[data-testid="check-announcement"]')!;
    expect(live.getAttribute('role')).toBe('status');
    expect(live.textContent).toBe('');
    vi.advanceTimersByTime(ANNOUNCE_DELAY_MS + 1);
    expect(live.textContent).toBe('Verbatim: press Tab, then Enter, to check the selected quote.');
    const button = root.querySelector<HTMLButtonElement>('[data-testid="check-button"]')!;
    expect(button.type).toBe('button');
    expect(button.textContent).toContain('Check quote');
    expect(root.querySelector(`#${button.getAttribute('aria-describedby')}`)!.textContent).toBe('Check the selected quote with Verbatim');
    expect(b.host.style.getPropertyValue('--vb-visibility')).toBe('visible');
  });

  it('a click checks; a mousedown keeps the page selection; Esc closes it and tells the watcher', () => {
    const onCheck = vi.fn();
    const onClosed = vi.fn();
    const b = new ButtonHost(t, null, false, onCheck, origin(), onClosed);
    const button = b.host.shadowRoot!.querySelector<HTMLButtonElement>('[data-testid="check-button"]')!;
    const down = new MouseEvent('mousedown', { bubbles: true, cancelable: true });
    button.dispatchEvent(down);
    expect(down.defaultPrevented).toBe(true);
    button.click();
    expect(onCheck).toHaveBeenCalledTimes(1);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(b.host.isConnected).toBe(false);
    expect(onClosed).toHaveBeenCalledTimes(1);
  });

  it('when the card cannot be brought in, the button says so and what to do, is announced, and cannot be pressed again', () => {
    const onCheck = vi.fn();
    const b = new ButtonHost(t, origin().selection.rect, true, onCheck, origin(), () => {});
    b.fail(t('checkButtonFailed'));
    // the delayed "press Tab" announcement must not overwrite the failure
    vi.advanceTimersByTime(ANNOUNCE_DELAY_MS + 1);
    const root = b.host.shadowRoot!;
    const button = root.querySelector<HTMLButtonElement>('[data-testid="check-button"]')!;
    expect(button.disabled).toBe(true);
    expect(button.dataset.failed).toBe('true');
    expect(button.textContent).toMatch(/could not open its card here.*Check quote with Verbatim/);
    expect(root.querySelector('[data-testid="check-announcement"]')!.textContent).toBe(button.textContent);
    button.click();
    expect(onCheck).not.toHaveBeenCalled();
    expect(BUTTON_CSS).toContain('.adder[data-failed]');
  });
});

describe('watcher instances', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    document.documentElement.querySelectorAll('verbatim-card, verbatim-check').forEach((e) => e.remove());
  });
  afterEach(() => {
    (w[WATCH_REGISTRY] as WatchRegistry | undefined)?.dispose();
    (w[CONTENT_REGISTRY] as { dispose(): void } | undefined)?.dispose();
  });

  it('a new one removes what a destroyed instance left, tells older watchers and card scripts to step aside, and replaces the one in this world', () => {
    const stale = [document.createElement('verbatim-card'), document.createElement('verbatim-check')];
    document.documentElement.append(...stale);
    const page = document.createElement('p');
    document.body.append(page);
    const heard: string[] = [];
    const listen = (type: string) => document.addEventListener(type, () => heard.push(type), { once: true });
    listen(WATCH_TAKEOVER);
    listen(CONTENT_TAKEOVER);
    startSelectWatch();
    expect(stale.map((e) => e.isConnected)).toEqual([false, false]);
    expect(page.isConnected).toBe(true);
    expect(heard.sort()).toEqual([CONTENT_TAKEOVER, WATCH_TAKEOVER].sort());
    const first = w[WATCH_REGISTRY] as WatchRegistry;
    const dispose = vi.spyOn(first, 'dispose');
    startSelectWatch();
    expect(dispose).toHaveBeenCalled();
    expect(w[WATCH_REGISTRY]).not.toBe(first);
    expect(w[WATCH_REGISTRY]).toBeDefined();
  });

  it("steps aside when another version's watcher starts (the takeover event from another world)", () => {
    startSelectWatch();
    expect(w[WATCH_REGISTRY]).toBeDefined();
    document.dispatchEvent(new CustomEvent(WATCH_TAKEOVER, { detail: 'another-instance' }));
    expect(w[WATCH_REGISTRY]).toBeUndefined();
  });

  it("a card script starting next to a live watcher keeps the watcher's button and the watcher", () => {
    startSelectWatch();
    const registry = w[WATCH_REGISTRY] as WatchRegistry;
    const button = document.createElement('verbatim-check');
    document.documentElement.append(button);
    vi.spyOn(registry, 'button').mockReturnValue(button);
    const deadCard = document.createElement('verbatim-card');
    document.documentElement.append(deadCard);
    startContent();
    expect(button.isConnected).toBe(true);
    expect(deadCard.isConnected).toBe(false);
    expect(w[WATCH_REGISTRY]).toBe(registry);
    expect(typeof (w[CONTENT_REGISTRY] as { showFor?: unknown }).showFor).toBe('function');
  });
});
