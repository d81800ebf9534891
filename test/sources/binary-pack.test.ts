/** The binary container of prebuilt indexes: typed arrays come back as views, anything damaged throws. */
import { describe, expect, it } from 'vitest';
import { decodePack, encodePack } from '../../src/sources/binary-pack';

const bufferOf = (bytes: Uint8Array) => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

describe('binary pack', () => {
  const value = {
    format: 1,
    name: '「我們」說 — “quotes”\n and \\ escapes',
    empty: new Uint32Array(0),
    odd: new Uint8Array([1, 2, 3]),
    ints: Int32Array.from([-5, 0, 2_000_000_000]),
    words: Uint32Array.from([0xffffffff, 7]),
    halves: Uint16Array.from([65535, 1]),
    floats: Float64Array.from([0.1, -2.5e300]),
    nested: [{ a: null, b: true, list: ['x', 'y'], arr: Int32Array.from([9]) }],
  };

  it('round-trips plain data and every typed array, each aligned for its element size', () => {
    const back = decodePack(bufferOf(encodePack(value))) as typeof value;
    expect(back).toEqual(value);
    expect(back.ints).toBeInstanceOf(Int32Array);
    expect(back.floats).toBeInstanceOf(Float64Array);
    expect(back.nested[0].arr).toBeInstanceOf(Int32Array);
    for (const a of [back.ints, back.words, back.floats, back.halves]) expect(a.byteOffset % a.BYTES_PER_ELEMENT).toBe(0);
  });

  it('is the same bytes for the same value (the prebuilt file is compared byte for byte)', () => {
    expect(Buffer.from(encodePack(value)).equals(Buffer.from(encodePack(structuredClone(value))))).toBe(true);
  });

  it('refuses what is not a whole pack: another file, a truncated one, a damaged array reference', () => {
    const bytes = encodePack(value);
    expect(() => decodePack(bufferOf(new TextEncoder().encode('{"format":1}')))).toThrow();
    expect(() => decodePack(new ArrayBuffer(3))).toThrow();
    expect(() => decodePack(bufferOf(bytes.slice(0, bytes.length - 8)))).toThrow(/outside/);
    expect(() => decodePack(bufferOf(bytes.slice(0, 40)))).toThrow();
    const text = new TextDecoder().decode(bytes);
    const damaged = new TextEncoder().encode(text.replace('"$ta":"Int32Array"', '"$ta":"Int33Array"'));
    expect(() => decodePack(bufferOf(damaged))).toThrow();
    expect(() => decodePack('not a buffer' as unknown as ArrayBuffer)).toThrow();
  });

  it('refuses numbers JSON cannot hold', () => {
    expect(() => encodePack({ x: Number.NaN })).toThrow();
  });
});
