import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pairedChecker, parsePairArg } from '../../scripts/quote-sources';
import { builtinSource, type SourceEntry } from '../../src/sources/index';
import type { CheckResult, Transcript } from '../../src/types';
import { importFixture } from './fixture';

const root = fileURLToPath(new URL('../../', import.meta.url));
const transcript = JSON.parse(readFileSync(root + 'data/transcript.json', 'utf8')) as Transcript;
const entries = (): SourceEntry[] => [
  { source: builtinSource(transcript), transcript },
  { source: importFixture('interview.zh.txt', 'interview.zh.txt') },
  { source: importFixture('interview.en.txt', 'interview.en.txt') },
];

describe('CLI --pair', () => {
  it('parses TRANSLATION=ORIGINAL and refuses the rest', () => {
    expect(parsePairArg('a.txt=b.vtt')).toEqual({ translation: 'a.txt', original: 'b.vtt' });
    expect(parsePairArg('builtin=b.vtt')).toEqual({ translation: 'builtin', original: 'b.vtt' });
    expect(parsePairArg('a.txt')).toMatch(/TRANSLATION_FILE=ORIGINAL_FILE/);
    expect(parsePairArg('a.txt=')).toMatch(/TRANSLATION_FILE=ORIGINAL_FILE/);
    expect(parsePairArg('a.txt=builtin')).toMatch(/built-in transcript is a translation/);
  });

  const checker = pairedChecker(entries(), [{ translationId: 'interview.zh.txt', originalId: 'interview.en.txt' }]);

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
    expect(r.matches.length).toBeGreaterThan(0);
    for (const m of r.matches) if (m.source?.id === 'builtin') expect(m.counterpart).toBeUndefined();
  });

  it('npm run quote -- --pair runs end to end (the real command line)', () => {
    const out = execFileSync(
      process.execPath,
      [root + 'node_modules/tsx/dist/cli.mjs', root + 'scripts/quote.ts', '--pair', `${root}test/fixtures/pair/interview.zh.txt=${root}test/fixtures/pair/interview.en.txt`, '两件事。一是坏人滥用'],
      { encoding: 'utf8' },
    );
    const r = JSON.parse(out) as CheckResult;
    const m = r.matches.find((x) => x.source?.id === 'interview.zh.txt')!;
    expect(m.counterpart).toMatchObject({ sourceId: 'interview.en.txt', paragraphId: 'p031' });
    expect(m.counterpart!.text.slice(m.counterpart!.start, m.counterpart!.end)).toBe('Two things. Misuse by bad actors, and models that behave in ways we did not intend, what we call alignment failures.');
  }, 120_000); // a child process on a shared machine: generous, and not a speed assertion
});
