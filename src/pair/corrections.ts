/** The reader's corrections of a pair alignment, as the fixed points the aligner keeps. */
import type { PairLink } from '../sources/model';

export interface FixedLink {
  link: PairLink;
  /** Paragraph indexes on each side, ascending. */
  t: number[];
  o: number[];
}

/** The corrected links that can be kept together: in translation order, none crossing another. */
export function fixedLinks(links: PairLink[], tIndex: Map<string, number>, oIndex: Map<string, number>): FixedLink[] {
  const out: FixedLink[] = [];
  for (const link of links) {
    if (!link.corrected) continue;
    const t = link.translation.map((id) => tIndex.get(id));
    const o = link.original.map((id) => oIndex.get(id));
    if (t.some((x) => x === undefined) || o.some((x) => x === undefined) || t.length + o.length === 0) continue;
    out.push({ link, t: (t as number[]).sort((a, b) => a - b), o: (o as number[]).sort((a, b) => a - b) });
  }
  out.sort((a, b) => (a.t[0] ?? Infinity) - (b.t[0] ?? Infinity) || (a.o[0] ?? Infinity) - (b.o[0] ?? Infinity));
  const kept: FixedLink[] = [];
  let tMax = -1;
  let oMax = -1;
  const usedT = new Set<number>();
  const usedO = new Set<number>();
  for (const f of out) {
    if (f.t.some((x) => usedT.has(x)) || f.o.some((x) => usedO.has(x))) continue;
    // A two-sided link fixes the order: it must come after every earlier two-sided link.
    if (f.t.length && f.o.length && (f.t[0] <= tMax || f.o[0] <= oMax)) continue;
    kept.push(f);
    for (const x of f.t) usedT.add(x);
    for (const x of f.o) usedO.add(x);
    if (f.t.length && f.o.length) {
      tMax = f.t[f.t.length - 1];
      oMax = f.o[f.o.length - 1];
    }
  }
  return kept;
}

/** Does link `l` overlap or cross the correction (translation indexes `ct`, original indexes `co`)? */
export function crossesCorrection(lt: number[], lo: number[], ct: number[], co: number[]): boolean {
  if (lt.some((x) => ct.includes(x)) || lo.some((x) => co.includes(x))) return true;
  if (!lt.length || !lo.length || !ct.length || !co.length) return false;
  const before = Math.max(...lt) < Math.min(...ct);
  const beforeO = Math.max(...lo) < Math.min(...co);
  const after = Math.min(...lt) > Math.max(...ct);
  const afterO = Math.min(...lo) > Math.max(...co);
  return !((before && beforeO) || (after && afterO));
}
