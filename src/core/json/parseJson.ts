/**
 * Strict JSON parsing with positions: syntax errors with line and column, duplicate keys and unsafe
 * numbers as warnings, and an iterative nesting check that runs before any recursive parser.
 */
import { visit } from 'jsonc-parser';
import type { DiagnosticParams, JsonValue, ParseError, ParseResult, ParseWarning } from '../types';
import { encodePointer } from './pointer';
import { positionAt } from './position';
import { countKeys, quickScan, unsafeNumberMessage, unsafeNumberParams, validJsonWarnings } from './warnings';

/** Deepest nesting of arrays/objects accepted by default. */
export const MAX_JSON_DEPTH = 256;

/**
 * jsonc-parser's `ParseErrorCode` (a `const enum`, so not importable under isolatedModules): our code
 * (each in DIAGNOSTIC_CODES, worded by the app) and the English message.
 */
const MESSAGES: Record<number, readonly [string, string]> = {
  1: ['json-unexpected-character', 'unexpected character'],
  2: ['json-invalid-number', 'invalid number'],
  3: ['json-property-expected', 'property name expected'],
  4: ['json-value-expected', 'value expected'],
  5: ['json-colon-expected', "':' expected"],
  6: ['json-comma-expected', "',' expected"],
  7: ['json-brace-expected', "'}' expected"],
  8: ['json-bracket-expected', "']' expected"],
  9: ['json-trailing-text', 'unexpected text after the JSON value'],
  10: ['json-comment', 'comments are not allowed in JSON'],
  11: ['json-unterminated-comment', 'comments are not allowed in JSON (unterminated comment)'],
  12: ['json-unterminated-string', 'unterminated string'],
  13: ['json-number-end', 'unexpected end of number'],
  14: ['json-unicode-escape', 'invalid \\u escape in string'],
  15: ['json-escape', 'invalid escape character in string'],
  16: ['json-control-character', 'invalid character in string (control characters must be escaped)'],
};

function errorAt(
  text: string,
  offset: number,
  length: number,
  message: string,
  code: string,
  params?: DiagnosticParams,
): ParseError {
  const pos = positionAt(text, offset);
  return {
    ...pos,
    length,
    message: `${message} at line ${pos.line}, column ${pos.column}`,
    code,
    ...(params ? { params } : {}),
  };
}

/** jsonc-parser's error `code` as [English, code] for errorAt. */
function messageOf(code: number): [string, string] {
  const known = MESSAGES[code];
  return known ? [known[1], known[0]] : ['invalid JSON', 'json-invalid'];
}

/** "unexpected "…"" naming the first 20 characters of what was found. */
function unexpectedAt(text: string, offset: number, length: number): ParseError {
  // JSON.stringify escapes C0 controls but not DEL and C1 (U+007F–U+009F): a message is one printable line.
  const found = JSON.stringify(text.slice(offset, offset + Math.min(length, 20))).replace(
    /[\u007f-\u009f]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return errorAt(text, offset, length, `unexpected ${found}`, 'json-unexpected', { found });
}

/**
 * Finds the first array/object opening that nests deeper than `max`, scanning iteratively (strings
 * are skipped, so brackets inside them do not count). Returns `null` when the text is within the
 * limit (or too broken to tell: the parser then reports the syntax error). The error message reads
 * "nesting deeper than 256 levels at line L, column C".
 */
export function checkDepth(text: string, max: number): ParseError | null {
  const at = quickScan(text, max).deepAt;
  return at < 0 ? null : errorAt(text, at, 1, `nesting deeper than ${max} levels`, 'json-nesting', { max });
}

/** `JSON.parse(text)`, or undefined when it throws. */
function parsedOrUndefined(text: string): JsonValue | undefined {
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return undefined;
  }
}

/** A `}`/`]` right after a comma (whitespace between): the offset of that comma, else -1. */
function trailingCommaBefore(text: string, offset: number): number {
  const c = text.charCodeAt(offset);
  if (c !== 125 && c !== 93) return -1;
  let k = offset - 1;
  while (k >= 0 && /\s/.test(text.charAt(k))) k--;
  return text.charCodeAt(k) === 44 ? k : -1;
}

/**
 * Runs jsonc-parser's visitor: the first syntax error, plus duplicate-key and number warnings (the
 * reference that `validJsonWarnings` matches on valid text; exported for that test).
 */
