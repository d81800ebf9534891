/**
 * The built-in transcript's prebuilt indexes (public/builtin-index.bin): the file is what this
 * code builds from data/ (run `npm run builtin-index` when this fails), a matcher made from it
 * answers as one that built everything, and a stale or damaged file is never used.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Transcript } from '../../src/types';
import { createMatcher } from '../../src/match/index';
import {
  BUILTIN_INDEX_FILE,
  buildBuiltinIndex,
  createBuiltinIndexLoader,
  encodeBuiltinIndex,
  readBuiltinIndex,
} from '../../src/sources/builtin-index';
import { signatureOf } from '../../src/sources/check-all';
import { builtinSource } from '../../src/sources/builtin';

const root = path.resolve(import.meta.dirname, '../..');
const transcript = JSON.parse(fs.readFileSync(path.join(root, 'data/transcript.json'), 'utf8')) as Transcript;
const gloss = (JSON.parse(fs.readFileSync(path.join(root, 'data/gloss.en.json'), 'utf8')) as { gloss: Record<string, string> }).gloss;
const fileBytes = fs.readFileSync(path.join(root, BUILTIN_INDEX_FILE));
const buffer = () => fileBytes.buffer.slice(fileBytes.byteOffset, fileBytes.byteOffset + fileBytes.byteLength) as ArrayBuffer;

describe('prebuilt built-in index', () => {
  it('is up to date: the checked-in file is byte for byte what this code builds (else run npm run builtin-index)', () => {
    const built = Buffer.from(encodeBuiltinIndex(buildBuiltinIndex(transcript, gloss)));
    expect(built.equals(fileBytes)).toBe(true);
  });

  it('gives a signature and matcher index that fit this text, and a matcher from it answers as a built one', () => {
    const parts = readBuiltinIndex(buffer(), transcript, gloss);
    expect(parts.signature).toBeDefined();
    expect(parts.index).toBeDefined();
    expect(parts.signature).toEqual(signatureOf({ source: builtinSource(transcript), transcript, gloss }));
    const fromFile = createMatcher(transcript, gloss, { storedIndex: () => parts.index });
    const built = createMatcher(transcript, gloss);
    // a paraphrase (related: the search index), a verbatim line, an English quote through the gloss, one not there
    const quotes = [
      transcript.paragraphs.find((p) => p.speaker === 'amodei' && p.text.length > 60)!.text.slice(10, 40),
      '他說這是他聽過最離譜的事情，完全不對',
      'the exponential keeps going and it is the one thing that is real',
      '今天的天氣非常好，我們一起去公園散步吧',
    ];
    for (const q of quotes) expect(fromFile.check(q)).toEqual(built.check(q));
    expect(fromFile.stats.indexFrom).toBe('stored');
    expect(fromFile.stats.rankerFrom).toBe('stored');
    expect(built.stats.rankerFrom).toBe('built');
  });

  it('is not used for another text or gloss (a changed transcript in a development build): built instead', () => {
    const changed: Transcript = { ...transcript, paragraphs: transcript.paragraphs.map((p, i) => (i === 5 ? { ...p, text: `${p.text}（補充）` } : p)) };
    expect(readBuiltinIndex(buffer(), changed, gloss)).toEqual({});
    const otherGloss = { ...gloss, p003: 'something else entirely' };
    const parts = readBuiltinIndex(buffer(), transcript, otherGloss);
    expect(parts.signature).toBeUndefined();
    // the text's index still fits (it holds no gloss); the search index, which does, is rebuilt by the matcher
    const glossed = createMatcher(transcript, otherGloss, { storedIndex: () => parts.index });
    glossed.check('the exponential keeps going and it is the one thing that is real');
    expect(glossed.stats.indexFrom).toBe('stored');
    expect(glossed.stats.rankerFrom).toBe('built');
    const m = createMatcher(changed, gloss, { storedIndex: () => readBuiltinIndex(buffer(), transcript, gloss).index });
    expect(m.stats.indexFrom).toBeUndefined();
  });

  it('a damaged, truncated or foreign file gives nothing, never a throw', () => {
    const bytes = new Uint8Array(buffer());
    expect(readBuiltinIndex(bytes.slice(0, 1000).buffer, transcript, gloss)).toEqual({});
    expect(readBuiltinIndex(new TextEncoder().encode('<html>404</html>').buffer, transcript, gloss)).toEqual({});
    // the shape is right but an array is cut short: the matcher index check refuses it
    const file = buildBuiltinIndex(transcript, gloss);
    const cut = { ...file, index: { ...file.index, core: { ...file.index.core, lengths: file.index.core.lengths.slice(1) } } };
    expect(readBuiltinIndex(encodeBuiltinIndex(cut).buffer as ArrayBuffer, transcript, gloss)).toEqual({ signature: file.signature });
    const wrongFormat = { ...file, format: 99 };
    expect(readBuiltinIndex(encodeBuiltinIndex(wrongFormat).buffer as ArrayBuffer, transcript, gloss)).toEqual({});
  });

  it('the loader reads once; a failed fetch gives nothing and is tried again', async () => {
    let calls = 0;
    let fail = true;
    const load = createBuiltinIndexLoader(
      async () => {
        calls++;
        if (fail) throw new Error('offline');
        return buffer();
      },
      transcript,
      gloss,
    );
    expect(load.current).toBeUndefined();
    expect(await load()).toEqual({});
    fail = false;
    const parts = await load();
    expect(parts.index).toBeDefined();
    expect(await load()).toBe(parts);
    expect(load.current).toBe(parts);
    expect(calls).toBe(2);
  });
});
