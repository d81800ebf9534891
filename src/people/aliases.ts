/**
 * People and the names the press gives them (issue 19). One list per person: the name as
 * written, the surname and given name alone, Simplified and Traditional forms, the
 * transliterations mainland, Taiwanese and Hong Kong media use, the name in Latin letters, and
 * the titles that stand for the person ("Anthropic CEO", 執行長…). Role nouns that stand for
 * whoever was named last ("the CEO", 這位執行長) are not here: they are pronouns (speaker.ts).
 *
 * Every Chinese form is listed in both scripts (a test checks this with OpenCC), so the scan —
 * which runs in the page — needs no converter. Matching tolerates the middle dots · ‧ ・ • and
 * spaces between the parts of a name (compileNames).
 */

/** `amodei` and `host` are the built-in transcript's speakers; anyone else is `other`. */
export type PersonRole = 'amodei' | 'host' | 'other';

export interface Person {
  id: string;
  role: PersonRole;
  /** How the scan names them when they are `other`. */
  display: string;
  /** Names: full, with any dot or space between the parts; surname and given name alone. */
  names: string[];
  /** Titles that stand for this person alone on a page about the interview. */
  titles: string[];
  /** For "she" / 她: the scan never resolves a female pronoun to someone listed as male. */
  female?: boolean;
}

export const AMODEI: Person = {
  id: 'amodei',
  role: 'amodei',
  display: 'Dario Amodei',
  names: [
    'Dario Amodei', 'Amodei', 'Dario',
    // Mainland: 阿莫迪 is the commonest; 阿莫代伊 in state media (Xinhua-style full transcription).
    '达里奥·阿莫迪', '達里奧·阿莫迪', '达里奥·阿莫代伊', '達里奧·阿莫代伊', '达里奥·阿莫代', '達里奧·阿莫代',
    '达里奥', '達里奧', '阿莫迪', '阿莫代伊', '阿莫戴伊', '阿莫蒂', '达利奥·阿莫迪', '達利奧·阿莫迪', '达利奥', '達利奧',
    // Taiwan: 阿莫代 / 阿莫戴, given name 達里歐 / 達里奧.
    '達里歐·阿莫代', '达里欧·阿莫代', '達里歐·阿莫迪', '达里欧·阿莫迪', '達里歐·阿莫戴', '达里欧·阿莫戴', '達里歐', '达里欧', '阿莫代', '阿莫戴',
    // Hong Kong: 阿莫迪 as on the mainland, sometimes 岱里奧.
    '岱里奧·阿莫迪', '岱里奥·阿莫迪', '岱里奧', '岱里奥',
  ],
  titles: [
    'Anthropic CEO', 'Anthropic’s CEO', "Anthropic's CEO", 'Anthropic chief executive', 'Anthropic’s chief executive', "Anthropic's chief executive",
    'the Anthropic chief', 'the Anthropic boss', 'the Anthropic CEO', 'the Anthropic co-founder', 'the Anthropic founder',
    'Anthropic’s chief', "Anthropic's chief", 'Anthropic’s boss', "Anthropic's boss", 'Anthropic’s founder', "Anthropic's founder", 'Anthropic’s co-founder', "Anthropic's co-founder",
    'the head of Anthropic',
    'Anthropic首席执行官', 'Anthropic首席執行官', 'Anthropic执行长', 'Anthropic執行長', 'Anthropic行政总裁', 'Anthropic行政總裁',
    'Anthropic联合创始人', 'Anthropic聯合創始人', 'Anthropic共同创办人', 'Anthropic共同創辦人', 'Anthropic创始人', 'Anthropic創始人', 'Anthropic创办人', 'Anthropic創辦人',
    'Anthropic掌门人', 'Anthropic掌門人', 'Anthropic掌舵人', 'Anthropic掌舵人', 'Anthropic负责人', 'Anthropic負責人', 'Anthropic老板', 'Anthropic老闆',
    'Anthropic公司首席执行官', 'Anthropic公司首席執行官', 'Anthropic公司执行长', 'Anthropic公司執行長', 'Anthropic公司行政总裁', 'Anthropic公司行政總裁',
  ],
};

export const KANTROWITZ: Person = {
  id: 'kantrowitz',
  role: 'host',
  display: 'Alex Kantrowitz',
  names: [
    'Alex Kantrowitz', 'Kantrowitz', 'Alex',
    '亚历克斯·坎特罗维茨', '亞歷克斯·坎特羅維茨', '亚历克斯·康特罗维茨', '亞歷克斯·康特羅維茨', '艾力克斯·康特羅維茲', '艾力克斯·康特罗维兹',
    '亚历克斯', '亞歷克斯', '艾力克斯', '坎特罗维茨', '坎特羅維茨', '康特罗维茨', '康特羅維茨', '康特羅維茲', '康特罗维兹', '坎特罗威茨', '坎特羅威茨',
  ],
  titles: [
    'the host', 'the interviewer', 'his interviewer', 'the show’s host', "the show's host", 'the podcast host', 'Big Technology host', 'the Big Technology host',
    '主持人', '节目主持人', '節目主持人', '播客主持人', '访谈主持人', '訪談主持人', '访问者', '訪問者', '采访者', '採訪者',
    'Big Technology主持人', 'Big Technology 主持人',
  ],
};

