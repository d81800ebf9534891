/** Shared shapes: the structured transcript (data/transcript.json) and the matcher's result contract. */
import type { MatchSourceRef } from './sources/model';

/**
 * Who spoke: `amodei` / `host` / `editor` in the built-in transcript; `main` (the speaker the
 * reader marked, else the one with the most words) / `other` in an imported source.
 */
export type Speaker = 'amodei' | 'host' | 'editor' | 'main' | 'other';

export interface Paragraph {
  /** Stable id from the 0-based source line number, e.g. `p017`. */
  id: string;
  /** `intro` for the editor's introduction, `s1`…`s7` for the seven sections. */
  sectionId: string;
  speaker: Speaker;
  /** `intro` paragraphs, section `heading`s, or paragraphs of a speaker `turn`. */
  kind: 'intro' | 'heading' | 'turn';
  /** Turn id (`t01`…) for turn paragraphs; null for intro and headings. */
  turnId: string | null;
  /** Clean text, Traditional as in the source, speaker label removed. */
  text: string;
  /** The same text converted to Simplified with opencc-js (tw → cn). */
  simplified: string;
  /** True when the paragraph contains text restored by a recorded repair. */
  repaired: boolean;
  /** Ids of the repairs (data/repairs.json) applied to this paragraph's source line. */
  repairIds: string[];
  /** 0-based line number in the source file. */
  sourceLine: number;
}

export interface Section {
  id: string;
  title: string;
  titleSimplified: string;
  paragraphIds: string[];
}

export interface TranscriptMeta {
  title: string;
  titleSimplified: string;
  host: string;
  guest: string;
  editor: string;
  translationNote: string;
  sourceUrl: string;
  videoUrl: string;
  sourceFile: string;
  /** Source lines that are credits rather than interview text (editor, publisher, source). */
  credits: { line: number; text: string }[];
}

export interface DroppedLine {
  line: number;
  text: string;
  reason: string;
}

export interface Transcript {
  meta: TranscriptMeta;
  sections: Section[];
  paragraphs: Paragraph[];
  /** Source lines kept out of paragraphs and credits (ad, disclaimer), each with the reason. */
  dropped: DroppedLine[];
  /** Every repair of garbled source text, as applied (see data/repairs.json). */
  repairs: AppliedRepair[];
}

export interface AppliedRepair {
  id: string;
  paragraphId: string | null;
  line: number;
  /** The restored text (the garbled original stays in data/repairs.json for audit). */
  repaired: string;
  method: 'gbk-shift' | 'gbk-shift+context' | 'context';
  note: string;
}

export type Verdict = 'verbatim' | 'altered' | 'related' | 'not-found' | 'invalid';

export interface Difference {
  /** What the quote says ('' when the quote dropped transcript text). */
  quote: string;
  /** What the transcript says ('' when the quote added text). */
  transcript: string;
}

/**
 * A sentence of the matcher's, keyed so that each interface can say it in its own language:
 * `key` names a message in public/_locales (`verdict_…`), `params` fill its placeholders. The
 * English text stays in `why` / `notice` / `error` for the CLI and for older callers.
 */
export interface Explanation {
  key: string;
  params?: Record<string, string | number>;
}

/** The best passage shares the quote's words but says otherwise. */
export interface Contradiction {
  /** `negation`: one side denies what the other says; `number`: another figure; `subject`: someone else does it. */
  kind: 'negation' | 'number' | 'subject';
  /** The quote's wording and the passage's, as written, to show side by side. */
  quote: string;
  passage: string;
  paragraphId: string;
  /** `gloss` when `passage` is Verbatim's English gloss of the paragraph, not its text. */
  via?: 'text' | 'gloss';
}

/**
 * What the card's headline says, written for the case: the verdict refined by how the quote
 * was found (through the English gloss, close or loose; a short phrase; contradicted; only a
 * mention of the same names).
 */
export type Headline =
  | 'verbatim'
  | 'verbatim-short'
  | 'altered'
  | 'contradicted'
  | 'related'
  | 'related-short'
  | 'gloss-close'
  | 'gloss-loose'
  | 'related-xlang'
  | 'not-found'
  | 'not-found-english'
  | 'invalid';

export interface Match {
  speaker: Speaker;
  sectionId: string;
  sectionTitle: string;
  paragraphId: string;
  /** The paragraph text (Traditional, as shipped). */
  passage: string;
  /** Matched span in `passage` (UTF-16 offsets, end exclusive). */
  start: number;
  end: number;
  /** 0…1, higher is closer. */
  score: number;
  via: 'text' | 'gloss';
  repaired: boolean;
  differences: Difference[];
  /** Verbatim's English gloss of the paragraph, when known. */
  gloss?: string;
  /** Found through the bilingual dictionary in a source of the other language (`related` at most). */
  crossLanguage?: boolean;
  /** Why this passage was chosen, in plain words (shared words, numbers that differ…). */
  why?: string;
  /** `why`, keyed for localisation. */
  whyKey?: Explanation;
  /** Through the English gloss: `close` when the translated passage says the same, `loose` when it is on the same subject. */
  closeness?: 'close' | 'loose';
  /** The passage says otherwise (set on the match it concerns). */
  contradiction?: Contradiction;
  /** The source this passage is from (absent only in single-source use of the matcher). */
  source?: MatchSourceRef;
  /** The speaker's name as the source writes it. */
  speakerName?: string;
  /** Seconds from the start of the recording, when the source has timestamps. */
  time?: number;
  /**
   * The aligned passage in the paired original or translation, when the source is paired
   * (`start`/`end`: the aligned sentences in `text`, when known); null when the other side has
   * nothing for this paragraph.
   */
  counterpart?: {
    sourceId: string;
    paragraphId: string;
    text: string;
    start?: number;
    end?: number;
    /** The other source's title and language, for the card's label. */
    title?: string;
    language?: string;
  } | null;
  /** Set with a paired source when the translation left the matched words out: the whole paragraph, or the sentence. */
  counterpartDropped?: 'paragraph' | 'sentence';
}

export interface CheckResult {
  query: string;
  verdict: Verdict;
  /** Only for `invalid`: why, in one sentence. */
  error?: string;
  /** A remark for the reader, e.g. that only the first N characters were checked. */
  notice?: string;
  /** `notice` (one remark at most), keyed for localisation. */
  noticeKey?: Explanation;
  /** `error`, keyed for localisation. */
  errorKey?: Explanation;
  /** The card's headline for this result. */
  headline?: Headline;
  /** The best passage says otherwise: the finding to show first. */
  contradiction?: Contradiction;
  /** A short phrase (under 10 Chinese characters or 5 English words): a match proves little. */
  short?: boolean;
  /**
   * Not a verdict: for a `not-found` quote, a passage that mentions the same names or terms
   * (the card may link it as "the interview mentions … here").
   */
  mentions?: { paragraphId: string; sectionId: string; terms: string[] };
  /** Best first, at most three. */
  matches: Match[];
  /** One result per quote when the selection held several. */
  segments?: CheckResult[];
}
