/**
 * What every format parser shares: a source arrives as a list of units (paragraph-sized pieces
 * of text, some already known to be headings or to have a speaker from markup), and `assemble`
 * turns them into a `SourceDraft` — speaker labels (`Name:`, `NAME:`, `名字：`, a name on a line
 * of its own), timestamps (`[00:41:07]`, `(41:07)`, `41:07`), headings, turns, sections, the
 * main speaker, the title and the language.
 *
 * A label is believed only when it looks like a name and recurs (or is unmistakable: in
 * capitals, a role such as 主持人, or Amodei's name): prose such as `Note: …` must stay text.
 */
import type { Source, SourceFormat, SourceLayout, SourceParagraph, SourceSection, SourceSpeaker } from './model';
import { detectLanguage } from './language';

/** A parsed source before the store gives it an id and a date. */
export type SourceDraft = Omit<Source, 'id' | 'addedAt' | 'schemaVersion' | 'enabled'> & {
  /** Plain sentences for the preview: what the parser was unsure of. */
  warnings: string[];
  /** The file's encoding, when it came from bytes. */
  encoding?: string;
  /**
   * A file holding a text and its translation one after the other (all English, then all
   * Chinese): its parts in reading order, for the preview to offer storing them as a pair.
   * Absent when the file is in one language.
   */
  parts?: DraftPart[];
};

export interface DraftPart {
  /** BCP 47, as `detectLanguage` tells it. */
  language: string;
  /** The part's paragraphs, in order (headings included). */
  paragraphIds: string[];
  /** Characters of text in the part. */
  chars: number;
}

export interface Unit {
  text: string;
  /** Known heading (markup such as `#` or `<h2>`). */
  heading?: boolean;
  /** Known speaker (markup such as `<v Name>` or a bold name). */
  speaker?: string;
  /** Seconds, when the markup gives it (cue times). */
  time?: number;
  /** With `speaker`: this unit opens a new turn even if the speaker is the same as before. */
  newTurn?: boolean;
  /** A single line standing alone (between blank lines): may be a heading or a speaker's name. */
  alone?: boolean;
  /**
   * Timed stretches merged into `text` ([offset in text, seconds], ascending). The text must be
   * clean (`cleanText` of each stretch, joined by one space) so the offsets survive `assemble`.
   */
  times?: Array<[number, number]>;
}

export interface AssembleOptions {
  format: SourceFormat;
  title?: string;
  /** Used when there is no `title` and no heading (an HTML `<title>`). */
  fallbackTitle?: string;
  fileName?: string;
  url?: string;
  /** Short lines standing alone become headings (plain text with blank-line paragraphs). */
  shortLineHeadings?: boolean;
  /** Look for `Name:` labels and names alone in the text (off when markup gives the speakers). */
  labels?: boolean;
  warnings?: string[];
  /** The layout the caller recognised (else `labels` when labels were found, `plain` when not). */
  layout?: SourceLayout;
}

// ------------------------------------------------------------------ timestamps

const CLOCK = String.raw`(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?`;
/** A timestamp at the start of a line: `[00:41:07]`, `(41:07)`, `41:07`, `1:02:03.5`. */
export const LEADING_TIME = new RegExp(String.raw`^\s*(?:\[(${CLOCK})\]|\((${CLOCK})\)|(${CLOCK})(?=\s|$))\s*`);

/** `00:41:07`, `41:07`, `00:41:07,500` → seconds. */
export function parseClock(clock: string): number {
  const [main, frac] = clock.split(/[.,]/);
  const parts = main.split(':').map(Number);
  let s = 0;
  for (const p of parts) s = s * 60 + p;
  return frac ? s + Number(`0.${frac}`) : s;
}

export function stripLeadingTime(text: string): { text: string; time?: number } {
  const m = LEADING_TIME.exec(text);
  if (!m) return { text };
  return { text: text.slice(m[0].length), time: parseClock(m[1] ?? m[2] ?? m[3]) };
}

// ------------------------------------------------------------------ names

