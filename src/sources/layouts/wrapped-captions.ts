/**
 * Caption text copied from a video page: hard-wrapped every 40–60 characters, many lines ending
 * in a no-break space, no names, no times. Lines are joined back into sentences; a paragraph
 * ends at a blank line, or where a line ending a sentence stops well short of the usual width
 * and the next starts with a capital (a trailing no-break space is always a wrap). Long runs
 * are cut at sentence ends into passages a card can show.
 */
import type { Unit } from '../draft';
import { CLOCK, LAYOUT_NAME, type Layout } from './common';

const SENTENCE_END = /[.!?…]["”’)]?$/;
const TIMED = new RegExp(String.raw`^\s*[\[(]?${CLOCK}[\])]?(\s|$)`);
const LABELLED = new RegExp(String.raw`^(${LAYOUT_NAME})\s*[:：]\s`, 'u');
const MAX_WORDS = 220;
const MIN_WORDS = 90;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

/** A long paragraph cut at sentence ends into passages of MIN_WORDS–MAX_WORDS words. */
export function cutLong(text: string, minWords = MIN_WORDS, maxWords = MAX_WORDS): string[] {
  const words = text.split(' ').length;
  if (words <= maxWords) return [text];
  const sentences = text.match(/[^.!?…]+(?:[.!?…]+["”’)]?|$)\s*/g) ?? [text];
  const out: string[] = [];
  let cur = '';
  for (const s of sentences) {
    if (cur && cur.split(' ').length >= minWords && (cur + s).split(' ').length > maxWords * 0.6) {
      out.push(cur.trim());
      cur = '';
    }
    cur += s;
  }
  if (cur.trim()) out.push(cur.trim());
  // a run without sentence ends is cut at word boundaries
  return out.flatMap((p) => {
    const ws = p.split(' ');
    if (ws.length <= maxWords * 1.5) return [p];
    const parts: string[] = [];
    for (let i = 0; i < ws.length; i += maxWords) parts.push(ws.slice(i, i + maxWords).join(' '));
    return parts;
  });
}

export const wrappedCaptions: Layout = {
  id: 'wrapped-captions',
  detect(lines) {
    const nonBlank = lines.filter((l) => l.trim());
    if (nonBlank.length < 20) return 0;
    const lengths = nonBlank.map((l) => l.trim().length);
    const m = median(lengths);
    const inBand = lengths.filter((n) => n >= 20 && n <= 75).length / nonBlank.length;
    const nbsp = nonBlank.filter((l) => /\u00A0\s*$/.test(l)).length / nonBlank.length;
    const marked = nonBlank.filter((l) => TIMED.test(l) || LABELLED.test(l.trim())).length / nonBlank.length;
    const blank = (lines.length - nonBlank.length) / nonBlank.length;
    if (marked > 0.05 || m < 30 || m > 68 || inBand < 0.7) return 0;
    if (nbsp >= 0.1) return 0.8;
    return blank < 0.15 ? 0.5 : 0;
  },
  read(lines) {
    const nonBlank = lines.filter((l) => l.trim());
    const width = median(nonBlank.map((l) => l.trim().length));
    const paragraphs: string[] = [];
    let cur: string[] = [];
    const flush = () => {
      if (cur.length > 0) paragraphs.push(cur.join(' ').replace(/[ \t\u00A0]+/g, ' ').trim());
      cur = [];
    };
    lines.forEach((raw, i) => {
      const line = raw.replace(/\r$/, '');
      if (!line.trim()) {
        flush();
        return;
      }
      cur.push(line.trim());
      const wrap = /\u00A0\s*$/.test(line);
      const next = lines[i + 1]?.trim() ?? '';
      const short = line.trim().length < width * 0.7;
      if (!wrap && short && SENTENCE_END.test(line.trim()) && /^["“‘(]?[A-Z]/.test(next)) flush();
    });
    flush();
    const units: Unit[] = paragraphs.flatMap((p) => cutLong(p)).filter(Boolean).map((text) => ({ text, alone: false }));
    return { units, warnings: [], labels: false };
  },
};
