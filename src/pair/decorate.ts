/**
 * Give every match in a paired source its counterpart: the original's words for a match in a
 * translation, the translation's rendering for a match in an original (or the fact that the
 * translation dropped it). Uses the stored alignment; nothing is aligned here. Pure.
 */
import type { Source, SourcePair } from '../sources/model';
import type { CheckResult, Match } from '../types';
import { counterpartIndex, matchCounterpart, type CounterpartIndex } from './counterpart';
import { spanInParagraph } from '../match/span';


/** One index per stored pair whose two sources are both at hand. */
export interface PairedIndex {
  index: CounterpartIndex;
  translation: Source;
  original: Source;
}

export function pairIndexes(pairs: SourcePair[], sources: Iterable<Source>): PairedIndex[] {
  const byId = new Map<string, Source>();
  for (const s of sources) byId.set(s.id, s);
  const out: PairedIndex[] = [];
  for (const pair of pairs) {
    const t = byId.get(pair.translationId);
    const o = byId.get(pair.originalId);
    if (t && o) out.push({ index: counterpartIndex(pair, t, o), translation: t, original: o });
  }
  return out;
}

function withCounterpart(match: Match, indexes: PairedIndex[]): Match {
  const sourceId = match.source?.id;
  if (!sourceId) return match;
  for (const { index, translation, original } of indexes) {
    // offsets in the paragraph's own text (a stretch's passage joins several paragraphs)
    const own = spanInParagraph(match);
    const answer = index.find(sourceId, match.paragraphId, own.start, own.end);
    if (!answer) continue;
    const there = answer.side === 'original' ? original : translation;
    const c = matchCounterpart(answer);
    const out: Match = { ...match, counterpart: c && { ...c, title: there.title, language: there.language } };
    if (answer.dropped) out.counterpartDropped = answer.dropped;
    return out;
  }
  return match;
}

/** The result with `counterpart` (and `counterpartDropped`) on every match in a paired source. */
export function withCounterparts(result: CheckResult, indexes: PairedIndex[]): CheckResult {
  if (indexes.length === 0) return result;
  const out: CheckResult = { ...result, matches: result.matches.map((m) => withCounterpart(m, indexes)) };
  if (result.segments) out.segments = result.segments.map((s) => withCounterparts(s, indexes));
  return out;
}
