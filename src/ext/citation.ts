/** The text put on the clipboard by "Copy citation". Pure. */
import type { T } from './i18n';
import type { ViewMatch } from './view';

export function speakerLabel(speaker: ViewMatch['speaker'], t: T): string {
  return t(`speaker_${speaker}`);
}

export function buildCitation(m: ViewMatch, t: T, videoUrl: string): string {
  return [
    `“${m.passage}”`,
    `— ${speakerLabel(m.speaker, t)}, ${m.sectionTitle}`,
    `${t('citationSource')} (${t('sourceLine')}).`,
    `${t('citationVideo')}: ${videoUrl}`,
  ].join('\n');
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
