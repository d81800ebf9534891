/**
 * Hostile and malformed selections through the real matcher (real transcript, real gloss).
 *
 * Every case must come back as a well-formed CheckResult — no throw, no hang — and either be
 * refused (`invalid`, with one plain sentence saying why) or get an honest verdict. Text that is
 * not in the interview must never be called `verbatim` or `altered`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createMatcher, type Matcher } from '../../src/match/index';
import type { CheckResult, Transcript, Verdict } from '../../src/types';
import transcriptJson from '../../data/transcript.json';
import glossJson from '../../data/gloss.en.json';

const transcript = transcriptJson as unknown as Transcript;
const gloss = (glossJson as unknown as { gloss: Record<string, string> }).gloss;

/** A sentence Amodei says in the transcript (p020), in the shipped Traditional form. */
const REAL_TRAD = '我們視自己有責任去就即將發生的事情向世界發出警告';
/** The same sentence in Simplified, as most readers would select it. */
const REAL_SIMP = '我们视自己有责任去就即将发生的事情向世界发出警告';

/** Per-check wall-time budget. Measured: the slowest case (100 000 Han characters) takes ~50 ms. */
const BUDGET_MS = 1500;

type Expect =
  /** Must be refused. */
  | { invalid: true }
  /** Not in the interview: any verdict except a claim that the wording is there. */
  | { notClaimed: true }
  /** Holds real interview wording: an honest verdict is one of these. */
  | { oneOf: Verdict[] };

interface Case {
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

const CASES: Case[] = [
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
    expect: { oneOf: ['verbatim'] },
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

let matcher: Matcher;
beforeAll(() => {
  matcher = createMatcher(transcript, gloss);
});

const VERDICTS: Verdict[] = ['verbatim', 'altered', 'related', 'not-found', 'invalid'];

/** Shape of a result as the UI relies on it (also: it survives structured cloning / JSON). */
function assertWellFormed(r: CheckResult, input: string): void {
  expect(typeof r).toBe('object');
  expect(VERDICTS).toContain(r.verdict);
  expect(typeof r.query).toBe('string');
  expect(r.query).toBe(input);
  expect(Array.isArray(r.matches)).toBe(true);
  expect(r.matches.length).toBeLessThanOrEqual(3);
  for (const m of r.matches) {
    expect(['amodei', 'host', 'editor']).toContain(m.speaker);
    expect(typeof m.passage).toBe('string');
    expect(m.passage.length).toBeGreaterThan(0);
    expect(Number.isInteger(m.start) && Number.isInteger(m.end)).toBe(true);
    expect(m.start).toBeGreaterThanOrEqual(0);
    expect(m.end).toBeGreaterThanOrEqual(m.start);
    expect(m.end).toBeLessThanOrEqual(m.passage.length);
    expect(Number.isFinite(m.score)).toBe(true);
    expect(transcript.paragraphs.some((p) => p.id === m.paragraphId)).toBe(true);
  }
  if (r.verdict === 'invalid') {
    expect(r.matches).toHaveLength(0);
    assertOneSentence(r.error);
  } else {
    expect(r.error).toBeUndefined();
  }
  // The result crosses the extension's message channel: it must serialise losslessly.
  expect(JSON.parse(JSON.stringify(r))).toEqual(r);
}

/** A reader-facing refusal: present, one plain sentence, no internals. */
function assertOneSentence(error: string | undefined): void {
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

describe('bad input through the real matcher', () => {
  it('has at least 30 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const t0 = performance.now();
    let r: CheckResult | undefined;
    expect(() => {
      r = matcher.check(c.input);
    }).not.toThrow();
    const ms = performance.now() - t0;
    expect(ms).toBeLessThan(BUDGET_MS);
    const res = r as CheckResult;
    assertWellFormed(res, c.input);
    if ('invalid' in c.expect) {
      expect(res.verdict, `expected a refusal, got ${res.verdict}`).toBe('invalid');
    } else if ('notClaimed' in c.expect) {
      expect(['verbatim', 'altered'], `${c.name}: claimed ${res.verdict} for text not in the interview`).not.toContain(
        res.verdict,
      );
      for (const s of res.segments ?? []) expect(['verbatim', 'altered']).not.toContain(s.verdict);
    } else {
      expect(c.expect.oneOf).toContain(res.verdict);
    }
    c.also?.(res);
  });

  it('a verbatim match behind noise points at the real passage', () => {
    for (const input of [`<p><strong>${REAL_TRAD}</strong></p>`, [...REAL_SIMP].join('\u200B'), `\u202E${REAL_TRAD}\u202C`]) {
      const r = matcher.check(input);
      expect(r.verdict).toBe('verbatim');
      const m = r.matches[0];
      expect(m.speaker).toBe('amodei');
      expect(m.passage.slice(m.start, m.end)).toContain('責任');
    }
  });

  it('refusals differ by cause (the reader learns why)', () => {
    const errors = new Set(
      ['', '   ', '我', '😀😀', '!!!', '\u0000', '\uD800x'].map((s) => matcher.check(s).error),
    );
    expect(errors.size).toBeGreaterThanOrEqual(5);
  });

  it('survives values that are not strings (messages from other code)', () => {
    const weird: unknown[] = [
      null,
      undefined,
      42,
      {},
      [],
      Symbol('x'),
      {
        toString() {
          throw new Error('boom');
        },
      },
    ];
    for (const w of weird) {
      let r: CheckResult | undefined;
      expect(() => {
        r = matcher.check(w as string);
      }).not.toThrow();
      expect(r?.verdict).toBe('invalid');
      assertOneSentence(r?.error);
      expect(r?.matches).toEqual([]);
    }
  });

  it('is deterministic and unharmed by earlier hostile input', () => {
    const before = matcher.check(REAL_SIMP);
    for (const c of CASES) matcher.check(c.input);
    const after = matcher.check(REAL_SIMP);
    expect(after).toEqual(before);
    expect(after.verdict).toBe('verbatim');
  });

  it('search() takes the same hostile input without throwing', () => {
    for (const c of CASES) {
      const t0 = performance.now();
      const hits = matcher.search(c.input);
      expect(performance.now() - t0).toBeLessThan(BUDGET_MS);
      expect(Array.isArray(hits)).toBe(true);
      expect(hits.length).toBeLessThanOrEqual(10);
    }
    for (const w of [null, undefined, 3, {}] as unknown[]) expect(matcher.search(w as string)).toEqual([]);
  });

  it('a burst of 200 hostile checks stays fast', () => {
    const t0 = performance.now();
    for (let i = 0; i < 200; i++) matcher.check(CASES[i % CASES.length].input);
    // ~5 ms per check on average even with the 100 000-character inputs in the mix.
    expect(performance.now() - t0).toBeLessThan(200 * 25);
  });
});
