import type { Speaker } from '../types';
import { useT } from './i18n-context';

/**
 * Who spoke, with a warning when it was not Amodei (the commonest misquote). In a reader's
 * source the speaker is named as the source writes it, and the warning is for anyone but the
 * speaker the reader marked as the main one.
 */
export function SpeakerLine({ speaker, name }: { speaker: Speaker; name?: string }) {
  const t = useT();
  const imported = speaker === 'main' || speaker === 'other';
  return (
    <div>
      <dt>{t('saidBy')}</dt>
      <dd>
        <span class="speaker" data-testid="speaker" data-speaker={speaker}>
          {imported && name ? name : t(`speaker_${speaker}`)}
        </span>
        {!imported && speaker !== 'amodei' && <span class="not-amodei"> — {t('notAmodei')}</span>}
        {speaker === 'other' && <span class="not-amodei"> — {t('notMainSpeaker')}</span>}
      </dd>
    </div>
  );
}
