/**
 * SEMANTICS §4 step 5: one record per element of a sub-array, the array replaced in place by the
 * element. Only the objects along the exploded path are copied; everything else is shared.
 */
import { decodePointer } from '../json/pointer';
import type { CompiledJsonPath } from '../jsonpath/jsonPath';
import type { JsonObject, JsonValue, PathSpec } from '../types';
import { keyFilter, replaceEntry } from './ownCopy';

/** Outcome of exploding one record. */
export type ExplodeOutcome = 'exploded' | 'missing' | 'not-array';

/** A prepared explode step (compiled once per flatten call, applied to every record). */
export interface Exploder {
  /** Pushes the records made from `record` onto `out` (the record itself when nothing is exploded). */
  apply(record: JsonObject, out: JsonObject[]): ExplodeOutcome;
}

/** Steps to the matched value inside `record` as pointer segments, or null when there is no match. */
function locate(path: CompiledJsonPath, record: JsonObject): string[] | null {
  if (path.names) return path.names;
  const m = path.query(record, 1)[0];
  return m ? decodePointer(m.pointer) : null;
}

/**
 * Prepares the explode step of `spec` for a compiled `path`: each record's sub-array at the path is
 * replaced, for each element, by that element (keep/skip of `spec` applied to it) under
 * `spec.overrideWrapperAttribute`, else under the array's own key. A missing, empty or non-array
 * match emits the record once, unchanged.
 */
export function makeExploder(spec: PathSpec, path: CompiledJsonPath): Exploder {
  const filter = keyFilter(spec);
  const rename = spec.overrideWrapperAttribute || null;
  return {
    apply(record, out) {
      const segs = locate(path, record);
      if (!segs || segs.length === 0) {
        out.push(record);
        return segs ? 'not-array' : 'missing';
      }
      const chain: JsonValue[] = [];
      let cur: JsonValue = record;
      for (const seg of segs) {
        chain.push(cur);
        if (cur === null || typeof cur !== 'object') break;
        const next: JsonValue | undefined = Array.isArray(cur)
          ? cur[Number(seg)]
          : Object.hasOwn(cur, seg)
            ? cur[seg]
            : undefined;
        if (next === undefined) {
          out.push(record);
          return 'missing';
        }
        cur = next;
      }
      if (chain.length !== segs.length) {
        out.push(record);
        return 'missing';
      }
      if (!Array.isArray(cur)) {
        out.push(record);
        return 'not-array';
      }
      if (cur.length === 0) {
        out.push(record);
        return 'missing';
      }
      const last = segs.length - 1;
      for (const element of cur) {
        let child: JsonValue = filter ? filter(element) : element;
        for (let d = last; d >= 0; d--) {
          const key = segs[d] as string;
          child = replaceEntry(chain[d] as JsonValue, key, d === last && rename ? rename : key, child);
        }
        out.push(child as JsonObject);
      }
      return 'exploded';
    },
  };
}
