/** Reading the fixture sources in tests (the files a reader would open). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { draftToSource, parseSource, type Source } from '../../src/sources/index';
import type { SourceDraft } from '../../src/sources/draft';
import type { Transcript } from '../../src/types';

const DIR = fileURLToPath(new URL('../fixtures/sources/', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(DIR + name));
}

export function fixtureText(name: string): string {
  return readFileSync(DIR + name, 'utf8');
}

export function draftOf(name: string): SourceDraft {
  const r = parseSource({ name, bytes: fixtureBytes(name) });
  if (!r.ok) throw new Error(`${name}: ${r.error}`);
  return r.draft;
}

export function sourceOf(name: string, id: string): Source {
  return draftToSource(draftOf(name), id, 1_700_000_000_000);
}

export function builtinTranscript(): Transcript {
  return JSON.parse(readFileSync(`${ROOT}data/transcript.json`, 'utf8')) as Transcript;
}

export function builtinGloss(): Record<string, string> {
  return (JSON.parse(readFileSync(`${ROOT}data/gloss.en.json`, 'utf8')) as { gloss: Record<string, string> }).gloss;
}
