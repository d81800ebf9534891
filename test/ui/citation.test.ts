import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCitation } from '../../src/ext/citation';
import { createT, type Messages } from '../../src/ext/i18n';
import { excerpt } from '../../src/ui/excerpt';

const load = (lang: string) =>
  createT(JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, `../../public/_locales/${lang}/messages.json`), 'utf8')) as Messages);

const m = {
  speaker: 'host' as const,
  sectionId: 's1',
  paragraphId: 'p012',
  sectionTitle: '我說的越多,只是因為我們離懸崖越近',
  passage: '你曾說 AI 可能會讓一半的入門級白領工作消失;',
  start: 4,
  end: 23,
  score: 1,
  via: 'text' as const,
  repaired: false,
  differences: [],
};

describe('buildCitation', () => {
  it('has the passage, the speaker, the section and the source with the video', () => {
    const c = buildCitation(m, load('en'), 'https://www.youtube.com/watch?v=mYDSSRS-B5U');
    expect(c.split('\n')).toEqual([
      '“你曾說 AI 可能會讓一半的入門級白領工作消失;”',
      '— Host Alex Kantrowitz, 我說的越多,只是因為我們離懸崖越近',
      "CSDN Chinese translation (edited) of Alex Kantrowitz's Big Technology podcast interview with Dario Amodei.",
      'Original video: https://www.youtube.com/watch?v=mYDSSRS-B5U',
    ]);
  });

  it('names the translation once, in every language', () => {
    for (const [lang, mark] of [['en', 'CSDN Chinese translation'], ['zh_CN', '中文译文'], ['zh_TW', '中文譯文']] as const) {
      const c = buildCitation(m, load(lang), 'v');
      expect(c.split(mark).length - 1, lang).toBe(1);
      expect(c, lang).not.toContain(load(lang)('sourceLine'));
    }
  });

  it('follows the interface language', () => {
    expect(buildCitation(m, load('zh_CN'), 'v')).toContain('— 主持人 Alex Kantrowitz');
  });
});

describe('excerpt', () => {
  it('keeps short passages whole and cuts long ones around the span', () => {
    expect(excerpt('abcdef', 2, 4)).toEqual({ before: 'ab', mark: 'cd', after: 'ef', cutBefore: false, cutAfter: false });
    const e = excerpt('x'.repeat(500) + 'MARK' + 'y'.repeat(500), 500, 504, 50);
    expect(e.mark).toBe('MARK');
    expect(e.before).toHaveLength(50);
    expect(e.after).toHaveLength(50);
    expect(e.cutBefore && e.cutAfter).toBe(true);
  });

  it('never splits a surrogate pair', () => {
    const e = excerpt('😀'.repeat(100) + 'MARK', 200, 204, 51);
    expect(e.before.charCodeAt(0) >= 0xd800 && e.before.charCodeAt(0) <= 0xdbff).toBe(true);
  });
});
