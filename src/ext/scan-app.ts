/**
 * "Check this page": find every quote of the article, check them all in one message to the
 * background, mark them in place (CSS Custom Highlights) and list them in a panel. Injected
 * only on that gesture, into the top page and the frames the gesture grants; frames mark their
 * own quotes, the top page also shows the panel. Work on the page is cut into chunks with
 * yields between them, so the page never stalls for long.
 */
import { h, render, type VNode } from 'preact';
import { browser } from 'wxt/browser';
import { findQuotes, type FoundQuote } from '../scan/find';
import { buildRows, markdownReport, mismatchSentence, type ScanRowModel } from '../scan/report';
import { rangeFor } from '../scan/dom-text';
import { Card } from '../ui/Card';
import type { CardActions } from '../ui/actions';
import { I18nContext } from '../ui/i18n-context';
import { ScanPanel, type ScanPanelState } from '../ui/ScanPanel';
import { PANEL_CSS } from '../ui/scan-styles';
import { FloatingHost } from './card-host';
import { returnFocus } from './focus-return';
import { buildCitation, copyText } from './citation';
import { Marks } from './highlights';
import { createT, type T } from './i18n';
import { sendToBackground } from './messages';
import { transcriptPath, type CardModel } from './view';
import { BUILTIN_PEOPLE } from '../people/aliases';

const REGISTRY = '__verbatimScan__';
const SLICE_MS = 8;

/** Yields to the page without the 4 ms timer clamp (a message round trip). */
function yieldToPage(): Promise<void> {
  return new Promise((done) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => done();
    ch.port2.postMessage(0);
  });
}

function editable(el: Element | null): boolean {
  if (!el) return false;
  const tag = el.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || (el as HTMLElement).isContentEditable;
}

class PanelHost {
  readonly host: HTMLElement;
  readonly root: ShadowRoot;
  private readonly mount: HTMLElement;
  constructor() {
    this.host = document.createElement('verbatim-scan');
    this.root = this.host.attachShadow({ mode: 'open' });
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(PANEL_CSS);
      this.root.adoptedStyleSheets = [sheet];
    } catch {
      const style = document.createElement('style');
      style.textContent = PANEL_CSS;
      this.root.appendChild(style);
    }
    this.mount = document.createElement('div');
    this.root.appendChild(this.mount);
    this.host.style.cssText = 'position:fixed;right:16px;bottom:16px;z-index:2147483647;display:block;margin:0;padding:0;border:0;';
    document.documentElement.appendChild(this.host);
    const zoom = (document.documentElement as HTMLElement & { currentCSSZoom?: number }).currentCSSZoom;
    if (typeof zoom === 'number' && zoom > 0 && zoom !== 1) this.host.style.setProperty('--vb-zoom', String(1 / zoom));
    // The top layer keeps the panel above the page's overlays and out of its transforms.
    if (typeof this.host.showPopover === 'function') {
      this.host.popover = 'manual';
      try {
        this.host.showPopover();
      } catch {
        // stays in the page's layers
      }
    }
  }
  draw(node: VNode<any>, t: T): void {
    render(h(I18nContext.Provider, { value: t }, node), this.mount);
  }
  remove(): void {
    render(null, this.mount);
    this.host.remove();
  }
}

