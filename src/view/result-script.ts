/**
 * A check result with its Chinese passages in one script, for the command line: the script of
 * the query unless one is asked for. Offsets stay valid: a text is converted only when its
 * length does not change (Traditional → Simplified with the transcript's own character pairs is
 * length-preserving by construction; the other way goes through OpenCC and is kept only when
 * the length holds).
 */
import type { CheckResult, Match } from '../types';
import { detectScript, toSimplifiedChars, type Script, type ScriptTables } from './model';

/** `simplified` / `traditional`, or the script the query is written in (null: neither shows). */
export function scriptFor(query: string, asked: Script | undefined, tables: ScriptTables): Script | null {
  if (asked) return asked;
  const s = detectScript(query, tables);
  return s === 'unknown' ? null : s;
}

export function resultInScript(result: CheckResult, script: Script, tables: ScriptTables, toTraditional: (text: string) => string): CheckResult {
  const conv = (text: string): string => {
    if (!text) return text;
    const out = script === 'simplified' ? toSimplifiedChars(text, tables) : toTraditional(text);
    return out.length === text.length ? out : text;
  };
  const match = (m: Match): Match => ({
    ...m,
    passage: conv(m.passage),
    sectionTitle: conv(m.sectionTitle),
    differences: m.differences.map((d) => ({ quote: d.quote, transcript: conv(d.transcript) })),
    ...(m.contradiction ? { contradiction: { ...m.contradiction, passage: m.contradiction.via === 'gloss' ? m.contradiction.passage : conv(m.contradiction.passage) } } : {}),
    ...(m.counterpart ? { counterpart: { ...m.counterpart, text: conv(m.counterpart.text) } } : {}),
  });
  const out: CheckResult = { ...result, matches: result.matches.map(match) };
  if (result.contradiction && result.contradiction.via !== 'gloss') out.contradiction = { ...result.contradiction, passage: conv(result.contradiction.passage) };
  if (result.mentions) out.mentions = { ...result.mentions, terms: result.mentions.terms.map(conv) };
  if (result.segments) out.segments = result.segments.map((s) => resultInScript(s, script, tables, toTraditional));
  return out;
}
