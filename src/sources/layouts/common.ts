/**
 * What the layout readers share: the clock and name patterns, the inline Markdown a podcast
 * site leaves in its text, and the shape of a layout module (`detect` scores the text, `units`
 * reads it). A layout reads only what it recognises; every other line stays text.
 */
import { NUMBERED_SPEAKER, parseClock, type Unit } from '../draft';
import type { SourceLayout } from '../model';

/** `41:07`, `1:02:03`, `00:41:07.5`. */
export const CLOCK = String.raw`(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?`;
const LATIN_WORD = String.raw`(?:Dr\.|Mr\.|Ms\.|Mrs\.|[A-Z][A-Za-z'’\-]*\.?)`;
/** A speaker label as transcription tools write it: a name, `Speaker 1`, `SPEAKER_00`, a Chinese name. */
export const LAYOUT_NAME = String.raw`(?:${NUMBERED_SPEAKER}|${LATIN_WORD}(?:[ \t]+(?:${LATIN_WORD}|de|van|von|der|da|di|le|la)){0,4}|[\p{Script=Han}·・]{1,12})`;

export const clock = (s: string): number => parseClock(s);

/** Lines of a text: BOM gone, newlines unified, trailing spaces (not no-break spaces) kept for the caller. */
export function linesOf(text: string): string[] {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
}

/** Inline Markdown → its text: links keep their words, emphasis and code marks go. */
export function inlineMarkdown(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^\w*])[*_]([^*_\n]+)[*_](?=[^\w*]|$)/g, '$1$2')
    .replace(/\\([\\`*_{}[\]()#+\-.!])/g, '$1');
}

export interface LayoutRead {
  units: Unit[];
  /** From the layout itself (the links of a podcast site's timestamps). */
  recordingUrl?: string;
  captions?: 'automatic';
  warnings: string[];
  /** Look for `Name:` labels in unattributed units (default true). */
  labels?: boolean;
  /** Short lines standing alone may be headings (plain text with blank-line paragraphs). */
  shortLineHeadings?: boolean;
}

export interface Layout {
  id: SourceLayout;
  /** How sure we are that `lines` are in this layout: 0 (not) … 1 (certain). */
  detect(lines: string[]): number;
  read(lines: string[]): LayoutRead;
}

/** Share of non-blank lines matching `re`, and how many. */
export function share(lines: string[], re: RegExp): { n: number; of: number } {
  let n = 0;
  let of = 0;
  for (const l of lines) {
    if (!l.trim()) continue;
    of++;
    if (re.test(l)) n++;
  }
  return { n, of };
}

/** Warn once when a stretch's time is earlier than the one before it (read in order anyway). */
export function backwardsWarning(times: Array<number | undefined>): string | null {
  let last = -1;
  let count = 0;
  let first: number | null = null;
  for (const t of times) {
    if (t === undefined) continue;
    if (t < last) {
      count++;
      first ??= t;
    }
    last = t;
  }
  if (count === 0) return null;
  const at = first as number;
  const h = Math.floor(at / 3600);
  const m = Math.floor((at % 3600) / 60);
  const s = Math.floor(at % 60);
  const c = `${h > 0 ? `${h}:` : ''}${String(m).padStart(h > 0 ? 2 : 1, '0')}:${String(s).padStart(2, '0')}`;
  return `Timestamps go backwards ${count === 1 ? 'once' : `${count} times`} (first at ${c}): the text is kept in file order, and a time there may be wrong.`;
}
