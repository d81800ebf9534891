/**
 * The Sources page's logic, apart from its components: reading a file or pasted text into a
 * draft (h9a's parseSource), turning a reviewed draft into a Source, reading a pack file, and
 * the page-side API over the background's messages.
 */
import { decodeBytes, MAX_SOURCE_BYTES } from '../sources/decode';
import type { SourceDraft } from '../sources/draft';
import { SOURCE_SCHEMA_VERSION, type Source, type SourcePack } from '../sources/model';
import { detectFormat, parseSource, type ParseResult } from '../sources/parse';
import { formatSize } from '../ui/counts';
import { extractArticle } from './extract-article';
import type { SourcePatch } from '../store/sources-store';
import {
  sendToBackground,
  type DraftResponse,
  type SearchHitView,
  type SourceSaveResponse,
  type SourcesSavePairResponse,
  type SourcesDeleteResponse,
  type SourcesExportResponse,
  type SourcesImportResponse,
  type SourcesListResponse,
  type SourcesUndoResponse,
  type SourceUpdateResponse,
} from './messages';

/** File types the file input offers. */
export const SOURCE_FILE_ACCEPT = '.txt,.md,.srt,.vtt,.html,.htm,text/plain,text/markdown,text/html,text/vtt';
/** A pack bigger than this is refused before it is read. */
export const MAX_PACK_BYTES = 64 * 1024 * 1024;

const escapeHtml = (x: string) => x.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** What the preview says about the file it read. */
export interface FileInfo {
  name: string;
  size: number;
  /** The HTML went through article extraction (menus, banners, notices left out). */
  extracted?: boolean;
}

export type FileParseResult = ParseResult & { file?: FileInfo };

/**
 * An HTML file's article, found the way "Add this page" finds a tab's (Readability on an inert
 * DOMParser document: nothing runs or loads), wrapped with its title so the html parser reads it
 * as it reads any page. Null when there is no DOMParser, no article, or the "article" is a small
 * part of the page's text (a transcript split over many blocks: the whole page is read then).
 */
export function articleOf(html: string): string | null {
  if (typeof DOMParser === 'undefined') return null;
  let doc: Document;
  try {
    doc = new DOMParser().parseFromString(html, 'text/html');
  } catch {
    return null;
  }
  const page = extractArticle(doc, '');
  if (!page.html) return null;
  const body = doc.body?.cloneNode(true) as HTMLElement | undefined;
  body?.querySelectorAll('script, style, noscript, template').forEach((e) => e.remove());
  const whole = (body?.textContent ?? '').replace(/\s+/g, ' ').trim().length;
  const kept = (page.text ?? '').replace(/\s+/g, ' ').trim().length;
  if (whole > 0 && kept < whole * 0.3) return null;
  // Readability lifts the byline out of the article; it goes back as the first line, where the
  // parser reads a date ("Recorded 11 February 2025") as it does in the page itself.
  const byline = page.byline ? `<p>${escapeHtml(page.byline)}</p>` : '';
  return `<!doctype html><html><head><title>${escapeHtml(page.title || doc.title || '')}</title></head><body>${byline}${page.html}</body></html>`;
}

/**
 * Reads a file the reader opened into a draft, or one sentence saying why it cannot be a source.
 * `locale`: the interface's, for the sizes in those sentences.
 */
