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
  /** Timed stretches inside the paragraph: [UTF-16 offset into its text, seconds], ascending. */
  times?: Array<[number, number]>;
  /** No speaker is named for these words: the source names none (`source`), or not for this paragraph. */
  unnamed?: 'source' | 'paragraph';
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
  const blocks = blockIds(source);
  const paragraphs: Paragraph[] = source.paragraphs.map((p, i) => {
    const sp = p.speakerId ? names.get(p.speakerId) : undefined;
    let speaker: Speaker = sp?.main ? 'main' : 'other';
    if (p.kind !== 'turn' && p.kind !== 'heading' && authorless) speaker = 'main';
    if (p.kind === 'heading') speaker = 'other';
    const info: ParagraphInfo = {};
    if (sp) info.speakerName = sp.name;
    if (typeof p.time === 'number') info.time = p.time;
    const times = validTimes(p.times, p.text.length);
    if (times) info.times = times;
    if (!sp && p.kind !== 'heading') info.unnamed = authorless ? 'source' : 'paragraph';
    paragraphInfo.set(p.id, info);
    return {
      id: p.id,
      sectionId: p.sectionId,
      speaker,
      kind: p.kind === 'text' ? 'intro' : p.kind,
      turnId: blocks[i],
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

/**
 * The matcher's turn id for each paragraph, so that a quote is found across the paragraphs
 * a parser split one speaker's words into: consecutive paragraphs of the SAME speaker are one
 * turn even when the parser gave them different turn ids (a label repeated after a timestamp,
 * a continuation line read as a new turn); consecutive unattributed paragraphs (captions, an
 * essay) share a run id `x…`. A heading, a change of speaker or of kind ends the stretch, so the
 * words of two speakers are never one stretch.
 */
export function blockIds(source: Source): Array<string | null> {
  const out: Array<string | null> = [];
  let runs = 0;
  source.paragraphs.forEach((p, i) => {
    const prev = i > 0 ? source.paragraphs[i - 1] : undefined;
    if (p.kind === 'heading') out.push(null);
    else if (p.kind === 'turn') {
      const same = prev?.kind === 'turn' && prev.speakerId !== null && prev.speakerId === p.speakerId && prev.sectionId === p.sectionId;
      out.push(same ? out[i - 1] : p.turnId ?? `t-${p.id}`);
    } else {
      const same = prev?.kind === 'text' && prev.sectionId === p.sectionId;
      out.push(same ? out[i - 1] : `x${String(++runs).padStart(2, '0')}`);
    }
  });
  return out;
}

/** A paragraph's timed stretches, when well formed (ascending offsets inside the text, times ≥ 0). */
function validTimes(times: unknown, length: number): Array<[number, number]> | null {
  if (!Array.isArray(times) || times.length === 0) return null;
  const out: Array<[number, number]> = [];
  for (const t of times) {
    if (!Array.isArray(t) || t.length !== 2) return null;
    const [at, sec] = t as [unknown, unknown];
    if (typeof at !== 'number' || typeof sec !== 'number' || !Number.isFinite(at) || !Number.isFinite(sec) || sec < 0) return null;
    if (at < 0 || at > length || (out.length > 0 && at < out[out.length - 1][0])) return null;
    out.push([at, sec]);
  }
  return out;
}

/**
 * Seconds at which the words at `offset` of a paragraph are said: the start of the timed
 * stretch holding them, else the paragraph's time.
 */
export function timeAt(info: ParagraphInfo | undefined, offset: number): number | undefined {
  if (!info) return undefined;
  let time = info.time;
  for (const [at, sec] of info.times ?? []) {
    if (at > offset) break;
    time = sec;
  }
  return time;
}
