/**
 * SEMANTICS §4 step 5: one record per element of a sub-array, the array replaced in place by the
 * element. Only the objects along the exploded path are copied; everything else is shared.
 */
import { decodePointer } from '../json/pointer';
import { compileLoosePath, type CompiledJsonPath } from '../jsonpath/jsonPath';
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

/** An explode path naming an array that contentPath's keep/skip removes before exploding. */
export interface ExplodeConflict {
  /** The top-level key of each content item that the explode path goes through. */
  key: string;
  /** The contentPath list that removes it. */
  list: 'skipAttributes' | 'keepAttributes';
  explodePath: string;
}

/**
 * Whether `explode.path` goes through a key of each content item that `contentPath`'s keep/skip
 * removes (SEMANTICS §4: keep/skip act before explode), e.g. `$.member._links` with
 * `skipAttributes: ["_links"]`: then no record can ever be exploded. `wrapper` is the wrapper key of
 * each record. Null when there is no conflict or the path is not a plain chain of names (then it
 * cannot be decided without data). Never throws.
 */
export function explodeSkipConflict(
  contentPath: PathSpec,
  explode: PathSpec,
  wrapper: string,
): ExplodeConflict | null {
  const compiled = compileLoosePath(explode.path);
  const names = compiled.ok ? compiled.path.names : null;
  if (!names || names.length < 2 || names[0] !== wrapper) return null;
  const key = names[1] as string;
  if (contentPath.skipAttributes.includes(key))
    return { key, list: 'skipAttributes', explodePath: explode.path };
  if (contentPath.keepAttributes.length > 0 && !contentPath.keepAttributes.includes(key))
    return { key, list: 'keepAttributes', explodePath: explode.path };
  return null;
}

/** The parameters of an {@link ExplodeConflict}'s message (see {@link explodeConflictMessage}). */
export function explodeConflictParams(c: ExplodeConflict): { path: string; key: string; list: string } {
  return { path: c.explodePath, key: c.key, list: c.list };
}

/** The sentence for an {@link ExplodeConflict}, naming the path, the key and the list. */
export function explodeConflictMessage(c: ExplodeConflict): string {
  const does = c.list === 'skipAttributes' ? 'removes' : 'does not keep';
  return `explodeEntityPath ${c.explodePath} names \`${c.key}\`, which contentPath.${c.list} ${does}: keep/skip act before explode, so no record is exploded`;
}
