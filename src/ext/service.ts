/**
 * What the background answers: checks and searches over a lazily built matcher. The service
 * worker can be stopped after ~30 s idle and loses everything; the matcher is rebuilt on the
 * next request (`cold: true` in the timing).
 */
import type { CheckResult, Transcript } from '../types';
import type { SearchHitView, Timing } from './messages';
import type { DisplayScript } from './settings';
import { buildScriptTables, chooseScript, toCardModel, type CardModel, type ScriptTables } from '../view/model';

export interface MatcherLike {
  check(text: string): CheckResult;
  search(query: string, limit?: number): Array<{ paragraphId: string; sectionId: string; speaker: SearchHitView['speaker']; text: string; score: number }>;
  /** Build what the matcher makes on first use (search index, cleanup tokens) now. */
  warm?(): void;
}

export type MatcherFactory = (transcript: Transcript, gloss?: Record<string, string>) => MatcherLike;

export interface Service {
  check(text: string, script: DisplayScript): { card: CardModel; result: CheckResult; timing: Timing };
  search(query: string, limit: number, script: DisplayScript): SearchHitView[];
  /** Whether the matcher is built (false after a worker restart until the next request). */
  readonly warm: boolean;
  /** Builds the matcher and what it makes on first use now (the worker's warm-up), not at the first check. */
  warmUp(): void;
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

export function createService(transcript: Transcript, gloss: Record<string, string> | undefined, factory: MatcherFactory): Service {
  let matcher: MatcherLike | null = null;
  let tables: ScriptTables | null = null;

  function ensure(): { m: MatcherLike; tables: ScriptTables; cold: boolean; buildMs: number } {
    if (matcher && tables) return { m: matcher, tables, cold: false, buildMs: 0 };
    const t0 = now();
    matcher = factory(transcript, gloss);
    tables = buildScriptTables(transcript);
    return { m: matcher, tables, cold: true, buildMs: now() - t0 };
  }

  return {
    get warm() {
      return matcher !== null;
    },
    warmUp() {
      ensure().m.warm?.();
    },
    check(text, script) {
      const { m, tables: tb, cold, buildMs } = ensure();
      const t0 = now();
      const result = m.check(text);
      const checkMs = now() - t0;
      const card = toCardModel(result, { transcript, tables: tb, setting: script });
      return { card, result, timing: { cold, buildMs: round(buildMs), checkMs: round(checkMs) } };
    },
    search(query, limit, script) {
      const { m, tables: tb } = ensure();
      const display = chooseScript(script, query, tb);
      const paragraphs = new Map(transcript.paragraphs.map((p) => [p.id, p]));
      const sections = new Map(transcript.sections.map((s) => [s.id, s]));
      const latin = /[A-Za-z]{2,}/.test(query);
      return m.search(query, limit).map((h) => {
        const p = paragraphs.get(h.paragraphId);
        const s = sections.get(h.sectionId);
        return {
          paragraphId: h.paragraphId,
          sectionId: h.sectionId,
          sectionTitle: (display === 'simplified' ? s?.titleSimplified : s?.title) ?? h.sectionId,
          speaker: h.speaker,
          text: display === 'simplified' && p ? p.simplified : h.text,
          score: h.score,
          // an English query reaches Chinese passages through the gloss: the snippet marks the words there
          ...(latin && gloss?.[h.paragraphId] ? { gloss: gloss[h.paragraphId] } : {}),
        };
      });
    },
  };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