export const HUANG: Person = {
  id: 'huang',
  role: 'other',
  display: '黄仁勋 (Jensen Huang)',
  names: ['Jensen Huang', 'Huang', 'Jensen', '黄仁勋', '黃仁勳', '黄仁勛', '黃仁勛', '老黄', '老黃', '仁勋', '仁勳'],
  titles: [
    'Nvidia CEO', 'NVIDIA CEO', 'Nvidia’s CEO', "Nvidia's CEO", 'Nvidia chief executive', 'Nvidia Chief Executive', 'Nvidia’s chief executive', "Nvidia's chief executive",
    'the Nvidia chief', 'the Nvidia CEO', 'the Nvidia boss', 'Nvidia’s chief', "Nvidia's chief", 'Nvidia founder', 'Nvidia’s founder', "Nvidia's founder",
    '英伟达CEO', '英偉達CEO', '輝達CEO', '辉达CEO', '英伟达首席执行官', '英偉達首席執行官', '英伟达执行长', '英偉達執行長', '輝達執行長', '辉达执行长',
    '英伟达行政总裁', '英偉達行政總裁', '英伟达创始人', '英偉達創始人', '輝達創辦人', '辉达创办人', '英伟达掌门人', '英偉達掌門人',
  ],
};

export const DANIELA_AMODEI: Person = {
  id: 'daniela-amodei',
  role: 'other',
  display: 'Daniela Amodei',
  female: true,
  names: ['Daniela Amodei', 'Daniela', '丹妮拉·阿莫迪', '丹妮拉·阿莫代', '丹妮拉·阿莫戴', '丹妮拉·阿莫代伊', '丹妮拉', '丹尼拉·阿莫迪', '丹尼拉'],
  titles: ['Anthropic president', 'Anthropic’s president', "Anthropic's president", 'Anthropic总裁', 'Anthropic總裁'],
};

/** Others the press around the interview quotes: never Amodei, never the host. */
const OTHERS: Person[] = [
  {
    id: 'zuckerberg', role: 'other', display: 'Mark Zuckerberg',
    names: ['Mark Zuckerberg', 'Zuckerberg', 'Zuck', '马克·扎克伯格', '馬克·扎克伯格', '马克·祖克柏', '馬克·祖克柏', '扎克伯格', '祖克柏', '朱克伯格', '小扎', '馬克·朱克伯格', '马克·朱克伯格'],
    titles: ['Meta CEO', 'Meta’s CEO', "Meta's CEO", 'Meta首席执行官', 'Meta首席執行官', 'Meta执行长', 'Meta執行長', 'Meta行政总裁', 'Meta行政總裁'],
  },
  {
    id: 'altman', role: 'other', display: 'Sam Altman',
    names: ['Sam Altman', 'Altman', '山姆·奥特曼', '山姆·奧特曼', '山姆·阿特曼', '奥特曼', '奧特曼', '阿特曼', '阿尔特曼', '阿爾特曼'],
    titles: ['OpenAI CEO', 'OpenAI’s CEO', "OpenAI's CEO", 'OpenAI首席执行官', 'OpenAI首席執行官', 'OpenAI执行长', 'OpenAI執行長', 'OpenAI行政总裁', 'OpenAI行政總裁'],
  },
  {
    id: 'musk', role: 'other', display: 'Elon Musk',
    names: ['Elon Musk', 'Musk', '埃隆·马斯克', '埃隆·馬斯克', '伊隆·馬斯克', '伊隆·马斯克', '马斯克', '馬斯克'],
    titles: [],
  },
  {
    id: 'hassabis', role: 'other', display: 'Demis Hassabis',
    names: ['Demis Hassabis', 'Hassabis', '戴密斯·哈萨比斯', '戴密斯·哈薩比斯', '哈萨比斯', '哈薩比斯'],
    titles: [],
  },
  {
    id: 'lecun', role: 'other', display: 'Yann LeCun',
    names: ['Yann LeCun', 'LeCun', '杨立昆', '楊立昆', '扬·勒昆', '揚·勒昆', '勒昆'],
    titles: [],
  },
  {
    id: 'nadella', role: 'other', display: 'Satya Nadella',
    names: ['Satya Nadella', 'Nadella', '萨提亚·纳德拉', '薩提亞·納德拉', '纳德拉', '納德拉'],
    titles: [],
  },
  {
    id: 'dwarkesh', role: 'other', display: 'Dwarkesh Patel',
    names: ['Dwarkesh Patel', 'Dwarkesh', '德瓦克什·帕特尔', '德瓦克什·帕特爾', '德瓦克什'],
    titles: [],
  },
];

export const BUILTIN_PEOPLE: Person[] = [AMODEI, KANTROWITZ, HUANG, DANIELA_AMODEI, ...OTHERS];

