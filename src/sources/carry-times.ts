/**
 * Cue times follow the words when a parser cleans a paragraph's text (a label or leading
 * timestamp cut off, spaces collapsed, zero-width characters dropped): an offset is carried by
 * counting the visible characters before it, which cleaning never changes.
 */

const INVISIBLE = /[\s\u200B-\u200D\uFEFF]/;

/** Offsets in `original` → offsets in `cleaned` (`cleaned` = `original` with a prefix cut and spacing changed). */
export function carryTimes(original: string, cleaned: string, times: ReadonlyArray<readonly [number, number]>): Array<[number, number]> | undefined {
  if (times.length === 0 || cleaned.length === 0) return undefined;
  const visible = (s: string) => {
    let n = 0;
    for (const ch of s) if (!INVISIBLE.test(ch)) n += ch.length;
    return n;
  };
  // visible characters of `original` that are not in `cleaned` (the cut prefix)
  const cut = Math.max(0, visible(original) - visible(cleaned));
  // offset in `cleaned` of its k-th visible UTF-16 unit
  const starts: number[] = [];
  for (let i = 0; i < cleaned.length; i++) if (!INVISIBLE.test(cleaned[i])) starts.push(i);
  const out: Array<[number, number]> = [];
  for (const [at, sec] of times) {
    const k = visible(original.slice(0, Math.max(0, at))) - cut;
    const pos = k <= 0 ? 0 : k >= starts.length ? cleaned.length : starts[k];
    if (out.length > 0 && pos <= out[out.length - 1][0]) {
      // two cues collapsed onto one offset (a cue that was all label): the later time wins
      if (pos === out[out.length - 1][0]) out[out.length - 1] = [pos, sec];
      continue;
    }
    out.push([pos, sec]);
  }
  return out.length > 1 ? out : undefined;
}
