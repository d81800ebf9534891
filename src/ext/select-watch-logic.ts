/**
 * What the check-on-select watcher (select-watch.ts) and the card script (content-app.ts) share
 * in a frame, and the watcher's pure decisions. The two scripts run in the same isolated world
 * (a registered content script and one injected with scripting.executeScript), so they meet
 * on window properties the page cannot see.
 */
import type { PageSelection } from './selection';

export const CARD_TAG = 'verbatim-card';
export const BUTTON_TAG = 'verbatim-check';
/** Window property of the card script's instance in this world. */
export const CONTENT_REGISTRY = '__verbatimContent__';
/** Window property of the watcher's instance in this world. */
export const WATCH_REGISTRY = '__verbatimWatch__';
/** DOM event a new card script fires so that card scripts of an older version (another world) step aside. */
export const CONTENT_TAKEOVER = 'verbatim-content-takeover';
/** The same for watchers. */
export const WATCH_TAKEOVER = 'verbatim-watch-takeover';
/** A keyboard selection grows one key press at a time: the check button waits until it rests. */
export const KEY_SELECTION_SETTLE_MS = 400;
/** A selection that rests this long without a selection-end event counts as finished. */
export const SELECTION_SETTLE_MS = 500;

/** What the check button remembers of the moment it appeared: the selection, and where focus was. */
export interface SelectionOrigin {
  selection: PageSelection;
  focus: Element | null;
  /** performance.now() of the click on the check button (the "selection → card painted" clock starts there). */
  at?: number;
}

export interface ContentRegistry {
  dispose(): void;
  /** Shows the card for the selection the check button remembered. */
  showFor(origin: SelectionOrigin): void;
}

export interface WatchRegistry {
  dispose(): void;
  /** Removes the check button (a card is about to show). */
  hide(): void;
  /** The check button's host, while it is on the page. */
  button(): Element | null;
  /** The selection and focus the check button remembered, while it is on the page. */
  origin(): SelectionOrigin | null;
}

export type SelectionBy = 'pointer' | 'keyboard';

type Key = Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey'>;

/** Keys that make or grow a selection (Shift+arrows, Shift+Home/End/PageUp/PageDown, select all). */
export function selectsText(e: Key): boolean {
  if (e.key === 'Shift') return true;
  if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'a') return true;
  return e.shiftKey && /^(Arrow|Home|End|Page)/.test(e.key);
}

/** How long to wait after a selection-end event before reading the selection (a keyboard selection, until it rests). */
export function settleDelay(eventType: string): number {
  return eventType === 'keyup' ? KEY_SELECTION_SETTLE_MS : 10;
}

/**
 * After a keyboard selection the check button is one Tab away: the first plain Tab goes to it
 * (it sits at the end of the document, out of reading order); later Tabs follow the page.
 */
export function tabsIntoButton(e: Key, state: { button: boolean; tabUsed: boolean; by: SelectionBy; buttonFocused: boolean }): boolean {
  if (e.key !== 'Tab' || e.shiftKey || e.altKey || e.ctrlKey || e.metaKey) return false;
  return state.button && !state.tabUsed && state.by === 'keyboard' && !state.buttonFocused;
}

/** Whether an event happened inside one of Verbatim's own hosts (the card or the check button). */
export function fromOwnHost(path: readonly EventTarget[]): boolean {
  return path.some((n) => {
    const name = (n as Element).localName;
    return name === CARD_TAG || name === BUTTON_TAG;
  });
}

/**
 * Whether a selection that rested without any selection-end event gets the check button: only
 * a non-empty one the reader just made (a page selecting text by script gets none), and not
 * text selected inside our own hosts (it shows up retargeted to <html> or to the host).
 */
export function settledSelectionCounts(s: { text: string; anchorIsRoot: boolean; anchorIsOwnHost: boolean; endSeen: boolean; userActive: boolean | undefined }): boolean {
  if (s.endSeen || !s.text.trim() || s.anchorIsRoot || s.anchorIsOwnHost) return false;
  return s.userActive !== false;
}
