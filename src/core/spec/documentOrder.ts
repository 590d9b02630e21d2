/** Sorting diagnostics by where they point in a document. */
import { decodePointer } from '../json/pointer';
import type { Diagnostic, JsonValue } from '../types';
import { isObject } from './jsonUtil';

/**
 * Diagnostics sorted by the pre-order position (object keys in document order) of their pointer; a
 * pointer to a missing key sorts right after its deepest existing ancestor. Stable for ties.
 */
export function documentOrder(doc: JsonValue, diagnostics: Diagnostic[]): Diagnostic[] {
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
        out.push(Number.isInteger(i) ? i : Number.MAX_SAFE_INTEGER);
        cur = cur[i];
      } else if (isObject(cur)) {
        const i = Object.keys(cur).indexOf(seg);
        out.push(i === -1 ? Number.MAX_SAFE_INTEGER : i);
        cur = i === -1 ? undefined : cur[seg];
      } else out.push(Number.MAX_SAFE_INTEGER);
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
