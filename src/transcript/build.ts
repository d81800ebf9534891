/** Node-side build of the structured transcript; shared by `npm run data` and the freshness test. */
import { readFileSync } from 'node:fs';
import * as OpenCC from 'opencc-js';
import { parseTranscript } from './parse';
import type { Repair } from './repairs';

export const SOURCE_FILE = 'data/000_2ac103476c704f80.txt';
export const REPAIRS_FILE = 'data/repairs.json';

/** Traditional (Taiwan standard, character level) → Simplified; `twp` would rewrite vocabulary. */
export const toSimplified: (text: string) => string = OpenCC.Converter({ from: 'tw', to: 'cn' });

export function loadRepairs(root: string): Repair[] {
  return JSON.parse(readFileSync(`${root}${REPAIRS_FILE}`, 'utf8')).repairs;
}

export function buildTranscriptJson(root: string) {
  const source = readFileSync(`${root}${SOURCE_FILE}`, 'utf8');
  const { transcript, stats } = parseTranscript(source, loadRepairs(root), { toSimplified, sourceFile: SOURCE_FILE });
  return { transcript, stats, json: JSON.stringify(transcript, null, 1) + '\n' };
}
