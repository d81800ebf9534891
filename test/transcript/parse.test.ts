import { describe, expect, it } from 'vitest';
import { parseTranscript } from '../../src/transcript/parse';
import { applyRepairs, type Repair } from '../../src/transcript/repairs';

const source = [
  '責(zé)編 | 某人',
  '出品 | CSDN(ID:CSDNnews)',
  '導語第一段。',
  '第一節標題',
  '主持人:你好嗎?',
  'Dario Amodei:我很好。</p>',
  '第二段。',
  '第二節標題',
  'Dario Amodei:因?yàn)槲覀冸x懸崖越近。',
  '本文編譯 自 Alex Kantrowitz',
  '原文 | youtube.com/watch?v=abc',
  '廣告一行',
  '特別聲明:平臺聲明。',
].join('\n');
const repairs: Repair[] = [
  { id: 'r1', line: 8, column: 14, garbled: '?yàn)槲覀冸x', repaired: '為我們離', method: 'gbk-shift', note: '' },
];
const identity = (s: string) => s;

describe('parseTranscript', () => {
  const { transcript, stats } = parseTranscript(source, repairs, { toSimplified: identity, sourceFile: 'x' });

  it('finds credits, intro, headings and turns', () => {
    expect(transcript.meta.credits.map((c) => c.line)).toEqual([0, 1, 9, 10]);
    expect(transcript.sections.map((s) => s.title)).toEqual(['導語', '第一節標題', '第二節標題']);
    expect(transcript.paragraphs.map((p) => [p.id, p.speaker, p.kind, p.turnId])).toEqual([
      ['p002', 'editor', 'intro', null],
      ['p003', 'editor', 'heading', null],
      ['p004', 'host', 'turn', 't01'],
      ['p005', 'amodei', 'turn', 't02'],
      ['p006', 'amodei', 'turn', 't02'],
      ['p007', 'editor', 'heading', null],
      ['p008', 'amodei', 'turn', 't03'],
    ]);
  });

  it('cleans text: labels, HTML, pinyin, question marks', () => {
    const text = Object.fromEntries(transcript.paragraphs.map((p) => [p.id, p.text]));
    expect(text.p004).toBe('你好嗎？');
    expect(text.p005).toBe('我很好。');
    expect(transcript.meta.credits[0].text).toBe('責編 | 某人');
    expect(stats.pinyinRemoved).toBe(1);
    expect(stats.htmlRemoved).toBe(1);
  });

  it('applies repairs and marks the paragraph', () => {
    const p = transcript.paragraphs.find((x) => x.id === 'p008')!;
    expect(p.text).toBe('因為我們離懸崖越近。');
    expect(p.repaired).toBe(true);
    expect(p.repairIds).toEqual(['r1']);
    expect(transcript.repairs).toEqual([expect.objectContaining({ id: 'r1', paragraphId: 'p008' })]);
  });

  it('accounts for the tail: ad and disclaimer dropped with reasons, meta from credits', () => {
    expect(transcript.dropped.map((d) => d.line)).toEqual([11, 12]);
    expect(transcript.dropped[1].reason).toMatch(/disclaimer/);
    expect(transcript.meta.host).toBe('Alex Kantrowitz');
    expect(transcript.meta.videoUrl).toBe('https://www.youtube.com/watch?v=abc');
  });
});

describe('applyRepairs', () => {
  const r = (column: number, garbled: string): Repair => ({ id: `r${column}`, line: 0, column, garbled, repaired: 'X', method: 'context', note: '' });
  it('refuses a repair whose garbled text is not where recorded', () => {
    expect(() => applyRepairs('abcdef', [r(1, 'cd')])).toThrow(/no "cd" at column 1/);
  });
  it('refuses overlapping repairs', () => {
    expect(() => applyRepairs('abcdef', [r(1, 'bcd'), r(2, 'cd')])).toThrow(/overlaps/);
  });
  it('applies several repairs in one line', () => {
    expect(applyRepairs('abcdef', [r(4, 'ef'), r(0, 'ab')])).toEqual({ text: 'XcdX', applied: ['r0', 'r4'] });
  });
});
