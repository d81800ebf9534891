/**
 * The <verbatim-card> shadow host: creates it, renders the Preact card into an open shadow
 * root (styles inside, `:host { all: initial }`), places it next to the selection and closes
 * it on Esc, a click outside, or a long scroll.
 */
import { h, render, type VNode } from 'preact';
import type { T } from './i18n';
import { placeCard, type Rect } from './position';
import { CARD_CORE_CSS } from '../ui/styles';
import { I18nContext } from '../ui/i18n-context';
import { returnFocus } from './focus-return';
import { FLOATING_HOST_STYLE, applyStyles, listenForDismissal, mountHost } from './page-host';

export interface HostOptions {
  /** Custom element name of the host. */
  tag: string;
  /** Called after the host closed itself (Esc, click outside, scroll). */
  onClosed?: () => void;
  /** Close on a click outside / Esc / long scroll. */
  dismissable?: boolean;
  /** Where focus goes back to when the card closes (default: the element focused when it opened). */
  returnFocus?: Element | null;
  /** Start of the selection: focus goes there when nothing was focused before (see focus-return.ts). */
  readingPosition?: Node | null;
}

export class FloatingHost {
  readonly host: HTMLElement;
  readonly root: ShadowRoot;
  private readonly mount: HTMLElement;
  /** Anchor in document coordinates (stable under scrolling). */
  private anchorDoc: Rect | null = null;
  private cleanup: Array<() => void> = [];
  private closed = false;
  /** Style sheets added after the core styles (the card extras' own). */
  private readonly styles = new Set<string>();
  /** Where keyboard focus was before the card took it; given back when the card closes with focus inside. */
  readonly previousFocus: Element | null;

  constructor(private readonly opts: HostOptions) {
    this.previousFocus = opts.returnFocus !== undefined ? opts.returnFocus : document.activeElement;
    this.host = document.createElement(opts.tag);
    this.root = this.host.attachShadow({ mode: 'open' });
    applyStyles(this.root, CARD_CORE_CSS);
    this.mount = document.createElement('div');
    this.root.appendChild(this.mount);
    mountHost(this.host, FLOATING_HOST_STYLE);
    if (opts.dismissable !== false) this.listen();
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  /** Adds the styles of parts rendered inside (once per host). */
  addStyles(css: string): void {
    if (this.styles.has(css)) return;
    this.styles.add(css);
    applyStyles(this.root, css);
  }

  /** Renders `node` (with the translator) and places the host next to `anchor` (viewport coordinates). */
  show(node: VNode<any>, t: T, anchor: Rect | null, prefer: 'below' | 'above' = 'below'): void {
    render(h(I18nContext.Provider, { value: t }, node), this.mount);
    const fallback: Rect = { top: 16, left: window.innerWidth - 24, width: 0, height: 0 };
    const a = anchor && (anchor.width || anchor.height) ? anchor : fallback;
    this.anchorDoc = { ...a, top: a.top + window.scrollY, left: a.left + window.scrollX };
    this.place(prefer);
  }

  /** Re-measures and re-places the host (after the content changed size). */
  place(prefer: 'below' | 'above' = 'below'): void {
    if (!this.anchorDoc) return;
    const el = this.mount.firstElementChild as HTMLElement | null;
    if (el) el.style.maxHeight = '';
    const box = el?.getBoundingClientRect();
    const size = { width: box?.width ?? 0, height: box?.height ?? 0 };
    const anchor = { ...this.anchorDoc, top: this.anchorDoc.top - window.scrollY, left: this.anchorDoc.left - window.scrollX };
    const viewport = { width: document.documentElement.clientWidth || window.innerWidth, height: window.innerHeight };
    const p = placeCard(anchor, size, viewport, { prefer });
    if (el && p.maxHeight != null) el.style.maxHeight = `${p.maxHeight}px`;
    this.host.style.top = `${p.top + window.scrollY}px`;
    this.host.style.left = `${p.left + window.scrollX}px`;
    this.host.style.visibility = 'visible';
    // What the shadow stylesheet's :host rule reads (it wins over any page rule on the host).
    this.host.style.setProperty('--vb-top', this.host.style.top);
    this.host.style.setProperty('--vb-left', this.host.style.left);
    this.host.style.setProperty('--vb-visibility', 'visible');
    this.host.dataset.side = p.side;
  }

  contains(target: EventTarget | null, path?: EventTarget[]): boolean {
    return (path ?? []).includes(this.host) || target === this.host;
  }

  private listen(): void {
    this.cleanup.push(
      listenForDismissal(this.host, {
        close: (byUser, restoreFocus) => this.close(byUser, { restoreFocus }),
        anchor: () => this.anchorDoc,
      }),
    );
  }

  /** Whether keyboard focus is inside the card (the page sees the shadow host as focused). */
  get hasFocus(): boolean {
    return document.activeElement === this.host;
  }

  /**
   * Removes the card. When focus was inside it, focus goes back where it was before the card
   * opened (or to the selection), unless `restoreFocus` is false or another card replaces this one
   * (`byUser` false: the new card takes focus itself).
   */
  close(byUser = false, { restoreFocus = true }: { restoreFocus?: boolean } = {}): void {
    if (this.closed) return;
    this.closed = true;
    for (const f of this.cleanup) f();
    this.cleanup = [];
    // Read before the content goes: once it is removed, focus has already fallen to <body>.
    const hadFocus = this.hasFocus;
    render(null, this.mount);
    this.host.remove();
    if (byUser && hadFocus && restoreFocus) returnFocus(this.previousFocus, this.opts.readingPosition ?? null);
    if (byUser) this.opts.onClosed?.();
  }
}
