import { formatTime } from '../view/recording';
import type { ViewMatch } from '../view/model';
import { useT } from './i18n-context';

/**
 * Names the reader's source of a match: title, date, the time in the recording, and "Hear it at
 * 41:07" when the source has a recording (the link was checked to be http(s) when it was built).
 */
export function MatchSourceLine({ match }: { match: ViewMatch }) {
  const t = useT();
  const src = match.source;
  if (!src) return null;
  const time = typeof match.time === 'number' ? formatTime(match.time) : null;
  return (
    <p class="source match-source" data-testid="match-source" data-source={src.id} data-kind={src.kind}>
      {t('sourceLabel')}:{' '}
      {match.sourceUrl ? (
        <a href={match.sourceUrl} target="_blank" rel="noopener noreferrer" data-testid="source-title">
          {src.title}
        </a>
      ) : (
        <span data-testid="source-title">{src.title}</span>
      )}
      {src.date && <span data-testid="source-date"> ({src.date})</span>}
      {src.kind === 'translation' && <span> · {t('kind_translation')}</span>}
      {time && (
        <span data-testid="source-time" data-seconds={String(Math.floor(match.time!))}>
          {' '}
          · {t('atTime', time)}
        </span>
      )}
      {time && match.hearUrl && (
        <>
          {' '}
          ·{' '}
          <a href={match.hearUrl} target="_blank" rel="noopener noreferrer" data-testid="hear-it">
            {t('hearIt', time)}
          </a>
        </>
      )}
    </p>
  );
}
