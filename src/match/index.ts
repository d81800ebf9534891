/** The matcher's public face: `createMatcher` and the shapes its callers use. */
import type { Transcript } from '../types';
import type { Gloss } from './context';
import { MatcherImpl, type Matcher } from './matcher';

export type { Gloss, MatcherStats } from './context';
export type { Matcher, SearchHit } from './matcher';
export { ENGLISH_NOTICE, ENGLISH_NONE_NOTICE } from './route-english';

export function createMatcher(transcript: Transcript, gloss?: Gloss): Matcher {
  return new MatcherImpl(transcript, gloss);
}
