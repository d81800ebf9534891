/** The evaluation's section of docs/measurements.md, from `npm run eval -- --json`. */
import type { KindStats } from '../eval-core';
import { textSections } from './bench-section';
import { familiesMarkdown, groupFloorRows, pairEvalMarkdown, pct, scanEvalMarkdown, table, type FamilyJson, type PairEvalJson, type ScanEvalJson } from '../measure-lib';

export interface EvalJson {
  cases: number;
  buildMs: number;
  ms: number;
  kinds: KindStats[];
  groups: KindStats[];
  total: KindStats;
  falseFound: string[];
  families?: FamilyJson[];
  sources?: { cases: number; kinds: KindStats[]; groups: KindStats[]; total: KindStats; falseFound: string[]; sourceOk: number; sourceN: number };
  scan?: ScanEvalJson[];
  pairs?: PairEvalJson;
  /** Newer sections as the eval prints them, by title. */
  sectionTexts?: Record<string, string>;
}

export function evalSection(e: EvalJson | null): string[] {
  const md = ['## Evaluation', ''];
  if (!e) return [...md, 'The evaluation failed: no figures.', ''];
  md.push(
    `\`npm run eval\` (scripts/eval.ts): ${e.cases} cases from \`test/eval/\` (origins in test/eval/SOURCES.md), through the same matcher the extension ships. `
      + `Deterministic: the same code gives the same figures. **False verbatim/altered on quotes the interview does not hold: ${e.falseFound.length}**${e.falseFound.length ? ` (${e.falseFound.join(', ')})` : ''}.`,
    '',
  );
  const row = (s: KindStats) => [s.kind, String(s.n), pct(s.verdict, s.n), pct(s.speaker, s.speakerN), pct(s.top1, s.paragraphN), pct(s.top3, s.paragraphN)];
  const head = ['', 'n', 'verdict', 'speaker', 'paragraph top-1', 'top-3'];
  md.push('By language and expected verdict:', '', table(head, [...e.groups.map(row), row({ ...e.total, kind: 'all' })]), '');
  md.push('By kind of case:', '', table(head, e.kinds.map(row)), '');
  md.push('Verdict rate per group against the floors of `test/match/eval-floors.test.ts`:', '', table(['group', 'n', 'verdict', 'floor', ''], groupFloorRows(e.groups, e.total)), '');
  md.push('### Quotes that mislead (issue 10, test/eval/cases-truth.jsonl), by family and split', '', familiesMarkdown(e.families ?? []), '');
  md.push('### English source (scripts/eval-sources.ts: test/fixtures/sources/interview-en.txt beside the built-in transcript)', '');
  if (e.sources) {
    const s = e.sources;
    md.push(`${s.cases} cases; first match from the English source in ${s.sourceOk}/${s.sourceN} found cases; false verbatim/altered: ${s.falseFound.length}.`, '');
    md.push(table(head, [...s.kinds.map(row), ...s.groups.map(row), row({ ...s.total, kind: 'all' })]));
  } else md.push('No English-source figures (the eval JSON has no `sources` section).');
  md.push('');
  md.push('### Page scan against the labelled pages (scripts/scan-eval.ts, test/fixtures/pages/scan)', '', scanEvalMarkdown(e.scan ?? []), '');
  md.push('### Translation pairing accuracy (scripts/eval-pairs.ts, test/fixtures/pair)', '', e.pairs ? pairEvalMarkdown(e.pairs) : 'No pairing figures (the eval JSON has no `pairs` section).', '');
  md.push(...textSections([e.sectionTexts]));
  return md;
}
