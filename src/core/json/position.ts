/**
 * Offset → line/column conversion shared by the parser and the locator.
 */
import type { TextPosition } from '../types';

/**
 * The 1-based line and column of a 0-based UTF-16 offset. Line breaks are `\n`, `\r\n` and a lone
 * `\r` (as in jsonc-parser and Monaco). The offset is clamped into `[0, text.length]`.
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
