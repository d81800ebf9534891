/**
 * "Check this page": find every quote of the article, check them all in one message to the
 * background, mark them in place (CSS Custom Highlights) and list them in a panel. Injected
 * only on that gesture, into the top page and the frames the gesture grants; frames mark their
 * own quotes, the top page also shows the panel. Work on the page is cut into chunks with
 * yields between them, so the page never stalls for long.
 */
import { h, render, type VNode } from 'preact';
import { findQuotes, type FoundQuote } from '../scan/find';
import { buildRows, markdownReport, mismatchSentence, namesNobody, type ScanRowModel } from '../scan/report';
import { rangeFor } from '../scan/dom-text';
import { dockPanel, textColumn, type Dock } from '../scan/dock';
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
import { openTarget, type CardModel } from '../view/model';
import { BUILTIN_PEOPLE } from '../people/aliases';
import { applyStyles, mountHost } from './page-host';

const REGISTRY = '__verbatimScan__';
const SLICE_MS = 8;
/** Rows of the panel's list drawn per task. */
const ROWS_STEP = 40;

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
    applyStyles(this.root, PANEL_CSS);
    this.mount = document.createElement('div');
    this.root.appendChild(this.mount);
    mountHost(this.host, 'position:fixed;right:16px;bottom:16px;z-index:2147483647;display:block;margin:0;padding:0;border:0;');
  }
  /** Beside the article's text column (see dock.ts): the side and width, or a tab at the right edge. */
  dock(d: Dock): void {
    const set = (k: string, v: string) => this.host.style.setProperty(k, v);
    // Unfolded from the tab it lies over the text: shorter, so that it can keep clear of the current mark.
    set('--vb-max-height', d.side === 'tab' ? '45vh' : 'min(62vh, 560px)');
    this.at(false);
    if (d.side === 'tab') {
      set('--vb-right', '0px');
      set('--vb-left', 'auto');
      this.host.style.right = '0px';
      this.host.style.left = 'auto';
      this.host.style.removeProperty('--vb-width');
    } else {
      set('--vb-right', d.side === 'right' ? `${d.inset}px` : 'auto');
      set('--vb-left', d.side === 'left' ? `${d.inset}px` : 'auto');
      this.host.style.right = d.side === 'right' ? `${d.inset}px` : 'auto';
      this.host.style.left = d.side === 'left' ? `${d.inset}px` : 'auto';
      set('--vb-width', `${d.width}px`);
    }
    this.host.dataset.dock = d.side;
  }
  /** At the top of the window, or at the bottom (where it starts). */
  at(top: boolean): void {
    this.host.style.setProperty('--vb-top', top ? '16px' : 'auto');
    this.host.style.setProperty('--vb-bottom', top ? 'auto' : '16px');
    this.host.style.top = top ? '16px' : 'auto';
    this.host.style.bottom = top ? 'auto' : '16px';
    this.host.dataset.at = top ? 'top' : 'bottom';
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
  /** Where the panel sits; `unfolded`: the reader opened the tab (there is no room beside the text). */
  let dock: Dock = { side: 'right', width: 400, inset: 16 };
  let unfolded = false;
  /** Rows drawn in the list so far (a long list is drawn in steps). */
  let shown = Infinity;
  // One function for every draw, so that unchanged rows are not re-rendered.
  const selectRow = (i: number) => openCard(i);
  let panelAtTop = false;
  let articleRoot: Element | null = null;
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
      // The article is known once quotes are found: "checking…" already sits beside it.
      if (articleRoot) placePanel();
      else panel.dock(dock);
    }
    const folded = dock.side === 'tab' && state.kind === 'done' && !unfolded;
    panel?.draw(
      h(ScanPanel, {
        state,
        current,
        copyStatus,
        onSelect: selectRow,
        shown,
        onNext: () => move(1),
        onPrev: () => move(-1),
        onCopy: () => void copyReport(),
        onClose: () => dispose(),
        onKey: panelKey,
        folded,
        onFold:
          dock.side === 'tab'
            ? () => {
                unfolded = !unfolded;
                panelAtTop = false;
                panel?.at(false);
                draw();
                const r = current >= 0 ? marks.rangesOf(current)[0] : undefined;
                if (unfolded && panel && r) keepClear(panel, r);
              }
            : undefined,
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
    if (panel && dock.side === 'tab' && unfolded) keepClear(panel, r);
    return r;
  }

  /**
   * The panel unfolded over the text moves away from the current mark: to the other end of the
   * window, and if the mark is still under it, the page scrolls the mark clear of it.
   */
  function keepClear(p: PanelHost, r: Range): void {
    const m = r.getBoundingClientRect();
    const hit = (b: DOMRect) => m.left < b.right && b.left < m.right && m.top < b.bottom && b.top < m.bottom;
    if (!hit(p.host.getBoundingClientRect())) return;
    panelAtTop = !panelAtTop;
    p.at(panelAtTop);
    const b = p.host.getBoundingClientRect();
    if (hit(b)) window.scrollBy({ top: panelAtTop ? m.top - b.bottom - 8 : m.bottom - b.top + 8, behavior: 'instant' as ScrollBehavior });
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
    if (mismatch) return { ...row.card, pageAttribution: mismatch };
    // The page named nobody: the card says who speaks in the transcript, nothing about misattribution.
    if (namesNobody(row.pageSpeaker)) return { ...row.card, pageNamesNobody: true };
    return row.card;
  }

  /** Measures the article's text column (a sample of its paragraphs) and docks the panel beside it. */
  function placePanel(): void {
    const paras = articleRoot?.isConnected ? articleRoot.querySelectorAll('p, li, blockquote') : [];
    const step = Math.max(1, Math.ceil(paras.length / 200));
    const boxes: Array<{ left: number; right: number; chars: number }> = [];
    for (let i = 0; i < paras.length; i += step) {
      const r = paras[i].getBoundingClientRect();
      boxes.push({ left: r.left, right: r.right, chars: (paras[i].textContent ?? '').trim().length });
    }
    dock = dockPanel(textColumn(boxes), document.documentElement.clientWidth || window.innerWidth);
    setHost('dock', dock.side);
    panelAtTop = false;
    panel?.dock(dock);
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
    host.host.dataset.query = row.quote;
    const model = cardModel(row);
    const actions: CardActions = {
      openSection(m) {
        sendToBackground({ type: 'verbatim:open', ...openTarget(m), script: model.script, sourceId: m.source?.id }).catch(
          () => {},
        );
      },
      copyCitation: (m) => copyText(buildCitation(m, t, model.videoUrl), host.root),
    };
    const rect = range ? (range.getClientRects()[0] ?? range.getBoundingClientRect()) : null;
    host.show(h(Card, { state: { kind: 'result', model }, actions, onClose: () => host.close(true), autoFocus: true }), t, rect);
  }

  async function copyReport(): Promise<void> {
    // Each match links to its source's own address (at the second when timed), never to an extension page.
    const md = markdownReport(rows, t, location.href);
    const ok = await copyText(md, panel?.root ?? document.body);
    copyStatus = ok ? t('scanCopied') : t('copyFailed');
    draw();
  }

  /**
   * Keys inside the panel act on the panel's state, never on where focus happens to be: focus
   * follows the current row only after the redraw, so "j" then Enter at once would otherwise
   * open the row focus had not left yet. Enter / Space on a row open the current row.
   */
  function panelKey(e: KeyboardEvent): void {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const target = e.composedPath()[0] as Element | undefined;
    const onRow = !!target?.closest?.('[data-testid="scan-row"]');
    const onOtherButton = !onRow && !!target?.closest?.('button');
    if (e.key === 'j' || e.key === 'ArrowDown') move(1);
    else if (e.key === 'k' || e.key === 'ArrowUp') move(-1);
    else if ((e.key === 'Enter' || (e.key === ' ' && onRow)) && !onOtherButton) {
      const i = current >= 0 ? current : onRow ? Number((target!.closest('[data-testid="scan-row"]') as HTMLElement).dataset.index) : -1;
      if (i < 0) return;
      openCard(i);
    } else return;
    e.preventDefault();
    e.stopPropagation();
  }

  const onKey = (e: KeyboardEvent) => {
    // Esc closes what is on top, wherever focus is: the card first, then the scan. Decided here,
    // first (capture, registered before any card): the card's own Esc handlers then find it
    // closed, and the panel does not handle Esc, so one Esc never closes both. The page still
    // sees the key.
    if (e.key === 'Escape') {
      if (card?.isOpen) card.close(true);
      else dispose();
      return;
    }
    if (panel && e.composedPath().includes(panel.host)) return;
    if (card?.isOpen) return;
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
  let resizing = 0;
  const onResize = () => {
    window.clearTimeout(resizing);
    resizing = window.setTimeout(() => {
      if (disposed || !top || state.kind !== 'done') return;
      placePanel();
      draw();
    }, 100);
  };
  window.addEventListener('keydown', onKey, true);
  document.addEventListener('click', onClick, true);
  window.addEventListener('resize', onResize);
  cleanups.push(
    () => window.removeEventListener('keydown', onKey, true),
    () => document.removeEventListener('click', onClick, true),
    () => window.removeEventListener('resize', onResize),
    () => window.clearTimeout(resizing),
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
    /** The longest stretch of scan work between two yields (the scan's own share of any long task). */
    let longestSlice = 0;
    const pause = async () => {
      const now = performance.now();
      if (now - last < SLICE_MS) return;
      longestSlice = Math.max(longestSlice, now - last);
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
    articleRoot = found.root;
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
    let places = 0;
    for (const row of rows) {
      await pause();
      for (const o of quotes[row.index].occurrences) {
        places++;
        const range = rangeFor(o.block, o.start, o.end, document);
        if (range) marks.add(row.index, row.verdict, row.misattributed, range, o.block);
      }
    }
    await pause();
    // Marks painted in one task, the panel placed and drawn in the next: each is a slice of its own.
    let tSlice = performance.now();
    marks.paint();
    const paintMs = performance.now() - tSlice;
    await yieldToPage();
    tSlice = performance.now();
    if (top) placePanel();
    state = { kind: 'done', rows };
    // A long list is drawn in steps, one task each; the scan is "done" when every row is there.
    shown = Math.min(rows.length, ROWS_STEP);
    setHost('quotes', rows.length);
    setHost('marks', marks.count);
    setHost('places', places);
    setHost('highlights', marks.supported ? 'css' : 'unsupported');
    setHost('markMs', (performance.now() - tChecked).toFixed(1));
    draw();
    let panelMs = performance.now() - tSlice;
    while (shown < rows.length) {
      await yieldToPage();
      if (disposed) return;
      tSlice = performance.now();
      shown = Math.min(rows.length, shown + ROWS_STEP);
      draw();
      panelMs = Math.max(panelMs, performance.now() - tSlice);
    }
    setHost('paintMs', paintMs.toFixed(1));
    setHost('panelMs', panelMs.toFixed(1));
    setHost('sliceMs', Math.max(longestSlice, paintMs, panelMs).toFixed(1));
    setHost('scanState', 'done');
    // Painted: the frame after this one has been rendered.
    requestAnimationFrame(() => setTimeout(() => setHost('scanMs', (performance.now() - t0).toFixed(1)), 0));
  } catch (e) {
    if (disposed) return;
    state = { kind: 'error', message: e instanceof Error ? e.message : String(e) };
    setHost('scanState', 'error');
    draw();
  }
}
