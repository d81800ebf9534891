import type { CardModel } from '../ext/view';
import type { CardActions } from './actions';
import { useT } from './i18n-context';
import { MatchDetail } from './MatchDetail';
import { VerdictBadge } from './VerdictBadge';

/** The verdict and matches of one quote (also used inside an expanded segment row). */
export function SingleResult({ model, actions }: { model: CardModel; actions: CardActions }) {
  const t = useT();
  const helpKey = `verdictHelp_${model.verdict.replace('-', '_')}`;
  const english = model.matches.some((m) => m.via === 'gloss');
  return (
    <div>
      <div class="verdict-line">
        <VerdictBadge verdict={model.verdict} error={model.error} />
        {model.verdict !== 'invalid' && <span class="help">{t(helpKey)}</span>}
      </div>
      {model.notice && (
        <p class="note" data-testid="notice">
          {model.notice}
        </p>
      )}
      {english && (
        <p class="note" data-testid="gloss-notice">
          {t('glossNotice')}
        </p>
      )}
      {model.verdict === 'related' && model.matches.length > 1 && <div class="meta">{t('closestPassages')}</div>}
      {model.matches.map((m, i) => (
        <MatchDetail
          key={`${m.paragraphId}-${i}`}
          match={m}
          verdict={model.verdict}
          script={model.script}
          actions={actions}
          rank={model.verdict === 'related' && model.matches.length > 1 ? i + 1 : undefined}
        />
      ))}
    </div>
  );
}
