/**
 * A small binary container for index data: JSON for the shape, the typed arrays' bytes after it,
 * so a reader gets its typed arrays back as views on the file's buffer (no copy, no parse of
 * number lists). Used for the built-in transcript's prebuilt index (public/builtin-index.bin).
 *
 * Layout: "VBPK", a u32 byte-order mark, the u32 length of the JSON header, the header (UTF-8),
 * zero padding to 8, then each typed array's bytes, each starting at a multiple of 8. In the
 * header a typed array is `{ "$ta": "Uint32Array", "o": byteOffset, "n": length }`.
 * Values: plain objects, arrays, strings, finite numbers, booleans, null, and the typed arrays
 * below. Decoding anything else (another file, a truncated one) throws.
 */

const MAGIC = 0x4b504256; // "VBPK" read as a little-endian u32
const BOM = 0x01020304;

const KINDS = {
  Int8Array,
  Uint8Array,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
} as const;
type Kind = keyof typeof KINDS;
type Typed = InstanceType<(typeof KINDS)[Kind]>;

function kindOf(x: unknown): Kind | null {
  for (const k of Object.keys(KINDS) as Kind[]) if (x instanceof KINDS[k]) return k;
  return null;
}

const pad8 = (n: number) => (n + 7) & ~7;

export function encodePack(value: unknown): Uint8Array {
  const arrays: Typed[] = [];
  let offset = 0;
  const header = JSON.stringify(value, (_key, v: unknown) => {
    const kind = kindOf(v);
    if (kind) {
      const a = v as Typed;
      const ref = { $ta: kind, o: offset, n: a.length };
      arrays.push(a);
      offset = pad8(offset + a.byteLength);
      return ref;
    }
    if (typeof v === 'number' && !Number.isFinite(v)) throw new Error('binary pack: a number that is not finite');
    return v;
  });
  const head = new TextEncoder().encode(header);
  const start = pad8(12 + head.length);
  const out = new Uint8Array(start + offset);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, MAGIC, true);
  new Uint32Array(out.buffer, 4, 1)[0] = BOM; // in this machine's order: a reader of the other order refuses the file
  dv.setUint32(8, head.length, true);
  out.set(head, 12);
  let at = start;
  for (const a of arrays) {
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at);
    at = pad8(at + a.byteLength);
  }
  return out;
}

/** The value back, its typed arrays viewing `buffer` (keep the buffer unchanged). Throws on anything that is not a whole pack. */
export function decodePack(buffer: ArrayBuffer): unknown {
  if (!(buffer instanceof ArrayBuffer) || buffer.byteLength < 12) throw new Error('binary pack: too short');
  const dv = new DataView(buffer);
  if (dv.getUint32(0, true) !== MAGIC) throw new Error('binary pack: not a pack');
  if (new Uint32Array(buffer, 4, 1)[0] !== BOM) throw new Error('binary pack: other byte order');
  const headLength = dv.getUint32(8, true);
  if (12 + headLength > buffer.byteLength) throw new Error('binary pack: truncated header');
  const start = pad8(12 + headLength);
  const header = new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(buffer, 12, headLength));
  return JSON.parse(header, (_key, v: unknown) => {
    if (!v || typeof v !== 'object' || Array.isArray(v) || !('$ta' in v)) return v;
    const ref = v as { $ta: unknown; o: unknown; n: unknown };
    const Ctor = typeof ref.$ta === 'string' && Object.hasOwn(KINDS, ref.$ta) ? KINDS[ref.$ta as Kind] : null;
    if (!Ctor || !Number.isInteger(ref.o) || !Number.isInteger(ref.n) || (ref.o as number) < 0 || (ref.n as number) < 0) {
      throw new Error('binary pack: a damaged array reference');
    }
    const at = start + (ref.o as number);
    if (at % Ctor.BYTES_PER_ELEMENT !== 0 || at + (ref.n as number) * Ctor.BYTES_PER_ELEMENT > buffer.byteLength) {
      throw new Error('binary pack: an array outside the file');
    }
    return new Ctor(buffer, at, ref.n as number);
  });
}
