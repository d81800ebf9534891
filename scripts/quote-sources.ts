/**
 * The CLI's sources and pairs (scripts/quote.ts):
 *
 *   --source FILE                       also check against FILE (.txt .md .srt .vtt .html; repeatable)
 *   --pair TRANSLATION_FILE=ORIGINAL_FILE  both files become sources; the first is marked a
 *                                       translation of the second and their paragraphs are aligned
 *   --pair builtin=ORIGINAL_FILE        the built-in CSDN transcript is the translation
 *
 * Pairs are aligned once, when the command starts; each check then only looks the alignment up.
 * A match in a paired source gains `counterpart: { sourceId, paragraphId, text, start?, end? }`
 * (null, with `counterpartDropped`, when the translation left the passage out).
 * Source ids are the file names (`interview.en.txt`); the built-in transcript is `builtin`.
 */
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Gloss } from '../src/match/index';
import { alignPair } from '../src/pair/align';
import { pairIndexes, withCounterparts } from '../src/pair/decorate';
import { BUILTIN_SOURCE_ID, builtinSource, createMultiMatcher, draftToSource, parseSource, type SourceEntry } from '../src/sources/index';
import type { Source, SourcePair } from '../src/sources/model';
import type { CheckResult, Transcript } from '../src/types';

export interface SourceArgs {
  sources: string[];
  pairs: Array<{ translation: string; original: string }>;
  /** The arguments that are not about sources. */
  rest: string[];
}

/** Pull `--source FILE` / `--source=FILE` and `--pair A=B` / `--pair=A=B` out of the arguments. */
export function sourceArgs(args: string[]): SourceArgs {
  const out: SourceArgs = { sources: [], pairs: [], rest: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const m = /^--(source|pair)(?:=(.*))?$/.exec(a);
    if (!m) {
      out.rest.push(a);
      continue;
    }
    const value = m[2] ?? args[++i];
    if (value === undefined || value === '') throw new Error(`--${m[1]} needs a value`);
    if (m[1] === 'source') out.sources.push(value);
    else {
      const eq = value.indexOf('=');
      if (eq <= 0 || eq === value.length - 1) throw new Error(`--pair takes TRANSLATION_FILE=ORIGINAL_FILE (or builtin=FILE), not ${value}`);
      out.pairs.push({ translation: value.slice(0, eq), original: value.slice(eq + 1) });
    }
  }
  return out;
}

function readSource(file: string): Source {
  const bytes = new Uint8Array(readFileSync(resolve(file)));
  const parsed = parseSource({ name: basename(file), bytes });
  if (!parsed.ok) throw new Error(`${file}: ${parsed.error}`);
  return draftToSource(parsed.draft, basename(file), Date.now());
}

export interface Checker {
  check(text: string): CheckResult;
}

/** A checker over the built-in transcript plus the given files, with the given pairs aligned. */
export function sourcesChecker(transcript: Transcript, gloss: Gloss | undefined, args: SourceArgs): Checker {
  const builtin = builtinSource(transcript);
  const sources = new Map<string, Source>([[BUILTIN_SOURCE_ID, builtin]]);
  const idOf = (file: string) => {
    if (file === BUILTIN_SOURCE_ID) return BUILTIN_SOURCE_ID;
    const id = basename(file);
    if (!sources.has(id)) sources.set(id, readSource(file));
    return id;
  };
  for (const f of args.sources) idOf(f);
  const pairs: SourcePair[] = [];
  for (const p of args.pairs) {
    const tId = idOf(p.translation);
    const oId = idOf(p.original);
    if (tId === oId) throw new Error(`--pair ${p.translation}=${p.original}: a source cannot translate itself`);
    const translation: Source = { ...sources.get(tId)!, kind: 'translation', translationOf: oId };
    const original: Source = { ...sources.get(oId)!, kind: 'original' };
    sources.set(tId, translation);
    sources.set(oId, original);
    const links = alignPair(translation, original, tId === BUILTIN_SOURCE_ID && gloss ? { gloss } : {});
    pairs.push({ translationId: tId, originalId: oId, links, updatedAt: Date.now() });
  }
  const entries: SourceEntry[] = [...sources.values()].map((source) =>
    source.id === BUILTIN_SOURCE_ID ? { source, transcript, gloss } : { source },
  );
  const matcher = createMultiMatcher(entries);
  const indexes = pairIndexes(pairs, sources.values());
  return { check: (text) => withCounterparts(matcher.check(text), indexes) };
}
