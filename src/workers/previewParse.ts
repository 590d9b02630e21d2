import { locatePointer, parseJson, type JsonObject, type JsonValue, type ParseError } from '@core';
import type { EnvelopeProblem, ParseSampleResult, ValueShape } from './previewProtocol';

/**
 * What a parsed page holds, as a value: this runs in the worker, which has no language; the client
 * writes it in the chosen language (previewClient's `shapeText`).
 */
export function shapeOf(v: JsonValue): ValueShape {
  if (Array.isArray(v)) return { type: 'array', count: v.length };
  if (v === null) return { type: 'null' };
  if (typeof v === 'object') return { type: 'object', count: Object.keys(v).length };
  return { type: typeof v as 'string' | 'number' | 'boolean' };
}

/**
 * "object with 4 keys", "array of 12 items", "string": what a parsed page holds, in a few English
 * words (the worker's own record, like a diagnostic's `message`; the UI shows {@link shapeOf} in the
 * chosen language).
 */
export function describeValue(v: JsonValue): string {
  const shape = shapeOf(v);
  const n = (x: number): string => x.toLocaleString('en-US');
  if (shape.type === 'array') return `array of ${n(shape.count)} item${shape.count === 1 ? '' : 's'}`;
  if (shape.type === 'object') return `object with ${n(shape.count)} key${shape.count === 1 ? '' : 's'}`;
  return shape.type;
}

const isObject = (v: JsonValue | undefined): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The English message of an envelope problem (the client shows it in the chosen language). */
function envelopeMessage(problem: EnvelopeProblem): string {
  const shape = 'an envelope is {"headers": {"name": "value", …}, "body": <the response body>}';
  switch (problem.code) {
    case 'no-body':
      return `${shape}; this page has no "body"`;
    case 'headers-not-object':
      return `${shape}; "headers" is not an object`;
    case 'header-not-string':
      return `${shape}; header "${problem.name}" must be a string, not ${problem.value}`;
  }
}

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
):
  | { ok: true; body: JsonValue; headers: Record<string, string> }
  | { ok: false; error: ParseError; problem: EnvelopeProblem } {
  const fail = (pointer: string, problem: EnvelopeProblem) =>
    ({ ok: false, error: errorAt(text, pointer, envelopeMessage(problem)), problem }) as const;
  if (!isObject(value) || !Object.hasOwn(value, 'body')) return fail('', { code: 'no-body' });
  const raw = Object.hasOwn(value, 'headers') ? value.headers : {};
  if (!isObject(raw)) return fail('/headers', { code: 'headers-not-object' });
  const headers: Record<string, string> = {};
  for (const [name, v] of Object.entries(raw)) {
    if (v === null || typeof v === 'object') {
      const pointer = `/headers/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      return fail(pointer, { code: 'header-not-string', name, value: JSON.stringify(v) });
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
  const parseWarnings = r.warnings;
  const warnings = parseWarnings.map((w) => `line ${w.line}, column ${w.column}: ${w.message}`);
  if (!r.ok) return { result: { pageId, ok: false, size: text.length, error: r.error } };
  if (!envelope) {
    const shape = shapeOf(r.value);
    return {
      result: {
        pageId,
        ok: true,
        size: text.length,
        summary: describeValue(r.value),
        shape,
        warnings,
        parseWarnings,
      },
      value: r.value,
    };
  }
  const env = readEnvelope(text, r.value);
  if (!env.ok)
    return { result: { pageId, ok: false, size: text.length, error: env.error, problem: env.problem } };
  const headerCount = Object.keys(env.headers).length;
  const summary = `${describeValue(env.body)} + ${headerCount} headers`;
  return {
    result: {
      pageId,
      ok: true,
      size: text.length,
      summary,
      shape: shapeOf(env.body),
      headerCount,
      warnings,
      parseWarnings,
      headers: env.headers,
    },
    value: env.body,
  };
}
