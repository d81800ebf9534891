/**
 * Hostile and malformed selections, shared by the unit test (test/hardening/bad-input.test.ts,
 * straight into the matcher) and the e2e test (test/e2e/hardening/bad-input.e2e.ts, through
 * the extension's message channel and real page selections).
 */
import { expect } from 'vitest';
import type { CheckResult, Verdict } from '../../src/types';

/** A sentence Amodei says in the transcript (p020), in the shipped Traditional form. */
export const REAL_TRAD = '我們視自己有責任去就即將發生的事情向世界發出警告';
/** The same sentence in Simplified, as most readers would select it. */
export const REAL_SIMP = '我们视自己有责任去就即将发生的事情向世界发出警告';

/**
 * Test timeout for one hostile check: a guard against hangs, not a speed goal (speed lives in
 * `npm run bench`). Vitest fails the test if a check does not return by then.
 */
export const HANG_GUARD_MS = 20_000;

export type Expect =
  /** Must be refused. */
  | { invalid: true }
  /** Not in the interview: any verdict except a claim that the wording is there. */
  | { notClaimed: true }
  /** Holds real interview wording: an honest verdict is one of these. */
  | { oneOf: Verdict[] };

export interface Case {
  name: string;
  input: string;
  expect: Expect;
  /** Extra check on the result. */
  also?: (r: CheckResult) => void;
}

const INVALID: Expect = { invalid: true };
const NOT_CLAIMED: Expect = { notClaimed: true };

