/**
 * Transcript layouts: which one a text is in (`detectLayout`), and the draft read from it
 * (`parseLaidOut`, for txt / md / pasted text). Each layout is a module of its own; a text in
 * none of them goes to the labelled plain-text reader (`labels`, or `plain` when it finds no
 * speaker and no time — the draft's warnings say so). Title, date and recording URL come from
 * the first lines (`readMeta`) and the layout (timestamp links); a file holding a text and its
 * translation one after the other gets `parts`.
 */
import { assemble, type SourceDraft } from '../draft';
import { parseMarkdown } from '../formats/md';
import { parseText, type TextOptions } from '../formats/txt';
import { autoCaptions } from './auto-captions';
import { bracketTime } from './bracket-time';
import { linesOf, type Layout } from './common';
import { readMeta, titleLine } from './meta';
import { nameTimeHeader } from './name-time-header';
import { nameTimeLine } from './name-time-line';
import { findParts } from './parts';
import { podcastLinks } from './podcast-links';
import { startingPoint } from './starting-point';
import { timeLines } from './time-lines';
import { wrappedCaptions } from './wrapped-captions';

/** In order of precedence when two score the same. */
export const LAYOUTS: Layout[] = [podcastLinks, startingPoint, nameTimeLine, nameTimeHeader, bracketTime, timeLines, autoCaptions, wrappedCaptions];

export function detectLayout(lines: string[]): Layout | null {
  let best: Layout | null = null;
  let score = 0;
  for (const layout of LAYOUTS) {
    const s = layout.detect(lines);
    if (s > score) {
      best = layout;
      score = s;
    }
  }
  return best;
}

/** Timestamps or stamps left in the text: a layout Verbatim did not read (mixed in, or unknown). */
const STRAY = /\[\(?\d{1,2}:\d{2}(?::\d{2})?\)?\]|^\(?(?:\d{1,2}:)?\d{1,2}:\d{2}\)?(?:\s|$)|Starting point is \d/;

export function parseLaidOut(text: string, opts: TextOptions & { format: 'txt' | 'paste' | 'md' }): SourceDraft {
  const meta = readMeta(linesOf(text));
  const layout = detectLayout(meta.lines);
  const warnings = [...(opts.warnings ?? [])];
  let draft: SourceDraft;
  let captions: 'automatic' | undefined;
  let recordingUrl = meta.recordingUrl;
  // the title line leaves the text; the plain reader gets it back as a `#` heading (a section title, as it always was)
  const firstLineTitle = !meta.title && !opts.title ? titleLine(meta.lines) : undefined;
  const title = opts.title ?? meta.title ?? firstLineTitle;
  if (layout) {
    const read = layout.read(meta.lines);
    warnings.push(...read.warnings);
    captions = read.captions;
    recordingUrl ??= read.recordingUrl;
    draft = assemble(read.units, {
      format: opts.format,
      title,
      fileName: opts.fileName,
      url: opts.url,
      labels: read.labels,
      shortLineHeadings: read.shortLineHeadings,
      warnings,
      layout: layout.id,
    });
  } else {
    if (firstLineTitle) meta.lines.unshift(`# ${firstLineTitle}`);
    const body = meta.lines.join('\n');
    const o = { ...opts, title, warnings };
    draft = opts.format === 'md' ? parseMarkdown(body, o) : parseText(body, o);
    if (draft.layout === 'plain' && !draft.paragraphs.some((p) => p.time !== undefined)) {
      draft.warnings.push('Verbatim does not know this layout (no speaker names, no timestamps): it is read as plain text, paragraph by paragraph.');
    }
  }
  // a speaker's name opening a paragraph it was not read from: a label of another layout
  const names = draft.speakers.map((sp) => sp.name).filter((n) => n.length >= 2);
  const strayLabel = (text: string) =>
    names.some((n) => {
      for (let at = text.indexOf(n); at >= 0; at = text.indexOf(n, at + 1)) {
        if ((at === 0 || /[\s.!?]/.test(text[at - 1])) && /^\s*(?:[:：]\s|\(\d{1,2}:\d)/.test(text.slice(at + n.length))) return true;
      }
      return false;
    });
  const stray = draft.paragraphs.filter((p) => STRAY.test(p.text) || strayLabel(p.text)).length;
  if (stray > 0) {
    draft.warnings.push(
      `${stray === 1 ? 'One paragraph holds' : `${stray} paragraphs hold`} a timestamp or speaker label Verbatim did not read as one (a layout mixed in?): kept as text.`,
    );
  }
  if (meta.date) draft.date = meta.date;
  if (recordingUrl) draft.recordingUrl = recordingUrl;
  if (meta.url && !draft.url) draft.url = meta.url;
  if (captions) {
    draft.captions = captions;
    draft.warnings.push('These look like automatic captions (no punctuation, names often misheard): they are cut into passages by length.');
  }
  const parts = findParts(draft.paragraphs);
  if (parts) {
    draft.parts = parts;
    draft.warnings.push(`This file holds two languages one after the other (${parts.map((p) => p.language).join(', then ')}): it may be a text and its translation, which can be stored as a pair.`);
  }
  return draft;
}
