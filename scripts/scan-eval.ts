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
  /** Press set only: `dev` (tuned on) or `heldout` (never looked at while tuning). */
  split?: 'dev' | 'heldout';
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
  const sidecar = JSON.parse(readFileSync(resolve(PAGES, `${name}.json`), 'utf8')) as { quotes: LabelledQuote[]; page?: string; split?: 'dev' | 'heldout' };
  // `page`: labels for a page kept elsewhere (the held-out demo pages of test/fixtures/pages).
  const html = readFileSync(resolve(PAGES, sidecar.page ?? `${name}.html`), 'utf8');
  const labels = sidecar.quotes;
  const { lines } = await scanHtml(html, check);
  const used = new Set<number>();
  const out: PageOutcome = { page: name, ...(sidecar.split ? { split: sidecar.split } : {}), expected: labels.length, found: lines.length, truePositives: 0, speakerOk: 0, sameAsHand: 0, asLabelled: 0, missed: [], extra: [], wrongSpeaker: [], verdictDiff: [], labelDiff: [] };
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

/** The project's own pages (top level), or the press set (press/, issue 19: written to look like the press). */
export function scanPages(set: 'project' | 'press' = 'project'): string[] {
  const dir = set === 'press' ? resolve(PAGES, 'press') : PAGES;
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => (set === 'press' ? `press/${f.replace(/\.json$/, '')}` : f.replace(/\.json$/, '')))
    .sort();
}

export async function evaluateScan(check: (text: string) => CheckResult): Promise<{ pages: PageOutcome[]; press: PageOutcome[]; text: string }> {
  const pages: PageOutcome[] = [];
  for (const p of scanPages()) pages.push(await evaluatePage(p, check));
  const press: PageOutcome[] = [];
  for (const p of scanPages('press')) press.push(await evaluatePage(p, check));
  // Held-out details (which quote, which speaker) are printed only on request: tuning reads the dev half.
  const showHeldout = process.argv.includes('--show-heldout');
  return { pages, press, text: `${formatScanEval(pages)}\n${formatPressEval(press, showHeldout)}` };
}

/** Counts of a set of pages: the floors and the tables read these. */
export function scanTotals(pages: PageOutcome[]) {
  const sum = (f: (p: PageOutcome) => number) => pages.reduce((n, p) => n + f(p), 0);
  const expected = sum((p) => p.expected);
  const found = sum((p) => p.found);
  const tp = sum((p) => p.truePositives);
  return {
    pages: pages.length,
    expected,
    found,
    truePositives: tp,
    recall: expected ? tp / expected : 0,
    precision: found ? tp / found : 0,
    speaker: tp ? sum((p) => p.speakerOk) / tp : 0,
    sameAsHand: tp ? sum((p) => p.sameAsHand) / tp : 0,
    asLabelled: tp ? sum((p) => p.asLabelled) / tp : 0,
  };
}

/** The press set: dev and held-out halves apart, each page then each half's total. */
export function formatPressEval(pages: PageOutcome[], showHeldout = false): string {
  const dev = pages.filter((p) => p.split === 'dev');
  const held = pages.filter((p) => p.split === 'heldout');
  const lines = [formatScanEval(dev, '## Page scan, press set — dev half (tuned on)', 'dev')];
  lines.push(formatScanEval(held, '## Page scan, press set — held-out half (never tuned on)', 'held-out', showHeldout));
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  lines.push('', '| half | pages | quotes | found | recall | precision | page speaker | same as by hand | as labelled |', '|---|---|---|---|---|---|---|---|---|');
  for (const [name, set] of [['dev', dev], ['held-out', held], ['both', pages]] as const) {
    const t = scanTotals(set);
    lines.push(`| ${name} | ${t.pages} | ${t.expected} | ${t.found} | ${pct(t.recall)} | ${pct(t.precision)} | ${pct(t.speaker)} | ${pct(t.sameAsHand)} | ${pct(t.asLabelled)} |`);
  }
  return lines.join('\n');
}

export function formatScanEval(pages: PageOutcome[], title = '## Page scan (test/fixtures/pages/scan)', total = 'all', details = true): string {
  const pct = (a: number, n: number) => (n ? `${((100 * a) / n).toFixed(1)}%` : '–');
  const sum = (f: (p: PageOutcome) => number) => pages.reduce((n, p) => n + f(p), 0);
  const lines = ['', title, '', `${'page'.padEnd(27)} quotes found  recall precision speaker  same-as-hand  as-labelled`];
  const row = (name: string, e: number, f: number, tp: number, sp: number, hand: number, lab: number) =>
    `${name.replace(/^press\//, '').padEnd(27)} ${String(e).padStart(6)} ${String(f).padStart(5)}  ${pct(tp, e).padStart(6)} ${pct(tp, f).padStart(9)} ${pct(sp, tp).padStart(7)}  ${pct(hand, tp).padStart(12)}  ${pct(lab, tp).padStart(11)}`;
  for (const p of pages) lines.push(row(p.page, p.expected, p.found, p.truePositives, p.speakerOk, p.sameAsHand, p.asLabelled));
  lines.push(row(total, sum((p) => p.expected), sum((p) => p.found), sum((p) => p.truePositives), sum((p) => p.speakerOk), sum((p) => p.sameAsHand), sum((p) => p.asLabelled)));
  if (!details) return [...lines, '  (details of the held-out half: npm run eval -- --show-heldout, after tuning)'].join('\n');
  for (const p of pages) {
    for (const m of p.missed) lines.push(`  missed   ${p.page}: ${m.text}`);
    for (const x of p.extra) lines.push(`  extra    ${p.page}: ${x.quote}`);
    for (const w of p.wrongSpeaker) lines.push(`  speaker  ${p.page}: expected ${w.label.pageSpeaker}, got ${w.got} — ${w.label.text}`);
    for (const v of p.verdictDiff) lines.push(`  verdict  ${p.page}: scan ${v.scan}, by hand ${v.hand} — ${v.label.text}`);
    for (const v of p.labelDiff) lines.push(`  label    ${p.page}: labelled ${v.label.verdict}, matcher ${v.scan} — ${v.label.text}`);
  }
  return lines.join('\n');
}
