/**
 * `npm run eval`: run every evaluation case through the matcher and print, per kind, verdict
 * accuracy, speaker accuracy, paragraph top-1/top-3, and the false verbatim/altered verdicts
 * on quotes the interview does not hold. `--json`: the same counts as one JSON object.
 *
 * Cases: test/eval/cases.jsonl (Chinese), test/eval/cases-en.jsonl (English), and the ten
 * samples in test/eval/sample-quotes.jsonl (their labels mapped, see `fromSample`; where they
 * come from: test/eval/SOURCES.md). Only files of the repository are read.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CheckResult, Speaker, Transcript, Verdict } from '../src/types';
import { createMatcher, type Gloss, type Matcher } from '../src/match/index';
import { normalizeText } from '../src/match/normalize';
import { evaluateScan } from './scan-eval';
import { evaluatePairs, formatPairReport } from './eval-pairs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface EvalCase {
  id: string;
  text: string;
  expect: Exclude<Verdict, 'invalid'>;
  speaker: Speaker | null;
  paragraph: string | null;
  kind: string;
  note?: string;
  source: string;
  /** Reversed claims: how the passage says otherwise (negation, number, subject). */
  contradiction?: string;
  /** `heldout`: written after the rules, to check they hold on cases they were not tuned on. */
  split?: string;
}

export interface CaseOutcome {
  c: EvalCase;
  result: CheckResult;
  verdictOk: boolean;
  speakerOk: boolean | null;
  top1: boolean | null;
  top3: boolean | null;
  /** The result flags that a passage says otherwise. */
  contradicted: boolean;
}

export interface KindStats {
  kind: string;
  n: number;
  verdict: number;
  speakerN: number;
  speaker: number;
  paragraphN: number;
  top1: number;
  top3: number;
}

export interface EvalReport {
  outcomes: CaseOutcome[];
  kinds: KindStats[];
  /** By language (zh / en) and expected verdict, e.g. `zh altered`. */
  groups: KindStats[];
  total: KindStats;
  /** Cases expected `not-found` that came out verbatim or altered — must be zero. */
  falseFound: CaseOutcome[];
  ms: number;
}

export function loadTranscript(root = ROOT): Transcript {
  return JSON.parse(readFileSync(resolve(root, 'data/transcript.json'), 'utf8')) as Transcript;
}

export function loadGloss(root = ROOT): Gloss | undefined {
  const p = resolve(root, 'data/gloss.en.json');
  if (!existsSync(p)) return undefined;
  return glossMap(JSON.parse(readFileSync(p, 'utf8')));
}

/** data/gloss.en.json is `{about, gloss: {id: text}}`; a bare `{id: text}` map is accepted too. */
export function glossMap(raw: unknown): Gloss {
  const obj = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const inner = obj.gloss && typeof obj.gloss === 'object' ? (obj.gloss as Record<string, unknown>) : obj;
  const out: Gloss = {};
  for (const [k, v] of Object.entries(inner)) if (typeof v === 'string' && /^p\d+$/.test(k)) out[k] = v;
  return out;
}

/** Every case file is part of the repository: a missing one is an error, not an empty set. */
function readJsonl(path: string): Array<Record<string, unknown>> {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim().length > 0)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** The paragraph whose normalised text holds the normalised hint. */
function paragraphOfHint(transcript: Transcript, hint: string): { id: string; speaker: Speaker } | null {
  const h = normalizeText(hint);
  if (!h) return null;
  const turnFirst = [...transcript.paragraphs].sort(
    (a, b) => Number(a.kind !== 'turn') - Number(b.kind !== 'turn'),
  );
  for (const p of turnFirst) if (normalizeText(p.text).includes(h)) return { id: p.id, speaker: p.speaker };
  return null;
}

/**
 * Sample labels → verdicts: absent → not-found; english → related (via the gloss, speaker and
 * paragraph from the passage hint); paraphrase → related; amodei/host/editor with `altered`
 * → altered; otherwise verbatim.
 */
