/**
 * What every element Verbatim puts into a page shares (the card, the check button, the scan
 * panel): styles inside its shadow root that the page's CSP and CSS cannot touch, and a host
 * element that sits in the top layer, unscaled by the page's zoom. Plain DOM, no Preact: the
 * check-on-select watcher uses it too.
 */
import { scrolledFar, type Rect } from './position';

/** Adds a style sheet to a shadow root (after any it already has). */
export function applyStyles(root: ShadowRoot, css: string): void {
  // Constructable stylesheets are not inline styles, so a strict page CSP cannot block them.
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    // (a host's first sheet is assigned alone; a later one, such as the card extras', joins it)
    root.adoptedStyleSheets = root.adoptedStyleSheets.length ? [...root.adoptedStyleSheets, sheet] : [sheet];
    return;
  } catch {
    // Older engines / Firefox Xray wrappers: fall back to a <style> element.
  }
  const style = document.createElement('style');
  style.textContent = css;
  root.appendChild(style);
}

/**
 * Puts a host element into the page: its inline position styles (inline styles on the host win
 * over page rules for the element, bar !important), the page's `html { zoom }` undone, and the
 * top layer when the browser has it, out of the page's stacking contexts, overlays, transforms
 * and filters.
 */
export function mountHost(host: HTMLElement, cssText: string): void {
  host.style.cssText = cssText;
  document.documentElement.appendChild(host);
  const pageZoom = (document.documentElement as HTMLElement & { currentCSSZoom?: number }).currentCSSZoom;
  if (typeof pageZoom === 'number' && pageZoom > 0 && pageZoom !== 1) host.style.setProperty('--vb-zoom', String(1 / pageZoom));
  if (typeof host.showPopover === 'function') {
    host.popover = 'manual';
    try {
      host.showPopover();
    } catch {
      // Not possible here (e.g. a modal state): the host stays in the page's layers.
    }
  }
}

/** What closes a floating host: Esc, a click outside it, or scrolling its anchor far out of view. */
export interface Dismissal {
  /** `byUser`: the reader closed it; `restoreFocus` false after a click elsewhere (focus went where they clicked). */
  close(byUser: boolean, restoreFocus: boolean): void;
  /** The anchor in document coordinates, or null while there is none. */
  anchor(): Rect | null;
}

/** Listens for what dismisses a floating host; returns the function that stops listening. */
export function listenForDismissal(host: HTMLElement, d: Dismissal): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') d.close(true, true);
  };
  const onDown = (e: Event) => {
    // The click puts focus where the reader clicked: do not pull it back.
    if (!e.composedPath().includes(host)) d.close(true, false);
  };
  const onScroll = () => {
    const a = d.anchor();
    if (!a) return;
    if (scrolledFar({ ...a, top: a.top - window.scrollY }, { width: window.innerWidth, height: window.innerHeight })) d.close(true, true);
  };
  window.addEventListener('keydown', onKey, true);
  document.addEventListener('pointerdown', onDown, true);
  window.addEventListener('scroll', onScroll, { passive: true, capture: true });
  return () => {
    window.removeEventListener('keydown', onKey, true);
    document.removeEventListener('pointerdown', onDown, true);
    window.removeEventListener('scroll', onScroll, { capture: true } as EventListenerOptions);
  };
}

/** The inline styles of a host placed next to a selection (moved by --vb-top/--vb-left once measured). */
export const FLOATING_HOST_STYLE = 'position:absolute;top:0;left:0;z-index:2147483647;visibility:hidden;display:block;margin:0;padding:0;border:0;';
