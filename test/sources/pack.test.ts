import { describe, expect, it } from 'vitest';
import { exportPack, validatePack, PACK_VERSION, MAX_PACK_CHARS } from '../../src/sources/pack';
import { builtinSource } from '../../src/sources/builtin';
import type { Source, SourcePair } from '../../src/sources/model';
import { builtinTranscript, sourceOf } from './fixtures';

const en = sourceOf('interview-en.vtt', 'en-vtt');
const zh = { ...sourceOf('interview-zh-big5.txt', 'zh-big5'), kind: 'translation' as const, translationOf: 'en-vtt', date: '2025-06-01' };
const pair: SourcePair = {
  translationId: 'zh-big5',
  originalId: 'en-vtt',
  links: [{ translation: ['p003'], original: ['p001'], corrected: true, sentences: [{ translation: ['p003', 0, 5], original: ['p001', 0, 10] }] }],
  updatedAt: 1,
};

function broken(mutate: (pack: { sources: Record<string, unknown>[]; pairs: Record<string, unknown>[]; [k: string]: unknown }) => void): string {
  const pack = JSON.parse(JSON.stringify(exportPack([en, zh], [pair])));
  mutate(pack);
  return JSON.stringify(pack);
}

function rejected(input: unknown): string {
  const r = validatePack(input);
  expect(r.ok).toBe(false);
  const error = (r as { error: string }).error;
  expect(error).toMatch(/^[A-Z][^\n]*\.$/);
  return error;
}

describe('source packs', () => {
  it('round-trips sources and pairs through JSON, leaving the built-in source out', () => {
    const pack = exportPack([builtinSource(builtinTranscript()), en, zh], [pair], new Date('2026-01-02T03:04:05Z'));
    expect(pack).toMatchObject({ format: 'verbatim-source-pack', version: PACK_VERSION, exportedAt: '2026-01-02T03:04:05.000Z' });
    expect(pack.sources.map((s) => s.id)).toEqual(['en-vtt', 'zh-big5']);
    const back = validatePack(JSON.stringify(pack));
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.pack.sources).toEqual([en, zh]);
    expect(back.pack.pairs).toEqual([pair]);
    // parsed JSON is accepted as well as text
    expect(validatePack(JSON.parse(JSON.stringify(pack))).ok).toBe(true);
  });

  it('drops pairs whose sources are not exported', () => {
    expect(exportPack([en], [pair]).pairs).toEqual([]);
  });

  it('rejects what is not a pack', () => {
    expect(rejected('not json {')).toMatch(/not JSON/);
    expect(rejected('[1,2]')).toMatch(/not a Verbatim source pack/);
    expect(rejected(JSON.stringify({ format: 'something-else', version: 1, sources: [], pairs: [] }))).toMatch(/not a Verbatim source pack/);
    expect(rejected(null)).toMatch(/not a Verbatim source pack/);
  });

  it('rejects a pack from a newer version, or a source saved by a newer Verbatim', () => {
    expect(rejected(broken((p) => (p.version = PACK_VERSION + 1)))).toMatch(/newer version of Verbatim/);
    expect(rejected(broken((p) => (p.version = 'one')))).toMatch(/no valid version/);
    expect(rejected(broken((p) => (p.sources[0].schemaVersion = 99)))).toMatch(/newer Verbatim \(schema 99\)/);
  });

  it('rejects a pack that is too big without parsing it', () => {
    expect(rejected(' '.repeat(MAX_PACK_CHARS + 1))).toMatch(/too big/);
  });

  it('rejects every kind of damaged source, naming it', () => {
    const cases: Array<[(p: { sources: Record<string, any>[]; pairs: Record<string, any>[] }) => void, RegExp]> = [
      [(p) => (p.sources = 'x' as never), /lacks its list/],
      [(p) => (p.sources[0] = 7 as never), /number 1.*not an object/],
      [(p) => delete p.sources[0].id, /has no id/],
      [(p) => (p.sources[0].id = 'builtin'), /built-in source/],
      [(p) => (p.sources[1].id = p.sources[0].id), /appears twice/],
      [(p) => (p.sources[0].language = 'english please'), /language tag/],
      [(p) => (p.sources[0].kind = 'rumour'), /kind/],
      [(p) => (p.sources[0].format = 'pdf'), /format is unknown/],
      [(p) => (p.sources[1].date = 'June'), /date/],
      [(p) => (p.sources[0].url = 5), /url is not text/],
      [(p) => delete p.sources[0].enabled, /enabled/],
      [(p) => (p.sources[0].paragraphs = []), /no paragraphs/],
      [(p) => delete p.sources[0].speakers, /lacks speakers/],
      [(p) => (p.sources[0].speakers[0].main = true), /more than one main/],
      [(p) => p.sources[0].speakers.push({ ...p.sources[0].speakers[0], main: false }), /speaker sp1 appears twice/],
      [(p) => (p.sources[0].paragraphs[0].text = null), /paragraphs is malformed/],
      [(p) => (p.sources[0].paragraphs[1].id = 'p001'), /p001 appears twice/],
      [(p) => (p.sources[0].paragraphs[0].kind = 'poem'), /unknown kind/],
      [(p) => (p.sources[0].paragraphs[0].sectionId = 's9'), /section that does not exist/],
      [(p) => (p.sources[0].paragraphs[0].speakerId = 'sp9'), /speaker that does not exist/],
      [(p) => (p.sources[0].paragraphs[0].time = -1), /malformed time/],
      [(p) => p.sources[0].sections[0].paragraphIds.push('p999'), /paragraph that does not exist/],
      [(p) => (p.pairs[0].links = [{ translation: 'p1' }]), /pair .* is damaged/],
      [(p) => (p.pairs[0].originalId = 'gone'), /links a source the pack does not hold/],
    ];
    for (const [mutate, expected] of cases) {
      const r = validatePack(broken(mutate as never));
      expect(r.ok, String(expected)).toBe(false);
      expect((r as { error: string }).error, String(expected)).toMatch(expected);
    }
  });

  it('names the damaged source by its title', () => {
    expect(rejected(broken((p) => (p.sources[1].kind = 'x')))).toMatch(/^Source “長遠視野/);
  });

  it('accepts a pair with the built-in source as the original', () => {
    const p: SourcePair = { ...pair, originalId: 'builtin', translationId: 'en-vtt' };
    expect(validatePack(JSON.stringify(exportPack([en] as Source[], [p]))).ok).toBe(true);
  });
});
