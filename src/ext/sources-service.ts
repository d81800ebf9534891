/**
 * The background's side of readers' sources: answers the Sources page's messages from the
 * store, and checks/searches across the enabled sources.
 *
 * Everything comes back from IndexedDB: the MV3 worker stops after ~30 s idle and forgets its
 * memory, so the enabled sources (and the engine built over them) are loaded lazily on the
 * first check after a start, cached, and dropped whenever this service writes to the store.
 * With no imported source enabled, checks go to the built-in service exactly as before.
 */
import type { CheckResult, Transcript } from '../types';
import { BUILTIN_SOURCE_ID, type Source } from '../sources/model';
import { SourcesStore, type Outcome } from '../store/sources-store';
import type { BuiltinSummary, SearchHitView, SourcesRequest, Timing } from './messages';
import type { Service } from './service';
import type { DisplayScript } from './settings';
import { buildScriptTables, chooseScript, toCardModel, type CardModel, type ScriptTables, type SourceLinks } from './view';
import type { Pairing } from './pairs';

/** A search hit of the multi-source engine. */
export interface EngineHit {
  sourceId: string;
  paragraphId: string;
  sectionId: string;
  sectionTitle?: string;
  speaker: SearchHitView['speaker'];
  speakerName?: string;
  time?: number;
  text: string;
  score: number;
}

/** Checks and searches over several sources at once (h9a's merging matcher). */
export interface SourcesEngine {
  check(text: string): CheckResult;
  search(query: string, limit: number): EngineHit[];
}

export type EngineBuilder = (input: { builtin: boolean; sources: Source[] }) => SourcesEngine;

/** Validates a parsed pack file; one sentence when it is not acceptable. */
export type PackValidator = (raw: unknown) => { ok: true; pack: import('../sources/model').SourcePack } | { ok: false; error: string };

export interface SourcesServiceDeps {
  store: SourcesStore;
  builtin: Service;
  transcript: Transcript;
  buildEngine: EngineBuilder;
  validatePack: PackValidator;
  /** Translation pairs: counterparts on the card (src/ext/pairs.ts). */
  pairing?: Pairing;
}

interface Loaded {
  sources: Source[];
  builtinEnabled: boolean;
  links: Map<string, SourceLinks>;
  engine: SourcesEngine | null;
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

export function createSourcesService(deps: SourcesServiceDeps) {
  const { store, builtin, transcript } = deps;
  let loaded: Promise<Loaded> | null = null;
  let tables: ScriptTables | null = null;

  function load(): Promise<Loaded> {
    if (!loaded) {
      loaded = (async () => {
        const [sources, settings] = await Promise.all([store.enabledSources(), store.builtinSettings()]);
        const links = new Map(sources.map((s) => [s.id, { url: s.url, recordingUrl: s.recordingUrl }]));
        // The built-in transcript can only be switched off while another source is on.
        return { sources, builtinEnabled: settings.enabled || !sources.length, links, engine: null };
      })();
      loaded.catch(() => (loaded = null));
    }
    return loaded;
  }

  /** Drops what was loaded: the next check reads the store again. */
  function invalidate(): void {
    loaded = null;
  }

  async function engineFor(state: Loaded): Promise<{ engine: SourcesEngine; cold: boolean; buildMs: number }> {
    if (state.engine) return { engine: state.engine, cold: false, buildMs: 0 };
    const t0 = now();
    state.engine = deps.buildEngine({ builtin: state.builtinEnabled, sources: state.sources });
    return { engine: state.engine, cold: true, buildMs: now() - t0 };
  }

  async function check(text: string, script: DisplayScript): Promise<{ card: CardModel; timing: Timing }> {
    const state = await load();
    if (!state.sources.length) {
      const { card, timing } = builtin.check(text, script);
      return { card, timing };
    }
    const { engine, cold, buildMs } = await engineFor(state);
    const t0 = now();
    const result = deps.pairing ? await deps.pairing.decorate(engine.check(text), state.sources) : engine.check(text);
    const checkMs = now() - t0;
    tables ??= buildScriptTables(transcript);
    const card = toCardModel(result, { transcript, tables, setting: script, sources: state.links });
    return { card, timing: { cold, buildMs: round(buildMs), checkMs: round(checkMs) } };
  }

  async function search(query: string, limit: number, script: DisplayScript): Promise<SearchHitView[]> {
    const state = await load();
    if (!state.sources.length) return builtin.search(query, limit, script);
    const { engine } = await engineFor(state);
    tables ??= buildScriptTables(transcript);
    const display = chooseScript(script, query, tables);
    const titles = new Map(state.sources.map((s) => [s.id, s.title]));
    const builtinHits = new Map(builtin.search(query, limit, script).map((h) => [h.paragraphId, h]));
    return engine.search(query, limit).map((h): SearchHitView => {
      if (h.sourceId === BUILTIN_SOURCE_ID) {
        // The built-in service knows the display script's titles and text.
        const b = builtinHits.get(h.paragraphId);
        if (b) return b;
      }
      return {
        paragraphId: h.paragraphId,
        sectionId: h.sectionId,
        sectionTitle: h.sectionTitle ?? '',
        speaker: h.speaker,
        text: display === 'simplified' && h.sourceId === BUILTIN_SOURCE_ID ? h.text : h.text,
        score: h.score,
        ...(h.sourceId !== BUILTIN_SOURCE_ID ? { sourceId: h.sourceId, sourceTitle: titles.get(h.sourceId) ?? h.sourceId } : {}),
        ...(h.speakerName ? { speakerName: h.speakerName } : {}),
        ...(typeof h.time === 'number' ? { time: h.time } : {}),
      };
    });
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
      deps.pairing?.invalidate();
    }
    return r;
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
      case 'verbatim:sources:save':
        return written(store.save(msg.source));
      case 'verbatim:sources:update':
        if (msg.id === BUILTIN_SOURCE_ID) {
          const patch = msg.patch ?? {};
          return written(
            store.setBuiltinSettings({
              ...(patch.enabled !== undefined ? { enabled: patch.enabled } : {}),
              ...(patch.translationOf !== undefined ? { translationOf: patch.translationOf ?? undefined } : {}),
            }),
          );
        }
        return written(store.update(msg.id, msg.patch ?? {}));
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
        const valid = deps.validatePack(msg.pack);
        if (!valid.ok) return valid;
        return written(store.importPack(valid.pack));
      }
      case 'verbatim:sources:put-draft': {
        const d = msg.draft ?? { title: '' };
        return store.putDraft({
          title: String(d.title ?? ''),
          ...(typeof d.url === 'string' ? { url: d.url } : {}),
          ...(typeof d.html === 'string' ? { html: d.html } : {}),
          ...(typeof d.text === 'string' ? { text: d.text } : {}),
        });
      }
      case 'verbatim:sources:take-draft': {
        const draft = await store.takeDraft(String(msg.id));
        return draft ? { ok: true, draft } : { ok: false, error: 'This page was already added or its draft has expired; add it again from the popup.' };
      }
    }
  }

  return { check, search, handle, invalidate, load };
}

export type SourcesService = ReturnType<typeof createSourcesService>;

export function isSourcesRequest(msg: { type: string }): msg is SourcesRequest {
  return msg.type.startsWith('verbatim:sources:');
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
