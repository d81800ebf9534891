// Pure helpers of `npm run measure` (scripts/measure.ts): ranges over runs, Vitest's JSON
// report, zip contents, the markdown of docs/measurements.md. Unit tests: test/scripts/measure-lib.test.ts.

// The JSON sections are the producers' own shapes (type-only imports: nothing of them runs here).
import type { PairsBenchRow } from '../bench/pairs';
import type { ScanBenchRow } from '../bench/scan-bench';
import type { FamilyStats, KindStats } from './eval-core';
import type { PairEvalReport } from './eval-pairs';
import type { PageOutcome } from './scan-eval';

/** `a` when every run gave the same figure (or there is one run), else `min–max`. */
export function range(values: number[], fmt: (x: number) => string): string {
  const xs = values.filter((x) => Number.isFinite(x));
  if (xs.length === 0) return '–';
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  const a = fmt(lo);
  const b = fmt(hi);
  if (a === b) return a;
  // 25.2–29.0 ms rather than 25.2 ms–29.0 ms when both ends have the same unit
  const ma = /^([\d.,]+)(.*)$/.exec(a);
  const mb = /^([\d.,]+)(.*)$/.exec(b);
  if (ma && mb && ma[2] === mb[2]) return `${ma[1]}–${mb[1]}${ma[2]}`;
  return `${a}–${b}`;
}

export const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2)) + ' ms';
export const seconds = (msValue: number) => (msValue >= 100_000 ? `${(msValue / 1000).toFixed(0)} s` : `${(msValue / 1000).toFixed(1)} s`);
export const micro = (us: number) => (us >= 1000 ? `${(us / 1000).toFixed(2)} ms` : `${us.toFixed(1)} µs`);
export const ratio = (x: number) => (x >= 100 ? `${x.toFixed(0)}×` : x >= 10 ? `${x.toFixed(1)}×` : `${x.toFixed(2)}×`);
export const pct = (a: number, n: number) => (n === 0 ? '–' : `${((100 * a) / n).toFixed(1)} %`);
/** Bytes in kB (1000), as store dashboards and `ls -h --si` give them. */
export const kB = (bytes: number) => (bytes >= 100_000 ? `${(bytes / 1000).toFixed(0)} kB` : `${(bytes / 1000).toFixed(1)} kB`);

/** What matters of Vitest's `--reporter=json` output. */
export interface TestSummary {
  files: number;
  tests: number;
  passed: number;
  failed: number;
  /** skipped, todo */
  other: number;
  /** Per test file (relative to `root`): wall time in ms. */
  fileMs: Record<string, number>;
}

export function summarizeVitestJson(raw: unknown, root: string): TestSummary {
  const r = raw as {
    numTotalTests?: number;
    numPassedTests?: number;
    numFailedTests?: number;
    numPendingTests?: number;
    numTodoTests?: number;
    testResults?: Array<{ name: string; startTime?: number; endTime?: number }>;
  };
  const fileMs: Record<string, number> = {};
  for (const f of r.testResults ?? []) {
    const rel = f.name.startsWith(root) ? f.name.slice(root.length).replace(/^[/\\]/, '') : f.name;
    if (f.startTime != null && f.endTime != null) fileMs[rel.split('\\').join('/')] = f.endTime - f.startTime;
  }
  return {
    files: (r.testResults ?? []).length,
    tests: r.numTotalTests ?? 0,
    passed: r.numPassedTests ?? 0,
    failed: r.numFailedTests ?? 0,
    other: (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0),
    fileMs,
  };
}

/** Entries and unpacked size of a zip file, from its central directory (no unzip tool needed). */
export function zipContents(buf: Buffer): { files: number; unpackedBytes: number } {
  // End of central directory: signature 0x06054b50, at most 64 KiB of comment after it.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip file');
  const entries = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  let files = 0;
  let unpackedBytes = 0;
  for (let n = 0; n < entries; n++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error('broken zip central directory');
    const size = buf.readUInt32LE(at + 24);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLen);
    if (!name.endsWith('/')) {
      files++;
      unpackedBytes += size;
    }
    at += 46 + nameLen + extraLen + commentLen;
  }
  return { files, unpackedBytes };
}

/** One named figure per run (in-browser measurements), kept together across runs. */
export type RunSeries = Record<string, number[]>;

/**
 * Flattens test-results/measurements.json (`{ name: { runs, median, p95, max, … }, sizes: {…} }`)
 * into `name.median`, `name.p95`… numbers, and appends them to `series`.
 */
export function collectMeasurements(json: unknown, series: RunSeries): void {
  if (!json || typeof json !== 'object') return;
  for (const [name, v] of Object.entries(json as Record<string, unknown>)) {
    if (!v || typeof v !== 'object') continue;
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      if (typeof x === 'number' && Number.isFinite(x)) (series[`${name}.${k}`] ??= []).push(x);
    }
  }
}

