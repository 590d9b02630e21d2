/**
 * The local server's one request handler, used by `spec-studio serve` (src/server/serve.ts) AND by
 * Vite's dev server (vite.config.ts, as middleware): the guards run first on every request, then
 * `/api/*` is answered here and everything else goes to `next` (the static app, or Vite), with the
 * security headers and the secret cookie added to its HTML responses.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { DiagnosticParams, LiveFetchMeta, LiveSend, LiveServerStatus } from '@core';
import { version } from '../../package.json';
import { cspHeader, CSP } from './csp';
import { checkFetchBody, MAX_FETCH_BODY_BYTES } from './fetchBody';
import { checkApiCaller, checkHost, secretCookie } from './guards';
import { fetchLine, formatBytes, refusedLine } from './log';
import { maskForLog } from './mask';
import { createSender, maskedParams } from './outbound';

/** The version `/api/status` reports (package.json's). */
export const SERVER_VERSION: string = version;

export interface ApiOptions {
  /** Lets live requests reach loopback and private hosts (never cloud metadata). */
  allowPrivateHosts: boolean;
  /** The per-launch secret (see guards.ts). */
  secret: string;
  /** The server's own port, read per request (Vite knows it only once it listens). */
  port: () => number;
  /** Writes one log line (stdout). */
  log: (line: string) => void;
  /** Sends a live request; default the outbound door (src/server/outbound.ts). Tests inject one. */
  send?: LiveSend;
  /** The policy sent as the HTML responses' `Content-Security-Policy` header (default: the app's). */
  csp?: readonly string[];
}

type Handler = (req: IncomingMessage, res: ServerResponse, next?: () => void) => void;

/** Headers of every HTML response: the policy (with `frame-ancestors`), no sniffing, no caching, the secret. */
function htmlHeaders(o: ApiOptions, port: number): Array<[string, string]> {
  return [
    ['Content-Security-Policy', cspHeader(o.csp ?? CSP)],
    ['X-Content-Type-Options', 'nosniff'],
    ['X-Frame-Options', 'DENY'],
    ['Referrer-Policy', 'no-referrer'],
    ['Cross-Origin-Opener-Policy', 'same-origin'],
    ['Cache-Control', 'no-store'],
    ['Set-Cookie', secretCookie(o.secret, port)],
  ];
}

/** The `Content-Type` a response is about to be sent with (set before, or passed to writeHead). */
function contentType(res: ServerResponse, args: unknown[]): string {
  for (const a of args) {
    if (typeof a === 'object' && a !== null && !Array.isArray(a)) {
      for (const [k, v] of Object.entries(a)) if (k.toLowerCase() === 'content-type') return String(v);
    }
  }
  return String(res.getHeader('content-type') ?? '');
}

/** Adds `headers` to `res` when it turns out to be an HTML response (whoever writes it). */
function onHtml(res: ServerResponse, headers: Array<[string, string]>): void {
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  (res as unknown as { writeHead: (...args: unknown[]) => ServerResponse }).writeHead = (...args) => {
    if (/^\s*text\/html\b/i.test(contentType(res, args))) for (const [k, v] of headers) res.setHeader(k, v);
    return writeHead(...args);
  };
}

/** A JSON answer (errors and /api/status). */
export function sendJson(
  res: ServerResponse,
  status: number,
  value: unknown,
  extra: Record<string, string> = {},
): void {
  const body = Buffer.from(JSON.stringify(value), 'utf8');
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(body.length),
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(body);
}

type BodyRead = { ok: true; bytes: Buffer } | { ok: false; tooLarge: boolean };

/** Reads the request body up to `max` bytes (a larger declared or actual body stops the read). */
function readBody(req: IncomingMessage, max: number): Promise<BodyRead> {
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (Number.isFinite(declared) && declared > max) return resolve({ ok: false, tooLarge: true });
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (r: BodyRead): void => {
      if (done) return;
      done = true;
      resolve(r);
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        req.pause();
        finish({ ok: false, tooLarge: true });
      } else chunks.push(chunk);
    });
    req.on('end', () => finish({ ok: true, bytes: Buffer.concat(chunks) }));
    req.on('error', () => finish({ ok: false, tooLarge: false }));
    req.on('close', () => finish({ ok: false, tooLarge: false }));
  });
}

/**
 * An error answer's message with its stable code and parameters (a diagnostic code: the page words
 * it from `diagnostics.<code>`; the English `message` stays as it is, for the CLI and old pages).
 */
interface ServerText {
  message: string;
  code: string;
  params: DiagnosticParams;
}

const text = (code: string, message: string, params: DiagnosticParams = {}): ServerText => ({
  message,
  code,
  params,
});

const badRequest = (res: ServerResponse, why: ServerText, status = 400, close = false): void =>
  sendJson(res, status, { error: 'bad-request', ...why }, close ? { Connection: 'close' } : {});

const NOT_ALLOWED = text('server-method-not-allowed', 'method not allowed');
const INTERNAL = text('server-internal-error', 'internal error');

