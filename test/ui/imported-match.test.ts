import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CheckResult, Match, Transcript } from '../../src/types';
import { buildCitation } from '../../src/ext/citation';
import { createT, type Messages } from '../../src/ext/i18n';
import { buildScriptTables, toCardModel, transcriptPath } from '../../src/view/model';

const root = path.resolve(import.meta.dirname, '../..');
const transcript = JSON.parse(fs.readFileSync(path.join(root, 'data/transcript.json'), 'utf8')) as Transcript;
const tables = buildScriptTables(transcript);
const t = (lang: string) => createT(JSON.parse(fs.readFileSync(path.join(root, `public/_locales/${lang}/messages.json`), 'utf8')) as Messages);

// p030 exists in the built-in transcript too: an imported match must not borrow its text.
const imported: Match = {
  speaker: 'main',
  sectionId: 's0',
  sectionTitle: '',
  paragraphId: 'p030',
  passage: 'The curve has bumps in it, but I have not seen it bend.',
  start: 0,
  end: 24,
  score: 1,
  via: 'text',
  repaired: false,
  differences: [],
  source: { id: 'src-1', title: 'The Long Horizon 212', language: 'en', kind: 'original', date: '2025-03-14' },
  speakerName: 'Dario Amodei',
  time: 2467,
};
const result: CheckResult = { query: 'The curve has bumps in it', verdict: 'verbatim', matches: [imported] };

describe('a match of a reader\'s source on the card', () => {
  it('keeps its own passage, source, speaker name and time, and links the recording at that second', () => {
    const sources = new Map([['src-1', { recordingUrl: 'https://www.youtube.com/watch?v=abc', url: 'https://example.com/ep212' }]]);
    const m = toCardModel(result, { transcript, tables, setting: 'simplified', sources }).matches[0];
    expect(m.passage).toBe(imported.passage);
    expect(m.restored).toBeUndefined();
    expect(m).toMatchObject({ source: imported.source, speakerName: 'Dario Amodei', time: 2467, hearUrl: 'https://www.youtube.com/watch?v=abc&t=2467s', sourceUrl: 'https://example.com/ep212' });
  });

  it('never links a recording or page that is not http(s)', () => {
    const sources = new Map([['src-1', { recordingUrl: 'javascript:alert(1)', url: 'javascript:alert(2)' }]]);
    const m = toCardModel(result, { transcript, tables, setting: 'as-selected', sources }).matches[0];
    expect(m.hearUrl).toBeUndefined();
    expect(m.sourceUrl).toBeUndefined();
  });

  it('no time, no hear-it link; a media URL gets #t=', () => {
    const noTime = { ...result, matches: [{ ...imported, time: undefined }] };
    expect(toCardModel(noTime, { transcript, tables, setting: 'as-selected', sources: new Map([['src-1', { recordingUrl: 'https://x.example/a.mp3' }]]) }).matches[0].hearUrl).toBeUndefined();
    expect(toCardModel(result, { transcript, tables, setting: 'as-selected', sources: new Map([['src-1', { recordingUrl: 'https://x.example/a.mp3' }]]) }).matches[0].hearUrl).toBe('https://x.example/a.mp3#t=2467');
  });

  it('the citation names the source, the speaker as written, the time and the recording', () => {
    const m = toCardModel(result, { transcript, tables, setting: 'as-selected', sources: new Map([['src-1', { recordingUrl: 'https://www.youtube.com/watch?v=abc', url: 'https://example.com/ep212' }]]) }).matches[0];
    expect(buildCitation(m, t('en'), 'unused').split('\n')).toEqual([
      '“The curve has bumps in it, but I have not seen it bend.”',
      '— Dario Amodei, at 41:07',
      'Source: The Long Horizon 212 (2025-03-14), https://example.com/ep212',
      'Recording: https://www.youtube.com/watch?v=abc&t=2467s',
    ]);
    expect(buildCitation(m, t('zh_TW'), 'unused')).toContain('— Dario Amodei, 位於 41:07');
  });

  it('the built-in citation is unchanged when the match names the built-in source', () => {
    const builtin = { ...imported, source: { id: 'builtin', title: 'x', language: 'zh-Hant', kind: 'translation' as const }, speaker: 'amodei' as const };
    expect(buildCitation({ ...builtin }, t('en'), 'https://v')).toContain('Original video: https://v');
  });

  it('the transcript page link names an imported source, not the built-in one', () => {
    expect(transcriptPath('s0', 'p004', { start: 1, end: 5 }, 'src-1')).toBe('/transcript.html?source=src-1&span=1-5#s0/p004');
    expect(transcriptPath('s3', 'p047', undefined, 'builtin')).toBe('/transcript.html#s3/p047');
  });
});
