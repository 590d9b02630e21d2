import { locatePointer, parseJson, type JsonObject, type JsonValue, type ParseError } from '@core';
import type { ParseSampleResult } from './previewProtocol';

/** "object with 4 keys", "array of 12 items", "string": what a parsed page holds, in a few words. */
export function describeValue(v: JsonValue): string {
  if (Array.isArray(v))
    return `array of ${v.length.toLocaleString('en-US')} item${v.length === 1 ? '' : 's'}`;
  if (v === null) return 'null';
  if (typeof v === 'object') {
    const n = Object.keys(v).length;
    return `object with ${n.toLocaleString('en-US')} key${n === 1 ? '' : 's'}`;
  }
  return typeof v;
}

const isObject = (v: JsonValue | undefined): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function errorAt(text: string, pointer: string, message: string): ParseError {
  const at = locatePointer(text, pointer);
  return at
    ? { message, offset: at.offset, length: at.length, line: at.line, column: at.column }
    : { message, offset: 0, length: 0, line: 1, column: 1 };
}

/**
 * Reads a response envelope `{"headers": {...}, "body": ...}`: the body, and the headers with
 * lower-case names and string values (numbers and booleans are written as text). Anything else is
 * an error with the location of the offending value.
 */
export function readEnvelope(
  text: string,
  value: JsonValue,
): { ok: true; body: JsonValue; headers: Record<string, string> } | { ok: false; error: ParseError } {
  const shape = 'an envelope is {"headers": {"name": "value", …}, "body": <the response body>}';
  if (!isObject(value) || !Object.hasOwn(value, 'body'))
    return { ok: false, error: errorAt(text, '', `${shape}; this page has no "body"`) };
  const raw = Object.hasOwn(value, 'headers') ? value.headers : {};
  if (!isObject(raw))
    return { ok: false, error: errorAt(text, '/headers', `${shape}; "headers" is not an object`) };
  const headers: Record<string, string> = {};
  for (const [name, v] of Object.entries(raw)) {
    if (v === null || typeof v === 'object') {
      const pointer = `/headers/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      return {
        ok: false,
        error: errorAt(text, pointer, `header "${name}" must be a string, not ${JSON.stringify(v)}`),
      };
    }
    Object.defineProperty(headers, name.toLowerCase(), {
      value: String(v),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return { ok: true, body: value.body as JsonValue, headers };
}

/**
 * Parses one page's text; a failure is a value with its line and column. With `envelope`, the text
 * is `{"headers": {...}, "body": ...}`: the page's value is the body and its headers are returned.
 */
export function parseSampleText(
  pageId: string,
  text: string,
  envelope = false,
): { result: ParseSampleResult; value?: JsonValue } {
  // Duplicate-key and beyond-2^53 warnings at every size: the warnings pass is one linear scan.
  const r = parseJson(text);
  const warnings = r.warnings.map((w) => `line ${w.line}, column ${w.column}: ${w.message}`);
  if (!r.ok) return { result: { pageId, ok: false, size: text.length, error: r.error } };
  if (!envelope) {
    return {
      result: { pageId, ok: true, size: text.length, summary: describeValue(r.value), warnings },
      value: r.value,
    };
  }
  const env = readEnvelope(text, r.value);
  if (!env.ok) return { result: { pageId, ok: false, size: text.length, error: env.error } };
  const summary = `${describeValue(env.body)} + ${Object.keys(env.headers).length} headers`;
  return {
    result: { pageId, ok: true, size: text.length, summary, warnings, headers: env.headers },
    value: env.body,
  };
}
