import { useEffect, useRef } from 'preact/hooks';
import type { CardModel } from '../ext/view';
import type { CardActions } from './actions';
import { useT } from './i18n-context';
import { ResultBody } from './ResultBody';

export type CardState = { kind: 'loading'; query: string } | { kind: 'result'; model: CardModel } | { kind: 'error'; message: string };

interface Props {
  state: CardState;
  actions: CardActions;
  onClose(): void;
  /** Move keyboard focus into the card when it opens (keyboard and menu triggers). */
  autoFocus?: boolean;
}

/** The verdict card shown next to a selection (rendered inside the <verbatim-card> shadow root). */
export function Card({ state, actions, onClose, autoFocus }: Props) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (autoFocus) ref.current?.focus({ preventScroll: true });
  }, [autoFocus]);
  return (
    <div
      class="vb card"
      ref={ref}
      role="dialog"
      aria-label={t('cardLabel')}
      tabIndex={-1}
      data-testid="card"
      data-state={state.kind}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div class="head">
        <span class="brand">Verbatim</span>
        <button type="button" class="x" aria-label={t('close')} title={t('close')} data-testid="close" onClick={onClose}>
          ×
        </button>
      </div>
      {state.kind === 'loading' && (
        <p class="checking" role="status">
          {t('checking')}
        </p>
      )}
      {state.kind === 'error' && (
        <p class="note warn" role="alert" data-testid="error">
          {t('failed', state.message)}
        </p>
      )}
      {state.kind === 'result' && <ResultBody model={state.model} actions={actions} />}
    </div>
  );
}
