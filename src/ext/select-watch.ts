/**
 * The check-on-select watcher: the script registered in every page and frame once the reader
 * grants host access. It only watches for selections and shows the small "Check quote" button
 * (plain DOM in a shadow root, no Preact); the card script (content-app.ts, with Preact and the
 * card) is injected by the background into this frame on the first check.
 */
import { browser } from 'wxt/browser';
import { createT, type T } from './i18n';
import { sendToBackground } from './messages';
import { placeCard, type Rect } from './position';
import { readSelection, selectionEndRect } from './selection';
import { loadCheckOnSelect, onCheckOnSelectChanged } from './settings';
import { returnFocus } from './focus-return';
import { ANNOUNCE_DELAY_MS } from '../ui/summary';
import { BUTTON_CSS } from './select-watch-css';
import { FLOATING_HOST_STYLE, applyStyles, listenForDismissal, mountHost } from './page-host';
import {
  BUTTON_TAG,
  CARD_TAG,
  CONTENT_REGISTRY,
  CONTENT_TAKEOVER,
  SELECTION_SETTLE_MS,
  WATCH_REGISTRY,
  WATCH_TAKEOVER,
  fromOwnHost,
  selectsText,
  settleDelay,
  settledSelectionCounts,
  tabsIntoButton,
  type ContentRegistry,
  type SelectionBy,
  type SelectionOrigin,
  type WatchRegistry,
} from './select-watch-logic';

/** False once the extension was reloaded, updated or removed: this script is orphaned. */
export function extensionAlive(): boolean {
  try {
    return !!browser.runtime?.id;
  } catch {
    return false;
  }
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string>, text = ''): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  // textContent: page text never becomes markup (these are our strings, but keep to the rule).
  if (text) e.textContent = text;
  return e;
}

/** The check button's host: placed like the card (src/ext/card-host.ts), closed on Esc, a click outside or a long scroll. */
export class ButtonHost {
  readonly host: HTMLElement;
  readonly button: HTMLButtonElement;
  private anchorDoc: Rect;
  private cleanup: Array<() => void> = [];
  private timer = 0;
  private live: HTMLElement | null = null;
  closed = false;

  constructor(
    t: T,
    anchor: Rect | null,
    announce: boolean,
    onCheck: () => void,
    private readonly origin: SelectionOrigin,
    private readonly onClosed: () => void,
  ) {
    this.host = document.createElement(BUTTON_TAG);
    const root = this.host.attachShadow({ mode: 'open' });
    applyStyles(root, BUTTON_CSS);
    const box = el('div', { class: 'vb' });
    this.button = el('button', { type: 'button', class: 'adder', 'data-testid': 'check-button', title: t('checkButtonHint'), 'aria-describedby': 'vb-check-hint' });
    this.button.append(el('span', { 'aria-hidden': 'true' }, '“✓'), t('checkButton'));
    // Keep the page selection: a mousedown on a button would otherwise clear it.
    this.button.addEventListener('mousedown', (e) => e.preventDefault());
    this.button.addEventListener('click', onCheck);
    const hint = el('span', { id: 'vb-check-hint', hidden: '' }, t('checkButtonHint'));
    const live = el('span', { class: 'sr', role: 'status', 'data-testid': 'check-announcement' });
    this.live = live;
    // Filled after insertion: a live region that arrives with its text is not announced.
    if (announce) this.timer = window.setTimeout(() => (live.textContent = t('checkButtonAvailable')), ANNOUNCE_DELAY_MS);
    box.append(this.button, hint, live);
    root.append(box);
    mountHost(this.host, FLOATING_HOST_STYLE);
    const a = anchor && (anchor.width || anchor.height) ? anchor : { top: 16, left: window.innerWidth - 24, width: 0, height: 0 };
    this.anchorDoc = { ...a, top: a.top + window.scrollY, left: a.left + window.scrollX };
    this.place();
    this.listen();
  }

  private place(): void {
    const b = this.button.parentElement!.getBoundingClientRect();
    const anchor = { ...this.anchorDoc, top: this.anchorDoc.top - window.scrollY, left: this.anchorDoc.left - window.scrollX };
    const viewport = { width: document.documentElement.clientWidth || window.innerWidth, height: window.innerHeight };
    const p = placeCard(anchor, { width: b.width, height: b.height }, viewport, { prefer: 'below' });
    const s = this.host.style;
    s.top = `${p.top + window.scrollY}px`;
    s.left = `${p.left + window.scrollX}px`;
    s.visibility = 'visible';
    // What the shadow stylesheet's :host rule reads (it wins over any page rule on the host).
    s.setProperty('--vb-top', s.top);
    s.setProperty('--vb-left', s.left);
    s.setProperty('--vb-visibility', 'visible');
    this.host.dataset.side = p.side;
  }

