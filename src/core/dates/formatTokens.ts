/**
 * Tokeniser for .NET custom date-time format strings (SEMANTICS.md §6). Split out of
 * formatDate.ts so the renderer and the checker read one token list.
 */

/** One piece of a format string: a run of a pattern letter, a literal, or a problem. */
export type FormatToken =
  | { kind: 'field'; letter: string; count: number; text: string }
  | { kind: 'literal'; text: string }
  | { kind: 'bad'; text: string; message: string };

/** Letters that .NET reads as pattern fields; every other character is copied. */
const FIELD_LETTERS = new Set(['y', 'M', 'd', 'H', 'h', 'm', 's', 'f', 'F', 't', 'K', 'z', 'g']);

function runLength(format: string, start: number, letter: string): number {
  let end = start;
  while (format[end] === letter) end++;
  return end - start;
}

/**
 * Splits a .NET custom date-time format into tokens, left to right. Quoted text (`'...'`,
 * `"..."`) and backslash escapes become literals; `%x` makes a lone field; `K` is always one
 * character long (as in .NET, `KK` is two tokens). Unterminated quotes and a trailing `\` or `%`
 * become `bad` tokens instead of throwing.
 */
export function tokenizeDateFormat(format: string): FormatToken[] {
  const tokens: FormatToken[] = [];
  let i = 0;
  while (i < format.length) {
    const ch = format[i] as string;
    if (ch === "'" || ch === '"') {
      const close = format.indexOf(ch, i + 1);
      if (close < 0) {
        tokens.push({
          kind: 'bad',
          text: format.slice(i),
          message: `unterminated quote ${ch} in date format`,
        });
        break;
      }
      tokens.push({ kind: 'literal', text: format.slice(i + 1, close) });
      i = close + 1;
    } else if (ch === '\\') {
      const next = format[i + 1];
      if (next === undefined) {
        tokens.push({ kind: 'bad', text: '\\', message: 'a date format cannot end with a backslash' });
        break;
      }
      tokens.push({ kind: 'literal', text: next });
      i += 2;
    } else if (ch === '%') {
      const next = format[i + 1];
      if (next === undefined || next === '%') {
        tokens.push({
          kind: 'bad',
          text: format.slice(i, i + 2),
          message: '% must be followed by a pattern letter',
        });
        break;
      }
      i += 1;
    } else if (FIELD_LETTERS.has(ch)) {
      const count = ch === 'K' ? 1 : runLength(format, i, ch);
      tokens.push({ kind: 'field', letter: ch, count, text: ch.repeat(count) });
      i += count;
    } else {
      tokens.push({ kind: 'literal', text: ch });
      i += 1;
    }
  }
  return tokens;
}
