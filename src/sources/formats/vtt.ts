/**
 * WebVTT (.vtt): cues with `00:41:07.500 --> …` timings (hours optional, settings after them),
 * voice tags `<v Name>` / `<v.class Name>` naming the speaker, other tags (`<c>`, `<i>`, inline
 * timestamps) dropped, entities decoded. NOTE, STYLE and REGION blocks are skipped.
 */
import { assemble, type SourceDraft } from '../draft';
import { decodeEntities } from './entities';
import { cueTimes, cuesToUnits, type Cue } from './cues';
import type { TextOptions } from './txt';
import { looksAutomatic } from '../layouts/auto';

const VOICE = /<v(?:\.[\w.-]+)?\s+([^>]+)>/;

export function vttCues(text: string): Cue[] {
  const cues: Cue[] = [];
  const blocks = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split(/\n\s*\n/);
  for (const block of blocks) {
    const lines = block.split('\n');
    const first = lines[0].trim();
    if (/^(WEBVTT|NOTE|STYLE|REGION)(\s|$)/.test(first) && !lines.some((l) => cueTimes(l))) continue;
    if (/^(NOTE|STYLE|REGION)(\s|$)/.test(first)) continue;
    const at = lines.findIndex((l) => cueTimes(l) !== null);
    if (at < 0) continue;
    const t = cueTimes(lines[at]) as { start: number; end: number };
    let speaker: string | undefined;
    const body: string[] = [];
    for (const raw of lines.slice(at + 1)) {
      const v = VOICE.exec(raw);
      if (v && speaker === undefined) speaker = decodeEntities(v[1]).trim();
      body.push(decodeEntities(raw.replace(/<[^>]*>/g, '')));
    }
    const cue: Cue = { ...t, lines: body };
    if (speaker) cue.speaker = speaker;
    cues.push(cue);
  }
  return cues;
}

export function parseVtt(text: string, opts: TextOptions = {}): SourceDraft {
  const cues = vttCues(text);
  const warnings = [...(opts.warnings ?? [])];
  if (cues.length === 0) warnings.push('No subtitle cues were found in this file.');
  const header = /^\uFEFF?WEBVTT[ \t]+-?[ \t]*(.+)/.exec(text)?.[1]?.trim();
  // automatic captions never end a sentence: cut their paragraphs by length
  const automatic = looksAutomatic(cues.map((c) => c.lines.join(' ')).join(' '));
  const draft = assemble(cuesToUnits(cues, automatic ? { maxWords: 70 } : {}), { format: 'vtt', title: opts.title, fallbackTitle: header, fileName: opts.fileName, url: opts.url, labels: false, warnings, layout: 'subtitles' });
  if (automatic) draft.captions = 'automatic';
  return draft;
}
