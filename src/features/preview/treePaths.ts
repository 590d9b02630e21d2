import { decodePointer, getAt, type JsonValue } from '@core';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Escapes RFC 9535 requires inside a quoted name, beyond `\\` and `'` (control characters). */
const CONTROL: Record<string, string> = { '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * A JSONPath segment for a key: `.name` when it is a plain ASCII name, else the bracket form
 * `['k\'ey']` (RFC 9535: `\\` and `'` escaped, control characters as `\n` or `\u001f`), so
 * `@odata.nextLink`, `first name`, `a.b`, `2fa` and `` all stay one key.
 */
export function nameSegment(key: string): string {
  if (NAME.test(key)) return `.${key}`;
  let body = '';
  for (const c of key) {
    const code = c.charCodeAt(0);
    body +=
      c === '\\' || c === "'"
        ? `\\${c}`
        : code < 0x20
          ? (CONTROL[c] ?? `\\u${code.toString(16).padStart(4, '0')}`)
          : c;
  }
  return `['${body}']`;
}

/**
 * The JSONPath of the node at `pointer` in a sample, with its array indices as they are (`[0]`):
 * what a pagination path (token, next-page pointer, end condition) names, and what hover shows.
 */
export function jsonPathAt(sample: JsonValue, pointer: string): string {
  let path = '$';
  let node: JsonValue | undefined = sample;
  for (const seg of decodePointer(pointer)) {
    path += Array.isArray(node) ? `[${seg}]` : nameSegment(seg);
    node = Array.isArray(node) ? node[Number(seg)] : node && typeof node === 'object' ? node[seg] : undefined;
  }
  return path;
}

/**
 * The contentPath for the array at `pointer` in a sample: its names as a JSONPath, with every
 * array index on the way written `[*]` (the same array in every element and on every page).
 */
export function contentPathFor(sample: JsonValue, pointer: string): string {
  const segs = decodePointer(pointer);
  let path = '$';
  let node: JsonValue | undefined = sample;
  for (const seg of segs) {
    path += Array.isArray(node) ? '[*]' : nameSegment(seg);
    node = Array.isArray(node) ? node[Number(seg)] : node && typeof node === 'object' ? node[seg] : undefined;
  }
  return path;
}

/**
 * The explodeEntityPath for the array at `pointer`: relative to the record it lies in, so it starts
 * with the wrapper (`$.email.activity`). Null when the array is not inside one of the content items
 * that contentPath matched (`contentMatches`), or is a content item itself.
 */
export function explodePathFor(
  sample: JsonValue,
  pointer: string,
  contentMatches: string[],
  wrapper: string,
): string | null {
  for (const m of contentMatches) {
    if (!pointer.startsWith(`${m}/`)) continue;
    let rest = decodePointer(pointer.slice(m.length));
    let node = getAt(sample, m);
    if (Array.isArray(node)) {
      node = node[Number(rest[0])];
      rest = rest.slice(1);
    }
    if (rest.length === 0) return null;
    let path = `$${nameSegment(wrapper)}`;
    for (const seg of rest) {
      path += Array.isArray(node) ? `[${seg}]` : nameSegment(seg);
      node = Array.isArray(node)
        ? node[Number(seg)]
        : node && typeof node === 'object'
          ? node[seg]
          : undefined;
    }
    return path;
  }
  return null;
}
