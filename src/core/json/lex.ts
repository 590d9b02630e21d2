/**
 * A forward scanner over text that is already known to be valid JSON: finds where a value sits
 * without building a token list or a tree. It serves the hot paths (the parse warnings of every
 * keystroke, the store's single-value form edits), where jsonc-parser's full passes cost too much.
 */

const isSpace = (c: number): boolean => c === 32 || c === 10 || c === 13 || c === 9;

/** Index after the whitespace at `i`. */
export function skipSpace(text: string, i: number): number {
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** Index of the quote closing the string that opens at `i` (-1 when unterminated). */
export function stringClose(text: string, i: number): number {
  let j = i + 1;
  for (;;) {
    j = text.indexOf('"', j);
    if (j === -1) return -1;
    let k = j - 1;
    while (text.charCodeAt(k) === 92) k--;
    if ((j - 1 - k) % 2 === 0) return j;
    j++;
  }
}

/** Index just after the JSON value that starts at `i` (strings inside containers are skipped whole). */
export function valueEnd(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 34) return stringClose(text, i) + 1;
  if (c === 123 || c === 91) {
    let depth = 0;
    for (let j = i; j < text.length; j++) {
      const d = text.charCodeAt(j);
      if (d === 34) j = stringClose(text, j);
      else if (d === 123 || d === 91) depth++;
      else if ((d === 125 || d === 93) && --depth === 0) return j + 1;
      if (j === -1) return -1;
    }
    return -1;
  }
  let j = i;
  while (j < text.length) {
    const d = text.charCodeAt(j);
    if (d === 44 || d === 125 || d === 93 || isSpace(d)) break;
    j++;
  }
  return j;
}

/** Where the value at a path sits, and the key tokens on that path that a later duplicate shadows. */
interface PathScan {
  /** Start offset of the value (-1 when absent or the text is not as promised). */
  start: number;
  /** `[start, end)` of each shadowed key token (quotes included) met on the way, in text order. */
  shadowed: Array<{ start: number; end: number }>;
}

/**
 * Walks `segments` down valid JSON `text`. In an object the effective member is the LAST one with the
 * key (as `JSON.parse` keeps it): with `unique`, the caller promises unique keys and the scan stops at
 * the first match; otherwise it reads the whole object and records the earlier members' key tokens.
 */
function scanPath(text: string, segments: string[], unique: boolean): PathScan {
  const shadowed: Array<{ start: number; end: number }> = [];
  const absent = { start: -1, shadowed };
  let i = skipSpace(text, 0);
  for (const seg of segments) {
    const open = text.charCodeAt(i);
    if (open === 123) {
      i = skipSpace(text, i + 1);
      let found = -1;
      let foundKey: { start: number; end: number } | null = null;
      if (text.charCodeAt(i) === 125) return absent;
      for (;;) {
        if (text.charCodeAt(i) !== 34) return absent;
        const close = stringClose(text, i);
        if (close < 0) return absent;
        const raw = text.slice(i + 1, close);
        const key = raw.includes('\\') ? (JSON.parse(text.slice(i, close + 1)) as string) : raw;
        const keyRange = { start: i, end: close + 1 };
        i = skipSpace(text, close + 1);
        if (text.charCodeAt(i) !== 58) return absent;
        i = skipSpace(text, i + 1);
        if (key === seg) {
          if (foundKey) shadowed.push(foundKey);
          found = i;
          foundKey = keyRange;
          if (unique) break;
        }
        const end = valueEnd(text, i);
        if (end < 0) return absent;
        i = skipSpace(text, end);
        const c = text.charCodeAt(i);
        if (c === 125) break;
        if (c !== 44) return absent;
        i = skipSpace(text, i + 1);
      }
      if (found < 0) return absent;
      i = found;
    } else if (open === 91) {
      if (!/^(0|[1-9]\d*)$/.test(seg)) return absent;
      i = skipSpace(text, i + 1);
      for (let n = Number(seg); n > 0; n--) {
        if (text.charCodeAt(i) === 93) return absent;
        const end = valueEnd(text, i);
        if (end < 0) return absent;
        i = skipSpace(text, end);
        if (text.charCodeAt(i) !== 44) return absent;
        i = skipSpace(text, i + 1);
      }
      if (text.charCodeAt(i) === 93) return absent;
    } else {
      return absent;
    }
  }
  return { start: i, shadowed };
}

/**
 * The key tokens (`[start, end)`, quotes included, in text order) on the path `segments` of valid JSON
 * `text` that a later member with the same key shadows: at each object on the way, every member with
 * the path's key but the last. Empty when the path has no duplicate keys. The walk follows the
 * effective (last) members and stops where the path leaves the text.
 */
export function shadowedKeysOnPath(text: string, segments: string[]): Array<{ start: number; end: number }> {
  return scanPath(text, segments, false).shadowed;
}

/**
 * Range `[start, end)` of the value at `segments` (decoded JSON Pointer segments) in valid JSON `text`,
 * found by one forward scan that skips unrelated values whole. Where a key is duplicated, the range is
 * that of the LAST member, the one `JSON.parse` keeps (issue 12 item 2: an edit written to the shadowed
 * first member is lost). `uniqueKeys: true` promises the text has no duplicate keys (e.g. its parse had
 * no warning): the scan then stops at the first match instead of reading each object to its end. Null
 * when the value is absent or the text is not as promised (the caller then falls back to a real parser).
 */
export function findValueRange(
  text: string,
  segments: string[],
  uniqueKeys = false,
): { start: number; end: number } | null {
  const { start } = scanPath(text, segments, uniqueKeys);
  if (start < 0) return null;
  const end = valueEnd(text, start);
  return end > start ? { start, end } : null;
}
