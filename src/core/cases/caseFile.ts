/**
 * Regression cases (issue 14 §1): the `*.case.json` format and its parser. A case is sample pages
 * (inline `pages`, or `pageFiles` relative to the case file), the run inputs and the output the spec
 * is expected to give for them. Only what `expect` holds is compared.
 */
import { parseInstant } from '../dates/formatDate';
import { encodePointer } from '../json/pointer';
import { isObject } from '../spec/jsonUtil';
import type { DiagnosticParams, JsonObject, JsonValue, StopReason } from '../types';

/** One request of a run as a case records it: method and URL (secrets masked as in the preview). */
export interface CaseRequest {
  method: string;
  url: string;
}

/** The expected output; each key is optional and only a present key is compared. */
export interface CaseExpect {
  records?: JsonValue[];
  requests?: CaseRequest[];
  stop?: string;
}

/** One regression case, as read from a `*.case.json` file. */
export interface TestCase {
  name: string;
  /** Inline sample responses: response k answers request k. */
  pages?: JsonValue[];
  /** Paths of the responses, relative to the case file (the CLI reads them; the app matches by name). */
  pageFiles?: string[];
  params?: Record<string, string>;
  auth?: string;
  /** ISO 8601 instants (or epoch seconds); both or neither. */
  windowStart?: string;
  windowEnd?: string;
  backfill?: boolean;
  expect?: CaseExpect;
}

/** A problem in a case file: where (a JSON Pointer into the case, `''` for the whole) and what. */
export interface CaseError {
  pointer: string;
  message: string;
  /** A stable code for `message` (`case-…`) with the values it is built from, for the app's languages. */
  code?: string;
  params?: DiagnosticParams;
}

export type CaseParse = { ok: true; testCase: TestCase } | { ok: false; errors: CaseError[] };

/** The keys a case file may have, in the order the format lists them (and `--update` writes new ones). */
export const CASE_KEYS = [
  'name',
  'pages',
  'pageFiles',
  'params',
  'auth',
  'windowStart',
  'windowEnd',
  'backfill',
  'expect',
] as const;

const EXPECT_KEYS = ['records', 'requests', 'stop'] as const;

/** The stop reasons a run can end with (SEMANTICS.md §5, plus `blocked`). */
export const STOP_REASONS: readonly StopReason[] = [
  'single-request',
  'end-condition',
  'short-page',
  'end-page',
  'no-pointer',
  'no-token',
  'max-requests',
  'loop-detected',
  'samples-exhausted',
  'blocked',
];

const kindOf = (v: JsonValue | undefined): string =>
  v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : `a ${typeof v}`;

/** What `kindOf` words, as a message param: null, array, object, string, number, boolean, undefined. */
const typeOf = (v: JsonValue | undefined): string =>
  v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;

/** A case's window as epoch ms, when it has one (the parser has checked both ends). */
export function caseWindow(c: TestCase): { start: number; end: number } | undefined {
  if (c.windowStart === undefined || c.windowEnd === undefined) return undefined;
  const start = parseInstant(c.windowStart);
  const end = parseInstant(c.windowEnd);
  return start === null || end === null ? undefined : { start, end };
}

function parseExpect(v: JsonValue, errors: CaseError[]): CaseExpect | undefined {
  if (!isObject(v)) {
    errors.push({
      pointer: '/expect',
      message: `expect must be an object, not ${kindOf(v)}`,
      code: 'case-expect-not-object',
      params: { kind: typeOf(v) },
    });
    return undefined;
  }
  const out: CaseExpect = {};
  for (const key of Object.keys(v)) {
    if (!(EXPECT_KEYS as readonly string[]).includes(key))
      errors.push({
        pointer: `/expect${encodePointer([key])}`,
        message: `unknown key ${JSON.stringify(key)} in expect (it may hold records, requests and stop)`,
        code: 'case-expect-unknown-key',
        params: { key: JSON.stringify(key) },
      });
  }
  if (Object.hasOwn(v, 'records')) {
    const records = v.records;
    if (!Array.isArray(records))
      errors.push({
        pointer: '/expect/records',
        message: `records must be an array, not ${kindOf(records)}`,
        code: 'case-records-not-array',
        params: { kind: typeOf(records) },
      });
    else out.records = records;
  }
  if (Object.hasOwn(v, 'requests')) {
    const requests = v.requests;
    if (!Array.isArray(requests)) {
      errors.push({
        pointer: '/expect/requests',
        message: `requests must be an array, not ${kindOf(requests)}`,
        code: 'case-requests-not-array',
        params: { kind: typeOf(requests) },
      });
    } else {
      const list: CaseRequest[] = [];
      requests.forEach((r, i) => {
        const at = `/expect/requests/${i}`;
        if (!isObject(r) || typeof r.method !== 'string' || typeof r.url !== 'string') {
          errors.push({
            pointer: at,
            message: 'each request must be {"method": "<text>", "url": "<text>"}',
            code: 'case-request-shape',
            params: { shape: '{"method": "<text>", "url": "<text>"}' },
          });
        } else list.push({ method: r.method, url: r.url });
      });
      out.requests = list;
    }
  }
  if (Object.hasOwn(v, 'stop')) {
    const stop = v.stop;
    if (typeof stop !== 'string' || !(STOP_REASONS as readonly string[]).includes(stop))
      errors.push({
        pointer: '/expect/stop',
        message: `stop must be one of ${STOP_REASONS.join(', ')}, not ${typeof stop === 'string' ? JSON.stringify(stop) : kindOf(stop)}`,
        code: 'case-stop-unknown',
        params: {
          reasons: STOP_REASONS.join(', '),
          kind: typeOf(stop),
          got: typeof stop === 'string' ? JSON.stringify(stop) : '',
        },
      });
    else out.stop = stop;
  }
  return out;
}

