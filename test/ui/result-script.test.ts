/** The command line answers in the script of the query (issue 17 item 7): `src/view/result-script.ts`. */
import { readFileSync } from 'node:fs';
import { Converter } from 'opencc-js/cn2t';
import { describe, expect, it } from 'vitest';
import { createMatcher } from '../../src/match/index';
import type { Transcript } from '../../src/types';
import { buildScriptTables } from '../../src/view/model';
import { resultInScript, scriptFor } from '../../src/view/result-script';

const transcript = JSON.parse(readFileSync(new URL('../../data/transcript.json', import.meta.url), 'utf8')) as Transcript;
const tables = buildScriptTables(transcript);
const matcher = createMatcher(transcript);
const toTraditional = Converter({ from: 'cn', to: 'tw' });

describe('results in the script of the query', () => {
  it('a Simplified quote gets Simplified passages, its span still on the same words', () => {
    const query = '那是我听过最无耻、最离谱的谎言';
    const raw = matcher.check(query);
    expect(raw.verdict).toBe('verbatim');
    const script = scriptFor(query, undefined, tables);
    expect(script).toBe('simplified');
    const out = resultInScript(raw, script!, tables, toTraditional);
    const m = out.matches[0];
    expect(m.passage.length).toBe(raw.matches[0].passage.length);
    expect(m.passage.slice(m.start, m.end)).toContain('谎言');
    expect(raw.matches[0].passage.slice(m.start, m.end)).toContain('謊言');
  });

  it('a Traditional quote, or --script traditional, keeps the transcript as written', () => {
    const query = '那是我聽過最無恥、最離譜的謊言';
    expect(scriptFor(query, undefined, tables)).toBe('traditional');
    const raw = matcher.check(query);
    const out = resultInScript(raw, 'traditional', tables, toTraditional);
    expect(out.matches[0].passage).toBe(raw.matches[0].passage);
    expect(scriptFor('那是我听过最无耻', 'traditional', tables)).toBe('traditional');
  });

  it('a query in neither script (English, digits) leaves the result as it is', () => {
    expect(scriptFor('the most shameless lie', undefined, tables)).toBeNull();
  });
});
