/**
 * Where the time of the first check after a worker start goes (issue 20): `performance.now()`
 * stamps in the worker's own clock (0 = the worker started), kept for the first check and for
 * the latest one. Read by the e2e through the worker's `verbatimBackground.timings()` (never
 * sent to a page). A stamp is kept the first time it is set within a check, so work that a
 * warm-up already did shows as the moment it finished, not as a step of the check.
 */

export type StampName =
  /** The background script was evaluated (the worker's clock starts at 0). */
  | 'scriptEvaluated'
  /** The warm-up (stores read, indexes loaded) began / ended, when one ran. */
  | 'warmupStart'
  | 'warmupDone'
  /** The context-menu handler (or the shortcut) was called. */
  | 'menuClick'
  /** The card script was injected into the tab. */
  | 'injected'
  /** The `verbatim:check` message reached the worker. */
  | 'checkRequest'
  /** Settings read (chrome.storage). */
  | 'settingsRead'
  /** The enabled sources, their signatures and the built-in index were in memory. */
  | 'sourcesLoaded'
  /** The engine over them (signatures checked or built) was ready. */
  | 'engineReady'
  /** The bilingual dictionary was loaded (a quote with a source in the other language enabled). */
  | 'dictionaryLoaded'
  /** The stored search indexes of the sources the quote may ask were read. */
  | 'indexesRead'
  /** The check returned. */
  | 'checked'
  /** The card model (and the interface strings) were ready: the answer goes back. */
  | 'responded'
  /** The content script said the card is shown. */
  | 'shown';

export interface CheckTimeline {
  /** ms on the worker's clock, by stamp. */
  at: Partial<Record<StampName, number>>;
  /** Durations measured inside steps (ms): store read, matcher builds, search-index loads… */
  ms: Record<string, number>;
  /** Where each matcher's indexes came from in this check (`stored`, `prebuilt`, `built`). */
  from: Record<string, string>;
}

export interface StartupTimings {
  /** The first check after this worker started (null until one ran). */
  first: CheckTimeline | null;
  /** The latest check. */
  last: CheckTimeline | null;
  /** Stamps outside any check (script evaluated, warm-up). */
  worker: Partial<Record<StampName, number>>;
  /** Durations measured outside any check (the warm-up's store read…). */
  workerMs: Record<string, number>;
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());
const r1 = (x: number) => Math.round(x * 10) / 10;

export function createTimings() {
  const worker: StartupTimings['worker'] = {};
  const workerMs: Record<string, number> = {};
  let first: CheckTimeline | null = null;
  let last: CheckTimeline | null = null;
  let current: CheckTimeline | null = null;

  return {
    /** A stamp outside a check (kept the first time). */
    worker(name: StampName, at = now()): void {
      worker[name] ??= r1(at);
    },
    /** A new check begins (the menu click, or a check message without one). */
    begin(name: StampName): void {
      current = { at: { [name]: r1(now()) }, ms: {}, from: {} };
      if (!first) first = current;
      last = current;
    },
    /** A stamp of the current check (begun if none is open). */
    stamp(name: StampName): void {
      if (!current) this.begin(name);
      else current.at[name] ??= r1(now());
    },
    /** A duration inside the current check (added to what that name already holds). */
    add(name: string, ms: number): void {
      if (!Number.isFinite(ms)) return;
      const into = current ? current.ms : workerMs;
      into[name] = r1((into[name] ?? 0) + ms);
    },
    /** Runs `fn`, adding the ms until its promise settles under `name`. */
    async time<T>(name: string, fn: () => Promise<T>): Promise<T> {
      const t0 = now();
      try {
        return await fn();
      } finally {
        this.add(name, now() - t0);
      }
    },
    from(name: string, where: string): void {
      if (current) current.from[name] = where;
    },
    /** Is a check open (begun by the menu click, not yet ended)? */
    get open(): boolean {
      return current !== null;
    },
    /** The check is over: later stamps start a new one. */
    end(name: StampName): void {
      this.stamp(name);
      current = null;
    },
    snapshot(): StartupTimings {
      return JSON.parse(JSON.stringify({ first, last, worker, workerMs })) as StartupTimings;
    },
  };
}

export type Timings = ReturnType<typeof createTimings>;
