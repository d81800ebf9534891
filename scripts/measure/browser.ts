/**
 * The browser suites for `npm run measure`: run them, collect the figures they record into
 * test-results/ (latencies, page scan, stored sources, axe tables), and write their section.
 */
import fs from 'node:fs';
import path from 'node:path';
import { axeMarkdown, collectMeasurements, ms, parseAxeMarkdown, range, SCAN_LONGEST_TASK_TARGET_MS, table, targetTable, type AxeRow, type RunSeries, type TargetRow } from '../measure-lib';
import type { Step, StepRunner } from './steps';

export interface BrowserFigures {
  chromium: Step | null;
  firefox: Step | null;
  /** Why the Firefox suite did not run, when it did not. */
  firefoxNote: string;
  series: RunSeries;
  firefoxSeries: RunSeries;
  scanSeries: RunSeries;
  sourcesSeries: RunSeries;
  /** Five stored sources: first card after a browser start, menu → card painted (test/e2e/perf-sources.e2e.ts). */
  sources5Series: RunSeries;
  selectWatchSeries: RunSeries;
  axeRows: AxeRow[];
}

export async function runBrowserSuites(runner: StepRunner, runs: number, hasFirefoxSuite: boolean): Promise<BrowserFigures> {
  const results = (f: string) => path.join(runner.root, 'test-results', f);
  const measurementsFile = results('measurements.json');
  const firefoxMeasurements = results('measurements-firefox.json');
  const scanMeasurementsFile = results('scan-measurements.json');
  const scanPanelMeasurementsFile = results('scan-panel-measurements.json');
  const sourcesMeasurementsFile = results('sources-measurements.json');
  const sources5File = results('measurements-sources5.json');
  const selectWatchFile = results('select-watch.json');
  const a11yDir = results('a11y');
  const out: BrowserFigures = { chromium: null, firefox: null, firefoxNote: '', series: {}, firefoxSeries: {}, scanSeries: {}, sourcesSeries: {}, sources5Series: {}, selectWatchSeries: {}, axeRows: [] };
  for (const f of [measurementsFile, scanMeasurementsFile, scanPanelMeasurementsFile, sourcesMeasurementsFile, sources5File, selectWatchFile]) fs.rmSync(f, { force: true });
  fs.rmSync(a11yDir, { recursive: true, force: true });
  out.chromium = await runner.vitest('Chromium e2e', 'test:e2e', runs, () => {
    for (const [file, series] of [[measurementsFile, out.series], [scanMeasurementsFile, out.scanSeries], [scanPanelMeasurementsFile, out.scanSeries], [sourcesMeasurementsFile, out.sourcesSeries], [sources5File, out.sources5Series], [selectWatchFile, out.selectWatchSeries]] as const) {
      if (!fs.existsSync(file)) continue;
      collectMeasurements(JSON.parse(fs.readFileSync(file, 'utf8')), series);
      fs.rmSync(file);
    }
    // The a11y tables of the last run (violations do not vary from run to run).
    if (fs.existsSync(a11yDir)) {
      out.axeRows = fs
        .readdirSync(a11yDir)
        .filter((f) => f.endsWith('.md'))
        .sort()
        .flatMap((f) => parseAxeMarkdown(f, fs.readFileSync(path.join(a11yDir, f), 'utf8')));
    }
  });
  if (hasFirefoxSuite) {
    fs.rmSync(firefoxMeasurements, { force: true });
    out.firefox = await runner.vitest('Firefox e2e', 'test:e2e:firefox', runs, () => {
      if (fs.existsSync(firefoxMeasurements)) {
        collectMeasurements(JSON.parse(fs.readFileSync(firefoxMeasurements, 'utf8')), out.firefoxSeries);
        fs.rmSync(firefoxMeasurements);
      }
    });
  } else {
    out.firefoxNote = 'skipped: this checkout has no `npm run test:e2e:firefox`';
    console.log(`\nFirefox e2e ${out.firefoxNote}`);
  }
  return out;
}

const LABELS: Record<string, string> = {
  selectionToCardPaintedMs: 'selection → card painted (check-on-select button click → card painted, in-page clock)',
  contentScriptMessageToPaintMs: 'card message → card painted (context-menu path, in-page clock)',
  menuTriggerToCardPaintedMs: 'context-menu handler → card painted (test clock: includes DevTools round trips and the script injection)',
  workerColdStartToFirstAnswerMs: 'worker cold start → first answer (worker stopped, then one check from an extension page)',
  warmCheckRoundTripMs: 'warm check round trip from an extension page',
  firstCardAfterBrowserStartMs: 'first card after a browser start (total: test clock from the menu handler; inPage: card message → painted)',
  firstCheckBreakdownMs: "first check after the browser start, worker clock (each step's ms; workerStartToClick: how long after the worker's start the click came)",
  lastCheckBreakdownMs: 'a warm check, worker clock (same steps)',
  firstCheckInsideMs: 'inside the first check: prefilter, ask, matcher builds',
  worker: "the worker's start: script evaluated, warm-up steps (ms each)",
  workerWokenByCheckMs: 'worker stopped, then woken by the paraphrase check (round trip from an extension page)',
  first: 'first check in a frame: the card script is injected by it',
  later: 'later checks in the same frame',
};