export function fromSample(s: Record<string, unknown>, transcript: Transcript): EvalCase {
  const expect = String(s.expect);
  const kind = String(s.kind);
  const hint = typeof s.passage_hint === 'string' ? paragraphOfHint(transcript, s.passage_hint) : null;
  let verdict: EvalCase['expect'];
  if (expect === 'absent') verdict = 'not-found';
  else if (expect === 'english' || kind === 'english' || kind === 'paraphrase') verdict = 'related';
  else if (s.altered === true) verdict = 'altered';
  else verdict = 'verbatim';
  const speaker: Speaker | null =
    expect === 'amodei' || expect === 'host' || expect === 'editor' ? expect : hint ? hint.speaker : null;
  return {
    id: String(s.id),
    text: String(s.text),
    expect: verdict,
    speaker: verdict === 'not-found' ? null : speaker,
    paragraph: verdict === 'not-found' ? null : hint?.id ?? null,
    kind: `sample-${kind}`,
    note: typeof s.note === 'string' ? s.note : undefined,
    source: 'sample-quotes',
  };
}

export function loadCases(root = ROOT, transcript = loadTranscript(root)): EvalCase[] {
  const out: EvalCase[] = [];
  for (const [file, source] of [
    ['test/eval/cases.jsonl', 'cases'],
    ['test/eval/cases-en.jsonl', 'cases-en'],
    ['test/eval/cases-truth.jsonl', 'cases-truth'],
  ] as const) {
    for (const c of readJsonl(resolve(root, file))) {
      out.push({
        id: String(c.id),
        text: String(c.text),
        expect: c.expect as EvalCase['expect'],
        speaker: (c.speaker as Speaker | null) ?? null,
        paragraph: (c.paragraph as string | null) ?? null,
        kind: String(c.kind),
        note: typeof c.note === 'string' ? c.note : undefined,
        source,
        ...(typeof c.contradiction === 'string' ? { contradiction: c.contradiction } : {}),
        ...(typeof c.split === 'string' ? { split: c.split } : {}),
      });
    }
  }
  for (const s of readJsonl(resolve(root, 'test/eval/sample-quotes.jsonl'))) out.push(fromSample(s, transcript));
  return out;
}

function emptyStats(kind: string): KindStats {
  return { kind, n: 0, verdict: 0, speakerN: 0, speaker: 0, paragraphN: 0, top1: 0, top3: 0 };
}

function add(s: KindStats, o: CaseOutcome): void {
  s.n++;
  if (o.verdictOk) s.verdict++;
  if (o.speakerOk !== null) {
    s.speakerN++;
    if (o.speakerOk) s.speaker++;
  }
  if (o.top1 !== null) {
    s.paragraphN++;
    if (o.top1) s.top1++;
    if (o.top3) s.top3++;
  }
}

export function evaluate(matcher: Pick<Matcher, 'check'>, cases: EvalCase[]): EvalReport {
  const t0 = performance.now();
  const outcomes: CaseOutcome[] = cases.map((c) => {
    const result = matcher.check(c.text);
    const ids = result.matches.map((m) => m.paragraphId);
    const speakerOk = c.speaker && c.expect !== 'not-found' ? result.matches[0]?.speaker === c.speaker : null;
    const top1 = c.paragraph && c.expect !== 'not-found' ? ids[0] === c.paragraph : null;
    const top3 = c.paragraph && c.expect !== 'not-found' ? ids.slice(0, 3).includes(c.paragraph) : null;
    const contradicted = [result, ...(result.segments ?? [])].some((r) => r.contradiction !== undefined);
    return { c, result, verdictOk: result.verdict === c.expect, speakerOk, top1, top3, contradicted };
  });
  const byKind = new Map<string, KindStats>();
  const total = emptyStats('all');
  for (const o of outcomes) {
    const s = byKind.get(o.c.kind) ?? emptyStats(o.c.kind);
    byKind.set(o.c.kind, s);
    add(s, o);
    add(total, o);
  }
  const byGroup = new Map<string, KindStats>();
  for (const o of outcomes) {
    const lang = o.c.source === 'cases-en' || o.c.source === 'cases-source-en' || /english/.test(o.c.kind) || /^en-/.test(o.c.kind) ? 'en' : 'zh';
    const g = `${lang} ${o.c.expect}`;
    const s = byGroup.get(g) ?? emptyStats(g);
    byGroup.set(g, s);
    add(s, o);
  }
  const falseFound = outcomes.filter(
    (o) => o.c.expect === 'not-found' && (o.result.verdict === 'verbatim' || o.result.verdict === 'altered'),
  );
  return {
    outcomes,
    kinds: [...byKind.values()].sort((a, b) => a.kind.localeCompare(b.kind)),
    groups: [...byGroup.values()].sort((a, b) => a.kind.localeCompare(b.kind)),
    total,
    falseFound,
    ms: performance.now() - t0,
  };
}

