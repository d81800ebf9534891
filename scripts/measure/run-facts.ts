/** The machine a measurement ran on, and how long each step took: the first sections of docs/measurements.md. */
import fs from 'node:fs';
import os from 'node:os';
import { range, seconds, table } from '../measure-lib';
import { firstLine, NPM, type Step } from './steps';

export function machineSection(loadBefore: number[], loadAfter: number[]): string[] {
  const cpus = os.cpus();
  const chromiumBin = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  const firefoxBin = ['firefox-esr', 'firefox'].map((b) => firstLine(b, ['--version'])).find(Boolean);
  let osName = `${os.type()} ${os.release()}`;
  try {
    osName = /PRETTY_NAME="([^"]+)"/.exec(fs.readFileSync('/etc/os-release', 'utf8'))?.[1] ?? osName;
  } catch {
    // not Linux: the kernel's name will do
  }
  return [
    '## Machine',
    '',
    table(
      ['', ''],
      [
        ['CPU', `${cpus.length} cores, ${cpus[0]?.model.trim() ?? 'unknown'}`],
        ['memory', `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`],
        ['OS', osName],
        ['Node', process.version],
        ['npm', firstLine(NPM, ['--version']) ?? 'unknown'],
        ['Chromium', firstLine(chromiumBin, ['--version']) ?? `not found at ${chromiumBin}`],
        ['Firefox', firefoxBin ?? 'not installed'],
        ['load average (1 min) at start / end', `${loadBefore[0].toFixed(1)} / ${loadAfter[0].toFixed(1)}`],
      ],
    ),
    '',
    'Latencies depend on the load of the machine: the load average above says how busy it was.',
    '',
  ];
}

export interface DurationParts {
  steps: Step[];
  typecheck: Step;
  unit: Step;
  chromium: Step | null;
  firefox: Step | null;
  firefoxNote: string;
  testScript: string;
  quick: boolean;
}

export function durationsSection(d: DurationParts): string[] {
  const testCell = (s: Step) => {
    if (!s.tests?.length) return s.note ?? '';
    const t = s.tests;
    return `${range(t.map((x) => x.passed), String)} passed, ${range(t.map((x) => x.failed), String)} failed of ${range(t.map((x) => x.tests), String)} tests in ${range(t.map((x) => x.files), String)} files`;
  };
  const stepRows = d.steps.map((s) => [s.name, `\`${s.command}\``, String(s.times.length), range(s.times, seconds), s.failures ? `**failed ${s.failures} of ${s.times.length}**` : 'ok', testCell(s)]);
  if (d.firefoxNote) stepRows.push(['Firefox e2e', '`npm run test:e2e:firefox`', '0', '–', d.firefoxNote, '']);
  const md = ['## Durations', '', table(['step', 'command', 'runs', 'wall time', 'result', 'tests'], stepRows), ''];
  // `npm test` runs its parts one after the other: its duration is their sum.
  const parts: Array<[string, number[]]> = [['typecheck', d.typecheck.times], ['unit tests', d.unit.times]];
  if (/test:e2e(?!:)/.test(d.testScript) && d.chromium) parts.push(['Chromium e2e', d.chromium.times]);
  if (/test:e2e:firefox/.test(d.testScript) && d.firefox) parts.push(['Firefox e2e', d.firefox.times]);
  const lo = parts.reduce((a, [, t]) => a + Math.min(...t), 0);
  const hi = parts.reduce((a, [, t]) => a + Math.max(...t), 0);
  md.push(
    `\`npm test\` (\`${d.testScript}\`) runs ${parts.map(([n]) => n).join(' + ')} one after the other: **${range([lo, hi], seconds)}** here`
      + `${d.quick ? ' (without the browser suites: quick mode)' : ''}. \`bash scripts/setup.sh\` adds \`npm ci\` and any missing Debian package on a fresh machine.`,
    '',
  );
  for (const s of [d.chromium, d.firefox]) {
    if (!s?.tests?.length) continue;
    const files = [...new Set(s.tests.flatMap((t) => Object.keys(t.fileMs)))].sort();
    md.push(`${s.name}, per test file (wall time${s.tests.length > 1 ? `, range over ${s.tests.length} runs` : ''}):`, '');
    md.push(table(['file', 'time'], files.map((f) => [f, range(s.tests!.map((t) => t.fileMs[f] ?? NaN), seconds)])), '');
  }
  return md;
}
