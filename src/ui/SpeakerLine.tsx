import type { Match } from '../types';
import { useT } from './i18n-context';
import { isImportedSpeaker, speakerText, speakerWarning } from './speaker-text';

/**
 * Who spoke, with a warning when it was not Amodei (the commonest misquote). In a reader's
 * source the speaker is named as the source writes it; a source that names no speakers says so
 * (never "Main speaker", which would read as a confirmation); another speaker's words (a second
 * guest, the host) name the source's main speaker they are not.
 * No warning (`warn` false) on a scanned quote whose page names nobody: nothing was claimed
 * about who said it.
 */
export function SpeakerLine({ match, warn = true }: { match: Pick<Match, 'speaker' | 'speakerName' | 'speakerUnnamed' | 'source'>; warn?: boolean }) {
  const t = useT();
  const warning = speakerWarning(match, t);
  const unnamed = isImportedSpeaker(match) && !match.speakerName ? match.speakerUnnamed : undefined;
  return (
    <div>
      <dt>{t('saidBy')}</dt>
      <dd>
        <span class="speaker" data-testid="speaker" data-speaker={match.speaker} data-unnamed={unnamed}>
          {speakerText(match, t)}
        </span>
        {warn && warning && (
          <span class="not-amodei" data-testid="speaker-warning">
            {' '}
            — {warning}
          </span>
        )}
      </dd>
    </div>
  );
}
