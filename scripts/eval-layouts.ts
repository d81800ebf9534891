/**
 * The layouts section of `npm run eval` (issue 17): each transcript layout Verbatim reads has an
 * invented interview of 15 000+ characters written in it (test/fixtures/layouts/, rendered by
 * scripts/render-layouts.ts from two base interviews), and quotes of it in
 * test/eval/cases-layouts.jsonl. Each file is parsed as the Sources page parses a file
 * (`parseSource` on its bytes), stored (`draftToSource`) and checked with the built-in
 * transcript through the multi-source check, as the extension runs it.
 *
 * Per layout and split (dev / held-out): verbatim and altered quotes given their verdict by the
 * layout's source; speaker = the first match names the speaker as the file does (or no one, when
 * the file names no one); time = the first match's time within 2 s of the second where the
 * quote's timed stretch starts; and absent quotes called verbatim or altered (must be none).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { builtinSource, createMultiMatcher, draftToSource, parseSource, type Source } from '../src/sources/index';
import type { CheckResult } from '../src/types';
import { loadGloss, loadTranscript } from './eval';

export interface LayoutCase {
  id: string;
  layout: string;
  file: string;
  kind: string;
  text: string;
  expect: 'verbatim' | 'altered' | 'not-found';
  speakerName: string | null;
  time: number | null;
  split: 'dev' | 'heldout';
}

export interface LayoutOutcome {
  c: LayoutCase;
  result: CheckResult;
  fromSource: boolean;
  verdictOk: boolean;
  speakerOk: boolean | null;
  timeOk: boolean | null;
  /**
   * Diagnostic of the parse side: the time the paragraph's `times` give at the match's start
   * (what the matcher reports once it reads `times`), within 2 s.
   */
  timesOk: boolean | null;
}

export interface LayoutRow {
  layout: string;
  split: 'dev' | 'heldout' | 'all';
  /** The layout the parser recognised. */
  detected: string;
  n: number;
  verbatimN: number;
  verbatim: number;
  alteredN: number;
  altered: number;
  speakerN: number;
  speaker: number;
  timeN: number;
  time: number;
  /** Time from the paragraph's `times` at the match's start (see `LayoutOutcome.timesOk`). */
  times: number;
  /** Absent quotes called verbatim or altered. */
  falseFound: number;
}

export interface LayoutsReport {
  rows: LayoutRow[];
  outcomes: LayoutOutcome[];
  ms: number;
}

/** Seconds a match's time may be from the expected one. */
export const TIME_TOLERANCE = 2;

