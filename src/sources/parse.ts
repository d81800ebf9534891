/**
 * One entry point for every way a source arrives: `parseSource({ name, text | bytes, url, title })`
 * decodes bytes, picks the format (`detectFormat`: the file extension, else the content) and
 * returns a `SourceDraft` for the reader to check before saving — or one sentence saying why
 * the input cannot be a source.
 */
import { decodeBytes } from './decode';
import type { SourceDraft } from './draft';
import type { SourceFormat } from './model';
import { parseHtml } from './formats/html';
import { parseSrt } from './formats/srt';
import { parseVtt } from './formats/vtt';
import { parseLaidOut } from './layouts/index';
import { applyHeadMeta } from './layouts/meta';

export type ParsableFormat = Exclude<SourceFormat, 'builtin' | 'page'>;

/** Most characters a source may hold (the byte limit of `decodeBytes` applies to files). */
export const MAX_SOURCE_CHARS = 20 * 1024 * 1024;

export interface SourceInput {
  /** File name (its extension picks the format). */
  name?: string;
  text?: string;
  bytes?: Uint8Array;
  /** Where the text came from (kept on the source). */
  url?: string;
  /** A title the caller knows (a page title); otherwise the first heading, `<title>` or the file name. */
  title?: string;
  /** Force a format (`paste` for pasted text). */
  format?: ParsableFormat;
  /** Encoding label to prefer for `bytes`. */
  encoding?: string;
}

export type ParseResult = { ok: true; draft: SourceDraft } | { ok: false; error: string };

const BY_EXTENSION: Record<string, ParsableFormat> = {
  txt: 'txt', text: 'txt', md: 'md', markdown: 'md', srt: 'srt', vtt: 'vtt', webvtt: 'vtt', html: 'html', htm: 'html', xhtml: 'html',
};

export const SUPPORTED_EXTENSIONS = Object.keys(BY_EXTENSION);

/** The format of a file: its extension when known, else a look at its first lines. */
export function detectFormat(name: string | undefined, text: string): ParsableFormat {
  const ext = name?.toLowerCase().match(/\.([a-z]+)$/)?.[1];
  if (ext && BY_EXTENSION[ext]) return BY_EXTENSION[ext];
  const head = text.replace(/^\uFEFF/, '').slice(0, 4000);
  if (/^\s*WEBVTT/.test(head)) return 'vtt';
  if (/^\s*\d+\s*\r?\n\s*\d{1,2}:\d{2}:\d{2},\d{3}\s*-->/.test(head)) return 'srt';
  if (/^\s*(<!doctype html|<html[\s>])/i.test(head) || /<(p|div|h[1-6]|body)[\s>]/i.test(head) && /<\/(p|div|h[1-6]|body)>/i.test(head)) return 'html';
  if (/^#{1,6}\s+\S/m.test(head) && /\*\*[^*\n]+\*\*/.test(head)) return 'md';
  return 'txt';
}

export function parseSource(input: SourceInput): ParseResult {
  let text = input.text;
  let encoding: string | undefined;
  const warnings: string[] = [];
  if (text === undefined) {
    if (!input.bytes) return { ok: false, error: 'There is nothing to read: give a file or some text.' };
    const decoded = decodeBytes(input.bytes, input.encoding);
    if (!decoded.ok) return { ok: false, error: decoded.error };
    text = decoded.text;
    encoding = decoded.encoding;
  }
  if (text.length > MAX_SOURCE_CHARS) {
    return { ok: false, error: `The text is too long (${text.length} characters); Verbatim accepts sources up to ${MAX_SOURCE_CHARS} characters.` };
  }
  if (text.trim().length === 0) return { ok: false, error: 'The text is empty.' };
  if (/[\u0000-\u0008\u000E-\u001A\u001C-\u001F]/.test(text.slice(0, 65536))) {
    return { ok: false, error: 'This looks like a binary file (it holds control characters), not a text transcript.' };
  }
  const format = input.format ?? detectFormat(input.name, text);
  const opts = { title: input.title, fileName: input.name, url: input.url, warnings };
  const draft =
    format === 'vtt'
      ? parseVtt(text, opts)
      : format === 'srt'
        ? parseSrt(text, opts)
        : format === 'html'
          ? applyHeadMeta(parseHtml(text, opts))
          : parseLaidOut(text, { ...opts, format: format === 'md' || format === 'paste' ? format : 'txt' });
  if (draft.paragraphs.length === 0) return { ok: false, error: 'No text was found in it to check quotes against.' };
  if (encoding) draft.encoding = encoding;
  return { ok: true, draft };
}
