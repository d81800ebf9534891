/**
 * Build-time reduction of CC-CEDICT to the cross-language term maps (see
 * scripts/build-dictionary.ts). Pure: a function of the dictionary's text, so it is tested on a
 * few lines of the real format.
 */
import { englishTerms } from '../match/english';
import { toSimplified } from '../match/normalize';
import { STEMMER_PROBE, stemmerFingerprint, type DictionaryData } from './dictionary';


export { DICTIONARY_FILE, DICTIONARY_URL } from './dictionary';

export const ATTRIBUTION =
  'Cross-language matching uses CC-CEDICT (MDBG, https://cc-cedict.org/), licensed under Creative Commons ' +
  'Attribution-ShareAlike 4.0 (https://creativecommons.org/licenses/by-sa/4.0/); based on CEDICT, © 1997, 1998 ' +
  'Paul Andrew Denisowski. Verbatim ships a reduced form (term lists), under the same licence.';

const MAX_ZH_TERMS = 6;
const MAX_EN_WORDS = 8;
/** Longer headwords (set phrases, titles) are rarely what a quote says: left out. */
export const MAX_KEY = 4;
/** A sense with more content words than this is a description, not a translation. */
const MAX_SENSE_WORDS = 4;
const HAN_ONLY = /^[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF〇]+$/u;
const SKIP_SENSE =
  /^(?:(?:old |archaic |Japanese |erhua |ancient )?variant of|see |see also|surname |CL:|abbr\.? for|used in|also written|also pr\.|pr\.|Taiwan pr\.|classifier|(?:grammatical |modal |possessive |interrogative |final |structural )?particle|used (?:after|before|as|to|in)|(?:component|radical) in|same as|\(arch|\(old|\(classical|\(literary\))/i;

interface Entry {
  simp: string;
  trad: string;
  proper: boolean;
  tiers: string[][];
}

/** English content terms of one sense, or null when the sense is not a usable translation. */
function senseTerms(sense: string): string[] | null {
  const s = sense.trim();
  if (!s || SKIP_SENSE.test(s)) return null;
  const clean = s
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/[\u3400-\u9FFF|]+/g, ' ')
    .replace(/\bsb\b|\bsth\b|\bsb's\b|\bsth's\b|\betc\b/g, ' ');
  const terms = englishTerms(clean).filter((t) => t.length >= 2 || /\d/.test(t));
  if (terms.length === 0 || terms.length > MAX_SENSE_WORDS) return null;
  return terms;
}

function parseLine(line: string): Entry | null {
  const m = /^(\S+) (\S+) \[([^\]]*)\] \/(.*)\/\s*$/.exec(line);
  if (!m) return null;
  const [, trad, simp, pinyin, defs] = m;
  if (!HAN_ONLY.test(simp) || simp.length > MAX_KEY) return null;
  const tiers: string[][] = [];
  for (const def of defs.split('/')) {
    const tier: string[] = [];
    for (const sense of def.split(/[;,]/)) {
      const t = senseTerms(sense);
      if (t) tier.push(...t);
    }
    if (tier.length > 0) tiers.push([...new Set(tier)]);
  }
  if (tiers.length === 0) return null;
  return { simp, trad, proper: /^[A-Z]/.test(pinyin), tiers };
}

/** Tier weights (sense order) used for both directions; stored as tier positions only. */
export const TIER_WEIGHT = [1, 0.75, 0.55];

export function buildDictionaryData(raw: string, from: string): DictionaryData {
  const header = raw.split('\n').filter((l) => l.startsWith('#'));
  const meta = (k: string) => header.find((l) => l.startsWith(`#! ${k}=`))?.slice(`#! ${k}=`.length).trim() ?? '';
  const byKey = new Map<string, Entry[]>();
  let entries = 0;
  for (const line of raw.split('\n')) {
    if (line.startsWith('#') || !line.trim()) continue;
    entries++;
    const e = parseLine(line);
    if (!e) continue;
    // names of people and places beyond two characters are not what quotes of an interview translate
    if (e.proper && e.simp.length > 2) continue;
    for (const key of new Set([e.simp, toSimplified(e.trad)])) {
      const list = byKey.get(key) ?? [];
      list.push(e);
      byKey.set(key, list);
    }
  }
  // How many headwords contain a word: a stand-in for how common it is (增长 is in many compounds,
  // 出落 in few), used to put the usual translation of an English term first.
  const productive = new Map<string, number>();
  for (const key of byKey.keys()) {
    const subs = new Set<string>();
    for (let a = 0; a < key.length; a++) for (let b = a + 2; b <= key.length; b++) subs.add(key.slice(a, b));
    for (const sub of subs) productive.set(sub, (productive.get(sub) ?? 0) + 1);
  }
  const zh: Record<string, string> = {};
  const inverse = new Map<string, Map<string, number>>();
  const singles = new Map<string, string[]>();
  for (const [key, list] of [...byKey.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    // common-word readings before proper names (名 "name" before 名 as a surname)
    const ordered = [...list].sort((a, b) => Number(a.proper) - Number(b.proper));
    const seen = new Set<string>();
    const tiers: string[][] = [[], [], []];
    for (const e of ordered) {
      e.tiers.forEach((tier, i) => {
        const slot = tiers[Math.min(i + (e.proper && ordered.length > 1 ? 1 : 0), 2)];
        for (const t of tier) {
          if (seen.size >= MAX_ZH_TERMS || seen.has(t)) continue;
          seen.add(t);
          slot.push(t);
        }
      });
    }
    while (tiers.length > 1 && tiers[tiers.length - 1].length === 0) tiers.pop();
    if (seen.size === 0) continue;
    zh[key] = tiers.map((t) => t.join(' ')).join('|');
    if (key.length < 2) {
      // a single character stands for a term only as its first sense (年 year, 说 say)
      for (const t of tiers[0].slice(0, 2)) {
        const list = singles.get(t) ?? [];
        if (list.length < 2) list.push(key);
        singles.set(t, list);
      }
      continue;
    }
    // English → Chinese: words of two or more characters, the shorter and earlier sense first
    const lengthWeight = key.length === 2 ? 1 : key.length === 3 ? 0.85 : 0.7;
    tiers.forEach((tier, i) => {
      for (const t of tier) {
        const w = TIER_WEIGHT[i] * lengthWeight * (1 / Math.sqrt(tier.length)) * Math.log(2 + (productive.get(key) ?? 1));
        const m = inverse.get(t) ?? new Map<string, number>();
        m.set(key, Math.max(m.get(key) ?? 0, w));
        inverse.set(t, m);
      }
    });
  }
  const en: Record<string, string> = {};
  const terms = [...new Set([...inverse.keys(), ...singles.keys()])].sort();
  for (const t of terms) {
    const words = [...(inverse.get(t) ?? new Map<string, number>()).entries()]
      .sort((a, b) => b[1] - a[1] || a[0].length - b[0].length || (a[0] < b[0] ? -1 : 1))
      .slice(0, MAX_EN_WORDS)
      .map(([w]) => w)
      .join(' ');
    const one = singles.get(t);
    en[t] = one ? `${words}|${one.join(' ')}` : words;
  }
  const lines = (rec: Record<string, string>) =>
    Object.keys(rec)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      .map((k) => `${k}\t${rec[k]}`)
      .join('\n');
  return {
    about: {
      name: 'CC-CEDICT (reduced for Verbatim)',
      publisher: meta('publisher') || 'MDBG',
      license: meta('license') || 'https://creativecommons.org/licenses/by-sa/4.0/',
      date: meta('date'),
      entries,
      from,
      attribution: ATTRIBUTION,
      stemmer: stemmerFingerprint(),
      probe: STEMMER_PROBE.length,
    },
    zh: lines(zh),
    en: lines(en),
  };
}
