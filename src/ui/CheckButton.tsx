import { useT } from './i18n-context';

/** The small "Check quote" button shown near a selection when check-on-select is on. */
export function CheckButton({ onCheck }: { onCheck(): void }) {
  const t = useT();
  return (
    <div class="vb">
      <button
        type="button"
        class="adder"
        data-testid="check-button"
        // Keep the page selection: a mousedown on a button would otherwise clear it.
        onMouseDown={(e) => e.preventDefault()}
        onClick={onCheck}
      >
        <span aria-hidden="true">“✓</span>
        {t('checkButton')}
      </button>
    </div>
  );
}
