/**
 * `npm run bench`, section "sources": the multi-source check at the scale of issue 9 — 50
 * synthetic transcripts of ~60 000 characters (25 Chinese, 25 English, generated here with a
 * seeded Markov chain over the built-in transcript's characters and Verbatim's English gloss
 * words, in the txt format with `Name:` turns and timestamps) plus the built-in transcript.
 *
 * Reports, in one run: parse + index of one source; exact / altered / related-and-not-found
 * latency (median, p95) over all 50 through `createMultiMatcher`, against asking every
 * source's matcher (what the prefilter saves); a cold start in a fresh Node process from
 * stored sources and signatures (what the worker would read from IndexedDB); memory.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runInNewContext } from 'node:vm';
import { deserialize, serialize, setFlagsFromString } from 'node:v8';
import { createMatcher, type Matcher } from '../src/match/index';
import { toSimplified } from '../src/match/normalize';
import {
  builtinSource,
  createMultiMatcher,
  draftToSource,
  encodeSignature,
  parseSource,
  searchIndexOf,
  signatureOf,
  sourceToTranscript,
  type Source,
  type SourceEntry,
} from '../src/sources/index';
import type { CheckResult, Transcript } from '../src/types';
import { rng } from '../test/match/rng';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const N_SOURCES = 50;
const SOURCE_CHARS = 60_000;
const N_QUERIES = 60;
const REPS = 3;
const NAIVE_QUERIES = 3;

type Rand = () => number;
const pick = <T>(rand: Rand, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];

// ------------------------------------------------------------------ text generators

/** Next-token table of a token sequence (a first-order Markov chain). */
function chain(tokens: string[]): Map<string, string[]> {
  const next = new Map<string, string[]>();
  for (let i = 0; i + 1 < tokens.length; i++) {
    const list = next.get(tokens[i]) ?? [];
    list.push(tokens[i + 1]);
    next.set(tokens[i], list);
  }
  return next;
}

function walk(rand: Rand, next: Map<string, string[]>, start: string[], n: number): string[] {
  const out: string[] = [];
  let t = pick(rand, start);
  for (let i = 0; i < n; i++) {
    out.push(t);
    const options = next.get(t);
    t = options ? pick(rand, options) : pick(rand, start);
  }
  return out;
}

export interface Gen {
  sentence(rand: Rand): string;
  /** Joins sentences into a paragraph. */
  sep: string;
  host: string[];
  guest: string[];
}

export function chineseGen(t: Transcript): Gen {
  const chars = [...t.paragraphs.map((p) => p.text.replace(/[^\p{Script=Han}]/gu, '')).join('')];
  const next = chain(chars);
  const starts = [...new Set(chars)];
  return {
    sentence: (rand) => {
      const n = 12 + Math.floor(rand() * 30);
      const s = walk(rand, next, starts, n).join('');
      const cut = 4 + Math.floor(rand() * (n - 8));
      return `${s.slice(0, cut)}，${s.slice(cut)}${rand() < 0.1 ? '？' : '。'}`;
    },
    sep: '',
    host: ['主持人', '记者', '李明'],
    guest: ['达里奥·阿莫迪', '嘉宾', '王强'],
  };
}

