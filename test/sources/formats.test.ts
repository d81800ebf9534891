import { describe, expect, it } from 'vitest';
import { parseSource, detectFormat } from '../../src/sources/parse';
import { parseText } from '../../src/sources/formats/txt';
import { parseMarkdown } from '../../src/sources/formats/md';
import { parseSrt } from '../../src/sources/formats/srt';
import { parseVtt } from '../../src/sources/formats/vtt';
import { parseHtml } from '../../src/sources/formats/html';
import type { SourceDraft } from '../../src/sources/draft';
import { draftOf, fixtureText } from './fixtures';

const mainOf = (d: SourceDraft) => d.speakers.find((s) => s.main)?.name;
const para = (d: SourceDraft, text: string) => {
  const p = d.paragraphs.find((x) => x.text.includes(text));
  if (!p) throw new Error(`no paragraph with ${text}`);
  return { ...p, speaker: d.speakers.find((s) => s.id === p.speakerId)?.name };
};

describe('plain text', () => {
  it('reads the fixture: Name: turns, [hh:mm:ss] times, a # heading as title, turns over two paragraphs', () => {
    const d = draftOf('interview-en.txt');
    expect(d.format).toBe('txt');
    expect(d.title).toBe('The Long Horizon, Episode 212: A Conversation with Dario Amodei');
    expect(d.language).toBe('en');
    expect(d.speakers.map((s) => s.name)).toEqual(['Maya Lindqvist', 'Dario Amodei']);
    expect(mainOf(d)).toBe('Dario Amodei');
    const first = para(d, 'I hear that every six months');
    expect(first).toMatchObject({ kind: 'turn', speaker: 'Dario Amodei', time: 31 });
    const second = para(d, 'The honest answer is that nobody can promise');
    expect(second).toMatchObject({ kind: 'turn', speaker: 'Dario Amodei', turnId: first.turnId });
    expect(second.time).toBeUndefined();
    expect(para(d, 'A fictional interview')).toMatchObject({ kind: 'text', speakerId: null });
    expect(d.paragraphs.filter((p) => p.kind === 'turn')).toHaveLength(35);
    expect(new Set(d.paragraphs.filter((p) => p.kind === 'turn').map((p) => p.turnId)).size).toBe(34);
    expect(d.warnings).toEqual([]);
  });

  it('reads NAME:, (mm:ss) and bare mm:ss times, and names on a line of their own', () => {
    const d = parseText(
      [
        'LEX: (01:02) So tell me about scaling.',
        '',
        'DARIO AMODEI: 1:05 It keeps working, and I keep being surprised.',
        '',
        '[00:02:10] LEX: Why?',
        '',
        'Dario Amodei',
        'Nobody fully knows. That is the honest answer.',
        '',
        'Lex',
        'Fair enough.',
      ].join('\n'),
    );
    expect(d.paragraphs.map((p) => [d.speakers.find((s) => s.id === p.speakerId)?.name, p.time, p.text])).toEqual([
      ['LEX', 62, 'So tell me about scaling.'],
      ['DARIO AMODEI', 65, 'It keeps working, and I keep being surprised.'],
      ['LEX', 130, 'Why?'],
      ['DARIO AMODEI', undefined, 'Nobody fully knows. That is the honest answer.'],
      ['LEX', undefined, 'Fair enough.'],
    ]);
    expect(mainOf(d)).toBe('DARIO AMODEI');
  });

  it('reads Chinese 名字：labels, one paragraph per line', () => {
    const d = parseText('主持人：你好。\n达里奥·阿莫迪：谢谢邀请。\n这是第二段，没有标签。\n主持人：再问一个问题。\n达里奥·阿莫迪：好的。');
    expect(d.language).toBe('zh-Hans');
    expect(d.paragraphs.map((p) => d.speakers.find((s) => s.id === p.speakerId)?.name)).toEqual(['主持人', '达里奥·阿莫迪', '达里奥·阿莫迪', '主持人', '达里奥·阿莫迪']);
    expect(d.paragraphs[1].turnId).toBe(d.paragraphs[2].turnId);
    expect(mainOf(d)).toBe('达里奥·阿莫迪');
  });

  it('reads a 名字：label followed directly by Latin text or a full-width bracket', () => {
    const d = parseText('主持人：AI 会取代一半的白领工作吗？\n达里奥：（笑）我没有那样说过。\n主持人：Scaling 还会继续吗？\n达里奥：Yes，我认为会。');
    expect(d.paragraphs.map((p) => [d.speakers.find((s) => s.id === p.speakerId)?.name ?? null, p.text])).toEqual([
      ['主持人', 'AI 会取代一半的白领工作吗？'],
      ['达里奥', '（笑）我没有那样说过。'],
      ['主持人', 'Scaling 还会继续吗？'],
      ['达里奥', 'Yes，我认为会。'],
    ]);
    expect(mainOf(d)).toBe('达里奥');
  });

  it('still keeps Note：/ Note: prose and clock times as text', () => {
    const d = parseText(['Note：AI transcript, edited.', '', 'Host: Welcome.', '', 'Guest: Thanks.', '', 'Host: At 10:30 we start.', '', 'Guest: Fine.'].join('\n'));
    expect(para(d, 'Note：AI transcript')).toMatchObject({ kind: 'text', speakerId: null });
    expect(d.speakers.map((s) => s.name)).toEqual(['Host', 'Guest']);
  });

  it('does not take prose with a colon for a speaker, and finds short headings', () => {
    const d = parseText(
      ['Scaling and its limits', '', 'Note: this transcript was edited for length.', '', 'Host: Welcome.', '', 'Guest: Thank you.', '', 'Host: Tell me more.', '', 'Guest: Happily, at length, for a long time.'].join('\n'),
    );
    expect(d.sections[0].title).toBe('Scaling and its limits');
    expect(d.paragraphs[0].kind).toBe('heading');
    expect(para(d, 'Note: this transcript')).toMatchObject({ kind: 'text', speakerId: null });
    expect(d.speakers.map((s) => s.name)).toEqual(['Host', 'Guest']);
    // no Amodei: the speaker with the most words is the main one
    expect(mainOf(d)).toBe('Guest');
  });

  it('says so when there are no speakers', () => {
    const d = parseText('An essay.\n\nIt has paragraphs but nobody speaks in it.\n\nThe end of it, really.');
    expect(d.speakers).toEqual([]);
    expect(d.paragraphs.every((p) => p.kind === 'text')).toBe(true);
    expect(d.warnings.join(' ')).toMatch(/No speaker names/);
  });
});

