/**
 * `npm run builtin-index`: prebuilds the built-in transcript's signature and matcher index into
 * public/builtin-index.bin (src/sources/builtin-index.ts), read by the worker at start instead of
 * building them. Run it after `npm run data` or a change to the matcher's indexes;
 * test/sources/builtin-index.test.ts fails while the file is not what this code builds.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Transcript } from '../src/types';
import { BUILTIN_INDEX_FILE, buildBuiltinIndex, encodeBuiltinIndex } from '../src/sources/builtin-index';

const root = fileURLToPath(new URL('..', import.meta.url));
const transcript = JSON.parse(readFileSync(resolve(root, 'data/transcript.json'), 'utf8')) as Transcript;
const gloss = (JSON.parse(readFileSync(resolve(root, 'data/gloss.en.json'), 'utf8')) as { gloss?: Record<string, string> }).gloss;
const t0 = performance.now();
const bytes = encodeBuiltinIndex(buildBuiltinIndex(transcript, gloss));
const ms = performance.now() - t0;
const out = resolve(root, BUILTIN_INDEX_FILE);
let previous: Buffer | null = null;
try {
  previous = readFileSync(out);
} catch {}
const same = previous !== null && Buffer.compare(previous, Buffer.from(bytes)) === 0;
if (!same) writeFileSync(out, bytes);
console.log(`${same ? 'unchanged' : 'wrote'} ${BUILTIN_INDEX_FILE}: ${(bytes.length / 1024).toFixed(1)} KiB, built in ${ms.toFixed(0)} ms`);
