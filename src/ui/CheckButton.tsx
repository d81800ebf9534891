import { useEffect, useState } from 'preact/hooks';
import { useT } from './i18n-context';
import { ANNOUNCE_DELAY_MS } from './summary';

interface Props {
  onCheck(): void;
  /** Say that the button is there and how to reach it (after a keyboard selection). */
  announce?: boolean;
}

/** The small "Check quote" button shown near a selection when check-on-select is on. */
export function CheckButton({ onCheck, announce }: Props) {
  const t = useT();
  const [live, setLive] = useState('');
  useEffect(() => {
    if (!announce) return;
    // Filled after insertion: a live region that arrives with its text is not announced.
    const timer = setTimeout(() => setLive(t('checkButtonAvailable')), ANNOUNCE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [announce]);
  return (
    <div class="vb">
      <button
        type="button"
        class="adder"
        data-testid="check-button"
        title={t('checkButtonHint')}
        aria-describedby="vb-check-hint"
        // Keep the page selection: a mousedown on a button would otherwise clear it.
        onMouseDown={(e) => e.preventDefault()}
        onClick={onCheck}
      >
        <span aria-hidden="true">“✓</span>
        {t('checkButton')}
      </button>
      <span id="vb-check-hint" hidden>
        {t('checkButtonHint')}
      </span>
      <span class="sr" role="status" data-testid="check-announcement">
        {live}
      </span>
    </div>
  );
}
