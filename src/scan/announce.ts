/**
 * What a screen reader hears when the scan panel's current quote changes: its place in the list,
 * the verdict, an excerpt of the quote, and who the page names against who says it in the
 * transcript (the two the reader needs to judge an attribution).
 */
import { pageSpeakerLabel, transcriptSpeakerLabel, type ScanRowModel } from './report';

type Tr = (key: string, ...subs: Array<string | number>) => string;

const EXCERPT_CHARS = 80;

export function excerptOf(quote: string, max = EXCERPT_CHARS): string {
  const flat = quote.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function currentQuoteAnnouncement(row: ScanRowModel, total: number, t: Tr): string {
  const verdict = row.verdict === 'invalid' && row.card.error ? row.card.error : t(`verdict_${row.verdict.replace('-', '_')}`);
  return t(
    'scanCurrentAnnouncement',
    row.index + 1,
    total,
    verdict,
    excerptOf(row.quote),
    pageSpeakerLabel(row.pageSpeaker, t),
    transcriptSpeakerLabel(row.transcriptSpeaker, t),
  );
}
