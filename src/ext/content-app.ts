/**
 * The content script's work: read the selection, ask the background for a verdict, show the
 * card; with check-on-select, show a small check button after each selection. Kept small:
 * the matcher, transcript and strings live in the background.
 */
import { h } from 'preact';
import { browser } from 'wxt/browser';
import { Card, type CardState } from '../ui/Card';
import { CheckButton } from '../ui/CheckButton';
import type { CardActions } from '../ui/actions';
import { FloatingHost } from './card-host';
import { startCardCore } from './card-core';
import { copyText } from './citation';
import { createT, htmlLang, type Lang, type T } from './i18n';
import { sendToBackground, type ShowCardMessage, type ShowCardResult } from './messages';
import { readSelection, selectionEndRect, type PageSelection } from './selection';
import { loadCheckOnSelect, onCheckOnSelectChanged } from './settings';
import { openTarget, type CardModel } from '../view/model';

const REGISTRY = '__verbatimContent__';
/** DOM event a new instance fires so that instances of an older version (another world) step aside. */
const TAKEOVER = 'verbatim-content-takeover';
const LOADING_DELAY_MS = 150;
const CARD_TAG = 'verbatim-card';
const BUTTON_TAG = 'verbatim-check';
/** A keyboard selection grows one key press at a time: the check button waits until it rests. */
const KEY_SELECTION_SETTLE_MS = 400;

/** What the check button remembers of the moment it appeared: the selection, and where focus was. */
interface SelectionOrigin {
  selection: PageSelection;
  focus: Element | null;
}

type Registry = { dispose(): void };

/** False once the extension was reloaded, updated or removed: this content script is orphaned. */
function extensionAlive(): boolean {
  try {
    return !!browser.runtime?.id;
  } catch {
    return false;
  }
}

