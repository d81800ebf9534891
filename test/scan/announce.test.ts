import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createT, type Messages } from '../../src/ext/i18n';
import type { CardModel } from '../../src/view/model';
import { currentQuoteAnnouncement, excerptOf } from '../../src/scan/announce';
import type { ScanRowModel } from '../../src/scan/report';

const t = (l: string) =>
  createT(JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, `../../public/_locales/${l}/messages.json`), 'utf8')) as Messages);

const row = (over: Partial<ScanRowModel>): ScanRowModel => ({
  index: 2,
  quote: 'The only real thing is the exponential.',
  pageSpeaker: { kind: 'amodei' },
  verdict: 'verbatim',
  transcriptSpeaker: 'host',
  misattributed: true,
  card: { verdict: 'verbatim' } as unknown as CardModel,
  occurrences: 1,
  ...over,
});

describe('current quote announcement', () => {
  it('says place, verdict, excerpt, page speaker and transcript speaker', () => {
    expect(currentQuoteAnnouncement(row({}), 9, t('en'))).toBe(
      'Quote 3 of 9, Verbatim: “The only real thing is the exponential.”. Page: Amodei. Transcript: Host Alex Kantrowitz.',
    );
  });

  it('in Simplified and Traditional Chinese', () => {
    expect(currentQuoteAnnouncement(row({ verdict: 'not-found', transcriptSpeaker: null }), 4, t('zh_CN'))).toMatch(/^第 3 条引语（共 4 条），.+：“The only real thing is the exponential\.”。页面：.+。文字稿：—。$/);
    expect(currentQuoteAnnouncement(row({}), 4, t('zh_TW'))).toMatch(/^第 3 則引語（共 4 則），.+：「The only real thing/);
  });

  it('an invalid quote is announced with the reason, a long quote as an excerpt', () => {
    const long = 'word '.repeat(60);
    const s = currentQuoteAnnouncement(row({ verdict: 'invalid', quote: long, card: { verdict: 'invalid', error: 'Too short' } as unknown as CardModel }), 3, t('en'));
    expect(s).toContain('Quote 3 of 3, Too short: “');
    expect(excerptOf(long)).toHaveLength(80);
    expect(excerptOf(long).endsWith('…')).toBe(true);
    expect(excerptOf('  a\n b  ')).toBe('a b');
  });
});
