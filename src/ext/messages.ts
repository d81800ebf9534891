/** Message protocol between the content script / extension pages and the background. */
import { browser } from 'wxt/browser';
import type { Speaker } from '../types';
import type { Lang, Messages } from './i18n';
import type { CardModel, Script } from './view';

export interface CheckRequest {
  type: 'verbatim:check';
  text: string;
}
export interface SearchRequest {
  type: 'verbatim:search';
  query: string;
  limit?: number;
}
export interface OpenRequest {
  type: 'verbatim:open';
  sectionId: string;
  paragraphId: string;
  start?: number;
  end?: number;
  script?: Script;
}
export interface StringsRequest {
  type: 'verbatim:strings';
}
/** Every quote of a page scan in one message; the answers come back in the same order. */
export interface CheckBatchRequest {
  type: 'verbatim:check-batch';
  texts: string[];
}
/** The popup's "Check this page": the background injects the scan script into the tab. */
export interface ScanRequest {
  type: 'verbatim:scan';
  tabId: number;
}
export type BackgroundRequest = CheckRequest | SearchRequest | OpenRequest | StringsRequest | CheckBatchRequest | ScanRequest;

export interface Timing {
  /** The matcher had to be (re)built for this request (worker started cold). */
  cold: boolean;
  /** Time to build the matcher, ms (0 when warm). */
  buildMs: number;
  /** Time of check() itself, ms. */
  checkMs: number;
}

export interface StringsResponse {
  ok: true;
  lang: Lang;
  messages: Messages;
}
export type CheckResponse =
  | { ok: true; card: CardModel; lang: Lang; messages: Messages; timing: Timing }
  | { ok: false; error: string };

export type CheckBatchResponse =
  | { ok: true; cards: CardModel[]; lang: Lang; messages: Messages; checkMs: number }
  | { ok: false; error: string };
export type ScanResponse = { ok: true; started: boolean; frames: number; reason?: string } | { ok: false; error: string };

export interface SearchHitView {
  paragraphId: string;
  sectionId: string;
  sectionTitle: string;
  speaker: Speaker;
  text: string;
  score: number;
}
export type SearchResponse = { ok: true; hits: SearchHitView[]; lang: Lang; messages: Messages } | { ok: false; error: string };
export type OpenResponse = { ok: true } | { ok: false; error: string };

/** Background → content script: show the card for the current selection. */
export interface ShowCardMessage {
  type: 'verbatim:show';
  /** Selection text as the browser saw it (context menu), used when the page selection is gone. */
  selectionText?: string;
  trigger: 'menu' | 'command' | 'popup' | 'select';
}
export interface ShowCardResult {
  shown: boolean;
  reason?: string;
}

export function sendToBackground(msg: CheckRequest): Promise<CheckResponse>;
export function sendToBackground(msg: SearchRequest): Promise<SearchResponse>;
export function sendToBackground(msg: OpenRequest): Promise<OpenResponse>;
export function sendToBackground(msg: StringsRequest): Promise<StringsResponse>;
export function sendToBackground(msg: CheckBatchRequest): Promise<CheckBatchResponse>;
export function sendToBackground(msg: ScanRequest): Promise<ScanResponse>;
export async function sendToBackground(msg: BackgroundRequest): Promise<unknown> {
  // The MV3 worker can be stopped at any moment, also while it works on a request; the channel
  // then closes without an answer. Checks, searches and strings are safe to ask again (the next
  // message starts a fresh worker); opening a tab is not repeated.
  const attempts = msg.type === 'verbatim:open' || msg.type === 'verbatim:scan' ? 1 : MAX_ATTEMPTS;
  for (let attempt = 1; ; attempt++) {
    try {
      const r = await browser.runtime.sendMessage(msg);
      if (r !== undefined || attempt >= attempts) return r;
    } catch (e) {
      if (attempt >= attempts || !WORKER_GONE.test(e instanceof Error ? e.message : String(e))) throw e;
    }
    await new Promise((done) => setTimeout(done, 50 * attempt));
  }
}

const MAX_ATTEMPTS = 3;
/** Chromium's and Firefox's messages for a receiver that went away before answering. */
const WORKER_GONE = /message (?:port|channel) closed|Receiving end does not exist|Could not establish connection|before a response was received/i;

export function isBackgroundRequest(x: unknown): x is BackgroundRequest {
  return !!x && typeof x === 'object' && typeof (x as { type?: unknown }).type === 'string' && (x as { type: string }).type.startsWith('verbatim:');
}
