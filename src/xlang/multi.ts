/**
 * The cross-language check inside the multi-source check (`src/sources/check-all.ts`): which
 * sources it applies to, their indexes (cached per source text), and how its answer joins the
 * same-language one.
 *
 * A source is checked across languages when its language differs from the quote's and it has
 * no gloss of its own (the built-in transcript keeps its English-gloss route for English
 * quotes). The same-language answer comes first: verbatim or altered anywhere wins outright;
 * a same-language `related` keeps its headline and the cross-language passages follow it.
 */
import { isHanLanguage } from '../match/words';
import { validate } from '../match/validate';
import type { CheckResult, Match } from '../types';
import { sourceRef, type SourceEntry } from '../sources/entry';
import { sourceToTranscript } from '../sources/to-transcript';
import type { ParagraphInfo } from '../sources/to-transcript';
import type { Dictionary } from './dictionary';
import { crossLanguageCheck, quoteIsChinese, type XSource } from './check';
import { SourceIndex } from './source-index';

const cache = new Map<string, SourceIndex>();
const CACHE_MAX = 64;

function chineseSource(entry: SourceEntry): boolean {
  return isHanLanguage(entry.source.language);
}

/** Is this source checked across languages for this quote? */
export function crossLanguageApplies(quoteChinese: boolean, entry: SourceEntry): boolean {
  if (entry.gloss && Object.keys(entry.gloss).length > 0 && !quoteChinese) return false;
  return chineseSource(entry) !== quoteChinese;
}

/** Does any enabled source need the dictionary for this quote? (Then the caller loads it.) */
export function wantsDictionary(text: string, entries: SourceEntry[]): boolean {
  const v = validate(text);
  if (!v.ok) return false;
  const zh = quoteIsChinese(v.text);
  if (!zh && (v.text.match(/[A-Za-z]{2,}/g) ?? []).length < 3) return false;
  return entries.some((e) => e.source.enabled !== false && crossLanguageApplies(zh, e));
}

/** The cross-language index of a source, built once per source text (`key`: the source's fingerprint). */
export function indexOf(entry: SourceEntry, key: string, dict: Dictionary): SourceIndex {
  let index = cache.get(key);
  if (index) return index;
  if (entry.transcript) {
    const t = entry.transcript;
    const names: Record<string, string> = { amodei: t.meta.guest, host: t.meta.host, editor: t.meta.editor };
    const info = new Map<string, ParagraphInfo>(t.paragraphs.map((p) => [p.id, names[p.speaker] ? { speakerName: names[p.speaker] } : {}]));
    index = new SourceIndex(t, info, chineseSource(entry), dict);
  } else {
    const { transcript, paragraphInfo } = sourceToTranscript(entry.source);
    index = new SourceIndex(transcript, paragraphInfo, chineseSource(entry), dict);
  }
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value as string);
  cache.set(key, index);
  return index;
}

/** Cross-language answer over the sources it applies to (not-found when none). */
export function checkAcross(text: string, entries: Array<{ entry: SourceEntry; key: string }>, dict: Dictionary): CheckResult {
  const v = validate(text);
  if (!v.ok) return { query: text, verdict: 'not-found', matches: [] };
  const zh = quoteIsChinese(v.text);
  const sources: XSource[] = entries
    .filter(({ entry }) => entry.source.enabled !== false && crossLanguageApplies(zh, entry))
    .map(({ entry, key }) => ({ index: indexOf(entry, key, dict), ref: sourceRef(entry.source) }));
  if (sources.length === 0) return { query: text, verdict: 'not-found', matches: [] };
  const { xlang: _x, ...result } = crossLanguageCheck(v.text, sources, dict);
  return { ...result, query: text };
}

/** The same-language result joined with the cross-language one. */
export function joinCrossLanguage(same: CheckResult, across: CheckResult): CheckResult {
  if (across.verdict !== 'related') return same;
  if (same.verdict === 'verbatim' || same.verdict === 'altered' || same.verdict === 'invalid') return same;
  if (same.verdict === 'related') {
    const matches: Match[] = [...same.matches];
    for (const m of across.matches) if (matches.length < 3) matches.push(m);
    return { ...same, matches };
  }
  // not-found here (a contradiction found in the same language stays the finding to show)
  if (same.contradiction) return same;
  const { mentions: _m, headline: _h, notice: _n, noticeKey: _k, ...rest } = same;
  return { ...rest, verdict: 'related', headline: 'related-xlang', matches: across.matches, noticeKey: { key: 'notice_xlang' }, notice: XLANG_NOTICE };
}

export const XLANG_NOTICE =
  'Found in another language through a bilingual dictionary (CC-CEDICT): the passage is shown in its own language; its wording cannot be compared with the quote.';
