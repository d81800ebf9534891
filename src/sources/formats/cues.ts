/**
 * Subtitle cues (SRT, WebVTT) → paragraphs. A cue is a line or two of captions; a paragraph is
 * what a reader would quote from. Cues of one speaker are merged until a pause (≥ 2 s), a
 * change of speaker (a name, a voice tag, or `>>`), or a sentence end once the paragraph is
 * long enough. The paragraph's time is its first cue's; `times` keeps every cue's start.
 */
import { nameKey, parseClock, readLabel, joinLines, joinTimed, wordCount, type Unit } from '../draft';

export interface Cue {
  start: number;
  end: number;
  lines: string[];
  /** From markup (`<v Name>`). */
  speaker?: string;
}

export const CUE_TIMING = /^\s*((?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3})\s*-->\s*((?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3})/;

export function cueTimes(line: string): { start: number; end: number } | null {
  const m = CUE_TIMING.exec(line);
  return m ? { start: parseClock(m[1]), end: parseClock(m[2]) } : null;
}

const PAUSE_SECONDS = 2;
const LONG_ENOUGH_WORDS = 60;
const HARD_CAP_WORDS = 400;
const SENTENCE_END = /[.!?。！？…]["”’」』)）]?$/;
const SOUND_TAG = /^\s*[[(（【][^\])）】]{1,30}[\])）】]\s*$/;
const MAIN_OR_STRONG = /amodei|\bdario\b|阿莫迪|达里奥|達里奧|^[A-Z][A-Z .'’-]{2,}$/i;

export interface CueOptions {
  /** Words after which a paragraph ends even without a sentence end (automatic captions have none). */
  maxWords?: number;
}

export function cuesToUnits(cues: Cue[], opts: CueOptions = {}): Unit[] {
  const hardCap = opts.maxWords ?? HARD_CAP_WORDS;
  // caption decks repeat the previous line (rolling captions): drop repeats
  const recent: string[] = [];
  const cleaned = cues.map((c) => {
    const lines = c.lines
      .map((l) => l.trim())
      .filter((l) => l.length > 0 && !SOUND_TAG.test(l))
      .filter((l) => {
        if (recent.includes(l)) return false;
        recent.push(l);
        if (recent.length > 3) recent.shift();
        return true;
      });
    return { ...c, text: joinLines(lines) };
  });
  // names at the start of cues, believed when they recur (SRT with `NAME:` lines)
  const counts = new Map<string, number>();
  for (const c of cleaned) {
    const l = c.speaker ? null : readLabel(c.text);
    if (l) counts.set(nameKey(l.name), (counts.get(nameKey(l.name)) ?? 0) + 1);
  }
  const units: Unit[] = [];
  let cur: { speaker?: string; time: number; lines: string[]; starts: number[]; words: number; end: number; newTurn: boolean } | null = null;
  let speaker: string | undefined;
  const flush = () => {
    if (cur && cur.lines.length > 0) {
      const starts = cur.starts;
      const joined = joinTimed(cur.lines.map((text, i) => ({ text, time: starts[i] })));
      const unit: Unit = { text: joined.text, speaker: cur.speaker, time: cur.time, newTurn: cur.newTurn };
      if (joined.times.length >= 2) unit.times = joined.times;
      units.push(unit);
    }
    cur = null;
  };
  for (const c of cleaned) {
    let text = c.text;
    let changed = false;
    if (text.startsWith('>>')) {
      text = text.replace(/^>>\s*/, '');
      changed = true;
    }
    if (c.speaker !== undefined) {
      changed ||= c.speaker !== speaker;
      speaker = c.speaker;
    } else {
      const l = readLabel(text);
      if (l && ((counts.get(nameKey(l.name)) ?? 0) >= 2 || MAIN_OR_STRONG.test(l.name))) {
        text = l.rest;
        changed ||= l.name !== speaker;
        speaker = l.name;
        changed = true;
      }
    }
    if (text.length === 0) continue;
    const c2 = cur as { time: number; lines: string[]; words: number; end: number } | null;
    const pause = c2 ? c.start - c2.end >= PAUSE_SECONDS : false;
    const last = c2?.lines[c2.lines.length - 1] ?? '';
    const sentenceDone = SENTENCE_END.test(last);
    if (c2 && (changed || pause || (sentenceDone && c2.words >= LONG_ENOUGH_WORDS) || c2.words >= hardCap)) flush();
    if (!cur) cur = { speaker, time: c.start, lines: [], starts: [], words: 0, end: c.end, newTurn: changed };
    const open = cur as { lines: string[]; starts: number[]; words: number; end: number };
    open.lines.push(text);
    open.starts.push(c.start);
    open.words += wordCount(text);
    open.end = c.end;
  }
  flush();
  return units;
}
