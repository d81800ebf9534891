import type { CheckResult } from '../types';
import { explain } from './explain';
import { useT } from './i18n-context';

const ORDER = [
  ['verbatim', 'tally_verbatim'],
  ['altered', 'tally_altered'],
  ['related', 'tally_related'],
  ['notFound', 'tally_not_found'],
  ['invalid', 'tally_invalid'],
] as const;

/**
 * The counting headline of a several-sentence selection ("3 of 5 sentences verbatim in the
 * interview; 2 not in the interview") and, when the sentences come from different places, where.
 */
export function SentenceTally({ tally, stitched }: { tally: NonNullable<CheckResult['tally']>; stitched?: CheckResult['stitched'] }) {
  const t = useT();
  const parts: string[] = [];
  for (const [k, what] of ORDER) {
    const n = tally[k];
    if (!n) continue;
    const params = { count: n, total: tally.total, what: t(what) };
    parts.push(explain(t, { key: parts.length === 0 ? 'tally_of' : 'tally_more', params }));
  }
  return (
    <div>
      <p class="help" data-testid="tally" data-total={tally.total} data-verbatim={tally.verbatim} data-not-found={tally.notFound}>
        {parts.join('; ')}
        {tally.unchecked ? ` ${explain(t, { key: 'tally_unchecked', params: { count: tally.unchecked } })}` : ''}
      </p>
      {stitched && (
        <div class="note warn" data-testid="stitched" data-kind={stitched.kind}>
          {explain(t, {
            // one passage with words between the sentences left out (no ellipsis), or several places
            key: stitched.kind === 'apart' && stitched.places.length < 2 ? 'stitched_gap' : `stitched_${stitched.kind.replace('-', '_')}`,
            params: { count: stitched.places.length },
          })}
          <ul>
            {stitched.places.map((p) => (
              <li key={p.paragraphId}>
                {p.speakerName ?? t(`speaker_${p.speaker}`)}
                {p.sectionTitle ? ` · ${p.sectionTitle}` : ''}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
