/**
 * An imported source in the matcher's shape (`Transcript`), so the matcher runs on it
 * unchanged: turns of the main speaker are `main`, every other turn `other`; unattributed text
 * becomes `intro` paragraphs (so a turn repeating them wins) and headings stay headings.
 * `paragraphInfo` keeps what the matcher's `Match` has no field for: the speaker's name as the
 * source writes it, and the time.
 */
import { toSimplified } from '../match/normalize';
import type { Paragraph, Section, Speaker, Transcript } from '../types';
import type { Source } from './model';

export interface ParagraphInfo {
  speakerName?: string;
  time?: number;
  /** The paragraph's timed stretches ([offset in text, seconds], see `SourceParagraph.times`). */
  times?: Array<[number, number]>;
}

export interface SourceTranscript {
  transcript: Transcript;
  paragraphInfo: Map<string, ParagraphInfo>;
}

export function sourceToTranscript(source: Source): SourceTranscript {
  const names = new Map(source.speakers.map((s) => [s.id, s]));
  // A source without speakers (an essay) is its author's own text.
  const authorless = source.speakers.length === 0;
  const chinese = source.language.startsWith('zh');
  const paragraphInfo = new Map<string, ParagraphInfo>();
  const paragraphs: Paragraph[] = source.paragraphs.map((p, i) => {
    const sp = p.speakerId ? names.get(p.speakerId) : undefined;
    let speaker: Speaker = sp?.main ? 'main' : 'other';
    if (p.kind !== 'turn' && p.kind !== 'heading' && authorless) speaker = 'main';
    if (p.kind === 'heading') speaker = 'other';
    const info: ParagraphInfo = {};
    if (sp) info.speakerName = sp.name;
    if (typeof p.time === 'number') info.time = p.time;
    if (p.times && p.times.length > 0) info.times = p.times;
    paragraphInfo.set(p.id, info);
    return {
      id: p.id,
      sectionId: p.sectionId,
      speaker,
      kind: p.kind === 'text' ? 'intro' : p.kind,
      turnId: p.kind === 'turn' ? p.turnId : null,
      text: p.text,
      simplified: chinese ? toSimplified(p.text) : p.text,
      repaired: false,
      repairIds: [],
      sourceLine: i,
    };
  });
  const sections: Section[] = source.sections.map((s) => ({
    id: s.id,
    title: s.title,
    titleSimplified: chinese ? toSimplified(s.title) : s.title,
    paragraphIds: [...s.paragraphIds],
  }));
  const main = source.speakers.find((s) => s.main);
  const other = source.speakers.find((s) => !s.main);
  return {
    transcript: {
      meta: {
        title: source.title,
        titleSimplified: chinese ? toSimplified(source.title) : source.title,
        host: other?.name ?? '',
        guest: main?.name ?? '',
        editor: '',
        translationNote: source.kind === 'translation' ? 'translation' : '',
        sourceUrl: source.url ?? '',
        videoUrl: source.recordingUrl ?? '',
        sourceFile: '',
        credits: [],
      },
      sections,
      paragraphs,
      dropped: [],
      repairs: [],
    },
    paragraphInfo,
  };
}