describe('Markdown', () => {
  it('reads bold names and # headings (the fixture)', () => {
    const d = draftOf('interview-en.md');
    expect(d.format).toBe('md');
    expect(d.title).toMatch(/^The Long Horizon/);
    expect(mainOf(d)).toBe('Dario Amodei');
    expect(para(d, 'country of geniuses in a data center')).toMatchObject({ speaker: 'Maya Lindqvist', kind: 'turn' });
    expect(para(d, 'I meant something fairly literal')).toMatchObject({ speaker: 'Dario Amodei', kind: 'turn' });
    expect(para(d, 'A fictional interview').text).toBe("A fictional interview written for Verbatim's tests.");
  });

  it('reduces links, emphasis and both bold-name forms to text', () => {
    const d = parseMarkdown('## Part one\n\n**Dario Amodei**: I said [this](https://x.test) *plainly*.\n\n**Host:** And `that`?\n\n**Dario Amodei:** Yes.');
    expect(d.paragraphs.map((p) => [p.kind, d.speakers.find((s) => s.id === p.speakerId)?.name ?? null, p.text])).toEqual([
      ['heading', null, 'Part one'],
      ['turn', 'Dario Amodei', 'I said this plainly.'],
      ['turn', 'Host', 'And that?'],
      ['turn', 'Dario Amodei', 'Yes.'],
    ]);
  });
});

