/**
 * Transcript layouts (issue 17): each read from a small file written in exactly that layout
 * (test/fixtures/layouts/small/), what it interprets (names, times, links) never in the text.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/sources/parse';
import { draftToSource, sourceToTranscript } from '../../src/sources/index';
import type { SourceDraft } from '../../src/sources/draft';
import { parseSrt } from '../../src/sources/formats/srt';
import { parseVtt } from '../../src/sources/formats/vtt';
import { parseDate, readMeta } from '../../src/sources/layouts/meta';
import { splitAutomatic } from '../../src/sources/layouts/auto-captions';
import { detectLayout } from '../../src/sources/layouts/index';
import { linesOf } from '../../src/sources/layouts/common';

const DIR = fileURLToPath(new URL('../fixtures/layouts/small/', import.meta.url));

function draft(name: string): SourceDraft {
  const r = parseSource({ name, bytes: new Uint8Array(readFileSync(DIR + name)) });
  if (!r.ok) throw new Error(`${name}: ${r.error}`);
  return r.draft;
}
const parse = (text: string, name = 'pasted.txt'): SourceDraft => {
  const r = parseSource({ name, text });
  if (!r.ok) throw new Error(r.error);
  return r.draft;
};
const rows = (d: SourceDraft) => d.paragraphs.map((p) => [d.speakers.find((s) => s.id === p.speakerId)?.name ?? null, p.time ?? null, p.text]);
/** Nothing the parser interprets is left in a passage. */
const clean = (d: SourceDraft) => {
  for (const p of d.paragraphs) {
    expect(p.text, p.id).not.toMatch(/\[\(?\d{1,2}:\d{2}|\]\(https?:|Starting point is|^\(?\d{1,2}:\d{2}|\u00A0|\[music\]/i);
  }
};
/** `times` are ascending offsets inside the text, the first at 0 with the paragraph's time. */
const timesOk = (d: SourceDraft) => {
  for (const p of d.paragraphs) {
    if (!p.times) continue;
    expect(p.times.length).toBeGreaterThanOrEqual(2);
    expect(p.times[0]).toEqual([0, p.time]);
    p.times.forEach(([o, s], i) => {
      expect(o).toBeLessThan(p.text.length);
      if (i > 0) {
        expect(o).toBeGreaterThan(p.times![i - 1][0]);
        expect(s).toBeGreaterThan(p.times![i - 1][1]);
      }
    });
  }
};

describe('podcast site: Name [(hh:mm:ss)](url) text', () => {
  const d = draft('podcast-links.md');
  it('reads names, times and continuation paragraphs, the link as the recording', () => {
    expect(d.layout).toBe('podcast-links');
    expect(d.title).toBe('Dario Amodei on scaling, safety and the next five years | The Frontier Hour #88');
    expect(d.date).toBe('2025-03-03');
    expect(d.recordingUrl).toBe('https://www.youtube.com/watch?v=q8ZxR2mLk4E');
    expect(d.speakers.map((s) => [s.name, s.main])).toEqual([['Jonah Pike', false], ['Dario Amodei', true], ['Priya Natarajan', false]]);
    expect(rows(d).slice(2)).toEqual([
      ['Jonah Pike', 0, "So, uh, welcome to the show. Dario, you've been on before but it's been, what, two years?"],
      ['Dario Amodei', 9, expect.stringMatching(/^Yeah, it's been about two years\./)],
      ['Dario Amodei', 31, expect.stringMatching(/^If you extrapolate the curves/)],
      ['Dario Amodei', 62, "And that's not a prediction I make lightly. There are a lot of ways it could not happen."],
      ['Jonah Pike', 75, expect.stringMatching(/^Let's bring in Priya/)],
      ['Priya Natarajan', 81, "Mostly. I'd say the evals saturate faster than we can write them, which is its own kind of signal."],
    ]);
    const dario = d.paragraphs.filter((p) => p.speakerId === 'sp2');
    expect(new Set(dario.map((p) => p.turnId)).size).toBe(1);
    clean(d);
  });
});

describe('podcast site copied as text: Name (hh:mm:ss) text', () => {
  it('reads the same turns without the links', () => {
    const d = parse(['Jonah Pike (00:00:00) So, welcome to the show.', 'Dario Amodei (00:00:09) Thanks. It has been about two years.', '(00:00:31) If you extrapolate the curves, you get somewhere surprising.', 'Jonah Pike (00:01:15) Let us bring in Priya.'].join('\n\n'));
    expect(d.layout).toBe('podcast-links');
    expect(rows(d)).toEqual([
      ['Jonah Pike', 0, 'So, welcome to the show.'],
      ['Dario Amodei', 9, 'Thanks. It has been about two years.'],
      ['Dario Amodei', 31, 'If you extrapolate the curves, you get somewhere surprising.'],
      ['Jonah Pike', 75, 'Let us bring in Priya.'],
    ]);
    expect(d.paragraphs[1].turnId).toBe(d.paragraphs[2].turnId);
  });
});

describe('transcription services: Name (hh:mm:ss) / Speaker 1 (00:01:02): on a line of its own', () => {
  it('reads the labels as speakers, generic ones marked, the main one by words', () => {
    const d = draft('name-time-line.txt');
    expect(d.layout).toBe('name-time-line');
    expect(d.speakers).toEqual([
      { id: 'sp1', name: 'Speaker 1', main: false, generic: true },
      { id: 'sp2', name: 'Speaker 2', main: true, generic: true },
    ]);
    expect(rows(d)[3]).toEqual(['Speaker 2', 19, expect.stringMatching(/^Somewhere in the steep part/)]);
    expect(d.paragraphs).toHaveLength(6);
    expect(d.warnings.join(' ')).toMatch(/not named \(Speaker 1, Speaker 2\)/);
    clean(d);
  });

  it('keeps a repeated header of one speaker in one turn, each paragraph with its time', () => {
    const d = parse('Dario Amodei (00:01:00)\nFirst part of a long answer.\n\nDario Amodei (00:01:30)\nSecond part of it.\n\nNadia Okafor (00:02:00)\nThanks.\n\nDario Amodei (00:02:05)\nSure.');
    expect(rows(d)).toEqual([
      ['Dario Amodei', 60, 'First part of a long answer.'],
      ['Dario Amodei', 90, 'Second part of it.'],
      ['Nadia Okafor', 120, 'Thanks.'],
      ['Dario Amodei', 125, 'Sure.'],
    ]);
    expect(d.paragraphs[0].turnId).toBe(d.paragraphs[1].turnId);
    expect(d.paragraphs[3].turnId).not.toBe(d.paragraphs[0].turnId);
  });
});

describe('meeting transcribers: Name  0:41', () => {
  it('reads header lines, joins wrapped lines, takes the first line as the title', () => {
    const d = draft('name-time-header.txt');
    expect(d.layout).toBe('name-time-header');
    expect(d.title).toBe('Meeting notes - AI policy roundtable');
    expect(rows(d)).toEqual([
      ['Dario Amodei', 3, "Thanks everyone. I'll keep my opening short because I'd rather take questions."],
      ['Marta Kowalczyk', 11, "Great. Let me start then. What's the one regulation you'd actually want?"],
      ['Dario Amodei', 17, "Transparency requirements. Labs should have to say what tests they ran and what they found, and someone outside should be able to check that they did. That's the floor, not the ceiling."],
      ['Marta Kowalczyk', 39, 'Okay.'],
      ['Dario Amodei', 41, "And I'd add export controls on the most advanced chips, which I know is less popular in some rooms."],
    ]);
  });
});

describe('Chinese meeting transcribers: 说话人 1 00:00', () => {
  it('reads numbered speakers as generic, with their times', () => {
    const d = parse('说话人 1 00:00\n欢迎来到节目。\n\n说话人 2 00:04\n谢谢邀请。我认为规模定律还会继续有效。\n\n说话人 1 00:12\n为什么？\n\n说话人 2 00:15\n因为每一次有人说它停止了，它都没有停止。');
    expect(d.layout).toBe('name-time-header');
    expect(d.speakers.map((s) => [s.name, s.main, s.generic])).toEqual([['说话人 1', false, true], ['说话人 2', true, true]]);
    expect(rows(d)[3]).toEqual(['说话人 2', 15, '因为每一次有人说它停止了，它都没有停止。']);
  });
});

describe("a video page's transcript panel: time-only lines, then text", () => {
  it('merges captions into a paragraph and keeps every caption time', () => {
    const d = draft('time-lines.txt');
    expect(d.layout).toBe('time-lines');
    expect(d.paragraphs).toHaveLength(1);
    const p = d.paragraphs[0];
    expect(p.text).toBe('Welcome back. Today my guest is Dario Amodei. He runs Anthropic, which makes Claude. Dario, thanks for being here. Thanks for having me. I want to start with the curve. People keep saying it is flattening. I hear that every year, and every year the next models do things the last ones could not.');
    expect(p.time).toBe(0);
    expect(p.times?.map(([, s]) => s)).toEqual([0, 4, 8, 10, 12, 15, 19, 22]);
    expect(p.text.slice(p.times![6][0])).toMatch(/^I hear that every year/);
    timesOk(d);
    clean(d);
  });

  it('skips the spoken-out time the panel repeats under each time', () => {
    const d = parse(['0:00', '0 seconds', 'Welcome back to the show.', '0:04', '4 seconds', 'My guest today runs a company.', '1:02', '1 minute, 2 seconds', 'Thanks for having me.', '1:05', '1 minute, 5 seconds', 'It is good to be here.', '1:09', '1 minute, 9 seconds', 'Let us begin.'].join('\n'));
    expect(d.layout).toBe('time-lines');
    expect(d.paragraphs.map((p) => p.text).join(' ')).toBe('Welcome back to the show. My guest today runs a company. Thanks for having me. It is good to be here. Let us begin.');
    expect(d.paragraphs[0].times?.map(([, s]) => s)).toEqual([0, 4, 62, 65, 69]);
  });

  it('marks automatic captions and drops [Music]', () => {
    const d = draft('time-lines-auto.txt');
    expect(d.captions).toBe('automatic');
    expect(d.paragraphs[0].text).toMatch(/^so today i am joined by dario amade/);
    expect(d.paragraphs[0].time).toBe(4);
    timesOk(d);
    clean(d);
  });
});

describe('Starting point is 00:00:45 blocks', () => {
  it('merges blocks into paragraphs, every block time kept', () => {
    const d = draft('starting-point.txt');
    expect(d.layout).toBe('starting-point');
    expect(d.title).toBe('The Long Game Podcast - Episode 311');
    expect(d.paragraphs[0].times?.map(([, s]) => s)).toEqual([0, 14, 21]);
    expect(d.paragraphs[0].text.slice(d.paragraphs[0].times![2][0])).toMatch(/^I think the thing I'd push back on/);
    expect(d.paragraphs.at(-1)).toMatchObject({ time: 45, text: "That's not always true, but it's true more often than people assume." });
    timesOk(d);
    clean(d);
  });
});

describe('[00:41:07] Name: paragraphs', () => {
  it('is the labelled layout, named', () => {
    const d = parse('[00:00:05] Maya Lindqvist: Welcome back.\n\n[00:00:14] Dario Amodei: Thanks for having me.\n\n[00:00:20] And it is good to be here.\n\n[00:00:23] Maya Lindqvist: Let us start.');
    expect(d.layout).toBe('bracket-time');
    expect(rows(d)).toEqual([
      ['Maya Lindqvist', 5, 'Welcome back.'],
      ['Dario Amodei', 14, 'Thanks for having me.'],
      ['Dario Amodei', 20, 'And it is good to be here.'],
      ['Maya Lindqvist', 23, 'Let us start.'],
    ]);
  });
});

describe('hard-wrapped caption text', () => {
  it('joins wrapped lines (a trailing no-break space is a wrap) into sentences', () => {
    const d = draft('wrapped-captions.txt');
    expect(d.layout).toBe('wrapped-captions');
    const all = d.paragraphs.map((p) => p.text).join(' ');
    expect(all).toContain("They're just doing stuff because it sounds good, and that's the part that worries me a little.");
    expect(d.paragraphs.length).toBeLessThan(4);
    clean(d);
  });

  it('cuts a long run without sentence ends at word boundaries, losing nothing', () => {
    const lines = Array.from({ length: 400 }, (_, i) => `the words of a long caption line number ${i}\u00A0`);
    const d = parse(lines.join('\n'));
    expect(d.layout).toBe('wrapped-captions');
    expect(d.paragraphs.length).toBeGreaterThan(5);
    for (const p of d.paragraphs) expect(p.text.split(' ').length).toBeLessThanOrEqual(330);
    expect(d.paragraphs.map((p) => p.text).join(' ')).toBe(lines.map((l) => l.trim()).join(' '));
  });

  it('ends a paragraph at a short line ending a sentence, not at a full one', () => {
    const nb = '\u00A0';
    const line = (s: string, wrap = true) => (wrap ? s + nb : s);
    const text = [];
    for (let i = 0; i < 6; i++) text.push(line('the words of one long sentence go on and'), line('on across the lines of the page here and'));
    text.push(line('it ends here.', false), line('Then a new thought starts on this line', true));
    for (let i = 0; i < 6; i++) text.push(line('and it carries on for a while as well so'), line('that the lines look like the usual width'));
    text.push(line('and stops.', false));
    const d = parse(text.join('\n'));
    expect(d.layout).toBe('wrapped-captions');
    expect(d.paragraphs).toHaveLength(2);
    expect(d.paragraphs[1].text).toMatch(/^Then a new thought/);
  });
});

describe('automatic captions without times', () => {
  it('cuts one long unpunctuated line into passages at word boundaries, marked automatic', () => {
    const d = draft('auto-captions.txt');
    expect(d.layout).toBe('auto-captions');
    expect(d.captions).toBe('automatic');
    expect(d.paragraphs.length).toBeGreaterThanOrEqual(3);
    for (const p of d.paragraphs) expect(p.text.split(' ').length).toBeLessThanOrEqual(75);
    const words = (s: string) => s.replace(/\[(music|applause)\]/gi, ' ').split(/\s+/).filter(Boolean);
    expect(d.paragraphs.flatMap((p) => words(p.text))).toEqual(words(readFileSync(DIR + 'auto-captions.txt', 'utf8')));
    clean(d);
    expect(draftToSource(d, 'x', 0).captions).toBe('automatic');
  });

  it('never loses a word of a huge line', () => {
    const text = Array.from({ length: 20000 }, (_, i) => ['so', 'the', 'model', 'um', 'and', 'we', 'think', 'entropic'][i % 8]).join(' ');
    expect(splitAutomatic(text).join(' ')).toBe(text);
  });
});

describe('generic labels', () => {
  it('Q: and A: are generic; the main speaker is the one with most words', () => {
    const d = draft('generic-qa.txt');
    expect(d.speakers).toEqual([
      { id: 'sp1', name: 'Q', main: false, generic: true },
      { id: 'sp2', name: 'A', main: true, generic: true },
    ]);
  });

  it('SPEAKER_00 and Interviewer are generic, a name is not', () => {
    const d = parse('SPEAKER_00: Hello there.\n\nSPEAKER_01: Hi. I am glad to be here and to talk at length.\n\nInterviewer: Good.\n\nDario Amodei: Yes.');
    expect(d.speakers.map((s) => [s.name, s.generic ?? false])).toEqual([
      ['SPEAKER_00', true], ['SPEAKER_01', true], ['Interviewer', true], ['Dario Amodei', false],
    ]);
    expect(d.speakers.find((s) => s.main)?.name).toBe('Dario Amodei');
  });
});

describe('title, date, recording URL', () => {
  it('reads a Chinese title line, date line and Source line', () => {
    const d = draft('dates-zh.txt');
    expect(d.title).toBe('达里奥·阿莫迪访谈：人工智能的下一个五年');
    expect(d.date).toBe('2024-09-12');
    expect(d.recordingUrl).toBe('https://www.bilibili.com/video/BV1xx411c7mD');
    expect(d.paragraphs.map((p) => p.text)).not.toContain('2024年9月12日');
    expect(d.speakers.find((s) => s.main)?.name).toBe('达里奥');
  });

  it('does not take a first turn for a title', () => {
    const d = parse('Host: Hi there everyone\n\nDario Amodei: Hello.\n\nHost: Welcome to the show.');
    expect(d.paragraphs[0]).toMatchObject({ kind: 'turn', text: 'Hi there everyone' });
    expect(d.title).toBe('pasted');
  });

  it('parses the dates people write', () => {
    expect(parseDate('11 February 2025')).toBe('2025-02-11');
    expect(parseDate('February 11, 2025')).toBe('2025-02-11');
    expect(parseDate('Tuesday, Feb. 11th, 2025')).toBe('2025-02-11');
    expect(parseDate('2025-02-11')).toBe('2025-02-11');
    expect(parseDate('2024年9月12日')).toBe('2024-09-12');
    expect(parseDate('February 31st of never')).toBeUndefined();
    const m = readMeta(linesOf('Recorded 11 February 2025\nSource: https://example.com/transcripts/88\n\nHost: Hi.'));
    expect(m).toMatchObject({ date: '2025-02-11', url: 'https://example.com/transcripts/88' });
    expect(m.recordingUrl).toBeUndefined();
    expect(readMeta(linesOf('Aired: March 3, 2025\nListen: https://podcasts.apple.com/us/podcast/x/id1')).recordingUrl).toBe('https://podcasts.apple.com/us/podcast/x/id1');
  });
});

describe('a saved page (HTML file)', () => {
  it('stores the article, not the cookie notice, logo, menu, share or newsletter boxes; the date line is the date', () => {
    const d = draft('saved-page.html');
    expect(d.layout).toBe('html');
    expect(d.title).toBe('Dario Amodei on the long middle');
    expect(d.date).toBe('2025-02-11');
    const all = d.paragraphs.map((p) => p.text).join('\n');
    expect(all).not.toMatch(/cookies|Accept all|Slow Signal|Episodes|Subscribe|Share on|newsletter|Recorded/i);
    expect(rows(d).filter((r) => r[0] === 'Dario Amodei')).toHaveLength(3);
    expect(d.speakers.find((s) => s.main)?.name).toBe('Dario Amodei');
  });
});

describe('a text and its translation in one file', () => {
  it('is found as two parts', () => {
    const d = draft('bilingual.txt');
    expect(d.parts?.map((p) => [p.language, p.paragraphIds.length])).toEqual([['en', 6], ['zh-Hans', 6]]);
    expect(draftToSource(d, 'x', 0)).not.toHaveProperty('parts');
  });

  it('is not found in a file of one language with a quoted phrase of the other', () => {
    const d = parse(Array.from({ length: 8 }, (_, i) => `Host: Question ${i}, about 规模定律 and the rest of it?\n\nDario Amodei: Answer ${i}, at some length.`).join('\n\n'));
    expect(d.parts).toBeUndefined();
  });
});

describe('unknown, mixed and broken layouts', () => {
  it('reads a file in no known layout as plain text and says so', () => {
    const d = draft('unknown.txt');
    expect(d.layout).toBe('plain');
    expect(d.warnings.join(' ')).toMatch(/does not know this layout/);
    expect(d.title).toBe('Some notes I took while listening, in no particular order');
    expect(d.paragraphs.map((p) => p.kind)).toEqual(['heading', 'text', 'text', 'text']);
  });

  it('says when timestamps go backwards, and keeps every paragraph', () => {
    const d = parse('Ann Lee (00:05:00)\nOne.\n\nBo Chen (00:04:00)\nTwo.\n\nAnn Lee (00:06:00)\nThree.\n\nBo Chen (00:07:00)\nFour.');
    expect(d.paragraphs.map((p) => p.text)).toEqual(['One.', 'Two.', 'Three.', 'Four.']);
    expect(d.warnings.join(' ')).toMatch(/go backwards once \(first at 4:00\)/);
  });

  it('keeps lines of another layout mixed in as text, and says so', () => {
    const url = 'https://www.youtube.com/watch?v=abc';
    const d = parse([`Ann Lee [(00:00:01)](${url}&t=1) One.`, `Bo Chen [(00:00:05)](${url}&t=5) Two.`, `Ann Lee [(00:00:09)](${url}&t=9) Three.`, 'Starting point is 00:00:12', 'Four, in another layout.'].join('\n\n'));
    expect(d.layout).toBe('podcast-links');
    expect(d.paragraphs.map((p) => p.text).join(' ')).toContain('Four, in another layout.');
    expect(d.warnings.join(' ')).toMatch(/did not read as one/);
  });

  it('says so when labels of another layout are mixed into a header layout', () => {
    const d = parse('Ann Lee (00:00:01)\nOne.\n\nBo Chen (00:00:05)\nTwo.\n\nAnn Lee (00:00:09)\nThree.\nBo Chen: Four, labelled the other way.');
    expect(d.layout).toBe('name-time-line');
    expect(d.paragraphs.map((p) => p.text).join(' ')).toContain('Bo Chen: Four, labelled the other way.');
    expect(d.warnings.join(' ')).toMatch(/speaker label Verbatim did not read/);
  });

  it('never throws on odd input', () => {
    const odd = ['[(00:00:01)](https://x.y) ', 'Speaker 1 (00:00:01):', '0:00\n0:01\n0:02\n0:03\n0:04\n0:05', 'Starting point is 00:00:00\nStarting point is 00:00:01', '\u00A0\n'.repeat(50), 'a '.repeat(5000), '[Music] '.repeat(300)];
    for (const t of odd) {
      const r = parseSource({ name: 'x.txt', text: t });
      if (r.ok) expect(r.draft.paragraphs.length).toBeGreaterThan(0);
    }
  });

  it('a trailer ("Transcribed by …", "This interview was …") is said by no one', () => {
    const d = parse('Ann Lee  0:01\nHello there.\n\nBo Chen  0:04\nHi, good to see you.\n\nAnn Lee  0:09\nLikewise.\n\nTranscribed by https://otter.ai');
    expect(rows(d).at(-1)).toEqual([null, null, 'Transcribed by https://otter.ai']);
    const q = parse('Q: One?\n\nA: Two.\n\nQ: Three?\n\nA: Four.\n\nThis interview was conducted in English.');
    expect(rows(q).at(-1)).toEqual([null, null, 'This interview was conducted in English.']);
  });

  it('detects no layout in ordinary prose', () => {
    expect(detectLayout(linesOf('This is a paragraph.\n\nAnd another one, with a time 10:30 in it.'))).toBeNull();
  });
});

describe('times inside merged paragraphs (subtitles)', () => {
  it('SRT: every cue merged into a paragraph keeps its start', () => {
    const srt = ['1\n00:00:01,000 --> 00:00:03,000\nSo the first thing', '2\n00:00:03,000 --> 00:00:05,500\nI would say is that', '3\n00:00:05,500 --> 00:00:08,000\nthe curve keeps going.'].join('\n\n');
    const d = parseSrt(srt);
    expect(d.paragraphs[0]).toMatchObject({ text: 'So the first thing I would say is that the curve keeps going.', time: 1, times: [[0, 1], [19, 3], [39, 5.5]] });
  });

  it('VTT automatic captions: marked, paragraphs cut by length, every cue time kept', () => {
    const words = 'so the thing about scaling is that it just keeps working and people keep expecting it to stop'.split(' ');
    const cues = Array.from({ length: 60 }, (_, i) => `00:${String(Math.floor(i * 2 / 60)).padStart(2, '0')}:${String((i * 2) % 60).padStart(2, '0')}.000 --> 00:${String(Math.floor((i * 2 + 2) / 60)).padStart(2, '0')}:${String((i * 2 + 2) % 60).padStart(2, '0')}.000\n${words.slice(i % 12, (i % 12) + 5).join(' ')}`);
    const d = parseVtt(`WEBVTT\n\n${cues.join('\n\n')}`);
    expect(d.captions).toBe('automatic');
    expect(d.paragraphs.length).toBeGreaterThan(2);
    for (const p of d.paragraphs) expect(p.text.split(' ').length).toBeLessThanOrEqual(75);
    timesOk(d);
  });

  it('VTT: voice-tagged cues, times carried to the transcript info', () => {
    const vtt = 'WEBVTT\n\n00:10.000 --> 00:12.000\n<v Dario Amodei>We think the curve\n\n00:12.000 --> 00:14.000\n<v Dario Amodei>will keep going.';
    const d = parseVtt(vtt);
    expect(d.paragraphs[0]).toMatchObject({ text: 'We think the curve will keep going.', time: 10, times: [[0, 10], [19, 12]] });
    const { paragraphInfo } = sourceToTranscript(draftToSource(d, 'v', 0));
    expect(paragraphInfo.get(d.paragraphs[0].id)).toMatchObject({ speakerName: 'Dario Amodei', time: 10, times: [[0, 10], [19, 12]] });
  });
});
