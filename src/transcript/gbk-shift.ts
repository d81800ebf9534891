/**
 * The source's garbled runs are GBK bytes read one byte out of step. These helpers
 * reproduce that damage (to verify a repair) and undo it (to propose one).
 * Node-only (iconv-lite): used by the data build and its tests, never shipped.
 */
import iconv from 'iconv-lite';

/** Full-width ASCII forms, which the scraper folded to half-width after the damage. */
const toHalfWidth = (s: string) =>
  s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
/** Punctuation inside a garbled run was full-width before the scraper folded it. */
const toFullWidth = (s: string) =>
  s.replace(/[,;!:]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** Decodes GBK bytes the way the scraper did: a lead byte with a bad trail becomes `?` and takes the trail with it. */
function decodeLikeScraper(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x80) {
      out += String.fromCharCode(b);
      continue;
    }
    if (i + 1 >= bytes.length) {
      out += '?';
      break;
    }
    const ch = iconv.decode(Buffer.from([b, bytes[i + 1]]), 'gbk');
    out += ch.length === 1 && ch !== '\ufffd' ? ch : '?';
    i++;
  }
  return toHalfWidth(out);
}

/**
 * What the one-byte shift does to `original`: its first byte pairs with an unknown byte
 * before it (that character shows as the run's leading `?`, not included here), and every
 * following byte pairs with its neighbour until an ASCII byte brings the decoder back in step.
 */
export function garble(original: string): string {
  const bytes = iconv.encode(original, 'gbk');
  return decodeLikeScraper(bytes.subarray(1));
}

/** Undoes the shift: encode the garbled text as GBK, drop the first byte, decode. */
export function decodeShifted(garbled: string): string {
  const bytes = iconv.encode(toFullWidth(garbled), 'gbk');
  return iconv.decode(bytes.subarray(1), 'gbk');
}