describe('SRT without names', () => {
  it('merges cues into paragraphs by pauses and sentence ends, keeping start times', () => {
    const d = draftOf('interview-en.srt');
    expect(d.format).toBe('srt');
    expect(d.speakers).toEqual([]);
    expect(d.paragraphs.length).toBeGreaterThan(10);
    expect(d.paragraphs.length).toBeLessThan(40);
    expect(d.paragraphs[0]).toMatchObject({ kind: 'text', time: 5 });
    expect(d.paragraphs[0].text).toMatch(/^Welcome back to The Long Horizon\. My guest today runs one of the companies/);
    const times = d.paragraphs.map((p) => p.time as number);
    expect(times.every((t, i) => i === 0 || t > times[i - 1])).toBe(true);
    // a cue line break is a space, not a joined word
    expect(d.paragraphs.map((p) => p.text).join(' ')).toContain('country of geniuses in a data center');
  });

  it('splits at a pause of two seconds, reads NAME: lines when they recur, strips tags', () => {
    const srt = [
      '1', '00:00:01,000 --> 00:00:02,000', 'HOST: <i>First</i> question', '',
      '2', '00:00:02,100 --> 00:00:03,000', 'goes on here.', '',
      '3', '00:00:03,500 --> 00:00:05,000', 'DARIO: An answer.', '',
      '4', '00:00:09,000 --> 00:00:10,000', 'After a pause.', '',
      '5', '00:00:10,500 --> 00:00:11,000', 'HOST: Thanks.', '',
      '6', '00:00:11,500 --> 00:00:12,000', 'DARIO: Sure.', '',
    ].join('\n');
    const d = parseSrt(srt);
    expect(d.paragraphs.map((p) => [d.speakers.find((s) => s.id === p.speakerId)?.name, p.time, p.text])).toEqual([
      ['HOST', 1, 'First question goes on here.'],
      ['DARIO', 3.5, 'An answer.'],
      ['DARIO', 9, 'After a pause.'],
      ['HOST', 10.5, 'Thanks.'],
      ['DARIO', 11.5, 'Sure.'],
    ]);
    expect(d.paragraphs[1].turnId).toBe(d.paragraphs[2].turnId);
  });
});

describe('WebVTT with voice tags', () => {
  it('reads the fixture: <v Name> speakers, cue times, NOTE and STYLE skipped, header as title', () => {
    const d = draftOf('interview-en.vtt');
    expect(d.format).toBe('vtt');
    expect(d.title).toBe('The Long Horizon 212');
    expect(d.speakers.map((s) => s.name)).toEqual(['Maya Lindqvist', 'Dario Amodei']);
    expect(mainOf(d)).toBe('Dario Amodei');
    expect(para(d, 'I really dislike that word')).toMatchObject({ speaker: 'Dario Amodei', time: 231 });
    const all = d.paragraphs.map((p) => p.text).join('\n');
    expect(all).not.toMatch(/color: yellow|written for Verbatim|<v|line:85%/);
    expect(all).toContain('country of geniuses in a data center');
  });

  it('handles voice classes, entities, inline timestamps, rolling repeats and hour-less times', () => {
    const vtt = [
      'WEBVTT', '',
      'NOTE a comment', '',
      '00:01.000 --> 00:02.000', '<v.loud Lex Fridman>Is &amp; was &lt;it&gt; <00:01.500><c>true</c>?', '',
      '00:02.000 --> 00:04.000', '<v Dario Amodei>Yes, it is.', '',
      '00:04.000 --> 00:05.000', '<v Dario Amodei>Yes, it is.\nAnd more.', '',
    ].join('\n');
    const d = parseVtt(vtt);
    expect(d.paragraphs.map((p) => [d.speakers.find((s) => s.id === p.speakerId)?.name, p.time, p.text])).toEqual([
      ['Lex Fridman', 1, 'Is & was <it> true?'],
      ['Dario Amodei', 2, 'Yes, it is. And more.'],
    ]);
  });
});

