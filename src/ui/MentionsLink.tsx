import type { CardModel } from '../view/model';
import { explain } from './explain';
import { useT } from './i18n-context';

interface Props {
  mentions: NonNullable<CardModel['mentions']>;
  onOpen(): void;
}

/** For a quote not found: where the interview mentions its names, as a link that is visibly not a verdict. */
export function MentionsLink({ mentions, onOpen }: Props) {
  const t = useT();
  return (
    <p class="mentions" data-testid="mentions" data-paragraph={mentions.paragraphId}>
      <span class="mentions-label">{t('mentionsLabel')}</span>{' '}
      <button type="button" class="more" data-testid="mentions-open" onClick={onOpen}>
        {explain(t, { key: 'mentions', params: { terms: mentions.terms.map((w) => `“${w}”`).join(' ') } })}
      </button>
    </p>
  );
}
