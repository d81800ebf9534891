import { useEffect, useRef } from 'preact/hooks';
import type { Verdict } from '../types';
import { countRows, VERDICTS, type ScanRowModel } from '../scan/report';
import { useT } from './i18n-context';
import { ScanRow } from './ScanRow';

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
}

/** The summary of a page scan: counts by verdict, one row per quote in page order, navigation, report. */
export function ScanPanel({ state, current, copyStatus, onSelect, onNext, onPrev, onCopy, onClose, onKey }: Props) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    ref.current?.focus({ preventScroll: true });
  }, [state.kind]);
  useEffect(() => {
    const row = list.current?.querySelector('[aria-current="true"]') as HTMLElement | null;
    row?.scrollIntoView?.({ block: 'nearest' });
  }, [current]);
  const rows = state.kind === 'done' ? state.rows : [];
  const counts = countRows(rows);
  return (
    <div
      class="vb panel"
      ref={ref}
      tabIndex={-1}
      role="region"
      aria-label={t('scanTitle')}
      data-testid="scan-panel"
      data-state={state.kind}
      onKeyDown={(e) => onKey(e as unknown as KeyboardEvent)}
    >
      <div class="head">
        <span class="brand">{t('scanTitle')}</span>
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
            <ul class="list" ref={list}>
              {rows.map((r) => (
                <ScanRow key={r.index} row={r} current={r.index === current} onSelect={onSelect} />
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
          <p class="keys">{t('scanKeysHelp')}</p>
        </>
      )}
    </div>
  );
}