export function loadLayoutCases(root: string): LayoutCase[] {
  return readFileSync(resolve(root, 'test/eval/cases-layouts.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as LayoutCase);
}

export function loadLayoutSource(root: string, file: string): Source {
  const parsed = parseSource({ name: file, bytes: new Uint8Array(readFileSync(resolve(root, 'test/fixtures/layouts', file))) });
  if (!parsed.ok) throw new Error(`${file}: ${parsed.error}`);
  return draftToSource(parsed.draft, `layout-${file.replace(/\.\w+$/, '')}`, 0);
}

/** The time `times` give at `offset` of a paragraph (the paragraph's time when it has one stretch). */
export function timeAt(source: Source, paragraphId: string, offset: number): number | undefined {
  const p = source.paragraphs.find((x) => x.id === paragraphId);
  if (!p) return undefined;
  let t = p.time;
  for (const [o, s] of p.times ?? []) if (o <= offset) t = s;
  return t;
}

function outcome(c: LayoutCase, result: CheckResult, source: Source): LayoutOutcome {
  const sourceId = source.id;
  const m = result.matches[0];
  const fromSource = m?.source?.id === sourceId;
  const verdictOk = result.verdict === c.expect && (c.expect === 'not-found' || fromSource);
  const found = c.expect !== 'not-found';
  const speakerOk = found ? fromSource && (m?.speakerName ?? null) === c.speakerName : null;
  const timeOk = found && c.time !== null ? fromSource && typeof m?.time === 'number' && Math.abs(m.time - c.time) <= TIME_TOLERANCE : null;
  const at = m && fromSource ? timeAt(source, m.paragraphId, m.start) : undefined;
  const timesOk = timeOk === null ? null : typeof at === 'number' && Math.abs(at - (c.time as number)) <= TIME_TOLERANCE;
  return { c, result, fromSource, verdictOk, speakerOk, timeOk, timesOk };
}

export function evaluateLayouts(root: string): LayoutsReport {
  const t0 = performance.now();
  const transcript = loadTranscript(root);
  const gloss = loadGloss(root);
  const cases = loadLayoutCases(root);
  const outcomes: LayoutOutcome[] = [];
  const detected = new Map<string, string>();
  for (const file of [...new Set(cases.map((c) => c.file))]) {
    const source = loadLayoutSource(root, file);
    const multi = createMultiMatcher([{ source: builtinSource(transcript), transcript, gloss }, { source }]);
    for (const c of cases.filter((x) => x.file === file)) {
      detected.set(c.layout, source.layout ?? '?');
      outcomes.push(outcome(c, multi.check(c.text), source));
    }
  }
  const rows: LayoutRow[] = [];
  const layouts = [...new Set(cases.map((c) => c.layout))];
  for (const split of ['dev', 'heldout', 'all'] as const) {
    for (const layout of [...layouts, 'all']) {
      const os = outcomes.filter((o) => (layout === 'all' || o.c.layout === layout) && (split === 'all' || o.c.split === split));
      const of = (pred: (o: LayoutOutcome) => boolean) => os.filter(pred);
      const verb = of((o) => o.c.expect === 'verbatim');
      const alt = of((o) => o.c.expect === 'altered');
      const sp = of((o) => o.speakerOk !== null);
      const tm = of((o) => o.timeOk !== null);
      rows.push({
        layout,
        split,
        detected: layout === 'all' ? '' : detected.get(layout) ?? '?',
        n: os.length,
        verbatimN: verb.length,
        verbatim: verb.filter((o) => o.verdictOk).length,
        alteredN: alt.length,
        altered: alt.filter((o) => o.verdictOk).length,
        speakerN: sp.length,
        speaker: sp.filter((o) => o.speakerOk).length,
        timeN: tm.length,
        time: tm.filter((o) => o.timeOk).length,
        times: tm.filter((o) => o.timesOk).length,
        falseFound: of((o) => o.c.expect === 'not-found' && (o.result.verdict === 'verbatim' || o.result.verdict === 'altered')).length,
      });
    }
  }
  return { rows, outcomes, ms: performance.now() - t0 };
}

const cell = (a: number, n: number) => (n === 0 ? '     –     ' : `${String(a).padStart(3)}/${String(n).padEnd(3)}${n ? `${Math.round((100 * a) / n)}%`.padStart(5) : ''}`);

export function formatLayoutsReport(r: LayoutsReport, verbose = false): string {
  const head = `${'layout'.padEnd(18)} ${'read as'.padEnd(17)} ${'split'.padEnd(8)} ${'n'.padStart(3)}  ${'verbatim'.padEnd(12)} ${'altered'.padEnd(12)} ${'speaker'.padEnd(12)} ${'time ±2 s'.padEnd(12)} ${'(by times)'.padEnd(12)} absent→v/a`;
  const lines = [
    `Layouts (issue 17): test/fixtures/layouts/* + the built-in transcript, multi-source check — ${r.outcomes.length} cases, ${r.ms.toFixed(0)} ms`,
    `(time ±2 s: the first match's time; "by times": the time the paragraph's \`times\` give at the match's start, what the card shows once the matcher reads them)\n`,
    head,
    '-'.repeat(head.length),
  ];
  for (const split of ['dev', 'heldout', 'all'] as const) {
    for (const row of r.rows.filter((x) => x.split === split)) {
      lines.push(
        `${row.layout.padEnd(18)} ${row.detected.padEnd(17)} ${row.split.padEnd(8)} ${String(row.n).padStart(3)}  ${cell(row.verbatim, row.verbatimN)} ${cell(row.altered, row.alteredN)} ${cell(row.speaker, row.speakerN)} ${cell(row.time, row.timeN)} ${cell(row.times, row.timeN)} ${row.falseFound}`,
      );
    }
    lines.push('-'.repeat(head.length));
  }
  const misses = r.outcomes.filter((o) => !o.verdictOk || o.speakerOk === false || o.timeOk === false);
  lines.push(`misses (${misses.length}; wrong verdict, speaker or time):`);
  for (const o of misses) {
    const m = o.result.matches[0];
    lines.push(
      `  ${o.c.id.padEnd(22)} ${o.c.kind.padEnd(7)} expect ${o.c.expect}/${o.c.speakerName ?? '-'}/${o.c.time ?? '-'} got ${o.result.verdict}/${m?.speakerName ?? '-'}/${m?.time ?? '-'}${m && !o.fromSource ? ` (${m.source?.id})` : ''}` +
        (verbose ? `\n      ${o.c.text}\n      ${m?.why ?? ''}` : ''),
    );
  }
  return lines.join('\n');
}
