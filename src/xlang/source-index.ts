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
  /** Number of the sentence in its source (keys the reverse postings). */
  id: number;
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
  // toSimplified builds its result a character at a time; a flat copy is a twentieth of the
  // memory of that chain, and the index keeps every sentence
  return flat(toSimplified(text.normalize('NFKC').toLowerCase()));
}

function flat(s: string): string {
  return s.length < 2 ? s : s.slice(0, 1) + s.slice(1).split('').join('');
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
  /**
   * A source in Chinese, read the other way through the dictionary: English term → the sentences
   * whose words render it (sentence id × 8 + weight in eighths), and → the paragraphs. An English
   * quote's word is then met either way, so a stem both sides share (客户 "customer", a quote's
   * "customers") counts even when the English → Chinese list missed it. (For a source in English
   * the other way adds nothing: the Chinese → English lists are where the inverse was made from.)
   */
  private readonly reverseSentences = new Map<string, number[]>();
  private readonly reversePostings = new Map<string, number[]>();
  private readonly reverseDecoded = new Map<string, Map<number, number>>();

  constructor(transcript: Transcript, info: Map<string, ParagraphInfo>, chinese: boolean, dict: Dictionary) {
    this.chinese = chinese;
    this.sectionTitles = new Map(transcript.sections.map((s) => [s.id, s.title]));
    let nextId = 0;
    this.paragraphs = transcript.paragraphs
      .filter((p) => p.kind !== 'heading')
      .map((p, pi) => {
        const sentences = sentenceSpans(p.text).map(([start, end]): XSentence => {
          const s = p.text.slice(start, end);
          const id = nextId++;
          if (!chinese) return { start, end, terms: new Set(englishTerms(s)), folded: null, id };
          for (const c of chineseConcepts(s, dict)) {
            for (const a of c.alts) {
              // the first two senses only: enough to meet a quote's word, and a bounded index
              if (a.weight < 0.5) continue;
              const code = id * 8 + Math.round(a.weight * 7);
              const list = this.reverseSentences.get(a.term);
              if (!list) this.reverseSentences.set(a.term, [code]);
              else if (list[list.length - 1] >> 3 !== id) list.push(code);
              else list[list.length - 1] = Math.max(list[list.length - 1], code);
              const paras = this.reversePostings.get(a.term);
              if (!paras) this.reversePostings.set(a.term, [pi]);
              else if (paras[paras.length - 1] !== pi) paras.push(pi);
            }
          }
          return { start, end, terms: null, folded: foldChinese(s), id };
        });
        const terms = chinese ? null : new Set(sentences.flatMap((s) => [...(s.terms as Set<string>)]));
        const folded = chinese ? foldChinese(p.text) : null;
        // the Simplified copy is the matcher's; a match shows the paragraph's own text
        return { paragraph: { ...p, simplified: '' }, info: info.get(p.id) ?? {}, sentences, terms, folded };
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

  /** Paragraphs whose words render a quote's word the other way. */
  reversePostingsOf(key: string): number[] {
    return this.reversePostings.get(key) ?? [];
  }

  /** Weight (0…1) with which a sentence's words render a quote's word the other way (0: not). */
  reverseWeight(key: string, s: XSentence): number {
    let m = this.reverseDecoded.get(key);
    if (!m) {
      m = new Map();
      for (const code of this.reverseSentences.get(key) ?? []) m.set(code >> 3, (code & 7) / 7);
      if (this.reverseDecoded.size > 2000) this.reverseDecoded.clear();
      this.reverseDecoded.set(key, m);
    }
    return m.get(s.id) ?? 0;
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
