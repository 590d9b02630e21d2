import type { JsonObject, JsonValue } from '@core';

/** Whether a value read from the document is a plain JSON object (not an array, not null). */
export function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Structural equality of two JSON values (key order ignored): the core's. */
export { jsonEqual as deepEqual } from '@core';

/** Own property of an object value, or undefined when `value` is not an object or lacks the key. */
export function prop(value: JsonValue | undefined, key: string): JsonValue | undefined {
  return isObject(value) && Object.hasOwn(value, key) ? value[key] : undefined;
}

/** Rebuilds an object with one key renamed in place (order kept); returns null when `to` already exists. */
export function renameKey(obj: JsonObject, from: string, to: string): JsonObject | null {
  if (from === to) return obj;
  if (Object.hasOwn(obj, to)) return null;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(obj)) out[k === from ? to : k] = v;
  return out;
}

/** A key not yet in `obj`: `base1`, `base2`, ... */
export function freshKey(obj: JsonObject | undefined, base: string): string {
  for (let i = 1; ; i++) {
    const key = `${base}${i}`;
    if (!obj || !Object.hasOwn(obj, key)) return key;
  }
}
