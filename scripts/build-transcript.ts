/** npm run data: builds data/transcript.json from the source as received and the recorded repairs. */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildTranscriptJson } from '../src/transcript/build';

const root = fileURLToPath(new URL('..', import.meta.url));
const { json, stats, transcript } = buildTranscriptJson(root);
const out = `${root}data/transcript.json`;
let previous = '';
try {
  previous = readFileSync(out, 'utf8');
} catch {}
if (previous !== json) writeFileSync(out, json);
const turns = new Set(transcript.paragraphs.map((p) => p.turnId).filter(Boolean)).size;
console.log(
  `${previous === json ? 'unchanged' : 'wrote'} data/transcript.json: ${transcript.sections.length - 1} sections, ` +
    `${transcript.paragraphs.length} paragraphs, ${turns} turns, ${transcript.repairs.length} repairs, ` +
    `${stats.pinyinRemoved} pinyin annotations and ${stats.htmlRemoved} HTML fragments removed`,
);