export async function startScan(): Promise<void> {
  const w = window as unknown as Record<string, { dispose(): void } | undefined>;
  w[REGISTRY]?.dispose();
  const top = window.top === window;
  const t0 = performance.now();
  // The panel takes focus when it shows; closing it gives focus back here.
  const focusBefore = document.activeElement;
  let t: T = (k) => k;
  let rows: ScanRowModel[] = [];
  let quotes: FoundQuote[] = [];
  let state: ScanPanelState = { kind: 'scanning' };
  let current = -1;
  let copyStatus = '';
  let card: FloatingHost | null = null;
  let disposed = false;
  const marks = new Marks();
  // The panel is made when there is something to show: the results, or "checking…" after a
  // moment (a fast scan then costs the page one render, not two).
  let panel: PanelHost | null = null;
  const hostData: Record<string, string> = {};
  const cleanups: Array<() => void> = [];

  const draw = () => {
    if (top && !disposed && !panel) {
      panel = new PanelHost();
      Object.assign(panel.host.dataset, hostData);
    }
    panel?.draw(
      h(ScanPanel, {
        state,
        current,
        copyStatus,
        onSelect: (i: number) => openCard(i),
        onNext: () => move(1),
        onPrev: () => move(-1),
        onCopy: () => void copyReport(),
        onClose: () => dispose(),
        onKey: panelKey,
      }),
      t,
    );
  };
  const setHost = (k: string, v: string | number) => {
    hostData[k] = String(v);
    if (panel) panel.host.dataset[k] = String(v);
  };
  setHost('scanState', 'scanning');
  const showWorking = window.setTimeout(draw, 150);

  function dispose(): void {
    if (disposed) return;
    disposed = true;
    window.clearTimeout(showWorking);
    for (const c of cleanups) c();
    const hadFocus = !!panel && (document.activeElement === panel.host || (!!card && card.hasFocus));
    card?.close();
    marks.clear();
    panel?.remove();
    if (hadFocus) returnFocus(focusBefore, null);
    if (w[REGISTRY] === registry) w[REGISTRY] = undefined;
  }
  const registry = { dispose };
  w[REGISTRY] = registry;

  function scrollTo(i: number): Range | undefined {
    const r = marks.rangesOf(i)[0];
    if (!r) return undefined;
    const rect = r.getBoundingClientRect();
    if (rect.top < 0 || rect.bottom > window.innerHeight) {
      const el = r.startContainer.parentElement;
      el?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
    }
    return r;
  }

  function move(step: number): void {
    if (!rows.length) return;
    current = current < 0 ? (step > 0 ? 0 : rows.length - 1) : (current + step + rows.length) % rows.length;
    marks.setCurrent(current);
    scrollTo(current);
    setHost('current', current);
    draw();
  }

  function cardModel(row: ScanRowModel): CardModel {
    const mismatch = mismatchSentence(row, t);
    if (row.pageSpeaker.kind === 'unknown') return { ...row.card, pageNamesNobody: true };
    return mismatch ? { ...row.card, pageAttribution: mismatch } : row.card;
  }

  function openCard(i: number): void {
    const row = rows[i];
    if (!row) return;
    current = i;
    marks.setCurrent(i);
    setHost('current', i);
    draw();
    const range = scrollTo(i);
    // Opened from the panel (a row, or Enter): closing the card puts focus on that quote's row.
    const inPanel = (el: Element | null | undefined) => !!panel && !!el && (el === panel.host || panel.root.contains(el));
    const fromPanel = inPanel(document.activeElement) || (!!card && card.hasFocus && inPanel(card.previousFocus));
    const rowButton = fromPanel ? panel!.root.querySelector<HTMLElement>(`[data-testid="scan-row"][data-index="${i}"]`) : null;
    card?.close();
    const host = new FloatingHost({
      tag: 'verbatim-card',
      onClosed: () => (card = card === host ? null : card),
      ...(rowButton ? { returnFocus: rowButton } : {}),
    });
    card = host;
    host.host.dataset.trigger = 'scan';
    host.host.dataset.scanIndex = String(i);
    host.host.dataset.verdict = row.verdict;
    const model = cardModel(row);
    const actions: CardActions = {
      openSection(m) {
        sendToBackground({ type: 'verbatim:open', sectionId: m.sectionId, paragraphId: m.paragraphId, start: m.start, end: m.end, script: model.script }).catch(
          () => {},
        );
      },
      copyCitation: (m) => copyText(buildCitation(m, t, model.videoUrl), host.root),
    };
    const rect = range ? (range.getClientRects()[0] ?? range.getBoundingClientRect()) : null;
    host.show(h(Card, { state: { kind: 'result', model }, actions, onClose: () => host.close(true), autoFocus: true }), t, rect);
  }

  async function copyReport(): Promise<void> {
    const md = markdownReport(rows, t, location.href, (s, p) => browser.runtime.getURL(transcriptPath(s, p) as '/transcript.html'));
    const ok = await copyText(md, panel?.root ?? document.body);
    copyStatus = ok ? t('scanCopied') : t('copyFailed');
    draw();
  }

  function panelKey(e: KeyboardEvent): void {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === 'j' || e.key === 'ArrowDown') move(1);
    else if (e.key === 'k' || e.key === 'ArrowUp') move(-1);
    else if (e.key === 'Enter' && current >= 0 && !(e.target as Element | null)?.closest?.('button')) openCard(current);
    else if (e.key === 'Escape') dispose();
    else return;
    e.preventDefault();
    e.stopPropagation();
  }

  const onKey = (e: KeyboardEvent) => {
    if (panel && e.composedPath().includes(panel.host)) return;
    if (card?.isOpen) return; // the card takes Esc first
    if (e.key === 'Escape') return dispose();
    if (e.altKey || e.ctrlKey || e.metaKey || editable(document.activeElement)) return;
    if (e.key === 'j') move(1);
    else if (e.key === 'k') move(-1);
    else if (e.key === 'Enter' && current >= 0 && (document.activeElement === document.body || !document.activeElement)) openCard(current);
  };
  const onClick = (e: MouseEvent) => {
    if (panel && e.composedPath().includes(panel.host)) return;
    if (card && e.composedPath().includes(card.host)) return;
    const row = marks.hit(e.clientX, e.clientY);
    if (row != null) openCard(row);
  };
  window.addEventListener('keydown', onKey, true);
  document.addEventListener('click', onClick, true);
  cleanups.push(
    () => window.removeEventListener('keydown', onKey, true),
    () => document.removeEventListener('click', onClick, true),
  );

  // A page that rewrites itself: drop marks whose text changed, before the next paint.
  let pendingCheck = 0;
  const observer = new MutationObserver(() => {
    if (pendingCheck) return;
    pendingCheck = window.setTimeout(() => {
      pendingCheck = 0;
      if (disposed) return;
      if (marks.validate()) {
        marks.paint();
        setHost('marks', marks.count);
      }
    }, 30);
  });
  observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  cleanups.push(() => {
    observer.disconnect();
    window.clearTimeout(pendingCheck);
  });

  try {
    const strings = sendToBackground({ type: 'verbatim:strings' }).then((r) => {
      t = createT(r.messages);
      if (!disposed && panel) draw();
    });
    let last = performance.now();
    const pause = async () => {
      if (performance.now() - last < SLICE_MS) return;
      await yieldToPage();
      last = performance.now();
    };
    // Readability runs first, in one piece: give it a task of its own, apart from the script's start.
    await yieldToPage();
    last = performance.now();
    // The reader's aliases of their sources' speakers (Sources page) add to the built-in names.
    const extra = await sendToBackground({ type: 'verbatim:people' }).then((r) => (r.ok ? r.people : []), () => []);
    const found = await findQuotes(document, { pause, chunk: 8, ...(extra.length ? { people: [...BUILTIN_PEOPLE, ...extra] } : {}) });
    quotes = found.quotes;
    const tFound = performance.now();
    setHost('findMs', (tFound - t0).toFixed(1));
    setHost('root', found.via);
    setHost('rootMs', found.rootMs);
    if (!quotes.length && !top) return dispose();
    const r = quotes.length
      ? await sendToBackground({ type: 'verbatim:check-batch', texts: quotes.map((q) => q.text) })
      : await strings.then(() => ({ ok: true as const, cards: [] as CardModel[], messages: null, checkMs: 0 }));
    if (disposed) return;
    if (!r.ok) throw new Error(r.error);
    if (r.messages) t = createT(r.messages);
    const tChecked = performance.now();
    setHost('checkMs', (tChecked - tFound).toFixed(1));
    rows = buildRows(quotes, r.cards);
    last = performance.now();
    for (const row of rows) {
      await pause();
      for (const o of quotes[row.index].occurrences) {
        const range = rangeFor(o.block, o.start, o.end, document);
        if (range) marks.add(row.index, row.verdict, row.misattributed, range);
      }
    }
    marks.paint();
    state = { kind: 'done', rows };
    setHost('quotes', rows.length);
    setHost('marks', marks.count);
    setHost('highlights', marks.supported ? 'css' : 'unsupported');
    setHost('markMs', (performance.now() - tChecked).toFixed(1));
    setHost('scanState', 'done');
    draw();
    // Painted: the frame after this one has been rendered.
    requestAnimationFrame(() => setTimeout(() => setHost('scanMs', (performance.now() - t0).toFixed(1)), 0));
  } catch (e) {
    if (disposed) return;
    state = { kind: 'error', message: e instanceof Error ? e.message : String(e) };
    setHost('scanState', 'error');
    draw();
  }
}
