import {
  nestedParams,
  type DiagnosticParams,
  type LiveFetchMeta,
  type LiveOutbound,
  type LiveRedirect,
  type LiveSend,
  type LiveSendResult,
} from '@core';

/** The local server's door for one outbound request (same origin; the secret cookie goes by itself). */
export const LIVE_FETCH_PATH = '/api/fetch';

type SendError = Extract<LiveSendResult, { ok: false }>['error'];
const ERRORS: readonly SendError[] = ['refused', 'network-error', 'timeout', 'too-large', 'aborted'];

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** `{status, headers, bytes, ms, redirects}` read defensively: anything else is null. */
function readMeta(text: string): LiveFetchMeta | null {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isObject(v) || typeof v.status !== 'number' || !isObject(v.headers)) return null;
  const headers: Record<string, string> = {};
  for (const [k, value] of Object.entries(v.headers)) {
    if (typeof value === 'string')
      Object.defineProperty(headers, k.toLowerCase(), {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
  }
  return {
    status: v.status,
    headers,
    bytes: typeof v.bytes === 'number' ? v.bytes : 0,
    ms: typeof v.ms === 'number' ? v.ms : 0,
    redirects: readRedirects(v.redirects),
  };
}

function readRedirects(v: unknown): LiveRedirect[] {
  if (!Array.isArray(v)) return [];
  const out: LiveRedirect[] = [];
  for (const r of v)
    if (isObject(r) && typeof r.status === 'number' && typeof r.url === 'string')
      out.push({ status: r.status, url: r.url });
  return out;
}

/**
 * The stable code and parameters the server gave its message (`code` + `params`: strings, numbers,
 * lists of strings), or nothing (an older server, or a malformed answer).
 */
function readCoded(body: unknown): { code: string; params: DiagnosticParams } | null {
  if (!isObject(body) || typeof body.code !== 'string' || !/^[a-z][a-z0-9-]*$/.test(body.code)) return null;
  const params: DiagnosticParams = {};
  if (isObject(body.params))
    for (const [k, v] of Object.entries(body.params)) {
      if (typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))) params[k] = v;
      else if (Array.isArray(v) && v.every((x) => typeof x === 'string')) params[k] = v as string[];
    }
  return { code: body.code, params };
}

/** A failure of the local server itself (its error JSON, or a sentence when it has none). */
function serverError(status: number, text: string, ms: number): LiveSendResult {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  const message = isObject(body) && typeof body.message === 'string' ? body.message : '';
  const error = isObject(body) && typeof body.error === 'string' ? body.error : '';
  // The server's message is English data; with its code and params the page words it.
  const said = message ? readCoded(body) : null;
  if (status === 502 && ERRORS.includes(error as SendError)) {
    const redirects = isObject(body) ? readRedirects(body.redirects) : [];
    return {
      ok: false,
      error: error as SendError,
      ...(message
        ? { message, ...(said ?? {}) }
        : { message: `The request failed (${error}).`, code: 'fetch-failed', params: { error } }),
      ms: isObject(body) && typeof body.ms === 'number' ? body.ms : ms,
      ...(redirects.length > 0 ? { redirects } : {}),
    };
  }
  const why =
    status === 403
      ? 'the local server refused the call (reload the page it printed: its secret changes each launch)'
      : `the local server answered ${status}`;
  const full = `${message || why}.`.replace(/\.\.$/, '.');
  // The server's own message is English data (worded from its code when it has one, with the
  // period this page adds); a sentence of this page's has a code.
  const coded: { code?: string; params?: DiagnosticParams } = message
    ? said === null
      ? {}
      : full === message
        ? said
        : { code: 'fetch-server-answer', params: nestedParams('answer', { message, ...said }) }
    : status === 403
      ? { code: 'fetch-server-refused', params: {} }
      : { code: 'fetch-server-status', params: { status } };
  return {
    ok: false,
    error: 'network-error',
    message: full,
    ms,
    ...coded,
  };
}

const NEWLINE = 0x0a;

/**
 * Reads an answer of `POST /api/fetch` (liveTypes.ts): 200 = one JSON meta line, `\n`, the body's
 * bytes exactly as received; anything else is the server's JSON error.
 */
export function readFetchAnswer(status: number, bytes: Uint8Array, ms: number): LiveSendResult {
  if (status !== 200) return serverError(status, new TextDecoder().decode(bytes.subarray(0, 64 * 1024)), ms);
  const nl = bytes.indexOf(NEWLINE);
  const meta = nl < 0 ? null : readMeta(new TextDecoder().decode(bytes.subarray(0, nl)));
  if (meta === null)
    return {
      ok: false,
      error: 'network-error',
      message: 'The local server answered in a form this page does not read (is it Spec Studio?).',
      code: 'fetch-server-unreadable',
      params: {},
      ms,
    };
  return {
    ok: true,
    status: meta.status,
    headers: meta.headers,
    body: bytes.subarray(nl + 1),
    ms: meta.ms,
    redirects: meta.redirects,
  };
}

/**
 * The browser's `LiveSend`: the request goes to the local server's `/api/fetch` (same origin, the
 * HttpOnly cookie sent by the browser), which applies the host rules and sends it. Never throws: a
 * server that is gone is a `network-error`, an abort is `aborted`.
 */
export function createFetchSend(fetchImpl: typeof fetch = (...a) => fetch(...a), base = ''): LiveSend {
  return async (outbound: LiveOutbound, signal) => {
    const t0 = performance.now();
    try {
      const res = await fetchImpl(`${base}${LIVE_FETCH_PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(outbound),
        credentials: 'same-origin',
        cache: 'no-store',
        ...(signal ? { signal: signal as AbortSignal } : {}),
      });
      const bytes = new Uint8Array(await res.arrayBuffer());
      return readFetchAnswer(res.status, bytes, performance.now() - t0);
    } catch (err) {
      const ms = performance.now() - t0;
      if (signal?.aborted || (err instanceof DOMException && err.name === 'AbortError'))
        return { ok: false, error: 'aborted', message: 'Aborted.', code: 'fetch-aborted', params: {}, ms };
      return {
        ok: false,
        error: 'network-error',
        message: 'The local server did not answer: is `spec-studio serve` still running?',
        code: 'fetch-server-gone',
        params: {},
        ms,
      };
    }
  };
}
