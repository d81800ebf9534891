import { useT } from './i18n-context';

/** Names the source honestly and links the original video. */
export function SourceLine({ videoUrl }: { videoUrl: string }) {
  const t = useT();
  return (
    <p class="source" data-testid="source">
      {t('sourceLine')} ·{' '}
      <a href={videoUrl} target="_blank" rel="noopener noreferrer">
        {t('sourceVideo')}
      </a>
    </p>
  );
}
