/** Recorded repairs of garbled runs (data/repairs.json) and their application to source lines. */

export type RepairMethod = 'gbk-shift' | 'gbk-shift+context' | 'context';

export interface Repair {
  id: string;
  /** 0-based source line. */
  line: number;
  /** UTF-16 offset of the garbled run in the raw source line. */
  column: number;
  /** The garbled text exactly as in the source. */
  garbled: string;
  /** What replaces it. A trailing `<` restores the byte the damage swallowed from a following tag. */
  repaired: string;
  /**
   * gbk-shift: garbling `repaired` by the one-byte shift reproduces the source run exactly
   * (only the run's first character, always lost, comes from context);
   * gbk-shift+context: the shift explains most of the run, the rest was read from context;
   * context: read from the sentence, the intro's quotations, or the pinyin left behind.
   */
  method: RepairMethod;
  note: string;
}

export interface RepairedLine {
  text: string;
  applied: string[];
}

/** Applies the repairs of one line, checking that each garbled run is where it was recorded. */
export function applyRepairs(raw: string, repairs: readonly Repair[]): RepairedLine {
  const sorted = [...repairs].sort((a, b) => a.column - b.column);
  let text = '';
  let cursor = 0;
  for (const r of sorted) {
    if (r.column < cursor) throw new Error(`repair ${r.id} overlaps the previous one`);
    if (raw.slice(r.column, r.column + r.garbled.length) !== r.garbled) {
      throw new Error(`repair ${r.id}: line ${r.line} has no ${JSON.stringify(r.garbled)} at column ${r.column}`);
    }
    text += raw.slice(cursor, r.column) + r.repaired;
    cursor = r.column + r.garbled.length;
  }
  return { text: text + raw.slice(cursor), applied: sorted.map((r) => r.id) };
}
