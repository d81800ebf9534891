/**
 * Automatic captions without times: one long line (or a few), lower case, unpunctuated, with
 * `[Music]` and misheard names. Cut into passages of a few sentences' length at word
 * boundaries, preferring to cut before words that usually open a sentence; sound tags go.
 */
import type { Unit } from '../draft';
import { type Layout } from './common';
import { SOUND_TAG, looksAutomatic } from './auto';

const OPENERS = new Set(['so', 'and', 'but', 'now', 'i', 'well', 'you', 'okay', 'um', 'uh', 'because', 'yeah', 'the', 'we', 'if', 'what', 'when', 'that']);
const STRONG_OPENERS = new Set(['so', 'but', 'now', 'well', 'okay', 'um', 'uh', 'yeah']);
const MIN_WORDS = 45;
const MAX_WORDS = 75;

export function splitAutomatic(text: string): string[] {
  const words = text.replace(SOUND_TAG, ' ').split(/\s+/).filter(Boolean);
  const out: string[] = [];
  let start = 0;
  while (start < words.length) {
    let end = Math.min(words.length, start + MAX_WORDS);
    if (end < words.length) {
      // the best cut between MIN and MAX words: a strong opener, else any opener, else MAX
      let cut = -1;
      for (let k = start + MIN_WORDS; k < end; k++) if (STRONG_OPENERS.has(words[k].toLowerCase())) { cut = k; break; }
      if (cut < 0) for (let k = start + MIN_WORDS; k < end; k++) if (OPENERS.has(words[k].toLowerCase())) { cut = k; break; }
      if (cut > 0) end = cut;
    }
    out.push(words.slice(start, end).join(' '));
    start = end;
  }
  return out;
}

export const autoCaptions: Layout = {
  id: 'auto-captions',
  detect(lines) {
    const nonBlank = lines.filter((l) => l.trim());
    const text = nonBlank.join(' ');
    if (!looksAutomatic(text)) return 0;
    const longest = nonBlank.reduce((n, l) => Math.max(n, l.length), 0);
    return longest > 1000 || nonBlank.length < 20 ? 0.9 : 0.6;
  },
  read(lines) {
    const units: Unit[] = splitAutomatic(lines.join(' ')).map((text) => ({ text, alone: false }));
    return { units, warnings: [], captions: 'automatic', labels: false };
  },
};
