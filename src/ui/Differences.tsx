import type { Difference } from '../types';
import { useT } from './i18n-context';

/** What the quote says against what the transcript says, one line per difference. */
export function Differences({ items }: { items: Difference[] }) {
  const t = useT();
  if (!items.length) return null;
  return (
    <div data-testid="differences">
      <div class="meta">{t('differences')}</div>
      <ul class="diffs">
        {items.map((d, i) => (
          <li key={i}>
            <span class="k">{t('diffQuote')}</span>
            <span>
              <span class="q" data-testid="diff-quote">{d.quote || t('diffNothing')}</span>
            </span>
            <span class="k">{t('diffTranscript')}</span>
            <span>
              <span class="t" data-testid="diff-transcript">{d.transcript || t('diffNothing')}</span>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
