/**
 * Source packs: every imported source and every pair in one versioned JSON file, to move a
 * reader's sources to another browser. `validatePack` checks everything before anything is
 * stored (the store writes a valid pack in one transaction, so a bad file changes nothing) and
 * says what is wrong in one sentence.
 */
import {
  BUILTIN_SOURCE_ID,
  SOURCE_SCHEMA_VERSION,
  type PairLink,
  type Source,
  type SourceFormat,
  type SourceKind,
  type SourcePack,
  type SourcePair,
} from './model';

export const PACK_FORMAT = 'verbatim-source-pack';
export const PACK_VERSION = 1;
/** Largest pack accepted, in characters of JSON (about 50 sources of 1 M characters). */
export const MAX_PACK_CHARS = 64 * 1024 * 1024;

export type PackResult = { ok: true; pack: SourcePack } | { ok: false; error: string };

/** The pack of `sources` (the built-in one is left out: every install has it) and their pairs. */
export function exportPack(sources: Source[], pairs: SourcePair[], now: Date = new Date()): SourcePack {
  const kept = sources.filter((s) => s.id !== BUILTIN_SOURCE_ID);
  const ids = new Set([...kept.map((s) => s.id), BUILTIN_SOURCE_ID]);
  return {
    format: PACK_FORMAT,
    version: PACK_VERSION,
    exportedAt: now.toISOString(),
    sources: kept.map((s) => structuredCloneSource(s)),
    pairs: pairs.filter((p) => ids.has(p.translationId) && ids.has(p.originalId)),
  };
}

function structuredCloneSource(s: Source): Source {
  return JSON.parse(JSON.stringify(s)) as Source;
}

const KINDS: SourceKind[] = ['original', 'translation', 'gloss'];
const FORMATS: SourceFormat[] = ['builtin', 'paste', 'txt', 'md', 'srt', 'vtt', 'html', 'page'];

const isStr = (x: unknown): x is string => typeof x === 'string';
const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Why `x` is not a valid source, or null when it is. */
export function sourceProblem(x: unknown): string | null {
  if (!isObj(x)) return 'it is not an object';
  if (!isStr(x.id) || x.id.length === 0) return 'it has no id';
  if (x.id === BUILTIN_SOURCE_ID) return 'it claims the built-in source’s id';
  if (typeof x.schemaVersion !== 'number') return 'it has no schema version';
  if (x.schemaVersion > SOURCE_SCHEMA_VERSION) return `it was saved by a newer Verbatim (schema ${x.schemaVersion})`;
  if (!isStr(x.title)) return 'it has no title';
  if (!isStr(x.language) || !/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(x.language)) return 'its language is not a language tag';
  if (!KINDS.includes(x.kind as SourceKind)) return 'its kind is not original, translation or gloss';
  if (!FORMATS.includes(x.format as SourceFormat)) return 'its format is unknown';
  if (x.date !== undefined && (!isStr(x.date) || !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(x.date))) return 'its date is not a yyyy-mm-dd date';
  for (const k of ['url', 'recordingUrl', 'translationOf', 'layout'] as const) if (x[k] !== undefined && !isStr(x[k])) return `its ${k} is not text`;
  if (x.captions !== undefined && x.captions !== 'automatic') return 'its captions mark is unknown';
  if (typeof x.addedAt !== 'number' || typeof x.enabled !== 'boolean') return 'it lacks its date added or enabled flag';
  if (!Array.isArray(x.speakers) || !Array.isArray(x.sections) || !Array.isArray(x.paragraphs)) return 'it lacks speakers, sections or paragraphs';
  const speakerIds = new Set<string>();
  for (const s of x.speakers) {
    if (!isObj(s) || !isStr(s.id) || !isStr(s.name) || typeof s.main !== 'boolean') return 'one of its speakers is malformed';
    if (speakerIds.has(s.id)) return `speaker ${s.id} appears twice`;
    speakerIds.add(s.id);
  }
  if ((x.speakers as Array<{ main: boolean }>).filter((s) => s.main).length > 1) return 'it has more than one main speaker';
  const paragraphIds = new Set<string>();
  const sectionIds = new Set<string>();
  for (const s of x.sections) {
    if (!isObj(s) || !isStr(s.id) || !isStr(s.title) || !Array.isArray(s.paragraphIds) || !s.paragraphIds.every(isStr)) return 'one of its sections is malformed';
    sectionIds.add(s.id);
  }
  if (x.paragraphs.length === 0) return 'it has no paragraphs';
  for (const p of x.paragraphs) {
    if (!isObj(p) || !isStr(p.id) || !isStr(p.sectionId) || !isStr(p.text)) return 'one of its paragraphs is malformed';
    if (paragraphIds.has(p.id)) return `paragraph ${p.id} appears twice`;
    paragraphIds.add(p.id);
    if (!['heading', 'turn', 'text'].includes(p.kind as string)) return `paragraph ${p.id} has an unknown kind`;
    if (!sectionIds.has(p.sectionId)) return `paragraph ${p.id} is in a section that does not exist`;
    if (p.speakerId !== null && !(isStr(p.speakerId) && speakerIds.has(p.speakerId))) return `paragraph ${p.id} names a speaker that does not exist`;
    if (p.turnId !== null && !isStr(p.turnId)) return `paragraph ${p.id} has a malformed turn id`;
    if (p.time !== undefined && (typeof p.time !== 'number' || !Number.isFinite(p.time) || p.time < 0)) return `paragraph ${p.id} has a malformed time`;
    if (p.times !== undefined && (!Array.isArray(p.times) || !p.times.every((t: unknown) => Array.isArray(t) && t.length === 2 && t.every((n) => typeof n === 'number' && Number.isFinite(n) && n >= 0)))) return `paragraph ${p.id} has malformed times`;
  }
  for (const s of x.sections as Array<{ paragraphIds: string[] }>) {
    if (!s.paragraphIds.every((id) => paragraphIds.has(id))) return 'a section lists a paragraph that does not exist';
  }
  return null;
}

