import type { CheckResult } from '../types';
import { explain } from './explain';
import { useT } from './i18n-context';

/**
 * "Cleaned up": a verbatim quote's list of what the press left out, bracketed or wrote
 * otherwise, folded by default (a native <details>, keyboard-operable). Text is rendered as text.
 */
export function CleanupNote({ items, open = false }: { items: NonNullable<CheckResult['cleanup']>; open?: boolean }) {
  const t = useT();
  return (
    <details class="note cleanup" data-testid="cleanup" open={open}>
      <summary>{explain(t, { key: 'cleanup_title', params: { count: items.length } })}</summary>
      <ul>
        {items.map((c, i) => (
          <li key={i} data-testid="cleanup-item" data-kind={c.kind}>
            <span class="meta">{t(`cleanup_kind_${c.kind.replace('-', '_')}`)}: </span>
            {c.quote && <q>{c.quote}</q>}
            {c.quote && c.transcript && ' ← '}
            {c.transcript && (c.quote ? <q>{c.transcript}</q> : <del>{c.transcript}</del>)}
          </li>
        ))}
      </ul>
    </details>
  );
}
