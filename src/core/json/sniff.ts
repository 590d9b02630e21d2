/** Recognising files that are not UTF-8 JSON text before decoding them (BAD-INPUTS A1, A4): one
 * list of signatures for the CLI and the app. */

/** What a signature says: a stable code (the app words it) and the English clause. */
export type BinaryKind =
  | 'png'
  | 'jpeg'
  | 'gif'
  | 'zip'
  | 'gzip'
  | 'pdf'
  | 'utf32'
  | 'utf16le'
  | 'utf16be'
  | 'zeros'
  | 'utf16-no-bom';

const MAGIC: Array<[number[], BinaryKind, string]> = [
  [[0x89, 0x50, 0x4e, 0x47], 'png', 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'jpeg', 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'gif', 'a GIF image'],
  [[0x50, 0x4b, 0x03, 0x04], 'zip', 'a ZIP archive (or .xlsx/.docx)'],
  [[0x1f, 0x8b], 'gzip', 'a gzip-compressed file (decompress it first)'],
  [[0x25, 0x50, 0x44, 0x46, 0x2d], 'pdf', 'a PDF document'],
  [[0x00, 0x00, 0xfe, 0xff], 'utf32', 'UTF-32 text (save it as UTF-8)'],
  [[0xff, 0xfe, 0x00, 0x00], 'utf32', 'UTF-32 text (save it as UTF-8)'],
  [[0xff, 0xfe], 'utf16le', 'UTF-16 text, byte order mark FF FE (save it as UTF-8)'],
  [[0xfe, 0xff], 'utf16be', 'UTF-16 text, byte order mark FE FF (save it as UTF-8)'],
];

/**
 * What `bytes` are when their first bytes give them away as a binary format or as UTF-16/32 text:
 * its kind and an English clause for a message ("it is a PNG image", ...), else null. UTF-16 without a
 * byte order mark is recognised by the zero bytes of ASCII characters in the first 64 bytes.
 */
export function sniffBinary(bytes: Uint8Array): { kind: BinaryKind; message: string } | null {
  for (const [magic, kind, what] of MAGIC) {
    if (magic.length <= bytes.length && magic.every((b, i) => bytes[i] === b))
      return { kind, message: `it is ${what}` };
  }
  const head = bytes.subarray(0, 64);
  if (head.length >= 4 && head.every((b) => b === 0))
    return { kind: 'zeros', message: 'it is binary data (only zero bytes)' };
  let evenZeros = 0;
  let oddZeros = 0;
  head.forEach((b, i) => {
    if (b === 0) {
      if (i % 2 === 0) evenZeros++;
      else oddZeros++;
    }
  });
  if (head.length >= 4 && (evenZeros >= head.length / 4 || oddZeros >= head.length / 4)) {
    return {
      kind: 'utf16-no-bom',
      message: 'it looks like UTF-16 text without a byte order mark (save it as UTF-8)',
    };
  }
  return null;
}

/** `sniffBinary(bytes)`'s English clause ("it is a PNG image", ...), else null (the CLI prints it). */
export function describeBinary(bytes: Uint8Array): string | null {
  return sniffBinary(bytes)?.message ?? null;
}

/**
 * Offset of the first byte that does not start or continue a well-formed UTF-8 sequence (RFC 3629:
 * no overlongs, no surrogates, nothing above U+10FFFF), or `bytes.length` when all are valid.
 */
export function invalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}
