/**
 * Gives keyboard focus back when the card closes: to the element that had it before, or, when
 * nothing had it (the selection was made in plain text), to the element where the selection
 * starts, made focusable for as long as it holds focus, so that the next Tab goes on from the
 * reader's place instead of from the top of the page.
 */

function isPageElement(el: Element | null | undefined, doc: Document): el is HTMLElement {
  return !!el && el.isConnected && el !== doc.body && el !== doc.documentElement && typeof (el as HTMLElement).focus === 'function';
}

/** The element that holds `node` (a text node's parent). */
export function elementOf(node: Node | null | undefined): Element | null {
  if (!node) return null;
  return node.nodeType === 1 ? (node as Element) : node.parentElement;
}

export function returnFocus(previous: Element | null, readingPosition: Node | null, doc: Document = document): Element | null {
  if (isPageElement(previous, doc)) {
    previous.focus({ preventScroll: true });
    if (doc.activeElement === previous) return previous;
  }
  const el = elementOf(readingPosition);
  if (!isPageElement(el, doc)) return null;
  if (el.tabIndex < 0 && !el.hasAttribute('tabindex')) {
    el.setAttribute('tabindex', '-1');
    el.addEventListener('blur', () => el.removeAttribute('tabindex'), { once: true });
  }
  el.focus({ preventScroll: true });
  return doc.activeElement === el ? el : null;
}
