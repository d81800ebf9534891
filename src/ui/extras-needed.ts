/**
 * Whether a card shows any part that lives in the card extras script (parts.ts): the background
 * asks before it answers a check, and injects the extras into the asking frame only then. Mirrors
 * the conditions under which ResultBody, SingleResult and MatchDetail render those parts (a test
 * renders every card both ways to keep the two in step). Pure.
 */
import type { CardModel, ViewMatch } from '../view/model';

function matchNeedsExtras(m: ViewMatch, verdict: CardModel['verdict']): boolean {
  return (
    m.counterpart !== undefined || // Counterpart (null: the translation left the passage out)
    (verdict === 'altered' && m.differences.length > 0) || // Differences
    (!!m.source && m.source.id !== 'builtin') // MatchSourceLine
  );
}

/** One quote's result as SingleResult shows it (also each expanded row of a multi-quote card). */
function singleNeedsExtras(model: CardModel): boolean {
  return (
    (!!model.cleanup && model.verdict === 'verbatim') ||
    !!model.contradiction ||
    (!!model.mentions && model.matches.length === 0) ||
    model.matches.some((m) => matchNeedsExtras(m, model.verdict))
  );
}

export function extrasNeeded(model: CardModel): boolean {
  // the rows of a several-quote selection are an extra part themselves (SegmentsBody)
  if (model.segments && model.segments.length > 1) return true;
  return singleNeedsExtras(model);
}
