/** The sections `npm run measure` writes, each from its own module (scripts/measure/). */
import { describe, expect, it } from 'vitest';
import { benchSection } from '../../scripts/measure/bench-section';
import { evalSection } from '../../scripts/measure/eval-section';
import { durationsSection } from '../../scripts/measure/run-facts';
import { sizesSection } from '../../scripts/measure/sizes';
import type { Step } from '../../scripts/measure/steps';

const step = (name: string, times: number[], failures = 0): Step => ({ name, command: `npm run ${name}`, times, failures });

describe('measure sections', () => {
  it('say plainly when a step gave no figures', () => {
    expect(benchSection([]).join('\n')).toContain('The bench failed: no figures.');
    expect(evalSection(null).join('\n')).toContain('The evaluation failed: no figures.');
  });

  it('sum the parts of npm test that ran, and mark a failed step', () => {
    const typecheck = step('typecheck', [10_000]);
    const unit = step('unit', [50_000], 1);
    const md = durationsSection({ steps: [typecheck, unit], typecheck, unit, chromium: null, firefox: null, firefoxNote: '', testScript: 'npm run typecheck && npm run test:unit && npm run test:e2e', quick: true }).join('\n');
    expect(md).toContain('**60.0 s**');
    expect(md).toContain('**failed 1 of 1**');
    expect(md).toContain('quick mode');
  });

  it('mark the content script against its target and list the packages', () => {
    const whole = { bytes: 900_000, files: 40 };
    const md = sizesSection({
      bundles: [{ dir: 'chrome-mv3', content: 40_000, contentGz: 14_000, background: 300_000, backgroundGz: 90_000, whole }],
      zips: [{ file: 'verbatim-chrome.zip', bytes: 360_000, unpackedBytes: 900_000, files: 40 }],
    }).join('\n');
    expect(md).toMatch(/14(\.0)? kB ✓/);
    expect(md).toContain('verbatim-chrome.zip');
  });

  it('report the check-on-select watcher in its own column, next to the content script', () => {
    const whole = { bytes: 900_000, files: 40 };
    const md = sizesSection({
      bundles: [{ dir: 'chrome-mv3', content: 38_000, contentGz: 14_700, watcher: 11_500, watcherGz: 4_800, background: 300_000, backgroundGz: 90_000, whole }],
      zips: [],
    }).join('\n');
    expect(md).toContain('check-on-select watcher (every page)');
    const row = md.split('\n').find((l) => l.startsWith('| chrome-mv3'))!;
    const cells = row.split('|').map((c) => c.trim());
    const head = md.split('\n').find((l) => l.includes('check-on-select watcher'))!.split('|').map((c) => c.trim());
    expect(cells[head.indexOf('check-on-select watcher (every page)')]).toMatch(/^11(\.5)? kB \(4\.8 kB gzipped\)$/);
    expect(cells[head.indexOf('content script')]).toMatch(/^38(\.0)? kB$/);
  });
});
