/**
 * Bench section: the cross-language check (src/xlang) — the dictionary's size (raw, gzipped)
 * and load time (read + parse, as the background does after fetching it), the per-source index
 * build, and the check over 50 sources (25 in English, 25 in Chinese, each ~20 000 characters
 * of real sentences of the built-in transcript, its gloss and the fixture interviews, shuffled;
 * the two fixture interviews among them) for the quotes of test/eval/cases-xlang.jsonl.
 * Times: median and p95 over queries, each the median of 3 runs after a warm-up.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { loadavg } from 'node:os';
import { draftToSource, parseSource, type Source } from '../src/sources/index';
import { createMultiMatcher, type SourceEntry } from '../src/sources/check-all';
import { toSimplified } from '../src/match/normalize';
import { DICTIONARY_FILE, parseDictionary } from '../src/xlang/dictionary';
import { checkAcross } from '../src/xlang/multi';
import { rng } from '../test/match/rng';
import type { Transcript } from '../src/types';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const N_SOURCES = 50;
const SOURCE_CHARS = 20_000;
const REPS = 3;

export interface XlangBenchData {
  dictionary: { rawBytes: number; gzipBytes: number; loadMedianMs: number; loadMaxMs: number; keysZh: number; keysEn: number };
  sources: number;
  indexBuildMs: { median: number; max: number; total: number };
  /** Heap held by the 50 indexes (after a full GC when node runs with --expose-gc). */
  indexHeapMb: number;
  gcExposed: boolean;
  queries: number;
  /** The cross-language step alone (all 50 sources, indexes built): wall time, and CPU time (what a loaded machine does not inflate). */
  across: { medianMs: number; p95Ms: number; cpuMedianMs: number; cpuP95Ms: number };
  /** The whole multi-source check with the dictionary set (same-language passes included). */
  check: { medianMs: number; p95Ms: number; cpuMedianMs: number; cpuP95Ms: number };
  /** 1-minute load average at the end (2 cores: above 2, wall times are inflated). */
  load: number;
}

const stats = (xs: Array<{ wall: number; cpu: number }>) => ({
  medianMs: median(xs.map((x) => x.wall)),
  p95Ms: p95(xs.map((x) => x.wall)),
  cpuMedianMs: median(xs.map((x) => x.cpu)),
  cpuP95Ms: p95(xs.map((x) => x.cpu)),
});
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];