export function startContent(): void {
  const w = window as unknown as Record<string, Registry | undefined>;
  // Injected again (another trigger, or after an update): replace the previous instance. After an
  // update the old one lives in another isolated world, so it is told through the DOM as well.
  w[REGISTRY]?.dispose();
  const instance = Math.random().toString(36).slice(2);
  document.dispatchEvent(new CustomEvent(TAKEOVER, { detail: instance }));
  // Firefox destroys the previous version's content script outright when the add-on is updated or
  // reloaded: its card and check button would stay on the page, deaf to Esc and clicks, and no
  // listener is left to hear the takeover. Whatever hosts remain belong to a dead instance.
  for (const stale of document.querySelectorAll(`${CARD_TAG}, ${BUTTON_TAG}`)) stale.remove();
  // The card parts only some results show arrive in the card extras script, which the background
  // injects with the result that needs them; they render with this instance's Preact.
  const core = startCardCore();

  let card: FloatingHost | null = null;
  let adder: FloatingHost | null = null;
  let t: T | null = null;
  let lang: Lang | null = null;
  /** Set when the check button appears: pressing it moves focus and may clear a field's selection. */
  let adderOrigin: SelectionOrigin | null = null;
  /** How the current selection was made: a keyboard selection gets the check button announced and one Tab into it. */
  let selectionBy: 'pointer' | 'keyboard' = 'pointer';
  /** The one Tab into the check button was used (later Tabs follow the page's order). */
  let adderTabUsed = false;
  let selectListening = false;
  const disposers: Array<() => void> = [];

  async function translator(): Promise<T> {
    if (t) return t;
    const r = await sendToBackground({ type: 'verbatim:strings' });
    t = createT(r.messages);
    lang = r.lang;
    return t;
  }

  const actions = (model: CardModel, host: FloatingHost): CardActions => ({
    openSection(m) {
      if (!extensionAlive()) return dispose();
      sendToBackground({ type: 'verbatim:open', ...openTarget(m), script: model.script, sourceId: m.source?.id }).catch(
        () => {},
      );
    },
    // Written by the background with the result (withCitations).
    copyCitation(m) {
      return m.citation ? copyText(m.citation, host.root) : Promise.resolve(false);
    },
  });

  function closeCard() {
    card?.close();
    card = null;
  }

  /** Where focus was before any of Verbatim's own elements took it. */
  function pageFocus(): Element | null {
    const active = document.activeElement;
    if (card && active === card.host) return card.previousFocus;
    if (adder && active === adder.host) return adderOrigin?.focus ?? null;
    return active;
  }

  async function showForSelection(trigger: ShowCardMessage['trigger'], fallbackText?: string, origin?: SelectionOrigin): Promise<ShowCardResult> {
    const t0 = performance.now();
    if (!extensionAlive()) {
      dispose();
      return { shown: false, reason: 'extension reloaded' };
    }
    const focusBefore = origin ? origin.focus : pageFocus();
    hideAdder();
    // The check button remembers the selection: focusing it takes a form field's selection away.
    const live = readSelection();
    const sel = live.text || !origin ? live : origin.selection;
    const text = sel.text || (fallbackText ?? '').trim();
    closeCard();
    const host = new FloatingHost({ tag: CARD_TAG, onClosed: () => (card = null), returnFocus: focusBefore, readingPosition: sel.start });
    card = host;
    host.host.dataset.trigger = trigger;
    const noop: CardActions = { openSection() {}, copyCitation: async () => false };
    // Every trigger moves focus into the card: a keyboard or screen-reader user hears the verdict
    // at once, and Esc gives focus back where it was.
    const draw = (state: CardState, tt: T, acts: CardActions = noop) =>
      host.show(h(Card, { state, actions: acts, onClose: () => host.close(true), autoFocus: true, lang: lang ? htmlLang(lang) : undefined }), tt, sel.rect);

    if (!text) {
      const tt = await translator().catch(() => null);
      // In the PDF viewer the selection lives in the plugin, out of reach: say that, not "select".
      if (tt) draw({ kind: 'error', message: tt(document.contentType === 'application/pdf' ? 'cannotReadPage' : 'noSelection') }, tt);
      return { shown: !!tt, reason: 'no selection' };
    }
    const loading = setTimeout(() => {
      if (t && card === host) draw({ kind: 'loading', query: text }, t);
    }, LOADING_DELAY_MS);
    try {
      const r = await sendToBackground({ type: 'verbatim:check', text, extras: !!core.extras });
      clearTimeout(loading);
      if (card !== host) return { shown: false, reason: 'superseded' };
      if (!r.ok) {
        const tt = await translator();
        draw({ kind: 'error', message: r.error }, tt);
        return { shown: true, reason: r.error };
      }
      const tt = createT(r.messages);
      t = tt;
      lang = r.lang;
      // Without them (the injection failed) the card still shows the verdict and the passage.
      if (core.extras) host.addStyles(core.extras.css);
      draw({ kind: 'result', model: r.card }, tt, actions(r.card, host));
      host.host.dataset.verdict = r.card.verdict;
      host.host.dataset.checkMs = String(r.timing.checkMs);
      host.host.dataset.cold = String(r.timing.cold);
      // Painted: the frame after this one has been rendered.
      requestAnimationFrame(() =>
        setTimeout(() => {
          host.host.dataset.paintMs = (performance.now() - t0).toFixed(1);
        }, 0),
      );
      return { shown: true };
    } catch (e) {
      clearTimeout(loading);
      const msg = e instanceof Error ? e.message : String(e);
      if (!extensionAlive()) {
        dispose();
        return { shown: false, reason: 'extension reloaded' };
      }
      if (card === host) {
        const tt = t ?? ((k: string) => k);
        draw({ kind: 'error', message: msg }, tt);
      }
      return { shown: false, reason: msg };
    }
  }

  // ---- check-on-select: a small button near each selection ----
  function hideAdder() {
    adder?.close();
    adder = null;
    adderOrigin = null;
    adderTabUsed = false;
  }

  /** Keys that make or grow a selection (Shift+arrows, Shift+Home/End/PageUp/PageDown, select all). */
  function selectsText(e: KeyboardEvent): boolean {
    if (e.key === 'Shift') return true;
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'a') return true;
    return e.shiftKey && /^(Arrow|Home|End|Page)/.test(e.key);
  }

  let pending = 0;
  function onSelectionEnd(e: Event) {
    if (!extensionAlive()) return dispose();
    endSeen = true;
    if (card && e.composedPath().includes(card.host)) return;
    if (adder && e.composedPath().includes(adder.host)) return;
    if (e.type === 'keyup' && !selectsText(e as KeyboardEvent)) return;
    if (e.type === 'mouseup') selectionBy = 'pointer';
    else if (e.type === 'keyup') selectionBy = 'keyboard';
    window.clearTimeout(pending);
    // Let the browser finish updating the selection first; a keyboard selection, until it rests.
    const wait = e.type === 'keyup' ? KEY_SELECTION_SETTLE_MS : 10;
    pending = window.setTimeout(async () => {
      const sel = readSelection();
      if (sel.text.length < 2) {
        hideAdder();
        return;
      }
      let tt: T;
      try {
        tt = await translator();
      } catch {
        // The worker could not answer (or the extension went away): no button this time.
        if (!extensionAlive()) dispose();
        return;
      }
      const focus = pageFocus();
      hideAdder();
      const rect = selectionEndRect() ?? sel.rect;
      const origin: SelectionOrigin = { selection: { ...sel, rect }, focus };
      const host = new FloatingHost({ tag: BUTTON_TAG, onClosed: () => (adder = null), returnFocus: focus, readingPosition: sel.start });
      adder = host;
      adderOrigin = origin;
      const byKeyboard = selectionBy === 'keyboard';
      host.host.dataset.by = selectionBy;
      host.show(h(CheckButton, { onCheck: () => void showForSelection('select', undefined, origin), announce: byKeyboard }), tt, rect, 'below');
    }, wait);
  }

  /**
   * After a keyboard selection the check button is one Tab away: the first Tab goes to it instead
   * of the page's next element (the button sits at the end of the document, out of reading order).
   */
  function onKeyDown(e: KeyboardEvent) {
    if (e.key !== 'Tab' || e.shiftKey || e.altKey || e.ctrlKey || e.metaKey || !adder || adderTabUsed || selectionBy !== 'keyboard') return;
    if (document.activeElement === adder.host) return;
    const button = adder.root.querySelector<HTMLElement>('[data-testid="check-button"]');
    if (!button) return;
    adderTabUsed = true;
    e.preventDefault();
    e.stopPropagation();
    button.focus();
  }
  // Fallback for pages that swallow mouseup/keyup before this script's listeners can see them
  // (when it was injected late, e.g. into pages opened before an update): a selection that stays
  // put for a moment without any selection-end event counts as finished.
  const SETTLE_MS = 500;
  let settle = 0;
  let endSeen = false;
  function onSelectionChange() {
    // readSelection, not getSelection: a selection inside a text field is not the document's.
    // While the check button has focus the field's selection is out of sight, not gone.
    if (adder && document.activeElement !== adder.host && !readSelection().text) hideAdder();
    endSeen = false;
    window.clearTimeout(settle);
    settle = window.setTimeout(() => {
      const s = document.getSelection();
      const anchor = s?.anchorNode;
      // Text selected inside the card itself shows up retargeted to <html> or to our hosts.
      if (endSeen || disposed || !s?.toString().trim() || anchor === document.documentElement || anchor === card?.host || anchor === adder?.host) return;
      // Only a selection the reader just made (a page selecting text by script gets no button).
      const activation = (navigator as Navigator & { userActivation?: { isActive: boolean } }).userActivation;
      if (activation && !activation.isActive) return;
      onSelectionEnd(new Event('selectionsettled'));
    }, SETTLE_MS);
  }

  function setSelectListening(on: boolean) {
    if (on === selectListening) return;
    selectListening = on;
    // On the window, in the capture phase: the check-on-select script runs at document_start, so
    // these run before any page listener that swallows mouseup/keyup (copy-protection scripts).
    if (on) {
      window.addEventListener('mouseup', onSelectionEnd, true);
      window.addEventListener('keyup', onSelectionEnd, true);
      window.addEventListener('keydown', onKeyDown, true);
      document.addEventListener('selectionchange', onSelectionChange);
    } else {
      window.removeEventListener('mouseup', onSelectionEnd, true);
      window.removeEventListener('keyup', onSelectionEnd, true);
      window.removeEventListener('keydown', onKeyDown, true);
      document.removeEventListener('selectionchange', onSelectionChange);
      hideAdder();
    }
  }

  const onMessage = (msg: unknown): Promise<ShowCardResult> | undefined => {
    const m = msg as ShowCardMessage | null;
    if (m?.type !== 'verbatim:show') return undefined;
    return showForSelection(m.trigger, m.selectionText);
  };
  browser.runtime.onMessage.addListener(onMessage);
  disposers.push(() => browser.runtime.onMessage.removeListener(onMessage));

  loadCheckOnSelect()
    .then(setSelectListening)
    .catch(() => {});
  disposers.push(onCheckOnSelectChanged(setSelectListening));

  const onTakeover = (e: Event) => {
    if ((e as CustomEvent).detail !== instance) dispose();
  };
  document.addEventListener(TAKEOVER, onTakeover);
  disposers.push(() => document.removeEventListener(TAKEOVER, onTakeover));

  let disposed = false;
  /** Removes everything this instance added. Safe after the extension context is gone. */
  function dispose(): void {
    if (disposed) return;
    disposed = true;
    window.clearTimeout(pending);
    window.clearTimeout(settle);
    for (const d of disposers) {
      try {
        d();
      } catch {
        // e.g. removing a runtime listener of an invalidated extension context
      }
    }
    setSelectListening(false);
    closeCard();
    if (w[REGISTRY] === registry) w[REGISTRY] = undefined;
  }
  const registry: Registry = { dispose };
  w[REGISTRY] = registry;
}
