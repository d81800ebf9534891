import type { CardModel } from '../view/model';
import type { CardActions } from './actions';
import { explain } from './explain';
import { useT } from './i18n-context';
import { SegmentRow } from './SegmentRow';
import { SentenceTally } from './parts';
import { SingleResult } from './SingleResult';
import { SourceLine } from './SourceLine';

/** Everything about one check result: verdict, notices, the passage(s), or one row per quote. */
export function ResultBody({ model, actions }: { model: CardModel; actions: CardActions }) {
  const t = useT();
  if (model.segments && model.segments.length > 1) {
    const notice = model.noticeKey ? explain(t, model.noticeKey) : model.headline ? undefined : model.notice;
    return (
      <div data-testid="segments">
        {model.tally ? <SentenceTally tally={model.tally} stitched={model.stitched} /> : <p class="help">{t('quotesCount', model.segments.length)}</p>}
        {notice && (
          <p class="note" data-testid="notice">
            {notice}
          </p>
        )}
        <ul class="rows">
          {model.segments.map((s, i) => (
            <SegmentRow key={i} model={s} actions={actions} />
          ))}
        </ul>
        <SourceLine videoUrl={model.videoUrl} model={model} />
      </div>
    );
  }
  return (
    <div>
      <SingleResult model={model} actions={actions} />
      <SourceLine videoUrl={model.videoUrl} model={model} />
    </div>
  );
}