const pct = (a: number, n: number) => (n === 0 ? '   –  ' : `${((100 * a) / n).toFixed(1).padStart(5)}%`);

/** A kind without its language prefix: `en-reversed` and `reversed` are one family. */
export const familyOf = (kind: string): string => kind.replace(/^en-/, '');

export interface FamilyStats {
  family: string;
  split: string;
  n: number;
  /** Expected verdict. */
  verdict: number;
  related: number;
  verbatimOrAltered: number;
  contradicted: number;
  top3: number;
  paragraphN: number;
  /** First match is the expected turn paragraph (attribution). */
  turnFirst: number;
}

/** The issue-10 families (invented, reversed, loose, short, repeated) by split. */
export function familyStats(r: EvalReport, split?: 'dev' | 'heldout'): FamilyStats[] {
  const out = new Map<string, FamilyStats>();
  for (const o of r.outcomes) {
    if (o.c.source !== 'cases-truth') continue;
    const sp = o.c.split ?? 'dev';
    if (split && sp !== split) continue;
    const f = familyOf(o.c.kind);
    const s = out.get(f) ?? { family: f, split: split ?? 'all', n: 0, verdict: 0, related: 0, verbatimOrAltered: 0, contradicted: 0, top3: 0, paragraphN: 0, turnFirst: 0 };
    out.set(f, s);
    s.n++;
    if (o.verdictOk) s.verdict++;
    if (o.result.verdict === 'related') s.related++;
    if (o.result.verdict === 'verbatim' || o.result.verdict === 'altered') s.verbatimOrAltered++;
    if (o.contradicted) s.contradicted++;
    if (o.c.paragraph) {
      s.paragraphN++;
      if (o.result.matches.slice(0, 3).some((m) => m.paragraphId === o.c.paragraph)) s.top3++;
      if (o.result.matches[0]?.paragraphId === o.c.paragraph) s.turnFirst++;
    }
  }
  return [...out.values()].sort((a, b) => a.family.localeCompare(b.family));
}

export function formatFamilies(rows: FamilyStats[]): string {
  const head = `${'family'.padEnd(18)} ${'split'.padEnd(8)} ${'n'.padStart(4)}  verdict  related  verb/alt  contra.  top-3  turn-1st`;
  const lines = [head, '-'.repeat(head.length)];
  for (const s of rows) {
    lines.push(
      `${s.family.padEnd(18)} ${s.split.padEnd(8)} ${String(s.n).padStart(4)}  ${pct(s.verdict, s.n)}  ${pct(s.related, s.n)}  ${pct(s.verbatimOrAltered, s.n)}  ${pct(s.contradicted, s.n)}  ${pct(s.top3, s.paragraphN)}  ${pct(s.turnFirst, s.paragraphN)}`,
    );
  }
  return lines.join('\n');
}

export function formatReport(r: EvalReport): string {
  const lines: string[] = [];
  const head = `${'kind'.padEnd(22)} ${'n'.padStart(4)}  verdict  speaker   top-1    top-3`;
  lines.push(head, '-'.repeat(head.length));
  const row = (s: KindStats) =>
    `${s.kind.padEnd(22)} ${String(s.n).padStart(4)}  ${pct(s.verdict, s.n)}  ${pct(s.speaker, s.speakerN)}  ${pct(s.top1, s.paragraphN)}  ${pct(s.top3, s.paragraphN)}`;
  for (const s of r.kinds) lines.push(row(s));
  lines.push('-'.repeat(head.length));
  for (const s of r.groups) lines.push(row(s));
  lines.push('-'.repeat(head.length));
  lines.push(row(r.total));
  lines.push('');
  lines.push(`false verbatim/altered on not-found quotes: ${r.falseFound.length}`);
  for (const o of r.falseFound) lines.push(`  ${o.c.id}: ${o.result.verdict} — ${o.c.text}`);
  lines.push(`${r.outcomes.length} cases in ${r.ms.toFixed(0)} ms`);
  return lines.join('\n');
}

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
  // Imported here: eval-sources imports this module.
  const { evaluateSources, formatSourceReport } = await import('./eval-sources');
  const sources = evaluateSources(ROOT);
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
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) void main(); // not awaited: eval-sources imports this module, whose evaluation must finish first
