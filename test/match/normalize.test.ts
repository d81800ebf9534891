import { describe, expect, it } from 'vitest';
import { normalize, normalizeText, stripAnnotations, toOriginalSpan, toSimplified } from '../../src/match/normalize';

describe('normalize', () => {
  it('folds Traditional to Simplified with the tw→cn converter', () => {
    expect(normalizeText('我們視自己有責任')).toBe('我们视自己有责任');
    // tw→cn keeps vocabulary (twp would turn 軟體 into 软件)
    expect(normalizeText('軟體')).toBe('软体');
  });

  it('is stable for the characters tw→cn maps twice (麼→么→幺)', () => {
    expect(normalizeText('怎麼了')).toBe(normalizeText('怎么了'));
    expect(toSimplified(toSimplified('什麼'))).toBe(toSimplified('什麼'));
  });

  it('drops punctuation, quotation marks and whitespace, and folds width and case', () => {
    expect(normalizeText('“Ｃｌａｕｄｅ　４”,  他說:好!')).toBe('claude4他说好');
    expect(normalizeText('Anthropic CEO Dario Amodei')).toBe('anthropicceodarioamodei');
    expect(normalizeText('……「」『』、;:!?')).toBe('');
  });

  it('removes pinyin annotations but keeps real parentheticals', () => {
    expect(normalizeText('責(zé)編')).toBe('责编');
    expect(normalizeText('報(bào)道')).toBe('报道');
    expect(normalizeText('（zhàn）戰')).toBe('战');
    expect(normalizeText('規模法則(Scaling Laws)')).toBe('规模法则scalinglaws');
    expect(normalizeText('相當看空(bearish)')).toBe('相当看空bearish');
    expect(normalizeText('(笑)')).toBe('笑');
    // the tail of an annotation cut by a garbled run in scraped copies
    expect(normalizeText('因?yàn)我們')).toBe('因我们');
  });

  it('drops stray HTML tags', () => {
    expect(normalizeText('<p><strong>我們</strong></p>視自己')).toBe('我们视自己');
  });

  it('maps every normalised character back to its original offsets', () => {
    const src = '他說:“責(zé)任 AB”。';
    const n = normalize(src);
    expect(n.text).toBe('他说责任ab');
    expect(n.text.length).toBe(n.starts.length);
    for (let i = 0; i < n.text.length; i++) {
      const orig = src.slice(n.starts[i], n.ends[i]);
      expect(normalizeText(orig)).toBe(n.text[i]);
    }
    const [s, e] = toOriginalSpan(n, 2, 4);
    expect(src.slice(s, e)).toBe('責(zé)任');
  });

  it('handles characters outside the BMP and lone surrogates without throwing', () => {
    const n = normalize('𠀀我們\uD800x');
    expect(n.text.startsWith('𠀀')).toBe(true);
    expect(n.starts[0]).toBe(0);
    expect(n.ends[0]).toBe(2);
    expect(n.text.endsWith('x')).toBe(true);
  });

  it('stripAnnotations keeps everything but annotations and tags', () => {
    expect(stripAnnotations('責(zé)編 | <b>王</b>')).toBe('責編 | 王');
  });
});
