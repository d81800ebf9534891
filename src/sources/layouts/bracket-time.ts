/**
 * `[00:41:07] Name: text` paragraphs (and `[00:41:30] text` continuing the last speaker): the
 * labelled plain text Verbatim always read (`textUnits`), named so the preview can say it.
 */
import { textUnits } from '../formats/txt';
import { CLOCK, LAYOUT_NAME, share, type Layout } from './common';

const LINE = new RegExp(String.raw`^\s*[\[(](${CLOCK})[\])]\s*(${LAYOUT_NAME})\s*[:：]`, 'u');

export const bracketTime: Layout = {
  id: 'bracket-time',
  detect(lines) {
    const { n, of } = share(lines, LINE);
    return n >= 3 && n >= of * 0.1 ? 0.75 : 0;
  },
  read(lines) {
    const { units, lineMode } = textUnits(lines.join('\n'));
    return { units, warnings: [], shortLineHeadings: !lineMode };
  },
};
