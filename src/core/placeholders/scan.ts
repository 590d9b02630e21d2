/** The placeholder scanner (SEMANTICS.md §2), shared by rendering and validation. */

/**
 * One placeholder found in a string. `offset`/`length` cover the placeholder as written
 * (`${x}`, `{{x}}`, `{x}`, `{SCHEDULE_QUERY}`, `@{…}`, or the rest of the text after `${`).
 */
export interface PlaceholderToken {
  kind: 'param' | 'mustache' | 'brace' | 'engine' | 'adf' | 'unterminated';
  name: string;
  offset: number;
  length: number;
}

const ENGINE = new Set(['SCHEDULE_QUERY', 'START_TIME', 'END_TIME']);
const IDENT = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** End (exclusive) of a balanced `@{…}` starting at `start`, skipping '…' strings; -1 if open. */
function adfEnd(text: string, start: number): number {
  let depth = 0;
  let quoted = false;
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === "'") quoted = false;
    } else if (c === "'") quoted = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i + 1;
  }
  return -1;
}

/**
 * Lists the placeholders of `text`, left to right, without overlaps: `${x}` (param), `{{x}}`
 * (mustache, x an identifier, spaces inside trimmed), `{SCHEDULE_QUERY}`/`{START_TIME}`/
 * `{END_TIME}` (engine), `{x}` with x an identifier (brace: only meaningful when x is declared),
 * ADF `@{…}` (adf, braces balanced, '…' strings skipped) and an unclosed `${x` or `@{…`
 * (unterminated, running to the end of the text, or up to a `{` or `$` met before the next `}`:
 * `${a/{b}` is an unterminated `${a/` then a brace `{b}`). Other braces are plain text.
 */
export function scanPlaceholders(text: string): PlaceholderToken[] {
  const tokens: PlaceholderToken[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    const next = text[i + 1];
    if ((c === '$' || c === '@') && next === '{') {
      const end = c === '$' ? text.indexOf('}', i + 2) + 1 : adfEnd(text, i);
      if (end <= 0) {
        tokens.push({ kind: 'unterminated', name: text.slice(i + 2), offset: i, length: text.length - i });
        break;
      }
      // `${a/{START_TIME}`: a `{` or `$` before the closing brace means this `${` was never closed.
      const stray = c === '$' ? text.slice(i + 2, end - 1).search(/[{$]/) : -1;
      if (stray >= 0) {
        tokens.push({
          kind: 'unterminated',
          name: text.slice(i + 2, i + 2 + stray),
          offset: i,
          length: 2 + stray,
        });
        i += 2 + stray;
        continue;
      }
      const kind = c === '$' ? 'param' : 'adf';
      tokens.push({ kind, name: text.slice(i + 2, end - 1), offset: i, length: end - i });
      i = end;
      continue;
    }
    if (c === '{' && next === '{') {
      const close = text.indexOf('}}', i + 2);
      const name = close < 0 ? '' : text.slice(i + 2, close).trim();
      if (IDENT.test(name)) {
        tokens.push({ kind: 'mustache', name, offset: i, length: close + 2 - i });
        i = close + 2;
        continue;
      }
    } else if (c === '{') {
      const close = text.indexOf('}', i + 1);
      const name = close < 0 ? '' : text.slice(i + 1, close);
      if (IDENT.test(name)) {
        tokens.push({ kind: ENGINE.has(name) ? 'engine' : 'brace', name, offset: i, length: close + 1 - i });
        i = close + 1;
        continue;
      }
    }
    i++;
  }
  return tokens;
}
