/** Message protocol between the content script / extension pages and the background. */
import { browser } from 'wxt/browser';
import type { Speaker } from '../types';
import type { Source, SourcePack } from '../sources/model';
import type { BuiltinSettings, SourcePatch, SourceSummary } from '../store/sources-store';
import type { Lang, Messages } from './i18n';
import type { CardModel, Script } from '../view/model';
import type { Person } from '../people/aliases';

export interface CheckRequest {
  type: 'verbatim:check';
  text: string;
  /**
   * Sent by the card script in a page: whether its frame holds the card extras already. Absent
   * (the popup): nothing is injected.
   */
  extras?: boolean;
}
/**
 * The check-on-select watcher's button was pressed in a frame without the card script: the
 * background injects it into that frame (and answers when it ran).
 */
export interface CardScriptRequest {
  type: 'verbatim:card-script';
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
  /** An imported source's id; absent for the built-in transcript. */
  sourceId?: string;
  /** A quote over several paragraphs: its part in each (offsets in that paragraph's text). */
  spans?: Array<{ paragraphId: string; start: number; end: number }>;
}
export interface StringsRequest {
  type: 'verbatim:strings';
}
/** The page scan asks for the reader's aliases of the speakers of enabled sources (Sources page). */
export interface PeopleRequest {
  type: 'verbatim:people';
}
export type PeopleResponse = { ok: true; people: Person[] } | { ok: false; error: string };
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

/**
 * The Sources page's messages. Every write answers `{ ok: true, … }` or `{ ok: false, error }`
 * with one sentence; a failed write changed nothing.
 */
export type SourcesRequest =
  /** Every stored source (deleted ones still in their undo window carry `deletedAt`) and the built-in one. */
  | { type: 'verbatim:sources:list' }
  /** One whole source (`builtin` for the built-in transcript in the model's shape). */
  | { type: 'verbatim:sources:get'; id: string }
  /** Saves a reviewed draft (a new id, or the id of a source to replace). */
  | { type: 'verbatim:sources:save'; source: Source }
  /** Saves a translation and its original read from one file, with their pair (`translation.translationOf` = `original.id`). */
  | { type: 'verbatim:sources:save-pair'; original: Source; translation: Source }
  /** Title (rename), date, links, language, kind, "translation of", speaker names, main speaker, enabled. */
  | { type: 'verbatim:sources:update'; id: string; patch: SourcePatch }
  | { type: 'verbatim:sources:set-enabled'; id: string; enabled: boolean }
  /** Soft delete; `ids` omitted = every source. Undo within `undoUntil`. */
  | { type: 'verbatim:sources:delete'; ids?: string[] }
  | { type: 'verbatim:sources:undo'; ids: string[] }
  | { type: 'verbatim:sources:export' }
  /** A parsed pack file (validated by the background before anything is written). */
  | { type: 'verbatim:sources:import'; pack: unknown }
  /** "Add this page": keeps the extracted article until the Sources page shows its preview. */
  | { type: 'verbatim:sources:put-draft'; draft: { title: string; url?: string; html?: string; text?: string; byline?: string } }
  /** Takes (reads and removes) a draft left by "Add this page". */
  | { type: 'verbatim:sources:take-draft'; id: string };

export type BackgroundRequest = CheckRequest | CardScriptRequest | SearchRequest | OpenRequest | StringsRequest | PeopleRequest | CheckBatchRequest | ScanRequest | SourcesRequest;

export type Fail = { ok: false; error: string };
export interface BuiltinSummary extends BuiltinSettings {
  id: 'builtin';
  title: string;
  language: string;
  date?: string;
  paragraphs: number;
  speakers: Array<{ id: string; name: string; main: boolean }>;
}
export type SourcesListResponse = { ok: true; sources: SourceSummary[]; builtin: BuiltinSummary } | Fail;
export type SourceGetResponse = { ok: true; source: Source } | Fail;
export type SourceSaveResponse = { ok: true; id: string } | Fail;
export type SourcesSavePairResponse = { ok: true; ids: string[] } | Fail;
export type SourceUpdateResponse = { ok: true } | Fail;
export type SourcesDeleteResponse = { ok: true; ids: string[]; undoUntil: number } | Fail;
export type SourcesUndoResponse = { ok: true; ids: string[] } | Fail;
export type SourcesExportResponse = { ok: true; pack: SourcePack } | Fail;
export type SourcesImportResponse = { ok: true; ids: string[] } | Fail;
export type DraftResponse = { ok: true; draft: { title: string; url?: string; text?: string; html?: string; byline?: string } } | Fail;

export interface Timing {
  /**
   * The worker started cold for this request: its first check since it started (its matchers were
   * loaded for it, by this request or by the start-up warm-up), or one whose matchers had to be
   * rebuilt (sources changed). `buildMs` says what this request itself built.
   */
  cold: boolean;
  /** Time to build the matcher, ms (0 when warm). */
  buildMs: number;
  /** Time of check() itself, ms. */
  checkMs: number;
  /** Time to read the enabled sources from IndexedDB, ms (only when they were (re)loaded). */
  loadMs?: number;
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
  /** An imported source (absent for the built-in transcript). */
  sourceId?: string;
  sourceTitle?: string;
  speakerName?: string;
  speakerUnnamed?: 'source' | 'paragraph';
  time?: number;
  /** Verbatim's English gloss of a built-in passage, for an English query: its snippet shows the words there. */
  gloss?: string;
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
export function sendToBackground(msg: CardScriptRequest): Promise<OpenResponse>;
export function sendToBackground(msg: SearchRequest): Promise<SearchResponse>;
export function sendToBackground(msg: OpenRequest): Promise<OpenResponse>;
export function sendToBackground(msg: StringsRequest): Promise<StringsResponse>;
export function sendToBackground(msg: PeopleRequest): Promise<PeopleResponse>;
export function sendToBackground(msg: CheckBatchRequest): Promise<CheckBatchResponse>;
export function sendToBackground(msg: ScanRequest): Promise<ScanResponse>;
export function sendToBackground<R = unknown>(msg: SourcesRequest): Promise<R>;
export async function sendToBackground(msg: BackgroundRequest): Promise<unknown> {
  // The MV3 worker can be stopped at any moment, also while it works on a request; the channel
  // then closes without an answer. Checks, searches, strings and reads are safe to ask again
  // (the next message starts a fresh worker); opening a tab and writes are not repeated (a
  // write may have committed before the worker stopped).
  const attempts = REPEATABLE.has(msg.type) ? MAX_ATTEMPTS : 1;
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
const REPEATABLE = new Set(['verbatim:check', 'verbatim:card-script', 'verbatim:check-batch', 'verbatim:search', 'verbatim:strings', 'verbatim:people', 'verbatim:sources:list', 'verbatim:sources:get', 'verbatim:sources:export']);
/** Chromium's and Firefox's messages for a receiver that went away before answering. */
const WORKER_GONE = /message (?:port|channel) closed|Receiving end does not exist|Could not establish connection|before a response was received/i;

export function isBackgroundRequest(x: unknown): x is BackgroundRequest {
  return !!x && typeof x === 'object' && typeof (x as { type?: unknown }).type === 'string' && (x as { type: string }).type.startsWith('verbatim:');
}
