import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../src/types';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const quote = (args: string[], input?: string): string =>
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/quote.ts', ...args], { cwd: ROOT, encoding: 'utf8', input });

// Each case starts Node with tsx: generous timeouts for a loaded machine (no assertion on time).
describe('quote CLI with --source', { timeout: 120_000 }, () => {
  it('checks against the built-in transcript plus the given files, naming the source of every match', () => {
    const r = JSON.parse(
      quote(['--source', 'test/fixtures/sources/interview-en.vtt', '--source', 'test/fixtures/sources/interview-zh-big5.txt', 'I really dislike that word. I am not predicting doom.']),
    ) as CheckResult;
    expect(r.verdict).toBe('verbatim');
    expect(r.matches[0]).toMatchObject({
      source: { id: 'interview-en.vtt', language: 'en', kind: 'original' },
      speaker: 'main',
      speakerName: 'Dario Amodei',
      time: expect.any(Number),
    });
  });

  it('with --jsonl, one line per input line; the built-in transcript keeps amodei/host/editor', () => {
    const lines = quote(['--jsonl', '--source', 'test/fixtures/sources/interview-zh-gbk.txt'], '{"text":"我非常不喜歡這個詞"}\n{"text":"那是我聽過最無恥、最離譜的謊言"}\n')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as CheckResult);
    expect(lines.map((l) => l.verdict)).toEqual(['verbatim', 'verbatim']);
    expect(lines[0].matches[0]).toMatchObject({ source: { id: 'interview-zh-gbk.txt', language: 'zh-Hans' }, speakerName: '达里奥·阿莫迪' });
    expect(lines[1].matches[0]).toMatchObject({ speaker: 'amodei', source: { id: 'builtin', kind: 'translation' } });
  });

  it('fails with a message for a file it cannot read', () => {
    expect(() => quote(['--source', 'test/fixtures/sources/missing.txt', 'some text here'])).toThrow(/no such file/);
  });
});
