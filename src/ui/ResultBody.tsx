import type { CardModel } from '../view/model';
import type { CardActions } from './actions';
import { SegmentsBody } from './parts';
import { SingleResult } from './SingleResult';
import { SourceLine } from './SourceLine';

/** Everything about one check result: verdict, notices, the passage(s), or one row per quote. */
export function ResultBody({ model, actions }: { model: CardModel; actions: CardActions }) {
  if (model.segments && model.segments.length > 1) {
    return (
      <div data-testid="segments">
        <SegmentsBody model={model} actions={actions} Result={SingleResult} />
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