/** `POST /api/fetch`: one live request through the outbound door; see LiveFetchBody for the wire format. */
async function fetchRoute(
  req: IncomingMessage,
  res: ServerResponse,
  o: ApiOptions,
  send: LiveSend,
): Promise<void> {
  if (!/^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '')) {
    req.resume();
    return badRequest(
      res,
      text('server-body-not-json', 'the body must be JSON (Content-Type: application/json)'),
    );
  }
  const read = await readBody(req, MAX_FETCH_BODY_BYTES);
  if (!read.ok) {
    if (!read.tooLarge) return; // the caller went away
    const size = formatBytes(MAX_FETCH_BODY_BYTES);
    return badRequest(
      res,
      text('server-body-too-large', `the request body is larger than ${size}`, { size }),
      413,
      true,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(read.bytes.toString('utf8'));
  } catch {
    return badRequest(res, text('server-body-invalid-json', 'the body is not valid JSON'));
  }
  const checked = checkFetchBody(value);
  if (!checked.ok)
    return badRequest(res, { message: checked.message, code: checked.code, params: checked.params });
  const body = checked.body;
  const shownUrl = maskForLog(body.display.url, body.secrets);
  const abort = new AbortController();
  res.on('close', () => {
    if (!res.writableEnded) abort.abort();
  });
  const t0 = performance.now();
  const result = await send(body, abort.signal);
  if (abort.signal.aborted) {
    o.log(
      fetchLine(body.display.method, shownUrl, {
        error: 'aborted',
        message: 'the app went away',
        ms: performance.now() - t0,
      }),
    );
    return;
  }
  if (result.ok) {
    const meta: LiveFetchMeta = {
      status: result.status,
      headers: result.headers,
      bytes: result.body.byteLength,
      ms: result.ms,
      redirects: result.redirects,
    };
    const head = Buffer.from(`${JSON.stringify(meta)}\n`, 'utf8');
    res.writeHead(200, {
      'Content-Type': 'application/octet-stream',
      'Content-Length': String(head.length + result.body.byteLength),
      'Cache-Control': 'no-store',
    });
    res.write(head);
    res.end(result.body);
    o.log(
      fetchLine(body.display.method, shownUrl, {
        status: result.status,
        bytes: result.body.byteLength,
        ms: result.ms,
      }),
    );
    return;
  }
  const message = maskForLog(result.message, body.secrets);
  const mask = (t: string): string => maskForLog(t, body.secrets);
  const answer = {
    error: result.error,
    message,
    ...(result.code === undefined
      ? {}
      : { code: result.code, params: maskedParams(result.params ?? {}, mask) }),
    ms: result.ms,
    ...(result.redirects ? { redirects: result.redirects } : {}),
  };
  sendJson(res, 502, answer);
  o.log(fetchLine(body.display.method, shownUrl, { error: result.error, message, ms: result.ms }));
}

/** The path of a request target in origin form (`/x?y` → `/x`), or null for any other form. */
function pathOf(url: string | undefined): string | null {
  if (url === undefined || !url.startsWith('/')) return null;
  const end = url.search(/[?#]/);
  return end < 0 ? url : url.slice(0, end);
}

/**
 * The handler: Host guard on every request; `/api/*` behind the secret and same-origin guards
 * (403 before routing, so an unknown `/api/x` without the secret is 403, not 404); the app
 * (GET/HEAD only) through `next`, or 404 without one. Never throws.
 */
export function createApiHandler(o: ApiOptions): Handler {
  const send = o.send ?? createSender({ allowPrivateHosts: o.allowPrivateHosts });
  const refuse = (
    req: IncomingMessage,
    res: ServerResponse,
    status: number,
    why: string,
    answer: ServerText,
  ): void => {
    o.log(refusedLine(status, why, req.method, maskForLog(req.url ?? '', [])));
    req.resume(); // a refused body is drained, never read
    sendJson(res, status, { error: status === 403 ? 'forbidden' : 'bad-request', ...answer });
  };

  const handle = (req: IncomingMessage, res: ServerResponse, next?: () => void): void => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    const port = o.port();
    const host = checkHost(req, port);
    if (!host.ok)
      return refuse(
        req,
        res,
        403,
        host.why,
        text('server-foreign-host', 'this server answers only to its own address'),
      );
    const path = pathOf(req.url);
    if (path === null)
      return refuse(
        req,
        res,
        400,
        'request target not a path',
        text('server-bad-target', 'bad request target'),
      );
    if (path === '/api' || path.startsWith('/api/')) {
      const caller = checkApiCaller(req, o.secret, port);
      if (!caller.ok)
        return refuse(
          req,
          res,
          403,
          caller.why,
          text('server-not-the-app', 'only the Spec Studio app of this server may call its API'),
        );
      const route = `${req.method ?? ''} ${path}`;
      if (route === 'GET /api/status') {
        const status: LiveServerStatus = {
          app: 'spec-studio',
          version: SERVER_VERSION,
          allowPrivateHosts: o.allowPrivateHosts,
        };
        return sendJson(res, 200, status);
      }
      if (route === 'POST /api/fetch') {
        fetchRoute(req, res, o, send).catch(() => {
          if (!res.headersSent) sendJson(res, 500, { error: 'internal', ...INTERNAL });
          else res.destroy();
        });
        return;
      }
      if (path === '/api/status' || path === '/api/fetch') {
        req.resume();
        return sendJson(
          res,
          405,
          { error: 'bad-request', ...NOT_ALLOWED },
          { Allow: path === '/api/status' ? 'GET' : 'POST' },
        );
      }
      req.resume();
      return sendJson(res, 404, { error: 'not-found', ...text('server-no-route', 'no such API route') });
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      req.resume();
      return sendJson(res, 405, { error: 'bad-request', ...NOT_ALLOWED }, { Allow: 'GET, HEAD' });
    }
    onHtml(res, htmlHeaders(o, port));
    if (next) return next();
    sendJson(res, 404, { error: 'not-found', ...text('server-not-found', 'not found') });
  };

  return (req, res, next) => {
    try {
      handle(req, res, next);
    } catch {
      if (!res.headersSent) sendJson(res, 500, { error: 'internal', ...INTERNAL });
      else res.destroy();
    }
  };
}
