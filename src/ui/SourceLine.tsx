import { isBuiltinMatch, type CardModel } from '../view/model';
import { useT } from './i18n-context';

/** Every match of a result, segments included. */
function allMatches(model: CardModel): CardModel['matches'] {
  return [...model.matches, ...(model.segments ?? []).flatMap(allMatches)];
}

/**
 * Names the built-in source honestly and links the original video. Left out when every passage
 * shown comes from the reader's own sources (each of those names its source itself).
 */
export function SourceLine({ videoUrl, model }: { videoUrl: string; model?: CardModel }) {
  const t = useT();
  if (model) {
    const matches = allMatches(model);
    if (matches.length && !matches.some(isBuiltinMatch)) return null;
  }
  return (
    <p class="source" data-testid="source">
      {t('sourceLine')} ·{' '}
      <a href={videoUrl} target="_blank" rel="noopener noreferrer">
        {t('sourceVideo')}
      </a>
    </p>
  );
}
