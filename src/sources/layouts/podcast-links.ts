/**
 * A podcast site's transcript: `Dario Amodei [(00:00:31)](https://youtube.com/watch?v=…&t=31) If you…`
 * opens a turn; a paragraph opening with only `[(00:01:02)](…)` continues the last speaker. The
 * link gives the time and the recording (its `t=` dropped); neither is part of the text.
 */
import type { Unit } from '../draft';
import { CLOCK, LAYOUT_NAME, backwardsWarning, clock, inlineMarkdown, share, type Layout, type LayoutRead } from './common';

const STAMP = String.raw`\[\(?(${CLOCK})\)?\]\((https?:\/\/[^)\s]+)\)`;
/** The same page copied as text: the link is gone, `(00:01:02)` is left. */
const BARE_STAMP = String.raw`\((${CLOCK})\)`;
const LINE = new RegExp(String.raw`^\s*(?:\*\*)?(${LAYOUT_NAME})?(?:\*\*)?[ \t]*(?:${STAMP}|${BARE_STAMP}(?=[ \t]+\S))[ \t]*(.*)$`, 'u');
const ANY_STAMP = new RegExp(String.raw`^\s*(?:\S.{0,60}?)?${STAMP}`, 'u');
const ANY_BARE = new RegExp(String.raw`^\s*(?:${LAYOUT_NAME}[ \t]+)?${BARE_STAMP}[ \t]+\S`, 'u');
const HEADING = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/;

/** The recording's URL without its time (`t=`, `start=`, `#t=`). */
export function recordingOf(link: string): string | undefined {
  try {
    const url = new URL(link);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    url.searchParams.delete('t');
    url.searchParams.delete('start');
    if (/^#t=/.test(url.hash)) url.hash = '';
    return url.toString();
  } catch {
    return undefined;
  }
}

export const podcastLinks: Layout = {
  id: 'podcast-links',
  detect(lines) {
    const { n, of } = share(lines, ANY_STAMP);
    if (n >= 3 && n >= of * 0.2) return Math.min(1, 0.6 + n / of);
    const bare = share(lines, ANY_BARE);
    return bare.n >= 3 && bare.n >= bare.of * 0.3 ? 0.65 : 0;
  },
  read(lines): LayoutRead {
    const units: Unit[] = [];
    const warnings: string[] = [];
    let speaker: string | undefined;
    let recordingUrl: string | undefined;
    const times: number[] = [];
    let block: string[] = [];
    const flush = () => {
      if (block.length === 0) return;
      const first = block[0];
      const rest = block.slice(1);
      block = [];
      const h = HEADING.exec(first);
      if (h && rest.length === 0) {
        units.push({ text: inlineMarkdown(h[1]), heading: true });
        speaker = undefined;
        return;
      }
      const m = LINE.exec(first);
      if (m) {
        const [, name, at, link, bareAt, text] = m;
        const seconds = clock(at ?? bareAt);
        times.push(seconds);
        if (link) recordingUrl ??= recordingOf(link);
        const body = inlineMarkdown([text, ...rest].join(' '));
        const newTurn = name !== undefined && name.trim() !== speaker;
        if (name) speaker = name.trim();
        if (!speaker) {
          units.push({ text: body, time: seconds });
          return;
        }
        units.push({ text: body, speaker, time: seconds, newTurn: newTurn || !speaker });
        return;
      }
      const text = inlineMarkdown([first, ...rest].join(' '));
      // an untimed paragraph inside a turn still belongs to it
      units.push(speaker ? { text, speaker, newTurn: false } : { text, alone: rest.length === 0 });
    };
    for (const raw of lines) {
      const line = raw.replace(/[ \t]+$/, '');
      if (!line.trim()) {
        flush();
        continue;
      }
      // every stamped line opens a paragraph, blank line or not
      if (block.length > 0 && (LINE.test(line) || HEADING.test(line))) flush();
      block.push(line);
    }
    flush();
    const back = backwardsWarning(times);
    if (back) warnings.push(back);
    return { units: units.filter((u) => u.text.trim() || u.speaker), recordingUrl, warnings };
  },
};
