/**
 * Markdown: `#` headings, bold speaker names (`**Dario Amodei:**`, `**Dario Amodei**:`), and the
 * rest of the markup (emphasis, links, images, code, quotes, list markers, rules) reduced to its
 * text. Then read as plain text.
 */
import type { SourceDraft } from '../draft';
import { parseText, type TextOptions } from './txt';

/** Markdown → the plain text it shows, line by line (headings keep their `#`). */
export function markdownToText(md: string): string {
  return md
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => {
      if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) return '';
      let l = line.replace(/^\s{0,3}>\s?/, '').replace(/^\s{0,3}(?:[-*+]|\d+[.)])\s+/, '');
      // bold names at the start: **Name:** / **Name**: / __Name:__
      l = l.replace(/^(\s*)(\*\*|__)([^*_\n]{1,60}?)\s*([:：])?\s*\2\s*([:：])?/, (m, sp: string, _d, name: string, c1?: string, c2?: string) =>
        c1 || c2 ? `${sp}${name}${c1 ?? c2} ` : m,
      );
      l = l
        .replace(/!\[([^\]]*)\]\([^)]*\)/g, '')
        .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
        .replace(/`([^`]+)`/g, '$1')
        .replace(/(\*\*|__)(.+?)\1/g, '$2')
        .replace(/(^|[^\w*])[*_]([^*_\n]+)[*_](?=[^\w*]|$)/g, '$1$2');
      return l;
    })
    .join('\n');
}

export function parseMarkdown(md: string, opts: TextOptions = {}): SourceDraft {
  return parseText(markdownToText(md), { ...opts, format: opts.format ?? 'md' });
}
