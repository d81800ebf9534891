/**
 * The background's side of readers' sources: answers the Sources page's messages from the
 * store, and checks/searches across the enabled sources.
 *
 * Everything comes back from IndexedDB: the MV3 worker stops after ~30 s idle and forgets its
 * memory, so the enabled sources (and the engine built over them) are loaded lazily on the
 * first check after a start, cached, and dropped whenever this service writes to the store.
 * With no imported source enabled, checks go to the built-in service exactly as before.
 */
import type { Transcript } from '../types';
import type { Gloss } from '../match/index';
import { builtinSource } from '../sources/builtin';
import { createMultiMatcher, searchIndexOf, signatureOf, type MultiMatcher, type SourceEntry } from '../sources/check-all';
import { BUILTIN_SOURCE_ID, type Source, type SourcePair } from '../sources/model';
import { validatePack } from '../sources/pack';
import { SIGNATURE_VERSION, isSignature } from '../sources/signature';
import { SourcesStore, type Outcome } from '../store/sources-store';
import type { StoredIndex } from '../store/db';
import type { BuiltinSummary, SearchHitView, SourcesRequest, Timing } from './messages';
import type { Service } from './service';
import type { DisplayScript } from './settings';
import { buildScriptTables, toCardModel, type CardModel, type ScriptTables, type SourceLinks } from '../view/model';
import type { Pairing } from './pairs';
import type { Dictionary } from '../xlang/dictionary';
import type { Timings } from './startup-timings';
import type { BuiltinIndexParts } from '../sources/builtin-index';

export interface SourcesServiceDeps {
  store: SourcesStore;
  /** The built-in transcript's own service: used alone while no imported source is enabled. */
  builtin: Service;
  transcript: Transcript;
  gloss?: Gloss;
  /** Translation pairs: counterparts on the card (src/ext/pairs.ts). */
  pairing?: Pairing;
  /** The bilingual dictionary (src/ext/dictionary-loader.ts), fetched once: by the warm-up or the first check that needs it. */
  dictionary?: () => Promise<Dictionary>;
  /** The built-in transcript's prebuilt signature and matcher index (src/sources/builtin-index.ts), read with the store. */
  builtinIndex?: () => Promise<BuiltinIndexParts>;
  /** The worker's timing breakdown of a check (src/ext/startup-timings.ts). */
  timings?: Timings;
}

