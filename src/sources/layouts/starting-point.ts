/**
 * Podcast transcript sites that cut an episode into blocks: `Starting point is 00:00:45`, then
 * the block's text. Blocks are merged into paragraphs, every block's time kept.
 */
import { CLOCK, clock, share, type Layout } from './common';
import { timedPiecesToRead } from './time-lines';

const START = new RegExp(String.raw`^\s*Starting point is\s+(${CLOCK})\s*$`, 'i');

export const startingPoint: Layout = {
  id: 'starting-point',
  detect(lines) {
    const { n } = share(lines, START);
    return n >= 2 ? 0.95 : 0;
  },
  read(lines) {
    const pieces: Array<{ time: number; lines: string[] }> = [];
    const before: string[] = [];
    for (const raw of lines) {
      const line = raw.trim();
      if (!line) continue;
      const m = START.exec(line);
      if (m) pieces.push({ time: clock(m[1]), lines: [] });
      else if (pieces.length > 0) pieces[pieces.length - 1].lines.push(line);
      else before.push(line);
    }
    return timedPiecesToRead(pieces, before);
  },
};
