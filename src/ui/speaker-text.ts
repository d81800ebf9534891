/**
 * Who said a match, in words, for every place that names them (the card's line, a sentence
 * row, the screen-reader summary, the citation): the built-in roles, a reader's source's own
 * names, or that the source names no speaker — never "Main speaker" for a source without names.
 */
import type { T } from '../ext/i18n';
import type { Match } from '../types';

type Who = Pick<Match, 'speaker' | 'speakerName' | 'speakerUnnamed'>;

export function isImportedSpeaker(m: Pick<Match, 'speaker'>): boolean {
  return m.speaker === 'main' || m.speaker === 'other';
}

export function speakerText(m: Who, t: T): string {
  if (isImportedSpeaker(m)) {
    if (m.speakerName) return m.speakerName;
    if (m.speakerUnnamed) return t(m.speakerUnnamed === 'source' ? 'speakerUnnamedSource' : 'speakerUnnamedParagraph');
  }
  return t(`speaker_${m.speaker}`);
}

/**
 * The warning after the speaker, if any: not Amodei (built-in), not the source's main speaker
 * (named, when the source names them), or none (the main speaker; a source without names).
 */
export function speakerWarning(m: Who & { source?: Match['source'] }, t: T): string | null {
  if (!isImportedSpeaker(m)) return m.speaker === 'amodei' ? null : t('notAmodei');
  if (m.speaker !== 'other' || (m.speakerUnnamed && !m.speakerName)) return null;
  const main = m.source?.mainSpeaker;
  if (m.speakerName && main) return m.speakerName.trim().toLowerCase() === main.trim().toLowerCase() ? null : t('notSourceMain', main);
  return m.speakerName ? null : t('notMainSpeaker');
}
