/**
 * A file that holds a text and its translation one after the other (the parser's `parts`),
 * split into two drafts the Sources page stores as a translation pair: each keeps only its
 * paragraphs (renumbered `p001`… in reading order, times kept), the sections and speakers they
 * use, and exactly one main speaker.
 */
import { wordCount, type DraftPart, type SourceDraft } from './draft';
import type { SourceParagraph, SourceSpeaker } from './model';

export interface SplitChoice {
  /** Index in `draft.parts` of the original; the other part is its translation. */
  original: number;
  /** Title and language of each part, by index in `draft.parts` (the reader may correct them). */
  titles: string[];
  languages: string[];
}

/** The two parts the preview can offer as a pair (null: not exactly two non-empty parts). */
export function pairParts(draft: Pick<SourceDraft, 'parts' | 'paragraphs'>): [DraftPart, DraftPart] | null {
  const parts = draft.parts;
  if (!parts || parts.length !== 2) return null;
  const ids = new Set(draft.paragraphs.map((p) => p.id));
  const usable = (part: DraftPart) => part.paragraphIds.some((id) => ids.has(id));
  return usable(parts[0]) && usable(parts[1]) ? [parts[0], parts[1]] : null;
}

/** The part a reader would call the original: the English one when only one is English, else the first. */
export function likelyOriginal(parts: [DraftPart, DraftPart]): number {
  const en = parts.map((p) => /^en\b/i.test(p.language));
  return en[0] !== en[1] && en[1] ? 1 : 0;
}

function partDraft(draft: SourceDraft, part: DraftPart, title: string, language: string): SourceDraft {
  const wanted = new Set(part.paragraphIds);
  const renamed = new Map<string, string>();
  const paragraphs: SourceParagraph[] = [];
  for (const p of draft.paragraphs) {
    if (!wanted.has(p.id)) continue;
    const id = `p${String(paragraphs.length + 1).padStart(3, '0')}`;
    renamed.set(p.id, id);
    paragraphs.push({ ...p, id, ...(p.times ? { times: p.times.map(([o, s]) => [o, s] as [number, number]) } : {}) });
  }
  const sections = draft.sections
    .map((s) => ({ ...s, paragraphIds: s.paragraphIds.filter((id) => renamed.has(id)).map((id) => renamed.get(id) as string) }))
    .filter((s) => s.paragraphIds.length > 0);
  const used = new Set(paragraphs.map((p) => p.speakerId).filter((x): x is string => !!x));
  const speakers: SourceSpeaker[] = draft.speakers.filter((s) => used.has(s.id)).map((s) => ({ ...s }));
  if (speakers.length && !speakers.some((s) => s.main)) {
    // The main speaker spoke only in the other part: here it is whoever says most.
    const words = new Map<string, number>();
    for (const p of paragraphs) if (p.speakerId) words.set(p.speakerId, (words.get(p.speakerId) ?? 0) + wordCount(p.text));
    const top = [...speakers].sort((a, b) => (words.get(b.id) ?? 0) - (words.get(a.id) ?? 0))[0];
    top.main = true;
  }
  const { parts: _parts, ...rest } = draft;
  return { ...rest, title, language, paragraphs, sections, speakers, warnings: [] };
}

/**
 * The original and its translation as two drafts. The translation is marked `kind: 'translation'`;
 * its `translationOf` is set by the caller once the original has an id.
 */
export function splitDraft(draft: SourceDraft, choice: SplitChoice): { original: SourceDraft; translation: SourceDraft } | null {
  const parts = pairParts(draft);
  if (!parts) return null;
  const o = choice.original === 1 ? 1 : 0;
  const t = 1 - o;
  const original = partDraft(draft, parts[o], choice.titles[o] ?? draft.title, choice.languages[o] ?? parts[o].language);
  const translation = partDraft(draft, parts[t], choice.titles[t] ?? draft.title, choice.languages[t] ?? parts[t].language);
  original.kind = 'original';
  delete original.translationOf;
  translation.kind = 'translation';
  return { original, translation };
}