/** Markdown table. */
export function table(head: string[], rows: string[][]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  return [`| ${head.map(esc).join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`)].join('\n');
}

// ------------------------------------------------------------------ sections added after issue 9

/** ✓ / ✗ where a target exists; empty where none does. */
export const mark = (ok: boolean | null | undefined): string => (ok == null ? '' : ok ? '✓' : '✗');

/** Issue 11: the content script stays small for the select-and-check path. */
export const CONTENT_SCRIPT_GZ_TARGET_BYTES = 15_000;
/** Issue 11: no main-thread task of the scan longer than this. */
export const SCAN_LONGEST_TASK_TARGET_MS = 50;

/** One row of a table of targets: the figure, the target, and whether it holds. */
export interface TargetRow {
  what: string;
  value: string;
  target: string;
  ok: boolean | null;
}
export const targetTable = (rows: TargetRow[]): string => table(['what', 'measured', 'target', ''], rows.map((r) => [r.what, r.value, r.target, mark(r.ok)]));

// Shapes of the `--json` sections (bench/scan-bench.ts, bench/pairs.ts, bench/sources.ts).
export type ScanBenchRowJson = ScanBenchRow;
export type PairsBenchRowJson = PairsBenchRow;
export interface SourcesBenchJson {
  sources: number;
  perSource: Array<{ what: string; medianMs: number; maxMs: number }>;
  sets: Array<{ set: string; n: number; verdicts: Record<string, number>; rightSource: number; medianMs: number; p95Ms: number; targetP95Ms: number; askedMean: number; naiveMedianMs: number }>;
  cold: { readMs: number; setupMs: number; answers: Array<{ ms: number; verdict: string }> };
  coldNoSignatures: { readMs: number; setupMs: number; answers: Array<{ ms: number; verdict: string }> };
  allBuiltMb: number;
  multiMb: number;
  targets: Array<{ what: string; value: number; target: number; unit: 'ms' | 'MB'; ok: boolean; note?: string }>;
}

/** Page scan in Node (bench): one row per page, ranges over bench runs, target 150 ms. */
export function scanBenchMarkdown(runs: ScanBenchRowJson[][]): string {
  if (!runs.length || !runs[0]?.length) return 'No page-scan figures (the bench JSON has no `scan` section).';
  return table(
    ['page', 'quotes', 'find (happy-dom)', 'check (matcher)', 'total', 'target', ''],
    runs[0].map((r, i) => {
      const all = runs.map((x) => x[i]).filter(Boolean);
      const worst = Math.max(...all.map((x) => x.totalMs));
      return [r.page, String(r.quotes), range(all.map((x) => x.findMs), ms), range(all.map((x) => x.checkMs), ms), range(all.map((x) => x.totalMs), ms), `≤ ${r.targetMs} ms`, mark(worst <= r.targetMs)];
    }),
  );
}

/** Translation pairing speed (bench): target ≤ 500 ms at 60 000 characters. */
export function pairsBenchMarkdown(runs: PairsBenchRowJson[][]): string {
  if (!runs.length || !runs[0]?.length) return 'No pairing figures (the bench JSON has no `pairs` section).';
  return table(
    ['original', 'translation', 'wall (median of 3)', 'CPU', 'paragraphs right', 'target', ''],
    runs[0].map((r, i) => {
      const all = runs.map((x) => x[i]).filter(Boolean);
      const worst = Math.max(...all.map((x) => x.wallMs));
      return [
        `${r.originalChars.toLocaleString('en')} chars, ${r.originalParagraphs} ¶`,
        `${r.translationChars.toLocaleString('en')} chars, ${r.translationParagraphs} ¶`,
        range(all.map((x) => x.wallMs), ms),
        range(all.map((x) => x.cpuMs), ms),
        `${r.right}/${r.of}`,
        r.targetMs === null ? '–' : `≤ ${r.targetMs} ms`,
        r.targetMs === null ? '' : mark(worst <= r.targetMs),
      ];
    }),
  );
}

