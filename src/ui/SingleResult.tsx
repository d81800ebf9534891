import type { CardModel } from '../view/model';
import type { CardActions } from './actions';
import { explain, headlineKey } from './explain';
import { useT } from './i18n-context';
import { MatchDetail } from './MatchDetail';
import { CleanupNote, ContradictionView, MentionsLink } from './parts';
import { VerdictBadge } from './VerdictBadge';

/** The verdict and matches of one quote (also used inside an expanded segment row). */
export function SingleResult({ model, actions }: { model: CardModel; actions: CardActions }) {
  const t = useT();
  // one headline written for the case; older results without one fall back to the verdict's help
  const headline = model.headline ? t(headlineKey(model.headline)) : t(`verdictHelp_${model.verdict.replace('-', '_')}`);
  const error = model.errorKey ? explain(t, model.errorKey) : model.error;
  // at most one notice: the matcher's keyed one, in the interface language
  const notice = model.noticeKey ? explain(t, model.noticeKey) : model.headline ? undefined : model.notice;
  const ranked = model.verdict === 'related' && model.matches.length > 1;
  const mentions = model.mentions;
  return (
    <div>
      <div class="verdict-line">
        <VerdictBadge verdict={model.verdict} error={error} />
        {model.verdict !== 'invalid' && (
          <span class="help" data-testid="headline" data-headline={model.headline ?? ''}>
            {headline}
          </span>
        )}
      </div>
      {model.pageAttribution && (
        <p class="note warn" data-testid="page-attribution">
          {model.pageAttribution}
        </p>
      )}
      {notice && (
        <p class="note" data-testid="notice">
          {notice}
        </p>
      )}
      {model.cleanup && model.verdict === 'verbatim' && <CleanupNote items={model.cleanup} />}
      {model.contradiction && <ContradictionView contradiction={model.contradiction} />}
      {ranked && <div class="meta">{t('closestPassages')}</div>}
      {model.matches.map((m, i) => (
        <MatchDetail key={`${m.paragraphId}-${i}`} match={m} verdict={model.verdict} script={model.script} actions={actions} rank={ranked ? i + 1 : undefined} quietSpeaker={model.pageNamesNobody} />
      ))}
      {mentions && model.matches.length === 0 && <MentionsLink mentions={mentions} actions={actions} />}
    </div>
  );
}