/** Wall time and CPU time (user + system) of f, medians of REPS runs after a warm-up. */
function timed(f: () => void): { wall: number; cpu: number } {
  f();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < REPS; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    f();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

function sentences(text: string): string[] {
  return text.match(/[^。！？.!?]+[。！？.!?]?/gu)?.map((s) => s.trim()).filter((s) => s.length > 8) ?? [];
}

/** A txt transcript of about SOURCE_CHARS characters: `Name: text` turns of shuffled real sentences. */
function synthetic(pool: string[], zh: boolean, k: number, rand: () => number): string {
  const out = [`# ${zh ? '访谈' : 'Interview'} ${k + 1}`, ''];
  let len = 0;
  let turn = 0;
  while (len < SOURCE_CHARS) {
    const n = turn % 2 === 0 ? 1 + Math.floor(rand() * 2) : 3 + Math.floor(rand() * 4);
    const text = Array.from({ length: n }, () => pool[Math.floor(rand() * pool.length)]).join(zh ? '' : ' ');
    out.push(`${turn++ % 2 === 0 ? (zh ? '主持人' : 'Host') : zh ? '嘉宾' : 'Guest'}: ${text}`, '');
    len += text.length;
  }
  return out.join('\n');
}

function parse(name: string, text: string, id: string): Source {
  const parsed = parseSource({ name, text });
  if (!parsed.ok) throw new Error(parsed.error);
  return draftToSource(parsed.draft, id, 0);
}

export function xlangBenchData(root = ROOT): XlangBenchData {
  const file = resolve(root, DICTIONARY_FILE);
  const raw = readFileSync(file);
  const loads: number[] = [];
  let dict = parseDictionary(raw.toString('utf8'));
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    dict = parseDictionary(readFileSync(file, 'utf8'));
    loads.push(performance.now() - t0);
  }
  const transcript = JSON.parse(readFileSync(resolve(root, 'data/transcript.json'), 'utf8')) as Transcript;
  const gloss = (JSON.parse(readFileSync(resolve(root, 'data/gloss.en.json'), 'utf8')) as { gloss: Record<string, string> }).gloss;
  const enFixture = readFileSync(resolve(root, 'test/fixtures/sources/interview-en.txt'), 'utf8');
  const zhFixture = readFileSync(resolve(root, 'test/fixtures/sources/interview-zh-podcast.txt'), 'utf8');
  const enPool = sentences(Object.values(gloss).join(' '));
  const zhPool = sentences(transcript.paragraphs.map((p) => toSimplified(p.text)).join(''));
  const rand = rng(18);
  const sources: Source[] = [parse('interview-en.txt', enFixture, 'fixture-en'), parse('interview-zh-podcast.txt', zhFixture, 'fixture-zh')];
  for (let k = 2; k < N_SOURCES; k++) {
    const zh = k % 2 === 1;
    sources.push(parse(`synthetic-${k}.txt`, synthetic(zh ? zhPool : enPool, zh, k, rand), `syn-${k}`));
  }
  const entries: SourceEntry[] = sources.map((source) => ({ source }));
  const keyed = entries.map((entry, i) => ({ entry, key: `bench-${i}` }));
  // index build, per source (what the first cross-language check pays for each source)
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  const buildMs: number[] = [];
  for (const k of keyed) {
    const t0 = performance.now();
    // a quote of each language: the source is indexed by the one in the other language
    checkAcross('营收每年增长十倍，模型', [k], dict);
    checkAcross('Revenue grew tenfold a year for three years.', [k], dict);
    buildMs.push(performance.now() - t0);
  }
  gc?.();
  const indexHeapMb = (process.memoryUsage().heapUsed - heap0) / 1048576;
  const queries = readFileSync(resolve(root, 'test/eval/cases-xlang.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { text: string }).text);
  const multi = createMultiMatcher(entries, { maxLiveMatchers: N_SOURCES });
  multi.setDictionary(dict);
  const across = queries.map((q) => timed(() => checkAcross(q, keyed, dict)));
  const check = queries.map((q) => timed(() => multi.check(q)));
  return {
    dictionary: { rawBytes: raw.length, gzipBytes: gzipSync(raw, { level: 9 }).length, loadMedianMs: median(loads), loadMaxMs: Math.max(...loads), keysZh: dict.size.zh, keysEn: dict.size.en },
    sources: sources.length,
    indexBuildMs: { median: median(buildMs), max: Math.max(...buildMs), total: buildMs.reduce((a, b) => a + b, 0) },
    indexHeapMb,
    gcExposed: !!gc,
    queries: queries.length,
    across: stats(across),
    check: stats(check),
    load: loadavg()[0],
  };
}

export function formatXlangBench(d: XlangBenchData): string {
  const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;
  const kib = (b: number) => `${(b / 1024).toFixed(0)} KiB`;
  const ok = (b: boolean) => (b ? '✓' : '✗');
  return [
    '\n## Cross-language check (bilingual dictionary, src/xlang)',
    `dictionary (reduced CC-CEDICT): ${d.dictionary.keysZh} Chinese keys, ${d.dictionary.keysEn} English terms; ${kib(d.dictionary.rawBytes)} raw, ${kib(d.dictionary.gzipBytes)} gzipped`,
    `${ok(d.dictionary.loadMedianMs <= 300)} dictionary load (read + parse) median ${ms(d.dictionary.loadMedianMs)}, max ${ms(d.dictionary.loadMaxMs)}  (target ≤ 300 ms)`,
    `index per source (${d.sources} sources of ~${SOURCE_CHARS / 1000}k characters, built on first need): median ${ms(d.indexBuildMs.median)}, max ${ms(d.indexBuildMs.max)}, all ${ms(d.indexBuildMs.total)}; heap ${d.indexHeapMb.toFixed(1)} MB${d.gcExposed ? '' : ' (no --expose-gc: approximate)'}`,
    `${ok(d.across.p95Ms <= 15)} cross-language step over ${d.sources} sources, ${d.queries} quotes: median ${ms(d.across.medianMs)}, p95 ${ms(d.across.p95Ms)}  (target p95 ≤ 15 ms); CPU time median ${ms(d.across.cpuMedianMs)}, p95 ${ms(d.across.cpuP95Ms)}`,
    `  whole multi-source check with the dictionary: median ${ms(d.check.medianMs)}, p95 ${ms(d.check.p95Ms)}; CPU time median ${ms(d.check.cpuMedianMs)}, p95 ${ms(d.check.cpuP95Ms)}`,
    `  load average ${d.load.toFixed(1)} at the end (2 cores: wall times above CPU times are waiting, not work)`,
  ].join('\n');
}
