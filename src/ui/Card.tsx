import { useEffect, useRef, useState } from 'preact/hooks';
import type { CardModel } from '../view/model';
import type { CardActions } from './actions';
import { trapTab } from './focus-trap';
import { useT } from './i18n-context';
import { ResultBody } from './ResultBody';
import { ANNOUNCE_DELAY_MS, verdictLabel, verdictSummary } from './summary';

export type CardState = { kind: 'loading'; query: string } | { kind: 'result'; model: CardModel } | { kind: 'error'; message: string };

interface Props {
  state: CardState;
  actions: CardActions;
  onClose(): void;
  /** Move keyboard focus into the card when it opens. */
  autoFocus?: boolean;
  /** Language of the interface strings (the page around the card may be in another). */
  lang?: string;
}

/** The verdict card shown next to a selection (rendered inside the <verbatim-card> shadow root). */
export function Card({ state, actions, onClose, autoFocus, lang }: Props) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const summary =
    state.kind === 'result' ? verdictSummary(state.model, t) : state.kind === 'loading' ? t('checking') : t('failed', state.message);
  // What the dialog was described as when it took focus: a screen reader has said that already.
  const describedOnFocus = useRef<string | null>(null);
  const [live, setLive] = useState('');

  useEffect(() => {
    if (autoFocus) ref.current?.focus({ preventScroll: true });
  }, [autoFocus]);

  useEffect(() => {
    // Errors are announced by their own role="alert".
    if (state.kind === 'error') return;
    const timer = setTimeout(() => {
      if (describedOnFocus.current !== summary) setLive(summary);
    }, ANNOUNCE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [summary, state.kind]);

  // The heading names the verdict for heading navigation; the badge shows it to the eye.
  const segments = state.kind === 'result' ? (state.model.segments?.length ?? 0) : 0;
  const heading =
    state.kind !== 'result' ? '' : segments > 1 ? t('quotesCount', segments) : state.model.verdict === 'invalid' ? t('verdict_invalid') : verdictLabel(state.model, t);
  return (
    <div
      class="vb card"
      ref={ref}
      role="dialog"
      // Tab is held inside while it is open (Esc leaves): modal for keyboard and screen reader alike.
      aria-modal="true"
      aria-label={t('cardLabel')}
      aria-describedby="vb-card-summary"
      tabIndex={-1}
      lang={lang}
      data-testid="card"
      data-state={state.kind}
      onFocus={(e) => {
        if (e.target === ref.current) describedOnFocus.current = summary;
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        } else if (e.key === 'Tab' && !e.altKey && !e.ctrlKey && !e.metaKey && ref.current) {
          const root = ref.current.getRootNode() as Document | ShadowRoot;
          const next = trapTab(ref.current, root.activeElement, e.shiftKey);
          if (next) {
            e.preventDefault();
            next.focus();
          }
        }
      }}
    >
      <div class="head">
        <h2 class="brand" id="vb-card-title">
          {t('cardLabel')}
          {heading && <span class="sr"> — {heading}</span>}
        </h2>
        <button type="button" class="x" aria-label={t('close')} data-testid="close" onClick={onClose}>
          ×
        </button>
      </div>
      {/* The dialog's description; `hidden` keeps it out of reading order (the card body says it visibly). */}
      <p id="vb-card-summary" hidden data-testid="card-summary">
        {summary}
      </p>
      {state.kind === 'loading' && <p class="checking">{t('checking')}</p>}
      {state.kind === 'error' && (
        <p class="note warn" role="alert" data-testid="error">
          {t('failed', state.message)}
        </p>
      )}
      {state.kind === 'result' && <ResultBody model={state.model} actions={actions} />}
      {/* Last, so that the body's own status messages come first in the card. */}
      <p class="sr" role="status" data-testid="card-announcement">
        {live}
      </p>
    </div>
  );
}
