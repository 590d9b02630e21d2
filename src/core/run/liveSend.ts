/**
 * One request of a live run through the caller's `LiveSend`, logged as a `LiveExchange` (masked),
 * and the secrets of a run: the values a sender masks and an exchange never holds.
 */
import { encodeQueryComponent } from '../placeholders/encode';
import type { HttpRequest, ParamDecl } from '../types';
import { maskParams, maskSecrets } from './liveText';
import type {
  LiveAbortSignal,
  LiveExchange,
  LiveOutbound,
  LiveRedirect,
  LiveSend,
  LiveSendResult,
} from './liveTypes';
import type { SimulatedRequest } from './runTypes';

/** What every request of a run shares. `secrets` grows when a token is refreshed. */
export interface SendContext {
  send: LiveSend;
  secrets: string[];
  authHeaders: string[];
  timeoutMs: number;
  /** Exchanges numbered so far. */
  n: number;
}

/**
 * The secret values of a run: the non-empty value of every `format: password` input in use, and
 * the credential of each header that is shown masked (the base64 of a Basic header, a bearer
 * token), so that a message echoing the header is masked too.
 */
export function liveSecrets(
  decls: readonly ParamDecl[],
  values: Record<string, string>,
  first: SimulatedRequest,
): string[] {
  const out = new Set<string>();
  for (const d of decls) {
    const v = Object.prototype.hasOwnProperty.call(values, d.name) ? values[d.name] : undefined;
    if (d.secret && v !== undefined && v !== '') out.add(v);
  }
  for (const [name, real] of Object.entries(first.request.headers)) {
    if (first.display.headers[name] === real || real === '') continue;
    const credential = /^(?:Basic|Bearer) (.+)$/.exec(real)?.[1];
    out.add(credential ?? real);
  }
  return [...out];
}

/** A record of own data properties (a name such as `__proto__` is plain data). */
export function ownRecord(pairs: Array<[string, string]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of pairs)
    Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  return out;
}

/** The request as shown, with its own headers object (an exchange keeps its own copy). */
export function shownCopy(r: HttpRequest): HttpRequest {
  return { ...r, headers: ownRecord(Object.entries(r.headers)) };
}

const masked = (text: string, secrets: readonly string[]): string => maskSecrets(text, secrets);

/**
 * Sends `sim` (never throws: a sender that throws counts as a network error), and logs it as
 * exchange n+1 of `kind`: the shown request, status, response headers (secret values masked),
 * size, time, redirects, or the one-line error (masked).
 */
export async function sendOnce(
  ctx: SendContext,
  kind: LiveExchange['kind'],
  sim: SimulatedRequest,
  signal?: LiveAbortSignal,
): Promise<{ exchange: LiveExchange; result: LiveSendResult }> {
  const outbound: LiveOutbound = {
    request: sim.request,
    display: shownCopy(sim.display),
    authHeaders: [...ctx.authHeaders],
    secrets: [...ctx.secrets],
    timeoutMs: ctx.timeoutMs,
  };
  let result: LiveSendResult;
  try {
    result = await ctx.send(outbound, signal);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    result = {
      ok: false,
      error: 'network-error',
      message: `the request failed: ${why}`,
      code: 'send-threw',
      params: { why },
      ms: 0,
    };
  }
  const redirects: LiveRedirect[] = (result.redirects ?? []).map((r) => ({
    status: r.status,
    url: masked(r.url, ctx.secrets),
  }));
  const exchange: LiveExchange = {
    n: ++ctx.n,
    kind,
    display: shownCopy(sim.display),
    ms: result.ms,
    redirects,
  };
  if (result.ok) {
    const headers = ownRecord(Object.entries(result.headers).map(([k, v]) => [k, masked(v, ctx.secrets)]));
    Object.assign(exchange, { status: result.status, headers, bytes: result.body.length });
  } else {
    exchange.error = masked(result.message.replace(/[\r\n]+/g, ' '), ctx.secrets);
    if (result.code !== undefined) {
      exchange.errorCode = result.code;
      exchange.errorParams = maskParams(result.params ?? {}, ctx.secrets);
    }
  }
  return { exchange, result };
}

/**
 * `sim` with the old access token replaced by the new one wherever it was sent: the `Bearer`
 * header, any other header value, and the URL and body in raw, path- and query-encoded form.
 * The shown copy is unchanged (it shows `••••`).
 */
export function swapToken(sim: SimulatedRequest, old: string, next: string): SimulatedRequest {
  const swap = (text: string, pairs: Array<[string, string]>): string => {
    if (old === '') return text;
    let out = text;
    for (const [a, b] of pairs) out = out.split(a).join(b);
    return out;
  };
  const raw: Array<[string, string]> = [[old, next]];
  // In a URL the token went in query-encoded (a superset of path encoding but for spaces) or
  // path-encoded; in a JSON body, JSON-escaped.
  const inUrl: Array<[string, string]> = [
    [encodeQueryComponent(old), encodeQueryComponent(next)],
    [encodeURIComponent(old), encodeURIComponent(next)],
  ];
  const inJson: Array<[string, string]> = [
    [JSON.stringify(old).slice(1, -1), JSON.stringify(next).slice(1, -1)],
  ];
  const headers = ownRecord(
    Object.entries(sim.request.headers).map(([k, v]) => [
      k,
      k.toLowerCase() === 'authorization' && /^Bearer /.test(v) ? `Bearer ${next}` : swap(v, raw),
    ]),
  );
  const request: HttpRequest = { ...sim.request, url: swap(sim.request.url, inUrl), headers };
  if (sim.request.body !== undefined) request.body = swap(sim.request.body, inJson);
  return { request, display: sim.display };
}
