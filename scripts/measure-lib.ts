// Pure helpers of `npm run measure` (scripts/measure.ts): ranges over runs, Vitest's JSON
// report, zip contents, the markdown of docs/measurements.md. Unit tests: test/scripts/measure-lib.test.ts.

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