function linkOk(l: unknown): l is PairLink {
  return isObj(l) && Array.isArray(l.translation) && l.translation.every(isStr) && Array.isArray(l.original) && l.original.every(isStr);
}

/** A pack from a file (its text or parsed JSON), checked whole. */
export function validatePack(input: unknown): PackResult {
  let json = input;
  if (typeof input === 'string') {
    if (input.length > MAX_PACK_CHARS) return { ok: false, error: `This pack is too big (${(input.length / 1024 / 1024).toFixed(0)} MB); Verbatim accepts packs up to ${MAX_PACK_CHARS / 1024 / 1024} MB.` };
    try {
      json = JSON.parse(input);
    } catch {
      return { ok: false, error: 'This file is not a Verbatim source pack (it is not JSON).' };
    }
  }
  if (!isObj(json) || json.format !== PACK_FORMAT) return { ok: false, error: 'This file is not a Verbatim source pack.' };
  if (typeof json.version !== 'number' || !Number.isInteger(json.version) || json.version < 1) return { ok: false, error: 'This source pack has no valid version number.' };
  if (json.version > PACK_VERSION) return { ok: false, error: `This source pack was made by a newer version of Verbatim (pack version ${json.version}); update Verbatim to import it.` };
  if (!Array.isArray(json.sources) || !Array.isArray(json.pairs)) return { ok: false, error: 'This source pack is damaged: it lacks its list of sources or pairs.' };
  const ids = new Set<string>();
  for (let i = 0; i < json.sources.length; i++) {
    const s = json.sources[i];
    const problem = sourceProblem(s);
    const name = isObj(s) && isStr(s.title) && s.title ? `“${s.title.slice(0, 60)}”` : `number ${i + 1}`;
    if (problem) return { ok: false, error: `Source ${name} in this pack is damaged: ${problem}.` };
    const id = (s as Source).id;
    if (ids.has(id)) return { ok: false, error: `Source ${name} appears twice in this pack.` };
    ids.add(id);
  }
  ids.add(BUILTIN_SOURCE_ID);
  for (const p of json.pairs) {
    if (!isObj(p) || !isStr(p.translationId) || !isStr(p.originalId) || !Array.isArray(p.links) || !p.links.every(linkOk) || typeof p.updatedAt !== 'number') {
      return { ok: false, error: 'A pair of translated paragraphs in this pack is damaged.' };
    }
    if (!ids.has(p.translationId) || !ids.has(p.originalId)) return { ok: false, error: 'A pair in this pack links a source the pack does not hold.' };
  }
  return {
    ok: true,
    pack: {
      format: PACK_FORMAT,
      version: json.version,
      exportedAt: isStr(json.exportedAt) ? json.exportedAt : '',
      sources: json.sources as Source[],
      pairs: json.pairs as SourcePair[],
    },
  };
}
