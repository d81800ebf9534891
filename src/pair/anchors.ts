/**
 * What carries across a translation: numbers (Arabic, English words, Chinese numerals), Latin
 * words inside Chinese text (names, products, acronyms), English content words (for a gloss),
 * sentence boundaries and lengths. Pure: no browser API.
 */

/** True when the text is mostly CJK (Chinese, Japanese): its length and anchors count differently. */
export function isCjkText(text: string): boolean {
  let cjk = 0;
  let latin = 0;
  for (const ch of text) {
    if (/[\u3400-\u9fff\uf900-\ufaff]/.test(ch)) cjk++;
    else if (/[A-Za-z]/.test(ch)) latin++;
  }
  return cjk > latin / 4;
}

/**
 * Sentence spans [start, end) of a text: after . ? ! (followed by space or end) and after
 * 。？！ (closing quotes and brackets stay with their sentence). Leading spaces are skipped.
 */
export function splitSentences(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const re = /[.?!…]+["'”’)\]]*(?=\s|$)|[。？！；]+[”’」』）)]*/g;
  let start = 0;
  let m: RegExpExecArray | null;
  const push = (s: number, e: number) => {
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) out.push([s, e]);
  };
  while ((m = re.exec(text))) {
    const end = m.index + m[0].length;
    push(start, end);
    start = end;
  }
  push(start, text.length);
  return out;
}

const EN_UNITS: Record<string, number> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70,
  eighty: 80, ninety: 90,
};
const EN_SCALES: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
const EN_FOLD: Record<string, number> = { twofold: 2, threefold: 3, fourfold: 4, fivefold: 5, tenfold: 10, hundredfold: 100, twice: 2, double: 2, triple: 3, half: 0.5 };

/**
 * Number values in English text: digits (1,000 / 2.5 / 50%), number words and their scales
 * ("ten billion", "a hundred", "twenty-five"), "tenfold", "half". "one" is left out: as a word it
 * is a pronoun far more often than a count, and would link unrelated paragraphs.
 */
export function englishNumbers(text: string): number[] {
  const out: number[] = [];
  const tokens = text.toLowerCase().match(/\d[\d,]*(?:\.\d+)?|[a-z]+(?:-[a-z]+)?/g) ?? [];
  let cur: number | null = null;
  let pendingA = false;
  const flush = () => {
    if (cur !== null) out.push(cur);
    cur = null;
  };
  for (const tok of tokens) {
    if (/^\d/.test(tok)) {
      flush();
      const v = Number(tok.replace(/,(?=\d{3}\b)/g, '').replace(/,/g, ''));
      if (Number.isFinite(v)) cur = v;
      pendingA = false;
      continue;
    }
    const parts = tok.split('-');
    if (parts.length === 2 && EN_UNITS[parts[0]] && EN_UNITS[parts[1]] && EN_UNITS[parts[1]] < 10) {
      flush();
      cur = EN_UNITS[parts[0]] + EN_UNITS[parts[1]];
      pendingA = false;
      continue;
    }
    if (tok in EN_SCALES) {
      const scale = EN_SCALES[tok];
      if (cur !== null) cur = cur < scale ? cur * scale : cur + scale;
      else if (pendingA) cur = scale;
      else cur = scale;
      pendingA = false;
      continue;
    }
    if (tok in EN_UNITS) {
      if (cur !== null && cur >= 100 && cur % 100 === 0) cur += EN_UNITS[tok];
      else {
        flush();
        cur = EN_UNITS[tok];
      }
      pendingA = false;
      continue;
    }
    flush();
    if (tok in EN_FOLD) out.push(EN_FOLD[tok]);
    pendingA = tok === 'a';
  }
  flush();
  return out;
}

const ZH_DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const ZH_SMALL: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const ZH_BIG: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };

/** Value of a Chinese numeral run such as 三千五百万, 十, 一百二十, or null when it is not one. */
export function parseChineseNumeral(run: string): number | null {
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const ch of run) {
    if (ch in ZH_DIGIT) {
      if (digit !== null) return null;
      digit = ZH_DIGIT[ch];
    } else if (ch in ZH_SMALL) {
      section += (digit ?? 1) * ZH_SMALL[ch];
      digit = null;
    } else if (ch in ZH_BIG) {
      section += digit ?? 0;
      total += (section || 1) * ZH_BIG[ch];
      section = 0;
      digit = null;
    } else return null;
  }
  return total + section + (digit ?? 0);
}

