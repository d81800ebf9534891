import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { chineseScore, decodeBytes, MAX_SOURCE_BYTES } from '../../src/sources/decode';
import { fixtureBytes, fixtureText } from './fixtures';

const zh = fixtureText('interview-zh.txt');

function ok(r: ReturnType<typeof decodeBytes>) {
  if (!r.ok) throw new Error(r.error);
  return r;
}

describe('decodeBytes', () => {
  it('reads UTF-8, with and without a byte-order mark', () => {
    const bytes = new TextEncoder().encode(zh);
    expect(ok(decodeBytes(bytes))).toMatchObject({ text: zh, encoding: 'utf-8' });
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);
    expect(ok(decodeBytes(bom))).toMatchObject({ text: zh, encoding: 'utf-8', how: 'byte-order mark' });
  });

  it('reads the GBK fixture as GBK, without mojibake', () => {
    const r = ok(decodeBytes(fixtureBytes('interview-zh-gbk.txt')));
    expect(r.encoding).toBe('gb18030');
    expect(r.text).toBe(zh);
    expect(r.text).toContain('达里奥·阿莫迪：我非常不喜欢这个词');
  });

  it('reads the Big5 fixture as Big5 (Traditional text)', () => {
    const r = ok(decodeBytes(fixtureBytes('interview-zh-big5.txt')));
    expect(r.encoding).toBe('big5');
    expect(r.text).toContain('達里奧·阿莫迪：我非常不喜歡這個詞');
    expect(r.text).not.toContain('\uFFFD');
  });

  it('tells GBK from Big5 on short texts too', () => {
    const simp = '人工智能的发展速度非常快，我们需要认真对待风险。';
    const trad = '人工智慧的發展速度非常快，我們需要認真對待風險。';
    expect(ok(decodeBytes(new Uint8Array(iconv.encode(simp, 'gbk'))))).toMatchObject({ encoding: 'gb18030', text: simp });
    expect(ok(decodeBytes(new Uint8Array(iconv.encode(trad, 'big5'))))).toMatchObject({ encoding: 'big5', text: trad });
    // Traditional characters written in GBK are still GBK
    expect(ok(decodeBytes(new Uint8Array(iconv.encode(trad, 'gbk'))))).toMatchObject({ encoding: 'gb18030', text: trad });
  });

  it('scores the right decoding of legacy bytes above the wrong one', () => {
    const gbk = fixtureBytes('interview-zh-gbk.txt');
    const right = chineseScore(new TextDecoder('gb18030').decode(gbk));
    const wrong = chineseScore(new TextDecoder('big5').decode(gbk));
    expect(right).toBeGreaterThan(0.3);
    expect(wrong).toBeLessThan(right - 0.3);
  });

  it('reads UTF-16 with a BOM (the fixture) and without one, both byte orders', () => {
    expect(ok(decodeBytes(fixtureBytes('interview-zh-utf16.txt')))).toMatchObject({ encoding: 'utf-16le', text: zh });
    const le = new Uint8Array(iconv.encode(zh, 'utf-16le'));
    expect(ok(decodeBytes(le))).toMatchObject({ encoding: 'utf-16le', text: zh, how: 'zero-byte pattern of UTF-16' });
    const en = 'Dario Amodei: I really dislike that word.\n';
    const be = new Uint8Array(iconv.encode(en, 'utf-16be'));
    expect(ok(decodeBytes(be))).toMatchObject({ encoding: 'utf-16be', text: en });
    const beBom = new Uint8Array([0xfe, 0xff, ...be]);
    expect(ok(decodeBytes(beBom))).toMatchObject({ encoding: 'utf-16be', text: en });
  });

  it('prefers a declared charset or a hint when the bytes agree with it', () => {
    const html = `<html><head><meta charset="big5"></head><body><p>我們說過</p></body></html>`;
    expect(ok(decodeBytes(new Uint8Array(iconv.encode(html, 'big5'))))).toMatchObject({ encoding: 'big5', how: 'the charset the file declares' });
    expect(ok(decodeBytes(new Uint8Array(iconv.encode('我們說過的話', 'big5')), 'big5'))).toMatchObject({ encoding: 'big5', how: 'the given encoding' });
  });

  it('refuses empty, blank, binary and oversized files in one sentence', () => {
    const one = (r: ReturnType<typeof decodeBytes>) => {
      expect(r.ok).toBe(false);
      const error = (r as { error: string }).error;
      expect(error).toMatch(/^[A-Z].*[.]$/);
      return error;
    };
    expect(one(decodeBytes(new Uint8Array()))).toMatch(/empty/);
    expect(one(decodeBytes(new TextEncoder().encode('  \n\t \n')))).toMatch(/no text/);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0]);
    expect(one(decodeBytes(png))).toMatch(/binary/);
    const big = new Uint8Array(50 * 1024 * 1024);
    expect(one(decodeBytes(big))).toMatch(/50\.0 MB.*20 MB/);
    expect(decodeBytes(new Uint8Array(MAX_SOURCE_BYTES)).ok).toBe(false); // all NULs: binary, not too big
  });

  it('refuses bytes that are no known encoding', () => {
    const noise = new Uint8Array(4000);
    let x = 12345;
    for (let i = 0; i < noise.length; i++) {
      x = (x * 1103515245 + 12345) >>> 0;
      noise[i] = 0x80 + ((x >>> 16) % 0x7f);
    }
    const r = decodeBytes(noise);
    expect(r.ok).toBe(false);
  });
});
