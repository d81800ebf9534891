import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sourceArgs, sourcesChecker } from '../../scripts/quote-sources';
import type { Transcript } from '../../src/types';

const root = fileURLToPath(new URL('../../', import.meta.url));
const transcript = JSON.parse(readFileSync(root + 'data/transcript.json', 'utf8')) as Transcript;
const zh = root + 'test/fixtures/pair/interview.zh.txt';
const en = root + 'test/fixtures/pair/interview.en.txt';

describe('CLI --source / --pair', () => {
  it('parses the options and leaves the rest', () => {
    expect(sourceArgs(['--source', 'a.txt', '--pair=b.txt=c.txt', '--jsonl', 'TEXT', '--pair', 'builtin=d.vtt'])).toEqual({
      sources: ['a.txt'],
      pairs: [
        { translation: 'b.txt', original: 'c.txt' },
        { translation: 'builtin', original: 'd.vtt' },
      ],
      rest: ['--jsonl', 'TEXT'],
    });
    expect(() => sourceArgs(['--pair', 'a.txt'])).toThrow(/TRANSLATION_FILE=ORIGINAL_FILE/);
    expect(() => sourceArgs(['--source'])).toThrow(/needs a value/);
  });

  const checker = sourcesChecker(transcript, undefined, sourceArgs([`--pair=${zh}=${en}`]));

  it('a Chinese quote in the paired translation gains the English original sentence', () => {
    const r = checker.check('最强的模型需要数十万块芯片');
    expect(r.verdict).toBe('verbatim');
    const m = r.matches[0];
    expect(m.source).toMatchObject({ id: 'interview.zh.txt', kind: 'translation' });
    const c = m.counterpart!;
    expect(c).toMatchObject({ sourceId: 'interview.en.txt', paragraphId: 'p026' });
    expect(c.text.slice(c.start, c.end)).toBe('The most capable models need huge numbers of chips, hundreds of thousands of them.');
  });

  it('an English quote verbatim in the original shows the translation’s rendering, or that it was dropped', () => {
    const r = checker.check('If the model crosses a threshold, stronger security and deployment rules kick in automatically.');
    expect(r.verdict).toBe('verbatim');
    const m = r.matches[0];
    expect(m.source).toMatchObject({ id: 'interview.en.txt', kind: 'original' });
    expect(m.counterpart!.text.slice(m.counterpart!.start, m.counterpart!.end)).toBe('一旦模型越过阈值，更严格的安全和部署规则就会自动生效。');

    const dropped = checker.check('Do you use Claude yourself?').matches[0];
    expect(dropped.counterpart).toBeNull();
    expect(dropped.counterpartDropped).toBe('paragraph');
  });

  it('leaves matches in unpaired sources alone', () => {
    const r = checker.check('如果你看营收,Anthropic 的营收每年都增长 100 倍。');
    for (const m of r.matches) if (m.source?.id === 'builtin') expect(m.counterpart).toBeUndefined();
  });

  it('--pair builtin=FILE pairs the built-in transcript (here with an unrelated English file: only the wiring is checked)', () => {
    const builtinPaired = sourcesChecker(transcript, undefined, sourceArgs(['--pair', `builtin=${en}`]));
    const m = builtinPaired.check('如果你看营收,Anthropic 的营收每年都增长 100 倍。').matches.find((x) => x.source?.id === 'builtin')!;
    expect(m.source?.kind).toBe('translation');
    expect(m.counterpart === null ? m.counterpartDropped : m.counterpart?.sourceId).toMatch(/^(interview\.en\.txt|paragraph)$/);
  });
});
