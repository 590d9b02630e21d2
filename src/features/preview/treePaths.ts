import { decodePointer, getAt, type JsonValue } from '@core';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A JSONPath segment for a key: `.name` when it is a plain name, else `['k\'ey']`. */
function nameSegment(key: string): string {
  return NAME.test(key) ? `.${key}` : `['${key.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`;
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
