/**
 * Sources: the pure half (no browser or Node API; runs in the background worker, extension
 * pages, the CLI and tests). The browser half (IndexedDB store, Sources page, "Add this page",
 * the card) builds on these functions.
 *
 * ## Reading a source
 * - `parseSource({ name?, text? | bytes?, url?, title?, format?, encoding? })` → `{ ok: true, draft }`
 *   or `{ ok: false, error }` (one sentence for the reader: empty, binary, over 20 MB, unknown
 *   encoding, nothing readable). `bytes` are decoded by `decodeBytes` (BOM, UTF-16 without BOM,
 *   UTF-8, else GBK vs Big5 by score; `draft.encoding` names the result). The format comes from
 *   the file extension (`.txt .md .srt .vtt .html`), else from the content (`detectFormat`);
 *   pasted text: `format: 'paste'`. "Add this page": run Readability in the page, then pass its
 *   `content` (HTML) as `{ text, format: 'html', url, title }` and set `draft.format = 'page'`.
 * - `SourceDraft` = a `Source` without `id`, `addedAt`, `schemaVersion`, `enabled`, plus
 *   `warnings: string[]` (show them in the preview) and `encoding?`. Everything in it is
 *   editable before saving: title, date, url, recordingUrl, language (BCP 47), kind,
 *   `translationOf`, speaker names, and which speaker is `main` (exactly one when there are
 *   speakers: `setMainSpeaker`).
 * - Layouts (src/sources/layouts/): txt, md and pasted text are first matched against the
 *   transcript layouts Verbatim knows; `draft.layout` names the one read (`SourceLayout`; kept on
 *   the source), `draft.captions === 'automatic'` marks machine captions, `speaker.generic` a
 *   label that names no one (`Speaker 1`, `SPEAKER_00`, `Q`: ask the reader), `draft.parts` a
 *   file holding a text and then its translation (offer to store them as a pair; not stored).
 *   Title, date and recording URL come from the file's first lines and timestamp links.
 * - `paragraph.times`: every timed stretch merged into a paragraph, `[offset in text, seconds]`
 *   ascending, present when there are two or more (`paragraphInfo` carries it).
 * - `draftToSource(draft, id, addedAt)` → the `Source` to store (`SOURCE_SCHEMA_VERSION`, enabled).
 *
 * ## Checking
 * - `createMultiMatcher(entries, { maxLiveMatchers?, maxRelated? })` with one `SourceEntry` per
 *   source: `{ source, signature? }` for imported ones and
 *   `{ source: builtinSource(transcript), transcript, gloss }` for the built-in one. Disabled
 *   sources (`source.enabled === false`) are skipped. Keep the instance; call `setSources(entries)`
 *   when the list changes (unchanged sources keep their built matchers).
 *   - `check(text)` → `CheckResult` (same contract as the single matcher; every match and
 *     segment match carries `source: MatchSourceRef`, `speakerName`, `time` when known;
 *     `speaker` is amodei/host/editor for the built-in source, main/other otherwise).
 *   - `search(query, limit)` → `MultiSearchHit[]` for the popup's search box (each with `source`).
 *   - `signatures()` → id → `SourceSignature` (the prefilter's per-source Bloom filter, 128 KiB).
 * - **Persist the signature with each source** (`signatureOf(entry)` at save time; IndexedDB
 *   stores its `Uint32Array` as is; `encodeSignature`/`decodeSignature` give a string for JSON).
 *   With signatures a cold worker reads no source text until a quote leads to a source; only
 *   then is that source's matcher built (see `npm run bench`, "sources" section, for the cost).
 * - `checkAll(entries, text)`: a one-off check (builds what it needs each time).
 * - `sourceToTranscript(source)` → `{ transcript, paragraphInfo }`: a source in the matcher's shape
 *   (for the transcript page: paragraph kinds turn/intro/heading, speakers main/other).
 * - `builtinSource(transcript)`: the built-in CSDN interview as a `Source` (id `builtin`, kind
 *   `translation`, `zh-Hant`, the transcript's own paragraph and section ids).
 *
 * ## Times
 * - `formatClock(2467)` → "41:07"; `recordingLinkAt(source.recordingUrl, match.time)` → the link for
 *   "Hear it at 41:07" (YouTube `t=`, `#t=` for a media URL; null unless http(s)).
 *
 * ## Packs
 * - `exportPack(sources, pairs)` → `SourcePack` (`JSON.stringify` it to a file; the built-in source
 *   is left out). `validatePack(textOrJson)` → `{ ok: true, pack }` or `{ ok: false, error }`
 *   (not a pack, newer version, damaged source or pair, too big); import only an `ok` pack, in
 *   one transaction.
 */
import type { SourceDraft } from './draft';
import { SOURCE_SCHEMA_VERSION, type Source } from './model';

export * from './model';
export { decodeBytes, MAX_SOURCE_BYTES, type DecodeResult, type SourceEncoding } from './decode';
export { detectLanguage } from './language';
export type { SourceDraft } from './draft';
export { parseSource, detectFormat, SUPPORTED_EXTENSIONS, type SourceInput, type ParseResult, type ParsableFormat } from './parse';
export { builtinSource } from './builtin';
export { sourceToTranscript, type ParagraphInfo, type SourceTranscript } from './to-transcript';
export {
  createMultiMatcher,
  checkAll,
  signatureOf,
  searchIndexOf,
  sourceRef,
  type MultiMatcher,
  type MultiMatcherOptions,
  type MultiSearchHit,
  type SourceEntry,
} from './check-all';
export { encodeSignature, decodeSignature, isSignature, type SourceSignature } from './signature';
export { exportPack, validatePack, PACK_VERSION, type PackResult } from './pack';
export { formatClock, recordingLinkAt } from './time';

/** The source to store for a reviewed draft. */
export function draftToSource(draft: SourceDraft, id: string, addedAt: number): Source {
  const { warnings: _w, encoding: _e, parts: _p, ...rest } = draft;
  return { ...rest, schemaVersion: SOURCE_SCHEMA_VERSION, id, addedAt, enabled: true };
}

/** The same source with `speakerId` as its only main speaker. */
export function setMainSpeaker<T extends Pick<Source, 'speakers'>>(source: T, speakerId: string): T {
  return { ...source, speakers: source.speakers.map((s) => ({ ...s, main: s.id === speakerId })) };
}
