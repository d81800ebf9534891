/**
 * The English-source section of `npm run eval`: cases in test/eval/cases-source-en.jsonl checked
 * against the built-in transcript plus the English fixture interview
 * (test/fixtures/sources/interview-en.txt, written for the tests), through the multi-source
 * check as the extension runs it. Reported apart from the built-in transcript's figures.
 *
 * A case names its passage by a `hint` (words of the fixture paragraph) rather than an id, so
 * the expected paragraph follows the parser. `speaker` is main/other; every found case must
 * come from the fixture source (`source ok`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { normalizeText } from '../src/match/normalize';
import { builtinSource, createMultiMatcher, draftToSource, parseSource, type MultiMatcher, type Source } from '../src/sources/index';
import type { Speaker } from '../src/types';
import { evaluate, formatReport, loadGloss, loadTranscript, type EvalCase, type EvalReport } from './eval-core';

export const FIXTURE_ID = 'fixture-en';

export function loadFixtureSource(root: string): Source {
  const file = resolve(root, 'test/fixtures/sources/interview-en.txt');
  const parsed = parseSource({ name: 'interview-en.txt', bytes: new Uint8Array(readFileSync(file)) });
  if (!parsed.ok) throw new Error(`fixture source: ${parsed.error}`);
  return draftToSource(parsed.draft, FIXTURE_ID, 0);
}

export function loadSourceCases(root: string, source: Source): EvalCase[] {
  const path = resolve(root, 'test/eval/cases-source-en.jsonl');
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const c = JSON.parse(l) as Record<string, unknown>;
      const hint = typeof c.hint === 'string' ? normalizeText(c.hint) : null;
      const paragraph = hint ? source.paragraphs.find((p) => normalizeText(p.text).includes(hint))?.id ?? null : null;
      if (hint && !paragraph) throw new Error(`${String(c.id)}: hint not in the fixture source`);
      return {
        id: String(c.id),
        text: String(c.text),
        expect: c.expect as EvalCase['expect'],
        speaker: (c.speaker as Speaker | null) ?? null,
        paragraph,
        kind: String(c.kind),
        source: 'cases-source-en',
      };
    });
}

export interface SourceEvalReport {
  report: EvalReport;
  /** Found cases whose first match is from the fixture source. */
  sourceOk: number;
  sourceN: number;
  multi: MultiMatcher;
}

export function evaluateSources(root: string): SourceEvalReport {
  const transcript = loadTranscript(root);
  const source = loadFixtureSource(root);
  const multi = createMultiMatcher([{ source: builtinSource(transcript), transcript, gloss: loadGloss(root) }, { source }]);
  const cases = loadSourceCases(root, source);
  const report = evaluate(multi, cases);
  const found = report.outcomes.filter((o) => o.c.expect !== 'not-found');
  const sourceOk = found.filter((o) => o.result.matches[0]?.source?.id === FIXTURE_ID).length;
  return { report, sourceOk, sourceN: found.length, multi };
}

export function formatSourceReport(r: SourceEvalReport): string {
  const misses = r.report.outcomes.filter((o) => !o.verdictOk || o.top1 === false || o.speakerOk === false);
  return [
    `English source (test/fixtures/sources/interview-en.txt + the built-in transcript, multi-source check) — ${r.report.outcomes.length} cases\n`,
    formatReport(r.report),
    `first match from the English source: ${r.sourceOk}/${r.sourceN} found cases`,
    ...(misses.length > 0 ? [`misses (${misses.length}):`] : []),
    ...misses.map((o) => {
      const m = o.result.matches[0];
      return `  ${o.c.id.padEnd(8)} expect ${o.c.expect}/${o.c.speaker ?? '-'}/${o.c.paragraph ?? '-'} got ${o.result.verdict}/${m?.speaker ?? '-'}/${m?.paragraphId ?? '-'}${m ? ` (${m.source?.id})` : ''}`;
    }),
  ].join('\n');
}
