/**
 * The cleaned-up-quotes section of `npm run eval` (issue 18): cases in
 * test/eval/cases-cleanup.jsonl checked against the built-in transcript, the English fixture
 * interview and a raw spoken-style English transcript (test/fixtures/sources/interview-en-spoken.txt,
 * both written for the tests), through the multi-source check as the extension runs it.
 *
 * Families: `cleanup` (one kind of press cleanup → verbatim, and that kind listed), `changed`
 * (a changed content word, a dropped negation, an omission without an ellipsis → never
 * verbatim), `multi` (several sentences, mixed: the tally counts right), `stitched` (sentences from
 * two speakers, turns or out of order → never verbatim), `numbers` (digits ↔ words, % ↔ percent →
 * never a changed number). Every case has a `split` (dev/heldout), fixed before tuning.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { builtinSource, createMultiMatcher, draftToSource, parseSource, type MultiMatcher, type Source } from '../src/sources/index';
import type { CheckResult, Verdict } from '../src/types';
import { loadGloss, loadTranscript } from './eval-core';

export interface CleanupCase {
  id: string;
  family: 'cleanup' | 'changed' | 'multi' | 'stitched' | 'numbers';
  split: 'dev' | 'heldout';
  text: string;
  kind?: string;
  tally?: Partial<Record<'verbatim' | 'altered' | 'related' | 'notFound', number>>;
}

export interface CleanupOutcome {
  c: CleanupCase;
  result: CheckResult;
  ok: boolean;
  /** `cleanup` family: the expected kind is listed. */
  kindListed?: boolean;
  /** The top-level verdict is no stronger than its sentences support. */
  honestTop: boolean;
}

export interface CleanupFamilyStats {
  family: string;
  split: 'dev' | 'heldout' | 'all';
  n: number;
  ok: number;
  /** verbatim results (for `changed`/`stitched` these are failures). */
  verbatim: number;
  kindListed: number;
  honestTop: number;
}

export interface CleanupEvalReport {
  outcomes: CleanupOutcome[];
  families: CleanupFamilyStats[];
  ms: number;
}

function fixture(root: string, file: string, id: string, order: number): Source {
  const parsed = parseSource({ name: file, bytes: new Uint8Array(readFileSync(resolve(root, 'test/fixtures/sources', file))) });
  if (!parsed.ok) throw new Error(`fixture ${file}: ${parsed.error}`);
  return draftToSource(parsed.draft, id, order);
}

export function cleanupMatcher(root: string): MultiMatcher {
  const transcript = loadTranscript(root);
  return createMultiMatcher([
    { source: builtinSource(transcript), transcript, gloss: loadGloss(root) },
    { source: fixture(root, 'interview-en.txt', 'fixture-en', 0) },
    { source: fixture(root, 'interview-en-spoken.txt', 'fixture-en-spoken', 1) },
  ]);
}

