import { describe, expect, it } from 'vitest';
import { buildRows, countRows, isMisattributed, markdownReport, mismatchSentence, pageSaysLabel, sourceLinkOf } from '../../src/scan/report';
import type { CardModel } from '../../src/view/model';
import { createT } from '../../src/ext/i18n';
import en from '../../public/_locales/en/messages.json';

const t = createT(en as never);
const card = (verdict: CardModel['verdict'], speaker?: 'amodei' | 'host' | 'editor'): CardModel => ({
  query: 'q',
  verdict,
  script: 'simplified',
  videoUrl: 'https://example.invalid/v',
  sourceUrl: 'https://www.youtube.com/watch?v=mYDSSRS-B5U',
  matches: speaker
    ? [{ speaker, sectionId: 's2', sectionTitle: 'S', paragraphId: 'p012', passage: 'x', start: 0, end: 1, score: 1, via: 'text', repaired: false, differences: [] }]
    : [],
});

describe('scan report', () => {
  it('misattribution: only for words the transcript has, when the page names someone else', () => {
    expect(isMisattributed({ kind: 'amodei' }, 'verbatim', 'host')).toBe(true);
    expect(isMisattributed({ kind: 'amodei' }, 'altered', 'editor')).toBe(true);
    expect(isMisattributed({ kind: 'host' }, 'verbatim', 'amodei')).toBe(true);
    expect(isMisattributed({ kind: 'other', name: 'Jensen Huang' }, 'verbatim', 'amodei')).toBe(true);
    expect(isMisattributed({ kind: 'amodei' }, 'verbatim', 'amodei')).toBe(false);
    expect(isMisattributed({ kind: 'amodei' }, 'verbatim', 'main')).toBe(false);
    expect(isMisattributed({ kind: 'amodei' }, 'related', 'host')).toBe(false);
    expect(isMisattributed({ kind: 'unknown' }, 'verbatim', 'host')).toBe(false);
  });

  it('rows, counts, the sentence for the card and list, and the Markdown table', () => {
    const rows = buildRows(
      [
        { text: 'AI 可能会让一半的入门级白领工作消失', pageSpeaker: { kind: 'amodei', name: '阿莫迪' }, occurrences: [1] },
        { text: 'a | b', pageSpeaker: { kind: 'other', name: 'Mark Zuckerberg' }, occurrences: [1, 2] },
      ],
      [card('verbatim', 'host'), card('not-found')],
    );
    expect(rows.map((r) => [r.verdict, r.transcriptSpeaker, r.misattributed, r.occurrences])).toEqual([
      ['verbatim', 'host', true, 1],
      ['not-found', null, false, 2],
    ]);
    expect(countRows(rows)).toMatchObject({ verbatim: 1, 'not-found': 1, misattributed: 1 });
    expect(mismatchSentence(rows[0], t)).toBe('The page attributes this to Amodei; in the interview Host Alex Kantrowitz says it.');
    const md = markdownReport(rows, t, 'http://example.invalid/a').split('\n');
    expect(md[0]).toBe('Verbatim check of: http://example.invalid/a');
    // The built-in transcript's own address (its meta.sourceUrl), the section and the paragraph.
    expect(md[4]).toBe(
      '| 1 | AI 可能会让一半的入门级白领工作消失 | Amodei | Verbatim (misattributed) | Host Alex Kantrowitz | [CSDN Chinese translation, edited: S ¶ p012](https://www.youtube.com/watch?v=mYDSSRS-B5U) |',
    );
    // Pipes in page text cannot break the table.
    expect(md[5]).toBe('| 2 | a \\| b | Mark Zuckerberg | Not found | — | — |');
  });

  it('report links: a timed source at its second, an untimed one at its URL, none to an extension page', () => {
    const base = card('verbatim', 'amodei');
    const src = { id: 'src-1', title: 'Pod (EN)' } as never;
    const timed = { ...base.matches[0], source: src, time: 2467, hearUrl: 'https://www.youtube.com/watch?v=abc&t=2467s', sourceUrl: 'https://example.org/ep1' };
    expect(sourceLinkOf(timed, base)).toBe('https://www.youtube.com/watch?v=abc&t=2467s');
    const untimed = { ...base.matches[0], source: src, sourceUrl: 'https://example.org/ep1' };
    expect(sourceLinkOf(untimed, base)).toBe('https://example.org/ep1');
    // An imported source without an address: plain text, no link at all.
    expect(sourceLinkOf({ ...base.matches[0], source: src }, base)).toBeNull();
    // The built-in transcript without an http(s) address: no link either.
    expect(sourceLinkOf(base.matches[0], { ...base, sourceUrl: 'chrome-extension://x/transcript.html' })).toBeNull();
    const rows = buildRows([{ text: 'q', pageSpeaker: { kind: 'amodei' }, occurrences: [1] }], [{ ...base, matches: [{ ...timed, sectionTitle: 'Chips (p. 2)' }] }]);
    const line = markdownReport(rows, t, 'http://example.invalid/a').split('\n')[4];
    expect(line).toContain('[Pod (EN): Chips (p. 2) ¶ p012 at 41:07](https://www.youtube.com/watch?v=abc&t=2467s)');
    expect(line).not.toContain('extension');
  });

  it('a page that names nobody: "names no speaker", never misattributed, null or unknown alike', () => {
    for (const pageSpeaker of [null, { kind: 'unknown' as const }]) {
      const [row] = buildRows([{ text: 'q', pageSpeaker, occurrences: [1] }], [card('verbatim', 'editor')]);
      expect(row.pageSpeaker).toBeNull();
      expect(row.misattributed).toBe(false);
      expect(mismatchSentence(row, t)).toBeNull();
      expect(pageSaysLabel(row.pageSpeaker, t)).toBe('The page names no speaker');
      expect(markdownReport([row], t, 'u').split('\n')[4]).toContain('| no speaker named | Verbatim | Editor');
    }
    expect(pageSaysLabel({ kind: 'amodei' }, t)).toBe('Page: Amodei');
  });
});