const LATIN_WORD = String.raw`(?:Dr\.|Mr\.|Ms\.|Mrs\.|[A-Z][A-Za-z'’\-]*\.?)`;
const LATIN_NAME = String.raw`${LATIN_WORD}(?:[ \t]+(?:${LATIN_WORD}|de|van|von|der|da|di|le|la))*`;
const HAN_NAME = String.raw`[\p{Script=Han}·・]{1,12}`;
/** Labels of transcription services that name no one: `Speaker 1`, `SPEAKER_00`, `Spk 2`, `说话人 1`. */
export const NUMBERED_SPEAKER = String.raw`(?:[Ss]peaker|SPEAKER|[Ss]pk|SPK|说话人|說話人|发言人|發言人)[ _]?\d{1,2}`;
const NAME = String.raw`(?:${NUMBERED_SPEAKER}|${LATIN_NAME}|${HAN_NAME})`;
/**
 * `Name:` / `NAME (41:07):` / `名字：` at the start of a line. A full-width `：` carries its own
 * spacing, so anything may follow it (`主持人：AI 会…`, `达里奥：（笑）…`); an ASCII `:` needs a
 * space, the line end or CJK text/opening punctuation after it, so `10:30` and `http://` stay text.
 */
const LABEL = new RegExp(
  String.raw`^(${NAME})[ \t]*(?:[\[(](${CLOCK})[\])])?[ \t]*(?:：[ \t]*|:(?:[ \t]+|$|(?=[\p{Script=Han}“「『（"])))`,
  'u',
);
/** A name on a line of its own, optionally with a timestamp and a colon. */
const NAME_ALONE = new RegExp(String.raw`^(${NAME})[ \t]*(?:[\[(]?(${CLOCK})[\])]?)?[ \t]*[:：]?$`, 'u');

const MAIN_NAME = /amodei|\bdario\b|阿莫迪|达里奥|達里奧/i;
/** Words that start sentences followed by a colon, never speakers. */
const NOT_NAMES = new Set([
  'so', 'but', 'and', 'well', 'yes', 'no', 'now', 'here', 'there', 'this', 'that', 'it', 'note', 'update', 'example',
  'source', 'sources', 'transcript', 'edit', 'edited', 'warning', 'disclaimer', 'summary', 'tl;dr', 'ps', 'p.s.',
  'http', 'https', 'title', 'date', 'url', 'link', 'time', 'also', 'first', 'second', 'third', 'finally', 'why', 'how', 'what',
]);
const ROLES = /^(主持人|嘉宾|嘉賓|记者|記者|提问者|提問者|问|問|答|主持|旁白|Host|Interviewer|Interviewee|Guest|Q|A)$/i;
/** Labels that name no one: the preview asks the reader who they are. */
const GENERIC = new RegExp(String.raw`^(?:${NUMBERED_SPEAKER}|Unknown(?: Speaker)?|Interviewer|Interviewee|Respondent|Q|A|Question|Answer|问|問|答|提问者|提問者)$`, 'i');

export function isGenericName(name: string): boolean {
  return GENERIC.test(name.replace(/[:：]\s*$/, '').trim());
}

export function nameKey(name: string): string {
  return name.replace(/\s+/g, ' ').replace(/[:：.\s]+$/, '').trim().toLowerCase();
}

function looksLikeName(name: string): boolean {
  const key = nameKey(name);
  if (key.length === 0 || key.length > 40 || NOT_NAMES.has(key)) return false;
  if (/^[\p{Script=Han}·・]+$/u.test(name) && [...name].length > (/[·・]/.test(name) ? 12 : 6)) return false;
  return (name.match(/\s+/g)?.length ?? 0) <= 4;
}

