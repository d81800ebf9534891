/**
 * What a scan shows and copies: one row per quote (page speaker, verdict, transcript speaker,
 * misattribution), the counts, and the Markdown report. Pure.
 */
import type { Speaker, Verdict } from '../types';
import type { CardModel } from '../ext/view';
import type { PageSpeaker } from './speaker';

export interface ScanRowModel {
  index: number;
  quote: string;
  pageSpeaker: PageSpeaker;
  verdict: Verdict;
  /** Who says it in the transcript (best match), when a passage was found. */
  transcriptSpeaker: Speaker | null;
  /** The page names someone else than the transcript does, for words the transcript has. */
  misattributed: boolean;
  card: CardModel;
  /** Places on the page (a repeated pull quote has several). */
  occurrences: number;
}

export function transcriptSpeakerOf(card: CardModel): Speaker | null {
  if (card.verdict === 'not-found' || card.verdict === 'invalid') return null;
  return card.matches[0]?.speaker ?? null;
}

/** `main` is the reader's main speaker of an imported source (Amodei, usually). */
const asAmodei = (s: Speaker) => (s === 'main' ? 'amodei' : s);

/**
 * Only for words the transcript has (verbatim / altered): a related passage is too loose to say
 * who said the quote.
 */
export function isMisattributed(page: PageSpeaker, verdict: Verdict, transcript: Speaker | null): boolean {
  if (!transcript || page.kind === 'unknown') return false;
  if (verdict !== 'verbatim' && verdict !== 'altered') return false;
  const ts = asAmodei(transcript);
  if (page.kind === 'other') return true;
  return page.kind !== ts;
}

export function buildRows(quotes: Array<{ text: string; pageSpeaker: PageSpeaker; occurrences: unknown[] }>, cards: CardModel[]): ScanRowModel[] {
  return quotes.map((q, index) => {
    const card = cards[index];
    const transcriptSpeaker = transcriptSpeakerOf(card);
    return {
      index,
      quote: q.text,
      pageSpeaker: q.pageSpeaker,
      verdict: card.verdict,
      transcriptSpeaker,
      misattributed: isMisattributed(q.pageSpeaker, card.verdict, transcriptSpeaker),
      card,
      occurrences: q.occurrences.length,
    };
  });
}

export const VERDICTS: Verdict[] = ['verbatim', 'altered', 'related', 'not-found', 'invalid'];

export function countRows(rows: ScanRowModel[]): Record<Verdict | 'misattributed', number> {
  const c = { verbatim: 0, altered: 0, related: 0, 'not-found': 0, invalid: 0, misattributed: 0 };
  for (const r of rows) {
    c[r.verdict]++;
    if (r.misattributed) c.misattributed++;
  }
  return c;
}

type Tr = (key: string, ...subs: Array<string | number>) => string;

export function pageSpeakerLabel(s: PageSpeaker, t: Tr): string {
  if (s.kind === 'other') return s.name ?? t('pageSpeaker_other');
  return t(`pageSpeaker_${s.kind}`);
}

export function transcriptSpeakerLabel(s: Speaker | null, t: Tr): string {
  return s ? t(`speaker_${s}`) : '—';
}

/** "The page attributes this to Amodei; in the interview the host says it." */
export function mismatchSentence(row: ScanRowModel, t: Tr): string | null {
  if (!row.misattributed || !row.transcriptSpeaker) return null;
  return t('scanMismatch', pageSpeakerLabel(row.pageSpeaker, t), transcriptSpeakerLabel(row.transcriptSpeaker, t));
}

const cell = (s: string) => s.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();

/** The Markdown table "Copy report" puts on the clipboard. `link` gives the transcript URL of a match. */
export function markdownReport(rows: ScanRowModel[], t: Tr, pageUrl: string, link: (sectionId: string, paragraphId: string) => string): string {
  const lines = [
    `${t('scanReportTitle')}: ${pageUrl}`,
    '',
    `| # | ${t('scanColQuote')} | ${t('scanColPageSpeaker')} | ${t('scanColVerdict')} | ${t('scanColTranscriptSpeaker')} | ${t('scanColSource')} |`,
    '|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    const m = r.card.verdict === 'not-found' || r.card.verdict === 'invalid' ? undefined : r.card.matches[0];
    const source = m ? `${m.source?.title ?? t('sourceLine')}, [${m.paragraphId}](${link(m.sectionId, m.paragraphId)})` : '—';
    const verdict = t(`verdict_${r.verdict.replace('-', '_')}`) + (r.misattributed ? ` (${t('scanMisattributed')})` : '');
    lines.push(
      `| ${r.index + 1} | ${cell(r.quote)} | ${cell(pageSpeakerLabel(r.pageSpeaker, t))} | ${cell(verdict)} | ${cell(transcriptSpeakerLabel(r.transcriptSpeaker, t))} | ${cell(source)} |`,
    );
  }
  return lines.join('\n');
}
