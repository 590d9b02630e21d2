/**
 * Reading the body of `POST /api/fetch` (a `LiveFetchBody`, src/core/run/liveTypes.ts): its shape is
 * checked field by field before anything reaches the outbound door, and so are the request's header
 * names and values (RFC 9110 tokens; no CR, LF, NUL or other control character), so a run input
 * holding a line break can never split a request or add a header. Messages name fields, never values.
 */
import { headerValueProblem, isHeaderName, quoteText, type HttpRequest, type LiveFetchBody } from '@core';

/** The largest `/api/fetch` body read, bytes (the request the app sends, not the answer). */
export const MAX_FETCH_BODY_BYTES = 10 * 1024 * 1024;
/** The largest per-request timeout a caller may ask for, ms. */
export const MAX_TIMEOUT_MS = 120_000;

export type BodyCheck = { ok: true; body: LiveFetchBody } | { ok: false; message: string };

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const name = (s: string): string => quoteText(s.length > 80 ? `${s.slice(0, 80)}…` : s);

function stringArray(v: unknown, field: string): string[] | string {
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string'))
    return `${field} must be an array of strings`;
  return v as string[];
}

/** A request (`request` or `display`); `sent` adds the header checks of a request that is sent. */
function readRequest(v: unknown, field: string, sent: boolean): HttpRequest | string {
  if (!isObject(v)) return `${field} must be an object`;
  const { method, url, headers, body } = v;
  if (typeof method !== 'string' || !isHeaderName(method)) return `${field}.method must be an HTTP method`;
  if (typeof url !== 'string' || url === '') return `${field}.url must be a non-empty string`;
  if (!isObject(headers)) return `${field}.headers must be an object of strings`;
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers)) {
    if (typeof value !== 'string') return `${field}.headers[${name(key)}] must be a string`;
    if (sent && !isHeaderName(key)) return `${field}.headers: ${name(key)} is not a valid header name`;
    const problem = sent ? headerValueProblem(value) : null;
    if (problem) return `${field}.headers[${name(key)}] ${problem}`;
    out[key] = value;
  }
  if (body !== undefined && typeof body !== 'string') return `${field}.body must be a string`;
  return body === undefined ? { method, url, headers: out } : { method, url, headers: out, body };
}

/** Checks a parsed `/api/fetch` body; only the known fields are kept. */
export function checkFetchBody(value: unknown): BodyCheck {
  if (!isObject(value)) return { ok: false, message: 'the body must be a JSON object (LiveFetchBody)' };
  const request = readRequest(value.request, 'request', true);
  if (typeof request === 'string') return { ok: false, message: request };
  const display = readRequest(value.display, 'display', false);
  if (typeof display === 'string') return { ok: false, message: display };
  const authHeaders = stringArray(value.authHeaders, 'authHeaders');
  if (typeof authHeaders === 'string') return { ok: false, message: authHeaders };
  const secrets = stringArray(value.secrets, 'secrets');
  if (typeof secrets === 'string') return { ok: false, message: secrets };
  const t = value.timeoutMs;
  if (typeof t !== 'number' || !Number.isInteger(t) || t < 1 || t > MAX_TIMEOUT_MS) {
    return { ok: false, message: `timeoutMs must be an integer from 1 to ${MAX_TIMEOUT_MS}` };
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
