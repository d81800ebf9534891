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
export type BackgroundRequest = CheckRequest | SearchRequest | OpenRequest | StringsRequest;

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
export function sendToBackground(msg: BackgroundRequest): Promise<unknown> {
  return browser.runtime.sendMessage(msg);
}

export function isBackgroundRequest(x: unknown): x is BackgroundRequest {
  return !!x && typeof x === 'object' && typeof (x as { type?: unknown }).type === 'string' && (x as { type: string }).type.startsWith('verbatim:');
}
