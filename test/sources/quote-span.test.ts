/**
 * Issue 17 items 1 and 3: a quote is found whole across the lines, cues and paragraphs one
 * speaker's words were broken into (never across two speakers), the match carries every
 * paragraph of the stretch, and its time is the start of the cue where it begins.
 */
import { describe, expect, it } from 'vitest';
import { createMultiMatcher } from '../../src/sources/check-all';
import { blockIds, sourceToTranscript, timeAt } from '../../src/sources/to-transcript';
import { parseSrt } from '../../src/sources/formats/srt';
import { parseVtt } from '../../src/sources/formats/vtt';
import { draftToSource, type Source, type SourceParagraph } from '../../src/sources/index';
import { carryTimes } from '../../src/sources/carry-times';
import { PARAGRAPH_JOIN } from '../../src/match/span';

type P = Omit<SourceParagraph, 'sectionId' | 'id'> & { id?: string };

function source(id: string, paragraphs: P[], speakers: Source['speakers'], language = 'en'): Source {
  const ps = paragraphs.map((p, i) => ({ ...p, id: p.id ?? `p${String(i + 1).padStart(3, '0')}`, sectionId: 's0' }));
  return {
    schemaVersion: 1,
    id,
    title: id,
    language,
    kind: 'original',
    format: 'paste',
    speakers,
    sections: [{ id: 's0', title: '', paragraphIds: ps.map((p) => p.id) }],
    paragraphs: ps,
    addedAt: 0,
    enabled: true,
  };
}

const SPEAKERS = [
  { id: 'sp1', name: 'Dario Amodei', main: true },
  { id: 'sp2', name: 'Rosa Lindqvist', main: false },
  { id: 'sp3', name: 'Tomas Ferreira', main: false },
];

// an invented panel episode: the parser split Amodei's answer into two turns (a timestamp line
// repeated his label), and a second guest speaks right after him
const panel = source(
  'panel',
  [
    { kind: 'turn', speakerId: 'sp2', turnId: 't01', text: 'So what would you tell a regulator who has one afternoon to understand this?', time: 60 },
    { kind: 'turn', speakerId: 'sp1', turnId: 't02', text: 'I would start with the measurements, because the measurements are the part nobody argues about.', time: 64 },
    { kind: 'turn', speakerId: 'sp1', turnId: 't03', text: 'Then I would show them how quickly the error bars have been shrinking over the last two years.', time: 75 },
    { kind: 'turn', speakerId: 'sp3', turnId: 't04', text: 'Error bars are a comfort to engineers and a mystery to everyone else in the room.', time: 88 },
  ],
  SPEAKERS,
);

