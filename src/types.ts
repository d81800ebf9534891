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
  /**
   * Turn id (`t01`…) for turn paragraphs; null for headings and the built-in introduction. In a
   * reader's source, consecutive unattributed paragraphs share a run id (`x01`…): one stretch.
   */
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

/**
 * What joins the paragraphs of a stretch in `Match.passage` (the card shows it as a line break).
 * Here, with the contract, so that the card's code can read it without the matcher's modules.
 */
export const PARAGRAPH_JOIN = '\n';

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
  | 'verbatim-cleaned'
  | 'altered'
  | 'contradicted'
  | 'stitched'
  | 'related'
  | 'related-short'
  | 'gloss-close'
  | 'gloss-loose'
  | 'related-xlang'
  | 'not-found'
  | 'not-found-english'
  | 'invalid';

/**
 * One thing a quote cleaned up the way the press does (issue 18): a dropped filler, stammer or
 * false start (`quote` is ''), an omission marked by an ellipsis, the newsroom's words in
 * brackets, or a word written otherwise (digits, spelling, contraction, case).
 */
export interface CleanupItem {
  kind: 'filler' | 'repetition' | 'false-start' | 'ellipsis' | 'bracket' | 'number' | 'spelling' | 'contraction' | 'case';
  /** As the quote has it ('' when dropped). */
  quote: string;
  /** As the transcript has it ('' when the bracket adds words). */
  transcript: string;
}

/** How a sentence of a selection follows the one before it in the transcript (issue 18). */
export type SentenceJoin = 'continuous' | 'ellipsis' | 'apart' | 'reordered' | 'other-speaker' | 'unknown';

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
  /**
   * Set when the quote runs over several paragraphs of one turn (or of one run of unattributed
   * text): every paragraph it touches, in order, with the quote's span in that paragraph's own
   * text. `passage` then joins their texts with a line break and `start`/`end` cover the whole
   * quote; `paragraphId` stays the paragraph holding most of it.
   */
  spans?: Array<{ paragraphId: string; start: number; end: number }>;
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
  /** A reader's source names no speaker for these words: it names none at all (`source`), or not here (`paragraph`). */
  speakerUnnamed?: 'source' | 'paragraph';
  /** Seconds from the start of the recording where the quote begins (its cue or timed stretch), when the source has timestamps. */
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
  /** `verbatim` once cleaned up as the press does: what was dropped, bracketed or written otherwise. */
  cleanup?: CleanupItem[];
  /** On a sentence of a selection: how it follows the previous sentence in the transcript. */
  join?: SentenceJoin;
  /** Several sentences: how many got each verdict (the counting headline), and how many were left unchecked. */
  tally?: { total: number; verbatim: number; altered: number; related: number; notFound: number; invalid: number; unchecked?: number };
  /** `tally` as one English sentence (the CLI's; the card says it from `tally` in its own language). */
  summary?: string;
  /** The sentences come from different places (turns, speakers, or out of order): never one verbatim quote. */
  stitched?: { kind: 'apart' | 'reordered' | 'other-speaker'; places: Array<{ speaker: Speaker; speakerName?: string; sectionTitle: string; paragraphId: string }> };
}
