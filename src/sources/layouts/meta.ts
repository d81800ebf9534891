/**
 * What a transcript's first lines say about it: a title line, a date line ("Recorded 11 February
 * 2025", "Published: March 3, 2025", "2024年9月12日"), a "Source:" line with the recording's URL.
 * Lines read this way leave the text (they are the source's fields, not its passages).
 */
import { readLabel } from '../draft';
import { inlineMarkdown } from './common';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const WEEKDAY = String.raw`(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?`;
const DMY = new RegExp(String.raw`^${WEEKDAY}(\d{1,2})(?:st|nd|rd|th)?\s+${MONTH},?\s+(\d{4})\b`, 'i');
const MDY = new RegExp(String.raw`^${WEEKDAY}${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`, 'i');
const YMD = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b/;
const HAN_DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;
const DATE_WORDS = /^(?:recorded|published|aired|first aired|released|posted|broadcast|uploaded|date|episode date|recording date|录制于|錄製於|发布于|發布於|发布时间|發布時間|播出时间|播出時間|日期|时间|時間)(?:\s+on)?\s*[:：]?\s*/i;
const SOURCE_LINE = /^(?:source|video|watch|listen|recording|audio|youtube|episode|original|link|来源|來源|视频|視頻|原视频|原視頻)\s*[:：]\s*(.+)$/i;
const TITLE_LINE = /^(?:title|episode title|标题|標題)\s*[:：]\s*(.+)$/i;
const HEADING = /^\s{0,3}#\s+(.*?)\s*#*\s*$/;
const MEDIA_HOST = /(^|\.)(youtube\.com|youtu\.be|vimeo\.com|spotify\.com|podcasts\.apple\.com|soundcloud\.com|bilibili\.com|twitch\.tv|rumble\.com|overcast\.fm|pca\.st)$/i;

const iso = (y: number, m: number, d: number): string | undefined =>
  y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31 ? `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` : undefined;

const monthOf = (name: string) => MONTHS.findIndex((m) => m.startsWith(name.toLowerCase().replace(/\.$/, '').slice(0, 3))) + 1;

/** A date at the start of `text` as yyyy-mm-dd, or undefined. */
export function parseDate(text: string): string | undefined {
  const t = text.trim();
  let m = DMY.exec(t);
  if (m) return iso(Number(m[3]), monthOf(m[2]), Number(m[1]));
  m = MDY.exec(t);
  if (m) return iso(Number(m[3]), monthOf(m[1]), Number(m[2]));
  m = YMD.exec(t);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = HAN_DATE.exec(t);
  if (m && m.index <= 12) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  return undefined;
}

/** An http(s) URL in a line (a bare URL, `<url>`, or a Markdown link's target). */
function urlIn(text: string): string | undefined {
  const m = /\]\((https?:\/\/[^)\s]+)\)/.exec(text) ?? /<?(https?:\/\/[^\s>)]+)>?/.exec(text);
  return m?.[1];
}

export function isMediaUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return MEDIA_HOST.test(u.hostname) || /\.(mp3|m4a|mp4|ogg|oga|webm|wav|aac|opus)$/i.test(u.pathname);
  } catch {
    return false;
  }
}

export interface Meta {
  /** The lines, with those read here blanked. */
  lines: string[];
  title?: string;
  date?: string;
  recordingUrl?: string;
  /** A page URL from a "Source:" line that is not a recording. */
  url?: string;
}

const HEAD_LINES = 14;

export function readMeta(lines: string[]): Meta {
  const out = [...lines];
  const meta: Meta = { lines: out };
  let seen = 0;
  for (let i = 0; i < out.length && seen < HEAD_LINES; i++) {
    const raw = out[i];
    const line = inlineMarkdown(raw.trim().replace(/^[*_]+|[*_]+$/g, '')).trim();
    if (!line) continue;
    seen++;
    const h = HEADING.exec(raw);
    if (h) {
      meta.title ??= inlineMarkdown(h[1]).trim(); // the heading stays: it titles its section too
      continue;
    }
    const t = TITLE_LINE.exec(line);
    if (t && !meta.title) {
      meta.title = t[1].trim();
      out[i] = '';
      continue;
    }
    if (line.length <= 80 && !meta.date) {
      const rest = line.replace(DATE_WORDS, '');
      const worded = rest !== line;
      const date = parseDate(rest) ?? (worded ? parseDate(rest.replace(/^[^\d]*?(?=\d{4}\s*年)/, '')) : undefined);
      // the whole line is the date (and its words): "Recorded 11 February 2025", "2024年9月12日"
      if (date && (worded || rest.replace(/[\s,.·|/\-–—()（）]/g, '').length <= 24)) {
        meta.date = date;
        out[i] = '';
        continue;
      }
    }
    const s = SOURCE_LINE.exec(line) ?? SOURCE_LINE.exec(raw.trim());
    const url = s ? urlIn(s[1]) ?? urlIn(raw) : undefined;
    if (s && url) {
      if (isMediaUrl(url)) meta.recordingUrl ??= url;
      else meta.url ??= url;
      out[i] = '';
      continue;
    }
  }
  return meta;
}

/**
 * The first line as a title, when it reads like one: short, three words or more, no sentence
 * end, no time, followed by a blank line. Blanked when taken.
 */
export function titleLine(lines: string[]): string | undefined {
  const i = lines.findIndex((l) => l.trim());
  if (i < 0) return undefined;
  const line = lines[i].trim();
  const next = lines[i + 1];
  if (next !== undefined && next.trim()) return undefined;
  if (line.length > 120 || line.length < 8 || /[.!?。！？:：,，]$/.test(line) || /\d:\d\d/.test(line)) return undefined;
  if ((line.match(/\S+/g)?.length ?? 0) < 3 && !/\p{Script=Han}{4,}/u.test(line)) return undefined;
  // "Host: Hi there" opens the first turn when "Host:" labels other lines too
  const label = readLabel(line);
  if (label && lines.filter((l) => l.trimStart().startsWith(label.name) && /^[:：\s([]/.test(l.trimStart().slice(label.name.length))).length >= 2) return undefined;
  lines[i] = '';
  return inlineMarkdown(line).replace(/^["“'‘「](.*)["”'’」]$/u, '$1');
}

/**
 * The same reading for a parsed page (HTML): date and "Source:" lines among the first
 * unattributed paragraphs become the draft's fields and leave its paragraphs.
 */
export function applyHeadMeta<D extends { title: string; date?: string; recordingUrl?: string; url?: string; paragraphs: Array<{ id: string; kind: string; text: string }>; sections: Array<{ paragraphIds: string[] }> }>(draft: D): D {
  const head = draft.paragraphs.slice(0, 8).filter((p) => p.kind === 'text');
  if (head.length === 0) return draft;
  const meta = readMeta(head.map((p) => p.text));
  const gone = new Set(head.filter((_, i) => meta.lines[i] === '' && head[i].text.trim() !== '').map((p) => p.id));
  if (gone.size === 0 || gone.size === draft.paragraphs.length) return draft;
  if (meta.title) draft.title = meta.title; // a "Title:" line
  if (meta.date && !draft.date) draft.date = meta.date;
  if (meta.recordingUrl && !draft.recordingUrl) draft.recordingUrl = meta.recordingUrl;
  if (meta.url && !draft.url) draft.url = meta.url;
  draft.paragraphs = draft.paragraphs.filter((p) => !gone.has(p.id));
  for (const s of draft.sections) s.paragraphIds = s.paragraphIds.filter((id) => !gone.has(id));
  return draft;
}
