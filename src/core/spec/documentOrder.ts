/** Sorting diagnostics by where they point in a document. */
import { decodePointer } from '../json/pointer';
import type { Diagnostic, JsonObject, JsonValue } from '../types';
import { isObject } from './jsonUtil';

/** Rank of a segment that names nothing (a missing key, a non-index, a step into a scalar). */
const MISSING = Number.MAX_SAFE_INTEGER;

/**
 * Diagnostics sorted by the pre-order position (object keys in document order) of their pointer; a
 * pointer to a missing key sorts right after its deepest existing ancestor. Stable for ties.
 *
 * Cost: each object a pointer passes through is indexed once (key → position, one pass over its
 * keys), so n diagnostics under an object of k keys cost O(k + n log n), not O(n · k) (issue 12: 20,000
 * inputs with one finding each took 53 s through `Object.keys(…).indexOf`).
 */
export function documentOrder(doc: JsonValue, diagnostics: Diagnostic[]): Diagnostic[] {
  const positions = new Map<JsonObject, Map<string, number>>();
  const positionOf = (obj: JsonObject, key: string): number => {
    let index = positions.get(obj);
    if (!index) {
      index = new Map();
      let i = 0;
      for (const k of Object.keys(obj)) index.set(k, i++);
      positions.set(obj, index);
    }
    return index.get(key) ?? MISSING;
  };
  const rank = (pointer: string): number[] => {
    const out: number[] = [];
    let cur: JsonValue | undefined = doc;
    let segs: string[];
    try {
      segs = decodePointer(pointer);
    } catch {
      return out;
    }
    for (const seg of segs) {
      if (Array.isArray(cur)) {
        const i = Number(seg);
        out.push(Number.isInteger(i) ? i : MISSING);
        cur = cur[i];
      } else if (isObject(cur)) {
        const i = positionOf(cur, seg);
        out.push(i);
        cur = i === MISSING ? undefined : cur[seg];
      } else out.push(MISSING);
    }
    return out;
  };
  const keyed = diagnostics.map((d, i) => ({ d, i, r: rank(d.pointer) }));
  keyed.sort((a, b) => {
    const n = Math.min(a.r.length, b.r.length);
    for (let k = 0; k < n; k++)
      if ((a.r[k] as number) !== (b.r[k] as number)) return (a.r[k] as number) - (b.r[k] as number);
    return a.r.length - b.r.length || a.i - b.i;
  });
  return keyed.map((k) => k.d);
}
