import type { Speaker } from '../types';
import { useT } from './i18n-context';

/**
 * Who spoke, with a warning when it was not Amodei (the commonest misquote). In a reader's
 * source the speaker is named as the source writes it, and the warning is for anyone but the
 * speaker the reader marked as the main one. A scan row whose page names nobody asks for no
 * warning (`warn={false}`): the page made no claim to contradict.
 */
export function SpeakerLine({ speaker, name, warn = true }: { speaker: Speaker; name?: string; warn?: boolean }) {
  const t = useT();
  const imported = speaker === 'main' || speaker === 'other';
  return (
    <div>
      <dt>{t('saidBy')}</dt>
      <dd>
        <span class="speaker" data-testid="speaker" data-speaker={speaker}>
          {imported && name ? name : t(`speaker_${speaker}`)}
        </span>
        {warn && !imported && speaker !== 'amodei' && <span class="not-amodei"> — {t('notAmodei')}</span>}
        {warn && speaker === 'other' && <span class="not-amodei"> — {t('notMainSpeaker')}</span>}
      </dd>
    </div>
  );
}
