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
import type { Dictionary } from './dictionary';
import { chineseConcepts } from './terms';

export interface XSentence {
  /** [start, end) in the paragraph's text. */
  start: number;
  end: number;
  terms: Set<string> | null;
  folded: string | null;
  /**
   * The sentence through the dictionary the other way: its Chinese words' English terms (a source
   * in Chinese), or its English terms' Chinese words (a source in English), with their weights.
   * A quote's word is met either way, so a stem both sides share (客户 "customer", a quote's
   * "customers") counts even when the other direction's word list missed it.
   */
  reverse: Map<string, number>;
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
  /** Reverse keys → paragraphs holding them. */
  private readonly reversePostings = new Map<string, number[]>();

  constructor(transcript: Transcript, info: Map<string, ParagraphInfo>, chinese: boolean, dict: Dictionary) {
    this.chinese = chinese;
    this.sectionTitles = new Map(transcript.sections.map((s) => [s.id, s.title]));
    this.paragraphs = transcript.paragraphs
      .filter((p) => p.kind !== 'heading')
      .map((p) => {
        const sentences = sentenceSpans(p.text).map(([start, end]): XSentence => {
          const s = p.text.slice(start, end);
          const reverse = new Map<string, number>();
          const keep = (k: string, w: number) => reverse.set(k, Math.max(reverse.get(k) ?? 0, w));
          if (chinese) {
            for (const c of chineseConcepts(s, dict)) for (const a of c.alts) keep(a.term, a.weight);
            return { start, end, terms: null, folded: foldChinese(s), reverse };
          }
          const terms = new Set(englishTerms(s));
          for (const t of terms) for (const a of dict.chinese(t)) keep(a.term, a.weight);
          return { start, end, terms, folded: null, reverse };
        });
        const terms = chinese ? null : new Set(sentences.flatMap((s) => [...(s.terms as Set<string>)]));
        const folded = chinese ? foldChinese(p.text) : null;
        return { paragraph: p, info: info.get(p.id) ?? {}, sentences, terms, folded };
      });
    this.paragraphs.forEach((xp, i) => {
      if (xp.terms) for (const t of xp.terms) push(this.termPostings, t, i);
      if (xp.folded) for (const ch of new Set(xp.folded)) push(this.charPostings, ch, i);
      for (const k of new Set(xp.sentences.flatMap((s) => [...s.reverse.keys()]))) push(this.reversePostings, k, i);
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

  /** Paragraphs whose words render a quote's word the other way. */
  reversePostingsOf(key: string): number[] {
    return this.reversePostings.get(key) ?? [];
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
