/**
 * The cheap shared prefilter of the multi-source check. Each source gets a signature: the set
 * of its terms (Chinese character bigrams, stemmed English words) as a 256-kbit Bloom filter
 * (32 KiB, two hashes). A query's terms are looked up in all signatures at once, weighted by
 * how few sources hold them, so only the few sources that can matter are asked by their full
 * matcher: the exact and near-exact passes need the quote's terms to be there, and ranking a
 * paraphrase is only worth it where its rarer words are.
 *
 * Signatures are plain data: store them with the source (IndexedDB keeps the Uint32Array as
 * is; `encodeSignature` gives a string for JSON), so a cold worker does not re-read 3 M
 * characters to know where to look.
 */
import { englishTerms } from '../match/english';
import { cjkTokens } from '../match/rank';

export const SIGNATURE_VERSION = 1;
const BITS_LOG2 = 18;
const BITS = 1 << BITS_LOG2;
const MASK = BITS - 1;

export interface SourceSignature {
  version: number;
  /** BITS bits. */
  bits: Uint32Array;
  /** Distinct terms added. */
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
  const seen = new Set<string>();
  for (const text of texts) {
    for (const t of signatureTerms(text)) {
      if (seen.has(t)) continue;
      seen.add(t);
      for (const p of positions(t)) bits[p >>> 5] |= 1 << (p & 31);
    }
  }
  return { version: SIGNATURE_VERSION, bits, terms: seen.size };
}

export function hasTerm(sig: SourceSignature, term: string): boolean {
  const [a, b] = positions(term);
  return (sig.bits[a >>> 5] & (1 << (a & 31))) !== 0 && (sig.bits[b >>> 5] & (1 << (b & 31))) !== 0;
}

export interface PrefilterScore {
  index: number;
  /** Rarity-weighted share of the query's terms the source holds (0…1). */
  weighted: number;
  /** Plain share of the query's distinct terms the source holds (0…1). */
  contained: number;
}

/**
 * Score every signature against a query. Terms held by every source weigh little; a term held
 * by none is left out (it cannot tell sources apart).
 */
export function scoreSignatures(query: string, sigs: SourceSignature[]): { scores: PrefilterScore[]; terms: number } {
  const terms = [...new Set(signatureTerms(query))];
  const n = sigs.length;
  const present: boolean[][] = terms.map((t) => sigs.map((s) => hasTerm(s, t)));
  const weights = present.map((row) => {
    const df = row.filter(Boolean).length;
    return df === 0 ? 0 : Math.log(1 + n / df);
  });
  const total = weights.reduce((a, b) => a + b, 0);
  const scores = sigs.map((_, i) => {
    let w = 0;
    let c = 0;
    present.forEach((row, k) => {
      if (row[i]) {
        w += weights[k];
        c++;
      }
    });
    return { index: i, weighted: total > 0 ? w / total : 0, contained: terms.length > 0 ? c / terms.length : 0 };
  });
  return { scores, terms: terms.length };
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
