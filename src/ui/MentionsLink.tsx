import type { CardModel, ViewMatch } from '../view/model';
import type { CardActions } from './actions';
import { explain } from './explain';
import { useT } from './i18n-context';

interface Props {
  mentions: NonNullable<CardModel['mentions']>;
  actions: CardActions;
}

/** For a quote not found: where the interview mentions its names, as a link that is visibly not a verdict. */
export function MentionsLink({ mentions, actions }: Props) {
  const t = useT();
  const open = () =>
    actions.openSection({
      speaker: 'editor',
      sectionId: mentions.sectionId,
      sectionTitle: '',
      paragraphId: mentions.paragraphId,
      passage: '',
      start: 0,
      end: 0,
      score: 0,
      via: 'text',
      repaired: false,
      differences: [],
    } satisfies ViewMatch);
  return (
    <p class="mentions" data-testid="mentions" data-paragraph={mentions.paragraphId}>
      <span class="mentions-label">{t('mentionsLabel')}</span>{' '}
      <button type="button" class="more" data-testid="mentions-open" onClick={open}>
        {explain(t, { key: 'mentions', params: { terms: mentions.terms.map((w) => `“${w}”`).join(' ') } })}
      </button>
    </p>
  );
}
