/**
 * The background's side of translation pairs. A source marked "translation of …" (the built-in
 * transcript included) is aligned with its original once, when the pair is first needed after the
 * mark, and the alignment is stored with the sources (IndexedDB, `pairs`); checks only look it
 * up. A stored pair whose sources changed (paragraphs added or removed) is re-aligned, keeping
 * the reader's corrections.
 */
import { alignPair, correctLink } from '../pair/align';
import { pairIndexes, withCounterparts, type PairedIndex } from '../pair/decorate';
import { builtinSource } from '../sources/builtin';
import { BUILTIN_SOURCE_ID, type PairLink, type Source, type SourcePair } from '../sources/model';
import type { CheckResult, Transcript } from '../types';

export interface PairStore {
  pairs(): Promise<SourcePair[]>;
  putPair(pair: SourcePair): Promise<{ ok: boolean; error?: string }>;
  builtinSettings(): Promise<{ enabled: boolean; translationOf?: string }>;
  /** A source that is not deleted (undefined while it sits in the undo window). */
  get?(id: string): Promise<Source | undefined>;
}

export interface PairingDeps {
  store: PairStore;
  transcript: Transcript;
  /** Verbatim's English gloss of the built-in transcript: a strong signal when it is the translation. */
  gloss?: Record<string, string>;
  now?: () => number;
}

/** True when the stored links still name exactly the paragraphs of both sources. */
export function pairFits(pair: SourcePair, translation: Source, original: Source): boolean {
  const ids = (links: PairLink[], side: 'translation' | 'original') => links.flatMap((l) => l[side]).sort().join(' ');
  const all = (s: Source) => s.paragraphs.map((p) => p.id).sort().join(' ');
  return ids(pair.links, 'translation') === all(translation) && ids(pair.links, 'original') === all(original);
}

