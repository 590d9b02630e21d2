/** Small JSON helpers for the spec readers: own-property safe, never mutating their input. */
import type { Diagnostic, DiagnosticParams, JsonObject, JsonValue, Severity } from '../types';

/** True for a JSON object (not an array, not null). */
export function isObject(v: JsonValue | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The own property `key` of `o`, or undefined (never reads the prototype chain). */
export function own(o: JsonObject | undefined, key: string): JsonValue | undefined {
  return o !== undefined && Object.hasOwn(o, key) ? o[key] : undefined;
}

/** Sets an own property, even for keys such as `__proto__` (which `o[k] = v` would not). */
export function setOwn(o: JsonObject, key: string, value: JsonValue): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A deep copy of a JSON value; `__proto__` keys stay own properties. */
export function cloneJson<T extends JsonValue>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

/**
 * A copy of `o` with keys renamed per `rename` (old → new) in place, keeping key order. A rename whose
 * target key already exists is skipped, so no value is ever dropped.
 */
export function renameKeys(o: JsonObject, rename: Record<string, string>): JsonObject {
  const out: JsonObject = {};
  for (const k of Object.keys(o)) {
    const target = Object.hasOwn(rename, k) ? rename[k] : undefined;
    const key = target !== undefined && !Object.hasOwn(o, target) ? target : k;
    setOwn(out, key, o[k] as JsonValue);
  }
  return out;
}

/** Collects diagnostics in the order they are found. */
export class DiagnosticList {
  readonly items: Diagnostic[] = [];

  /** Adds one finding; `params` are the values its message is built from. */
  add(severity: Severity, pointer: string, code: string, message: string, params?: DiagnosticParams): void {
    this.items.push(
      params === undefined
        ? { severity, pointer, message, code }
        : { severity, pointer, message, code, params },
    );
  }
}

/**
 * Reads an integer written as a number or a numeric string (both are in Adobe's examples). Absent →
 * `fallback`; anything else → an error diagnostic at `pointer` and `fallback`.
 */
export function readInt(
  v: JsonValue | undefined,
  pointer: string,
  field: string,
  d: DiagnosticList,
  fallback?: number,
): number | undefined {
  if (v === undefined) return fallback;
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && /^\s*-?\d+\s*$/.test(v)) return Number.parseInt(v, 10);
  d.add(
    'error',
    pointer,
    'not-integer',
    `\`${field}\` must be a whole number, e.g. 100; found ${JSON.stringify(v)}`,
    { field, found: JSON.stringify(v) },
  );
  return fallback;
}

/**
 * Parses a legacy parameter string `"a=1,b=2"`, `"a=1&b=2"` or a mix of both into ordered pairs.
 * A segment without `=` becomes a name with an empty value; empty segments are skipped.
 */
export function parseLegacyParams(text: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const seg of text.split(/[,&]/)) {
    const s = seg.trim();
    if (s === '') continue;
    const eq = s.indexOf('=');
    pairs.push(eq === -1 ? [s, ''] : [s.slice(0, eq).trim(), s.slice(eq + 1).trim()]);
  }
  return pairs;
}

/** Pairs → a JSON object (own properties, order kept; a repeated name keeps its last value). */
export function pairsToObject(pairs: Array<[string, string]>): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of pairs) setOwn(out, k, v);
  return out;
}
