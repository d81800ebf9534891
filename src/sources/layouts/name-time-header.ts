/**
 * Meeting transcribers: a header line `Dario Amodei  0:41` (a name, spaces, a bare time), then
 * the turn's text on the lines below.
 */
import { CLOCK, LAYOUT_NAME, share, type Layout } from './common';
import { readHeaderTurns } from './turns';

export const NAME_TIME_HEADER = new RegExp(String.raw`^(${LAYOUT_NAME})[ \t\u00A0]+(${CLOCK})$`, 'u');

export const nameTimeHeader: Layout = {
  id: 'name-time-header',
  detect(lines) {
    const heads = lines.filter((l) => NAME_TIME_HEADER.test(l.trim())).length;
    const { of } = share(lines, /./);
    return heads >= 3 && heads >= of * 0.05 ? 0.85 : 0;
  },
  read: (lines) => readHeaderTurns(lines, NAME_TIME_HEADER),
};
