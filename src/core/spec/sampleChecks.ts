/**
 * Preview findings about the pagination paths, computed where sample pages are known (the preview
 * worker): an end-condition, continuation-token or next-page-pointer path that matches nothing in
 * any sample page.
 */
import { compileLoosePath } from '../jsonpath/jsonPath';
import type { Diagnostic, JsonObject, JsonValue, SpecModel } from '../types';
import { isObject, own } from './jsonUtil';

const P = '/sourceSpec/attributes/paginationParams';

/** The document's `sourceSpec.attributes.paginationParams` object, if it is one. */
function paginationParams(doc: JsonValue): JsonObject | undefined {
  let cur: JsonValue | undefined = doc;
  for (const k of ['sourceSpec', 'attributes', 'paginationParams'])
    cur = isObject(cur) ? own(cur, k) : undefined;
  return isObject(cur) ? cur : undefined;
}

function matchesAny(expr: string, bodies: readonly JsonValue[]): boolean | null {
  const compiled = compileLoosePath(expr);
  if (!compiled.ok) return null;
  return bodies.some((b) => compiled.path.query(b, 1).length > 0);
}

/**
 * For each pagination path of `model` (OFFSET `endConditionName`, POINTER `pointerPath`,
 * CONTINUATION_TOKEN `continuationTokenPath`) that matches nothing in any of `bodies`: one warning at
 * the path's pointer in `doc` (the legacy `pointerName` when that is what the document uses), saying
 * what the run then does. No bodies, no path or an invalid path (validate reports it): no finding.
 * Each path is queried with a limit of one match per page. Never throws.
 */
export function samplePathChecks(
  doc: JsonValue,
  model: SpecModel,
  bodies: readonly JsonValue[],
): Diagnostic[] {
  if (bodies.length === 0) return [];
  const p = model.pagination;
  const pages = bodies.length === 1 ? 'the sample page' : `any of the ${bodies.length} sample pages`;
  const out: Diagnostic[] = [];
  const check = (expr: string | undefined, key: string, label: string, effect: string) => {
    if (expr === undefined || expr.trim() === '' || matchesAny(expr, bodies) !== false) return;
    out.push({
      severity: 'warning',
      pointer: `${P}/${key}`,
      code: 'sample-path-no-match',
      message: `${label} ${expr} matches nothing in ${pages}: ${effect}`,
      params: { field: label, path: expr, count: bodies.length, type: p.type },
    });
  };
  if (p.type === 'OFFSET' && p.endConditionValue !== undefined) {
    check(
      p.endConditionName,
      'endConditionName',
      'endConditionName',
      'the end condition never fires, so paging stops only on a short page or at maximumRequest',
    );
  }
  if (p.type === 'POINTER') {
    const raw = paginationParams(doc);
    const legacy = own(raw, 'pointerPath') === undefined && own(raw, 'pointerName') !== undefined;
    const key = legacy ? 'pointerName' : 'pointerPath';
    check(
      p.pointerPath,
      key,
      key,
      'every run stops after its first request (no next-page pointer); fine only if every sample is a last page',
    );
  }
  if (p.type === 'CONTINUATION_TOKEN') {
    check(
      p.continuationTokenPath,
      'continuationTokenPath',
      'continuationTokenPath',
      'every run stops after its first request (no token); fine only if every sample is a last page',
    );
  }
  return out;
}
