/**
 * The counterpart of a matched passage in a paired source: for a match in the translation, the
 * original's words; for a match in the original, the translation's rendering — or the fact that
 * the translation left it out. Reads a stored alignment (src/pair/align.ts); computes nothing
 * heavy, so it can run on every check. Pure: no browser API.
 */
import type { PairLink, Source, SourcePair } from '../sources/model';

export interface CounterpartPassage {
  sourceId: string;
  /** The paragraph holding the aligned sentence (or the first linked paragraph). */
  paragraphId: string;
  /** Every paragraph of the other side linked to this one (merged or split paragraphs). */
  paragraphIds: string[];
  /** Text of `paragraphId`. */
  text: string;
  /** The aligned sentence(s) in `text`, when the sentence alignment knows them. */
  start?: number;
  end?: number;
}

export interface CounterpartAnswer {
  /** 'original' when the match was in the translation (the counterpart is the original), else 'translation'. */
  side: 'original' | 'translation';
  counterpart: CounterpartPassage | null;
  /**
   * `paragraph`: the other side has nothing for this paragraph (the translation dropped it, or
   * added it); `sentence`: the paragraph is linked but the matched sentences have no counterpart
   * (the passage shown is the linked paragraph, without a highlight); null otherwise.
   */
  dropped: 'paragraph' | 'sentence' | null;
}

export interface CounterpartIndex {
  /** Null when the source is not part of this pair or the paragraph is unknown. */
  find(sourceId: string, paragraphId: string, start?: number, end?: number): CounterpartAnswer | null;
}

type Side = 'translation' | 'original';
const other = (s: Side): Side => (s === 'translation' ? 'original' : 'translation');

/** Index a stored pair once; look counterparts up per match. */
export function counterpartIndex(pair: SourcePair, translation: Source, original: Source): CounterpartIndex {
  const sources: Record<Side, Source> = { translation, original };
  const text: Record<Side, Map<string, string>> = {
    translation: new Map(translation.paragraphs.map((p) => [p.id, p.text])),
    original: new Map(original.paragraphs.map((p) => [p.id, p.text])),
  };
  const linkOf: Record<Side, Map<string, PairLink>> = { translation: new Map(), original: new Map() };
  for (const link of pair.links) {
    for (const id of link.translation) linkOf.translation.set(id, link);
    for (const id of link.original) linkOf.original.set(id, link);
  }

  return {
    find(sourceId, paragraphId, start, end) {
      const side: Side | null = sourceId === pair.translationId ? 'translation' : sourceId === pair.originalId ? 'original' : null;
      if (!side || !text[side].has(paragraphId)) return null;
      const there = other(side);
      const answer = (counterpart: CounterpartPassage | null, dropped: CounterpartAnswer['dropped']): CounterpartAnswer => ({
        side: there,
        counterpart,
        dropped,
      });
      const link = linkOf[side].get(paragraphId);
      const ids = link ? link[there] : [];
      if (!link || ids.length === 0) return answer(null, 'paragraph');
      const passage = (id: string, s?: number, e?: number): CounterpartPassage => ({
        sourceId: sources[there].id,
        paragraphId: id,
        paragraphIds: [...ids],
        text: text[there].get(id) ?? '',
        ...(s !== undefined && e !== undefined ? { start: s, end: e } : {}),
      });
      if (!link.sentences) return answer(passage(ids[0]), null);

      const from = start ?? 0;
      const to = end ?? (text[side].get(paragraphId) ?? '').length;
      // Other-side spans of every sentence link this span overlaps, weighted by the overlap.
      const hits = new Map<string, { start: number; end: number; weight: number }>();
      for (const s of link.sentences) {
        const [pid, a, b] = s[side];
        if (pid !== paragraphId) continue;
        const overlap = Math.min(b, to) - Math.max(a, from);
        if (overlap <= 0 && !(from === to && a <= from && from < b)) continue;
        const [opid, oa, ob] = s[there];
        const h = hits.get(opid);
        if (h) {
          h.start = Math.min(h.start, oa);
          h.end = Math.max(h.end, ob);
          h.weight += Math.max(overlap, 0);
        } else hits.set(opid, { start: oa, end: ob, weight: Math.max(overlap, 0) });
      }
      if (hits.size === 0) return answer(passage(ids[0]), 'sentence');
      const [bestId, best] = [...hits.entries()].sort((x, y) => y[1].weight - x[1].weight)[0];
      return answer(passage(bestId, best.start, best.end), null);
    },
  };
}

/** The `Match.counterpart` shape (CLI and card) from an answer; null when there is no passage. */
export function matchCounterpart(answer: CounterpartAnswer | null): { sourceId: string; paragraphId: string; text: string; start?: number; end?: number } | null {
  const c = answer?.counterpart;
  if (!c) return null;
  return { sourceId: c.sourceId, paragraphId: c.paragraphId, text: c.text, ...(c.start !== undefined ? { start: c.start, end: c.end } : {}) };
}
