/**
 * Figures written as digits or as words: "5" / "five", "30 million" / "thirty million",
 * "%" / "percent" / "per cent", 五 / 5, 三千万 / 3000万, 百分之五十 / 50%. Folded to one key
 * (the value in digits) on both sides of a comparison, so that a newsroom's "roughly 5 years"
 * is the speaker's "roughly five years" — and never a changed number.
 */

const EN_ONES: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const EN_TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const EN_SCALES: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

const ZH_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const ZH_SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const ZH_BIG_UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/** A run of Chinese numerals (starting with a digit or 十), as the tokenizer keeps it together. */
export const ZH_NUMERAL_RUN = /[零〇一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿]*/gu;

/** Value of a Chinese numeral run (三千万 → 30000000, 十五 → 15), or null. */
export function zhNumeralValue(s: string): number | null {
  let total = 0;
  let section = 0;
  let cur = 0;
  let seen = false;
  for (const ch of s) {
    if (ch in ZH_DIGITS) {
      cur = ZH_DIGITS[ch];
      seen = true;
    } else if (ch in ZH_SMALL_UNITS) {
      section += (cur || 1) * ZH_SMALL_UNITS[ch];
      cur = 0;
      seen = true;
    } else if (ch in ZH_BIG_UNITS) {
      total += (section + cur || 1) * ZH_BIG_UNITS[ch];
      section = 0;
      cur = 0;
    } else return null;
  }
  return seen ? total + section + cur : null;
}

function digitValue(w: string): number | null {
  if (!/^\d[\d,]*(?:\.\d+)?$/u.test(w)) return null;
  const v = Number(w.replace(/,/gu, ''));
  return Number.isFinite(v) ? v : null;
}

/** Canonical key of a value: plain digits (1500000000, 2.5). */
export function numberKey(v: number): string {
  return Number.isInteger(v) ? BigInt(Math.round(v)).toString() : String(v);
}

/**
 * A figure starting at token `i` (lower-case words; Chinese numerals kept as one token):
 * its key and the number of tokens it spans, or null. "per cent" and "%" fold to "%".
 */
export function numberAt(words: string[], i: number): { key: string; n: number } | null {
  const w = words[i];
  // the common case, first: one Han character that neither is a numeral nor starts 百分之
  const c = w.charCodeAt(0);
  if (w.length === 1 && c >= 0x3400 && c <= 0x9fff && !(w in ZH_DIGITS) && w !== '十' && w !== '百') return null;
  if (w === '%' || w === 'percent' || w === '％') return { key: '%', n: 1 };
  if (w === 'per' && words[i + 1] === 'cent') return { key: '%', n: 2 };
  // 百分之五十 → 50 %
  if (w === '百' && words[i + 1] === '分' && words[i + 2] === '之') {
    const v = words[i + 3] !== undefined ? (zhNumeralValue(words[i + 3]) ?? digitValue(words[i + 3])) : null;
    if (v !== null) return { key: `${numberKey(v)} %`, n: 4 };
  }
  const zh = /^[零〇一二两三四五六七八九十]/u.test(w) ? zhNumeralValue(w) : null;
  if (zh !== null) {
    // 3000万 is read as digits + 万 below; a numeral run already holds its 万/亿
    return { key: numberKey(zh), n: 1 };
  }
  const d = digitValue(w);
  if (d !== null) {
    let v = d;
    let n = 1;
    // 30 million, 3000万, 1.5 billion
    while (i + n < words.length) {
      const s = EN_SCALES[words[i + n]] ?? ZH_BIG_UNITS[words[i + n]];
      if (!s || s <= 100 && n > 1) break;
      v *= s;
      n++;
    }
    return { key: numberKey(v), n };
  }
  if (!(w in EN_ONES) && !(w in EN_TENS)) return null;
  // thirty five, two hundred and fifty, thirty million
  let total = 0;
  let cur = 0;
  let n = 0;
  let last: 'one' | 'ten' | 'scale' | null = null;
  while (i + n < words.length) {
    const x = words[i + n];
    if (x in EN_ONES && last !== 'one' && !(last === 'ten' && EN_ONES[x] >= 10)) {
      cur += EN_ONES[x];
      last = 'one';
    } else if (x in EN_TENS && last !== 'one' && last !== 'ten') {
      cur += EN_TENS[x];
      last = 'ten';
    } else if (x in EN_SCALES && last !== null && last !== 'scale') {
      const s = EN_SCALES[x];
      if (s === 100) cur *= 100;
      else {
        total += cur * s;
        cur = 0;
      }
      last = 'scale';
    } else if (x === 'and' && last === 'scale' && i + n + 1 < words.length && (words[i + n + 1] in EN_ONES || words[i + n + 1] in EN_TENS)) {
      // "two hundred and fifty"
    } else break;
    n++;
  }
  return n > 0 ? { key: numberKey(total + cur), n } : null;
}
