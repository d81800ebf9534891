/**
 * "Add this page" from the popup: the click grants activeTab on the reader's tab, so the
 * extractor (entrypoints/extract-article.ts, Readability on a clone of the document) may run
 * there once. Its result is kept as a draft in the store and the Sources page shows it as a
 * preview: nothing becomes a source until the reader saves it. No new permission.
 */
import { browser } from 'wxt/browser';
import type { ExtractedPage } from './extract-article';
import { sendToBackground } from './messages';

const EXTRACTOR = '/extract-article.js';

/** Extracts the tab's article and stores it as a draft; resolves with the draft's id. */
export async function extractPage(tabId: number): Promise<string> {
  const [first] = await browser.scripting.executeScript({ target: { tabId }, files: [EXTRACTOR] });
  const page = first?.result as ExtractedPage | undefined;
  if (!page || (!page.html && !page.text?.trim())) throw new Error('This page has no text to add.');
  const r = await sendToBackground<{ ok: true; id: string } | { ok: false; error: string }>({
    type: 'verbatim:sources:put-draft',
    draft: { title: String(page.title ?? ''), url: String(page.url ?? ''), ...(page.html ? { html: page.html } : {}), ...(page.text ? { text: page.text } : {}), ...(page.byline ? { byline: String(page.byline) } : {}) },
  });
  if (!r.ok) throw new Error(r.error);
  return r.id;
}
