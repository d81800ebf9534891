/**
 * The built-in CSDN interview as a `Source`, so the Sources page, packs and pairing treat it
 * like any other. Its paragraph and section ids are the transcript's own (`p047`, `s3`), so deep
 * links and the matcher's results keep working. Checking still uses the transcript itself (with
 * its repairs and gloss), not this conversion.
 */
import type { Transcript } from '../types';
import { BUILTIN_SOURCE_ID, SOURCE_SCHEMA_VERSION, type Source, type SourceParagraph, type SourceSpeaker } from './model';

/** Speaker ids of the built-in source, by the transcript's speaker. */
export const BUILTIN_SPEAKER_IDS = { amodei: 'sp1', host: 'sp2', editor: 'sp3' } as const;

export function builtinSource(transcript: Transcript): Source {
  const { meta } = transcript;
  const speakers: SourceSpeaker[] = [
    { id: BUILTIN_SPEAKER_IDS.amodei, name: meta.guest, main: true },
    { id: BUILTIN_SPEAKER_IDS.host, name: meta.host, main: false },
    { id: BUILTIN_SPEAKER_IDS.editor, name: meta.editor, main: false },
  ];
  const paragraphs: SourceParagraph[] = transcript.paragraphs.map((p) => {
    const speakerId =
      p.kind === 'heading' ? null : p.speaker === 'amodei' ? BUILTIN_SPEAKER_IDS.amodei : p.speaker === 'host' ? BUILTIN_SPEAKER_IDS.host : BUILTIN_SPEAKER_IDS.editor;
    return {
      id: p.id,
      sectionId: p.sectionId,
      // the editor's introduction is prose attributed to the editor
      kind: p.kind === 'intro' ? 'text' : p.kind,
      speakerId,
      turnId: p.turnId,
      text: p.text,
    };
  });
  return {
    schemaVersion: SOURCE_SCHEMA_VERSION,
    id: BUILTIN_SOURCE_ID,
    title: meta.title,
    url: meta.sourceUrl,
    recordingUrl: meta.videoUrl,
    language: 'zh-Hant',
    kind: 'translation',
    format: 'builtin',
    speakers,
    sections: transcript.sections.map((s) => ({ id: s.id, title: s.title, paragraphIds: [...s.paragraphIds] })),
    paragraphs,
    addedAt: 0,
    enabled: true,
  };
}
