/**
 * A source as the multi-source check receives it (with what the built-in one carries), and the
 * reference a match gives to its source. Shared by the same-language check (`check-all.ts`) and
 * the cross-language one (`src/xlang`), so neither imports the other's module for them.
 */
import type { Gloss } from '../match/index';
import type { Transcript } from '../types';
import type { MatchSourceRef, Source } from './model';
import type { SourceSignature } from './signature';

export interface SourceEntry {
  source: Source;
  /** The built-in source only: its real transcript (repairs included), matched as it is. */
  transcript?: Transcript;
  /** Verbatim's English gloss (the built-in source). */
  gloss?: Gloss;
  /** The stored signature (`signatureOf`); built from the text when absent. */
  signature?: SourceSignature;
  /**
   * The stored index (`searchIndexOf`), asked for when the source's matcher is made; rebuilt
   * when absent, damaged or outdated (see `MultiMatcherOptions.onSearchIndexBuilt`).
   */
  searchIndex?: () => unknown;
}

export function sourceRef(source: Source): MatchSourceRef {
  const ref: MatchSourceRef = { id: source.id, title: source.title, language: source.language, kind: source.kind };
  if (source.date) ref.date = source.date;
  const main = source.speakers.find((s) => s.main)?.name;
  if (main) ref.mainSpeaker = main;
  return ref;
}
