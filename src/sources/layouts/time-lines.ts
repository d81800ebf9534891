/**
 * A video page's transcript panel, copied: a time on a line of its own (`0:31`, `1:02:03`), then
 * the caption's text — or the time and the text on one line (`0:31 so if you…`). Captions are
 * merged into paragraphs as subtitle cues are (`cuesToUnits`), every caption's time kept.
 */
import { cuesToUnits, type Cue } from '../formats/cues';
import { CLOCK, backwardsWarning, clock, share, type Layout, type LayoutRead } from './common';
import { SOUND_TAG, looksAutomatic } from './auto';

const TIME_ONLY = new RegExp(String.raw`^\s*(${CLOCK})\s*$`);
const TIME_TEXT = new RegExp(String.raw`^\s*(${CLOCK})[ \t]+(\S.*)$`);
/** The panel's spoken-out time under the time ("2 minutes, 5 seconds"): the time again, not text. */
const SPOKEN_TIME = /^\d+\s+(?:hours?|minutes?|seconds?)(?:,?\s+\d+\s+(?:hours?|minutes?|seconds?))*$/i;

/** Timed pieces → cues (each ends where the next starts) → paragraphs; automatic captions cut by length. */
export function timedPiecesToRead(pieces: Array<{ time: number; lines: string[] }>, before: string[]): LayoutRead {
  const warnings: string[] = [];
  const back = backwardsWarning(pieces.map((p) => p.time));
  if (back) warnings.push(back);
  const all = pieces.map((p) => p.lines.join(' ')).join(' ');
  const automatic = looksAutomatic(all);
  const cues: Cue[] = pieces.map((p, i) => ({
    start: p.time,
    end: Math.max(p.time, pieces[i + 1]?.time ?? p.time + 5),
    lines: p.lines.map((l) => l.replace(SOUND_TAG, ' ').replace(/\s+/g, ' ').trim()).filter(Boolean),
  }));
  const units = [
    ...before.filter((l) => l.trim()).map((text) => ({ text: text.trim(), alone: false })),
    ...cuesToUnits(cues, automatic ? { maxWords: 70 } : {}),
  ];
  return { units, warnings, ...(automatic ? { captions: 'automatic' as const } : {}) };
}

export const timeLines: Layout = {
  id: 'time-lines',
  detect(lines) {
    const only = share(lines, TIME_ONLY);
    const inline = share(lines, TIME_TEXT);
    if (only.n >= 5 && only.n >= only.of * 0.25) return 0.8;
    if (inline.n >= 5 && inline.n >= inline.of * 0.6) return 0.7;
    return 0;
  },
  read(lines) {
    const pieces: Array<{ time: number; lines: string[] }> = [];
    const before: string[] = [];
    for (const raw of lines) {
      const line = raw.trim();
      if (!line) continue;
      if (SPOKEN_TIME.test(line)) continue;
      const only = TIME_ONLY.exec(line);
      const inline = only ? null : TIME_TEXT.exec(line);
      if (only) pieces.push({ time: clock(only[1]), lines: [] });
      else if (inline) pieces.push({ time: clock(inline[1]), lines: [inline[2]] });
      else if (pieces.length > 0) pieces[pieces.length - 1].lines.push(line);
      else before.push(line);
    }
    return timedPiecesToRead(pieces, before);
  },
};