/**
 * Checks a parsed case file and returns the case, or every problem found with its location (a JSON
 * Pointer into the case) and what is wrong. Unknown keys are errors (a typo such as `expected` would
 * otherwise compare nothing and pass).
 */
export function parseCase(value: JsonValue): CaseParse {
  const errors: CaseError[] = [];
  if (!isObject(value)) {
    return {
      ok: false,
      errors: [
        {
          pointer: '',
          message: `a case must be a JSON object, not ${kindOf(value)}`,
          code: 'case-not-object',
          params: { kind: typeOf(value) },
        },
      ],
    };
  }
  const v: JsonObject = value;
  for (const key of Object.keys(v)) {
    if (!(CASE_KEYS as readonly string[]).includes(key))
      errors.push({
        pointer: encodePointer([key]),
        message: `unknown key ${JSON.stringify(key)} (a case has ${CASE_KEYS.join(', ')})`,
        code: 'case-unknown-key',
        params: { key: JSON.stringify(key), keys: CASE_KEYS.join(', ') },
      });
  }
  const has = (k: string): boolean => Object.hasOwn(v, k);
  const c: TestCase = { name: '' };
  if (typeof v.name !== 'string' || v.name.trim() === '')
    errors.push({
      pointer: '/name',
      message: has('name') ? 'name must be a non-empty string' : 'name is required',
      code: has('name') ? 'case-name-empty' : 'case-name-required',
    });
  else c.name = v.name;

  if (has('pages') && has('pageFiles'))
    errors.push({
      pointer: '/pageFiles',
      message: 'give pages or pageFiles, not both',
      code: 'case-pages-both',
    });
  if (!has('pages') && !has('pageFiles'))
    errors.push({
      pointer: '',
      message: 'pages (inline responses) or pageFiles (paths) is required',
      code: 'case-pages-required',
    });
  if (has('pages')) {
    if (!Array.isArray(v.pages))
      errors.push({
        pointer: '/pages',
        message: `pages must be an array of responses, not ${kindOf(v.pages)}`,
        code: 'case-pages-not-array',
        params: { kind: typeOf(v.pages) },
      });
    else c.pages = v.pages;
  }
  if (has('pageFiles')) {
    const files = v.pageFiles;
    if (!Array.isArray(files)) {
      errors.push({
        pointer: '/pageFiles',
        message: `pageFiles must be an array of paths, not ${kindOf(files)}`,
        code: 'case-page-files-not-array',
        params: { kind: typeOf(files) },
      });
    } else {
      files.forEach((f, i) => {
        if (typeof f !== 'string' || f === '')
          errors.push({
            pointer: `/pageFiles/${i}`,
            message: 'each page file must be a non-empty path',
            code: 'case-page-file-empty',
          });
      });
      c.pageFiles = files.filter((f): f is string => typeof f === 'string' && f !== '');
    }
  }
  if (has('params')) {
    const params = v.params;
    if (!isObject(params)) {
      errors.push({
        pointer: '/params',
        message: `params must be an object, not ${kindOf(params)}`,
        code: 'case-params-not-object',
        params: { kind: typeOf(params) },
      });
    } else {
      const out: Record<string, string> = {};
      for (const [k, p] of Object.entries(params)) {
        if (typeof p === 'string' || typeof p === 'number' || typeof p === 'boolean')
          Object.defineProperty(out, k, {
            value: String(p),
            enumerable: true,
            writable: true,
            configurable: true,
          });
        else
          errors.push({
            pointer: `/params${encodePointer([k])}`,
            message: `a parameter value must be a string, number or boolean, not ${kindOf(p)}`,
            code: 'case-param-value',
            params: { kind: typeOf(p) },
          });
      }
      c.params = out;
    }
  }
  if (has('auth')) {
    if (typeof v.auth !== 'string' || v.auth === '')
      errors.push({
        pointer: '/auth',
        message: 'auth must be the name of one of the spec’s authSpecs',
        code: 'case-auth',
      });
    else c.auth = v.auth;
  }
  for (const key of ['windowStart', 'windowEnd'] as const) {
    if (!has(key)) continue;
    const t = v[key];
    if (typeof t !== 'string' || parseInstant(t) === null)
      errors.push({
        pointer: `/${key}`,
        message: `${key} must be an ISO 8601 instant such as "2026-01-01T00:00:00Z" (or epoch seconds)`,
        code: 'case-window-instant',
        params: { key },
      });
    else c[key] = t;
  }
  if (has('windowStart') !== has('windowEnd'))
    errors.push({
      pointer: has('windowStart') ? '/windowEnd' : '/windowStart',
      message: 'windowStart and windowEnd go together',
      code: 'case-window-pair',
    });
  const win = caseWindow(c);
  if (win && win.end <= win.start)
    errors.push({
      pointer: '/windowEnd',
      message: 'windowEnd must be after windowStart',
      code: 'case-window-order',
    });
  if (has('backfill')) {
    if (typeof v.backfill !== 'boolean')
      errors.push({
        pointer: '/backfill',
        message: `backfill must be true or false, not ${kindOf(v.backfill)}`,
        code: 'case-backfill',
        params: { kind: typeOf(v.backfill) },
      });
    else c.backfill = v.backfill;
  }
  if (has('expect')) {
    const expect = parseExpect(v.expect as JsonValue, errors);
    if (expect) c.expect = expect;
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, testCase: c };
}

/** `file: /pointer: message` lines for a failed parse (the pointer left out for the whole case). */
export function caseErrorText(errors: readonly CaseError[]): string {
  return errors.map((e) => (e.pointer ? `${e.pointer}: ${e.message}` : e.message)).join('; ');
}
