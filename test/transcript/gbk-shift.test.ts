import { describe, expect, it } from 'vitest';
import { decodeShifted, garble } from '../../src/transcript/gbk-shift';

describe('the one-byte GBK shift', () => {
  it('reproduces a garbled run from the text it damaged', () => {
    expect(garble('為我們離')).toBe('槲覀冸x');
    expect(garble('為那些本可能晚幾年就出現')).toBe('槟切┍究赡芡韼啄昃统霈F');
  });

  it('turns a closing full stop and quote into the ?!? pattern, swallowing the next byte', () => {
    expect(garble('。”<')).toBe('!?');
    expect(garble('。<')).toBe('?');
  });

  it('undoes the shift for runs that end on an ASCII trail byte', () => {
    expect(decodeShifted('槲覀冸x')).toBe('我們離');
    expect(decodeShifted('槟切┍究赡芡韼啄昃统霈F')).toBe('那些本可能晚幾年就出現');
    expect(decodeShifted('樗麄儧]')).toBe('他們沒');
  });

  it('does not invent text from clean Chinese', () => {
    expect(decodeShifted('懸崖越近')).not.toBe('懸崖越近');
  });
});
