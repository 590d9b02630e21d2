/** `modernise`: the explicit, user-requested rewrite of legacy spec forms (SEMANTICS §1). */
import type { JsonObject, JsonValue } from '../types';
import { cloneJson, isObject, own, pairsToObject, parseLegacyParams, renameKeys, setOwn } from './jsonUtil';

const PAGINATION_TYPES = new Set(['NONE', 'OFFSET', 'PAGE', 'POINTER', 'CONTINUATION_TOKEN']);

function modernisePagination(p: JsonObject): JsonObject {
  const out = renameKeys(p, { offsetName: 'offSetName', pointerName: 'pointerPath', paginationType: 'type' });
  const t = own(out, 'type');
  if (typeof t === 'string' && PAGINATION_TYPES.has(t.toUpperCase())) setOwn(out, 'type', t.toUpperCase());
  return out;
}

function moderniseAttributes(a: JsonObject): JsonObject {
  const out = a;
  const url = own(out, 'urlParams');
  if (isObject(url)) {
    const u = renameKeys(url, { hostName: 'host' });
    const u2 = own(u, 'host') === undefined ? renameKeys(u, { hostname: 'host' }) : u;
    const q = own(u2, 'queryParams');
    if (typeof q === 'string') setOwn(u2, 'queryParams', pairsToObject(parseLegacyParams(q)));
    setOwn(out, 'urlParams', u2);
  }
  const h = own(out, 'headerParams');
  if (typeof h === 'string') setOwn(out, 'headerParams', pairsToObject(parseLegacyParams(h)));
  for (const key of ['contentPath', 'explodeEntityPath']) {
    const v = own(out, key);
    if (typeof v === 'string') setOwn(out, key, { path: v });
  }
  const p = own(out, 'paginationParams');
  if (isObject(p)) setOwn(out, 'paginationParams', modernisePagination(p));
  const s = own(out, 'scheduleParams');
  if (
    isObject(s) &&
    typeof own(s, 'type') === 'string' &&
    String(own(s, 'type')).toUpperCase() === 'ADVANCE'
  ) {
    setOwn(s, 'type', 'ADVANCE');
  }
  return out;
}

/**
 * A copy of `doc` with legacy forms rewritten: string `contentPath`/`explodeEntityPath` → `{ path }`,
 * `offsetName` → `offSetName`, `pointerName` → `pointerPath`, `paginationType` → `type`, lower-case
 * pagination/schedule types → upper case, string `queryParams`/`headerParams` → objects,
 * `hostName`/`hostname` → `host`. Renamed keys keep their position; a rename whose target already
 * exists is skipped (nothing is dropped). Everything else is untouched; the input is never mutated.
 * Non-object documents are returned as a copy.
 */
export function modernise(doc: JsonValue): JsonValue {
  const out = cloneJson(doc);
  if (!isObject(out)) return out;
  const source = own(out, 'sourceSpec');
  const attrs = isObject(source) ? own(source, 'attributes') : undefined;
  if (isObject(source) && isObject(attrs)) setOwn(source, 'attributes', moderniseAttributes(attrs));
  return out;
}
