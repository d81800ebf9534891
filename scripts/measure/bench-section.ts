/** The matcher benchmark's section of docs/measurements.md, from the `npm run bench -- --json` runs. */
import type { BenchRatios, SizeReport } from '../../bench/bench';
import { kB, micro, ms, pairsBenchMarkdown, range, ratio, scanBenchMarkdown, sourcesBenchMarkdown, table, type PairsBenchRowJson, type ScanBenchRowJson, type SourcesBenchJson } from '../measure-lib';

export interface BenchJson {
  reps: number;
  queries: { exact: number; altered: number };
  sizes: SizeReport[];
  ratios: BenchRatios[];
  scan?: ScanBenchRowJson[];
  sources?: SourcesBenchJson;
  pairs?: PairsBenchRowJson[];
  /** Newer sections as the bench prints them, by title. */
  sectionTexts?: Record<string, string>;
}

/** Sections the bench prints as text: each run's text, one after the other, in a code block. */
export function textSections(runs: Array<Record<string, string> | undefined>, level = '###'): string[] {
  const titles = [...new Set(runs.flatMap((r) => Object.keys(r ?? {})))];
  const md: string[] = [];
  for (const title of titles) {
    const texts = runs.map((r) => r?.[title]).filter((t): t is string => typeof t === 'string');
    md.push(`${level} ${title}`, '');
    texts.forEach((t, i) => {
      if (texts.length > 1) md.push(`Run ${i + 1} of ${texts.length}:`, '');
      md.push('```text', t.trim(), '```', '');
    });
  }
  return md;
}

export function benchSection(benches: BenchJson[]): string[] {
  const md = ['## Matcher benchmark', ''];
  if (!benches.length) return [...md, 'The bench failed: no figures.', ''];
  const b0 = benches[0];
  md.push(
    `\`npm run bench\` (bench/bench.ts), ${benches.length} run${benches.length > 1 ? 's' : ''}: ${b0.queries.exact} exact and ${b0.queries.altered} altered queries; `
      + `per query the median of ${b0.reps} repetitions, then the median and p95 over queries. `
      + `${benches.length > 1 ? 'Each cell is the range over the runs.' : 'One run: these figures are noisy.'} Times per query.`,
    '',
  );
  for (let si = 0; si < b0.sizes.length; si++) {
    const sz = b0.sizes[si];
    const all = benches.map((b) => b.sizes[si]);
    md.push(`### ${sz.label}: ${sz.paragraphs} paragraphs, ${sz.chars.toLocaleString('en')} normalised characters`, '');
    md.push(`Matcher build ${range(all.map((x) => x.buildMs), ms)} (MiniSearch, built on first need: ${range(all.map((x) => x.rankerMs), ms)}); positional index ${kB(sz.indexBytes)}, MiniSearch serialised ${kB(sz.miniSearchBytes)}.`, '');
    md.push(
      table(
        ['method', 'queries', 'n', 'median', 'p95', 'located'],
        sz.rows.map((row, ri) => {
          const t = all.map((x) => x.rows[ri].t);
          return [row.method, row.set, String(row.t.n), range(t.map((x) => x.median), micro), range(t.map((x) => x.p95), micro), range(t.map((x) => 100 * x.accuracy), (x) => `${x.toFixed(1)} %`)];
        }),
      ),
      '',
    );
  }
  md.push('Ratios within each run (the figures the targets are about; range over runs):', '');
  md.push(
    table(
      ['corpus', 'matcher / indexOf floor, exact (target ≤ 5×)', 'full scan / matcher, altered (target ≥ 50× at 100×)', 'located: full scan vs matcher', 'matcher p95, exact and altered'],
      b0.ratios.map((r, i) => {
        const rs = benches.map((b) => b.ratios[i]);
        return [
          r.size,
          range(rs.map((x) => x.exactOverFloor), ratio),
          range(rs.map((x) => x.scanOverMatcher), ratio),
          `${range(rs.map((x) => 100 * x.scanLocated), (x) => `${x.toFixed(1)} %`)} vs ${range(rs.map((x) => 100 * x.matcherLocated), (x) => `${x.toFixed(1)} %`)}`,
          range(rs.map((x) => x.matcherP95Us), micro),
        ];
      }),
    ),
    '',
  );
  md.push('### Page scan in Node (bench/scan-bench.ts; issue 11 target ≤ 150 ms, the browser figure is above)', '');
  md.push(scanBenchMarkdown(benches.map((b) => b.scan ?? []).filter((x) => x.length)), '');
  md.push('### 50 stored sources (bench/sources.ts; ranges over runs, ✓ when every run met the target)', '');
  md.push(sourcesBenchMarkdown(benches.flatMap((b) => (b.sources ? [b.sources] : []))), '');
  md.push('### Translation pairing speed (bench/pairs.ts; issue 13 target ≤ 500 ms at 60 000 characters)', '');
  md.push(pairsBenchMarkdown(benches.map((b) => b.pairs ?? []).filter((x) => x.length)), '');
  md.push(...textSections(benches.map((b) => b.sectionTexts)));
  return md;
}
