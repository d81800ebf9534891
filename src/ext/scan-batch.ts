/**
 * The background's answer to a page scan: every quote checked, in order. `check` is the one
 * place a quote is judged (the sources service: every enabled source).
 */
import { browser } from 'wxt/browser';
import type { CardModel } from '../view/model';

/** A page can hold hundreds of quotes; more than this is not an article. */
export const MAX_BATCH = 400;

export async function checkBatch(
  texts: unknown,
  check: (text: string) => CardModel | Promise<CardModel>,
): Promise<{ cards: CardModel[]; checkMs: number }> {
  const list = Array.isArray(texts) ? texts.slice(0, MAX_BATCH).map((x) => String(x ?? '')) : [];
  const t0 = typeof performance !== 'undefined' ? performance.now() : Date.now();
  // One at a time: the sources are loaded once by the first check, then reused.
  const cards: CardModel[] = [];
  for (const text of list) cards.push(await check(text));
  const t1 = typeof performance !== 'undefined' ? performance.now() : Date.now();
  return { cards, checkMs: Math.round((t1 - t0) * 100) / 100 };
}

const SCAN_SCRIPT_FILE = '/scan.js';

/**
 * Injects the scan script into the tab's frames (those activeTab lets us script: the top page
 * and its same-origin frames); it finds, checks and marks the quotes itself.
 */
export async function scanTab(tabId: number): Promise<{ started: boolean; frames: number }> {
  try {
    const r = await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: [SCAN_SCRIPT_FILE] });
    return { started: true, frames: r.length };
  } catch {
    // A frame refused: the top page alone.
    const r = await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [SCAN_SCRIPT_FILE] });
    return { started: true, frames: r.length };
  }
}
