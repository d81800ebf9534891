/**
 * What a scan shows and copies: one row per quote (page speaker, verdict, transcript speaker,
 * misattribution), the counts, and the Markdown report. Pure.
 */
import type { Speaker, Verdict } from '../types';
import { isBuiltinMatch, type CardModel, type ViewMatch } from '../view/model';
import { recordingLinkAt } from '../view/recording';
import type { PageSpeaker } from './speaker';
import { formatClock } from '../sources/time';

export interface ScanRowModel {
  index: number;
  quote: string;
  /** Who the page says said it; null (or `unknown`) when the page names nobody. */
  pageSpeaker: PageSpeaker | null;
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

/** The page names nobody for this quote (the finder says null, or `unknown`). */
export function namesNobody(page: PageSpeaker | null | undefined): page is null | undefined | (PageSpeaker & { kind: 'unknown' }) {
  return !page || page.kind === 'unknown';
}

/**
 * Only for words the transcript has (verbatim / altered): a related passage is too loose to say
 * who said the quote. A page that names nobody cannot misattribute.
 */
export function isMisattributed(page: PageSpeaker | null, verdict: Verdict, transcript: Speaker | null): boolean {
  if (!transcript || namesNobody(page)) return false;
  if (verdict !== 'verbatim' && verdict !== 'altered') return false;
  const ts = asAmodei(transcript);
  if (page.kind === 'other') return true;
  return page.kind !== ts;
}

export function buildRows(quotes: Array<{ text: string; pageSpeaker: PageSpeaker | null; occurrences: unknown[] }>, cards: CardModel[]): ScanRowModel[] {
  return quotes.map((q, index) => {
    const card = cards[index];
    const transcriptSpeaker = transcriptSpeakerOf(card);
    return {
      index,
      quote: q.text,
      pageSpeaker: namesNobody(q.pageSpeaker) ? null : q.pageSpeaker,
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

export function pageSpeakerLabel(s: PageSpeaker | null, t: Tr): string {
  if (namesNobody(s)) return t('pageSpeaker_unknown');
  if (s.kind === 'other') return s.name ?? t('pageSpeaker_other');
  return t(`pageSpeaker_${s.kind}`);
}

/** The row's "Page: Amodei", or "The page names no speaker". */
export function pageSaysLabel(s: PageSpeaker | null, t: Tr): string {
  return namesNobody(s) ? t('scanPageNamesNobody') : t('scanPageSays', pageSpeakerLabel(s, t));
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

/** Where a match's words can be read or heard: the source's own address, at the second when timed. */
export type SourceLink = (match: ViewMatch, card: CardModel) => string | null;

/**
 * The source's own address for a match, never an extension page: the recording at the second
 * when the match is timed, else the source's URL; the built-in transcript's is its meta.sourceUrl.
 */
export function sourceLinkOf(m: ViewMatch, card: CardModel): string | null {
  if (m.hearUrl) return m.hearUrl;
  if (m.sourceUrl) return m.sourceUrl;
  if (!isBuiltinMatch(m) || !card.sourceUrl || !/^https?:\/\//i.test(card.sourceUrl)) return null;
  return recordingLinkAt(card.sourceUrl, m.time) ?? card.sourceUrl;
}

/** A URL inside Markdown link parentheses and a table cell. */
const mdUrl = (u: string) => u.replace(/[()|\s]/g, (c) => encodeURIComponent(c));

/** "Title: Section ¶ p030 at 41:07", linked to the source when it has an address. */
export function sourceCell(m: ViewMatch, card: CardModel, t: Tr, link: SourceLink): string {
  const title = m.source?.title ?? t('sourceLine');
  const where = [m.sectionTitle, `¶ ${m.paragraphId}`].filter(Boolean).join(' ');
  const at = typeof m.time === 'number' && Number.isFinite(m.time) ? ` ${t('scanReportAt', formatClock(m.time))}` : '';
  const text = `${title}: ${where}${at}`;
  const url = link(m, card);
  return url ? `[${text.replace(/[[\]]/g, '\\$&')}](${mdUrl(url)})` : text;
}

/** The Markdown table "Copy report" puts on the clipboard. `link` gives a match's source address (see SourceLink). */
export function markdownReport(rows: ScanRowModel[], t: Tr, pageUrl: string, link: SourceLink = sourceLinkOf): string {
  const lines = [
    `${t('scanReportTitle')}: ${pageUrl}`,
    '',
    `| # | ${t('scanColQuote')} | ${t('scanColPageSpeaker')} | ${t('scanColVerdict')} | ${t('scanColTranscriptSpeaker')} | ${t('scanColSource')} |`,
    '|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    const m = r.card.verdict === 'not-found' || r.card.verdict === 'invalid' ? undefined : r.card.matches[0];
    const source = m ? sourceCell(m, r.card, t, link) : '—';
    const verdict = t(`verdict_${r.verdict.replace('-', '_')}`) + (r.misattributed ? ` (${t('scanMisattributed')})` : '');
    lines.push(
      `| ${r.index + 1} | ${cell(r.quote)} | ${cell(pageSpeakerLabel(r.pageSpeaker, t))} | ${cell(verdict)} | ${cell(transcriptSpeakerLabel(r.transcriptSpeaker, t))} | ${cell(source)} |`,
    );
  }
  return lines.join('\n');
}
