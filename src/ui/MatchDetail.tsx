import { useState } from 'preact/hooks';
import type { Verdict } from '../types';
import type { Script, ViewMatch } from '../view/model';
import type { CardActions } from './actions';
import { explain } from './explain';
import { useT } from './i18n-context';
import { Counterpart, Differences, MatchSourceLine } from './parts';
import { Passage } from './Passage';
import { SpeakerLine } from './SpeakerLine';

interface Props {
  match: ViewMatch;
  verdict: Verdict;
  script: Script;
  actions: CardActions;
  /** 1-based rank when several passages are listed (related). */
  rank?: number;
  /** The page names no speaker: say who speaks, without the "not Amodei" warning. */
  quietSpeaker?: boolean;
}

/** One matched passage: speaker, section, passage, differences, notes and the two actions. */
export function MatchDetail({ match, verdict, script, actions, rank, quietSpeaker }: Props) {
  const t = useT();
  const [status, setStatus] = useState('');
  const copy = async () => {
    const ok = await actions.copyCitation(match);
    setStatus(ok ? t('copied') : t('copyFailed'));
  };
  return (
    <section class="match" data-testid="match" data-paragraph={match.paragraphId}>
      {rank != null && (
        <div class="rank" data-testid="rank">
          #{rank}
        </div>
      )}
      <dl class="meta">
        <SpeakerLine match={match} warn={!quietSpeaker} />
        {/* A reader's source may have no section titles. */}
        {(match.sectionTitle || !match.source || match.source.id === 'builtin') && (
          <div>
            <dt>{t('sectionLabel')}</dt>
            <dd data-testid="section">
              {match.sectionTitle}
            </dd>
          </div>
        )}
      </dl>
      {match.source && match.source.id !== 'builtin' && <MatchSourceLine match={match} />}
      <Passage passage={match.passage} start={match.start} end={match.end} script={script} language={match.source?.language} />
      {verdict === 'altered' && <Differences items={match.differences} />}
      <Counterpart match={match} />
      {(verdict === 'related' || match.contradiction) && (match.whyKey || match.why) && (
        <p class="why" data-testid="why">
          {match.whyKey ? explain(t, match.whyKey) : match.why}
        </p>
      )}
      {match.gloss && (
        <div class="gloss" data-testid="gloss" lang="en">
          <span class="label">{t('glossLabel')}</span>
          <blockquote>{match.gloss}</blockquote>
        </div>
      )}
      {match.repaired && (
        <p class="note warn" data-testid="repaired">
          {t('repairedNote')}
          {match.restored && match.restored.length > 0 && (
            <>
              {' '}
              <span data-testid="restored">{t('repairedWhich', match.restored.map((w) => `“${w}”`).join(' '))}</span>
            </>
          )}
        </p>
      )}
      <div class="actions">
        <button type="button" data-testid="open-section" onClick={() => actions.openSection(match)}>
          {t('openSection')}
        </button>
        <button type="button" data-testid="copy-citation" onClick={copy}>
          {t('copyCitation')}
        </button>
        <span class="status" role="status" aria-live="polite" data-testid="copy-status">
          {status}
        </span>
      </div>
    </section>
  );
}
