/**
 * The cheap shared prefilter of the multi-source check. Each source gets a signature: the set
 * of its terms as a 1-Mbit Bloom filter (128 KiB, two hashes) — Chinese character bigrams and
 * stemmed English words (for ranking by shared words), and Chinese character trigrams and
 * English word trigrams (sequence terms: a verbatim quote has all of its sequence
 * terms in its source, an altered one a run of them). A query's terms are looked up in all signatures at once, weighted by
 * how few sources hold them, so only the few sources that can matter are asked by their full
 * matcher: the exact and near-exact passes need the quote's terms to be there, and ranking a
 * paraphrase is only worth it where its rarer words are.
 *
 * Signatures are plain data: store them with the source (IndexedDB keeps the Uint32Array as
 * is; `encodeSignature` gives a string for JSON), so a cold worker does not re-read 3 M
 * characters to know where to look.
 */
import { englishTerms } from '../match/english';
import { toSimplified } from '../match/normalize';
import { cjkTokens } from '../match/rank';

export const SIGNATURE_VERSION = 2;
const BITS_LOG2 = 20;
const BITS = 1 << BITS_LOG2;
const MASK = BITS - 1;

export interface SourceSignature {
  version: number;
  /** BITS bits. */
  bits: Uint32Array;
  /** Terms added (with repeats). */
  terms: number;
}

const HAN = /^[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]/;

/** Terms of a text as the prefilter sees them: Han bigrams (script and width folded) and English word stems. */
export function signatureTerms(text: string): string[] {
  const out: string[] = [];
  for (const t of cjkTokens(text)) if (HAN.test(t)) out.push(t);
  if (/[A-Za-z]/.test(text)) for (const w of englishTerms(text)) if (!/[\u3400-\u9FFF\uF900-\uFAFF]/.test(w)) out.push(`~${w}`);
  return out;
}

const LATIN_WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
const HAN_RUN = /[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]+/g;

/**
 * Sequence terms of a text, in reading order: trigrams of each Han run (script folded) and
 * runs of three Latin words (lower case; pairs such as "of the" are in every English source). Order matters: a run of consecutive ones present
 * in a source means a stretch of the quote is there word for word.
 */
export function sequenceTerms(text: string): string[] {
  const out: string[] = [];
  const folded = toSimplified(text.normalize('NFKC'));
  for (const m of folded.matchAll(HAN_RUN)) {
    const run = m[0];
    for (let i = 0; i + 2 < run.length; i++) out.push(run.slice(i, i + 3));
  }
  const words = folded.toLowerCase().replace(/[\u3400-\u9FFF\uF900-\uFAFF]+/g, ' ').match(LATIN_WORD) ?? [];
  for (let i = 0; i + 2 < words.length; i++) out.push(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  return out;
}

/** FNV-1a, then two bit positions from one 32-bit hash (double hashing). */
function positions(term: string): [number, number] {
  let h = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) {
    h ^= term.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  const a = h >>> 0;
  const b = (Math.imul(a ^ (a >>> 15), 0x2c1b3c6d) >>> 0) | 1;
  return [a & MASK, (a + b) & MASK];
}

export function buildSignature(texts: Iterable<string>): SourceSignature {
  const bits = new Uint32Array(BITS / 32);
  let added = 0;
  // setting a bit twice is harmless, so repeated terms need no set of their own
  const add = (t: string) => {
    added++;
    const [a, b] = positions(t);
    bits[a >>> 5] |= 1 << (a & 31);
    bits[b >>> 5] |= 1 << (b & 31);
  };
  for (const text of texts) {
    for (const t of signatureTerms(text)) add(t);
    for (const t of sequenceTerms(text)) add(t);
  }
  return { version: SIGNATURE_VERSION, bits, terms: added };
}

export function hasTerm(sig: SourceSignature, term: string): boolean {
  const [a, b] = positions(term);
  return (sig.bits[a >>> 5] & (1 << (a & 31))) !== 0 && (sig.bits[b >>> 5] & (1 << (b & 31))) !== 0;
}

export interface PrefilterScore {
  index: number;
  /** Rarity-weighted share of the query's words (bigrams, stems) the source holds (0…1). */
  weighted: number;
  /** Share of the query's sequence terms the source holds (0…1; 1 when the query has none). */
  contained: number;
  /** Longest run of consecutive sequence terms of the query that the source holds. */
  run: number;
}

/**
 * Score every signature against a query. Words held by every source weigh little; a word held
 * by none is left out (it cannot tell sources apart).
 */
export function scoreSignatures(query: string, sigs: SourceSignature[]): { scores: PrefilterScore[]; terms: number; sequence: number } {
  const terms = [...new Set(signatureTerms(query))];
  const seq = sequenceTerms(query);
  const n = sigs.length;
  const present: boolean[][] = terms.map((t) => sigs.map((s) => hasTerm(s, t)));
  const weights = present.map((row) => {
    const df = row.filter(Boolean).length;
    return df === 0 ? 0 : Math.log(1 + n / df);
  });
  const total = weights.reduce((a, b) => a + b, 0);
  const seqPositions = seq.map(positions);
  const scores = sigs.map((sig, i) => {
    let w = 0;
    present.forEach((row, k) => {
      if (row[i]) w += weights[k];
    });
    let held = 0;
    let run = 0;
    let best = 0;
    for (const [a, b] of seqPositions) {
      if ((sig.bits[a >>> 5] & (1 << (a & 31))) !== 0 && (sig.bits[b >>> 5] & (1 << (b & 31))) !== 0) {
        held++;
        best = Math.max(best, ++run);
      } else run = 0;
    }
    return { index: i, weighted: total > 0 ? w / total : 0, contained: seq.length > 0 ? held / seq.length : 1, run: best };
  });
  return { scores, terms: terms.length, sequence: seq.length };
}

// ------------------------------------------------------------------ persistence as text

export function encodeSignature(sig: SourceSignature): string {
  const bytes = new Uint8Array(sig.bits.buffer, sig.bits.byteOffset, sig.bits.byteLength);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `${sig.version}:${sig.terms}:${btoa(bin)}`;
}

/** The signature back from `encodeSignature`, or null when it is from another version or damaged. */
export function decodeSignature(text: string): SourceSignature | null {
  const m = /^(\d+):(\d+):([A-Za-z0-9+/=]+)$/.exec(text);
  if (!m || Number(m[1]) !== SIGNATURE_VERSION) return null;
  let bin: string;
  try {
    bin = atob(m[3]);
  } catch {
    return null;
  }
  if (bin.length !== BITS / 8) return null;
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return { version: SIGNATURE_VERSION, bits: new Uint32Array(bytes.buffer), terms: Number(m[2]) };
}

/** Is this a usable stored signature (IndexedDB hands back plain objects)? */
export function isSignature(x: unknown): x is SourceSignature {
  const s = x as SourceSignature;
  return !!s && s.version === SIGNATURE_VERSION && s.bits instanceof Uint32Array && s.bits.length === BITS / 32;
}
