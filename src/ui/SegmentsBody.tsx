import type { CardModel } from '../view/model';
import type { CardActions } from './actions';
import { explain } from './explain';
import { useT } from './i18n-context';
import { SegmentRow, type ResultView } from './SegmentRow';
import { SentenceTally } from './SentenceTally';

/** A several-quote selection: the counting headline (or how many quotes), the notice, one row per quote (`Result` opens a row). */
export function SegmentsBody({ model, actions, Result }: { model: CardModel; actions: CardActions; Result: ResultView }) {
  const t = useT();
  const segments = model.segments ?? [];
  const notice = model.noticeKey ? explain(t, model.noticeKey) : model.headline ? undefined : model.notice;
  return (
    <>
      {model.tally ? <SentenceTally tally={model.tally} stitched={model.stitched} /> : <p class="help">{t('quotesCount', segments.length)}</p>}
      {notice && (
        <p class="note" data-testid="notice">
          {notice}
        </p>
      )}
      <ul class="rows">
        {segments.map((s, i) => (
          <SegmentRow key={i} model={s} actions={actions} Result={Result} />
        ))}
      </ul>
    </>
  );
}