/** Middle dots the press writes between the parts of a name, and spaces. */
export const NAME_SEPARATORS = '·‧・•･';
const SEP_CLASS = `[\\s${NAME_SEPARATORS}]*`;
const SPLIT_RE = new RegExp(`[\\s${NAME_SEPARATORS}]+`);

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The key two writings of a name share: no dots, no spaces, curly apostrophes straight, case folded. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKC')
    .replace(new RegExp(`[\\s${NAME_SEPARATORS}]+`, 'g'), '')
    .replace(/[’‘]/g, "'")
    .toLowerCase();
}

/** One alias as regex units: literal characters, a separator run between parts, a first letter in either case. */
function aliasUnits(alias: string): string[] {
  const parts = alias.trim().split(SPLIT_RE).filter(Boolean);
  // CJK runs next to Latin ones: "英伟达CEO" and "英伟达 CEO" are the same title.
  const pieces = parts.flatMap((p) => p.split(/(?<=[\p{Script=Han}])(?=[A-Za-z])|(?<=[A-Za-z])(?=[\p{Script=Han}])/u));
  const units: string[] = [];
  pieces.forEach((piece, i) => {
    if (i > 0) units.push(SEP_CLASS);
    for (const ch of piece) units.push(/['’]/.test(ch) ? "['’]" : escapeRe(ch));
  });
  if (/^[a-z]$/.test(units[0] ?? '')) units[0] = `[${units[0]}${units[0].toUpperCase()}]`;
  return units;
}

/** A regex source for one alias: its parts joined by any dots and spaces; a leading "the" in either case. */
export function aliasPattern(alias: string): string {
  return aliasUnits(alias).join('');
}

interface Trie {
  end: boolean;
  next: Map<string, Trie>;
}

/**
 * The aliases as one prefix tree ("阿莫(?:迪|代伊?|戴伊?)…"): a fraction of the size of a flat
 * alternation, so the scan's regexes compile fast; optional tails are greedy, so the longest
 * alias matches first.
 */
function trieSource(list: string[][]): string {
  const root: Trie = { end: false, next: new Map() };
  for (const units of list) {
    let node = root;
    for (const u of units) {
      let n = node.next.get(u);
      if (!n) node.next.set(u, (n = { end: false, next: new Map() }));
      node = n;
    }
    node.end = true;
  }
  const emit = (node: Trie): string => {
    const alts = [...node.next.entries()].map(([u, n]) => u + emit(n));
    if (!alts.length) return '';
    const body = alts.length === 1 ? alts[0] : `(?:${alts.join('|')})`;
    if (!node.end) return body;
    return alts.length === 1 && node.next.size === 1 && [...node.next.values()][0].next.size === 0 && [...node.next.keys()][0].length === 1 ? `${body}?` : `(?:${body})?`;
  };
  return emit(root);
}

export interface NameMatcher {
  /** Regex source matching any alias (longest first), with Latin word edges; no groups. */
  source: string;
  /** The person a matched alias names, or null. */
  personOf(text: string): Person | null;
}

/** One matcher for a list of people (the built-in ones plus a reader's aliases). */
export function compileNames(people: Person[]): NameMatcher {
  const byKey = new Map<string, Person>();
  const aliases: string[] = [];
  for (const p of people) {
    for (const a of [...p.names, ...p.titles]) {
      const k = nameKey(a);
      if (!k) continue;
      // The first person listed keeps a shared alias.
      if (!byKey.has(k)) byKey.set(k, p);
      aliases.push(a);
    }
  }
  // No names at all must match nothing (an empty alternation would match everywhere).
  const source = aliases.length ? `(?<![A-Za-z])(?:${trieSource(aliases.map(aliasUnits))})(?![A-Za-z])` : '(?!)';
  return {
    source,
    personOf(text: string) {
      return byKey.get(nameKey(text)) ?? null;
    },
  };
}

/**
 * A reader's aliases for the speakers of a source (Sources page) as people: the main speaker
 * stands for Amodei, the others are someone else — except those the reader's aliases give to the host.
 */
export function peopleFromSpeakers(speakers: Array<{ id: string; name: string; main: boolean; aliases?: string[] }>): Person[] {
  return speakers
    .filter((sp) => (sp.aliases ?? []).some((a) => a.trim()))
    .map((sp) => ({
      id: `reader-${sp.id}`,
      role: sp.main ? ('amodei' as const) : ('other' as const),
      display: sp.name,
      names: [sp.name, ...(sp.aliases ?? [])].map((a) => a.trim()).filter(Boolean),
      titles: [],
    }));
}

/** Cleans what the reader typed: one alias a line or comma-separated; trimmed, no duplicates, bounded. */
export function parseAliases(input: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const raw of input.split(/[\n,，、;；]/)) {
    const a = raw.replace(/\s+/g, ' ').trim().slice(0, 60);
    const k = nameKey(a);
    if (!k || seen.has(k)) continue;
    seen.add(k);
    out.push(a);
    if (out.length >= 40) break;
  }
  return out;
}
