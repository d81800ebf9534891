import type { Contradiction } from '../types';
import { useT } from './i18n-context';

/** The finding a fact-checker needs first: the quote and the passage that says otherwise, side by side. */
export function ContradictionView({ contradiction }: { contradiction: Contradiction }) {
  const t = useT();
  return (
    <div class="contra" data-testid="contradiction" data-kind={contradiction.kind}>
      <p class="contra-kind">{t(`contradiction_${contradiction.kind}`)}</p>
      <div class="contra-cols">
        <div>
          <div class="contra-label">{t('contradictionQuote')}</div>
          <blockquote data-testid="contradiction-quote">{contradiction.quote}</blockquote>
        </div>
        <div>
          <div class="contra-label">{t(contradiction.via === 'gloss' ? 'contradictionGloss' : 'contradictionPassage')}</div>
          <blockquote data-testid="contradiction-passage">{contradiction.passage}</blockquote>
        </div>
      </div>
    </div>
  );
}
