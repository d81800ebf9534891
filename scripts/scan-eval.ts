/**
 * The page-scan section of `npm run eval`: on the labelled fixture pages in
 * test/fixtures/pages/scan (each `X.html` with `X.json`: every quote's text, the page's speaker,
 * the expected verdict), quote-finding recall and precision, page-speaker attribution, and
 * whether each found quote gets the same verdict as the same quote selected by hand.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CheckResult } from '../src/types';
import { quoteKey } from '../src/scan/find';
import { scanHtml, type ScanLine } from './scan-lib';

const PAGES = resolve(dirname(fileURLToPath(import.meta.url)), '../test/fixtures/pages/scan');

export interface LabelledQuote {
  text: string;
  pageSpeaker: 'amodei' | 'host' | 'other' | 'unknown';
  name?: string;
  verdict: string;
  transcriptSpeaker?: string;
  occurrences?: number;
}

export interface PageOutcome {
  page: string;
  expected: number;
  found: number;
  truePositives: number;
  speakerOk: number;
  /** Found quotes whose verdict equals the hand-selected quote's verdict. */
  sameAsHand: number;
  /** Found quotes whose verdict equals the label. */
  asLabelled: number;
  missed: LabelledQuote[];
  extra: ScanLine[];
  wrongSpeaker: Array<{ label: LabelledQuote; got: string }>;
  verdictDiff: Array<{ label: LabelledQuote; scan: string; hand: string }>;
  labelDiff: Array<{ label: LabelledQuote; scan: string }>;
}

/** The same quote: equal after folding, or one inside the other and nearly as long. */
export function sameQuote(a: string, b: string): boolean {
  const x = quoteKey(a);
  const y = quoteKey(b);
  if (!x || !y) return false;
  if (x === y) return true;
  const [s, l] = x.length < y.length ? [x, y] : [y, x];
  return l.includes(s) && s.length >= 0.8 * l.length;
}

export async function evaluatePage(name: string, check: (text: string) => CheckResult): Promise<PageOutcome> {
  const sidecar = JSON.parse(readFileSync(resolve(PAGES, `${name}.json`), 'utf8')) as { quotes: LabelledQuote[]; page?: string };
  // `page`: labels for a page kept elsewhere (the held-out demo pages of test/fixtures/pages).
  const html = readFileSync(resolve(PAGES, sidecar.page ?? `${name}.html`), 'utf8');
  const labels = sidecar.quotes;
  const { lines } = await scanHtml(html, check);
  const used = new Set<number>();
  const out: PageOutcome = { page: name, expected: labels.length, found: lines.length, truePositives: 0, speakerOk: 0, sameAsHand: 0, asLabelled: 0, missed: [], extra: [], wrongSpeaker: [], verdictDiff: [], labelDiff: [] };
  for (const label of labels) {
    const i = lines.findIndex((l, k) => !used.has(k) && sameQuote(l.quote, label.text));
    if (i < 0) {
      out.missed.push(label);
      continue;
    }
    used.add(i);
    const line = lines[i];
    out.truePositives++;
    if (line.pageSpeaker === label.pageSpeaker) out.speakerOk++;
    else out.wrongSpeaker.push({ label, got: `${line.pageSpeaker}${line.pageSpeakerName ? ` (${line.pageSpeakerName})` : ''}` });
    const hand = check(label.text).verdict;
    if (hand === line.verdict) out.sameAsHand++;
    else out.verdictDiff.push({ label, scan: line.verdict, hand });
    if (line.verdict === label.verdict) out.asLabelled++;
    else out.labelDiff.push({ label, scan: line.verdict });
  }
  out.extra = lines.filter((_, k) => !used.has(k));
  return out;
}

export function scanPages(): string[] {
  return readdirSync(PAGES)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''))
    .sort();
}

export async function evaluateScan(check: (text: string) => CheckResult): Promise<{ pages: PageOutcome[]; text: string }> {
  const pages: PageOutcome[] = [];
  for (const p of scanPages()) pages.push(await evaluatePage(p, check));
  return { pages, text: formatScanEval(pages) };
}

export function formatScanEval(pages: PageOutcome[]): string {
  const pct = (a: number, n: number) => (n ? `${((100 * a) / n).toFixed(1)}%` : '–');
  const sum = (f: (p: PageOutcome) => number) => pages.reduce((n, p) => n + f(p), 0);
  const lines = ['', '## Page scan (test/fixtures/pages/scan)', '', `${'page'.padEnd(21)} quotes found  recall precision speaker  same-as-hand  as-labelled`];
  const row = (name: string, e: number, f: number, tp: number, sp: number, hand: number, lab: number) =>
    `${name.padEnd(21)} ${String(e).padStart(6)} ${String(f).padStart(5)}  ${pct(tp, e).padStart(6)} ${pct(tp, f).padStart(9)} ${pct(sp, tp).padStart(7)}  ${pct(hand, tp).padStart(12)}  ${pct(lab, tp).padStart(11)}`;
  for (const p of pages) lines.push(row(p.page, p.expected, p.found, p.truePositives, p.speakerOk, p.sameAsHand, p.asLabelled));
  lines.push(row('all', sum((p) => p.expected), sum((p) => p.found), sum((p) => p.truePositives), sum((p) => p.speakerOk), sum((p) => p.sameAsHand), sum((p) => p.asLabelled)));
  for (const p of pages) {
    for (const m of p.missed) lines.push(`  missed   ${p.page}: ${m.text}`);
    for (const x of p.extra) lines.push(`  extra    ${p.page}: ${x.quote}`);
    for (const w of p.wrongSpeaker) lines.push(`  speaker  ${p.page}: expected ${w.label.pageSpeaker}, got ${w.got} — ${w.label.text}`);
    for (const v of p.verdictDiff) lines.push(`  verdict  ${p.page}: scan ${v.scan}, by hand ${v.hand} — ${v.label.text}`);
    for (const v of p.labelDiff) lines.push(`  label    ${p.page}: labelled ${v.label.verdict}, matcher ${v.scan} — ${v.label.text}`);
  }
  return lines.join('\n');
}
