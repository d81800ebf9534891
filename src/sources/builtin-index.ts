/**
 * The built-in transcript's indexes, prebuilt (`npm run builtin-index` writes
 * public/builtin-index.bin, a test keeps it equal to what this code builds): its prefilter
 * signature and its whole matcher index (normalised text, positional index, rarity tables,
 * search index). A worker start reads the file (one fetch of an extension file, ~0.4 MB) instead
 * of building them at the first check (about 150 ms of a cold worker's CPU measured in the
 * browser, before any answer).
 *
 * Each part is used only when it was built from this text by this code: the signature carries a
 * key of its format, the signature terms of a probe and the texts; the matcher index carries the
 * matcher's own fingerprint (stored-index.ts). A stale or damaged file costs the build, never a
 * wrong answer.
 */
import type { Transcript } from '../types';
import { buildMatcherIndex, type MatcherIndexData } from '../match/index';
import { coreFingerprint, hashTexts, isMatcherIndexData } from '../match/stored-index';
import { decodePack, encodePack } from './binary-pack';
import { builtinSource } from './builtin';
import { signatureOf } from './check-all';
import { SIGNATURE_VERSION, isSignature, sequenceTerms, signatureTerms, type SourceSignature } from './signature';

/** Where the build puts it (repository path) and where the worker fetches it (extension path). */
export const BUILTIN_INDEX_FILE = 'public/builtin-index.bin';
export const BUILTIN_INDEX_URL = '/builtin-index.bin';
/** Bump when the file's shape changes. */
export const BUILTIN_INDEX_FORMAT = 1;
/** The built-in transcript's language (as builtinSource and the matcher's default say). */
const LANGUAGE = 'zh-Hant';

export interface BuiltinIndexFile {
  format: number;
  /** `builtinSignatureKey` of what the signature was built from. */
  signatureKey: string;
  signature: SourceSignature;
  index: MatcherIndexData;
}

/** The parts of a prebuilt file that fit this text and this code (absent: build it). */
export interface BuiltinIndexParts {
  signature?: SourceSignature;
  index?: MatcherIndexData;
}

type Gloss = Record<string, string> | undefined;

const PROBE = '「我們說」的，ＡＢＣ１２３ running faster… 麼幺 they\'re 10%';

/** Identifies the signature's format, what its term extraction makes of a probe, and the texts it is built from. */
export function builtinSignatureKey(transcript: Transcript, gloss: Gloss): string {
  return hashTexts((add) => {
    add(`${SIGNATURE_VERSION}|${signatureTerms(PROBE).join(' ')}|${sequenceTerms(PROBE).join(' ')}`);
    for (const p of transcript.paragraphs) add(p.text);
    if (gloss) for (const g of Object.values(gloss)) add(g);
  });
}

export function buildBuiltinIndex(transcript: Transcript, gloss: Gloss): BuiltinIndexFile {
  return {
    format: BUILTIN_INDEX_FORMAT,
    signatureKey: builtinSignatureKey(transcript, gloss),
    signature: signatureOf({ source: builtinSource(transcript), transcript, ...(gloss ? { gloss } : {}) }),
    index: buildMatcherIndex(transcript, gloss, { language: LANGUAGE }),
  };
}

export function encodeBuiltinIndex(file: BuiltinIndexFile): Uint8Array {
  return encodePack(file);
}

/** The usable parts of a prebuilt file's bytes; nothing (never a throw) for a damaged or foreign file. */
export function readBuiltinIndex(buffer: ArrayBuffer, transcript: Transcript, gloss: Gloss): BuiltinIndexParts {
  let file: Partial<BuiltinIndexFile>;
  try {
    file = decodePack(buffer) as Partial<BuiltinIndexFile>;
  } catch {
    return {};
  }
  if (!file || typeof file !== 'object' || file.format !== BUILTIN_INDEX_FORMAT) return {};
  const out: BuiltinIndexParts = {};
  if (isSignature(file.signature) && file.signatureKey === builtinSignatureKey(transcript, gloss)) out.signature = file.signature;
  const glossed = !!gloss && Object.keys(gloss).length > 0;
  if (isMatcherIndexData(file.index, coreFingerprint(transcript, LANGUAGE, glossed), transcript.paragraphs.length)) out.index = file.index;
  return out;
}

export interface BuiltinIndexLoader {
  /** The file's usable parts, read once (a failed read: `{}`, tried again on the next call). */
  (): Promise<BuiltinIndexParts>;
  /** What the last finished read gave (undefined until one finished). */
  readonly current: BuiltinIndexParts | undefined;
}

export function createBuiltinIndexLoader(fetchBytes: () => Promise<ArrayBuffer>, transcript: Transcript, gloss: Gloss): BuiltinIndexLoader {
  let pending: Promise<BuiltinIndexParts> | null = null;
  let current: BuiltinIndexParts | undefined;
  const load = (() => {
    pending ??= fetchBytes().then(
      (bytes) => (current = readBuiltinIndex(bytes, transcript, gloss)),
      () => {
        pending = null;
        return (current = {});
      },
    );
    return pending;
  }) as BuiltinIndexLoader;
  Object.defineProperty(load, 'current', { get: () => current });
  return load;
}