// Shuffle with a fixed seed, so a failure reproduces.
function shuffled(s: string, seed: number): string {
  const a = [...s];
  let x = seed;
  for (let i = a.length - 1; i > 0; i--) {
    x = (x * 1103515245 + 12345) % 2147483648;
    const j = x % (i + 1);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a.join('');
}

const mentionsLength = (r: CheckResult) => {
  expect(r.notice ?? r.error ?? '').toMatch(/long|first|length|characters/i);
};

export const CASES: Case[] = [
  // --- nothing to check
  { name: 'empty string', input: '', expect: INVALID },
  { name: 'spaces, tabs and line breaks', input: '   \n\t \r\n  ', expect: INVALID },
  { name: 'no-break, ideographic and em spaces', input: '\u00A0\u3000\u2003\u2009\u00A0', expect: INVALID },
  { name: 'zero-width characters only', input: '\u200B\u200C\u200D\u2060\uFEFF', expect: INVALID },
  { name: 'one Chinese character', input: '我', expect: INVALID },
  { name: 'one Latin letter', input: 'a', expect: INVALID },
  { name: 'three Chinese characters (under the minimum)', input: '我們視', expect: INVALID },
  { name: 'emoji only', input: '😀🎉👍🏽', expect: INVALID },
  { name: 'emoji ZWJ family and flags', input: '👨‍👩‍👧‍👦 🇨🇳🇺🇸 🏳️‍🌈', expect: INVALID },
  { name: 'CJK punctuation only', input: '。，、；：？！……——「」『』《》', expect: INVALID },
  { name: 'ASCII punctuation only', input: '!!!???...,,,;;;---"""\'\'\'', expect: INVALID },
  { name: 'only quotation marks around nothing', input: '“”“”「」『』""', expect: INVALID },
  { name: 'digits only', input: '1234567890', expect: INVALID },
  { name: 'private-use characters', input: '\uE000\uE001\uE002\uE003\uE004', expect: INVALID },

  // --- broken text: refused
  { name: 'NUL alone', input: '\u0000', expect: INVALID },
  { name: 'NUL inside a real quote', input: `我們視自己\u0000有責任去就即將發生的事情`, expect: INVALID },
  { name: 'C0 control characters (BEL, ESC)', input: 'abc\u0007def\u001B[31m ghi jkl', expect: INVALID },
  { name: 'C1 control character', input: `${REAL_TRAD}\u0090`, expect: INVALID },
  { name: 'lone high surrogate', input: `\uD83D${REAL_TRAD}`, expect: INVALID },
  { name: 'lone low surrogate', input: `${REAL_TRAD}\uDE00`, expect: INVALID },
  { name: 'surrogates in the wrong order', input: `我們視自己\uDE00\uD83D有責任`, expect: INVALID },

  // --- markup and code: shown as text, never run, never claimed
  { name: 'img onerror HTML', input: '<img src=x onerror=alert(1)>', expect: NOT_CLAIMED },
  { name: 'script element', input: '<script>alert(document.cookie)</script>', expect: NOT_CLAIMED },
  { name: 'javascript: URL', input: 'javascript:alert(1)//the future of AI is bright', expect: NOT_CLAIMED },
  { name: 'SVG onload with Chinese text', input: '<svg onload=alert(1)>人工智能將會改變世界</svg>', expect: NOT_CLAIMED },
  { name: 'CSS text', input: '* { all: unset !important; z-index: 2147483647 }', expect: NOT_CLAIMED },
  { name: 'SQL injection', input: "'; DROP TABLE quotes; -- and other words", expect: NOT_CLAIMED },
  { name: 'prototype keys', input: '__proto__ constructor prototype hasOwnProperty toString', expect: NOT_CLAIMED },
  // Found by this suite: an English word equal to an Object.prototype key ("constructor") used to
  // reach MiniSearch as a function and crash the English route.
  {
    name: 'English sentence with the word "constructor"',
    input: 'The constructor of the model said scaling will continue for years',
    expect: NOT_CLAIMED,
  },
  { name: 'JSON pretending to be a result', input: '{"verdict":"verbatim","matches":[],"speaker":"amodei"}', expect: NOT_CLAIMED },
  { name: 'URL', input: 'https://example.com/path/to/article?id=42&lang=zh#section-3', expect: NOT_CLAIMED },
  {
    name: 'HTML tags around a real quote',
    input: `<p><strong>${REAL_TRAD}</strong></p>`,
    expect: { oneOf: ['verbatim'] },
  },
  {
    name: 'JSON holding a real quote',
    input: JSON.stringify({ text: REAL_SIMP }),
    expect: { oneOf: ['verbatim'] },
  },

  // --- other scripts and directions
  {
    name: 'mixed scripts, none of it a quote',
    input: 'Scaling Laws 我们 مرحبا שלום Привет Ελληνικά こんにちは 안녕하세요',
    expect: NOT_CLAIMED,
  },
  { name: 'Arabic (RTL)', input: 'هذا ليس اقتباسا من المقابلة على الإطلاق', expect: NOT_CLAIMED },
  { name: 'Hebrew wrapped in RLO … PDF', input: '\u202Eשלום עולם זה אינו ציטוט\u202C', expect: NOT_CLAIMED },
  { name: 'Japanese kana', input: 'これは引用ではありません、ただの文章です', expect: NOT_CLAIMED },
  { name: 'Korean', input: '이것은 인터뷰의 인용문이 아닙니다', expect: NOT_CLAIMED },
  { name: 'full-width Latin', input: 'ＴＨＩＳ　ＩＳ　ＮＯＴ　Ａ　ＱＵＯＴＥ', expect: NOT_CLAIMED },
  { name: 'zalgo (stacked combining marks)', input: 'Z̷̢̛a̶̰͝l̸̫͘g̵̱̈́o̴̻͂ ̷t̶e̸x̷t̵ comes here now', expect: NOT_CLAIMED },
  { name: 'pinyin only, tone marks', input: 'wǒ men shì zì jǐ yǒu zé rèn qù jiù jí jiāng fā shēng', expect: NOT_CLAIMED },
  { name: 'pinyin annotations only', input: '(zé)(biān)(bào)(dào)(yàn)(wèi)', expect: NOT_CLAIMED },
  { name: 'pinyin with tone numbers', input: 'wo3 men5 shi4 zi4 ji3 you3 ze2 ren4', expect: NOT_CLAIMED },
  { name: 'rare Han characters not in the interview', input: '龘靐齉齾爩鱻麤龘靐齉', expect: NOT_CLAIMED },
  {
    name: 'a real sentence with its characters shuffled',
    input: shuffled(REAL_SIMP, 7),
    expect: NOT_CLAIMED,
  },
  {
    name: 'real quote in RLO … PDF marks',
    input: `\u202E${REAL_TRAD}\u202C`,
    expect: { oneOf: ['verbatim'] },
  },
  {
    name: 'real quote with zero-width characters between words',
    input: [...REAL_SIMP].join('\u200B'),
    expect: { oneOf: ['verbatim'] },
  },
  {
    name: 'real quote broken by line and paragraph separators',
    input: `我們視自己有責任\u2028去就即將發生的事情\u2029向世界發出警告`,
    expect: { oneOf: ['verbatim'] },
  },
  {
    name: 'real quote with a Latin attribution around it',
    input: `Dario Amodei said: “${REAL_SIMP}。”`,
    expect: { oneOf: ['verbatim'] },
  },

  // --- size
  {
    name: 'very long single word (5 000 letters)',
    input: 'a'.repeat(5000),
    expect: NOT_CLAIMED,
  },
  {
    name: '100 000 Latin characters of filler words',
    input: 'lorem ipsum dolor sit amet '.repeat(3704).slice(0, 100_000),
    expect: NOT_CLAIMED,
    also: mentionsLength,
  },
  {
    name: '100 000 copies of one Chinese character',
    input: '我'.repeat(100_000),
    expect: NOT_CLAIMED,
    also: mentionsLength,
  },
  {
    name: '100 000 characters repeating a real sentence',
    input: `${REAL_SIMP}。`.repeat(5000).slice(0, 100_000),
    // each sentence is his, but the same sentence over and over is not one continuous statement (issue 18)
    expect: { oneOf: ['altered'] },
    also: mentionsLength,
  },
  {
    name: '100 000 random Han characters (no punctuation)',
    input: Array.from({ length: 100_000 }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7919) % 20000))).join(''),
    expect: NOT_CLAIMED,
    also: mentionsLength,
  },
  {
    name: '20 000 emoji (surrogate pairs) then a real quote',
    input: '😀'.repeat(20_000) + REAL_TRAD,
    expect: NOT_CLAIMED,
  },
];

