/**
 * The numbers that turn measurements into verdicts. Short quotes are held to stricter rules:
 * a few shared characters prove little.
 */
import type { CheckResult, Verdict } from '../types';

/** Below this many normalised characters, only an exact match counts. */
export const EXACT_ONLY_BELOW = 10;

/**
 * Most edits (insertions, deletions, substitutions of characters) an `altered` quote of
 * normalised length `m` may have against its passage. True quotes with random edits needed at
 * most ~0.3 errors per character and unrelated text at least ~0.6 (design notes). Short quotes
 * are stricter: measured on the transcript, 6–10-character pieces of invented sentences often
 * sit within one or two edits of some phrase, 12–18-character pieces never within four.
 */
export function maxAlteredErrors(m: number): number {
  if (m < EXACT_ONLY_BELOW) return 0;
  if (m < 14) return 1;
  if (m < 20) return Math.floor(0.25 * m);
  return Math.floor(0.3 * m);
}

/**
 * The rules above count characters (Chinese). A source in a Latin-script language is matched
 * word by word (one unit per word), and a word carries about as much as two Chinese
 * characters: so 5 words must match exactly, and at most one word in four may differ.
 */
export interface Units {
  kind: 'char' | 'word';
  exactOnlyBelow: number;
  maxAlteredErrors(m: number): number;
  /** Longest run an altered quote must share with its passage (no scattered agreement). */
  minSharedRun(m: number): number;
}

export const CHAR_UNITS: Units = {
  kind: 'char',
  exactOnlyBelow: EXACT_ONLY_BELOW,
  maxAlteredErrors,
  minSharedRun: (m) => Math.min(6, Math.floor(m / 3)),
};

export const WORD_UNITS: Units = {
  kind: 'word',
  exactOnlyBelow: 5,
  maxAlteredErrors: (m) => (m < 5 ? 0 : m < 10 ? 1 : Math.floor(0.25 * m)),
  minSharedRun: (m) => Math.max(2, Math.min(4, Math.floor(m / 3))),
};

export function alignmentVerdict(m: number, errors: number, units: Units = CHAR_UNITS): 'verbatim' | 'altered' | null {
  if (errors === 0) return 'verbatim';
  if (errors <= units.maxAlteredErrors(m)) return 'altered';
  return null;
}

/** Score in 0…1 for an alignment: share of the quote that agrees. */
export function alignmentScore(m: number, errors: number): number {
  return m === 0 ? 0 : Math.max(0, 1 - errors / m);
}

/**
 * `related` (Chinese): the best passage must hold, within one stretch, a large rarity-weighted
 * share of the quote's characters, and explain the quote clearly better than any other
 * passage. Score = coverage + min(cap, coverage − best rival's coverage). Measured on the
 * evaluation set, independent translations mostly score ≥ 0.5, invented quotes on the same
 * topics mostly below; short quotes need more.
 */
export function relatedThreshold(m: number): number {
  if (m < 10) return 0.75;
  if (m < 16) return 0.6;
  return 0.5;
}
export const RELATED_MARGIN_CAP = 0.3;
/**
 * `related` also needs the passage to account for the quote: no stretch of the quote longer than
 * this share of it may be missing from the passage (an invented claim around shared names).
 * Measured on the evaluation set: loose paraphrases ≤ 0.32, invented quotes mostly ≥ 0.37.
 */
export const MAX_UNEXPLAINED = 0.4;
/** Character pairs in more than this share of the passages (很多, 我们) explain nothing. */
export const COMMON_SHARE = 0.3;
/** A passage sharing this much of a quote (unigram coverage) is checked for saying otherwise. */
export const CONTRADICTION_MIN_COVERAGE = 0.45;
/**
 * …and for a negation or a figure to count as reversing it, the quote must keep this much of
 * the passage's wording (below it, the quote is a looser paraphrase or another statement).
 */
export const NEGATION_MIN_COVERAGE = 0.7;
/** A not-found quote links a passage that mentions its terms from this coverage on. */
export const MENTION_MIN_COVERAGE = 0.3;
/** Further passages are listed when their coverage is at least this (and near the best). */
export const RELATED_SECONDARY = 0.4;

/**
 * A sentence of a multi-sentence selection that is altered as a whole must be found inside
 * that passage with at most this many errors per character (invented sentences are not).
 */
export const SENTENCE_IN_PASSAGE_RATE = 0.4;

/** `related` for an English quote needs this phrase score against a gloss paragraph. */
export const ENGLISH_RELATED = 0.4;
/**
 * From this phrase score on, the translated passage says the same as an English quote (`close`);
 * below, it is on the same subject (`loose`). Exact sentences of the gloss score 1, journalists'
 * renderings mostly 0.6–0.9, loose paraphrases 0.45–0.65.
 */
export const ENGLISH_CLOSE = 0.75;
/** A turn whose gloss scores within this of an introduction/heading paragraph is preferred. */
export const ENGLISH_TURN_SLACK = 0.15;

const STRENGTH: Record<Verdict, number> = { verbatim: 4, altered: 3, related: 2, 'not-found': 1, invalid: 0 };

/**
 * Top-level verdict of a selection holding several quotes: the weakest verdict among the
 * quotes that could be judged. A selection is only as well supported as its least supported
 * quote — one invented sentence among real ones must not hide behind them. Quotes refused as
 * invalid are ignored unless all are.
 */
export function summarize(segments: CheckResult[]): Verdict {
  const judged = segments.filter((s) => s.verdict !== 'invalid');
  if (judged.length === 0) return 'invalid';
  let worst: Verdict = judged[0].verdict;
  for (const s of judged) if (STRENGTH[s.verdict] < STRENGTH[worst]) worst = s.verdict;
  return worst;
}
