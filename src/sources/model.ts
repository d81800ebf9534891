/**
 * Sources: the transcripts Verbatim checks quotes against. The built-in CSDN interview is one
 * (id `builtin`); readers add more (pasted, opened from a file, or the page they are reading).
 *
 * This is the stored shape (IndexedDB, source packs) and the shape every format parser
 * produces. It is pure data: no browser API, no class instances, JSON-serialisable.
 * Bump SOURCE_SCHEMA_VERSION on any change and add a migration in src/store (never drop data).
 */

export const SOURCE_SCHEMA_VERSION = 1;
export const BUILTIN_SOURCE_ID = 'builtin';

/** original = the words as spoken/written; translation = a translation of an original; gloss = Verbatim's own rendering. */
export type SourceKind = 'original' | 'translation' | 'gloss';

/** How the text arrived: the parser that read it. */
export type SourceFormat = 'builtin' | 'paste' | 'txt' | 'md' | 'srt' | 'vtt' | 'html' | 'page';

/**
 * How the text was laid out: `labels` = `Name:` turns; `podcast-links` = `Name [(00:00:31)](url) text`;
 * `name-time-line` = `Name (01:02:03)` / `Speaker 1 (00:01:02):` alone, then the text;
 * `name-time-header` = `Name  0:41` (meeting transcribers); `time-lines` = time-only lines then
 * text (a video's transcript panel); `starting-point` = `Starting point is 00:00:45` blocks;
 * `bracket-time` = `[00:41:07] Name: text`; `wrapped-captions` = caption text hard-wrapped;
 * `auto-captions` = unpunctuated machine captions; `subtitles` = SRT/WebVTT; `html`; `plain` = none known.
 */
export type SourceLayout =
  | 'labels'
  | 'podcast-links'
  | 'name-time-line'
  | 'name-time-header'
  | 'time-lines'
  | 'starting-point'
  | 'bracket-time'
  | 'wrapped-captions'
  | 'auto-captions'
  | 'subtitles'
  | 'html'
  | 'plain';

export interface SourceSpeaker {
  /** Stable within the source: `sp1`, `sp2`… */
  id: string;
  /** The name as the source writes it ("DARIO AMODEI", "Dario", "主持人"). */
  name: string;
  /** Exactly one speaker of a source with speakers is the main one (Amodei, usually). */
  main: boolean;
  /** A label that names no one (`Speaker 1`, `SPEAKER_00`, `Interviewer`, `Q`): the preview asks the reader to name it. */
  generic?: true;
  /** Other names the press gives this speaker (阿莫代, "the Anthropic chief"…), added on the Sources page; the page scan reads them. */
  aliases?: string[];
}

export interface SourceSection {
  /** `s1`, `s2`… (`s0` for text before the first heading). */
  id: string;
  title: string;
  paragraphIds: string[];
}

export interface SourceParagraph {
  /** Stable within the source: `p001`… in reading order. */
  id: string;
  sectionId: string;
  /** `heading` for a section title; `turn` for a speaker's words; `text` for unattributed prose. */
  kind: 'heading' | 'turn' | 'text';
  /** Speaker id for turns; null for headings and unattributed text. */
  speakerId: string | null;
  /** Consecutive paragraphs of one speaker share a turn id (`t01`…); null otherwise. */
  turnId: string | null;
  /** Clean text: no markup, no speaker label, no timestamp. */
  text: string;
  /** Seconds from the start of the recording, when the source has timestamps. */
  time?: number;
  /**
   * Every timed stretch merged into this paragraph (cues, timestamped lines): [UTF-16 offset in
   * `text` where the stretch starts, its seconds], ascending; the first is [0, time]. Present
   * only when the paragraph holds two stretches or more (else `time` says it all).
   */
  times?: Array<[offset: number, seconds: number]>;
}

export interface Source {
  schemaVersion: number;
  id: string;
  title: string;
  /** ISO date (yyyy-mm-dd) of the interview or publication, when known. */
  date?: string;
  /** Where the text came from (a transcript page the reader gave or was reading). */
  url?: string;
  /** A YouTube / podcast / media URL: with timestamps, the card links "Hear it at 41:07". */
  recordingUrl?: string;
  /** BCP 47: `en`, `zh-Hans`, `zh-Hant`, … */
  language: string;
  kind: SourceKind;
  /** Id of the source this one translates (the built-in CSDN text translates the English interview). */
  translationOf?: string;
  format: SourceFormat;
  /** The transcript layout the parser recognised (see src/sources/layouts), for the preview. */
  layout?: SourceLayout;
  /** Set for automatic (machine) captions: unpunctuated, names misheard. */
  captions?: 'automatic';
  speakers: SourceSpeaker[];
  sections: SourceSection[];
  paragraphs: SourceParagraph[];
  /** Epoch ms. */
  addedAt: number;
  enabled: boolean;
}

/** A paragraph-level link between a translation and its original (issue: translations paired). */
export interface PairLink {
  /** Paragraph ids in the translation (a merged translation paragraph may cover several originals). */
  translation: string[];
  original: string[];
  /** Set when the reader corrected the automatic link. */
  corrected?: boolean;
  /** Sentence-level links inside the pair, as [start, end) offsets in each paragraph's text, when known. */
  sentences?: Array<{ translation: [string, number, number]; original: [string, number, number] }>;
}

export interface SourcePair {
  translationId: string;
  originalId: string;
  links: PairLink[];
  /** Epoch ms when the alignment was computed or last corrected. */
  updatedAt: number;
}

/** The export file: every source (but the built-in one) and every pair, versioned. */
export interface SourcePack {
  format: 'verbatim-source-pack';
  version: number;
  exportedAt: string;
  sources: Source[];
  pairs: SourcePair[];
}

/** Who said a match, on the card and in the CLI. */
export interface MatchSourceRef {
  id: string;
  title: string;
  language: string;
  kind: SourceKind;
  date?: string;
  /** The main speaker's name as the source writes it; absent when the source names no speakers. */
  mainSpeaker?: string;
}
