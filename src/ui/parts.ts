/**
 * The card parts that only some results show. The card imports them from here; the popup, the
 * scan panel and the tests get them as they are. The select-and-check script is built with this
 * module swapped for parts-lazy.ts (wxt.config.ts): there they come from the card extras script,
 * which the background injects only for a result that shows one of them (extras-needed.ts).
 */
export { CleanupNote } from './CleanupNote';
export { ContradictionView } from './ContradictionView';
export { Counterpart } from './Counterpart';
export { Differences } from './Differences';
export { MatchSourceLine } from './MatchSourceLine';
export { MentionsLink } from './MentionsLink';
export { SegmentsBody } from './SegmentsBody';
