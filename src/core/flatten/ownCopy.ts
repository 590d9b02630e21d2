/**
 * Prototype-safe object building for flattening: every key, `__proto__` included, becomes an own
 * data property of a plain object (prototype `Object.prototype`).
 */
import type { JsonObject, JsonValue, PathSpec } from '../types';

/** Sets `o[key] = value` as an own data property, even for `__proto__` (whose setter would otherwise run). */
export function setOwn(o: JsonObject, key: string, value: JsonValue): void {
  if (key === '__proto__') {
    Object.defineProperty(o, key, { value, writable: true, enumerable: true, configurable: true });
  } else {
    o[key] = value;
  }
}

/**
 * The keep-then-skip filter of a contentPath/explodeEntityPath level (SEMANTICS §4 step 3), or null
 * when both lists are empty. The filter acts on an object's own top-level keys, keeps their order,
 * returns the same object when nothing would change (no copy), and passes non-objects unchanged.
 */
export function keyFilter(spec: PathSpec | undefined): ((item: JsonValue) => JsonValue) | null {
  const keep = spec?.keepAttributes ?? [];
  const skip = spec?.skipAttributes ?? [];
  if (keep.length === 0 && skip.length === 0) return null;
  const keepSet = new Set(keep);
  const skipSet = new Set(skip);
  return (item) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return item;
    // A long skip list is looked up in its Set from the item's keys (never item × list work).
    const skips =
      skip.length <= 8
        ? skip.some((k) => Object.hasOwn(item, k))
        : Object.keys(item).some((k) => skipSet.has(k));
    if (keep.length === 0 && !skips) return item;
    const out: JsonObject = {};
    for (const k of Object.keys(item)) {
      if ((keepSet.size > 0 && !keepSet.has(k)) || skipSet.has(k)) continue;
      setOwn(out, k, item[k] as JsonValue);
    }
    return out;
  };
}

/**
 * A shallow copy of `container` in which the entry `key` holds `value`. For an object, the entry is
 * renamed to `newKey` in place (same position); another existing `newKey` entry is dropped so the
 * new value wins. For an array, `key` is an index and `newKey` is ignored. Other entries are shared.
 */
export function replaceEntry(container: JsonValue, key: string, newKey: string, value: JsonValue): JsonValue {
  if (Array.isArray(container)) {
    const copy = container.slice();
    copy[Number(key)] = value;
    return copy;
  }
  const source = container as JsonObject;
  if (newKey === key) {
    const copy: JsonObject = { ...source };
    setOwn(copy, key, value);
    return copy;
  }
  const copy: JsonObject = {};
  for (const k of Object.keys(source)) {
    if (k === key) setOwn(copy, newKey, value);
    else if (k !== newKey) setOwn(copy, k, source[k] as JsonValue);
  }
  return copy;
}
