/**
 * Turns the source lines (as received) into the structured transcript: credits, the editor's
 * introduction, seven sections with headings, and speaker turns split into paragraphs.
 */
import type { AppliedRepair, DroppedLine, Paragraph, Section, Speaker, Transcript, TranscriptMeta } from '../types';
import { fullWidthQuestionMarks, stripHtml, stripPinyin, tidySpaces } from './clean';
import { applyRepairs, type Repair } from './repairs';

const SPEAKER_LABELS: { prefix: RegExp; speaker: Speaker }[] = [
  { prefix: /^主持人\s*[:：]\s*/, speaker: 'host' },
  { prefix: /^Dario Amodei\s*[:：]\s*/, speaker: 'amodei' },
];
const CREDIT_LINE = /^\S{1,12} \| /;
const SOURCE_CREDIT = /^本文編譯/;
const SENTENCE_END = /[。.?？!！”"…]$/;
/** The platform's disclaimer, in Chinese and then in English. */
const DISCLAIMER = /^(特別聲明|Notice:)/;

export interface ParseStats {
  pinyinRemoved: number;
  htmlRemoved: number;
}

export interface ParseOptions {
  toSimplified: (text: string) => string;
  sourceFile: string;
}

function speakerOf(line: string): { speaker: Speaker; rest: string } | null {
  for (const { prefix, speaker } of SPEAKER_LABELS) {
    const m = line.match(prefix);
    if (m) return { speaker, rest: line.slice(m[0].length) };
  }
  return null;
}

/** Repairs, then removes HTML and pinyin: the order matters because repairs restore bytes of tags. */
function cleanLine(raw: string, repairs: readonly Repair[], stats: ParseStats) {
  const repaired = applyRepairs(raw, repairs);
  const html = stripHtml(repaired.text);
  const pinyin = stripPinyin(html.text);
  stats.htmlRemoved += html.count;
  stats.pinyinRemoved += pinyin.count;
  return { text: tidySpaces(fullWidthQuestionMarks(pinyin.text)), applied: repaired.applied };
}

export function parseTranscript(source: string, repairs: readonly Repair[], options: ParseOptions) {
  const lines = source.split('\n');
  const stats: ParseStats = { pinyinRemoved: 0, htmlRemoved: 0 };
  const byLine = new Map<number, Repair[]>();
  for (const r of repairs) byLine.set(r.line, [...(byLine.get(r.line) ?? []), r]);
  const cleaned = lines.map((raw, i) => cleanLine(raw, byLine.get(i) ?? [], stats));
  for (const line of byLine.keys()) {
    if (line < 0 || line >= lines.length) throw new Error(`repair for missing line ${line}`);
  }

  const credits: TranscriptMeta['credits'] = [];
  const dropped: DroppedLine[] = [];
  const paragraphs: Paragraph[] = [];
  const sections: Section[] = [];

  let i = 0;
  while (i < lines.length && CREDIT_LINE.test(cleaned[i].text)) {
    credits.push({ line: i, text: cleaned[i].text });
    i++;
  }
  const isHeading = (k: number) =>
    k + 1 < lines.length &&
    cleaned[k].text !== '' &&
    !speakerOf(cleaned[k].text) &&
    !SENTENCE_END.test(cleaned[k].text) &&
    speakerOf(cleaned[k + 1].text) !== null;

  const intro: Section = { id: 'intro', title: '導語', titleSimplified: options.toSimplified('導語'), paragraphIds: [] };
  sections.push(intro);
  let section = intro;
  let speaker: Speaker = 'editor';
  let turnCount = 0;
  let turnId: string | null = null;

  const addParagraph = (line: number, text: string, kind: Paragraph['kind'], who: Speaker) => {
    const id = `p${String(line).padStart(3, '0')}`;
    const applied = cleaned[line].applied;
    paragraphs.push({
      id,
      sectionId: section.id,
      speaker: who,
      kind,
      turnId: kind === 'turn' ? turnId : null,
      text,
      simplified: options.toSimplified(text),
      repaired: applied.length > 0,
      repairIds: applied,
      sourceLine: line,
    });
    section.paragraphIds.push(id);
  };

  for (; i < lines.length; i++) {
    const text = cleaned[i].text;
    if (SOURCE_CREDIT.test(text)) break;
    if (text === '') {
      dropped.push({ line: i, text: lines[i], reason: 'empty line' });
      continue;
    }
    if (isHeading(i)) {
      section = { id: `s${sections.length}`, title: text, titleSimplified: options.toSimplified(text), paragraphIds: [] };
      sections.push(section);
      addParagraph(i, text, 'heading', 'editor');
      continue;
    }
    const label = speakerOf(text);
    if (label) {
      speaker = label.speaker;
      turnId = `t${String(++turnCount).padStart(2, '0')}`;
      addParagraph(i, label.rest, 'turn', speaker);
    } else if (section === intro) {
      addParagraph(i, text, 'intro', 'editor');
    } else {
      addParagraph(i, text, 'turn', speaker);
    }
  }

  // The tail: source credits, then an unrelated advertisement and the platform's disclaimer.
  for (; i < lines.length; i++) {
    const text = cleaned[i].text;
    if (SOURCE_CREDIT.test(text) || CREDIT_LINE.test(text)) credits.push({ line: i, text });
    else if (text === '') dropped.push({ line: i, text: lines[i], reason: 'empty line' });
    else if (DISCLAIMER.test(text)) dropped.push({ line: i, text, reason: 'the hosting platform’s disclaimer, not part of the article' });
    else dropped.push({ line: i, text, reason: 'advertisement for an unrelated conference, appended after the article' });
  }

  // Every applied repair, with the paragraph it landed in (null for credits).
  const repairById = new Map(repairs.map((r) => [r.id, r]));
  const paragraphOfLine = new Map(paragraphs.map((p) => [p.sourceLine, p.id]));
  const appliedRepairs: AppliedRepair[] = cleaned.flatMap(({ applied }, line) =>
    applied.map((rid) => {
      const r = repairById.get(rid)!;
      return { id: r.id, paragraphId: paragraphOfLine.get(line) ?? null, line, repaired: r.repaired, method: r.method, note: r.note };
    }),
  );

  const videoUrl = credits.map((c) => c.text.match(/youtube\.com\/watch\?v=[\w-]+/)?.[0]).find(Boolean);
  const host = credits.map((c) => c.text.match(/^本文編譯\s*自\s*(.+)$/)?.[1]).find(Boolean);
  const editor = credits.map((c) => c.text.match(/^出品 \| ([A-Za-z]+)/)?.[1]).find(Boolean);
  if (!videoUrl || !host || !editor) throw new Error('credits lack the video link, the host or the editor');
  const title = `Dario Amodei × ${host}, Big Technology podcast`;
  const meta: TranscriptMeta = {
    title,
    titleSimplified: title,
    host,
    guest: 'Dario Amodei',
    editor,
    translationNote: `${editor} Chinese translation, edited`,
    sourceUrl: `https://www.${videoUrl}`,
    videoUrl: `https://www.${videoUrl}`,
    sourceFile: options.sourceFile,
    credits,
  };
  appliedRepairs.sort((a, b) => a.id.localeCompare(b.id));
  const transcript: Transcript = { meta, sections, paragraphs, dropped, repairs: appliedRepairs };
  return { transcript, stats };
}