export async function draftFromFile(file: Pick<File, 'name' | 'size' | 'arrayBuffer'>, locale = 'en'): Promise<FileParseResult> {
  if (file.size === 0) return { ok: false, error: `“${file.name}” is empty.` };
  // Refused before reading: a 50 MB file must not be loaded into the page at all.
  if (file.size > MAX_SOURCE_BYTES) {
    return { ok: false, error: `“${file.name}” is too large (${formatSize(file.size, locale)}); a source may be up to ${formatSize(MAX_SOURCE_BYTES, locale)}.` };
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return { ok: false, error: decoded.error };
  const info: FileInfo = { name: file.name, size: file.size };
  // An HTML file is cleaned like "Add this page": banners, logos, menus and cookie notices are not stored.
  const article = detectFormat(file.name, decoded.text) === 'html' ? articleOf(decoded.text) : null;
  if (article) info.extracted = true;
  const r = parseSource(article ? { name: file.name, text: article, format: 'html' } : { name: file.name, text: decoded.text });
  if (r.ok) r.draft.encoding = decoded.encoding;
  return { ...r, file: info };
}

export function draftFromPaste(text: string, title?: string): ParseResult {
  return parseSource({ text, format: 'paste', ...(title ? { title } : {}) });
}

/** The article "Add this page" extracted: Readability's cleaned HTML when there is some, else its text. */
export function draftFromPage(page: { title: string; url?: string; html?: string; text?: string; byline?: string }): ParseResult {
  const safeUrl = page.url && /^https?:\/\//i.test(page.url) ? page.url : undefined;
  const base = { title: page.title || undefined, ...(safeUrl ? { url: safeUrl } : {}) };
  // The byline Readability lifted out goes back as the first line: it may hold the date.
  const byline = page.byline ? `<p>${escapeHtml(page.byline)}</p>` : '';
  let r: ParseResult = page.html ? parseSource({ ...base, text: byline + page.html, format: 'html' }) : { ok: false, error: 'The page has no article.' };
  if (!r.ok && page.text) r = parseSource({ ...base, text: page.text, format: 'txt' });
  if (r.ok) r.draft.format = 'page';
  return r;
}

export function newSourceId(now = Date.now()): string {
  const rand = typeof crypto !== 'undefined' && crypto.randomUUID ? crypto.randomUUID().slice(0, 8) : Math.random().toString(36).slice(2, 10);
  return `src-${now.toString(36)}-${rand}`;
}

/** The reviewed draft as a Source to store (the draft's warnings and encoding stay behind). */
export function draftToSource(draft: SourceDraft, id = newSourceId(), now = Date.now()): Source {
  const { warnings: _w, encoding: _e, parts: _p, ...rest } = draft;
  const source: Source = { ...rest, schemaVersion: SOURCE_SCHEMA_VERSION, id, addedAt: now, enabled: true };
  for (const key of ['date', 'url', 'recordingUrl', 'translationOf'] as const) {
    const v = source[key];
    if (typeof v === 'string' && !v.trim()) delete source[key];
    else if (typeof v === 'string') source[key] = v.trim();
  }
  source.title = source.title.trim();
  return source;
}

/** Parses a pack file; one sentence when it is not JSON (the background validates the rest). */
export async function readPackFile(file: Pick<File, 'name' | 'size' | 'text'>, locale = 'en'): Promise<{ ok: true; pack: unknown } | { ok: false; error: string }> {
  if (file.size === 0) return { ok: false, error: `“${file.name}” is empty.` };
  if (file.size > MAX_PACK_BYTES) return { ok: false, error: `“${file.name}” is too large (${formatSize(file.size, 'en')}) to be a source pack.` };
  try {
    return { ok: true, pack: JSON.parse(await file.text()) as unknown };
  } catch {
    return { ok: false, error: `“${file.name}” is not a Verbatim source pack (it is not JSON).` };
  }
}

export function packFileName(pack: SourcePack): string {
  return `verbatim-sources-${pack.exportedAt.slice(0, 10)}.json`;
}

/** What the page asks the background. */
export const sourcesApi = {
  list: () => sendToBackground<SourcesListResponse>({ type: 'verbatim:sources:list' }),
  save: (source: Source) => sendToBackground<SourceSaveResponse>({ type: 'verbatim:sources:save', source }),
  savePair: (original: Source, translation: Source) => sendToBackground<SourcesSavePairResponse>({ type: 'verbatim:sources:save-pair', original, translation }),
  update: (id: string, patch: SourcePatch) => sendToBackground<SourceUpdateResponse>({ type: 'verbatim:sources:update', id, patch }),
  setEnabled: (id: string, enabled: boolean) => sendToBackground<SourceUpdateResponse>({ type: 'verbatim:sources:set-enabled', id, enabled }),
  remove: (ids?: string[]) => sendToBackground<SourcesDeleteResponse>({ type: 'verbatim:sources:delete', ...(ids ? { ids } : {}) }),
  undo: (ids: string[]) => sendToBackground<SourcesUndoResponse>({ type: 'verbatim:sources:undo', ids }),
  exportPack: () => sendToBackground<SourcesExportResponse>({ type: 'verbatim:sources:export' }),
  importPack: (pack: unknown) => sendToBackground<SourcesImportResponse>({ type: 'verbatim:sources:import', pack }),
  takeDraft: (id: string) => sendToBackground<DraftResponse>({ type: 'verbatim:sources:take-draft', id }),
  search: async (query: string): Promise<SearchHitView[]> => {
    const r = await sendToBackground({ type: 'verbatim:search', query, limit: 12 });
    return r.ok ? r.hits : [];
  },
};

export type SourcesApi = typeof sourcesApi;

/**
 * The side-by-side page of a source that takes part in a translation pair: its own when it is
 * marked as the translation of a listed source, else that of a listed source marked as its
 * translation; null when it is in no pair (deleted sources count as absent).
 */
export function parallelHref(
  source: { id: string; translationOf?: string; deletedAt?: number },
  listed: Array<{ id: string; translationOf?: string; deletedAt?: number }>,
): string | null {
  if (source.deletedAt) return null;
  const live = listed.filter((x) => !x.deletedAt);
  const translation =
    source.translationOf && source.translationOf !== source.id && live.some((x) => x.id === source.translationOf)
      ? source.id
      : live.find((x) => x.id !== source.id && x.translationOf === source.id)?.id;
  return translation ? `/parallel.html?translation=${encodeURIComponent(translation)}` : null;
}
