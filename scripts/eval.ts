/**
 * `npm run eval`: run every evaluation case through the matcher and print, per kind, verdict
 * accuracy, speaker accuracy, paragraph top-1/top-3, and the false verbatim/altered verdicts
 * on quotes the interview does not hold. `--json`: the same counts as one JSON object.
 *
 * Cases: test/eval/cases.jsonl (Chinese), test/eval/cases-en.jsonl (English), and the ten
 * samples in test/eval/sample-quotes.jsonl (their labels mapped, see `fromSample`; where they
 * come from: test/eval/SOURCES.md). Only files of the repository are read.
 */

import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMatcher } from '../src/match/index';
import { evaluatePairs, formatPairReport } from './eval-pairs';
import { evaluateSources, formatSourceReport } from './eval-sources';
import { ROOT, evaluate, familyStats, formatFamilies, formatReport, loadCases, loadGloss, loadTranscript } from './eval-core';
import { evaluateScan, formatPressEval } from './scan-eval';
import { evaluateLayouts, formatLayoutsReport } from './eval-layouts';
import { evaluateQuoteTime, formatQuoteTimeReport } from './eval-quote-time';
import { evaluateCleanup, formatCleanupReport } from './eval-cleanup';
import { evaluateXlang, formatXlangReport, xlangJson } from './eval-xlang';

async function main(): Promise<void> {
  const verbose = process.argv.includes('--verbose') || process.argv.includes('-v');
  const transcript = loadTranscript();
  const gloss = loadGloss();
  const t0 = performance.now();
  const matcher = createMatcher(transcript, gloss);
  const buildMs = performance.now() - t0;
  const cases = loadCases(ROOT, transcript);
  // Every section once; text and --json are two views of the same results.
  const report = evaluate(matcher, cases);
  const families = [...familyStats(report), ...familyStats(report, 'dev'), ...familyStats(report, 'heldout')];
  const scan = await evaluateScan((text) => matcher.check(text));
  const pairs = evaluatePairs();
  const sources = evaluateSources(ROOT);
  const layouts = evaluateLayouts(ROOT);
  const quoteTime = evaluateQuoteTime(ROOT);
  const cleanup = evaluateCleanup(ROOT);
  const xlang = evaluateXlang(ROOT);
  // The newer sections as their own text tables (docs/measurements.md shows them as written).
  const sectionTexts = {
    'Page scan, press set (issue 19; scripts/scan-eval.ts, test/fixtures/pages/scan/press)': formatPressEval(scan.press),
    'Transcript layouts (issue 17; scripts/eval-layouts.ts, test/fixtures/layouts)': formatLayoutsReport(layouts, false),
    'Time at the quote and quotes over paragraph breaks (issue 17; scripts/eval-quote-time.ts)': formatQuoteTimeReport(quoteTime, false),
    'Quotes as news prints them (issue 18; scripts/eval-cleanup.ts, test/eval/cases-cleanup.jsonl)': formatCleanupReport(cleanup, false),
    'Across languages and honest related (issue 18; scripts/eval-xlang.ts, test/eval/cases-xlang.jsonl, cases-honest.jsonl)': formatXlangReport(xlang, false),
  };
  if (process.argv.includes('--json')) {
    // For `npm run measure`: counts, without the per-case results.
    const { kinds, groups, total, falseFound, ms } = report;
    const falseFoundIds = falseFound.map((o) => o.c.id);
    const pageCounts = scan.pages.map(({ page, expected, found, truePositives, speakerOk, sameAsHand, asLabelled }) => ({ page, expected, found, truePositives, speakerOk, sameAsHand, asLabelled }));
    const s = sources.report;
    console.log(
      JSON.stringify({
        cases: cases.length,
        gloss: !!gloss,
        buildMs,
        ms,
        kinds,
        groups,
        total,
        falseFound: falseFoundIds,
        families,
        sources: { cases: s.outcomes.length, kinds: s.kinds, groups: s.groups, total: s.total, falseFound: s.falseFound.map((o) => o.c.id), sourceOk: sources.sourceOk, sourceN: sources.sourceN },
        scan: pageCounts,
        scanPress: scan.press.map(({ page, split, expected, found, truePositives, speakerOk, sameAsHand, asLabelled }) => ({ page, split, expected, found, truePositives, speakerOk, sameAsHand, asLabelled })),
        pairs: { ...pairs, misses: pairs.misses.length },
        layouts: layouts.rows,
        cleanup: { cases: cleanup.outcomes.length, families: cleanup.families },
        xlang: xlangJson(xlang),
        sectionTexts,
      }),
    );
    return;
  }
  console.log(
    `Verbatim matcher evaluation — ${cases.length} cases, gloss ${gloss ? 'loaded' : 'absent (English route off)'}, build ${buildMs.toFixed(0)} ms\n`,
  );
  console.log(formatReport(report));
  console.log('\nQuotes that mislead (issue 10), by family — all, then rules-first (dev) and held-out cases:\n');
  console.log(formatFamilies(families));
  const misses = report.outcomes.filter((o) => !o.verdictOk || o.top1 === false || o.speakerOk === false);
  if (misses.length > 0) {
    console.log(`\nmisses (${misses.length}; wrong verdict, speaker or top-1 paragraph):`);
    for (const o of misses) {
      const m = o.result.matches[0];
      console.log(
        `  ${o.c.id.padEnd(8)} ${o.c.kind.padEnd(18)} expect ${o.c.expect}/${o.c.speaker ?? '-'}/${o.c.paragraph ?? '-'} got ${o.result.verdict}/${m?.speaker ?? '-'}/${m?.paragraphId ?? '-'}${m ? ` (${m.score})` : ''}` +
          (verbose ? `\n           ${o.c.text}\n           ${m?.why ?? ''}` : ''),
      );
    }
  }
  console.log(scan.text);
  console.log(`\n${formatPairReport(pairs, verbose)}`);
  console.log(`\n${formatSourceReport(sources)}`);
  console.log(`\n${formatLayoutsReport(layouts, verbose)}`);
  console.log(`\n${formatQuoteTimeReport(quoteTime, verbose)}`);
  console.log(`\n${formatCleanupReport(cleanup, verbose)}`);
  console.log(`\n${formatXlangReport(xlang, verbose)}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await main();
