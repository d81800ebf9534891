/**
 * A quote's words as search terms of the other language. Each word of the quote becomes a
 * "concept": the alternatives it may be rendered by in the other language, weighted (first
 * sense, usual translation first). Names and numbers carry over as they are.
 *
 * Chinese is segmented by longest dictionary match (four characters at most) over the
 * Simplified, width-folded text; Chinese numerals (三年, 100亿, 百分之十) become digits, with
 * "billion"/"million" when the figure is that large, as an English writer puts them.
 */
import { englishTerms } from '../match/english';
import { toSimplified } from '../match/normalize';
import type { Dictionary, WeightedAlt } from './dictionary';

export interface Concept {
  /** The quote's word as written (shown as a shared term). */
  raw: string;
  /** The word as the dictionary keys it (a Chinese word, an English stem), met the other way round; '' for names and figures. */
  key: string;
  alts: WeightedAlt[];
  /** A name or a number: counts more, and must be met for a close reading. */
  salient: boolean;
}

/** Function words and fillers whose English terms say nothing about the claim. */
const ZH_STOP = new Set(
  (
    '的 了 是 在 有 和 与 及 跟 同 而 但 但是 就 都 也 还 又 才 把 被 让 给 对 向 从 为 为了 以 这 那 这个 那个 这些 那些 这种 那种 个 些 ' +
    '吗 呢 吧 啊 呀 嘛 哦 嗯 他 她 它 我 你 您 我们 你们 他们 她们 它们 咱们 自己 大家 什么 怎么 怎样 这样 那样 如此 因为 所以 因此 如果 ' +
    '要是 可以 能 能够 会 要 想 说 说过 表示 认为 觉得 称 指出 谈到 提到 一个 一种 一些 一样 已经 正在 将 将会 并 并且 或 或者 其 之 ' +
    '地 得 着 过 所 等 等等 上 下 里 中 时 时候 之后 以后 之前 以前 现在 当时 其实 真的 确实 非常 很 太 更 最 比较 相当 一直 总是 ' +
    '只 只是 只有 还是 就是 那么 这么 不过 然后 而且 甚至 可能 应该 必须 需要 一定 其中 关于 对于 通过 按照 根据 来 去 做 搞 弄 ' +
    '事 事情 东西 问题 情况 方面 地方 人 人们 有人 没有 不 没 别 无 非 阿莫迪 阿莫代 达里奥 他说 他称 他认为 ' +
    // discourse words: how the sentence is put, rarely a word of the other language's sentence
    '不是 而是 本身 会不会 是不是 能不能 有没有 越来越 何时 之内 之后 以来 曾经 仍然 依然 感到 看来 似乎 好像 一般 何况 即使 尽管 不仅'
  ).split(/\s+/),
);

/**
 * Verbatim's own additions, general vocabulary of writing about AI that CC-CEDICT (2019) lacks or
 * puts behind older senses; the English side is stemmed as the matcher stems. Both directions.
 */
const GLOSSARY: Array<[string, string]> = [
  ['人工智能', 'ai artificial intelligence'],
  ['算力', 'compute computing'],
  ['大模型', 'model'],
  ['数据中心', 'data center'],
  ['末日论者', 'doomer'],
  ['末日', 'doom doomsday'],
  ['可解释性', 'interpretability'],
  ['对齐', 'alignment'],
  ['十年', 'decade'],
  ['一个世纪', 'century'],
  ['营收', 'revenue'],
  ['初级', 'entry level junior'],
  ['白领', 'white collar'],
  ['泡沫', 'bubble'],
  ['出口管制', 'export controls'],
  ['实验室', 'lab labs'],
];
const ZH_GLOSSARY = new Map(GLOSSARY.map(([zh, en]) => [zh, englishTerms(en)]));
const EN_GLOSSARY = new Map<string, string[]>();
for (const [zh, en] of GLOSSARY) for (const t of englishTerms(en)) EN_GLOSSARY.set(t, [...(EN_GLOSSARY.get(t) ?? []), zh]);
/** The speaker's own name in Chinese renderings: attribution, not content. */
const SPEAKER_NAME = /达里奥\s*[·・.]?\s*阿莫(?:迪|代伊|代)|阿莫(?:迪|代伊|代)|达里奥/gu;
/** A single character says less than a word: its concept counts this much, on its first few senses. */
const SINGLE_WEIGHT = 0.5;

const HAN = /[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF〇]/u;
const ZH_DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const ZH_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const ZH_BIG: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/** Value of a Chinese numeral (一百二十, 十, 三千五百万), or NaN. */
export function chineseNumber(s: string): number {
  let total = 0;
  let section = 0;
  let digit = -1;
  for (const ch of s) {
    if (ch in ZH_DIGIT) digit = ZH_DIGIT[ch];
    else if (ch in ZH_UNIT) {
      section += (digit < 0 ? 1 : digit) * ZH_UNIT[ch];
      digit = -1;
    } else if (ch in ZH_BIG) {
      section += digit < 0 ? 0 : digit;
      total += (section === 0 ? 1 : section) * ZH_BIG[ch];
      section = 0;
      digit = -1;
    } else return NaN;
  }
  return total + section + (digit < 0 ? 0 : digit);
}

/** A figure as an English text writes it: 1000000000 → ["1", "billion"], 30 → ["30"]. */
export function englishFigure(n: number): string[] {
  const fmt = (x: number) => String(Math.round(x * 100) / 100);
  if (n >= 1e9 && Number.isInteger(n / 1e8)) return [fmt(n / 1e9), 'billion'];
  if (n >= 1e6 && Number.isInteger(n / 1e5)) return [fmt(n / 1e6), 'million'];
  return [fmt(n)];
}

