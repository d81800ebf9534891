import { useId, useState } from 'preact/hooks';
import type { CardModel } from '../view/model';
import type { CardActions } from './actions';
import type { ComponentType } from 'preact';
import { useT } from './i18n-context';
import { VerdictBadge } from './VerdictBadge';
import { speakerText, speakerWarning } from './speaker-text';

/** One quote of a multi-quote selection: a compact row that expands to the full result. */
export type ResultView = ComponentType<{ model: CardModel; actions: CardActions }>;

/** `Result` shows a quote's full result when the row opens (the card's SingleResult, passed down: importing it here would close an import cycle through the card parts). */
export function SegmentRow({ model, actions, Result }: { model: CardModel; actions: CardActions; Result: ResultView }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  // Each row's "Details" button is described by its quote: several buttons share that name.
  const quoteId = useId();
  const best = model.matches[0];
  return (
    <li class="row" data-testid="segment" data-verdict={model.verdict}>
      <div class="row-head">
        <VerdictBadge verdict={model.verdict} error={model.error} />
        <span class="row-quote" id={quoteId} title={model.query}>
          {model.query}
        </span>
        <button type="button" aria-expanded={open} aria-describedby={quoteId} onClick={() => setOpen(!open)}>
          {t('details')}
        </button>
      </div>
      {best && !open && (
        <div class="row-sub">
          <span data-testid="speaker" data-speaker={best.speaker}>
            {speakerText(best, t)}
          </span>
          {speakerWarning(best, t) && <span class="not-amodei"> — {speakerWarning(best, t)}</span>}
          {best.sectionTitle ? ` · ${best.sectionTitle}` : ''}
        </div>
      )}
      {open && (
        <div class="row-body">
          <Result model={model} actions={actions} />
        </div>
      )}
    </li>
  );
}
