/**
 * SubRip (.srt): numbered cues with `00:41:07,500 --> 00:41:10,000` timings. SRT has no speaker
 * markup; names written as `NAME:` at a cue's start are used when they recur, otherwise cues
 * are merged into paragraphs by pauses and sentence ends (see `cuesToUnits`).
 */
import { assemble, type SourceDraft } from '../draft';
import { cueTimes, cuesToUnits, type Cue } from './cues';
import type { TextOptions } from './txt';
import { looksAutomatic } from '../layouts/auto';

export function srtCues(text: string): Cue[] {
  const cues: Cue[] = [];
  const blocks = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split(/\n\s*\n/);
  for (const block of blocks) {
    const lines = block.split('\n');
    const at = lines.findIndex((l) => cueTimes(l) !== null);
    if (at < 0) continue;
    const t = cueTimes(lines[at]) as { start: number; end: number };
    cues.push({ ...t, lines: lines.slice(at + 1).map((l) => stripTags(l)) });
  }
  return cues;
}

/** SRT allows `<i>`, `<b>`, `<font>`; the text is what counts. */
function stripTags(line: string): string {
  return line.replace(/<\/?[a-zA-Z][^>]*>/g, '').replace(/\{\\[^}]*\}/g, '');
}

export function parseSrt(text: string, opts: TextOptions = {}): SourceDraft {
  const cues = srtCues(text);
  const warnings = [...(opts.warnings ?? [])];
  if (cues.length === 0) warnings.push('No subtitle cues were found in this file.');
  // automatic captions never end a sentence: cut their paragraphs by length
  const automatic = looksAutomatic(cues.map((c) => c.lines.join(' ')).join(' '));
  const draft = assemble(cuesToUnits(cues, automatic ? { maxWords: 70 } : {}), { format: 'srt', title: opts.title, fileName: opts.fileName, url: opts.url, labels: false, warnings, layout: 'subtitles' });
  if (automatic) draft.captions = 'automatic';
  return draft;
}