describe('a turn is one stretch, whatever the parser split', () => {
  it('consecutive paragraphs of the same speaker share a block id; another speaker or a heading ends it', () => {
    expect(blockIds(panel)).toEqual(['t01', 't02', 't02', 't04']);
    const withHeading = source(
      'h',
      [
        { kind: 'turn', speakerId: 'sp1', turnId: 't01', text: 'One.' },
        { kind: 'heading', speakerId: null, turnId: null, text: 'Part two' },
        { kind: 'turn', speakerId: 'sp1', turnId: 't02', text: 'Two.' },
        { kind: 'text', speakerId: null, turnId: null, text: 'Three.' },
        { kind: 'text', speakerId: null, turnId: null, text: 'Four.' },
      ],
      SPEAKERS,
    );
    const ids = blockIds(withHeading);
    expect(ids[0]).not.toBe(ids[2]);
    expect(ids[1]).toBeNull();
    expect(ids[3]).toBe(ids[4]);
    expect(ids[3]).toMatch(/^x/);
  });

  it('a quote over the two paragraphs of one speaker is verbatim and carries both, highlighted whole', () => {
    const multi = createMultiMatcher([{ source: panel }]);
    const quote = 'the measurements are the part nobody argues about. Then I would show them how quickly the error bars have been shrinking';
    const r = multi.check(quote);
    expect(r.verdict).toBe('verbatim');
    const m = r.matches[0];
    expect(m.spans?.map((s) => s.paragraphId)).toEqual(['p002', 'p003']);
    expect(m.passage).toBe(`${panel.paragraphs[1].text}${PARAGRAPH_JOIN}${panel.paragraphs[2].text}`);
    expect(m.passage.slice(m.start, m.end)).toBe(
      `the measurements are the part nobody argues about.${PARAGRAPH_JOIN}Then I would show them how quickly the error bars have been shrinking`,
    );
    // each span is in its own paragraph's text
    for (const s of m.spans!) {
      const text = panel.paragraphs.find((p) => p.id === s.paragraphId)!.text;
      expect(s.start).toBeGreaterThanOrEqual(0);
      expect(s.end).toBeLessThanOrEqual(text.length);
    }
    expect(panel.paragraphs[2].text.slice(m.spans![1].start, m.spans![1].end)).toBe('Then I would show them how quickly the error bars have been shrinking');
    expect(m.speakerName).toBe('Dario Amodei');
    // the time is where the quote begins (the first paragraph), not the paragraph most of it is in
    expect(m.time).toBe(64);
  });

  it('words of two different speakers are never one verbatim quote', () => {
    const multi = createMultiMatcher([{ source: panel }]);
    // one sentence over the change of speaker (stitched sentences, each verbatim on its own, are
    // the per-sentence verdicts' concern)
    const r = multi.check('how quickly the error bars have been shrinking over the last two years error bars are a comfort to engineers');
    expect(r.verdict).not.toBe('verbatim');
    expect(r.verdict).not.toBe('altered');
    for (const m of r.matches) expect(m.spans).toBeUndefined();
  });

  it('a second guest is named as the source names them, and the source keeps its main speaker on the ref', () => {
    const multi = createMultiMatcher([{ source: panel }]);
    const r = multi.check('Error bars are a comfort to engineers and a mystery to everyone else in the room.');
    expect(r.verdict).toBe('verbatim');
    expect(r.matches[0]).toMatchObject({ speaker: 'other', speakerName: 'Tomas Ferreira', source: { mainSpeaker: 'Dario Amodei' } });
    expect(r.matches[0].speakerUnnamed).toBeUndefined();
  });
});

describe('captions without names: consecutive text paragraphs are one stretch', () => {
  const captions = source(
    'captions',
    [
      { kind: 'text', speakerId: null, turnId: null, text: 'and honestly the thing that surprised me most was not the' },
      { kind: 'text', speakerId: null, turnId: null, text: 'size of the jump but how ordinary it felt a week later' },
      { kind: 'text', speakerId: null, turnId: null, text: 'when everybody had already moved on to the next question' },
    ],
    [],
  );

  it('a quote across two caption lines is verbatim, and the card is told the source names no speakers', () => {
    const multi = createMultiMatcher([{ source: captions }]);
    const r = multi.check('the thing that surprised me most was not the size of the jump but how ordinary it felt');
    expect(r.verdict).toBe('verbatim');
    expect(r.matches[0].spans?.map((s) => s.paragraphId)).toEqual(['p001', 'p002']);
    expect(r.matches[0].speakerUnnamed).toBe('source');
    expect(r.matches[0].speakerName).toBeUndefined();
    expect(r.matches[0].source?.mainSpeaker).toBeUndefined();
  });

  it('an altered quote across three lines is altered, with the whole stretch', () => {
    const multi = createMultiMatcher([{ source: captions }]);
    const r = multi.check('the thing that surprised me most was not the size of the jump but how normal it felt a week later when everybody had already moved on');
    expect(r.verdict).toBe('altered');
    expect(r.matches[0].spans?.map((s) => s.paragraphId)).toEqual(['p001', 'p002', 'p003']);
    expect(r.matches[0].differences.some((d) => /normal/.test(d.quote))).toBe(true);
  });

  it('unattributed text in a source that names speakers says so for the paragraph', () => {
    const mixed = source('mixed', [{ kind: 'text', speakerId: null, turnId: null, text: 'Recorded live in front of a small audience in Lisbon.' }, ...panel.paragraphs.map(({ id: _id, ...p }) => p)], SPEAKERS);
    const info = sourceToTranscript(mixed).paragraphInfo;
    expect(info.get('p001')?.unnamed).toBe('paragraph');
    expect(info.get('p002')?.unnamed).toBeUndefined();
  });
});

