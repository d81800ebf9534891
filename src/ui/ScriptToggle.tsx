import type { Script } from '../view/model';
import { useT } from './i18n-context';

/** Traditional (as the source) / Simplified, as two toggle buttons. */
export function ScriptToggle({ value, onChange }: { value: Script; onChange(s: Script): void }) {
  const t = useT();
  const opts: Array<[Script, string]> = [
    ['traditional', 'scriptTraditional'],
    ['simplified', 'scriptSimplified'],
  ];
  return (
    <div class="toolbar-item" role="group" aria-labelledby="script-label">
      <span id="script-label" class="help">
        {t('scriptLabel')}
      </span>{' '}
      <span class="seg">
        {opts.map(([s, key]) => (
          <button key={s} type="button" aria-pressed={value === s} data-testid={`script-${s}`} onClick={() => onChange(s)}>
            {t(key)}
          </button>
        ))}
      </span>
    </div>
  );
}