/** A reader-facing refusal: present, one plain sentence, no internals. */
export function assertOneSentence(error: string | undefined): void {
  expect(typeof error).toBe('string');
  const e = error as string;
  expect(e.length).toBeGreaterThan(10);
  expect(e.length).toBeLessThanOrEqual(200);
  expect(e).not.toMatch(/[\n\r]/);
  expect(e).toMatch(/^[A-Z]/);
  expect(e).toMatch(/[.。]$/);
  // One sentence: no full stop followed by another sentence inside.
  expect(e.slice(0, -1)).not.toMatch(/[.!?]\s+[A-Z]/);
  expect(e).not.toMatch(/\b(TypeError|RangeError|undefined|NaN|null|\[object|at \w+ \()/);
  // The matcher's last-resort message means something inside it threw: never acceptable here.
  expect(e).not.toMatch(/could not check|is not a function|is not defined|Cannot read/i);
}

/** What a result (or the card model built from it) must say for a case. */
export function expectHonest(
  c: Case,
  r: { verdict: string; error?: string; notice?: string; segments?: Array<{ verdict: string }> },
): void {
  if ('invalid' in c.expect) {
    expect(r.verdict, `${c.name}: expected a refusal, got ${r.verdict}`).toBe('invalid');
    assertOneSentence(r.error);
  } else if ('notClaimed' in c.expect) {
    expect(['verbatim', 'altered'], `${c.name}: claimed ${r.verdict} for text not in the interview`).not.toContain(r.verdict);
    for (const s of r.segments ?? []) expect(['verbatim', 'altered']).not.toContain(s.verdict);
  } else {
    expect(c.expect.oneOf, c.name).toContain(r.verdict);
  }
  c.also?.(r as CheckResult);
}
