/**
 * What a matcher can store with its source so that a worker start builds nothing: the
 * normalised text and each paragraph's length in it, the positional bigram index, the rarity
 * tables, the word codes of a source matched word by word, and the search index. All typed
 * arrays and strings (IndexedDB keeps them as they are).
 *
 * A stored index is used only when it is whole, of this format, and built from this very
 * text by this very normaliser (`coreFingerprint` hashes the paragraphs, their layout, the
 * language, and what the normaliser and tokenizers make of a probe string): anything else is
 * rebuilt.
 */
import type { Transcript } from '../types';
import { isStoredBigrams, type StoredBigrams } from './bigram-index';
import { englishTerms } from './english';
import { normalize } from './normalize';
import { cjkTokens, type RankerData } from './rank';

/** Bump when the stored shape changes (changes of the normaliser are caught by the probe). */
export const MATCHER_INDEX_FORMAT = 1;

export interface StoredCounts {
  keys: Uint32Array;
  counts: Uint32Array;
}

export interface StoredCore {
  /** The corpus text (`corpus.ts`). */
  text: string;
  /** Normalised length of each paragraph. */
  lengths: Int32Array;
  bigrams: StoredBigrams;
  /** Paragraph frequency of each bigram and each unit (the rarity weights). */
  df2: StoredCounts;
  df1: StoredCounts;
  /** Word codes in the order they were given (sources matched word by word), else null. */
  vocabulary: string[] | null;
}

export interface MatcherIndexData {
  format: number;
  fingerprint: string;
  core: StoredCore;
  ranker: RankerData;
}

/** 32-bit FNV-1a twice over (two seeds), as text. */
export function hashTexts(feed: (add: (s: string) => void) => void): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x1b873593;
  let n = 0;
  feed((s) => {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
    }
    // a separator no text holds, so ['ab', 'c'] and ['a', 'bc'] differ
    h1 = Math.imul(h1 ^ 0xffff, 0x01000193);
    h2 = Math.imul(h2 ^ 0xffff, 0x5bd1e995);
    n++;
  });
  return `${n}:${(h1 >>> 0).toString(36)}:${(h2 >>> 0).toString(36)}`;
}

const PROBE = '責(zé)編：「我們」說，ＡＢＣ１２３ <b>Hello</b>, WORLD’s 10% — 麼幺苧 😀 (笑) they\'re running faster…';
let probe: string | null = null;

/** What this build's normaliser and tokenizers make of a probe: changes when they change. */
function normalizerProbe(): string {
  probe ??= [normalize(PROBE).text, cjkTokens(PROBE).join(' '), englishTerms(PROBE).join(' ')].join('|');
  return probe;
}

/** Identifies the text, layout and language a matcher index is built from, and the normaliser. */
export function coreFingerprint(transcript: Transcript, language: string, glossed: boolean): string {
  return hashTexts((add) => {
    add(`${MATCHER_INDEX_FORMAT}|${language}|${glossed ? 'g' : ''}|${normalizerProbe()}`);
    for (const p of transcript.paragraphs) {
      add(p.text);
      add(`${p.kind}|${p.turnId ?? ''}`);
    }
  });
}

function isCounts(x: unknown): x is StoredCounts {
  const d = x as Partial<StoredCounts> | null;
  return !!d && d.keys instanceof Uint32Array && d.counts instanceof Uint32Array && d.keys.length === d.counts.length;
}

/** Is `x` a whole stored index for a transcript of `paragraphs` paragraphs with this fingerprint? */
export function isMatcherIndexData(x: unknown, fingerprint: string, paragraphs: number): x is MatcherIndexData {
  if (!x || typeof x !== 'object') return false;
  const d = x as Partial<MatcherIndexData>;
  if (d.format !== MATCHER_INDEX_FORMAT || d.fingerprint !== fingerprint || !d.core || typeof d.core !== 'object') return false;
  const c = d.core;
  if (typeof c.text !== 'string' || !(c.lengths instanceof Int32Array) || c.lengths.length !== paragraphs) return false;
  let total = Math.max(0, paragraphs - 1); // at most one separator between paragraphs
  for (let i = 0; i < c.lengths.length; i++) {
    if (c.lengths[i] < 0) return false;
    total += c.lengths[i];
  }
  if (c.text.length > total) return false;
  if (!isCounts(c.df1) || !isCounts(c.df2)) return false;
  if (c.vocabulary !== null && !(Array.isArray(c.vocabulary) && c.vocabulary.every((w) => typeof w === 'string'))) return false;
  return isStoredBigrams(c.bigrams, c.text.length);
}
