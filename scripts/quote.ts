/**
 * Command line for the matcher (contract in design.md):
 *
 *   npm run --silent quote -- "TEXT"       one JSON result on stdout
 *   npm run --silent quote -- --jsonl      JSON lines with a `text` field on stdin,
 *                                          one result line per input line, in order
 *   --source FILE (repeatable, before either form): also check against FILE (.txt .md .srt
 *   .vtt .html, any encoding Verbatim reads); every match then names its `source`, with
 *   `speakerName` and `time` when known.
 *
 * Exit status is non-zero only for misuse (no text, unknown option, missing data); a quote
 * that cannot be judged is a normal result with verdict "invalid".
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { CheckResult, Transcript } from '../src/types';
import { createMatcher, type Gloss } from '../src/match/index';
import { builtinSource, createMultiMatcher, draftToSource, parseSource, type SourceEntry } from '../src/sources/index';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const USAGE = `usage: npm run --silent quote -- [--source FILE]... "TEXT"
       npm run --silent quote -- [--source FILE]... --jsonl < lines.jsonl   (each line: {"text": "..."})`;

/** What the CLI checks with: the single matcher, or the multi-source one when files are given. */
interface Checker {
  check(text: string): CheckResult;
}

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

function loadTranscript(): Transcript {
  const transcriptPath = resolve(ROOT, 'data/transcript.json');
  if (!existsSync(transcriptPath)) fail(`data/transcript.json is missing; run \`npm run data\` first.`);
  return JSON.parse(readFileSync(transcriptPath, 'utf8')) as Transcript;
}

function loadMatcher(sourceFiles: string[]): Checker {
  const transcript = loadTranscript();
  const gloss = readGloss(resolve(ROOT, 'data/gloss.en.json'));
  if (sourceFiles.length === 0) return createMatcher(transcript, gloss);
  const entries: SourceEntry[] = [{ source: builtinSource(transcript), transcript, gloss }];
  const ids = new Set<string>(['builtin']);
  for (const file of sourceFiles) {
    if (!existsSync(file)) fail(`--source ${file}: no such file`);
    const parsed = parseSource({ name: basename(file), bytes: new Uint8Array(readFileSync(file)) });
    if (!parsed.ok) fail(`--source ${file}: ${parsed.error}`);
    // the id is the file's name, made unique
    let id = basename(file).replace(/[^\w.-]+/g, '-');
    for (let n = 2; ids.has(id); n++) id = `${basename(file)}-${n}`;
    ids.add(id);
    entries.push({ source: draftToSource(parsed.draft, id, Date.now()) });
  }
  return createMultiMatcher(entries);
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
  const args = process.argv.slice(2);
  const flags: string[] = [];
  const texts: string[] = [];
  const sources: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--source') {
      if (i + 1 >= args.length) fail('--source needs a file');
      sources.push(args[++i]);
    } else if (a.startsWith('--source=')) sources.push(a.slice('--source='.length));
    else if (a.startsWith('--')) flags.push(a);
    else texts.push(a);
  }
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