/** 50-source scale (bench): its targets (ranges over runs; ✓ only when every run met it). */
export function sourcesBenchMarkdown(runs: SourcesBenchJson[]): string {
  if (!runs.length) return 'No source-scale figures (the bench JSON has no `sources` section).';
  const d = runs[0];
  const fmt = (unit: 'ms' | 'MB') => (x: number) => (unit === 'ms' ? ms(x) : `${x.toFixed(0)} MB`);
  const targets = targetTable(
    d.targets.map((t, i) => {
      const all = runs.map((x) => x.targets[i]).filter(Boolean);
      return { what: t.what, value: range(all.map((x) => x.value), fmt(t.unit)) + (t.note && runs.length === 1 ? ` (${t.note})` : ''), target: `≤ ${t.target} ${t.unit}`, ok: all.every((x) => x.ok) };
    }),
  );
  const perSource = table(
    ['per source (median / max of the sources)', 'median', 'max'],
    d.perSource.map((r, i) => [r.what, range(runs.map((x) => x.perSource[i]?.medianMs ?? NaN), ms), range(runs.map((x) => x.perSource[i]?.maxMs ?? NaN), ms)]),
  );
  const sets = table(
    ['queries', 'n', 'verdicts', 'median', 'p95', 'sources asked (mean)', `all ${d.sources} asked: median`],
    d.sets.map((r, i) => {
      const all = runs.map((x) => x.sets[i]).filter(Boolean);
      const v = Object.entries(r.verdicts).map(([k, n]) => `${k} ${n}`).join(', ');
      return [r.set, String(r.n), `${v}; right source ${r.rightSource}`, range(all.map((x) => x.medianMs), ms), range(all.map((x) => x.p95Ms), ms), r.askedMean.toFixed(1), range(all.map((x) => x.naiveMedianMs), ms)];
    }),
  );
  const coldRow = (label: string, pick: (x: SourcesBenchJson) => SourcesBenchJson['cold']) => [
    label,
    range(runs.map((x) => pick(x).readMs), ms),
    range(runs.map((x) => pick(x).setupMs), ms),
    range(runs.map((x) => pick(x).answers[0]?.ms ?? NaN), ms),
    range(runs.map((x) => pick(x).setupMs + (pick(x).answers[0]?.ms ?? NaN)), ms),
  ];
  const cold = table(
    [`cold start, fresh process, ${d.sources} stored sources`, 'read stored JSON', 'set up', 'first answer', 'set up + first answer'],
    [coldRow('signatures stored', (x) => x.cold), coldRow('signatures rebuilt from text', (x) => x.coldNoSignatures)],
  );
  return [targets, perSource, sets, cold].join('\n\n');
}

// Shapes of the eval `--json` sections (scripts/eval.ts).
export type StatsJson = KindStats;
export type FamilyJson = FamilyStats;
export type ScanEvalJson = Pick<PageOutcome, 'page' | 'expected' | 'found' | 'truePositives' | 'speakerOk' | 'sameAsHand' | 'asLabelled'>;
export type PairEvalJson = Omit<PairEvalReport, 'misses'>;

const rate = (a: number, n: number) => (n === 0 ? 1 : a / n);

/**
 * The floors of test/match/eval-floors.test.ts (issues 9 and 10), for the pass marks of the
 * evaluation tables. The test is what enforces them; keep the two in step.
 */
export const GROUP_FLOORS: Record<string, number> = {
  'zh verbatim': 0.97,
  'zh altered': 0.93,
  'zh related': 0.72,
  'zh not-found': 0.7,
  'en not-found': 0.9,
  'en related': 0.8,
  all: 0.88,
};
/** Issue 10 families (split `all`): which figure has a floor, and how it is met. */
export const FAMILY_FLOORS: Record<string, { what: string; value: (f: FamilyJson) => number; floor: number; atMost?: boolean }> = {
  'invented-names': { what: 'called related (never verbatim/altered)', value: (f) => (f.verbatimOrAltered > 0 ? 1 : rate(f.related, f.n)), floor: 0.1, atMost: true },
  reversed: { what: 'flagged contradicted', value: (f) => rate(f.contradicted, f.n), floor: 0.8 },
  'loose-paraphrase': { what: 'right passage in top 3', value: (f) => rate(f.top3, f.paragraphN), floor: 0.75 },
  'short-phrase': { what: 'right passage in top 3', value: (f) => rate(f.top3, f.paragraphN), floor: 0.9 },
  'altered-repeated': { what: 'altered and attributed to the turn', value: (f) => Math.min(rate(f.verdict, f.n), rate(f.turnFirst, f.paragraphN)), floor: 1 },
};

const pctOf = (x: number) => `${(100 * x).toFixed(1)} %`;

/** Verdict rate per group with its floor. */
export function groupFloorRows(groups: StatsJson[], total: StatsJson): string[][] {
  return [...groups, { ...total, kind: 'all' }].map((g) => {
    const floor = GROUP_FLOORS[g.kind];
    return [g.kind, String(g.n), pct(g.verdict, g.n), floor === undefined ? '–' : `≥ ${pctOf(floor)}`, floor === undefined ? '' : mark(rate(g.verdict, g.n) >= floor)];
  });
}

