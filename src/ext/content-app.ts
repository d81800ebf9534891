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
import { buildCitation, copyText } from './citation';
import { createT, type T } from './i18n';
import { sendToBackground, type ShowCardMessage, type ShowCardResult } from './messages';
import { readSelection, selectionEndRect } from './selection';
import { loadSettings, onSettingsChanged } from './settings';
import type { CardModel } from './view';

const REGISTRY = '__verbatimContent__';
const LOADING_DELAY_MS = 150;

type Registry = { dispose(): void };

export function startContent(): void {
  const w = window as unknown as Record<string, Registry | undefined>;
  // Injected again (another trigger, or after an update): replace the previous instance.
  w[REGISTRY]?.dispose();

  let card: FloatingHost | null = null;
  let adder: FloatingHost | null = null;
  let t: T | null = null;
  let selectListening = false;
  const disposers: Array<() => void> = [];

  async function translator(): Promise<T> {
    if (t) return t;
    const r = await sendToBackground({ type: 'verbatim:strings' });
    t = createT(r.messages);
    return t;
  }

  const actions = (model: CardModel, tt: T, host: FloatingHost): CardActions => ({
    openSection(m) {
      void sendToBackground({ type: 'verbatim:open', sectionId: m.sectionId, paragraphId: m.paragraphId, start: m.start, end: m.end, script: model.script });
    },
    copyCitation(m) {
      return copyText(buildCitation(m, tt, model.videoUrl), host.root);
    },
  });

  function closeCard() {
    card?.close();
    card = null;
  }

  async function showForSelection(trigger: ShowCardMessage['trigger'], fallbackText?: string): Promise<ShowCardResult> {
    const t0 = performance.now();
    hideAdder();
    const sel = readSelection();
    const text = sel.text || (fallbackText ?? '').trim();
    closeCard();
    const host = new FloatingHost({ tag: 'verbatim-card', onClosed: () => (card = null) });
    card = host;
    const autoFocus = trigger !== 'select';
    host.host.dataset.trigger = trigger;
    const noop: CardActions = { openSection() {}, copyCitation: async () => false };
    const draw = (state: CardState, tt: T, acts: CardActions = noop) =>
      host.show(h(Card, { state, actions: acts, onClose: () => host.close(true), autoFocus }), tt, sel.rect);

    if (!text) {
      const tt = await translator();
      draw({ kind: 'error', message: tt('noSelection') }, tt);
      return { shown: true, reason: 'no selection' };
    }
    const loading = setTimeout(() => {
      if (t && card === host) draw({ kind: 'loading', query: text }, t);
    }, LOADING_DELAY_MS);
    try {
      const r = await sendToBackground({ type: 'verbatim:check', text });
      clearTimeout(loading);
      if (card !== host) return { shown: false, reason: 'superseded' };
      if (!r.ok) {
        const tt = await translator();
        draw({ kind: 'error', message: r.error }, tt);
        return { shown: true, reason: r.error };
      }
      const tt = createT(r.messages);
      t = tt;
      draw({ kind: 'result', model: r.card }, tt, actions(r.card, tt, host));
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
  }

  let pending = 0;
  function onSelectionEnd(e: Event) {
    if (card && e.composedPath().includes(card.host)) return;
    if (adder && e.composedPath().includes(adder.host)) return;
    window.clearTimeout(pending);
    // Let the browser finish updating the selection first.
    pending = window.setTimeout(async () => {
      const sel = readSelection();
      if (sel.text.length < 2) {
        hideAdder();
        return;
      }
      const tt = await translator();
      hideAdder();
      const host = new FloatingHost({ tag: 'verbatim-check', onClosed: () => (adder = null) });
      adder = host;
      host.show(h(CheckButton, { onCheck: () => void showForSelection('select') }), tt, selectionEndRect() ?? sel.rect, 'below');
    }, 10);
  }
  function onSelectionChange() {
    if (adder && !(document.getSelection()?.toString().trim())) hideAdder();
  }

  function setSelectListening(on: boolean) {
    if (on === selectListening) return;
    selectListening = on;
    if (on) {
      document.addEventListener('mouseup', onSelectionEnd, true);
      document.addEventListener('keyup', onSelectionEnd, true);
      document.addEventListener('selectionchange', onSelectionChange);
    } else {
      document.removeEventListener('mouseup', onSelectionEnd, true);
      document.removeEventListener('keyup', onSelectionEnd, true);
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

  loadSettings()
    .then((s) => setSelectListening(s.checkOnSelect))
    .catch(() => {});
  disposers.push(onSettingsChanged((s) => setSelectListening(s.checkOnSelect)));

  w[REGISTRY] = {
    dispose() {
      for (const d of disposers) d();
      setSelectListening(false);
      closeCard();
      if (w[REGISTRY]?.dispose === this.dispose) w[REGISTRY] = undefined;
    },
  };
}