export function loadCleanupCases(root: string): CleanupCase[] {
  return readFileSync(resolve(root, 'test/eval/cases-cleanup.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as CleanupCase);
}

const STRENGTH: Record<Verdict, number> = { verbatim: 4, altered: 3, related: 2, 'not-found': 1, invalid: 0 };

/**
 * Never stronger than the sentences: verbatim only when every sentence is verbatim and none is
 * joined from another place; altered only when every sentence is at least altered; related only
 * when sentences at least related make up most (≥ 75 %) of the judged text.
 */
export function honestTop(r: CheckResult): boolean {
  const segs = (r.segments ?? []).filter((s) => s.verdict !== 'invalid');
  if (segs.length < 2) return true;
  const top = STRENGTH[r.verdict];
  if (r.verdict === 'verbatim' && (segs.some((s) => s.verdict !== 'verbatim') || r.stitched)) return false;
  if (top >= STRENGTH.altered) return segs.every((s) => STRENGTH[s.verdict] >= STRENGTH.altered);
  if (r.verdict === 'related') {
    const total = segs.reduce((n, s) => n + s.query.length, 0);
    const strong = segs.filter((s) => STRENGTH[s.verdict] >= STRENGTH.related).reduce((n, s) => n + s.query.length, 0);
    return strong / total >= 0.75;
  }
  return true;
}

const changedNumber = (r: CheckResult): boolean =>
  r.contradiction?.kind === 'number' || r.matches.some((m) => m.contradiction?.kind === 'number') || (r.segments ?? []).some(changedNumber);

function judge(c: CleanupCase, r: CheckResult): Omit<CleanupOutcome, 'c' | 'result' | 'honestTop'> {
  switch (c.family) {
    case 'cleanup': {
      const kinds = new Set([...(r.cleanup ?? []), ...(r.segments ?? []).flatMap((s) => s.cleanup ?? [])].map((x) => x.kind));
      return { ok: r.verdict === 'verbatim', kindListed: !!c.kind && kinds.has(c.kind as never) };
    }
    case 'changed':
    case 'stitched':
      return { ok: r.verdict !== 'verbatim' && r.verdict !== 'invalid' };
    case 'numbers':
      return { ok: !changedNumber(r) };
    case 'multi': {
      const t = r.tally;
      const want = c.tally ?? {};
      const ok =
        !!t &&
        (['verbatim', 'altered', 'related', 'notFound'] as const).every((k) => (t[k] ?? 0) === (want[k] ?? 0));
      return { ok };
    }
  }
}

export function evaluateCleanup(root: string, matcher: MultiMatcher = cleanupMatcher(root)): CleanupEvalReport {
  const cases = loadCleanupCases(root);
  const t0 = performance.now();
  const outcomes = cases.map((c) => {
    const result = matcher.check(c.text);
    return { c, result, ...judge(c, result), honestTop: honestTop(result) };
  });
  const ms = performance.now() - t0;
  const families: CleanupFamilyStats[] = [];
  for (const family of ['cleanup', 'changed', 'multi', 'stitched', 'numbers']) {
    for (const split of ['dev', 'heldout', 'all'] as const) {
      const os = outcomes.filter((o) => o.c.family === family && (split === 'all' || o.c.split === split));
      families.push({
        family,
        split,
        n: os.length,
        ok: os.filter((o) => o.ok).length,
        verbatim: os.filter((o) => o.result.verdict === 'verbatim').length,
        kindListed: os.filter((o) => o.kindListed).length,
        honestTop: os.filter((o) => o.honestTop).length,
      });
    }
  }
  return { outcomes, families, ms };
}

const GOAL: Record<string, string> = {
  cleanup: '→ verbatim ≥ 90 %',
  changed: 'never verbatim',
  multi: 'tally right ≥ 95 %',
  stitched: 'never verbatim',
  numbers: 'no changed number',
};

export function formatCleanupReport(r: CleanupEvalReport, verbose = false): string {
  const pct = (a: number, n: number) => (n === 0 ? '   -' : `${((100 * a) / n).toFixed(0).padStart(3)}%`);
  const lines = [
    `Cleaned-up quotes and several sentences (issue 18; test/eval/cases-cleanup.jsonl, built-in + two English fixtures) — ${r.outcomes.length} cases in ${r.ms.toFixed(0)} ms\n`,
    `${'family'.padEnd(10)} ${'split'.padEnd(8)} ${'n'.padStart(3)} ${'ok'.padStart(9)}  verbatim  kind listed  honest top  goal`,
  ];
  for (const f of r.families) {
    lines.push(
      `${f.family.padEnd(10)} ${f.split.padEnd(8)} ${String(f.n).padStart(3)} ${`${f.ok}/${f.n}`.padStart(7)} ${pct(f.ok, f.n)} ${String(f.verbatim).padStart(5)}    ${f.family === 'cleanup' ? `${f.kindListed}/${f.n}`.padStart(8) : '       -'}     ${`${f.honestTop}/${f.n}`.padStart(7)}  ${f.split === 'all' ? GOAL[f.family] : ''}`,
    );
  }
  const misses = r.outcomes.filter((o) => !o.ok || !o.honestTop || (o.c.family === 'cleanup' && !o.kindListed));
  if (misses.length > 0) lines.push(`misses (${misses.length}):`);
  for (const o of misses) {
    const t = o.result.tally;
    lines.push(
      `  ${o.c.id} ${o.c.family}/${o.c.kind ?? '-'} [${o.c.split}] got ${o.result.verdict}${o.result.cleanup ? ` cleanup=${o.result.cleanup.map((x) => x.kind).join(',')}` : ''}${t ? ` tally=${t.verbatim}v/${t.altered}a/${t.related}r/${t.notFound}n` : ''}${o.honestTop ? '' : ' TOP-TOO-STRONG'}` +
        (verbose ? `\n      ${o.c.text}` : ''),
    );
  }
  return lines.join('\n');
}
