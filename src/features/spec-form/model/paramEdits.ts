import { joinPointer, type JsonObject, type JsonValue } from '@core';
import type { PointerEdit } from '../../../store';
import { isObject } from './json';

/**
 * The write that sets `decl[outer][inner]` to `value` (or removes it, for undefined) for the parameter
 * declared at `pointer`, touching nothing else: an existing `outer` object keeps its other keys; a
 * missing one is created as `{ [inner]: value }`; removing the last key removes `outer` too (the
 * form created it). Null when `outer` exists but is not an object (the form cannot edit it).
 */
export function nestedWrite(
  pointer: string,
  decl: JsonObject,
  outer: string,
  inner: string,
  value: JsonValue | undefined,
): PointerEdit | null {
  const current = Object.hasOwn(decl, outer) ? decl[outer] : undefined;
  if (current !== undefined && !isObject(current)) return null;
  const outerPtr = joinPointer(pointer, outer);
  if (value === undefined) {
    if (current === undefined || !Object.hasOwn(current, inner)) return null;
    const only = Object.keys(current).length === 1;
    return { pointer: only ? outerPtr : joinPointer(outerPtr, inner), value: undefined };
  }
  if (current === undefined) return { pointer: outerPtr, value: { [inner]: value } };
  return { pointer: joinPointer(outerPtr, inner), value };
}

/** `decl[outer][inner]` when `decl[outer]` is an object, else undefined. */
export function nestedValue(decl: JsonObject, outer: string, inner: string): JsonValue | undefined {
  const o = Object.hasOwn(decl, outer) ? decl[outer] : undefined;
  return isObject(o) && Object.hasOwn(o, inner) ? o[inner] : undefined;
}

const NUMERIC = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;
const numeric = (type: JsonValue | undefined) => type === 'integer' || type === 'number';

/**
 * An `enum` as the comma-separated text the table edits, or null when the form cannot show it without
 * loss (not an array; a value that is not a string or finite number; a string with a comma or with
 * surrounding spaces). An absent enum is "".
 */
export function enumText(value: JsonValue | undefined): string | null {
  if (value === undefined) return '';
  if (!Array.isArray(value)) return null;
  const parts: string[] = [];
  for (const v of value) {
    if (typeof v === 'number' && Number.isFinite(v)) parts.push(String(v));
    else if (typeof v === 'string' && !v.includes(',') && v.trim() === v && v !== '') parts.push(v);
    else return null;
  }
  return parts.join(', ');
}

/**
 * Parses the enum text of a parameter of JSON Schema `type`: values separated by commas, trimmed,
 * empty ones dropped; numbers for a numeric type when every value is numeric, else strings.
 * Undefined (remove `enum`) when nothing is left.
 */
export function parseEnum(text: string, type: JsonValue | undefined): JsonValue | undefined {
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0) return undefined;
  if (numeric(type) && parts.every((p) => NUMERIC.test(p))) return parts.map(Number);
  return parts;
}

/** A `default` as text: strings as they are, numbers and booleans printed; null for objects/arrays/null. */
export function defaultText(value: JsonValue | undefined): string | null {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

/**
 * Parses default text for a parameter of `type`: "" removes it; a numeric type takes a number when
 * the text is one, a boolean type takes `true`/`false`; anything else stays the string typed (the
 * validator then says it does not match the type).
 */
export function parseDefault(text: string, type: JsonValue | undefined): JsonValue | undefined {
  if (text === '') return undefined;
  if (numeric(type) && NUMERIC.test(text)) {
    const n = Number(text);
    if (Number.isFinite(n) && (!Number.isInteger(n) || Number.isSafeInteger(n))) return n;
  }
  if (type === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}

/** `format` values offered in the table (others found in a spec are kept and shown as they are). */
export const PARAM_FORMATS = ['password', 'date', 'date-time', 'email', 'uri'] as const;
