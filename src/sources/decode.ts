/**
 * Bytes of a file the reader opened → text, with the encoding named. Chinese transcripts
 * still circulate as GBK or Big5 and Windows tools write UTF-16, so the encoding is detected
 * (a byte-order mark, the zero bytes of UTF-16, strict UTF-8) and, for legacy Chinese, chosen
 * by a measured score: the share of decoded Han characters that are common characters, less
 * a penalty for byte pairs the encoding cannot decode. Pure: TextDecoder exists in browsers,
 * workers and Node.
 */

export const MAX_SOURCE_BYTES = 20 * 1024 * 1024;

export type SourceEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';

export type DecodeResult =
  | { ok: true; text: string; encoding: SourceEncoding; /** How the encoding was chosen. */ how: string }
  | { ok: false; error: string };

/**
 * Frequent characters of written Chinese, both scripts (the Simplified and Traditional forms of
 * those that differ). Text decoded with the wrong legacy encoding is mostly rare characters.
 */
const COMMON_HAN = new Set(
  [
    '的一是不了人我在有他个們们中来來上大为為和国國地到以说說时時要就出会會可也你对對生能而子那得于於着著下自之年过過发發后後作里裡用道行所然家种種事成方多经經么麼麽去法学學如都同现現当當没沒动動面起看定天分还還进進好小部其些主样樣理心她本前开開但因只从從想实實',
    '日正新意明问問力体體高长長把机機将將已情最知两兩间間很真手问回公给給使无無物关關点點此这這些做者工外全已又表三二向被重内內打政等次让讓比美系係西身合度加电電战戰变變世界',
    '嗎吗呢吧啊很再太讲講话話听聽觉覺得应應该該谈談认認为為题題今年月日们們什没沒办辦法能力需要觉觉觉可以所以因为因為如果这样這樣那样那樣已经已經非常可能我们我們他们他們',
    '模型智能人工公司技术術研究风風险險安全未来來发展展速度数數据據计計算训訓练練产產品市场場投资資钱錢收入增长長美元亿億万萬倍',
  ].join(''),
);

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function tryDecode(label: string, bytes: Uint8Array, fatal: boolean): string | null {
  try {
    return new TextDecoder(label, { fatal }).decode(bytes);
  } catch {
    return null;
  }
}

/** Control characters that text files do not hold (tab, line breaks, form feed and escape aside). */
function isBinaryByte(b: number): boolean {
  return b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b;
}

/** UTF-16 without a BOM: ASCII characters (line breaks, spaces, Latin) leave zero bytes on one side (most of them: a Han character such as U+4E00 has one too). */
function utf16Parity(sample: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue;
    if (i % 2 === 0) even++;
    else odd++;
  }
  const zeros = even + odd;
  if (zeros < 2 || sample.length % 2 !== 0) return null;
  if (odd >= zeros * 0.7) return 'utf-16le';
  if (even >= zeros * 0.7) return 'utf-16be';
  return null;
}

/** Decoded text that is mostly letters, CJK, punctuation and spaces (not control or private-use characters). */
function plausibleText(text: string): boolean {
  let bad = 0;
  let n = 0;
  for (const ch of text) {
    n++;
    if (/[\p{Cc}\p{Co}\p{Cn}\uFFFD]/u.test(ch) && !/[\t\n\r\f]/.test(ch)) bad++;
  }
  return n > 0 && bad / n < 0.01;
}

/** Score of a legacy-Chinese decoding: share of common Han characters, minus undecodable pairs. */
export function chineseScore(text: string): number {
  let han = 0;
  let common = 0;
  let replaced = 0;
  for (const ch of text) {
    if (ch === '\uFFFD') replaced++;
    else if (/\p{Script=Han}/u.test(ch)) {
      han++;
      if (COMMON_HAN.has(ch)) common++;
    }
  }
  if (han + replaced === 0) return 0;
  return common / Math.max(1, han) - (3 * replaced) / (han + replaced);
}

/** The `charset` a HTML file declares in its first bytes, when it declares one we can decode. */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = String.fromCharCode(...bytes.subarray(0, 1024));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return m ? m[1].toLowerCase() : null;
}

