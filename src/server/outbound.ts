/**
 * The outbound door (issue 10 §1, STYLE "Outbound requests are guarded at one door"): THE one
 * function every live request goes through (CLI `run`, the server's `/api/fetch`, later
 * publishing). It applies the host rules before anything is looked up or connected (netguard.ts),
 * connects to the address it checked (no second DNS lookup), follows at most 5 redirects through
 * the same rules, never forwards credentials to another origin, keeps no cookies, caps the decoded
 * body, bounds the whole exchange by one timeout, and masks every message. It never throws.
 */
import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { connect as netConnect, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { connect as tlsConnect } from 'node:tls';
import {
  LIVE_LIMITS,
  nestedParams,
  quoteText,
  type DiagnosticParams,
  type LiveAbortSignal,
  type LiveOutbound,
  type LiveRedirect,
  type LiveSend,
  type LiveSendResult,
} from '@core';
import { version } from '../../package.json';
import { maskForLog } from './mask';
import {
  checkTarget,
  defaultLookup,
  describeErrorCoded,
  DoorError,
  readBody,
  requestProblem,
  type Coded,
  type Lookup,
} from './netguard';

export { maskForLog } from './mask';

export interface OutboundOptions {
  /** Allow loopback, private, link-local… targets (never cloud metadata). */
  allowPrivateHosts: boolean;
  /** Cap on the decoded body, bytes (default LIVE_LIMITS.maxBodyBytes, 50 MB). */
  maxBodyBytes?: number;
  /** Redirects followed at most (default LIVE_LIMITS.maxRedirects, 5). */
  maxRedirects?: number;
}

/** Where a connection goes: an address that passed the host rules. */
export interface ConnectTarget {
  address: string;
  family: 4 | 6;
  port: number;
  tls: boolean;
  /** The URL's host name: SNI and certificate name (an IP for an IP literal). */
  servername: string;
}

export interface OutboundDeps {
  /** DNS: every address of a name. Default node:dns/promises lookup({all:true, verbatim:true}). */
  lookup?: Lookup;
  /** Opens the connection to an address that passed the rules. Default net.connect / tls.connect. */
  connect?: (target: ConnectTarget) => Duplex;
}

/** `user-agent` added when the request has none. */
export const USER_AGENT = `spec-studio/${version}`;

const REDIRECT_STATUS = new Set([301, 302, 303, 307, 308]);
/** Headers never forwarded to another origin (plus the request's own `authHeaders`). */
const CROSS_ORIGIN_DROP = ['authorization', 'proxy-authorization', 'cookie', 'host'];

/** The default connector: TCP, or TLS with SNI and certificate checks against the URL's name. */
export function defaultConnect(t: ConnectTarget): Duplex {
  if (!t.tls) return netConnect({ host: t.address, port: t.port, family: t.family });
  const ip = /^[\d.]+$|:/.test(t.servername);
  return tlsConnect({
    host: t.address,
    port: t.port,
    // An IP literal is checked against the certificate's IP names; SNI may not carry an IP.
    ...(ip ? {} : { servername: t.servername }),
    ALPNProtocols: ['http/1.1'],
    rejectUnauthorized: true,
  });
}

/** Ends an exchange early: the timeout or the caller's abort. */
class Canceller {
  reason: 'timeout' | 'aborted' | null = null;
  private readonly hooks = new Set<() => void>();
  readonly fired: Promise<never>;
  private reject: (e: Error) => void = () => {};
  constructor() {
    this.fired = new Promise<never>((_, reject) => (this.reject = reject));
    this.fired.catch(() => {});
  }
  fire(reason: 'timeout' | 'aborted'): void {
    if (this.reason !== null) return;
    this.reason = reason;
    for (const h of this.hooks) h();
    this.reject(new Error(reason));
  }
  /** Runs `hook` on cancel (at once when already cancelled); returns the unregister function. */
  on(hook: () => void): () => void {
    if (this.reason !== null) hook();
    this.hooks.add(hook);
    return () => this.hooks.delete(hook);
  }
}

const oneLine = (text: string): string =>
  // eslint-disable-next-line no-control-regex -- control characters are what this removes
  text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();

/** `params` as `fail` leaves its message: every text masked (`mask`) and on one line. */
export function maskedParams(params: DiagnosticParams, mask: (text: string) => string): DiagnosticParams {
  const one = (v: string): string => oneLine(mask(v));
  const out: DiagnosticParams = {};
  for (const [k, v] of Object.entries(params))
    out[k] = typeof v === 'string' ? one(v) : Array.isArray(v) ? v.map(one) : v;
  return out;
}

const seconds = (ms: number): string => `${Number((ms / 1000).toFixed(3))} s`;

/** Response headers from the raw list: lower-case names, repeated ones joined with ", ". */
function headersOf(res: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  const raw = res.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = (raw[i] as string).toLowerCase();
    const value = raw[i + 1] as string;
    out[name] = name in out ? `${out[name]}, ${value}` : value;
  }
  return { ...out };
}

