/**
 * Brings a stored source record up to the current model (SOURCE_SCHEMA_VERSION). Pure. A record
 * is transformed, never dropped: fields that an older shape lacked get the value that older
 * release implied.
 */
import { SOURCE_SCHEMA_VERSION, type Source, type SourceParagraph, type SourceSpeaker } from '../sources/model';
import type { StoredSource } from './records';

type Loose = Record<string, unknown>;

/** Returns the same object when it is already current (so callers can skip the write). */
export function migrateSourceRecord(raw: StoredSource | Loose): StoredSource {
  const r = raw as Loose;
  const version = typeof r.schemaVersion === 'number' ? r.schemaVersion : 0;
  // A record from a newer release is kept untouched: this release cannot know its shape.
  if (version >= SOURCE_SCHEMA_VERSION) return raw as StoredSource;
  let out: Loose = { ...r };
  if (version < 1) out = fromV0(out);
  out.schemaVersion = SOURCE_SCHEMA_VERSION;
  return out as unknown as StoredSource;
}

/**
 * Version 0: the draft shape before the shared model (no `kind`, `format`, `enabled`, `sections`;
 * speakers without `main`; paragraphs without `kind`/`turnId`/`sectionId`).
 */
function fromV0(r: Loose): Loose {
  const paragraphs = (Array.isArray(r.paragraphs) ? r.paragraphs : []) as Array<Partial<SourceParagraph> & Loose>;
  const speakers = (Array.isArray(r.speakers) ? r.speakers : []) as Array<Partial<SourceSpeaker> & Loose>;
  const fixedParagraphs: SourceParagraph[] = paragraphs.map((p, i) => ({
    id: typeof p.id === 'string' ? p.id : `p${String(i + 1).padStart(3, '0')}`,
    sectionId: typeof p.sectionId === 'string' ? p.sectionId : 's0',
    kind: p.kind === 'heading' || p.kind === 'turn' || p.kind === 'text' ? p.kind : p.speakerId ? 'turn' : 'text',
    speakerId: typeof p.speakerId === 'string' ? p.speakerId : null,
    turnId: typeof p.turnId === 'string' ? p.turnId : null,
    text: String(p.text ?? ''),
    ...(typeof p.time === 'number' && Number.isFinite(p.time) ? { time: p.time } : {}),
  }));
  const anyMain = speakers.some((s) => s.main === true);
  const fixedSpeakers: SourceSpeaker[] = speakers.map((s, i) => ({
    id: typeof s.id === 'string' ? s.id : `sp${i + 1}`,
    name: String(s.name ?? ''),
    main: anyMain ? s.main === true : i === 0,
  }));
  const sections =
    Array.isArray(r.sections) && r.sections.length
      ? r.sections
      : [{ id: 's0', title: '', paragraphIds: fixedParagraphs.map((p) => p.id) }];
  const base: Partial<Source> = {
    kind: r.kind === 'translation' || r.kind === 'gloss' ? r.kind : 'original',
    format: typeof r.format === 'string' ? (r.format as Source['format']) : 'paste',
    enabled: r.enabled !== false,
    language: typeof r.language === 'string' && r.language ? r.language : 'und',
    title: typeof r.title === 'string' ? r.title : '',
    addedAt: typeof r.addedAt === 'number' ? r.addedAt : 0,
  };
  return { ...r, ...base, speakers: fixedSpeakers, paragraphs: fixedParagraphs, sections };
}
