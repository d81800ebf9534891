/**
 * Transcription services: `Speaker 1 (00:01:02):` or `Dario Amodei (01:02:03)` on a line of its
 * own, then the turn's text. The label and the time are the turn's, never its text.
 */
import { CLOCK, LAYOUT_NAME, share, type Layout } from './common';
import { readHeaderTurns } from './turns';

export const NAME_TIME_LINE = new RegExp(String.raw`^(${LAYOUT_NAME})[ \t]*[(\[](${CLOCK})[)\]][ \t]*(?:[:：][ \t]*(.*))?$`, 'u');

export const nameTimeLine: Layout = {
  id: 'name-time-line',
  detect(lines) {
    const heads = lines.filter((l) => NAME_TIME_LINE.exec(l.trim()) && !/\S/.test(NAME_TIME_LINE.exec(l.trim())?.[3] ?? '')).length;
    const { of } = share(lines, /./);
    return heads >= 3 && heads >= of * 0.05 ? 0.9 : 0;
  },
  read: (lines) => readHeaderTurns(lines, NAME_TIME_LINE),
};
