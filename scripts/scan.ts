/**
 * `npm run --silent scan -- FILE.html` (or `-` for standard input): every quote of the article,
 * one JSON line each, in page order — the quote, its offsets in the article text, who the page
 * says said it, and the same check result as `npm run quote`.
 */
import { readFileSync } from 'node:fs';
import { createMatcher } from '../src/match/index';
import { loadGloss, loadTranscript } from './eval-core';
import { scanHtml } from './scan-lib';

const USAGE = 'usage: npm run --silent scan -- FILE.html   (or - for standard input)';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.length !== 1 || args[0] === '--help') {
    process.stderr.write(`${USAGE}\n`);
    process.exit(args[0] === '--help' ? 0 : 2);
  }
  const html = args[0] === '-' ? readFileSync(0, 'utf8') : readFileSync(args[0], 'utf8');
  const matcher = createMatcher(loadTranscript(), loadGloss());
  const { lines } = await scanHtml(html, (text) => matcher.check(text));
  for (const l of lines) process.stdout.write(`${JSON.stringify(l)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`scan: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
