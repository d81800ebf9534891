/** Reads the current selection (text + where it is on screen) in a page. */
import type { Rect } from './position';

export interface PageSelection {
  text: string;
  /** Bounding rect in viewport coordinates, or null when it cannot be measured. */
  rect: Rect | null;
  /** Where the selection starts (a text node, or the form field holding it): the reader's place in the page. */
  start: Node | null;
}

/**
 * Longest selection sent to the background. The matcher checks only the start of a long
 * selection and says how long it was, so the cut must stay well above a whole article — it
 * only keeps a select-all on a huge page from going through messaging.
 */
export const MAX_SELECTION = 200_000;

function toRect(r: DOMRect | { top: number; left: number; width: number; height: number }): Rect {
  return { top: r.top, left: r.left, width: r.width, height: r.height };
}

export function readSelection(doc: Document = document): PageSelection {
  const active = doc.activeElement as HTMLInputElement | HTMLTextAreaElement | null;
  // Text selected inside a form field is not part of window.getSelection() in every browser.
  if (active && (active.tagName === 'TEXTAREA' || (active.tagName === 'INPUT' && /^(text|search|url)$/i.test(active.type)))) {
    const { selectionStart: s, selectionEnd: e } = active;
    if (s != null && e != null && e > s) {
      return { text: active.value.slice(s, e).trim().slice(0, MAX_SELECTION), rect: toRect(active.getBoundingClientRect()), start: active };
    }
  }
  const sel = doc.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return { text: '', rect: null, start: null };
  const text = sel.toString().trim().slice(0, MAX_SELECTION);
  const range = sel.getRangeAt(0);
  let rect: Rect | null = toRect(range.getBoundingClientRect());
  if (rect.width === 0 && rect.height === 0) {
    const rects = range.getClientRects();
    rect = rects.length ? toRect(rects[rects.length - 1]) : null;
  }
  return { text, rect, start: range.startContainer };
}

/** The rect of the last line of the selection: the check button goes there (like an "adder"). */
export function selectionEndRect(doc: Document = document): Rect | null {
  const sel = doc.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const rects = sel.getRangeAt(0).getClientRects();
  if (!rects.length) return null;
  return toRect(rects[rects.length - 1]);
}
