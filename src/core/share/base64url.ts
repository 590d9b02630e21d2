/** Base64url (RFC 4648 §5, no padding) without DOM or Node globals: the core runs in both. */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const INDEX = new Map([...ALPHABET].map((c, i) => [c, i]));

/** The bytes as base64url text, unpadded. */
export function toBase64Url(bytes: Uint8Array): string {
  const out: string[] = [];
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out.push(ALPHABET.charAt(n >> 18), ALPHABET.charAt((n >> 12) & 63));
    if (b !== undefined) out.push(ALPHABET.charAt((n >> 6) & 63));
    if (c !== undefined) out.push(ALPHABET.charAt(n & 63));
  }
  return out.join('');
}

/**
 * The bytes of base64url text (unpadded; trailing `=` tolerated), or null when it holds a character
 * outside the alphabet or has an impossible length (one character left over).
 */
export function fromBase64Url(text: string): Uint8Array | null {
  const s = text.replace(/=+$/, '');
  if (s.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((s.length * 3) / 4));
  let o = 0;
  for (let i = 0; i < s.length; i += 4) {
    let n = 0;
    const chunk = s.slice(i, i + 4);
    for (let k = 0; k < 4; k++) {
      const ch = chunk.charAt(k);
      const v = ch === '' ? 0 : INDEX.get(ch);
      if (v === undefined) return null;
      n = (n << 6) | v;
    }
    out[o++] = (n >> 16) & 255;
    if (chunk.length > 2) out[o++] = (n >> 8) & 255;
    if (chunk.length > 3) out[o++] = n & 255;
  }
  return out;
}
