/** The text put on the clipboard by "Copy citation". Pure. */
import type { T } from './i18n';
import { formatTime } from '../view/recording';
import { isBuiltinMatch, type CardModel, type ViewMatch } from '../view/model';
import { speakerText } from '../ui/speaker-text';

export function speakerLabel(speaker: ViewMatch['speaker'], t: T): string {
  return t(`speaker_${speaker}`);
}

export function buildCitation(m: ViewMatch, t: T, videoUrl: string): string {
  if (!isBuiltinMatch(m) && m.source) return importedCitation(m, t);
  return [
    `“${m.passage}”`,
    `— ${speakerLabel(m.speaker, t)}, ${m.sectionTitle}`,
    // citationSource already says it is CSDN's edited translation; appending sourceLine repeated it.
    `${t('citationSource')}.`,
    `${t('citationVideo')}: ${videoUrl}`,
  ].join('\n');
}

/**
 * The card with each passage's citation written in (segments too): the select-and-check script
 * copies it as it is and carries no citation code of its own.
 */
export function withCitations(card: CardModel, t: T): CardModel {
  return {
    ...card,
    matches: card.matches.map((m) => ({ ...m, citation: buildCitation(m, t, card.videoUrl) })),
    ...(card.segments ? { segments: card.segments.map((s) => withCitations(s, t)) } : {}),
  };
}

/** A passage of a reader's source: who (as the source names them), which source, when, and where to hear it. */
function importedCitation(m: ViewMatch, t: T): string {
  const src = m.source!;
  const who = speakerText(m, t);
  const at = typeof m.time === 'number' ? `, ${t('atTime', formatTime(m.time))}` : '';
  const lines = [`“${m.passage}”`, `— ${who}${at}`, `${t('sourceLabel')}: ${src.title}${src.date ? ` (${src.date})` : ''}${m.sourceUrl ? `, ${m.sourceUrl}` : ''}`];
  if (m.hearUrl) lines.push(`${t('citationRecording')}: ${m.hearUrl}`);
  return lines.join('\n');
}

/** Copies text; falls back to a hidden textarea + execCommand where the async clipboard is unavailable (http pages). */
export async function copyText(text: string, container: Node = document.body): Promise<boolean> {
  try {
    if (typeof navigator !== 'undefined' && navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the legacy path
  }
  const ta = document.createElement('textarea');
  ta.value = text;
  ta.setAttribute('readonly', '');
  ta.style.cssText = 'position:fixed;top:0;left:0;opacity:0;pointer-events:none;';
  container.appendChild(ta);
  ta.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  ta.remove();
  return ok;
}