export function scan(text: string, warnings: ParseWarning[]): ParseError | null {
  let first: ParseError | null = null;
  const keys: Array<Set<string>> = [];
  visit(
    text,
    {
      onObjectBegin: () => {
        keys.push(new Set());
      },
      onObjectEnd: () => {
        keys.pop();
      },
      onObjectProperty: (name, offset, length, line, character, path) => {
        const seen = keys[keys.length - 1];
        if (!seen) return;
        if (!seen.has(name)) {
          seen.add(name);
          return;
        }
        warnings.push({
          code: 'duplicate-key',
          message: `duplicate key ${JSON.stringify(name)}: only its last value is kept`,
          params: { name: JSON.stringify(name) },
          pointer: encodePointer([...path(), name]),
          offset,
          length,
          line: line + 1,
          column: character + 1,
        });
      },
      onLiteralValue: (value: unknown, offset, length, line, character, path) => {
        if (typeof value !== 'number') return;
        const message = unsafeNumberMessage(text.slice(offset, offset + length));
        if (message === null) return;
        warnings.push({
          code: 'unsafe-number',
          message,
          params: unsafeNumberParams(text.slice(offset, offset + length)),
          pointer: encodePointer(path()),
          offset,
          length,
          line: line + 1,
          column: character + 1,
        });
      },
      onError: (code, offset, length) => {
        if (first) return;
        const comma = code === 3 || code === 4 ? trailingCommaBefore(text, offset) : -1;
        first =
          comma >= 0
            ? errorAt(text, comma, 1, 'trailing comma is not allowed in JSON', 'json-trailing-comma')
            : code === 1
              ? unexpectedAt(text, offset, length)
              : errorAt(text, offset, Math.max(length, 1), ...messageOf(code));
      },
    },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
  );
  return first;
}

/**
 * Parses strict JSON (RFC 8259). Strips exactly one leading BOM (warning `bom`; positions then refer
 * to the text after it). Comments, trailing commas and any other syntax error give `ok: false` with a
 * 1-based line/column (the message ends with "at line L, column C"). The value is built by
 * `JSON.parse`, so `__proto__` and friends are ordinary own keys. Nesting deeper than `maxDepth`
 * (default {@link MAX_JSON_DEPTH}) is rejected before any recursive parsing. With `positions`
 * (default true) a second pass reports duplicate keys and integers beyond 2^53 as warnings with
 * pointer and position; `positions: false` skips that pass for big inputs (a syntax error is still
 * located, by scanning only once `JSON.parse` has failed). Never throws.
 */
export function parseJson(text: string, options?: { maxDepth?: number; positions?: boolean }): ParseResult {
  const warnings: ParseWarning[] = [];
  let src = text;
  if (src.charCodeAt(0) === 0xfeff) {
    src = src.slice(1);
    const message = 'leading byte order mark (U+FEFF) ignored';
    warnings.push({ code: 'bom', message, pointer: '', offset: 0, length: 0, line: 1, column: 1 });
  }
  if (src.trim() === '') {
    return {
      ok: false,
      error: errorAt(src, 0, 0, 'empty document: expected a JSON value', 'json-empty'),
      warnings,
    };
  }
  const max = options?.maxDepth ?? MAX_JSON_DEPTH;
  // One cheap pass checks the depth, counts object members and flags long numbers; the exact
  // warnings pass runs only when the parsed value has fewer keys than the text wrote (a duplicate)
  // or a number may be unsafe, so the warnings hold at every size at little cost.
  const pass = quickScan(src, max);
  if (pass.deepAt >= 0) {
    return {
      ok: false,
      error: errorAt(src, pass.deepAt, 1, `nesting deeper than ${max} levels`, 'json-nesting', { max }),
      warnings,
    };
  }
  if (options?.positions !== false) {
    const value = parsedOrUndefined(src);
    if (value !== undefined) {
      const exact = pass.longNumber || countKeys(value) !== pass.members;
      return { ok: true, value, warnings: exact ? warnings.concat(validJsonWarnings(src)) : warnings };
    }
    const error = scan(src, warnings);
    if (error) return { ok: false, error, warnings };
  }
  try {
    return { ok: true, value: JSON.parse(src) as JsonValue, warnings };
  } catch (e) {
    const detail = e instanceof Error ? e.message : 'invalid JSON';
    const error = scan(src, []) ?? errorAt(src, 0, 0, detail, 'json-engine-error', { detail });
    return { ok: false, error, warnings };
  }
}
