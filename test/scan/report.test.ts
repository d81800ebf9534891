import { describe, expect, it } from 'vitest';
import { buildRows, countRows, isMisattributed, markdownReport, mismatchSentence } from '../../src/scan/report';
import type { CardModel } from '../../src/ext/view';
import { createT } from '../../src/ext/i18n';
import en from '../../public/_locales/en/messages.json';

const t = createT(en as never);
const card = (verdict: CardModel['verdict'], speaker?: 'amodei' | 'host' | 'editor'): CardModel => ({
  query: 'q',
  verdict,
  script: 'simplified',
  videoUrl: 'https://example.invalid/v',
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
    const md = markdownReport(rows, t, 'http://example.invalid/a', (s, p) => `ext://t#${s}/${p}`).split('\n');
    expect(md[0]).toBe('Verbatim check of: http://example.invalid/a');
    expect(md[4]).toBe(
      '| 1 | AI 可能会让一半的入门级白领工作消失 | Amodei | Verbatim (misattributed) | Host Alex Kantrowitz | CSDN Chinese translation, edited, [p012](ext://t#s2/p012) |',
    );
    // Pipes in page text cannot break the table.
    expect(md[5]).toBe('| 2 | a \\| b | Mark Zuckerberg | Not found | — | — |');
  });
});
