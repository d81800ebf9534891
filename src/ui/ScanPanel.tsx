import { useEffect, useRef } from 'preact/hooks';
import type { Verdict } from '../types';
import { currentQuoteAnnouncement } from '../scan/announce';
import { countRows, VERDICTS, type ScanRowModel } from '../scan/report';
import { useT } from './i18n-context';
import { ScanRowMemo } from './ScanRow';

export type ScanPanelState = { kind: 'scanning' } | { kind: 'done'; rows: ScanRowModel[] } | { kind: 'error'; message: string };

interface Props {
  state: ScanPanelState;
  current: number;
  copyStatus: string;
  onSelect(index: number): void;
  onNext(): void;
  onPrev(): void;
  onCopy(): void;
  onClose(): void;
  /** Keys pressed inside the panel (j/k, arrows, Enter). */
  onKey(e: KeyboardEvent): void;
  /** No room beside the article: the panel is a tab until the reader unfolds it. */
  folded?: boolean;
  /** Folds / unfolds (only when there is no room beside the article). */
  onFold?: (() => void) | undefined;
  /** Rows drawn so far: a long list is drawn in steps, one task each (the counts are of all rows). */
  shown?: number;
}

/** The summary of a page scan: counts by verdict, one row per quote in page order, navigation, report. */
export function ScanPanel({ state, current, copyStatus, onSelect, onNext, onPrev, onCopy, onClose, onKey, folded = false, onFold, shown = Infinity }: Props) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    ref.current?.focus({ preventScroll: true });
  }, [state.kind, folded]);
  useEffect(() => {
    const row = list.current?.querySelector('[aria-current="true"]') as HTMLElement | null;
    row?.scrollIntoView?.({ block: 'nearest' });
    // Keyboard in the list: focus follows the current row (a roving Tab stop). From the
    // Next / Previous buttons focus stays on the button; the live region says where we are.
    const root = list.current?.getRootNode() as Document | ShadowRoot | undefined;
    if (row && root?.activeElement && list.current?.contains(root.activeElement) && root.activeElement !== row) row.focus({ preventScroll: true });
  }, [current]);
  const rows = state.kind === 'done' ? state.rows : [];
  const counts = countRows(rows);
  const currentRow = rows.find((r) => r.index === current);
  const tabStop = currentRow ? currentRow.index : rows[0]?.index;
  const announce = (
    <p class="sr" role="status" aria-atomic="true" data-testid="scan-announce">
      {currentRow ? currentQuoteAnnouncement(currentRow, rows.length, t) : ''}
    </p>
  );
  if (folded && state.kind === 'done') {
    // Folded: a tab at the window's edge; j / k / Enter / Esc still work, the marks stay.
    return (
      <div class="vb panel folded" ref={ref} tabIndex={-1} role="region" aria-labelledby="vb-scan-tab" data-testid="scan-panel" data-state={state.kind} data-folded="true" onKeyDown={(e) => onKey(e as unknown as KeyboardEvent)}>
        <button type="button" class="tab" id="vb-scan-tab" data-testid="scan-tab" aria-expanded="false" onClick={onFold}>
          {t('scanShowPanel', rows.length)}
          {counts.misattributed > 0 && (
            <span class="badge count misattributed">
              {' '}
              {t('scanMisattributed')} {counts.misattributed}
            </span>
          )}
        </button>
        {announce}
      </div>
    );
  }
  return (
    <div
      class="vb panel"
      ref={ref}
      tabIndex={-1}
      role="region"
      aria-labelledby="vb-scan-title"
      aria-describedby={state.kind === 'done' ? 'vb-scan-keys' : undefined}
      data-testid="scan-panel"
      data-state={state.kind}
      data-folded="false"
      onKeyDown={(e) => onKey(e as unknown as KeyboardEvent)}
    >
      <div class="head">
        <h2 class="brand" id="vb-scan-title">
          {t('scanTitle')}
        </h2>
        {onFold && (
          <button type="button" class="fold" aria-expanded="true" data-testid="scan-fold" onClick={onFold}>
            {t('scanHidePanel')}
          </button>
        )}
        <button type="button" class="x" aria-label={t('scanClose')} title={t('scanClose')} data-testid="scan-close" onClick={onClose}>
          ×
        </button>
      </div>
      {state.kind === 'scanning' && (
        <p class="checking" role="status">
          {t('scanScanning')}
        </p>
      )}
      {state.kind === 'error' && (
        <p class="note warn" role="alert">
          {t('scanFailed', state.message)}
        </p>
      )}
      {state.kind === 'done' && (
        <>
          <div class="counts" role="status">
            {VERDICTS.filter((v: Verdict) => counts[v] > 0 || v !== 'invalid').map((v) => (
              <span key={v} class={`badge count ${v}`} data-testid={`scan-count-${v}`} data-count={counts[v]}>
                {t(`verdict_${v.replace('-', '_')}`)} {counts[v]}
              </span>
            ))}
            <span class="badge count misattributed" data-testid="scan-count-misattributed" data-count={counts.misattributed}>
              {t('scanMisattributed')} {counts.misattributed}
            </span>
          </div>
          {rows.length === 0 ? (
            <p class="help">{t('scanNone')}</p>
          ) : (
            <ul class="list" ref={list} aria-label={t('scanListLabel')}>
              {(shown < rows.length ? rows.slice(0, shown) : rows).map((r) => (
                <ScanRowMemo key={r.index} row={r} current={r.index === current} tabbable={r.index === tabStop} onSelect={onSelect} />
              ))}
            </ul>
          )}
          <div class="bar">
            <button type="button" data-testid="scan-prev" onClick={onPrev} disabled={!rows.length}>
              ↑ {t('scanPrev')}
            </button>
            <button type="button" data-testid="scan-next" onClick={onNext} disabled={!rows.length}>
              ↓ {t('scanNext')}
            </button>
            <button type="button" data-testid="scan-copy" onClick={onCopy} disabled={!rows.length}>
              {t('scanCopy')}
            </button>
            <span class="status" role="status" data-testid="scan-copy-status">
              {copyStatus}
            </span>
          </div>
          <p class="keys" id="vb-scan-keys">
            {t('scanKeysHelp')}
          </p>
          {announce}
        </>
      )}
    </div>
  );
}