export function createPairing(deps: PairingDeps) {
  const now = deps.now ?? Date.now;
  let builtin: Source | null = null;
  let cached: { key: string; indexes: Promise<PairedIndex[]> } | null = null;

  const builtinAsSource = () => (builtin ??= builtinSource(deps.transcript));
  const glossFor = (translationId: string) => (translationId === BUILTIN_SOURCE_ID ? { gloss: deps.gloss } : {});

  /** Every source that can take part in a pair: the enabled imported ones and the built-in one. */
  async function withBuiltin(sources: Source[]): Promise<Source[]> {
    const settings = await deps.store.builtinSettings();
    const b = builtinAsSource();
    return [{ ...b, ...(settings.translationOf ? { translationOf: settings.translationOf } : {}) }, ...sources];
  }

  /** The stored pairs for every "translation of" mark, aligning (once) those missing or stale. */
  async function ensurePairs(sources: Source[]): Promise<{ pairs: SourcePair[]; all: Source[] }> {
    const all = await withBuiltin(sources);
    const byId = new Map(all.map((s) => [s.id, s]));
    const stored = await deps.store.pairs();
    const pairs: SourcePair[] = [];
    for (const t of all) {
      const o = t.translationOf ? byId.get(t.translationOf) : undefined;
      if (!o || o.id === t.id) continue;
      const have = stored.find((p) => p.translationId === t.id && p.originalId === o.id);
      if (have && pairFits(have, t, o)) {
        pairs.push(have);
        continue;
      }
      const links = alignPair(t, o, { ...glossFor(t.id), corrections: have?.links });
      const pair: SourcePair = { translationId: t.id, originalId: o.id, links, updatedAt: now() };
      await deps.store.putPair(pair);
      pairs.push(pair);
    }
    return { pairs, all };
  }

  function indexesFor(sources: Source[]): Promise<PairedIndex[]> {
    const key = sources.map((s) => `${s.id}:${s.translationOf ?? ''}:${s.paragraphs.length}`).join('|');
    if (!cached || cached.key !== key) {
      const indexes = ensurePairs(sources).then(({ pairs, all }) => pairIndexes(pairs, all));
      indexes.catch(() => (cached = null));
      cached = { key, indexes };
    }
    return cached.indexes;
  }

  return {
    /**
     * The pair a "translation of" mark asks for, computed (pure alignment) before anything is
     * written, so the caller can store the mark and the pair in one transaction. A stored pair
     * that still fits is kept; otherwise the reader's stored corrections are carried over.
     */
    async pairFor(translation: Source, original: Source): Promise<SourcePair> {
      const have = (await deps.store.pairs()).find((p) => p.translationId === translation.id && p.originalId === original.id);
      if (have && pairFits(have, translation, original)) return have;
      const links = alignPair(translation, original, { ...glossFor(translation.id), corrections: have?.links });
      return { translationId: translation.id, originalId: original.id, links, updatedAt: now() };
    },
    /** The built-in transcript as a Source (for pairFor). */
    builtinSource(): Source {
      return builtinAsSource();
    },
    /** The result with counterparts for matches in paired sources (`sources`: the enabled imported ones). */
    async decorate(result: CheckResult, sources: Source[]): Promise<CheckResult> {
      return withCounterparts(result, await indexesFor(sources));
    },
    /** The pair of a translation, with both sources (aligned now if it was missing). */
    async pairOf(translationId: string, sources: Source[]): Promise<{ pair: SourcePair; translation: Source; original: Source } | null> {
      const { pairs, all } = await ensurePairs(sources);
      const pair = pairs.find((p) => p.translationId === translationId);
      const t = all.find((s) => s.id === pair?.translationId);
      const o = all.find((s) => s.id === pair?.originalId);
      return pair && t && o ? { pair, translation: t, original: o } : null;
    },
    /** Store the reader's correction of one link and re-align the rest around every correction. */
    async correct(
      translationId: string,
      correction: Pick<PairLink, 'translation' | 'original'>,
      sources: Source[],
    ): Promise<{ ok: true; pair: SourcePair } | { ok: false; error: string }> {
      const found = await this.pairOf(translationId, sources);
      if (!found) return { ok: false, error: 'This source is not marked as a translation of another one.' };
      const links = correctLink(found.translation, found.original, found.pair.links, correction, glossFor(translationId));
      const pair: SourcePair = { ...found.pair, links, updatedAt: now() };
      const saved = await deps.store.putPair(pair);
      if (!saved.ok) return { ok: false, error: saved.error ?? 'The correction could not be saved.' };
      cached = null;
      return { ok: true, pair };
    },
    invalidate(): void {
      cached = null;
    },
    /** Align (once) every pair a "translation of" mark asks for and is not stored yet: call after a write. */
    async refresh(sources: Source[]): Promise<void> {
      cached = null;
      await indexesFor(sources);
    },
    /**
     * "Open full section" for a paragraph of a paired source: the side-by-side page at that
     * paragraph (`sourceId` undefined = the built-in transcript); null when the source is unpaired.
     */
    async parallelPath(sourceId: string | undefined, paragraphId: string): Promise<string | null> {
      const id = sourceId ?? BUILTIN_SOURCE_ID;
      const pair = (await deps.store.pairs()).find((p) => p.translationId === id || p.originalId === id);
      if (!pair) return null;
      // A deleted source's pair stays stored until the undo window ends (undo brings it back), but
      // must not be offered meanwhile: the side-by-side page would have only one side.
      const present = async (x: string) => x === BUILTIN_SOURCE_ID || !deps.store.get || (await deps.store.get(x)) !== undefined;
      if (!(await present(pair.translationId)) || !(await present(pair.originalId))) return null;
      const side = pair.translationId === id ? 'at' : 'original';
      return `/parallel.html?translation=${encodeURIComponent(pair.translationId)}&${side}=${encodeURIComponent(paragraphId)}`;
    },
  };
}

export type Pairing = ReturnType<typeof createPairing>;

/** Messages of the side-by-side page (entrypoints/parallel). */
export type PairRequest =
  | { type: 'verbatim:pairs:get'; translationId: string }
  | { type: 'verbatim:pairs:correct'; translationId: string; translation: string[]; original: string[] };

export type PairResponse =
  | { ok: true; pair: SourcePair; translation: Source; original: Source }
  | { ok: false; error: string };

export function isPairRequest(msg: unknown): msg is PairRequest {
  const type = (msg as { type?: unknown } | null)?.type;
  return type === 'verbatim:pairs:get' || type === 'verbatim:pairs:correct';
}

const strings = (x: unknown): string[] => (Array.isArray(x) ? x.filter((v): v is string => typeof v === 'string') : []);

/** Answers the side-by-side page from the stored pair (`sources`: the enabled imported sources). */
export async function handlePairRequest(msg: PairRequest, pairing: Pairing, sources: () => Promise<Source[]>): Promise<PairResponse> {
  const all = await sources();
  const id = String(msg.translationId ?? '');
  if (msg.type === 'verbatim:pairs:correct') {
    const r = await pairing.correct(id, { translation: strings(msg.translation), original: strings(msg.original) }, all);
    if (!r.ok) return r;
  }
  const found = await pairing.pairOf(id, all);
  return found ? { ok: true, ...found } : { ok: false, error: 'This source is not marked as a translation of another one.' };
}
