/** Reads `paginationParams` into the typed `Pagination` of the model (SEMANTICS §1, FORMAT.md §4.4). */
import type { JsonObject, JsonValue, Pagination, PaginationType } from '../types';
import { DiagnosticList, isObject, own, readInt } from './jsonUtil';

const TYPES: readonly PaginationType[] = ['NONE', 'OFFSET', 'PAGE', 'POINTER', 'CONTINUATION_TOKEN'];
/** Default cap on requests per run. */
export const DEFAULT_MAXIMUM_REQUEST = 10000;

const NONE: Pagination = { type: 'NONE', maximumRequest: DEFAULT_MAXIMUM_REQUEST, delayRequestMillis: 0 };

/** Reads a string field; a present non-string is an error. */
function readStr(o: JsonObject, key: string, ptr: string, d: DiagnosticList): string | undefined {
  const v = own(o, key);
  if (v === undefined || typeof v === 'string') return v;
  d.add('error', `${ptr}/${key}`, 'wrong-type', `\`${key}\` must be text; found ${JSON.stringify(v)}`, {
    kind: 'text',
    field: key,
    found: JSON.stringify(v),
  });
  return undefined;
}

/** Reads `name`, or its legacy alias with a warning. */
function readAliased(
  o: JsonObject,
  name: string,
  legacy: string,
  ptr: string,
  d: DiagnosticList,
  why: string,
) {
  if (own(o, legacy) !== undefined) {
    d.add(
      'warning',
      `${ptr}/${legacy}`,
      `legacy-${legacy.toLowerCase()}`,
      `\`${legacy}\` is read as \`${name}\`: ${why}`,
      { legacy, name },
    );
    if (own(o, name) === undefined) return readStr(o, legacy, ptr, d);
  }
  return readStr(o, name, ptr, d);
}

function readType(o: JsonObject, ptr: string, d: DiagnosticList): PaginationType | undefined {
  let key = 'type';
  if (own(o, 'type') === undefined && own(o, 'paginationType') !== undefined) {
    key = 'paginationType';
    d.add(
      'warning',
      `${ptr}/paginationType`,
      'legacy-pagination-type',
      '`paginationType` is a legacy name: read as `type`',
    );
  }
  const raw = own(o, key);
  if (raw === undefined) {
    d.add(
      'error',
      ptr,
      'missing-field',
      'Pagination needs a `type`: NONE, OFFSET, PAGE, POINTER or CONTINUATION_TOKEN',
      { kind: 'paginationType' },
    );
    return undefined;
  }
  const upper = typeof raw === 'string' ? raw.toUpperCase() : '';
  const t = TYPES.find((x) => x === upper);
  if (t === undefined) {
    d.add(
      'error',
      `${ptr}/${key}`,
      'unknown-pagination-type',
      `Unknown pagination type ${JSON.stringify(raw)}: use one of ${TYPES.join(', ')}`,
      { type: JSON.stringify(raw), types: TYPES.join(', ') },
    );
    return undefined;
  }
  if (raw !== t)
    d.add('info', `${ptr}/${key}`, 'lowercase-type', `Pagination type "${String(raw)}" is read as ${t}`, {
      kind: 'pagination',
      type: String(raw),
      read: t,
    });
  return t;
}

function need<T>(v: T | undefined, field: string, type: string, ptr: string, d: DiagnosticList): v is T {
  if (v !== undefined) return true;
  d.add('error', ptr, 'missing-field', `\`${field}\` is required for ${type} pagination`, {
    kind: 'pagination',
    field,
    type,
  });
  return false;
}

/**
 * Reads pagination settings. Absent → NONE. The legacy list form `[{name, type, spec}]` is read from its
 * first entry with a warning. Missing required fields or an unknown type → error diagnostics and NONE.
 * Numbers may be numeric strings; defaults: maximumRequest 10000, delayRequestMillis 0, initialPageIndex 0.
 */
