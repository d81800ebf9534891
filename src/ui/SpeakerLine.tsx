import type { Speaker } from '../types';
import { useT } from './i18n-context';

/** Who spoke, with a warning when it was not Amodei (the commonest misquote). */
export function SpeakerLine({ speaker }: { speaker: Speaker }) {
  const t = useT();
  return (
    <div>
      <dt>{t('saidBy')}</dt>
      <dd>
        <span class="speaker" data-testid="speaker" data-speaker={speaker}>
          {t(`speaker_${speaker}`)}
        </span>
        {speaker !== 'amodei' && <span class="not-amodei"> — {t('notAmodei')}</span>}
      </dd>
    </div>
  );
}