/** Unmistakable names: believed even when they occur once. */
function strongName(name: string): boolean {
  return MAIN_NAME.test(name) || new RegExp(`^${NUMBERED_SPEAKER}$`).test(name.trim()) || ROLES.test(name.trim()) || (/^[A-Z][A-Z .'’-]+$/.test(name.trim()) && name.trim().length >= 3);
}

export interface Label {
  name: string;
  rest: string;
  time?: number;
}

/** A `Name:` label at the start of `text` (not yet judged: see `assemble`). */
export function readLabel(text: string): Label | null {
  const m = LABEL.exec(text);
  if (!m || !looksLikeName(m[1])) return null;
  let rest = text.slice(m[0].length);
  let time = m[2] ? parseClock(m[2]) : undefined;
  const t = stripLeadingTime(rest);
  if (t.time !== undefined) {
    rest = t.text;
    time ??= t.time;
  }
  return { name: m[1].trim(), rest, time };
}

export function readNameAlone(text: string): Label | null {
  const line = text.trim();
  if (line.includes('\n')) return null;
  const m = NAME_ALONE.exec(line);
  if (!m || !looksLikeName(m[1])) return null;
  return { name: m[1].trim(), rest: '', time: m[2] ? parseClock(m[2]) : undefined };
}

// ------------------------------------------------------------------ text helpers

const CJK_EDGE = /[\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF]/u;

/** Join the lines of one paragraph: nothing between Chinese characters, a space otherwise. */
export function joinLines(lines: string[]): string {
  let out = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    if (out && !(CJK_EDGE.test(out[out.length - 1]) && CJK_EDGE.test(line[0]))) out += ' ';
    out += line;
  }
  return out;
}

/**
 * Timed pieces joined as `joinLines` joins lines (each cleaned), with the offset where each
 * piece starts: a unit's `text` and `times`. A piece that cleans to nothing is left out.
 */
export function joinTimed(pieces: Array<{ text: string; time?: number }>): { text: string; times: Array<[number, number]> } {
  let out = '';
  const times: Array<[number, number]> = [];
  for (const piece of pieces) {
    const line = cleanText(piece.text);
    if (!line) continue;
    if (out && !(CJK_EDGE.test(out[out.length - 1]) && CJK_EDGE.test(line[0]))) out += ' ';
    if (piece.time !== undefined && Number.isFinite(piece.time)) {
      const last = times[times.length - 1];
      // ascending only: a time going backwards is not a new stretch
      if (!last || piece.time > last[1]) times.push([out.length, piece.time]);
    }
    out += line;
  }
  return { text: out, times };
}

export function cleanText(text: string): string {
  return text.replace(/[\u200B-\u200D\uFEFF]/g, '').replace(/[ \t\u00A0]+/g, ' ').trim();
}

/** Words of a text for "who speaks most": Latin words and Han characters. */
export function wordCount(text: string): number {
  return (text.match(/[\p{L}\p{N}][\p{L}\p{N}'’]*/gu) ?? []).reduce(
    (n, w) => n + (/\p{Script=Han}/u.test(w) ? [...w].filter((c) => /\p{Script=Han}/u.test(c)).length : 1),
    0,
  );
}

const SENTENCE_END = /[.!?。！？…:：,，;；"”」』]$/;

function isShortHeading(text: string): boolean {
  const t = text.trim();
  if (t.length === 0 || t.length > 80 || SENTENCE_END.test(t)) return false;
  if (!/[\p{L}]/u.test(t)) return false;
  if (/^[a-z]/.test(t)) return false;
  return (t.match(/\s+/g)?.length ?? 0) < 12;
}

// ------------------------------------------------------------------ assemble

interface Classified {
  kind: 'heading' | 'turn' | 'text' | 'name';
  speaker?: string;
  text: string;
  time?: number;
  times?: Array<[number, number]>;
  /** A turn that continues the current one when the speaker is unchanged. */
  continues?: boolean;
  /** A trailer ("Transcribed by …"): ends the last turn, said by no one. */
  ends?: boolean;
}

/** What a transcript's last lines say about the transcript itself, not words of the last speaker. */
const TRAILER = /^(?:transcribed by|transcript(?:ion)? (?:by|provided)|this (?:interview|transcript|conversation|episode) (?:was|has been|is)|(?:the )?(?:interview|transcript) (?:has been |was )?(?:edited|condensed)|copyright|©|all rights reserved)/i;

/**
 * The unit's times moved to `final`, the clean text left once a leading timestamp or label was
 * cut from `original` (a suffix of it). Stretches that started in the cut part start at 0.
 */
export function shiftTimes(times: Array<[number, number]> | undefined, original: string, suffix: string): Array<[number, number]> | undefined {
  if (!times || times.length === 0) return undefined;
  const trimmed = suffix.trim();
  if (cleanText(suffix) !== trimmed) return undefined; // the text was not clean: offsets would lie
  const cut = original.length - suffix.trimStart().length;
  const out: Array<[number, number]> = [];
  for (const [o, t] of times) {
    const at = Math.max(0, o - cut);
    if (at >= trimmed.length && trimmed.length > 0) break;
    if (out.length > 0 && out[out.length - 1][0] === at) out[out.length - 1] = [at, t]; // the later stretch holds offset `at`
    else out.push([at, t]);
  }
  return out.length > 0 ? out : undefined;
}

export function assemble(units: Unit[], opts: AssembleOptions): SourceDraft {
  const warnings = [...(opts.warnings ?? [])];
  const labels = opts.labels !== false;

  // 1. timestamps, then candidate labels, counted so a label is believed only if it recurs
  const pre = units.map((u) => {
    const t = u.heading ? { text: u.text } : stripLeadingTime(u.text);
    const label = labels && !u.heading && !u.speaker ? readLabel(t.text) : null;
    const alone = labels && !u.heading && !u.speaker && !label && u.alone !== false ? readNameAlone(t.text) : null;
    return { u, text: t.text, time: u.time ?? t.time, label, alone };
  });
  const timesOf = (u: Unit, suffix: string) => shiftTimes(u.times, u.text, suffix);
  const counts = new Map<string, number>();
  for (const p of pre) {
    const name = p.label?.name ?? p.alone?.name;
    if (name) counts.set(nameKey(name), (counts.get(nameKey(name)) ?? 0) + 1);
  }
  const believed = (name: string) => (counts.get(nameKey(name)) ?? 0) >= 2 || strongName(name);

  // 2. classify
  const classified: Classified[] = [];
  pre.forEach((p, i) => {
    const { u } = p;
    if (u.heading) {
      classified.push({ kind: 'heading', text: cleanText(p.text), time: p.time });
      return;
    }
    if (i >= pre.length - 2 && TRAILER.test(cleanText(p.text))) {
      classified.push({ kind: 'text', text: cleanText(p.text), time: p.time, ends: true });
      return;
    }
    if (u.speaker) {
      classified.push({ kind: 'turn', speaker: u.speaker.trim(), text: cleanText(p.text), time: p.time, times: timesOf(u, p.text), continues: !u.newTurn });
      return;
    }
    if (p.label && believed(p.label.name)) {
      // the same name again on the next paragraph (`A:` … `A:`) goes on with the same turn
      classified.push({ kind: 'turn', speaker: p.label.name, text: cleanText(p.label.rest), time: p.time ?? p.label.time, times: timesOf(u, p.label.rest), continues: true });
      return;
    }
    const next = pre[i + 1];
    const aloneBelieved = (name: string) =>
      (counts.get(nameKey(name)) ?? 0) >= 2 || MAIN_NAME.test(name) || ROLES.test(name.trim()) || /[:：]\s*$/.test(p.text);
    if (p.alone && next && !next.u.heading && aloneBelieved(p.alone.name)) {
      classified.push({ kind: 'name', speaker: p.alone.name, text: '', time: p.time ?? p.alone.time });
      return;
    }
    const text = cleanText(p.text);
    if (opts.shortLineHeadings && u.alone && next && isShortHeading(text)) {
      classified.push({ kind: 'heading', text, time: p.time });
      return;
    }
    classified.push({ kind: 'text', text, time: p.time, times: timesOf(u, p.text) });
  });
  // Too many "headings" means short lines are just short paragraphs.
  if (opts.shortLineHeadings) {
    const guessed = classified.filter((c, i) => c.kind === 'heading' && !units[i].heading).length;
    if (guessed > 0 && guessed > classified.length * 0.25) {
      classified.forEach((c, i) => {
        if (c.kind === 'heading' && !units[i].heading) c.kind = 'text';
      });
    }
  }

  // 3. speakers continue over unlabelled paragraphs until a heading or the next label
  const speakers: SourceSpeaker[] = [];
  const speakerIds = new Map<string, string>();
  const words = new Map<string, number>();
  const speakerId = (name: string): string => {
    const key = nameKey(name);
    let id = speakerIds.get(key);
    if (!id) {
      id = `sp${speakers.length + 1}`;
      speakerIds.set(key, id);
      speakers.push({ id, name: name.replace(/[:：]\s*$/, '').trim(), main: false });
    }
    return id;
  };
  const sections: SourceSection[] = [];
  const paragraphs: SourceParagraph[] = [];
  let section: SourceSection | null = null;
  let current: string | null = null;
  let turnId: string | null = null;
  let turns = 0;
  let pendingTime: number | undefined;
  let newTurn = false;
  const pad = (n: number) => String(n).padStart(3, '0');
  const openSection = (title: string) => {
    section = { id: `s${sections.length + (sections[0]?.id === 's0' ? 0 : 1)}`, title, paragraphIds: [] };
    sections.push(section);
  };
  for (const c of classified) {
    if (c.kind === 'name') {
      current = speakerId(c.speaker as string);
      newTurn = true;
      pendingTime = c.time;
      continue;
    }
    if (c.text.length === 0) {
      if (c.kind === 'turn') {
        current = speakerId(c.speaker as string);
        newTurn = true;
        pendingTime = c.time ?? pendingTime;
      }
      continue;
    }
    if (c.ends) {
      current = null;
      turnId = null;
    }
    if (c.kind === 'heading') {
      current = null;
      turnId = null;
      openSection(c.text);
    } else if (!section) {
      section = { id: 's0', title: '', paragraphIds: [] };
      sections.push(section);
    }
    const sec = section as unknown as SourceSection;
    if (c.kind === 'turn') {
      const id = speakerId(c.speaker as string);
      if (!(c.continues && id === current)) newTurn = true;
      current = id;
    }
    const id = `p${pad(paragraphs.length + 1)}`;
    const time = c.time ?? pendingTime;
    pendingTime = undefined;
    const p: SourceParagraph = { id, sectionId: sec.id, kind: 'text', speakerId: null, turnId: null, text: c.text };
    if (time !== undefined) p.time = time;
    if (c.times && c.times.length >= 2 && c.kind !== 'heading') {
      p.times = c.times;
      p.time = c.times[0][1];
    }
    if (c.kind === 'heading') p.kind = 'heading';
    else if (current) {
      if (newTurn || !turnId) turnId = `t${String(++turns).padStart(2, '0')}`;
      newTurn = false;
      p.kind = 'turn';
      p.speakerId = current;
      p.turnId = turnId;
      words.set(current, (words.get(current) ?? 0) + wordCount(c.text));
    }
    paragraphs.push(p);
    sec.paragraphIds.push(id);
  }

  // 4. main speaker: Amodei by name, else the one with the most words
  const named = speakers.filter((s) => MAIN_NAME.test(s.name));
  const byWords = (a: SourceSpeaker, b: SourceSpeaker) => (words.get(b.id) ?? 0) - (words.get(a.id) ?? 0);
  const main = (named.length > 0 ? named : [...speakers]).sort(byWords)[0];
  if (main) main.main = true;
  for (const s of speakers) if (isGenericName(s.name)) s.generic = true;
  if (speakers.length === 0 && paragraphs.length > 0) warnings.push('No speaker names were found: every paragraph is unattributed text.');
  if (speakers.some((s) => s.generic)) warnings.push(`Some speakers are not named (${speakers.filter((s) => s.generic).map((s) => s.name).join(', ')}): say who they are before saving.`);

  const allText = paragraphs.map((p) => p.text).join('\n');
  const language = detectLanguage(allText).language;
  if (language.startsWith('und')) warnings.push('The language could not be told; set it before saving.');
  const firstHeading = paragraphs.find((p) => p.kind === 'heading');
  const fromFile = opts.fileName ? opts.fileName.replace(/^.*[\\/]/, '').replace(/\.[A-Za-z0-9]{1,5}$/, '') : '';
  const title = (opts.title?.trim() || firstHeading?.text || opts.fallbackTitle?.trim() || fromFile || '').slice(0, 200) || 'Untitled source';
  const draft: SourceDraft = {
    title,
    language,
    kind: 'original',
    format: opts.format,
    layout: opts.layout ?? (speakers.length > 0 ? 'labels' : 'plain'),
    speakers,
    sections,
    paragraphs,
    warnings,
  };
  if (opts.url) draft.url = opts.url;
  return draft;
}
