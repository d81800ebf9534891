/** The built-in transcript, its gloss, a matcher over them and the interface strings, as UI tests use them. */
import fs from 'node:fs';
import path from 'node:path';
import type { Messages } from '../../src/ext/i18n';
import { createMatcher } from '../../src/match/index';
import type { Transcript } from '../../src/types';
import { buildScriptTables } from '../../src/view/model';

const read = (rel: string) => JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../..', rel), 'utf8'));

export const locale = (lang: string): Messages => read(`public/_locales/${lang}/messages.json`) as Messages;
export const en = locale('en');
export const transcript = read('data/transcript.json') as Transcript;
export const gloss = read('data/gloss.en.json').gloss as Record<string, string>;
let built: ReturnType<typeof createMatcher> | undefined;
/** A matcher over the built-in transcript and gloss, made on first use (most UI tests need none). */
export const builtinMatcher = () => (built ??= createMatcher(transcript, gloss));
export const tables = buildScriptTables(transcript);
