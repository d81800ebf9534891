/**
 * Command line for the matcher (contract in design.md):
 *
 *   npm run --silent quote -- "TEXT"       one JSON result on stdout
 *   npm run --silent quote -- --jsonl      JSON lines with a `text` field on stdin,
 *                                          one result line per input line, in order
 *   --source FILE (repeatable, before either form): also check against FILE (.txt .md .srt
 *   .vtt .html, any encoding Verbatim reads); every match then names its `source`, with
 *   `speakerName` and `time` when known.
 *   --pair TRANSLATION_FILE=ORIGINAL_FILE / --pair builtin=ORIGINAL_FILE (repeatable): both become
 *   sources, the first marked a translation of the second, aligned once at start; matches in
 *   them gain `counterpart` (scripts/quote-sources.ts).
 *
 *   --script simplified|traditional: the script Chinese passages are shown in; by default the
 *   script of the query (a Simplified quote gets Simplified passages), offsets kept.
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
import { pairedChecker, parsePairArg, type PairArg } from './quote-sources';
import { Converter } from 'opencc-js/cn2t';
import { buildScriptTables, type Script } from '../src/view/model';
import { resultInScript, scriptFor } from '../src/view/result-script';
import type { MultiMatcher } from '../src/sources/check-all';
import { DICTIONARY_FILE, parseDictionary } from '../src/xlang/dictionary';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const USAGE = `usage: npm run --silent quote -- [--source FILE]... [--pair TRANSLATION_FILE=ORIGINAL_FILE]... "TEXT"
       npm run --silent quote -- [--source FILE]... [--pair ...]... --jsonl < lines.jsonl   (each line: {"text": "..."})
       (--pair builtin=FILE pairs the built-in transcript with an English original)
       --script simplified|traditional: Chinese passages in that script (default: the script of the query)`;

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

function loadMatcher(sourceFiles: string[], pairs: PairArg[] = []): Checker {
  const transcript = loadTranscript();
  const gloss = readGloss(resolve(ROOT, 'data/gloss.en.json'));
  if (sourceFiles.length === 0 && pairs.length === 0) return createMatcher(transcript, gloss);
  const entries: SourceEntry[] = [{ source: builtinSource(transcript), transcript, gloss }];
  const ids = new Set<string>(['builtin']);
  // A paired file is a source too (once, however often it is named).
  const idOfFile = new Map<string, string>([['builtin', 'builtin']]);
  const files = [...sourceFiles, ...pairs.flatMap((p) => [p.translation, p.original])].filter((f) => {
    const key = f === 'builtin' ? f : resolve(f);
    if (idOfFile.has(key)) return false;
    idOfFile.set(key, '');
    return true;
  });
  for (const file of files) {
    if (!existsSync(file)) fail(`--source ${file}: no such file`);
    const parsed = parseSource({ name: basename(file), bytes: new Uint8Array(readFileSync(file)) });
    if (!parsed.ok) fail(`--source ${file}: ${parsed.error}`);
    // the id is the file's name, made unique
    let id = basename(file).replace(/[^\w.-]+/g, '-');
    for (let n = 2; ids.has(id); n++) id = `${basename(file)}-${n}`;
    ids.add(id);
    idOfFile.set(resolve(file), id);
    entries.push({ source: draftToSource(parsed.draft, id, Date.now()) });
  }
  if (pairs.length === 0) return withDictionary(createMultiMatcher(entries));
  const idOf = (f: string) => idOfFile.get(f === 'builtin' ? f : resolve(f))!;
  return pairedChecker(
    entries,
    pairs.map((p) => ({ translationId: idOf(p.translation), originalId: idOf(p.original) })),
  );
}

/** Answers in the script of the query, or the one asked for (`--script`). */
function inScript(checker: Checker, asked: Script | undefined): Checker {
  const tables = buildScriptTables(loadTranscript());
  const toTraditional = Converter({ from: 'cn', to: 'tw' });
  return {
    check(text) {
      const result = checker.check(text);
      const script = scriptFor(typeof text === 'string' ? text : '', asked, tables);
      return script ? resultInScript(result, script, tables, toTraditional) : result;
    },
  };
}

/** As the background does: the bilingual dictionary is read on the first cross-language check. */
function withDictionary(m: MultiMatcher): Checker {
  let loaded = false;
  return {
    check(text) {
      if (!loaded && m.wantsDictionary(text)) {
        m.setDictionary(parseDictionary(readFileSync(resolve(ROOT, DICTIONARY_FILE), 'utf8')));
        loaded = true;
      }
      return m.check(text);
    },
  };
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
  const pairs: PairArg[] = [];
  const pair = (value: string) => {
    const p = parsePairArg(value);
    if (typeof p === 'string') fail(p);
    pairs.push(p);
  };
  let script: Script | undefined;
  const setScript = (value: string | undefined) => {
    if (value !== 'simplified' && value !== 'traditional') fail('--script needs simplified or traditional');
    script = value;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--script') setScript(args[++i]);
    else if (a.startsWith('--script=')) setScript(a.slice('--script='.length));
    else if (a === '--source') {
      if (i + 1 >= args.length) fail('--source needs a file');
      sources.push(args[++i]);
    } else if (a.startsWith('--source=')) sources.push(a.slice('--source='.length));
    else if (a === '--pair') {
      if (i + 1 >= args.length) fail('--pair needs TRANSLATION_FILE=ORIGINAL_FILE');
      pair(args[++i]);
    } else if (a.startsWith('--pair=')) pair(a.slice('--pair='.length));
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
    await runJsonl(inScript(loadMatcher(sources, pairs), script));
    return;
  }
  if (texts.length === 0) fail('no text given');
  const matcher = inScript(loadMatcher(sources, pairs), script);
  process.stdout.write(`${JSON.stringify(matcher.check(texts.join(' ')))}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`quote: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
