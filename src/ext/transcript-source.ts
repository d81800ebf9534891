/** The transcript page's `?source=<id>`: a reader's source in the page's transcript shape. */
import type { Transcript } from '../types';
import type { Source } from '../sources/model';
import { sourceToTranscript, type ParagraphInfo } from '../sources/to-transcript';
import { sendToBackground, type SourceGetResponse } from './messages';

export type ImportedTranscript =
  | { ok: true; transcript: Transcript; imported: { id: string; info: Map<string, ParagraphInfo>; language: string; date?: string } }
  | { ok: false; error: string };

export function importedTranscript(source: Source): ImportedTranscript {
  const { transcript, paragraphInfo } = sourceToTranscript(source);
  return { ok: true, transcript, imported: { id: source.id, info: paragraphInfo, language: source.language, ...(source.date ? { date: source.date } : {}) } };
}

/** Null for the built-in transcript (no id, or `builtin`). */
export async function loadImportedSource(id: string | null): Promise<ImportedTranscript | null> {
  if (!id || id === 'builtin') return null;
  const r = await sendToBackground<SourceGetResponse>({ type: 'verbatim:sources:get', id });
  return r.ok ? importedTranscript(r.source) : { ok: false, error: r.error };
}