describe('HTML with bold names', () => {
  it('reads the fixture: <strong> names, times after names, headings, entities; no script, style, nav or footer', () => {
    const d = draftOf('interview-en.html');
    expect(d.format).toBe('html');
    expect(d.title).toBe('The Long Horizon, Episode 212: A Conversation with Dario Amodei');
    expect(d.paragraphs[0].kind).toBe('heading');
    expect(d.speakers.map((s) => s.name)).toEqual(['Maya Lindqvist', 'Dario Amodei']);
    expect(para(d, 'I really dislike that word')).toMatchObject({ speaker: 'Dario Amodei', time: 231, kind: 'turn' });
    expect(para(d, 'The honest answer is that nobody')).toMatchObject({ speaker: 'Dario Amodei', kind: 'turn' });
    expect(para(d, 'Let’s start with the thing')).toMatchObject({ speaker: 'Maya Lindqvist' });
    const all = d.paragraphs.map((p) => p.text).join('\n');
    expect(all).not.toMatch(/not text|alert|margin|Home|Episodes|Subscribe|©/);
  });

  it('never runs or keeps markup, decodes entities, reads <br> lines and <b>Name</b>: forms', () => {
    const html =
      '<title>T &amp; U</title><p onclick="x()"><b>Host</b>: Hello &#x4E16;&#30028; <img src=x onerror=alert(1)><br>Dario Amodei: Line two.</p>' +
      '<script>var s = "</p><p>fake</p>";</script><!-- <p>hidden</p> --><p><strong>Host:</strong>Again.</p><p>a < b and c > d</p>';
    const d = parseHtml(html);
    expect(d.title).toBe('T & U');
    expect(d.paragraphs.map((p) => [d.speakers.find((s) => s.id === p.speakerId)?.name ?? null, p.text])).toEqual([
      ['Host', 'Hello 世界'],
      ['Dario Amodei', 'Line two.'],
      ['Host', 'Again.'],
      ['Host', 'a < b and c > d'],
    ]);
  });
});

describe('detectFormat and parseSource', () => {
  it('picks the format by extension, else by content', () => {
    expect(detectFormat('a.SRT', '')).toBe('srt');
    expect(detectFormat('a.htm', '')).toBe('html');
    expect(detectFormat(undefined, fixtureText('interview-en.vtt'))).toBe('vtt');
    expect(detectFormat(undefined, fixtureText('interview-en.srt'))).toBe('srt');
    expect(detectFormat(undefined, fixtureText('interview-en.html'))).toBe('html');
    expect(detectFormat(undefined, fixtureText('interview-en.md'))).toBe('md');
    expect(detectFormat('notes', 'Host: hi')).toBe('txt');
  });

  it('reads every encoded Chinese fixture to the same paragraphs', () => {
    const gbk = draftOf('interview-zh-gbk.txt');
    const utf16 = draftOf('interview-zh-utf16.txt');
    const big5 = draftOf('interview-zh-big5.txt');
    expect(gbk.encoding).toBe('gb18030');
    expect(utf16.encoding).toBe('utf-16le');
    expect(big5.encoding).toBe('big5');
    expect(gbk.language).toBe('zh-Hans');
    expect(big5.language).toBe('zh-Hant');
    expect(utf16.paragraphs).toEqual(gbk.paragraphs);
    expect(big5.paragraphs.length).toBe(gbk.paragraphs.length);
    expect(mainOf(gbk)).toBe('达里奥·阿莫迪');
    expect(mainOf(big5)).toBe('達里奧·阿莫迪');
    expect(para(gbk, '我非常不喜欢这个词').speaker).toBe('达里奥·阿莫迪');
  });

  it('refuses what cannot be a source, in one sentence', () => {
    for (const input of [{}, { text: '' }, { text: '   ' }, { bytes: new Uint8Array() }, { text: 'abc\u0000def' }, { text: '<p></p>', name: 'x.html' }]) {
      const r = parseSource(input);
      expect(r.ok, JSON.stringify(input)).toBe(false);
      expect((r as { error: string }).error).toMatch(/^[A-Z][^\n]*\.$/);
    }
  });

  it('keeps url and a given title; pasted text is format paste', () => {
    const r = parseSource({ text: 'Host: Hi there.\n\nDario Amodei: Hello.', format: 'paste', url: 'https://example.test/t', title: 'Given' });
    expect(r.ok && r.draft).toMatchObject({ format: 'paste', url: 'https://example.test/t', title: 'Given' });
  });
});
