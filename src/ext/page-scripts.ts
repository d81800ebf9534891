/**
 * The scripts Verbatim puts into pages: where the reader's selection is (which frame), the
 * check-on-select registration, and re-injection into open tabs after an update.
 */
import { browser } from 'wxt/browser';
import { loadSettings } from './settings';
import { CARD_EXTRAS_FILE } from './card-extras-contract';

export const CONTENT_SCRIPT_FILE = '/content-scripts/content.js';
/** The check-on-select watcher (entrypoints/select-watch.ts): no Preact, no card. */
export const WATCH_SCRIPT_FILE = '/select-watch.js';
const SELECT_SCRIPT_ID = 'verbatim-check-on-select';
export const ALL_URLS = { origins: ['<all_urls>'] };

/**
 * The frame holding the reader's selection: the shortcut does not say which (a quote selected
 * inside an iframe is not the top page's selection). A focused inner frame with a selection
 * first, then any frame with one, else the top frame.
 */
export async function selectionFrame(tabId: number): Promise<number> {
  try {
    const found = await browser.scripting.executeScript({
      target: { tabId, allFrames: true },
      func: () => {
        const a = document.activeElement as HTMLInputElement | null;
        let inField = false;
        try {
          inField = !!a && a.selectionStart != null && a.selectionEnd != null && a.selectionEnd > a.selectionStart;
        } catch {
          inField = false;
        }
        return { focused: document.hasFocus(), selected: inField || !!document.getSelection()?.toString().trim() };
      },
    });
    const rank = (r: (typeof found)[number]) => (r.result?.focused ? 2 : 0) + (r.frameId !== 0 ? 1 : 0);
    const best = found.filter((r) => r.result?.selected).sort((x, y) => rank(y) - rank(x))[0];
    return best?.frameId ?? 0;
  } catch {
    return 0;
  }
}

/**
 * The check-on-select watcher: in every frame (quotes sit in embedded articles too), from
 * document_start so that its window listeners run before a page's own (pages that swallow
 * mouseup/keyup would otherwise hide every selection from it).
 */
const SELECT_SCRIPT = {
  id: SELECT_SCRIPT_ID,
  js: [WATCH_SCRIPT_FILE],
  matches: ['<all_urls>'],
  runAt: 'document_start' as const,
  allFrames: true,
  persistAcrossSessions: true,
};

/** Registers the check-on-select content script when the option is on and host access is granted; unregisters otherwise. */
export async function syncCheckOnSelect(): Promise<{ registered: boolean }> {
  const settings = await loadSettings();
  const granted = await browser.permissions.contains(ALL_URLS);
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SELECT_SCRIPT_ID] });
  const want = settings.checkOnSelect && granted;
  if (want && !existing.length) {
    await browser.scripting.registerContentScripts([SELECT_SCRIPT]);
  } else if (want) {
    // Registered by an earlier version: bring the registration up to date.
    await browser.scripting.updateContentScripts([SELECT_SCRIPT]);
  } else if (!want && existing.length) {
    await browser.scripting.unregisterContentScripts({ ids: [SELECT_SCRIPT_ID] });
  }
  return { registered: want };
}

/**
 * After an update, open pages still run the previous version's scripts, which can no longer
 * reach the extension: inject the new watcher (the old scripts step aside when it starts; the
 * card script comes with the next check).
 */
export async function reinjectOpenTabs(): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map((t) =>
      t.id == null
        ? undefined
        : browser.scripting.executeScript({ target: { tabId: t.id, allFrames: true }, files: [WATCH_SCRIPT_FILE] }).catch(() => undefined),
    ),
  );
}

/**
 * Puts the card extras script into the frame that asked for a check (the same access that let
 * the select-and-check script in: activeTab or check-on-select's host access). False when it
 * could not: the card then shows without those parts.
 */
export async function injectCardExtras(tabId: number, frameId: number): Promise<boolean> {
  try {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [CARD_EXTRAS_FILE] });
    return true;
  } catch {
    return false;
  }
}

/**
 * Puts the card script into the frame whose check-on-select button was pressed (the watcher
 * there runs under the same host access). Resolves once it ran.
 */
export async function injectCardScript(tabId: number | undefined, frameId: number | undefined): Promise<{ ok: true } | { ok: false; error: string }> {
  if (tabId == null || frameId == null) return { ok: false, error: 'no frame' };
  await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [CONTENT_SCRIPT_FILE] });
  return { ok: true };
}