export function englishGen(gloss: Record<string, string>): Gen {
  const words = Object.values(gloss).join(' ').replace(/[^A-Za-z' ]+/g, ' ').toLowerCase().split(/\s+/).filter(Boolean);
  const next = chain(words);
  const starts = [...new Set(words)];
  return {
    sentence: (rand) => {
      const ws = walk(rand, next, starts, 8 + Math.floor(rand() * 18));
      ws[0] = ws[0][0].toUpperCase() + ws[0].slice(1);
      return `${ws.join(' ')}${rand() < 0.1 ? '?' : '.'}`;
    },
    sep: ' ',
    host: ['Maya Lindqvist', 'Host', 'Sam Ortiz'],
    guest: ['Dario Amodei', 'Guest', 'Priya Natarajan'],
  };
}

function clock(s: number): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(Math.floor(s / 3600))}:${p(Math.floor(s / 60) % 60)}:${p(s % 60)}`;
}

/** A transcript of about `chars` characters in the txt format: title, `Name:` turns with times. */
export function transcriptText(gen: Gen, rand: Rand, chars: number, k: number): string {
  const host = gen.host[k % gen.host.length];
  const guest = gen.guest[k % gen.guest.length];
  const out: string[] = [`# Synthetic interview ${k + 1}`, ''];
  let len = 0;
  let time = 5;
  let turn = 0;
  while (len < chars) {
    const speaker = turn++ % 2 === 0 ? host : guest;
    const paragraphs = speaker === host ? 1 : 1 + Math.floor(rand() * 3);
    for (let p = 0; p < paragraphs; p++) {
      const n = speaker === host ? 1 + Math.floor(rand() * 2) : 3 + Math.floor(rand() * 5);
      const text = Array.from({ length: n }, () => gen.sentence(rand)).join(gen.sep);
      out.push(p === 0 ? `[${clock(time)}] ${speaker}: ${text}` : text, '');
      len += text.length;
      time += Math.round(text.length / (gen.sep ? 15 : 4));
    }
  }
  return out.join('\n');
}

// ------------------------------------------------------------------ queries

export interface Query {
  text: string;
  set: 'exact' | 'altered' | 'related';
  lang: 'zh' | 'en';
  sourceId: string;
}

function substring(rand: Rand, s: Source, lang: 'zh' | 'en', min: number, max: number): string {
  const turns = s.paragraphs.filter((p) => p.kind === 'turn' && p.text.length > 120);
  const p = pick(rand, turns).text;
  if (lang === 'zh') {
    const n = min + Math.floor(rand() * (max - min));
    const at = Math.floor(rand() * (p.length - n));
    return p.slice(at, at + n);
  }
  const words = p.split(' ');
  const n = Math.min(words.length, min + Math.floor(rand() * (max - min)));
  const at = Math.floor(rand() * (words.length - n + 1));
  return words.slice(at, at + n).join(' ');
}

export function makeQueries(rand: Rand, sources: Source[], vocab: { zh: string[]; en: string[] }): Query[] {
  const out: Query[] = [];
  for (let i = 0; i < N_QUERIES; i++) {
    const s = pick(rand, sources);
    const lang = s.language === 'en' ? 'en' : 'zh';
    const set = (['exact', 'altered', 'related'] as const)[i % 3];
    let text: string;
    if (set === 'exact') text = lang === 'zh' ? substring(rand, s, 'zh', 12, 30) : substring(rand, s, 'en', 6, 16);
    else if (set === 'altered') {
      if (lang === 'zh') {
        const cs = [...substring(rand, s, 'zh', 24, 40)];
        for (let e = 0; e < Math.max(1, Math.floor(cs.length * 0.08)); e++) cs[Math.floor(rand() * cs.length)] = pick(rand, vocab.zh);
        text = cs.join('');
      } else {
        const ws = substring(rand, s, 'en', 12, 20).split(' ');
        ws[1 + Math.floor(rand() * (ws.length - 2))] = pick(rand, vocab.en);
        text = ws.join(' ');
      }
    } else if (lang === 'zh') {
      // a loose rendering: pieces of a passage, reordered, a third of them replaced
      const src = substring(rand, s, 'zh', 30, 50);
      const pieces: string[] = [];
      for (let k = 0; k < src.length; k += 3) pieces.push(rand() < 0.33 ? Array.from({ length: 3 }, () => pick(rand, vocab.zh)).join('') : src.slice(k, k + 3));
      for (let k = 0; k + 1 < pieces.length; k += 4) [pieces[k], pieces[k + 1]] = [pieces[k + 1], pieces[k]];
      text = pieces.join('');
    } else {
      const ws = substring(rand, s, 'en', 14, 22).split(' ').map((w) => (rand() < 0.3 ? pick(rand, vocab.en) : w));
      for (let k = 0; k + 1 < ws.length; k += 5) [ws[k], ws[k + 1]] = [ws[k + 1], ws[k]];
      text = ws.join(' ');
    }
    out.push({ text, set, lang, sourceId: s.id });
  }
  return out;
}

// ------------------------------------------------------------------ measuring

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];
const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;

