/**
 * The worker's start (issue 20): the built-in transcript's indexes come from the prebuilt file,
 * and the warm-up readies what the first check needs without changing any answer — whether the
 * check comes after it, during it, or after a write made what it loaded stale.
 */
import 'fake-indexeddb/auto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Transcript } from '../../src/types';
import { createMatcher } from '../../src/match/index';
import { createService } from '../../src/ext/service';
import { createSourcesService } from '../../src/ext/sources-service';
import { createTimings } from '../../src/ext/startup-timings';
import { draftToSource } from '../../src/ext/sources-page';
import { parseSource } from '../../src/sources/parse';
import { BUILTIN_INDEX_FILE, createBuiltinIndexLoader } from '../../src/sources/builtin-index';
import { SourcesStore } from '../../src/store/sources-store';
import { sampleSource } from './fixtures';

const root = path.resolve(import.meta.dirname, '../..');
const transcript = JSON.parse(fs.readFileSync(path.join(root, 'data/transcript.json'), 'utf8')) as Transcript;
const gloss = (JSON.parse(fs.readFileSync(path.join(root, 'data/gloss.en.json'), 'utf8')) as { gloss: Record<string, string> }).gloss;
const file = fs.readFileSync(path.join(root, BUILTIN_INDEX_FILE));
const fileBuffer = () => file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer;

/** A paraphrase of the built-in transcript (related), one of the English fixture (related), a line of it (verbatim). */
const QUOTES = ['他说这是他听过最离谱的事情', 'He said the curve has some bumps but it has not bent the way critics keep predicting', 'The curve has bumps in it, but I have not seen it bend the way people predict.'];

function fixtureSource(id: string, file = 'interview-en.txt') {
  const r = parseSource({ name: file, bytes: new Uint8Array(fs.readFileSync(path.join(root, 'test/fixtures/sources', file))) });
  if (!r.ok) throw new Error(r.error);
  return draftToSource({ ...r.draft, title: `Source ${id}` }, id, 1);
}

const opened: SourcesStore[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
  vi.restoreAllMocks();
});

/** A worker as background.ts makes it (the prebuilt file read through a loader), on the database `name`. */
function startWorker(name: string, opts: { prebuilt?: boolean } = {}) {
  const store = new SourcesStore(name);
  opened.push(store);
  const builtinIndex = createBuiltinIndexLoader(async () => (opts.prebuilt === false ? Promise.reject(new Error('no file')) : fileBuffer()), transcript, gloss);
  const builtin = createService(transcript, gloss, (t, g) => createMatcher(t, g, { storedIndex: () => builtinIndex.current?.index }));
  const timings = createTimings();
  const service = createSourcesService({ store, builtin, transcript, gloss, builtinIndex, timings });
  return { store, builtin, service, timings };
}

async function withSources(name: string) {
  const w = startWorker(name);
  for (const [id, f] of [['en-1', 'interview-en.txt'], ['zh-1', 'interview-zh.txt']]) {
    expect(await w.service.handle({ type: 'verbatim:sources:save', source: fixtureSource(id, f) })).toMatchObject({ ok: true });
  }
}

describe('worker start', () => {
  it('the first check after a start builds no index of the built-in transcript: signature and matcher index come from the prebuilt file', async () => {
    const name = `warm-${Math.random()}`;
    await withSources(name);
    const w = startWorker(name);
    const stored = vi.spyOn(w.store, 'putIndex');
    const { card } = await w.service.check(QUOTES[0], 'as-selected');
    expect(card.verdict).toBe('related');
    const first = w.timings.snapshot().first!;
    expect(first.from.builtin).toBe('stored/stored');
    // a signature the worker had to build would be stored for the next start
    expect(stored).not.toHaveBeenCalled();
    // the same answer as a worker without the file (everything built, the signature stored)
    const bare = startWorker(name, { prebuilt: false });
    const storedBare = vi.spyOn(bare.store, 'putIndex');
    expect((await bare.service.check(QUOTES[0], 'as-selected')).card).toEqual(card);
    expect(bare.timings.snapshot().first!.from.builtin).toBe('built/built');
    expect(storedBare).toHaveBeenCalledWith(expect.objectContaining({ sourceId: 'builtin' }));
  });

  it('after the warm-up the first check builds no matcher, and every answer is the one a cold worker gives', async () => {
    const name = `warm-${Math.random()}`;
    await withSources(name);
    const warm = startWorker(name);
    await warm.service.warmUp();
    const snap = warm.timings.snapshot();
    expect(snap.worker.warmupDone).toBeGreaterThanOrEqual(snap.worker.warmupStart!);
    expect(Object.keys(snap.workerMs)).toEqual(expect.arrayContaining(['warmup:load', 'warmup:builtin', 'warmup:en-1', 'warmup:zh-1']));
    const cold = startWorker(name);
    for (const q of QUOTES) {
      const a = await warm.service.check(q, 'as-selected');
      expect(a.timing.buildMs).toBe(0);
      expect(a.card).toEqual((await cold.service.check(q, 'as-selected')).card);
    }
  });

  it('a check that arrives during the warm-up is answered as without one', async () => {
    const name = `warm-${Math.random()}`;
    await withSources(name);
    const w = startWorker(name);
    const warming = w.service.warmUp();
    const answer = await w.service.check(QUOTES[1], 'as-selected');
    await warming;
    const cold = startWorker(name);
    expect(answer.card).toEqual((await cold.service.check(QUOTES[1], 'as-selected')).card);
  });

  it('a write during the warm-up: the warm-up stops, the next check reads the store again', async () => {
    const name = `warm-${Math.random()}`;
    await withSources(name);
    const w = startWorker(name);
    const warming = w.service.warmUp();
    expect(await w.service.handle({ type: 'verbatim:sources:save', source: sampleSource('late', { paragraphs: [{ id: 'p001', sectionId: 's0', kind: 'turn', speakerId: 'sp2', turnId: 't1', text: 'A sentence only the late source holds about lighthouses and tides.' }], sections: [{ id: 's0', title: '', paragraphIds: ['p001'] }] }) })).toMatchObject({ ok: true });
    await warming;
    const r = await w.service.check('A sentence only the late source holds about lighthouses and tides.', 'as-selected');
    expect(r.card.verdict).toBe('verbatim');
    expect(r.card.matches[0].source?.id).toBe('late');
  });

  it('with no imported source the warm-up builds the built-in matcher (the check then builds nothing)', async () => {
    const w = startWorker(`warm-${Math.random()}`);
    expect(w.builtin.warm).toBe(false);
    await w.service.warmUp();
    expect(w.builtin.warm).toBe(true);
    const r = await w.service.check(QUOTES[0], 'as-selected');
    // the worker's first check is still called cold (it started for it), but it built nothing
    expect(r.timing.cold).toBe(true);
    expect(r.timing.buildMs).toBe(0);
    expect((await w.service.check(QUOTES[0], 'as-selected')).timing.cold).toBe(false);
    expect(r.card.verdict).toBe('related');
  });
});