// an invented subtitle file: one speaker's answer in short cues that the parser merges
const SRT = [
  ['00:10:02,000', '00:10:04,500', 'So the honest answer is that we'],
  ['00:10:04,500', '00:10:07,200', 'do not know yet, and I think saying'],
  ['00:10:07,200', '00:10:10,900', 'so out loud is part of the job.'],
  ['00:10:10,900', '00:10:14,000', 'What we can do is build the tests before'],
  ['00:10:14,000', '00:10:17,600', 'we need them, not the week after.'],
  ['00:10:17,600', '00:10:21,300', 'That sounds obvious and almost nobody does it.'],
]
  .map(([a, b, t], i) => `${i + 1}\n${a} --> ${b}\n${t}\n`)
  .join('\n');

describe('time at the quote: the cue where it begins', () => {
  it('merged cues keep their start offsets and times in the paragraph', () => {
    const d = parseSrt(SRT);
    expect(d.paragraphs).toHaveLength(1);
    const p = d.paragraphs[0];
    expect(p.time).toBe(602);
    expect(p.times?.length).toBe(6);
    for (const [at, sec] of p.times!) expect(at).toBeGreaterThanOrEqual(0), expect(sec).toBeGreaterThanOrEqual(602);
    expect(p.text.slice(p.times![3][0]).startsWith('What we can do')).toBe(true);
    expect(p.times![3][1]).toBeCloseTo(610.9, 5);
  });

  it('a quote starting in a later cue is timed there (SRT and VTT)', () => {
    const vtt = `WEBVTT\n\n${SRT.replace(/,(\d{3})/g, '.$1').replace(/^\d+\n/gm, '')}`;
    for (const [name, draft] of [['srt', parseSrt(SRT)], ['vtt', parseVtt(vtt)]] as const) {
      const s = draftToSource(draft, name, 0);
      const multi = createMultiMatcher([{ source: s }]);
      const r = multi.check('build the tests before we need them, not the week after');
      expect(r.verdict, name).toBe('verbatim');
      expect(r.matches[0].time, name).toBeCloseTo(610.9, 5);
      const first = multi.check('So the honest answer is that we do not know yet');
      expect(first.matches[0].time, name).toBe(602);
    }
  });

  it('timeAt falls back to the paragraph time, and carryTimes follows the words through cleaning', () => {
    expect(timeAt({ time: 5 }, 40)).toBe(5);
    expect(timeAt({ time: 5, times: [[0, 5], [10, 9]] }, 9)).toBe(5);
    expect(timeAt({ time: 5, times: [[0, 5], [10, 9]] }, 10)).toBe(9);
    expect(timeAt(undefined, 0)).toBeUndefined();
    // a label cut from the front, double spaces collapsed
    const original = 'DARIO:  we  do not know.  Tests first.';
    const cleaned = 'we do not know. Tests first.';
    const carried = carryTimes(original, cleaned, [[0, 1], [original.indexOf('Tests'), 7]]);
    expect(carried).toEqual([[0, 1], [cleaned.indexOf('Tests'), 7]]);
  });

  it('malformed times from a pack are ignored, never a crash', () => {
    const s = draftToSource(parseSrt(SRT), 'bad', 0);
    (s.paragraphs[0] as { times: unknown }).times = [[5, 1], [2, 3]];
    expect(sourceToTranscript(s).paragraphInfo.get('p001')?.times).toBeUndefined();
    (s.paragraphs[0] as { times: unknown }).times = 'nonsense';
    expect(() => createMultiMatcher([{ source: s }]).check('build the tests before we need them')).not.toThrow();
  });
});
