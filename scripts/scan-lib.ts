/**
 * The page scan outside the browser (CLI, evaluation, benchmark): parse HTML with happy-dom,
 * find the quotes with the same code the extension runs, check each with the matcher.
 */
import { Window } from 'happy-dom';
import type { CheckResult } from '../src/types';
import { findQuotes, type FindResult } from '../src/scan/find';

export function parseHtml(html: string, url = 'http://localhost/'): { doc: Document; close(): Promise<void> } {
  const window = new Window({ url, settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, navigator: { userAgent: 'verbatim-scan' } } });
  const doc = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  return { doc, close: () => window.happyDOM.close() };
}

export interface ScanLine {
  quote: string;
  start: number;
  end: number;
  /** Further places of a repeated quote (pull quotes), as [start, end]. */
  repeats?: Array<[number, number]>;
  kind: string;
  pageSpeaker: string;
  pageSpeakerName?: string;
  verdict: CheckResult['verdict'];
  error?: string;
  notice?: string;
  matches: CheckResult['matches'];
  segments?: CheckResult['segments'];
}

export async function scanHtml(html: string, check: (text: string) => CheckResult): Promise<{ lines: ScanLine[]; found: FindResult }> {
  const { doc, close } = parseHtml(html);
  try {
    const found = await findQuotes(doc);
    const lines = found.quotes.map((q): ScanLine => {
      const r = check(q.text);
      const [first, ...rest] = q.occurrences;
      return {
        quote: q.text,
        start: first.articleStart,
        end: first.articleEnd,
        ...(rest.length ? { repeats: rest.map((o) => [o.articleStart, o.articleEnd] as [number, number]) } : {}),
        kind: q.kind,
        pageSpeaker: q.pageSpeaker.kind,
        ...(q.pageSpeaker.name ? { pageSpeakerName: q.pageSpeaker.name } : {}),
        verdict: r.verdict,
        ...(r.error ? { error: r.error } : {}),
        ...(r.notice ? { notice: r.notice } : {}),
        matches: r.matches,
        ...(r.segments ? { segments: r.segments } : {}),
      };
    });
    return { lines, found };
  } finally {
    await close();
  }
}