function normaliseLabel(label: string): SourceEncoding | null {
  const l = label.trim().toLowerCase();
  if (l === 'utf-8' || l === 'utf8') return 'utf-8';
  if (l === 'utf-16le' || l === 'utf-16') return 'utf-16le';
  if (l === 'utf-16be') return 'utf-16be';
  if (l === 'gbk' || l === 'gb2312' || l === 'gb18030' || l === 'x-gbk') return 'gb18030';
  if (l === 'big5' || l === 'big5-hkscs' || l === 'x-x-big5') return 'big5';
  return null;
}

function done(text: string, encoding: SourceEncoding, how: string): DecodeResult {
  const stripped = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (stripped.trim().length === 0) return { ok: false, error: 'The file holds no text.' };
  return { ok: true, text: stripped, encoding, how };
}

/**
 * Decode a file's bytes. `hint` is an encoding label the caller has reason to prefer (an HTTP
 * charset, the reader's choice); it is used only when the bytes decode cleanly with it.
 */
export function decodeBytes(bytes: Uint8Array, hint?: string): DecodeResult {
  // Refused before any decoding: a 50 MB file must not be read through.
  if (bytes.length > MAX_SOURCE_BYTES) {
    const mb = (bytes.length / 1024 / 1024).toFixed(1);
    return { ok: false, error: `The file is ${mb} MB; Verbatim accepts sources up to ${MAX_SOURCE_BYTES / 1024 / 1024} MB.` };
  }
  if (bytes.length === 0) return { ok: false, error: 'The file is empty.' };

  if (startsWith(bytes, UTF8_BOM)) {
    const t = tryDecode('utf-8', bytes.subarray(3), true);
    if (t === null) return { ok: false, error: 'The file says it is UTF-8 but holds bytes that are not UTF-8.' };
    return done(t, 'utf-8', 'byte-order mark');
  }
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const enc: SourceEncoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    const t = tryDecode(enc, bytes.subarray(2), false);
    if (t === null) return { ok: false, error: 'The file says it is UTF-16 but could not be decoded.' };
    return done(t, enc, 'byte-order mark');
  }

  const sample = bytes.subarray(0, Math.min(bytes.length, 64 * 1024) & ~1 || bytes.length);
  const parity = utf16Parity(sample);
  if (parity) {
    const t = tryDecode(parity, bytes, false);
    if (t !== null && plausibleText(t.slice(0, 20000))) return done(t, parity, 'zero-byte pattern of UTF-16');
  }
  let binary = 0;
  for (let i = 0; i < sample.length; i++) if (isBinaryByte(sample[i])) binary++;
  if (binary > 0 && (sample.includes(0) || binary / sample.length > 0.001)) {
    return { ok: false, error: 'This looks like a binary file (it holds control bytes), not a text transcript.' };
  }

  const hinted = hint ? normaliseLabel(hint) : null;
  const declared = hinted ?? normaliseLabel(declaredCharset(bytes) ?? '');
  if (declared) {
    const t = tryDecode(declared, bytes, true);
    if (t !== null) return done(t, declared, hinted ? 'the given encoding' : 'the charset the file declares');
  }

  const utf8 = tryDecode('utf-8', bytes, true);
  if (utf8 !== null) return done(utf8, 'utf-8', 'valid UTF-8');

  const gb = tryDecode('gb18030', bytes, false) ?? '';
  const big5 = tryDecode('big5', bytes, false) ?? '';
  const gbScore = chineseScore(gb);
  const big5Score = chineseScore(big5);
  if (Math.max(gbScore, big5Score) < 0.05) {
    return { ok: false, error: 'Verbatim could not tell this file’s encoding (it is not UTF-8, UTF-16, GBK or Big5 text).' };
  }
  return gbScore >= big5Score
    ? done(gb, 'gb18030', `GBK scored ${gbScore.toFixed(2)} against Big5 ${big5Score.toFixed(2)}`)
    : done(big5, 'big5', `Big5 scored ${big5Score.toFixed(2)} against GBK ${gbScore.toFixed(2)}`);
}
