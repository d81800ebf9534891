/**
 * Plain text and pasted text. Paragraphs are separated by blank lines; a text without blank
 * lines (one paragraph per line, as Chinese transcripts often are) takes each line as a
 * paragraph. Inside a paragraph, a line that opens with a speaker label or a timestamp starts a
 * new paragraph; `#` lines are headings; a short line standing alone may be a heading or a
 * speaker's name (decided in `assemble`).
 */
import { assemble, joinLines, readLabel, readNameAlone, LEADING_TIME, type SourceDraft, type Unit } from '../draft';
import type { SourceFormat } from '../model';

export interface TextOptions {
  format?: SourceFormat;
  title?: string;
  fileName?: string;
  url?: string;
  warnings?: string[];
}

const HASH_HEADING = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/;

/** Lines → units (shared with the Markdown reader). */
export function textUnits(text: string): { units: Unit[]; lineMode: boolean } {
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  const nonBlank = lines.filter((l) => l.trim().length > 0).length;
  const blank = lines.length - nonBlank;
  // Blank lines between paragraphs, or one paragraph per line?
  const lineMode = nonBlank > 3 && blank < nonBlank * 0.1;
  const units: Unit[] = [];
  let group: string[] = [];
  const flush = () => {
    if (group.length > 0) units.push({ text: joinLines(group), alone: group.length === 1 && !lineMode });
    group = [];
  };
  for (const raw of lines) {
    const line = raw.replace(/\s+$/, '');
    if (line.trim().length === 0) {
      flush();
      continue;
    }
    const h = HASH_HEADING.exec(line);
    if (h) {
      flush();
      units.push({ text: h[1], heading: true });
      continue;
    }
    if (lineMode || (group.length > 0 && (readLabel(line.trim()) || LEADING_TIME.test(line)))) flush();
    group.push(line);
    // A lone name line heading a group ("DARIO AMODEI" then the text) is a unit of its own.
    if (!lineMode && group.length === 1 && readNameAlone(line.trim())) {
      units.push({ text: line.trim(), alone: true });
      group = [];
    }
  }
  flush();
  return { units, lineMode };
}

export function parseText(text: string, opts: TextOptions = {}): SourceDraft {
  const { units, lineMode } = textUnits(text);
  return assemble(units, {
    format: opts.format ?? 'txt',
    title: opts.title,
    fileName: opts.fileName,
    url: opts.url,
    shortLineHeadings: !lineMode,
    warnings: opts.warnings,
  });
}
