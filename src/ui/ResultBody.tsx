import type { CardModel } from '../ext/view';
import type { CardActions } from './actions';
import { useT } from './i18n-context';
import { SegmentRow } from './SegmentRow';
import { SingleResult } from './SingleResult';
import { SourceLine } from './SourceLine';

/** Everything about one check result: verdict, notices, the passage(s), or one row per quote. */
export function ResultBody({ model, actions }: { model: CardModel; actions: CardActions }) {
  const t = useT();
  if (model.segments && model.segments.length > 1) {
    return (
      <div data-testid="segments">
        <p class="help">{t('quotesCount', model.segments.length)}</p>
        {model.notice && (
          <p class="note" data-testid="notice">
            {model.notice}
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