function timeQuery(check: (t: string) => CheckResult, text: string): { t: number; r: CheckResult } {
  let r = check(text); // warm-up: builds what the query needs
  const ts: number[] = [];
  for (let i = 0; i < REPS; i++) {
    const t0 = performance.now();
    r = check(text);
    ts.push(performance.now() - t0);
  }
  return { t: median(ts), r };
}

function gc(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

const heapMb = () => {
  gc();
  return process.memoryUsage().heapUsed / 1024 / 1024;
};

/** The cold-start child: reads stored sources and signatures, answers one quote, prints timings. */
export function coldStart(file: string): void {
  const t0 = performance.now();
  const stored = JSON.parse(readFileSync(file, 'utf8')) as {
    sources: Array<{ source: Source; signature: string | null; index?: string }>;
    queries: string[];
  };
  const tRead = performance.now();
  // (imports are already loaded: the worker's module load is measured by the e2e suite)
  void import('../src/sources/index').then(({ createMultiMatcher: create, decodeSignature }) => {
    const t1 = performance.now();
    const entries: SourceEntry[] = stored.sources.map((x) => {
      const e: SourceEntry = { source: x.source };
      const sig = x.signature ? decodeSignature(x.signature) : null;
      if (sig) e.signature = sig;
      // the stored index, read when the source's matcher is made (what the worker reads from IndexedDB)
      const indexFile = x.index;
      if (indexFile) e.searchIndex = () => deserialize(readFileSync(indexFile));
      return e;
    });
    const multi = create(entries);
    const tReady = performance.now();
    const answers = stored.queries.map((q) => {
      const a = performance.now();
      const r = multi.check(q);
      return { ms: performance.now() - a, verdict: r.verdict, built: multi.stats.lastChecked };
    });
    process.stdout.write(JSON.stringify({ readMs: tRead - t0, setupMs: tReady - t1, answers }));
  });
}

export interface SourcesBenchSetRow {
  set: string;
  n: number;
  verdicts: Record<string, number>;
  rightSource: number;
  medianMs: number;
  p95Ms: number;
  targetP95Ms: number;
  askedMean: number;
  naiveMedianMs: number;
  naiveMaxMs: number;
  /** Per query, the mean over the set (`MultiMatcherStats.lastWork`). */
  work: { lookups: number; reused: number; turnsTested: number; paragraphsScored: number };
}
export interface ColdRun {
  readMs: number;
  setupMs: number;
  answers: Array<{ ms: number; verdict: string; built: number }>;
}
export interface SourcesBenchData {
  sources: number;
  sourceChars: number;
  loadStart: string;
  loadEnd: string;
  charsMedian: number;
  charsTotal: number;
  /** what → [median, max] ms per source */
  perSource: Array<{ what: string; medianMs: number; maxMs: number }>;
  queries: number;
  reps: number;
  sets: SourcesBenchSetRow[];
  cold: ColdRun;
  coldNoSignatures: ColdRun;
  /** Signatures and matcher indexes stored (each index read when its source's matcher is made). */
  coldIndexed: ColdRun;
  allBuiltMb: number;
  multiMb: number;
  liveMatchers: number;
  targets: Array<{ what: string; value: number; target: number; unit: 'ms' | 'MB'; ok: boolean; note?: string }>;
}

export function sourcesBenchData(root = ROOT): SourcesBenchData {
  const transcript = JSON.parse(readFileSync(resolve(root, 'data/transcript.json'), 'utf8')) as Transcript;
  const gloss = (JSON.parse(readFileSync(resolve(root, 'data/gloss.en.json'), 'utf8')) as { gloss: Record<string, string> }).gloss;
  const rand = rng(9);
  const zhGen = chineseGen(transcript);
  const enGen = englishGen(gloss);
  const load = () => loadavg().map((x) => x.toFixed(1)).join(' / ');
  const loadStart = load();

  // parse + index
  const texts = Array.from({ length: N_SOURCES }, (_, k) => {
    const zh = k % 2 === 0;
    const t = transcriptText(zh ? zhGen : enGen, rand, SOURCE_CHARS, k);
    return zh && k % 4 === 0 ? toSimplified(t) : t;
  });
  const parseMs: number[] = [];
  const sigMs: number[] = [];
  const buildMs: number[] = [];
  const warmMs: number[] = [];
  const sources: Source[] = [];
  const signatures = new Map<string, ReturnType<typeof signatureOf>>();
  const singles: Matcher[] = [];
  const before = heapMb();
  texts.forEach((text, k) => {
    let t0 = performance.now();
    const parsed = parseSource({ name: `synthetic-${k}.txt`, text });
    if (!parsed.ok) throw new Error(parsed.error);
    const source = draftToSource(parsed.draft, `syn-${k}`, 0);
    parseMs.push(performance.now() - t0);
    t0 = performance.now();
    signatures.set(source.id, signatureOf({ source }));
    sigMs.push(performance.now() - t0);
    t0 = performance.now();
    const m = createMatcher(sourceToTranscript(source).transcript, undefined, { language: source.language });
    buildMs.push(performance.now() - t0);
    t0 = performance.now();
    m.warm();
    warmMs.push(performance.now() - t0);
    sources.push(source);
    singles.push(m);
  });
  const allBuilt = heapMb() - before;
  const chars = sources.map((s) => s.paragraphs.reduce((n, p) => n + p.text.length, 0));
  const total = parseMs.map((_, i) => parseMs[i] + sigMs[i] + buildMs[i] + warmMs[i]);
  const firstNeed = parseMs.map((_, i) => parseMs[i] + sigMs[i] + buildMs[i]);
  const perSource: SourcesBenchData['perSource'] = [];
  for (const [what, xs] of [
    ['parse (txt, labels, times, language)', parseMs],
    ['signature (prefilter, 128 KiB)', sigMs],
    ['matcher build (normalise, positional index)', buildMs],
    ['search index (built on first related query)', warmMs],
    ['parse + signature + matcher (what a check needs first)', firstNeed],
    ['parse + index, all of the above', total],
  ] as const) {
    perSource.push({ what, medianMs: median(xs), maxMs: Math.max(...xs) });
  }

  // latency over all 50 (+ built-in)
  const entries: SourceEntry[] = [
    { source: builtinSource(transcript), transcript, gloss },
    ...sources.map((source) => ({ source, signature: signatures.get(source.id) })),
  ];
  const allBuiltHeap = heapMb();
  const multi = createMultiMatcher(entries);
  const vocab = {
    zh: [...new Set(texts[0].replace(/[^\p{Script=Han}]/gu, ''))],
    en: [...new Set(texts[1].toLowerCase().match(/[a-z]+/g) ?? [])],
  };
  const queries = makeQueries(rng(99), sources, vocab);
  const naiveMatchers = new Map(sources.map((s, i) => [s.id, singles[i]]));
  const naive = (text: string): CheckResult => {
    // every source asked, strongest verdict kept: what the prefilter avoids
    let best: CheckResult | null = null;
    const strength = { verbatim: 4, altered: 3, related: 2, 'not-found': 1, invalid: 0 };
    for (const m of naiveMatchers.values()) {
      const r = m.check(text);
      if (!best || strength[r.verdict] > strength[best.verdict]) best = r;
    }
    return best as CheckResult;
  };
  const sets: SourcesBenchSetRow[] = [];
  const p95Targets: Record<Query['set'], number> = { exact: 2, altered: 5, related: 10 };
  for (const set of ['exact', 'altered', 'related'] as const) {
    for (const lang of ['zh', 'en'] as const) {
      const qs = queries.filter((q) => q.set === set && q.lang === lang);
      const times: number[] = [];
      const naiveTimes: number[] = [];
      const verdicts = new Map<string, number>();
      let asked = 0;
      let rightSource = 0;
      const work = { lookups: 0, reused: 0, turnsTested: 0, paragraphsScored: 0 };
      for (const q of qs) {
        const { t, r } = timeQuery((x) => multi.check(x), q.text);
        asked += multi.stats.lastChecked;
        for (const k of Object.keys(work) as Array<keyof typeof work>) work[k] += multi.stats.lastWork[k] / qs.length;
        times.push(t);
        verdicts.set(r.verdict, (verdicts.get(r.verdict) ?? 0) + 1);
        if (r.matches[0]?.source?.id === q.sourceId) rightSource++;
        // asking all 50 is slow: timed on the first NAIVE_QUERIES queries of each row, one run after a warm-up
        if (naiveTimes.length < NAIVE_QUERIES) {
          naive(q.text);
          const t0 = performance.now();
          naive(q.text);
          naiveTimes.push(performance.now() - t0);
        }
      }
      sets.push({
        set: `${set} ${lang}`,
        n: qs.length,
        verdicts: Object.fromEntries(verdicts),
        rightSource,
        medianMs: median(times),
        p95Ms: p95(times),
        targetP95Ms: p95Targets[set],
        askedMean: asked / qs.length,
        naiveMedianMs: median(naiveTimes),
        naiveMaxMs: Math.max(...naiveTimes),
        work,
      });
    }
  }

  // cold start in a fresh process, from what the store keeps
  const dir = mkdtempSync(join(tmpdir(), 'verbatim-bench-'));
  const coldQueries = [queries.find((q) => q.set === 'exact' && q.lang === 'en')!.text, queries.find((q) => q.set === 'related' && q.lang === 'zh')!.text];
  const indexFiles = new Map(
    sources.map((s) => {
      const f = join(dir, `${s.id}.index`);
      writeFileSync(f, serialize(searchIndexOf({ source: s })));
      return [s.id, f];
    }),
  );
  const runCold = (withSignatures: boolean, withIndexes = false) => {
    const file = join(dir, `stored-${withSignatures}-${withIndexes}.json`);
    writeFileSync(
      file,
      JSON.stringify({
        sources: sources.map((s) => ({
          source: s,
          signature: withSignatures ? encodeSignature(signatures.get(s.id)!) : null,
          ...(withIndexes ? { index: indexFiles.get(s.id) } : {}),
        })),
        queries: coldQueries,
      }),
    );
    const out = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--cold', file], { cwd: root, encoding: 'utf8' });
    return JSON.parse(out) as ColdRun;
  };
  const coldIndexed = runCold(true, true);
  const cold = runCold(true);
  const coldNoSig = runCold(false);
  rmSync(dir, { recursive: true, force: true });
  const first = coldIndexed.setupMs + coldIndexed.answers[0].ms;

  naiveMatchers.clear();
  singles.length = 0;
  const multiHeap = heapMb() - before;
  void allBuiltHeap;
  const targets: SourcesBenchData['targets'] = [
    { what: 'parse + index one 60k source (median)', value: median(total), target: 300, unit: 'ms', ok: median(total) <= 300, note: `max ${ms(Math.max(...total))}; without the search index ${ms(median(firstNeed))}` },
    ...sets.map((r) => ({ what: `${r.set} p95 over all 50`, value: r.p95Ms, target: r.targetP95Ms, unit: 'ms' as const, ok: r.p95Ms <= r.targetP95Ms })),
    { what: 'cold start → first answer, 50 stored sources', value: first, target: 300, unit: 'ms', ok: first <= 300 },
    { what: 'memory, multi-matcher (12 matchers live)', value: multiHeap, target: 150, unit: 'MB', ok: multiHeap <= 150, note: `all 50 built: ${allBuilt.toFixed(0)} MB` },
  ];
  return {
    sources: N_SOURCES,
    sourceChars: SOURCE_CHARS,
    loadStart,
    loadEnd: load(),
    charsMedian: median(chars),
    charsTotal: chars.reduce((a, b) => a + b, 0),
    perSource,
    queries: queries.length,
    reps: REPS,
    sets,
    cold,
    coldNoSignatures: coldNoSig,
    coldIndexed,
    allBuiltMb: allBuilt,
    multiMb: multiHeap,
    liveMatchers: multi.stats.liveMatchers,
    targets,
  };
}

export function formatSourcesBench(d: SourcesBenchData): string {
  const out: string[] = [];
  const log = (s: string) => out.push(s);
  log(`\n# Sources: ${d.sources} synthetic transcripts of ~${d.sourceChars / 1000}k characters (25 Chinese, 25 English) + the built-in one`);
  log(`machine load average at the start (1 / 5 / 15 min, 2 cores): ${d.loadStart} — every time below is inflated by it`);
  log(`characters per source: median ${d.charsMedian}, total ${d.charsTotal}`);
  log('\n| per source (median / max of 50) | median | max |\n|---|---|---|');
  for (const r of d.perSource) log(`| ${r.what} | ${ms(r.medianMs)} | ${ms(r.maxMs)} |`);
  log(`\n${d.queries} queries (a third each: exact substrings, altered ~8% of characters or one word, loose renderings); per query the median of ${d.reps} runs after a warm-up`);
  log('\n| set | n | verdicts | multi median | multi p95 | sources asked (mean) | all 50 asked (3 queries): median | max | ratio of medians |\n|---|---|---|---|---|---|---|---|---|');
  for (const r of d.sets) {
    const v = Object.entries(r.verdicts).map(([k, n]) => `${k} ${n}`).join(', ');
    log(`| ${r.set} | ${r.n} | ${v}; right source ${r.rightSource} | ${ms(r.medianMs)} | ${ms(r.p95Ms)} | ${r.askedMean.toFixed(1)} | ${ms(r.naiveMedianMs)} | ${ms(r.naiveMaxMs)} | ${(r.naiveMedianMs / r.medianMs).toFixed(0)}× |`);
  }
  log('\n| set | work per query (mean, all sources asked): lookups made | lookups reused | turns tested by the cleanup pass | paragraphs scored by the related route |\n|---|---|---|---|---|');
  for (const r of d.sets) log(`| ${r.set} | ${r.work.lookups.toFixed(1)} | ${r.work.reused.toFixed(1)} | ${r.work.turnsTested.toFixed(1)} | ${r.work.paragraphsScored.toFixed(1)} |`);
  const { cold, coldNoSignatures: coldNoSig } = d;
  const first = cold.setupMs + cold.answers[0].ms;
  const firstNoSig = coldNoSig.setupMs + coldNoSig.answers[0].ms;
  log('\n| cold start, fresh process, 50 stored sources | read stored JSON | set up | first answer (exact, en) | then a related query (zh) | setup + first answer |\n|---|---|---|---|---|---|');
  log(`| signatures stored | ${ms(cold.readMs)} | ${ms(cold.setupMs)} | ${ms(cold.answers[0].ms)} (${cold.answers[0].verdict}, ${cold.answers[0].built} matcher built) | ${ms(cold.answers[1].ms)} (${cold.answers[1].verdict}) | ${ms(first)} |`);
  const ci = d.coldIndexed;
  log(`| signatures and indexes stored | ${ms(ci.readMs)} | ${ms(ci.setupMs)} | ${ms(ci.answers[0].ms)} (${ci.answers[0].verdict}) | ${ms(ci.answers[1].ms)} (${ci.answers[1].verdict}) | ${ms(ci.setupMs + ci.answers[0].ms)} |`);
  log(`| signatures rebuilt from text | ${ms(coldNoSig.readMs)} | ${ms(coldNoSig.setupMs)} | ${ms(coldNoSig.answers[0].ms)} | ${ms(coldNoSig.answers[1].ms)} | ${ms(firstNoSig)} (${(firstNoSig / first).toFixed(1)}× slower) |`);
  log(
    `\nmemory (heap after GC, over the start of the section): 50 matchers fully built (positional index + search index) ${d.allBuiltMb.toFixed(0)} MB; ` +
      `the multi-matcher after the queries (50 sources, signatures ${((50 * 128) / 1024).toFixed(1)} MB, ${d.liveMatchers} matchers live, default limit 12) ${d.multiMb.toFixed(0)} MB`,
  );
  log(`machine load average at the end: ${d.loadEnd}`);
  log('\n## Sources targets');
  for (const t of d.targets) {
    const value = t.unit === 'ms' ? ms(t.value) : `${t.value.toFixed(0)} MB`;
    log(`${t.ok ? '✓' : '✗'} ${t.what.padEnd(46)} ${value}  (target ≤ ${t.target} ${t.unit}${t.note ? `; ${t.note}` : ''})`);
  }
  return out.join('\n');
}

export const runSourcesBench = (root = ROOT): void => console.log(formatSourcesBench(sourcesBenchData(root)));

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const cold = process.argv.indexOf('--cold');
  if (cold > 0) coldStart(process.argv[cold + 1]);
  else runSourcesBench();
}
