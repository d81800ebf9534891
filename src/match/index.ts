/** The matcher's public face: `createMatcher` and the shapes its callers use. */
import type { Transcript } from '../types';
import type { Gloss, MatcherOptions } from './context';
import { MatcherImpl, type Matcher } from './matcher';

export type { CheckWork, Gloss, MatcherOptions, MatcherStats } from './context';
export { buildMatcherIndex } from './context';
export type { RankerData } from './rank';
export type { MatcherIndexData } from './stored-index';
export type { Matcher, SearchHit, WarmPart } from './matcher';
export { WARM_PARTS } from './matcher';
export { ENGLISH_NOTICE, ENGLISH_NONE_NOTICE } from './route-english';
export { OTHER_LANGUAGE_NOTICE } from './matcher';

/**
 * A matcher for one source. `gloss` (paragraph id → English) bridges English quotes to a
 * Chinese source; `options.language` is the source's BCP 47 tag (`zh-Hant` by default, `zh-Hans`,
 * `en`…): sources not in Chinese are matched word by word, and English quotes against them can
 * be `verbatim` or `altered`.
 */
export function createMatcher(transcript: Transcript, gloss?: Gloss, options?: MatcherOptions): Matcher {
  return new MatcherImpl(transcript, gloss, options);
}
