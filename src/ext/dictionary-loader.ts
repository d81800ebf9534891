/**
 * The bilingual dictionary, loaded by the background on the first cross-language check only
 * (a quote in one language with a source in the other enabled), then kept for the worker's
 * life. A failed load is not cached: the next such check tries again, and checks go on without
 * the cross-language route meanwhile.
 */
import { parseDictionary, type Dictionary } from '../xlang/dictionary';

export interface DictionaryLoader {
  (): Promise<Dictionary>;
  /** ms the last successful load took (fetch + parse), for the timing line. */
  readonly loadMs: number | undefined;
}

export function createDictionaryLoader(fetchText: () => Promise<string>): DictionaryLoader {
  let pending: Promise<Dictionary> | null = null;
  let loadMs: number | undefined;
  const load = (() => {
    if (!pending) {
      const t0 = performance.now();
      pending = fetchText().then((text) => {
        const dict = parseDictionary(text);
        loadMs = performance.now() - t0;
        return dict;
      });
      pending.catch(() => (pending = null));
    }
    return pending;
  }) as DictionaryLoader;
  Object.defineProperty(load, 'loadMs', { get: () => loadMs });
  return load;
}
