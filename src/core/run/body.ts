/** The POST body of a request: `bodyParams` with placeholders resolved in string values only. */
import type { DiagnosticParams, JsonObject, JsonValue } from '../types';

/** A string that cannot be rendered: English `message`, its place, and its code with params when known. */
type Failure = { ok: false; message: string; pointer: string; code?: string; params?: DiagnosticParams };
type Rendered = { ok: true; dual: { real: string; shown: string } } | Failure;
type Result = { ok: true; real: JsonValue; shown: JsonValue } | Failure;

const esc = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');

function setOwn(o: JsonObject, key: string, value: JsonValue): void {
  // defineProperty, not assignment: a key named __proto__ must stay an own data property.
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * Walks `value` and renders every string value (not keys, not numbers) with `renderString`,
 * building the sent copy and the shown copy side by side. `pointer` is the JSON Pointer of the
 * string inside `bodyParams` ("" for the root). Stops at the first failure.
 */
export function renderBody(
  value: JsonValue,
  renderString: (text: string, pointer: string) => Rendered,
  pointer = '',
): Result {
  if (typeof value === 'string') {
    const r = renderString(value, pointer);
    return r.ok ? { ok: true, real: r.dual.real, shown: r.dual.shown } : r;
  }
  if (Array.isArray(value)) {
    const real: JsonValue[] = [];
    const shown: JsonValue[] = [];
    for (let i = 0; i < value.length; i++) {
      const r = renderBody(value[i] as JsonValue, renderString, `${pointer}/${i}`);
      if (!r.ok) return r;
      real.push(r.real);
      shown.push(r.shown);
    }
    return { ok: true, real, shown };
  }
  if (value !== null && typeof value === 'object') {
    const real: JsonObject = {};
    const shown: JsonObject = {};
    for (const key of Object.keys(value)) {
      const r = renderBody(value[key] as JsonValue, renderString, `${pointer}/${esc(key)}`);
      if (!r.ok) return r;
      setOwn(real, key, r.real);
      setOwn(shown, key, r.shown);
    }
    return { ok: true, real, shown };
  }
  return { ok: true, real: value, shown: value };
}
