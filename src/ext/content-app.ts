/**
 * The card script's work: read the selection, ask the background for a verdict, show the card.
 * Injected on demand: by the menu / shortcut (activeTab), or by the background when the
 * check-on-select watcher's button is pressed (select-watch.ts; that one sees selections and
 * shows the button). Kept small: the matcher, transcript and strings live in the background.
 */
import { h } from 'preact';
import { browser } from 'wxt/browser';
import { Card, type CardState } from '../ui/Card';
import type { CardActions } from '../ui/actions';
import { FloatingHost } from './card-host';
import { startCardCore } from './card-core';
import { copyText } from './citation';
import { createT, htmlLang, type Lang, type T } from './i18n';
import { sendToBackground, type ShowCardMessage, type ShowCardResult } from './messages';
import { readSelection } from './selection';
import {
  BUTTON_TAG,
  CARD_TAG,
  CONTENT_REGISTRY as REGISTRY,
  CONTENT_TAKEOVER as TAKEOVER,
  WATCH_REGISTRY,
  type ContentRegistry,
  type SelectionOrigin,
  type WatchRegistry,
} from './select-watch-logic';
import { openTarget, type CardModel } from '../view/model';

const LOADING_DELAY_MS = 150;

/** False once the extension was reloaded, updated or removed: this content script is orphaned. */
function extensionAlive(): boolean {
  try {
    return !!browser.runtime?.id;
  } catch {
    return false;
  }
}

export function startContent(): void {
  const w = window as unknown as Record<string, ContentRegistry | WatchRegistry | undefined>;
  const watch = () => w[WATCH_REGISTRY] as WatchRegistry | undefined;
  // Injected again (another trigger, or after an update): replace the previous instance. After an
  // update the old one lives in another isolated world, so it is told through the DOM as well.
  (w[REGISTRY] as ContentRegistry | undefined)?.dispose();
  const instance = Math.random().toString(36).slice(2);
  document.dispatchEvent(new CustomEvent(TAKEOVER, { detail: instance }));
  // Firefox destroys the previous version's content script outright when the add-on is updated or
  // reloaded: its card and check button would stay on the page, deaf to Esc and clicks, and no
  // listener is left to hear the takeover. Whatever hosts remain belong to a dead instance, bar
  // the button of this world's live watcher (which cleared the dead ones when it started).
  const ownButton = watch()?.button();
  for (const stale of document.querySelectorAll(`${CARD_TAG}, ${BUTTON_TAG}`)) if (stale !== ownButton) stale.remove();
  // The card parts only some results show arrive in the card extras script, which the background
  // injects with the result that needs them; they render with this instance's Preact.
  const core = startCardCore();

  let card: FloatingHost | null = null;
  let t: T | null = null;
  let lang: Lang | null = null;
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
    const button = watch()?.button();
    if (button && active === button) return watch()?.origin()?.focus ?? null;
    return active;
  }

  async function showForSelection(trigger: ShowCardMessage['trigger'], fallbackText?: string, origin?: SelectionOrigin): Promise<ShowCardResult> {
    // From the click on the check button when it asked (the card script may have been injected since).
    const t0 = origin?.at ?? performance.now();
    if (!extensionAlive()) {
      dispose();
      return { shown: false, reason: 'extension reloaded' };
    }
    const focusBefore = origin ? origin.focus : pageFocus();
    watch()?.hide();
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

  const onMessage = (msg: unknown): Promise<ShowCardResult> | undefined => {
    const m = msg as ShowCardMessage | null;
    if (m?.type !== 'verbatim:show') return undefined;
    return showForSelection(m.trigger, m.selectionText);
  };
  browser.runtime.onMessage.addListener(onMessage);
  disposers.push(() => browser.runtime.onMessage.removeListener(onMessage));

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
    for (const d of disposers) {
      try {
        d();
      } catch {
        // e.g. removing a runtime listener of an invalidated extension context
      }
    }
    closeCard();
    if (w[REGISTRY] === registry) w[REGISTRY] = undefined;
  }
  const registry: ContentRegistry = { dispose, showFor: (origin) => void showForSelection('select', undefined, origin) };
  w[REGISTRY] = registry;
}