const NUMERAL_RUN = /^(?:百分之)?(?:[0-9]+(?:\.[0-9]+)?[十百千万亿]*|[零〇一二两三四五六七八九十百千万亿]+)/u;

function numberConcept(run: string): Concept | null {
  // 两三年, 三五年: "two or three", "three to five"
  const pair = /^([一二两三四五六七八九])([一二两三四五六七八九])$/u.exec(run);
  if (pair) return { raw: run, key: '', alts: [pair[1], pair[2]].map((d) => ({ term: String(chineseNumber(d)), weight: 1 })), salient: true };
  const percent = run.startsWith('百分之');
  const body = percent ? run.slice(3) : run;
  const m = /^([0-9]+(?:\.[0-9]+)?)(.*)$/.exec(body);
  let n = m ? Number(m[1]) : chineseNumber(body);
  if (m && m[2]) {
    const scale = chineseNumber(m[2].replace(/^[十百千]/, (c) => c)); // 万, 亿, 十亿…
    if (Number.isNaN(scale)) return null;
    n *= scale;
  }
  if (!Number.isFinite(n) || Number.isNaN(n)) return null;
  // 一 alone is "a"/"one": no figure (as in the English terms, where "one" is no number)
  if (!m && n === 1 && !percent) return null;
  const parts = englishFigure(n);
  return { raw: run, key: '', alts: parts.map((term) => ({ term, weight: 1 })), salient: true };
}

/** Chinese words of a text by longest dictionary match, with Latin words and figures as they are. */
export function segmentChinese(text: string, dict: Dictionary): string[] {
  return chineseConcepts(text, dict).map((c) => c.raw);
}

/** The concepts of a Chinese quote, as English alternatives. */
export function chineseConcepts(text: string, dict: Dictionary): Concept[] {
  const s = toSimplified(text.normalize('NFKC')).replace(SPEAKER_NAME, ' ');
  const out: Concept[] = [];
  let i = 0;
  while (i < s.length) {
    const ch = s[i];
    if (!HAN.test(ch) && !/[0-9A-Za-z]/.test(ch)) {
      i++;
      continue;
    }
    // a Latin word or a figure: carried over
    const latin = /^[A-Za-z][A-Za-z0-9'’.-]*[A-Za-z0-9]|^[A-Za-z]/.exec(s.slice(i));
    if (latin) {
      const word = latin[0];
      const terms = englishTerms(word);
      if (terms.length > 0) out.push({ raw: word, key: '', alts: terms.map((term) => ({ term, weight: 1 })), salient: true });
      i += word.length;
      continue;
    }
    const num = NUMERAL_RUN.exec(s.slice(i));
    let best = '';
    for (let len = Math.min(dict.maxKey, s.length - i); len >= 1; len--) {
      const w = s.slice(i, i + len);
      if (ZH_GLOSSARY.has(w) || dict.hasZh(w)) {
        best = w;
        break;
      }
    }
    if (num && num[0].length >= best.length) {
      const c = numberConcept(num[0]);
      if (c) out.push(c);
      i += num[0].length;
      continue;
    }
    if (!best) {
      i++;
      continue;
    }
    i += best.length;
    if (ZH_STOP.has(best)) continue;
    const own = ZH_GLOSSARY.get(best);
    const alts = own ? [...own.map((term) => ({ term, weight: 1 })), ...dict.english(best)] : dict.english(best);
    if (alts.length === 0) continue;
    if (best.length === 1) out.push({ raw: best, key: best, alts: alts.slice(0, 3).map((a) => ({ term: a.term, weight: a.weight * SINGLE_WEIGHT })), salient: false });
    else out.push({ raw: best, key: best, alts, salient: false });
  }
  return out;
}

/** Lower-cased words of an English text as written. */
function englishWords(text: string): string[] {
  return text.normalize('NFKC').replace(/[’‘]/g, "'").match(/[\p{L}\p{N}]+(?:['.,][\p{L}\p{N}]+)*/gu) ?? [];
}

/** Small figures as Chinese writes them: 10 → 十, 3 → 三. */
function chineseFigures(n: number): string[] {
  const digits = '零一二三四五六七八九';
  if (!Number.isInteger(n) || n < 0) return [];
  if (n < 10) return n === 2 ? ['二', '两'] : [digits[n]];
  if (n < 100) return [`${n >= 20 ? digits[Math.floor(n / 10)] : ''}十${n % 10 ? digits[n % 10] : ''}`];
  if (n === 100) return ['百', '一百'];
  if (n === 1000) return ['千', '一千'];
  return [];
}

/** The concepts of an English quote, as Chinese alternatives (Latin names kept: Chinese text writes them so). */
export function englishConcepts(text: string, dict: Dictionary): Concept[] {
  const out: Concept[] = [];
  const ws = englishWords(text);
  ws.forEach((raw, i) => {
    const terms = englishTerms(raw);
    if (terms.length === 0) return;
    const term = terms[0];
    const alts: WeightedAlt[] = [];
    if (/^\d/.test(term)) {
      alts.push({ term, weight: 1 });
      for (const z of chineseFigures(Number(term))) alts.push({ term: z, weight: 1 });
      out.push({ raw, key: '', alts, salient: true });
      return;
    }
    const name = i > 0 && /^\p{Lu}/u.test(raw);
    if (name || /^[A-Z]{2,}$/.test(raw)) alts.push({ term: raw.toLowerCase(), weight: 1 });
    for (const zh of EN_GLOSSARY.get(term) ?? []) alts.push({ term: zh, weight: 1 });
    if (term === 'billion' || term === 'million') alts.push({ term: term === 'billion' ? '亿' : '万', weight: 0.8 });
    for (const a of dict.chinese(term)) alts.push(a);
    out.push({ raw, key: name ? '' : term, alts, salient: name });
  });
  return out;
}
