/**
 * What the cross-language check needs of one source, built once per source text: its paragraphs
 * split into sentences, each as a set of stemmed English terms (a source in English) or as
 * Simplified, width-folded text in which a Chinese word is looked up (a source in Chinese), and
 * which paragraphs hold a term (for the first, cheap ranking).
 */
import { englishTerms } from '../match/english';
import { toSimplified } from '../match/normalize';
import type { Paragraph, Transcript } from '../types';
import type { ParagraphInfo } from '../sources/to-transcript';

export interface XSentence {
  /** [start, end) in the paragraph's text. */
  start: number;
  end: number;
  terms: Set<string> | null;
  folded: string | null;
}

export interface XParagraph {
  paragraph: Paragraph;
  info: ParagraphInfo;
  sentences: XSentence[];
  terms: Set<string> | null;
  folded: string | null;
}

/** Sentence ends in both languages (a closing quote stays with its sentence). */
const SENTENCE = /[^.!?。！？；;\n]+(?:[.!?。！？；;]+["”’」』)]?|$)/gu;

export function sentenceSpans(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const m of text.matchAll(SENTENCE)) {
    const a = m.index ?? 0;
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const b = a + raw.trimEnd().length;
    if (b > a + lead) out.push([a + lead, b]);
  }
  return out.length > 0 ? out : [[0, text.length]];
}

export function foldChinese(text: string): string {
  return toSimplified(text.normalize('NFKC').toLowerCase());
}

export class SourceIndex {
  readonly chinese: boolean;
  readonly paragraphs: XParagraph[];
  readonly sectionTitles: Map<string, string>;
  private readonly postingCache = new Map<string, number[]>();
  /** English: term → paragraphs holding it. */
  private readonly termPostings = new Map<string, number[]>();
  /** Chinese: character → paragraphs holding it. */
  private readonly charPostings = new Map<string, number[]>();

  constructor(transcript: Transcript, info: Map<string, ParagraphInfo>, chinese: boolean) {
    this.chinese = chinese;
    this.sectionTitles = new Map(transcript.sections.map((s) => [s.id, s.title]));
    this.paragraphs = transcript.paragraphs
      .filter((p) => p.kind !== 'heading')
      .map((p) => {
        const sentences = sentenceSpans(p.text).map(([start, end]): XSentence => {
          const s = p.text.slice(start, end);
          return chinese ? { start, end, terms: null, folded: foldChinese(s) } : { start, end, terms: new Set(englishTerms(s)), folded: null };
        });
        const terms = chinese ? null : new Set(sentences.flatMap((s) => [...(s.terms as Set<string>)]));
        const folded = chinese ? foldChinese(p.text) : null;
        return { paragraph: p, info: info.get(p.id) ?? {}, sentences, terms, folded };
      });
    this.paragraphs.forEach((xp, i) => {
      if (xp.terms) for (const t of xp.terms) push(this.termPostings, t, i);
      if (xp.folded) for (const ch of new Set(xp.folded)) push(this.charPostings, ch, i);
    });
  }

  /** Paragraphs holding a term (an English stem, or a Chinese word or Latin name in a Chinese source). */
  postings(term: string): number[] {
    if (!this.chinese) return this.termPostings.get(term) ?? [];
    let out = this.postingCache.get(term);
    if (out) return out;
    const first = this.charPostings.get(term[0]) ?? [];
    out = term.length === 1 ? first : first.filter((i) => (this.paragraphs[i].folded as string).includes(term));
    if (this.postingCache.size > 20000) this.postingCache.clear();
    this.postingCache.set(term, out);
    return out;
  }

  /** Does a sentence hold a term? */
  sentenceHas(s: XSentence, term: string): boolean {
    return s.terms ? s.terms.has(term) : (s.folded as string).includes(term);
  }
}

function push(map: Map<string, number[]>, key: string, i: number): void {
  const list = map.get(key);
  if (list) list.push(i);
  else map.set(key, [i]);
}
