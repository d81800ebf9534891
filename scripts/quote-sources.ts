/**
 * The CLI's translation pairs (scripts/quote.ts `--pair TRANSLATION_FILE=ORIGINAL_FILE`,
 * `--pair builtin=ORIGINAL_FILE`). Pairs are aligned once, when the command starts; each check
 * then only looks the alignment up. A match in a paired source gains
 * `counterpart: { sourceId, paragraphId, text, start?, end?, title, language }` — null, with
 * `counterpartDropped: 'paragraph'`, when the other side has nothing for it;
 * `counterpartDropped: 'sentence'` when the paragraph is there but the sentence was left out.
 */
import { alignPair } from '../src/pair/align';
import { pairIndexes, withCounterparts } from '../src/pair/decorate';
import { BUILTIN_SOURCE_ID, createMultiMatcher, type SourceEntry } from '../src/sources/index';
import type { Source, SourcePair } from '../src/sources/model';
import type { CheckResult } from '../src/types';

export interface PairArg {
  translation: string;
  original: string;
}

/** `A=B` → the pair, or the reason it is not one. */
export function parsePairArg(value: string): PairArg | string {
  const eq = value.indexOf('=');
  if (eq <= 0 || eq === value.length - 1) return `--pair takes TRANSLATION_FILE=ORIGINAL_FILE (or builtin=FILE), not "${value}"`;
  const p = { translation: value.slice(0, eq), original: value.slice(eq + 1) };
  if (p.original === BUILTIN_SOURCE_ID) return '--pair: the built-in transcript is a translation; write builtin=ORIGINAL_FILE';
  return p;
}

export interface Checker {
  check(text: string): CheckResult;
}

/**
 * A multi-source checker whose pairs are marked (translation kind and `translationOf`) and
 * aligned now. The built-in transcript, as a translation, is aligned with its gloss's help.
 */
export function pairedChecker(entries: SourceEntry[], pairs: Array<{ translationId: string; originalId: string }>): Checker {
  const byId = new Map(entries.map((e) => [e.source.id, e]));
  const stored: SourcePair[] = [];
  for (const { translationId, originalId } of pairs) {
    const t = byId.get(translationId);
    const o = byId.get(originalId);
    if (!t || !o) throw new Error(`--pair: unknown source ${!t ? translationId : originalId}`);
    if (t === o) throw new Error(`--pair: ${translationId} cannot be a translation of itself`);
    t.source = { ...t.source, kind: 'translation', translationOf: originalId };
    o.source = { ...o.source, kind: 'original' };
    const links = alignPair(t.source, o.source, t.gloss ? { gloss: t.gloss } : {});
    stored.push({ translationId, originalId, links, updatedAt: Date.now() });
  }
  const sources: Source[] = entries.map((e) => e.source);
  const matcher = createMultiMatcher(entries);
  const indexes = pairIndexes(stored, sources);
  return { check: (text) => withCounterparts(matcher.check(text), indexes) };
}
