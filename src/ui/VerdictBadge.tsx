import type { Verdict } from '../types';
import { useT } from './i18n-context';

/** The verdict as a coloured badge. For `invalid` the badge carries the matcher's error message. */
export function VerdictBadge({ verdict, error }: { verdict: Verdict; error?: string }) {
  const t = useT();
  const key = verdict.replace('-', '_');
  const label = verdict === 'invalid' && error ? error : t(`verdict_${key}`);
  return (
    <span class={`badge ${verdict}`} data-testid="verdict" data-verdict={verdict}>
      {label}
    </span>
  );
}
