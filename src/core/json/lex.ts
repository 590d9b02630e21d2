/**
 * A forward scanner over text that is already known to be valid JSON: finds where a value sits
 * without building a token list or a tree. It serves the hot paths (the parse warnings of every
 * keystroke, the store's single-value form edits), where jsonc-parser's full passes cost too much.
 */

const isSpace = (c: number): boolean => c === 32 || c === 10 || c === 13 || c === 9;

/** Index after the whitespace at `i`. */
function skipSpace(text: string, i: number): number {
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
function valueEnd(text: string, i: number): number {
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

/** Start offset of the value at `segments` in valid JSON `text` (unique keys), or -1 when absent. */
function valueStart(text: string, segments: string[]): number {
  let i = skipSpace(text, 0);
  for (const seg of segments) {
    const open = text.charCodeAt(i);
    if (open === 123) {
      i = skipSpace(text, i + 1);
      for (;;) {
        if (text.charCodeAt(i) !== 34) return -1;
        const close = stringClose(text, i);
        if (close < 0) return -1;
        const raw = text.slice(i + 1, close);
        const key = raw.includes('\\') ? (JSON.parse(text.slice(i, close + 1)) as string) : raw;
        i = skipSpace(text, close + 1);
        if (text.charCodeAt(i) !== 58) return -1;
        i = skipSpace(text, i + 1);
        if (key === seg) break;
        const end = valueEnd(text, i);
        if (end < 0) return -1;
        i = skipSpace(text, end);
        if (text.charCodeAt(i) !== 44) return -1;
        i = skipSpace(text, i + 1);
      }
    } else if (open === 91) {
      if (!/^(0|[1-9]\d*)$/.test(seg)) return -1;
      i = skipSpace(text, i + 1);
      for (let n = Number(seg); n > 0; n--) {
        if (text.charCodeAt(i) === 93) return -1;
        const end = valueEnd(text, i);
        if (end < 0) return -1;
        i = skipSpace(text, end);
        if (text.charCodeAt(i) !== 44) return -1;
        i = skipSpace(text, i + 1);
      }
      if (text.charCodeAt(i) === 93) return -1;
    } else {
      return -1;
    }
  }
  return i;
}

/**
 * Range `[start, end)` of the value at `segments` (decoded JSON Pointer segments) in valid JSON `text`
 * whose keys are unique, found by one forward scan that skips unrelated values whole. Null when the
 * value is absent or the text is not as promised (the caller then falls back to a real parser).
 */
export function findValueRange(text: string, segments: string[]): { start: number; end: number } | null {
  const start = valueStart(text, segments);
  if (start < 0) return null;
  const end = valueEnd(text, start);
  return end > start ? { start, end } : null;
}
