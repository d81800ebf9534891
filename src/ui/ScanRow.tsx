import { Component, h } from 'preact';
import { mismatchSentence, namesNobody, pageSaysLabel, transcriptSpeakerLabel, type ScanRowModel } from '../scan/report';
import { useT } from './i18n-context';
import { VerdictBadge } from './VerdictBadge';

interface Props {
  row: ScanRowModel;
  current: boolean;
  /** In the Tab order (one row of the list is: the current one, or the first). */
  tabbable: boolean;
  onSelect(index: number): void;
}

/**
 * One quote of the scanned page: excerpt, who the page says, the verdict, who the transcript says.
 * A button, so that the keyboard reaches it and Enter / Space open its card.
 */
export function ScanRow({ row, current, tabbable, onSelect }: Props) {
  const t = useT();
  const mismatch = mismatchSentence(row, t);
  return (
    <li>
      <button
        type="button"
        class="srow"
        data-testid="scan-row"
        data-index={row.index}
        data-verdict={row.verdict}
        data-page-speaker={namesNobody(row.pageSpeaker) ? 'unknown' : row.pageSpeaker.kind}
        data-page-speaker-name={row.pageSpeaker?.name ?? ''}
        data-transcript-speaker={row.transcriptSpeaker ?? ''}
        data-misattributed={String(row.misattributed)}
        aria-current={current ? 'true' : undefined}
        tabIndex={tabbable ? 0 : -1}
        onClick={() => onSelect(row.index)}
      >
        <span class="q">{row.quote.length > 140 ? `${row.quote.slice(0, 139)}…` : row.quote}</span>
        <span class="who">
          <VerdictBadge verdict={row.verdict} error={row.card.error} />
          {/* The same double underline as its mark in the page, and words: never colour alone. */}
          {row.misattributed && (
            <span class="badge misattributed" data-testid="scan-misattributed-badge">
              ≠ {t('scanMisattributed')}
            </span>
          )}
          <span data-testid="scan-page-says">{pageSaysLabel(row.pageSpeaker, t)}</span>
          <span>{t('scanTranscriptSays', transcriptSpeakerLabel(row.transcriptSpeaker, t))}</span>
        </span>
        {mismatch && (
          <span class="mis" data-testid="scan-mismatch">
            {mismatch}
          </span>
        )}
      </button>
    </li>
  );
}

/**
 * A row that re-renders only when its own props change: a list of hundreds of quotes then costs
 * one render per row changed, not the whole list, each time the current quote moves (and when
 * a long list is drawn in steps). Interface-language changes still reach it through the context.
 */
export class ScanRowMemo extends Component<Props> {
  shouldComponentUpdate(next: Props): boolean {
    const p = this.props;
    return next.row !== p.row || next.current !== p.current || next.tabbable !== p.tabbable || next.onSelect !== p.onSelect;
  }
  render() {
    return h(ScanRow, this.props);
  }
}
