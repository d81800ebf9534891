/**
 * Command line for the matcher (contract in design.md):
 *
 *   npm run --silent quote -- "TEXT"       one JSON result on stdout
 *   npm run --silent quote -- --jsonl      JSON lines with a `text` field on stdin,
 *                                          one result line per input line, in order
 *
 * Exit status is non-zero only for misuse (no text, unknown option, missing data); a quote
 * that cannot be judged is a normal result with verdict "invalid".
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { CheckResult, Transcript } from '../src/types';
import { createMatcher, type Gloss } from '../src/match/index';
import { sourceArgs, sourcesChecker, type Checker, type SourceArgs } from './quote-sources';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const USAGE = `usage: npm run --silent quote -- "TEXT"
       npm run --silent quote -- --jsonl < lines.jsonl   (each line: {"text": "..."})
       options: --source FILE (repeatable), --pair TRANSLATION_FILE=ORIGINAL_FILE, --pair builtin=FILE`;

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

/** data/gloss.en.json is `{about, gloss: {id: text}}`; a bare `{id: text}` map is accepted too. */
function readGloss(path: string): Gloss | undefined {
  if (!existsSync(path)) return undefined;
  const raw = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  const inner = raw.gloss && typeof raw.gloss === 'object' ? (raw.gloss as Record<string, unknown>) : raw;
  const out: Gloss = {};
  for (const [k, v] of Object.entries(inner)) if (typeof v === 'string' && /^p\d+$/.test(k)) out[k] = v;
  return out;
}

function loadMatcher(sources?: SourceArgs): Checker {
  const transcriptPath = resolve(ROOT, 'data/transcript.json');
  if (!existsSync(transcriptPath)) fail(`data/transcript.json is missing; run \`npm run data\` first.`);
  const transcript = JSON.parse(readFileSync(transcriptPath, 'utf8')) as Transcript;
  const gloss = readGloss(resolve(ROOT, 'data/gloss.en.json'));
  if (sources && (sources.sources.length > 0 || sources.pairs.length > 0)) return sourcesChecker(transcript, gloss, sources);
  return createMatcher(transcript, gloss);
}

function invalidLine(n: number, why: string): CheckResult {
  return { query: '', verdict: 'invalid', error: `Input line ${n} ${why}.`, matches: [] };
}

async function runJsonl(matcher: Checker): Promise<void> {
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let n = 0;
  for await (const line of rl) {
    n++;
    let result: CheckResult;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      parsed = undefined;
    }
    if (parsed && typeof parsed === 'object' && typeof (parsed as { text?: unknown }).text === 'string') {
      result = matcher.check((parsed as { text: string }).text);
    } else if (parsed === undefined) {
      result = invalidLine(n, 'is not JSON');
    } else {
      result = invalidLine(n, 'has no "text" string field');
    }
    process.stdout.write(`${JSON.stringify(result)}\n`);
  }
}

async function main(): Promise<void> {
  let sources: SourceArgs;
  try {
    sources = sourceArgs(process.argv.slice(2));
  } catch (err) {
    fail((err as Error).message);
  }
  const args = sources.rest;
  const flags = args.filter((a) => a.startsWith('--'));
  const texts = args.filter((a) => !a.startsWith('--'));
  for (const f of flags) if (f !== '--jsonl' && f !== '--help') fail(`unknown option ${f}`);
  if (flags.includes('--help')) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (flags.includes('--jsonl')) {
    if (texts.length > 0) fail('give either TEXT or --jsonl, not both');
    await runJsonl(loadMatcher(sources));
    return;
  }
  if (texts.length === 0) fail('no text given');
  const matcher = loadMatcher(sources);
  process.stdout.write(`${JSON.stringify(matcher.check(texts.join(' ')))}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`quote: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