function browserTable(series: RunSeries, suite: string, n: number): string[] {
  // `name.figure`; names themselves may hold dots (`feature-long.scanMs`)
  const names = [...new Set(Object.keys(series).map((k) => k.slice(0, k.lastIndexOf('.'))))].filter((k) => k !== 'sizes');
  if (!names.length) return [];
  const cell = (k: string) => (series[k] ? range(series[k], ms) : '–');
  return [
    `### ${suite}${n > 1 ? ` (ranges over ${n} runs of the suite)` : ' (one run of the suite)'}`,
    '',
    table(
      ['what', 'samples per run', 'median', 'p95', 'max', 'other'],
      names.map((name) => {
        const extra = Object.keys(series)
          .filter((k) => k.startsWith(`${name}.`) && !/\.(runs|median|p95|max)$/.test(k))
          .map((k) => `${k.slice(name.length + 1)} ${cell(k)}`)
          .join('; ');
        return [LABELS[name] ?? name, series[`${name}.runs`] ? range(series[`${name}.runs`], String) : '–', cell(`${name}.median`), cell(`${name}.p95`), cell(`${name}.max`), extra];
      }),
    ),
    '',
  ];
}

export function browserSection(b: BrowserFigures): string[] {
  const n = b.chromium?.times.length ?? 0;
  const md = ['## In the browser', '', 'Recorded by `test/e2e/extension.e2e.ts` into `test-results/measurements.json` on each run of the Chromium suite (headless).', ''];
  md.push(...browserTable(b.series, 'Chromium', n));
  if (!Object.keys(b.series).length) md.push('No `test-results/measurements.json` was written (the Chromium suite failed early?).', '');
  md.push(...browserTable(b.firefoxSeries, 'Firefox', b.firefox?.times.length ?? 0));
  if (!Object.keys(b.firefoxSeries).length) md.push('No `test-results/measurements-firefox.json` was written by the Firefox suite: no Firefox timings.', '');
  md.push(...browserTable(b.scanSeries, 'Page scan in Chromium (test/e2e/scan.e2e.ts → test-results/scan-measurements.json)', n));
  md.push(...browserTable(b.sourcesSeries, 'Worker cold start with stored sources (test/e2e/sources.e2e.ts → test-results/sources-measurements.json)', n));
  md.push(...browserTable(b.selectWatchSeries, 'Check-on-select: button click → card painted, in-page clock (test/e2e/select-watch.e2e.ts; first = the check that brings the card script into the frame)', n));
  md.push(...browserTable(b.sources5Series, 'Five stored sources: first card after a browser start, menu → card painted (test/e2e/perf-sources.e2e.ts; issue 20 targets ≤ 150 ms and p95 ≤ 50 ms)', n));
  const scanTargets: TargetRow[] = [];
  for (const k of Object.keys(b.scanSeries).filter((x) => x.endsWith('.scanMs.median'))) {
    scanTargets.push({ what: `${k.split('.')[0]}: scan found, checked and marked (median)`, value: range(b.scanSeries[k], ms), target: '≤ 150 ms', ok: b.scanSeries[k].every((x) => x <= 150) });
  }
  for (const k of Object.keys(b.scanSeries).filter((x) => x.endsWith('.longestTaskMs.max'))) {
    scanTargets.push({ what: `${k.split('.')[0]}: longest main-thread task`, value: range(b.scanSeries[k], ms), target: `≤ ${SCAN_LONGEST_TASK_TARGET_MS} ms`, ok: b.scanSeries[k].every((x) => x <= SCAN_LONGEST_TASK_TARGET_MS) });
  }
  if (scanTargets.length) md.push('Issue 11 targets in the browser:', '', targetTable(scanTargets), '');
  else md.push('No `test-results/scan-measurements.json` was written: no in-browser scan timings.', '');
  md.push('## Accessibility (axe-core)', '', 'From the tables the a11y suites write to `test-results/a11y/*.md` (last run of the Chromium suite); counts are elements per impact.', '', axeMarkdown(b.axeRows), '');
  return md;
}