  private listen(): void {
    this.cleanup.push(listenForDismissal(this.host, { close: (byUser, restoreFocus) => this.close(byUser, restoreFocus), anchor: () => this.anchorDoc }));
  }

  /** The card could not be brought into this frame: the button says so (and what to do instead), and is announced. */
  fail(message: string): void {
    if (this.closed) return;
    window.clearTimeout(this.timer);
    this.button.disabled = true;
    this.button.dataset.failed = 'true';
    this.button.textContent = message;
    if (this.live) this.live.textContent = message;
    this.place();
  }

  /** Removes the button; closed by the reader with focus on it, focus goes back where it was. */
  close(byUser = false, restoreFocus = true): void {
    if (this.closed) return;
    this.closed = true;
    window.clearTimeout(this.timer);
    for (const f of this.cleanup) f();
    const hadFocus = document.activeElement === this.host;
    this.host.remove();
    if (byUser && hadFocus && restoreFocus) returnFocus(this.origin.focus, this.origin.selection.start);
    if (byUser) this.onClosed();
  }
}

export function startSelectWatch(): void {
  const w = window as unknown as Record<string, unknown>;
  // Injected again (after an update, in another isolated world): replace the previous watcher,
  // and the card script of an older version (one that also watched selections), through the DOM.
  (w[WATCH_REGISTRY] as WatchRegistry | undefined)?.dispose();
  const instance = Math.random().toString(36).slice(2);
  document.dispatchEvent(new CustomEvent(WATCH_TAKEOVER, { detail: instance }));
  document.dispatchEvent(new CustomEvent(CONTENT_TAKEOVER, { detail: instance }));
  // Firefox destroys the previous version's scripts outright on an update: their card and button
  // would stay, deaf to Esc and clicks, with no listener left to hear the takeover.
  for (const stale of document.querySelectorAll(`${CARD_TAG}, ${BUTTON_TAG}`)) stale.remove();

  let t: T | null = null;
  let adder: ButtonHost | null = null;
  let adderOrigin: SelectionOrigin | null = null;
  let by: SelectionBy = 'pointer';
  let tabUsed = false;
  let listening = false;
  let disposed = false;
  let pending = 0;
  let settle = 0;
  let endSeen = false;
  /** The card script being injected into this frame (one request for clicks in quick succession). */
  let injecting: Promise<unknown> | null = null;
  const disposers: Array<() => void> = [];

  async function translator(): Promise<T> {
    if (t) return t;
    const r = await sendToBackground({ type: 'verbatim:strings' });
    if (!r.ok) throw new Error('no strings');
    return (t = createT(r.messages));
  }

  function hide() {
    adder?.close();
    adder = null;
    adderOrigin = null;
    tabUsed = false;
  }

  const content = () => w[CONTENT_REGISTRY] as ContentRegistry | undefined;

  /** The button was pressed: bring the card script into this frame (first check only), then show the card. */
  async function check(origin: SelectionOrigin) {
    origin.at = performance.now();
    if (!extensionAlive()) return dispose();
    if (!content()) {
      injecting ??= sendToBackground({ type: 'verbatim:card-script' }).finally(() => (injecting = null));
      try {
        const r = await injecting;
        if (!(r as { ok?: boolean } | undefined)?.ok) throw new Error('not injected');
      } catch {
        // The frame may not be scripted (or the extension went away): nothing to show the card with.
        if (!extensionAlive()) return dispose();
        // Never a click that does nothing: the button says the card cannot open here, and what to do.
        if (adder && adderOrigin === origin && t) adder.fail(t('checkButtonFailed'));
        return;
      }
    }
    if (!disposed) content()?.showFor(origin);
  }

  function onSelectionEnd(e: Event) {
    if (!extensionAlive()) return dispose();
    endSeen = true;
    if (fromOwnHost(e.composedPath())) return;
    if (e.type === 'keyup' && !selectsText(e as KeyboardEvent)) return;
    if (e.type === 'mouseup') by = 'pointer';
    else if (e.type === 'keyup') by = 'keyboard';
    window.clearTimeout(pending);
    // Let the browser finish updating the selection first.
    pending = window.setTimeout(async () => {
      const sel = readSelection();
      if (sel.text.length < 2) return hide();
      let tt: T;
      try {
        tt = await translator();
      } catch {
        // The worker could not answer (or the extension went away): no button this time.
        if (!extensionAlive()) dispose();
        return;
      }
      if (disposed) return;
      const active = document.activeElement;
      // Where focus was before any of Verbatim's own elements took it.
      const focus = adder && active === adder.host ? (adderOrigin?.focus ?? null) : active?.localName === CARD_TAG ? null : active;
      hide();
      const rect = selectionEndRect() ?? sel.rect;
      const origin: SelectionOrigin = { selection: { ...sel, rect }, focus };
      const host = new ButtonHost(tt, rect, by === 'keyboard', () => void check(origin), origin, () => {
        if (adder === host) hide();
      });
      adder = host;
      adderOrigin = origin;
      host.host.dataset.by = by;
    }, settleDelay(e.type));
  }

  function onKeyDown(e: KeyboardEvent) {
    if (!tabsIntoButton(e, { button: !!adder, tabUsed, by, buttonFocused: !!adder && document.activeElement === adder.host })) return;
    tabUsed = true;
    e.preventDefault();
    e.stopPropagation();
    adder!.button.focus();
  }

  // Fallback for pages that swallow mouseup/keyup before these listeners see them (when this
  // script came in late, e.g. into pages opened before an update): a selection that stays put
  // for a moment without any selection-end event counts as finished.
  function onSelectionChange() {
    // readSelection, not getSelection: a selection inside a text field is not the document's.
    // While the check button has focus the field's selection is out of sight, not gone.
    if (adder && document.activeElement !== adder.host && !readSelection().text) hide();
    endSeen = false;
    window.clearTimeout(settle);
    settle = window.setTimeout(() => {
      const s = document.getSelection();
      const anchor = s?.anchorNode as Element | null | undefined;
      const activation = (navigator as Navigator & { userActivation?: { isActive: boolean } }).userActivation;
      const counts = settledSelectionCounts({
        text: s?.toString() ?? '',
        anchorIsRoot: anchor === document.documentElement,
        anchorIsOwnHost: anchor?.localName === CARD_TAG || anchor?.localName === BUTTON_TAG,
        endSeen: endSeen || disposed,
        userActive: activation?.isActive,
      });
      if (counts) onSelectionEnd(new Event('selectionsettled'));
    }, SELECTION_SETTLE_MS);
  }

  function setListening(on: boolean) {
    if (on === listening) return;
    listening = on;
    // On the window, in the capture phase: this script runs at document_start, so these run
    // before any page listener that swallows mouseup/keyup (copy-protection scripts).
    const method = on ? 'addEventListener' : 'removeEventListener';
    window[method]('mouseup', onSelectionEnd, true);
    window[method]('keyup', onSelectionEnd, true);
    window[method]('keydown', onKeyDown as EventListener, true);
    document[method]('selectionchange', onSelectionChange);
    if (!on) hide();
  }

  loadCheckOnSelect()
    .then((on) => !disposed && setListening(on))
    .catch(() => {});
  disposers.push(onCheckOnSelectChanged(setListening));

  const onTakeover = (e: Event) => {
    if ((e as CustomEvent).detail !== instance) dispose();
  };
  document.addEventListener(WATCH_TAKEOVER, onTakeover);
  disposers.push(() => document.removeEventListener(WATCH_TAKEOVER, onTakeover));

  /** Removes everything this watcher added (and, orphaned, the card script's card too). Safe after the extension context is gone. */
  function dispose(): void {
    if (disposed) return;
    disposed = true;
    window.clearTimeout(pending);
    window.clearTimeout(settle);
    for (const d of disposers) {
      try {
        d();
      } catch {
        // e.g. removing a listener of an invalidated extension context
      }
    }
    setListening(false);
    if (!extensionAlive()) content()?.dispose();
    if (w[WATCH_REGISTRY] === registry) w[WATCH_REGISTRY] = undefined;
  }
  const registry: WatchRegistry = {
    dispose,
    hide,
    button: () => adder?.host ?? null,
    origin: () => adderOrigin,
  };
  w[WATCH_REGISTRY] = registry;
}
