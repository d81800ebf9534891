/**
 * What a screen reader is told about a check result, in one or two sentences: the verdict, what
 * it means, and who said the best passage. The card's dialog is described by it and the popup
 * announces it; built from the model, so it holds whatever the card body shows.
 */
import type { T } from '../ext/i18n';
import type { CardModel } from '../view/model';
import { isImportedSpeaker, speakerText } from './speaker-text';

/**
 * A live region inserted together with its text is not announced by screen readers: the text
 * goes in this long after the region is in the page.
 */
export const ANNOUNCE_DELAY_MS = 120;

export function verdictLabel(model: CardModel, t: T): string {
  return model.verdict === 'invalid' && model.error ? model.error : t(`verdict_${model.verdict.replace('-', '_')}`);
}

export function verdictSummary(model: CardModel, t: T): string {
  if (model.segments && model.segments.length > 1) {
    const list = model.segments.map((s) => verdictLabel(s, t)).join(t('listSeparator'));
    return t('summarySegments', model.segments.length, list);
  }
  if (model.verdict === 'invalid') return model.error ? t('summaryVerdict', t('verdict_invalid'), model.error) : t('verdict_invalid');
  const parts = [t('summaryVerdict', verdictLabel(model, t), t(`verdictHelp_${model.verdict.replace('-', '_')}`))];
  const best = model.matches[0];
  // a reader's source: who its text names (or that it names no one), not a claim about Amodei
  if (best) parts.push(t(best.speaker === 'amodei' || isImportedSpeaker(best) ? 'summarySaidBy' : 'summaryNotAmodei', speakerText(best, t)));
  return parts.join(' ');
}