export function readPagination(raw: JsonValue | undefined, pointer: string, d: DiagnosticList): Pagination {
  if (raw === undefined) return NONE;
  let o: JsonValue | undefined = raw;
  let ptr = pointer;
  if (Array.isArray(raw)) {
    d.add(
      'warning',
      pointer,
      'legacy-pagination-array',
      'Pagination as a list is a legacy form: only its first entry is read',
    );
    o = raw[0];
    ptr = `${pointer}/0`;
  }
  if (!isObject(o)) {
    d.add('error', ptr, 'wrong-type', 'Pagination must be an object with a `type`', { kind: 'pagination' });
    return NONE;
  }
  const type = readType(o, ptr, d);
  const common = {
    maximumRequest:
      readInt(
        own(o, 'maximumRequest'),
        `${ptr}/maximumRequest`,
        'maximumRequest',
        d,
        DEFAULT_MAXIMUM_REQUEST,
      ) ?? DEFAULT_MAXIMUM_REQUEST,
    delayRequestMillis:
      readInt(own(o, 'delayRequestMillis'), `${ptr}/delayRequestMillis`, 'delayRequestMillis', d, 0) ?? 0,
  };
  const limitName = readStr(o, 'limitName', ptr, d);
  const limitValue = readInt(own(o, 'limitValue'), `${ptr}/limitValue`, 'limitValue', d);
  const hasLimitValue = own(o, 'limitValue') !== undefined;
  const limitOk = (t: string): boolean => {
    const name = need(limitName, 'limitName', t, ptr, d);
    const value = hasLimitValue ? limitValue !== undefined : need(undefined, 'limitValue', t, ptr, d);
    return name && value;
  };
  switch (type) {
    case 'OFFSET': {
      const offSetName = readAliased(
        o,
        'offSetName',
        'offsetName',
        ptr,
        d,
        "Adobe's examples spell it `offSetName`",
      );
      const okLimit = limitOk(type);
      if (!need(offSetName, 'offSetName', type, ptr, d) || !okLimit) return { ...NONE, ...common };
      const endConditionName = readStr(o, 'endConditionName', ptr, d);
      const endV = own(o, 'endConditionValue');
      const endConditionValue =
        endV === undefined || endV === null
          ? undefined
          : typeof endV === 'string'
            ? endV
            : JSON.stringify(endV);
      return {
        ...common,
        type,
        limitName: limitName as string,
        limitValue: limitValue as number,
        offSetName,
        ...(endConditionName !== undefined ? { endConditionName } : {}),
        ...(endConditionValue !== undefined ? { endConditionValue } : {}),
      };
    }
    case 'PAGE': {
      const pageParamName = readStr(o, 'pageParamName', ptr, d);
      const okLimit = limitOk(type);
      const initialPageIndex =
        readInt(own(o, 'initialPageIndex'), `${ptr}/initialPageIndex`, 'initialPageIndex', d, 0) ?? 0;
      const end = own(o, 'endPageIndex');
      let endPageIndex: number | string | undefined;
      if (typeof end === 'number' || (typeof end === 'string' && /^\s*-?\d+\s*$/.test(end)))
        endPageIndex = readInt(end, `${ptr}/endPageIndex`, 'endPageIndex', d);
      else if (typeof end === 'string') endPageIndex = end;
      else if (end !== undefined && end !== null)
        d.add(
          'error',
          `${ptr}/endPageIndex`,
          'wrong-type',
          '`endPageIndex` must be a number or a header expression such as headers.x-pagecount',
          { kind: 'endPageIndex' },
        );
      if (!need(pageParamName, 'pageParamName', type, ptr, d) || !okLimit) return { ...NONE, ...common };
      return {
        ...common,
        type,
        limitName: limitName as string,
        limitValue: limitValue as number,
        pageParamName,
        initialPageIndex,
        ...(endPageIndex !== undefined ? { endPageIndex } : {}),
      };
    }
    case 'POINTER': {
      const pointerPath = readAliased(o, 'pointerPath', 'pointerName', ptr, d, 'legacy name');
      limitOk(type);
      if (!need(pointerPath, 'pointerPath', type, ptr, d)) return { ...NONE, ...common };
      return {
        ...common,
        type,
        pointerPath,
        ...(limitName !== undefined ? { limitName } : {}),
        ...(limitValue !== undefined ? { limitValue } : {}),
      };
    }
    case 'CONTINUATION_TOKEN': {
      const continuationTokenPath = readStr(o, 'continuationTokenPath', ptr, d);
      const parameterType = readStr(o, 'parameterType', ptr, d);
      const parameterName = readStr(o, 'parameterName', ptr, d);
      const ok = [
        need(continuationTokenPath, 'continuationTokenPath', type, ptr, d),
        need(parameterType, 'parameterType', type, ptr, d),
        need(parameterName, 'parameterName', type, ptr, d),
      ].every(Boolean);
      if (!ok) return { ...NONE, ...common };
      const pt = (parameterType as string).toUpperCase();
      if (pt !== 'QUERYPARAM' && pt !== 'HEADERPARAM') {
        d.add(
          'error',
          `${ptr}/parameterType`,
          'wrong-value',
          '`parameterType` must be QUERYPARAM or HEADERPARAM',
          { kind: 'parameterType' },
        );
        return { ...NONE, ...common };
      }
      return {
        ...common,
        type,
        continuationTokenPath: continuationTokenPath as string,
        parameterType: pt,
        parameterName: parameterName as string,
      };
    }
    default:
      return { ...NONE, ...common };
  }
}
