/**
 * Pairing speed: align a translation with an original of 60 000 characters (the size of a long
 * interview), built from the hand-written pair of test/fixtures/pair repeated with seeded
 * perturbations: Arabic numbers shifted per copy (on both sides, so they stay anchors) and some
 * translation paragraphs dropped (so the repeats are not identical). Alignment runs once when a
 * pair is made; the target is ≤ 500 ms.
 */
import { loadPair } from '../test/pair/fixture';
import { rng } from '../test/match/rng';
import { alignPair } from '../src/pair/align';
import type { Source } from '../src/sources/model';

export interface BigPair {
  translation: Source;
  original: Source;
  /** Translation paragraph id → the original ids it truly renders. */
  truth: Map<string, string>;
}

/** Repeat the fixture pair until the original holds at least `minOriginalChars` characters. */
export function buildBigPair(minOriginalChars: number, seed = 13): BigPair {
  const { original, translation, truth } = loadPair();
  const rand = rng(seed);
  const oLen = original.paragraphs.reduce((a, p) => a + p.text.length, 0);
  const copies = Math.ceil(minOriginalChars / oLen);
  const T: Source['paragraphs'] = [];
  const O: Source['paragraphs'] = [];
  const truthMap = new Map<string, string>();
  const pid = (n: number) => `p${String(n).padStart(4, '0')}`;
  const turnOffset = (id: string | null, c: number) => (id ? `${id}-${c}` : null);
  for (let c = 0; c < copies; c++) {
    const shift = (text: string) => text.replace(/\d+/g, (d) => String(Number(d) + 7 * c));
    const oIds = new Map<string, string>();
    for (const p of original.paragraphs) {
      const id = pid(O.length + 1);
      oIds.set(p.id, id);
      O.push({ ...p, id, turnId: turnOffset(p.turnId, c), text: shift(p.text) });
    }
    for (const link of truth.paragraphs) {
      if (link.translation.length === 0) continue;
      // One link in 12 is dropped from the translation of this copy.
      if (c > 0 && rand() < 1 / 12) continue;
      for (const tid of link.translation) {
        const p = translation.paragraphs.find((x) => x.id === tid)!;
        const id = pid(T.length + 1);
        T.push({ ...p, id, turnId: turnOffset(p.turnId, c), text: shift(p.text) });
        truthMap.set(id, link.original.map((o) => oIds.get(o)!).join('+'));
      }
    }
  }
  const section = (ps: Source['paragraphs']) => [{ id: 's0', title: '', paragraphIds: ps.map((p) => p.id) }];
  return {
    original: { ...original, id: 'big-en', paragraphs: O, sections: section(O) },
    translation: { ...translation, id: 'big-zh', translationOf: 'big-en', paragraphs: T, sections: section(T) },
    truth: truthMap,
  };
}

const chars = (s: Source) => s.paragraphs.reduce((a, p) => a + p.text.length, 0);

export interface PairsBenchRow {
  targetChars: number;
  originalChars: number;
  originalParagraphs: number;
  translationChars: number;
  translationParagraphs: number;
  /** Median of 3 runs after a warm-up. */
  wallMs: number;
  cpuMs: number;
  right: number;
  of: number;
  /** Only the 60 000-character size has a target. */
  targetMs: number | null;
}

export const PAIR_TARGET_MS = 500;

export function benchPairsData(): PairsBenchRow[] {
  const rows: PairsBenchRow[] = [];
  for (const target of [60_000, 180_000]) {
    const big = buildBigPair(target);
    alignPair(big.translation, big.original); // warm-up
    const times: number[] = [];
    const cpu: number[] = [];
    let links = alignPair(big.translation, big.original);
    for (let r = 0; r < 3; r++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      links = alignPair(big.translation, big.original);
      times.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
    }
    times.sort((a, b) => a - b);
    cpu.sort((a, b) => a - b);
    let right = 0;
    for (const l of links) for (const id of l.translation) if (big.truth.get(id) === l.original.join('+')) right++;
    rows.push({
      targetChars: target,
      originalChars: chars(big.original),
      originalParagraphs: big.original.paragraphs.length,
      translationChars: chars(big.translation),
      translationParagraphs: big.translation.paragraphs.length,
      wallMs: times[1],
      cpuMs: cpu[1],
      right,
      of: big.truth.size,
      targetMs: target === 60_000 ? PAIR_TARGET_MS : null,
    });
  }
  return rows;
}

export function formatPairsBench(rows: PairsBenchRow[]): string[] {
  const lines: string[] = ['', '## Translation pairing (src/pair/align.ts)'];
  for (const r of rows) {
    const label = `original ${r.originalChars} chars (${r.originalParagraphs} ¶) + translation ${r.translationChars} chars (${r.translationParagraphs} ¶)`;
    const mark = r.targetMs === null ? ' ' : r.wallMs <= r.targetMs ? '✓' : '✗';
    lines.push(
      `${mark} align ${label}: median ${r.wallMs.toFixed(0)} ms wall, ${r.cpuMs.toFixed(0)} ms CPU, of 3${r.targetMs !== null ? `  (target ≤ ${r.targetMs} ms)` : ''}; paragraphs right ${r.right}/${r.of}`,
    );
  }
  return lines;
}

export const benchPairs = (): string[] => formatPairsBench(benchPairsData());

if (process.argv[1] && /pairs\.ts$/.test(process.argv[1])) console.log(benchPairs().join('\n'));
