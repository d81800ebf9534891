/**
 * Turns that open with a header line of their own (a name and a time), then the text: how the
 * header layouts (`name-time-line`, `name-time-header`) are read. Text before the first header
 * is unattributed; a blank line, or a long line ending a sentence, ends a paragraph; shorter
 * lines are a wrapped paragraph and are joined.
 */
import { joinLines, type Unit } from '../draft';
import { backwardsWarning, clock, type LayoutRead } from './common';

const SENTENCE_END = /[.!?。！？…]["”’」』)）]?$/;
const HEADING = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/;

/** `header` captures (1) the name, (2) the clock and optionally (3) text on the same line. */
export function readHeaderTurns(lines: string[], header: RegExp): LayoutRead {
  const units: Unit[] = [];
  let speaker: string | undefined;
  let time: number | undefined;
  let para: string[] = [];
  let opened = false;
  const times: number[] = [];
  const flush = () => {
    if (para.length === 0) return;
    const text = joinLines(para);
    para = [];
    if (speaker) {
      units.push({ text, speaker, time, newTurn: opened });
      opened = false;
      time = undefined;
    } else units.push({ text, alone: false });
  };
  for (const raw of lines) {
    const line = raw.replace(/[ \t\u00A0]+$/, '');
    if (!line.trim()) {
      flush();
      continue;
    }
    const m = header.exec(line.trim());
    if (m) {
      flush();
      if (opened && speaker) units.push({ text: '', speaker, time, newTurn: true }); // a header without text
      // a service repeats the header of a long turn with a new time: the same turn goes on
      opened = m[1].trim() !== speaker || opened;
      speaker = m[1].trim();
      time = clock(m[2]);
      times.push(time);
      if (m[3]?.trim()) para.push(m[3]);
      continue;
    }
    const h = HEADING.exec(line);
    if (h) {
      flush();
      units.push({ text: h[1], heading: true });
      speaker = undefined;
      continue;
    }
    const prev = para[para.length - 1];
    if (prev && prev.length >= 100 && SENTENCE_END.test(prev.trim())) flush();
    para.push(line);
  }
  flush();
  const warnings: string[] = [];
  const back = backwardsWarning(times);
  if (back) warnings.push(back);
  return { units: units.filter((u) => u.text || u.speaker), warnings };
}