/** The issue-10 families table (all, dev, held-out), with the floor where the test sets one. */
export function familiesMarkdown(families: FamilyJson[]): string {
  if (!families.length) return 'No family figures (the eval JSON has no `families` section).';
  return table(
    ['family', 'split', 'n', 'verdict', 'related', 'verbatim/altered', 'contradicted', 'top-3', 'turn first', 'floor (all splits)', ''],
    families.map((f) => {
      const fl = f.split === 'all' ? FAMILY_FLOORS[f.family] : undefined;
      const ok = fl ? (fl.atMost ? fl.value(f) <= fl.floor : fl.value(f) >= fl.floor) : null;
      return [
        f.family,
        f.split,
        String(f.n),
        pct(f.verdict, f.n),
        pct(f.related, f.n),
        pct(f.verbatimOrAltered, f.n),
        pct(f.contradicted, f.n),
        pct(f.top3, f.paragraphN),
        pct(f.turnFirst, f.paragraphN),
        fl ? `${fl.what} ${fl.atMost ? '≤' : '≥'} ${pctOf(fl.floor)}` : '',
        mark(ok),
      ];
    }),
  );
}

/** Page scan against the labelled pages: recall, precision, attribution, verdict agreement. */
export function scanEvalMarkdown(pages: ScanEvalJson[]): string {
  if (!pages.length) return 'No page-scan evaluation (the eval JSON has no `scan` section).';
  const sum = (f: (p: ScanEvalJson) => number) => pages.reduce((n, p) => n + f(p), 0);
  const all: ScanEvalJson = { page: 'all', expected: sum((p) => p.expected), found: sum((p) => p.found), truePositives: sum((p) => p.truePositives), speakerOk: sum((p) => p.speakerOk), sameAsHand: sum((p) => p.sameAsHand), asLabelled: sum((p) => p.asLabelled) };
  return table(
    ['page', 'quotes', 'found', 'recall', 'precision', 'speaker right', 'verdict as when selected by hand', 'verdict as labelled'],
    [...pages, all].map((p) => [p.page, String(p.expected), String(p.found), pct(p.truePositives, p.expected), pct(p.truePositives, p.found), pct(p.speakerOk, p.truePositives), pct(p.sameAsHand, p.truePositives), pct(p.asLabelled, p.truePositives)]),
  );
}

/** Translation pairing accuracy (issue 13 targets: paragraphs ≥ 95 %, counterparts ≥ 90 %). */
export function pairEvalMarkdown(r: PairEvalJson): string {
  const row = (what: string, x: { right: number; n: number }, floor?: number): string[] => [what, `${x.right}/${x.n}`, pct(x.right, x.n), floor === undefined ? '–' : `≥ ${pctOf(floor)}`, floor === undefined ? '' : mark(rate(x.right, x.n) >= floor)];
  return table(
    ['what', 'right', 'rate', 'target', ''],
    [
      row('paragraphs linked right', r.paragraphs, 0.95),
      row('dropped original paragraphs found', r.droppedParagraphs),
      row('sentences linked right', r.sentences),
      row('Chinese quote → right English sentence', r.counterparts, 0.9),
      row('English sentences the translation dropped, said so', r.droppedSentences),
    ],
  );
}

/** axe summary: surface × violations, from the tables test/e2e/axe.ts writes (`| surface | critical | serious | moderate | minor | rules |`). */
export interface AxeRow {
  file: string;
  surface: string;
  critical: number;
  serious: number;
  moderate: number;
  minor: number;
  rules: string;
}
export function parseAxeMarkdown(file: string, md: string): AxeRow[] {
  const rows: AxeRow[] = [];
  for (const line of md.split('\n')) {
    const cells = line.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim());
    if (cells.length !== 6 || cells[0] === 'surface' || /^-+$/.test(cells[0])) continue;
    const nums = cells.slice(1, 5).map(Number);
    if (nums.some((x) => !Number.isInteger(x))) continue;
    rows.push({ file, surface: cells[0], critical: nums[0], serious: nums[1], moderate: nums[2], minor: nums[3], rules: cells[5] });
  }
  return rows;
}
export function axeMarkdown(rows: AxeRow[]): string {
  if (!rows.length) return 'No axe tables in test-results/a11y/ (the Chromium suite did not run or failed early).';
  const total = (k: 'critical' | 'serious' | 'moderate' | 'minor') => rows.reduce((n, r) => n + r[k], 0);
  const none = rows.filter((r) => r.critical + r.serious + r.moderate + r.minor === 0).length;
  return [
    `${rows.length} surfaces checked, ${none} without violations; critical ${total('critical')}, serious ${total('serious')}, moderate ${total('moderate')}, minor ${total('minor')} (elements).`,
    '',
    table(['table', 'surface', 'critical', 'serious', 'moderate', 'minor', 'rules'], rows.map((r) => [r.file, r.surface, String(r.critical), String(r.serious), String(r.moderate), String(r.minor), r.rules])),
  ].join('\n');
}
