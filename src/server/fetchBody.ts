/**
 * Reading the body of `POST /api/fetch` (a `LiveFetchBody`, src/core/run/liveTypes.ts): its shape is
 * checked field by field before anything reaches the outbound door, and so are the request's header
 * names and values (RFC 9110 tokens; no CR, LF, NUL or other control character), so a run input
 * holding a line break can never split a request or add a header. Messages name fields, never values.
 */
import {
  headerValueProblem,
  isHeaderName,
  quoteText,
  type DiagnosticParams,
  type HttpRequest,
  type LiveFetchBody,
} from '@core';

/** The largest `/api/fetch` body read, bytes (the request the app sends, not the answer). */
export const MAX_FETCH_BODY_BYTES = 10 * 1024 * 1024;
/** The largest per-request timeout a caller may ask for, ms. */
export const MAX_TIMEOUT_MS = 120_000;

/** Why a body is refused, with the message's stable code and parameters (a diagnostic code). */
export interface BodyProblem {
  message: string;
  code: string;
  params: DiagnosticParams;
}

export type BodyCheck = { ok: true; body: LiveFetchBody } | ({ ok: false } & BodyProblem);

const problem = (message: string, code: string, params: DiagnosticParams): BodyProblem => ({
  message,
  code,
  params,
});

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const name = (s: string): string => quoteText(s.length > 80 ? `${s.slice(0, 80)}…` : s);

function stringArray(v: unknown, field: string): string[] | BodyProblem {
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string'))
    return problem(`${field} must be an array of strings`, 'server-field-strings', { field });
  return v as string[];
}

/** A request (`request` or `display`); `sent` adds the header checks of a request that is sent. */
function readRequest(v: unknown, field: string, sent: boolean): HttpRequest | BodyProblem {
  if (!isObject(v)) return problem(`${field} must be an object`, 'server-field-object', { field });
  const { method, url, headers, body } = v;
  if (typeof method !== 'string' || !isHeaderName(method))
    return problem(`${field}.method must be an HTTP method`, 'server-field-method', { field });
  if (typeof url !== 'string' || url === '')
    return problem(`${field}.url must be a non-empty string`, 'server-field-url', { field });
  if (!isObject(headers))
    return problem(`${field}.headers must be an object of strings`, 'server-field-headers', { field });
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers)) {
    const header = name(key);
    if (typeof value !== 'string')
      return problem(`${field}.headers[${header}] must be a string`, 'server-field-header-string', {
        field,
        header,
      });
    if (sent && !isHeaderName(key))
      return problem(`${field}.headers: ${header} is not a valid header name`, 'server-field-header-name', {
        field,
        header,
      });
    // The core's reason stays English here: the core refuses such a value before the page sends it.
    const why = sent ? headerValueProblem(value) : null;
    if (why)
      return problem(`${field}.headers[${header}] ${why}`, 'server-field-header-value', {
        field,
        header,
        why,
      });
    out[key] = value;
  }
  if (body !== undefined && typeof body !== 'string')
    return problem(`${field}.body must be a string`, 'server-field-body', { field });
  return body === undefined ? { method, url, headers: out } : { method, url, headers: out, body };
}

const failed = (p: BodyProblem): BodyCheck => ({ ok: false, ...p });
const isProblem = (v: object): v is BodyProblem => 'code' in v;

/** Checks a parsed `/api/fetch` body; only the known fields are kept. */
export function checkFetchBody(value: unknown): BodyCheck {
  if (!isObject(value))
    return failed(problem('the body must be a JSON object (LiveFetchBody)', 'server-body-not-object', {}));
  const request = readRequest(value.request, 'request', true);
  if (isProblem(request)) return failed(request);
  const display = readRequest(value.display, 'display', false);
  if (isProblem(display)) return failed(display);
  const authHeaders = stringArray(value.authHeaders, 'authHeaders');
  if (!Array.isArray(authHeaders)) return failed(authHeaders);
  const secrets = stringArray(value.secrets, 'secrets');
  if (!Array.isArray(secrets)) return failed(secrets);
  const t = value.timeoutMs;
  if (typeof t !== 'number' || !Number.isInteger(t) || t < 1 || t > MAX_TIMEOUT_MS) {
    // The bound as digits (a number parameter would be grouped: 120,000).
    return failed(
      problem(`timeoutMs must be an integer from 1 to ${MAX_TIMEOUT_MS}`, 'server-timeout-range', {
        max: String(MAX_TIMEOUT_MS),
      }),
    );
  }
  return {
    ok: true,
    body: {
      request,
      display,
      authHeaders: authHeaders.map((h) => h.toLowerCase()),
      secrets: secrets.filter((s) => s !== ''),
      timeoutMs: t,
    },
  };
}