interface Exchange {
  res: IncomingMessage;
  req: ClientRequest;
  socket: Duplex;
}

/** Sends one request over a connection to the checked address; resolves at the response head. */
function exchange(
  connect: (t: ConnectTarget) => Duplex,
  target: ConnectTarget,
  method: string,
  path: string,
  headers: Array<[string, string]>,
  body: Buffer | undefined,
  cancel: Canceller,
): Promise<Exchange> {
  return new Promise<Exchange>((resolve, reject) => {
    let socket: Duplex;
    try {
      socket = connect(target);
    } catch (e) {
      reject(new DoorError('network-error', describeErrorCoded(e)));
      return;
    }
    socket.on('error', () => {}); // reported through the request's 'error'
    let req: ClientRequest;
    try {
      req = httpRequest({
        method,
        path,
        headers: Object.fromEntries(headers),
        setHost: false,
        createConnection: () => socket as Socket,
      });
    } catch (e) {
      socket.destroy();
      const m = ((e as Error).message ?? '').replace(/\[.*$/, '').trim();
      reject(
        new DoorError('network-error', {
          message: `the request cannot be sent: ${m}`,
          code: 'outbound-request-unsendable',
          params: { error: m },
        }),
      );
      return;
    }
    const off = cancel.on(() => {
      req.destroy();
      socket.destroy();
    });
    req.on('error', (e) => {
      off();
      socket.destroy();
      reject(e);
    });
    req.on('response', (res) => {
      off();
      cancel.on(() => {
        res.destroy();
        socket.destroy();
      });
      resolve({ res, req, socket });
    });
    req.end(body);
  });
}

/** The headers of one hop: Host first, then the request's own, then the defaults it lacks. */
function hopHeaders(
  given: Array<[string, string]>,
  host: string,
  body: Buffer | undefined,
): Array<[string, string]> {
  const has = (n: string) => given.some(([k]) => k.toLowerCase() === n);
  const out: Array<[string, string]> = has('host') ? [] : [['Host', host]];
  out.push(...given);
  if (!has('user-agent')) out.push(['user-agent', USER_AGENT]);
  if (!has('accept-encoding')) out.push(['accept-encoding', 'gzip, deflate, br']);
  if (body !== undefined && !has('content-length') && !has('transfer-encoding')) {
    out.push(['content-length', String(body.length)]);
  }
  return out;
}

const originOf = (u: URL): string => `${u.protocol}//${u.host}`;

/**
 * Sends `o.request` through the host rules and returns what came back, or why nothing did. Never
 * throws: every failure is `ok:false` with one line that quotes only masked URLs (`o.display`, or
 * a redirect target masked) and passes through `maskForLog` with `o.secrets`.
 */
export async function sendOutbound(
  o: LiveOutbound,
  options: OutboundOptions,
  deps: OutboundDeps = {},
  signal?: LiveAbortSignal,
): Promise<LiveSendResult> {
  const t0 = performance.now();
  const secrets = Array.isArray(o?.secrets) ? o.secrets.filter((s) => typeof s === 'string' && s !== '') : [];
  const mask = (text: string): string => maskForLog(text, secrets);
  const redirects: LiveRedirect[] = [];
  const elapsed = () => Math.round(performance.now() - t0);
  let shown = mask(String(o?.display?.url ?? '(no URL)'));
  const fail = (error: Extract<LiveSendResult, { ok: false }>['error'], coded: Coded): LiveSendResult => ({
    ok: false,
    error,
    message: oneLine(mask(coded.message)),
    code: coded.code,
    params: maskedParams(coded.params, mask),
    ms: elapsed(),
    ...(redirects.length > 0 ? { redirects: [...redirects] } : {}),
  });
  if (signal?.aborted)
    return fail('aborted', {
      message: `${shown}: aborted before it was sent`,
      code: 'outbound-aborted-unsent',
      params: { url: shown },
    });
  const timeoutMs =
    typeof o?.timeoutMs === 'number' && Number.isFinite(o.timeoutMs) && o.timeoutMs > 0
      ? o.timeoutMs
      : LIVE_LIMITS.timeoutMs;
  const cap = options.maxBodyBytes ?? LIVE_LIMITS.maxBodyBytes;
  const maxRedirects = options.maxRedirects ?? LIVE_LIMITS.maxRedirects;
  const cancel = new Canceller();
  const timer = setTimeout(() => cancel.fire('timeout'), timeoutMs);
  const onAbort = () => cancel.fire('aborted');
  signal?.addEventListener('abort', onAbort, { once: true });
  const cancelled = (): LiveSendResult | null =>
    cancel.reason === 'timeout'
      ? fail('timeout', {
          message: `${shown}: no complete answer within ${seconds(timeoutMs)}`,
          code: 'outbound-timeout',
          params: { url: shown, seconds: Number((timeoutMs / 1000).toFixed(3)) },
        })
      : cancel.reason === 'aborted'
        ? fail('aborted', { message: `${shown}: aborted`, code: 'outbound-aborted', params: { url: shown } })
        : null;
  try {
    const ctx: HopContext = { options, deps, cancel, cap, maxRedirects, redirects, mask, fail };
    return await follow(o, ctx, (next) => (shown = next), elapsed);
  } catch (e) {
    const stopped = cancelled();
    if (stopped) return stopped;
    if (e instanceof DoorError) return fail(e.kind, { message: e.message, code: e.code, params: e.params });
    const cause = describeErrorCoded(e);
    return fail('network-error', {
      message: `${shown}: ${cause.message}`,
      code: 'outbound-failed',
      params: { url: shown, ...nestedParams('cause', cause) },
    });
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
    if (cancel.reason === null) cancel.fire('aborted'); // releases every socket still open
  }
}

/** What every hop of one `sendOutbound` shares. */
interface HopContext {
  options: OutboundOptions;
  deps: OutboundDeps;
  cancel: Canceller;
  cap: number;
  maxRedirects: number;
  /** Filled as redirects are followed (masked URLs). */
  redirects: LiveRedirect[];
  mask: (text: string) => string;
  fail: (error: 'refused' | 'network-error', coded: Coded) => LiveSendResult;
}

/** The redirect loop of `sendOutbound`; `setShown` learns each hop's masked URL for messages. */
async function follow(
  o: LiveOutbound,
  ctx: HopContext,
  setShown: (shown: string) => void,
  elapsed: () => number,
): Promise<LiveSendResult> {
  const { options, deps, cancel, cap, maxRedirects, redirects, mask, fail } = ctx;
  const lookup = deps.lookup ?? defaultLookup;
  const connect = deps.connect ?? defaultConnect;
  let url = String(o.request.url);
  let shown = mask(String(o.display.url));
  let method = String(o.request.method).toUpperCase();
  let headers: Array<[string, string]> = Object.entries(o.request.headers ?? {}).map(([k, v]) => [
    k,
    String(v),
  ]);
  let body = o.request.body === undefined ? undefined : Buffer.from(String(o.request.body), 'utf8');
  const credentialNames = new Set([
    ...CROSS_ORIGIN_DROP,
    ...(o.authHeaders ?? []).map((h) => String(h).toLowerCase()),
  ]);
  const invalid = requestProblem(method, headers);
  if (invalid !== null)
    return fail('refused', {
      message: `${shown}: the request cannot be sent: ${invalid.message} (nothing was sent)`,
      code: 'outbound-request-invalid',
      params: { url: shown, ...nestedParams('problem', invalid) },
    });
  for (;;) {
    const check = await Promise.race([
      checkTarget(url, shown, options.allowPrivateHosts, lookup),
      cancel.fired,
    ]);
    if (!check.ok) {
      const where = redirects.length === 0 ? `${shown}` : `redirect ${redirects.length} to ${shown}`;
      const why =
        check.error !== 'refused'
          ? `: ${check.message}`
          : ` refused: ${check.message} (${redirects.length === 0 ? 'nothing was sent' : 'not followed'})`;
      const first = redirects.length === 0;
      const code =
        check.error === 'refused'
          ? first
            ? 'outbound-refused'
            : 'outbound-redirect-refused'
          : first
            ? 'outbound-unreachable'
            : 'outbound-redirect-unreachable';
      return fail(check.error, {
        message: `${where}${why}`,
        code,
        params: {
          url: shown,
          ...(first ? {} : { redirect: redirects.length }),
          ...nestedParams('reason', check),
        },
      });
    }
    const t = check.target;
    const parsed = new URL(t.url.href);
    const { res } = await exchange(
      connect,
      { address: t.address, family: t.family, port: t.port, tls: t.tls, servername: t.servername },
      method,
      `${parsed.pathname}${parsed.search}`,
      hopHeaders(headers, t.url.host, body),
      body,
      cancel,
    );
    const status = res.statusCode ?? 0;
    const location = res.headers.location;
    if (REDIRECT_STATUS.has(status) && typeof location === 'string') {
      res.destroy();
      if (redirects.length >= maxRedirects) {
        return fail('network-error', {
          message: `more than ${maxRedirects} redirects (the last from ${shown})`,
          code: 'outbound-too-many-redirects',
          params: { max: maxRedirects, url: shown },
        });
      }
      let next: URL;
      try {
        next = new URL(location, url);
      } catch {
        const quoted = quoteText(mask(location).slice(0, 200));
        return fail('network-error', {
          message: `the ${status} answer from ${shown} redirects to an unusable location ${quoted}`,
          code: 'outbound-redirect-unusable',
          params: { status, url: shown, location: quoted },
        });
      }
      const nextShown = mask(next.href);
      redirects.push({ status, url: nextShown });
      if (originOf(next) !== originOf(new URL(url))) {
        headers = headers.filter(([k]) => !credentialNames.has(k.toLowerCase()));
      }
      if (status === 303 || ((status === 301 || status === 302) && method === 'POST')) {
        if (method !== 'HEAD') method = 'GET';
        body = undefined;
        headers = headers.filter(
          ([k]) => !/^(content-(type|length|encoding|language|location)|transfer-encoding)$/i.test(k),
        );
      }
      url = next.href;
      shown = nextShown;
      setShown(shown);
      continue;
    }
    const bytes = await Promise.race([readBody(res, cap, shown), cancel.fired]);
    return {
      ok: true,
      status,
      headers: headersOf(res),
      body: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      ms: elapsed(),
      redirects: [...redirects],
    };
  }
}

/** A `LiveSend` over the door with fixed options (what the CLI and the server hand the core). */
export function createSender(options: OutboundOptions, deps?: OutboundDeps): LiveSend {
  return (outbound, signal) => sendOutbound(outbound, options, deps, signal);
}
