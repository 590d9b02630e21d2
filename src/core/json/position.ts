/**
 * Offset → line/column conversion shared by the parser and the locator.
 */
import type { TextPosition } from '../types';

/**
 * The 1-based line and column of a 0-based UTF-16 offset. Line breaks are `\n`, `\r\n` and a lone
 * `\r` (as in jsonc-parser and Monaco). The offset is clamped into `[0, text.length]`. Scans the text
 * up to `offset`: for many offsets in one text, use {@link lineIndex}.
 */
export function positionAt(text: string, offset: number): TextPosition {
  const end = Math.max(0, Math.min(Math.trunc(offset) || 0, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      lineStart = i + 1;
    } else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10 && i + 1 < end) i++;
      line++;
      lineStart = i + 1;
    }
  }
  return { offset: end, line, column: end - lineStart + 1 };
}

/**
 * `positionAt` for many offsets in one text: the line starts are found in one pass over the text
 * (on creation), then each position costs O(log lines). Same answers as `positionAt`, including an
 * offset between the CR and the LF of a CRLF (that CR counts as a line break of its own there).
 */
export function lineIndex(text: string): (offset: number) => TextPosition {
  const starts = [0];
  // Breaks found by indexOf (native scanning): a CR directly followed by an LF is one break.
  let lf = text.indexOf('\n');
  let cr = text.indexOf('\r');
  while (lf !== -1 || cr !== -1) {
    if (cr !== -1 && (lf === -1 || cr < lf)) {
      starts.push(cr + 1 === lf ? lf + 1 : cr + 1);
      if (cr + 1 === lf) lf = text.indexOf('\n', lf + 1);
      cr = text.indexOf('\r', cr + 1);
    } else {
      starts.push(lf + 1);
      lf = text.indexOf('\n', lf + 1);
    }
  }
  const at = (offset: number): TextPosition => {
    const end = Math.max(0, Math.min(Math.trunc(offset) || 0, text.length));
    if (end > 0 && text.charCodeAt(end - 1) === 13 && text.charCodeAt(end) === 10) {
      const before = at(end - 1);
      return { offset: end, line: before.line + 1, column: 1 };
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= end) lo = mid;
      else hi = mid - 1;
    }
    return { offset: end, line: lo + 1, column: end - (starts[lo] ?? 0) + 1 };
  };
  return at;
}