interface Loaded {
  /** ms spent reading the store. */
  loadMs: number;
  entries: SourceEntry[];
  imported: Source[];
  links: Map<string, SourceLinks>;
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/**
 * Characters of imported sources whose matchers the warm-up builds (the built-in transcript's
 * always): a few interviews; with dozens of sources the rest are built when a quote leads to them.
 */
const WARM_CHARS = 400_000;
/** Would a quote in Chinese, or in English, need the bilingual dictionary with these sources? */
const ZH_PROBE = '我们认为这是一个重要的问题';
const EN_PROBE = 'we think this is an important question';

/** The stored index of a source: its prefilter signature (h9a's Bloom filter). */
export function indexOf(source: Source): Omit<StoredIndex, 'sourceId'> | undefined {
  try {
    return { version: SIGNATURE_VERSION, data: signatureOf({ source }) };
  } catch {
    // A malformed source: the store refuses it with its own sentence.
    return undefined;
  }
}

/**
 * The search index to store with a source, built before the write (the transaction must not wait
 * on anything else); undefined when it cannot be built: the source is saved without it.
 */
export function searchIndexFor(source: Source): unknown {
  try {
    return searchIndexOf({ source });
  } catch {
    return undefined;
  }
}

export function createSourcesService(deps: SourcesServiceDeps) {
  const { store, builtin, transcript } = deps;
  let loaded: Promise<Loaded> | null = null;
  let tables: ScriptTables | null = null;
  /** Kept across reloads: setSources keeps the matchers of unchanged sources. */
  let multi: MultiMatcher | null = null;
  let multiFor: Loaded | null = null;
  let builtinEntry: SourceEntry | null = null;
  /**
   * Stored indexes read for the next check (`prefetch`), handed to a source's matcher when it is
   * made, then forgotten here (the matcher keeps what it loaded).
   */
  const searchIndexes = new Map<string, unknown>();
  const searchIndexOfSource = (id: string) => () => {
    const data = searchIndexes.get(id);
    searchIndexes.delete(id);
    return data;
  };

  function load(): Promise<Loaded> {
    if (!loaded) {
      loaded = (async () => {
        const t0 = now();
        const [stored, settings, builtinIndex, prebuilt] = await Promise.all([
          store.enabledWithIndexes(),
          store.builtinSettings(),
          store.getIndex(BUILTIN_SOURCE_ID),
          deps.builtinIndex?.().catch((): BuiltinIndexParts => ({})) ?? ({} as BuiltinIndexParts),
        ]);
        const loadMs = now() - t0;
        deps.timings?.add('storeRead', loadMs);
        const imported = stored.map((x) => x.source);
        const entries: SourceEntry[] = stored.map(({ source, index }) => ({
          source,
          ...(index && index.version === SIGNATURE_VERSION && isSignature(index.data) ? { signature: index.data } : {}),
          searchIndex: searchIndexOfSource(source.id),
        }));
        // The built-in transcript can only be switched off while another source is on.
        if (settings.enabled || !imported.length) {
          builtinEntry ??= {
            source: builtinSource(transcript),
            transcript,
            ...(deps.gloss ? { gloss: deps.gloss } : {}),
            // prebuilt with the extension: a worker start builds no index of the built-in text
            ...(prebuilt.signature ? { signature: prebuilt.signature } : {}),
            ...(prebuilt.index ? { searchIndex: () => prebuilt.index } : {}),
          };
          // Without a usable prebuilt one (a changed text or format in a development build), the
          // built-in signature costs hundreds of ms to build: it is stored once, for this text.
          if (!builtinEntry.signature && builtinIndex?.version === SIGNATURE_VERSION && builtinIndex.fingerprint === builtinFingerprint() && isSignature(builtinIndex.data)) {
            builtinEntry.signature = builtinIndex.data;
          }
          // The reader may have named the original the built-in translation translates.
          const source = { ...builtinEntry.source };
          if (settings.translationOf) source.translationOf = settings.translationOf;
          else delete source.translationOf;
          entries.unshift({ ...builtinEntry, source });
        }
        const links = new Map(imported.map((s) => [s.id, { url: s.url, recordingUrl: s.recordingUrl }]));
        return { loadMs, entries, imported, links };
      })();
      loaded.catch(() => (loaded = null));
    }
    return loaded;
  }

  /** Drops what was loaded: the next check reads the store again. */
  function invalidate(): void {
    loaded = null;
    searchIndexes.clear();
  }

  function engineFor(state: Loaded): { engine: MultiMatcher; cold: boolean; buildMs: number } {
    if (multi && multiFor === state) return { engine: multi, cold: false, buildMs: 0 };
    const t0 = now();
    if (multi) multi.setSources(state.entries);
    else {
      multi = createMultiMatcher(state.entries, {
        // no usable stored index (a source saved before indexes were stored, a damaged or
        // outdated one): the one just built is stored for the next start; failing that, rebuilt then
        onSearchIndexBuilt: (id, data) => {
          if (id !== BUILTIN_SOURCE_ID) void store.putSearchIndex(id, data).catch(() => undefined);
        },
      });
    }
    multiFor = state;
    if (builtinEntry && !builtinEntry.signature) {
      const built = multi.signatures().get(BUILTIN_SOURCE_ID);
      if (built) {
        builtinEntry.signature = built;
        void store.putIndex({ sourceId: BUILTIN_SOURCE_ID, version: SIGNATURE_VERSION, fingerprint: builtinFingerprint(), data: built }).catch(() => undefined);
      }
    }
    return { engine: multi, cold: true, buildMs: now() - t0 };
  }

  /** Checks under way: the warm-up starts no step while one is (the reader's quote comes first). */
  let checking = 0;

  /**
   * Marks a check as under way from the moment its message arrives (before the settings are read),
   * so the warm-up leaves the worker to it; call the returned function once it is answered.
   */
  function busy(): () => void {
    checking++;
    let done = false;
    return () => {
      if (!done) checking--;
      done = true;
    };
  }

  async function check(text: string, script: DisplayScript): Promise<{ card: CardModel; timing: Timing }> {
    const release = busy();
    try {
      return await checkNow(text, script);
    } finally {
      release();
    }
  }

  /** Whether this worker answered a check yet (the first one is `cold` even when the warm-up built everything). */
  let answered = false;

  async function checkNow(text: string, script: DisplayScript): Promise<{ card: CardModel; timing: Timing }> {
    const tm = deps.timings;
    const state = await load();
    tm?.stamp('sourcesLoaded');
    const firstOfWorker = !answered;
    answered = true;
    if (!state.imported.length) {
      const { card, timing } = builtin.check(text, script);
      if (firstOfWorker) timing.cold = true;
      tm?.add('builtinBuild', timing.buildMs);
      tm?.add('check', timing.checkMs);
      tm?.stamp('checked');
      return { card, timing };
    }
    const { engine, cold, buildMs } = engineFor(state);
    tm?.add('signatures', buildMs);
    tm?.stamp('engineReady');
    // a source in the other language: the dictionary is fetched now, once (never in the page),
    // while the stored indexes are read
    const dictionary = deps.dictionary && engine.wantsDictionary(text) ? deps.dictionary().catch(() => null) : null;
    await prefetch(engine, text);
    tm?.stamp('indexesRead');
    if (dictionary) {
      engine.setDictionary(await dictionary);
      tm?.stamp('dictionaryLoaded');
    }
    const t0 = now();
    const result = deps.pairing ? await deps.pairing.decorate(engine.check(text), state.imported) : engine.check(text);
    const checkMs = now() - t0;
    if (tm) {
      tm.stamp('checked');
      tm.add('check', checkMs);
      tm.add('matcherBuilds', engine.stats.lastBuildMs);
      for (const id of engine.stats.lastBuilt) {
        const st = engine.matcherStats(id);
        if (!st) continue;
        tm.add(`build:${id}`, st.buildMs);
        if (st.rankerBuildMs !== undefined) tm.add(`searchIndex:${id}`, st.rankerBuildMs);
        tm.from(id, `${st.indexFrom ?? 'built'}/${st.rankerFrom ?? 'unused'}`);
      }
    }
    tables ??= buildScriptTables(transcript);
    const card = toCardModel(result, { transcript, tables, setting: script, sources: state.links });
    return {
      card,
      timing: { cold: cold || firstOfWorker, buildMs: round(buildMs + engine.stats.lastBuildMs), checkMs: round(checkMs), ...(cold || firstOfWorker ? { loadMs: round(state.loadMs) } : {}) },
    };
  }

  /** Reads the stored indexes of the sources a check of `text` may ask (a failed read: rebuilt). */
  async function prefetch(engine: MultiMatcher, text: string): Promise<void> {
    const t0 = now();
    const ids = engine.mayAsk(text).filter((id) => id !== BUILTIN_SOURCE_ID && !searchIndexes.has(id));
    deps.timings?.add('mayAsk', now() - t0);
    await Promise.all(
      ids.map(async (id) => {
        const data = await store.getSearchIndex(id);
        if (data !== undefined) searchIndexes.set(id, data);
      }),
    );
  }

  /**
   * The worker's warm-up, started when it starts (a browser start, or a message waking it): reads
   * the store and the prebuilt built-in index, readies the engine, the dictionary when a quote in
   * one of the enabled languages would need it, and the matchers of the built-in transcript and of
   * the first imported sources (up to WARM_CHARS characters) with what they build on first use. In
   * steps with a macrotask between them, so a message that arrives meanwhile is answered between
   * two steps; a check shares what the warm-up loaded (the same promises and caches) and
   * builds only what it has not reached yet. Stops when a write made the loaded sources stale.
   */
  async function warmUp(): Promise<void> {
    const tm = deps.timings;
    tm?.worker('warmupStart');
    const step = async () => {
      do await new Promise<void>((resolve) => setTimeout(resolve, checking > 0 ? 10 : 0));
      while (checking > 0);
    };
    const t0 = now();
    let t = t0;
    const took = (name: string) => {
      const at = now();
      tm?.add(`warmup:${name}`, at - t);
      t = at;
    };
    const state = await load();
    took('load');
    const fresh = () => loaded !== null && multiFor === state;
    await step();
    if (!state.imported.length) {
      builtin.warmUp();
      tm?.add('warmup', now() - t0);
      tm?.worker('warmupDone');
      return;
    }
    if (loaded === null) return;
    const { engine } = engineFor(state);
    took('engine');
    // the dictionary's fetch (file I/O) runs while the built-in matcher is built ("warmup:dictionary"
    // is the wait left after that)
    let pendingDictionary =
      deps.dictionary && (engine.wantsDictionary(ZH_PROBE) || engine.wantsDictionary(EN_PROBE)) ? deps.dictionary().catch(() => null) : null;
    let chars = 0;
    // the built-in transcript first (it is entries[0] when enabled), then the imported sources
    for (const entry of state.entries) {
      if (pendingDictionary && entry.source.id !== BUILTIN_SOURCE_ID) {
        const d = await pendingDictionary;
        pendingDictionary = null;
        took('dictionary');
        if (!fresh()) return;
        engine.setDictionary(d);
      }
      if (entry.source.enabled === false) continue;
      const size = entry.transcript ? entry.transcript.paragraphs.reduce((n, p) => n + p.text.length, 0) : entry.source.paragraphs.reduce((n, p) => n + p.text.length, 0);
      if (entry.source.id !== BUILTIN_SOURCE_ID && chars + size > WARM_CHARS) continue;
      chars += size;
      if (entry.source.id !== BUILTIN_SOURCE_ID && !searchIndexes.has(entry.source.id)) {
        const data = await store.getSearchIndex(entry.source.id);
        if (data !== undefined) searchIndexes.set(entry.source.id, data);
      }
      // the matcher, then each part it makes on first use: a check that arrives waits for one step at most
      let spent = 0;
      for (const warmStep of engine.warmSteps(entry.source.id)) {
        await step();
        t = now();
        if (!fresh()) return;
        warmStep();
        spent += now() - t;
      }
      tm?.add(`warmup:${entry.source.id}`, spent);
      t = now();
    }
    tm?.add('warmup', now() - t0);
    tm?.worker('warmupDone');
  }

  async function search(query: string, limit: number, script: DisplayScript): Promise<SearchHitView[]> {
    const state = await load();
    if (!state.imported.length) return builtin.search(query, limit, script);
    const { engine } = engineFor(state);
    await prefetch(engine, query);
    tables ??= buildScriptTables(transcript);
    const builtinHits = new Map(builtin.search(query, limit, script).map((h) => [h.paragraphId, h]));
    const sections = new Map(state.imported.map((s) => [s.id, new Map(s.sections.map((x) => [x.id, x.title]))]));
    return engine.search(query, limit).flatMap((h): SearchHitView[] => {
      if (h.source.id === BUILTIN_SOURCE_ID) {
        // The built-in service knows the display script's titles and text.
        const b = builtinHits.get(h.paragraphId);
        return b ? [b] : [];
      }
      return [
        {
          paragraphId: h.paragraphId,
          sectionId: h.sectionId,
          sectionTitle: sections.get(h.source.id)?.get(h.sectionId) ?? '',
          speaker: h.speaker,
          text: h.text,
          score: h.score,
          sourceId: h.source.id,
          sourceTitle: h.source.title,
          ...(h.speakerName ? { speakerName: h.speakerName } : {}),
          ...(h.speakerUnnamed ? { speakerUnnamed: h.speakerUnnamed } : {}),
          ...(typeof h.time === 'number' ? { time: h.time } : {}),
        },
      ];
    });
  }

  /** Changes when an update ships another built-in text or gloss. */
  function builtinFingerprint(): string {
    let chars = 0;
    for (const p of transcript.paragraphs) chars += p.text.length;
    return `${transcript.paragraphs.length}|${chars}|${deps.gloss ? Object.keys(deps.gloss).length : 0}`;
  }

  function builtinSummary(enabled: boolean, translationOf?: string): BuiltinSummary {
    return {
      id: BUILTIN_SOURCE_ID,
      title: transcript.meta.title,
      language: 'zh-Hant',
      paragraphs: transcript.paragraphs.length,
      speakers: [
        { id: 'amodei', name: transcript.meta.guest, main: true },
        { id: 'host', name: transcript.meta.host, main: false },
      ],
      enabled,
      ...(translationOf ? { translationOf } : {}),
    };
  }

  /** A write: on success the cached sources are stale. */
  async function written<T extends object>(p: Promise<Outcome<T>>): Promise<Outcome<T>> {
    const r = await p;
    if (r.ok) {
      invalidate();
      // A "translation of" mark was stored with its pair (pairForMark); this only aligns pairs
      // that became stale otherwise (an import, an undo), and a failure here is retried at the next check.
      await deps.pairing?.refresh(await store.enabledSources()).catch(() => deps.pairing?.invalidate());
    }
    return r;
  }

  /**
   * The aligned pair a new "translation of" mark asks for, computed before the write so the mark
   * and the pair are stored in one transaction (undefined: no mark, no pairing, or no original).
   */
  async function pairForMark(id: string, translationOf: string | null | undefined, saving?: Source): Promise<SourcePair | undefined> {
    const pairing = deps.pairing;
    const originalId = translationOf?.trim();
    if (!pairing || !originalId || originalId === id) return undefined;
    const sourceOf = async (x: string) => (x === BUILTIN_SOURCE_ID ? pairing.builtinSource() : await store.get(x));
    const [translation, original] = await Promise.all([saving ?? sourceOf(id), sourceOf(originalId)]);
    if (!translation || !original) return undefined;
    return pairing.pairFor({ ...translation, translationOf: originalId }, original);
  }

  /** pairForMark, with a failure to align turned into the write's refusal. */
  async function markedPair(...args: Parameters<typeof pairForMark>): Promise<{ pair?: SourcePair } | { ok: false; error: string }> {
    try {
      return { pair: await pairForMark(...args) };
    } catch {
      return { ok: false, error: 'The two sources could not be aligned, so nothing was changed.' };
    }
  }

  async function handle(msg: SourcesRequest): Promise<unknown> {
    switch (msg.type) {
      case 'verbatim:sources:list': {
        const [sources, settings] = await Promise.all([store.list(), store.builtinSettings()]);
        return { ok: true, sources, builtin: builtinSummary(settings.enabled, settings.translationOf) };
      }
      case 'verbatim:sources:get': {
        const source = await store.get(String(msg.id));
        return source ? { ok: true, source } : { ok: false, error: 'That source does not exist (it may have been deleted).' };
      }
      case 'verbatim:sources:save': {
        const source = msg.source;
        const marked = source && typeof source === 'object' && typeof source.id === 'string' ? await markedPair(source.id, source.translationOf, source) : {};
        if ('error' in marked) return marked;
        return written(store.save(source, indexOf(source), marked.pair, searchIndexFor(source)));
      }
      case 'verbatim:sources:save-pair': {
        const { original, translation } = msg;
        if (!original || !translation || typeof original.id !== 'string' || translation.translationOf !== original.id || translation.id === original.id) {
          return { ok: false, error: 'The two parts must be a translation and its original.' };
        }
        // Aligned before the write (pure), so both sources and their pair are stored in one transaction.
        let pair: SourcePair | undefined;
        try {
          pair = await deps.pairing?.pairFor(translation, original);
        } catch {
          return { ok: false, error: 'The two sources could not be aligned, so nothing was saved.' };
        }
        return written(
          store.saveAll(
            [
              { source: original, index: indexOf(original), search: searchIndexFor(original) },
              { source: translation, index: indexOf(translation), search: searchIndexFor(translation) },
            ],
            pair,
          ),
        );
      }
      case 'verbatim:sources:update': {
        const patch = msg.patch ?? {};
        const marked = await markedPair(String(msg.id), patch.translationOf);
        if ('error' in marked) return marked;
        const pair = marked.pair;
        if (msg.id === BUILTIN_SOURCE_ID) {
          return written(
            store.setBuiltinSettings(
              {
                ...(patch.enabled !== undefined ? { enabled: patch.enabled } : {}),
                ...(patch.translationOf !== undefined ? { translationOf: patch.translationOf ?? undefined } : {}),
              },
              pair,
            ),
          );
        }
        return written(store.update(msg.id, patch, pair));
      }
      case 'verbatim:sources:set-enabled':
        if (msg.id === BUILTIN_SOURCE_ID) return written(store.setBuiltinSettings({ enabled: msg.enabled === true }));
        return written(store.update(msg.id, { enabled: msg.enabled === true }));
      case 'verbatim:sources:delete':
        return written(msg.ids ? store.remove(msg.ids.map(String)) : store.removeAll());
      case 'verbatim:sources:undo':
        return written(store.undoRemove((msg.ids ?? []).map(String)));
      case 'verbatim:sources:export':
        return { ok: true, pack: await store.exportPack() };
      case 'verbatim:sources:import': {
        const valid = validatePack(msg.pack);
        if (!valid.ok) return valid;
        return written(store.importPack(valid.pack, indexOf, searchIndexFor));
      }
      case 'verbatim:sources:put-draft': {
        const d = msg.draft ?? { title: '' };
        return store.putDraft({
          title: String(d.title ?? ''),
          ...(typeof d.url === 'string' ? { url: d.url } : {}),
          ...(typeof d.html === 'string' ? { html: d.html } : {}),
          ...(typeof d.text === 'string' ? { text: d.text } : {}),
          ...(typeof d.byline === 'string' ? { byline: d.byline.slice(0, 300) } : {}),
        });
      }
      case 'verbatim:sources:take-draft': {
        const draft = await store.takeDraft(String(msg.id));
        return draft ? { ok: true, draft } : { ok: false, error: 'This page was already added or its draft has expired; add it again from the popup.' };
      }
    }
  }

  return { check, search, handle, invalidate, load, warmUp, busy };
}

export type SourcesService = ReturnType<typeof createSourcesService>;

export function isSourcesRequest(msg: { type: string }): msg is SourcesRequest {
  return msg.type.startsWith('verbatim:sources:');
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
