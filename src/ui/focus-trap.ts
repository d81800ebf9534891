/**
 * Keeps Tab and Shift+Tab inside a dialog (the card lives in a shadow root, so the page's own
 * focus order would otherwise carry focus out of it and on through the page).
 */
const TABBABLE = 'a[href], button, input, select, textarea, summary, [tabindex], [contenteditable="true"]';

/** The elements Tab visits inside `container`, in document order. */
export function tabbables(container: ParentNode): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(TABBABLE)].filter((el) => {
    if (el.tabIndex < 0 || (el as HTMLButtonElement).disabled || el.closest('[hidden], [inert]')) return false;
    // Not rendered (display: none, visibility: hidden): the browser skips it too.
    const visible = (el as HTMLElement & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
    return typeof visible === 'function' ? visible.call(el, { visibilityProperty: true }) : true;
  });
}

/**
 * Where Tab (or Shift+Tab when `backwards`) must go from `active` to stay inside `container`,
 * or null when the browser's own move already stays inside.
 */
export function trapTab(container: HTMLElement, active: Element | null, backwards: boolean): HTMLElement | null {
  const items = tabbables(container);
  if (!items.length) return container;
  const first = items[0];
  const last = items[items.length - 1];
  const at = active ? items.indexOf(active as HTMLElement) : -1;
  if (at < 0) return backwards ? last : first;
  if (backwards && at === 0) return last;
  if (!backwards && at === items.length - 1) return first;
  return null;
}
