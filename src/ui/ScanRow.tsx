import { mismatchSentence, pageSpeakerLabel, transcriptSpeakerLabel, type ScanRowModel } from '../scan/report';
import { useT } from './i18n-context';
import { VerdictBadge } from './VerdictBadge';

interface Props {
  row: ScanRowModel;
  current: boolean;
  onSelect(index: number): void;
}

/** One quote of the scanned page: excerpt, who the page says, the verdict, who the transcript says. */
export function ScanRow({ row, current, onSelect }: Props) {
  const t = useT();
  const mismatch = mismatchSentence(row, t);
  return (
    <li
      class="srow"
      data-testid="scan-row"
      data-index={row.index}
      data-verdict={row.verdict}
      data-page-speaker={row.pageSpeaker.kind}
      data-page-speaker-name={row.pageSpeaker.name ?? ''}
      data-transcript-speaker={row.transcriptSpeaker ?? ''}
      data-misattributed={String(row.misattributed)}
      aria-current={current ? 'true' : undefined}
      onClick={() => onSelect(row.index)}
    >
      <div class="q">{row.quote.length > 140 ? `${row.quote.slice(0, 139)}…` : row.quote}</div>
      <div class="who">
        <VerdictBadge verdict={row.verdict} error={row.card.error} />
        <span>{t('scanPageSays', pageSpeakerLabel(row.pageSpeaker, t))}</span>
        <span>{t('scanTranscriptSays', transcriptSpeakerLabel(row.transcriptSpeaker, t))}</span>
      </div>
      {mismatch && (
        <div class="mis" data-testid="scan-mismatch">
          {mismatch}
        </div>
      )}
    </li>
  );
}