/**
 * Number values in Chinese text: Arabic digits with 万/亿 (10亿 → 1e9), Chinese numerals
 * (一百 → 100, 十倍 → 10, 百分之五十 → 50), ranges written as adjacent digits (两三年 → 2, 3) and
 * 一半 → 0.5. A lone 一 (一个, 一直, 一旦…) and ordinals (第一) are not counts and are skipped.
 */
export function chineseNumbers(text: string): number[] {
  const out: number[] = [];
  const re = /(\d[\d,]*(?:\.\d+)?)\s*([万萬亿億]*)|(百分之)?([零〇一二两兩三四五六七八九十百千万萬亿億]+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const before = text[m.index - 1] ?? '';
    if (m[1] !== undefined) {
      let v = Number(m[1].replace(/,/g, ''));
      for (const b of m[2]) v *= ZH_BIG[b];
      if (Number.isFinite(v)) out.push(v);
      continue;
    }
    const run = m[4];
    if (before === '第' || before === '数' || before === '數') continue;
    if (run === '一') {
      if (text[m.index + 1] === '半') out.push(0.5);
      continue;
    }
    // The run must start like a count: a digit or 十 (not 千万 "must", 百 in 百姓).
    if (!(run[0] in ZH_DIGIT) && run[0] !== '十' && !m[3]) continue;
    const v = parseChineseNumeral(run);
    if (v !== null) {
      if (v !== 1 || m[3]) out.push(v);
      continue;
    }
    // Adjacent digits are a range (两三年, 五六个): each is a value.
    for (const part of run.match(/[零〇一二两兩三四五六七八九]?[十百千]?[万萬亿億]?/g) ?? []) {
      if (!part) continue;
      const pv = parseChineseNumeral(part);
      if (pv !== null && pv !== 1) out.push(pv);
    }
  }
  return out;
}

/** Numbers of a text in either script. */
export function numbersIn(text: string): number[] {
  return isCjkText(text) ? chineseNumbers(text) : englishNumbers(text);
}

/** Latin tokens (names, products, acronyms such as BSL-4), lowercased. */
export function latinTokens(text: string): string[] {
  return (text.match(/[A-Za-z][A-Za-z0-9]*(?:[-'][A-Za-z0-9]+)*/g) ?? []).map((t) => t.toLowerCase().replace(/'s$/, ''));
}

const STOP = new Set(
  `a an the and or but if then than so of to in on at by for with from as into onto about over under up down out off
  is are was were be been being am do does did done have has had having will would can could should may might must shall
  i me my we us our you your he him his she her it its they them their this that these those there here what which who whom whose
  when where why how all any both each few more most other some such no nor not only own same too very just also
  s t don't it's i'm that's there's we're you're they're i've we've let's isn't aren't wasn't don doesn didn
  very really think know like well yes yeah said say says going get got thing things way lot much many even still`.split(/\s+/),
);

/** Light stemming so "scaling" meets "scale" and "models" meets "model". */
function stem(word: string): string {
  let w = word;
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ies')) w = w.slice(0, -3) + 'y';
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 3 && /(sh|ch|x|ss)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** English content words (stop words out, lightly stemmed), for gloss ↔ original overlap. */
export function contentWords(text: string): string[] {
  return latinTokens(text)
    .filter((w) => !STOP.has(w) && w.length > 1)
    .map(stem);
}

/**
 * Length in comparable units: characters without spaces; in CJK text a Latin letter or digit
 * weighs 0.4, since a name written in Latin letters inside Chinese is as long as in English
 * while the Chinese around it is about three times denser.
 */
export function textLength(text: string, cjk = isCjkText(text)): number {
  const compact = text.replace(/\s+/g, '');
  if (!cjk) return compact.length;
  const latin = (compact.match(/[A-Za-z0-9]/g) ?? []).length;
  return compact.length - latin + 0.4 * latin;
}
