/**
 * One Flow Service call of publishing or opening, through the caller's `LiveSend`: the headers of
 * calls.ts, the request shown masked, the answer read (Adobe's own message on a failure).
 */
import { ADOBE, ADOBE_AUTH_HEADERS, adobeHeaders, flowServiceUrl } from '../adobe/calls';
import type { AdobeCredentials } from '../adobe/calls';
import { parseJson } from '../json/parseJson';
import { MASK } from '../placeholders/encode';
import { LIVE_LIMITS, type LiveAbortSignal, type LiveSend, type LiveSendResult } from '../run/liveTypes';
import { lenientText, maskSecrets } from '../run/liveText';
import { documentKindCode, type DocumentKind } from '../spec/documentKind';
import type { DiagnosticParams, HttpRequest, JsonObject, JsonValue } from '../types';
import { adobeErrorMessage, adobeHint } from './adobeError';
import type { PublishStep, StartProblem } from './publishTypes';

/** The spec's `id` at Adobe: a non-empty string `id`, trimmed (specs opened from Adobe have one). */
export function connectionSpecIdOf(doc: JsonValue | undefined): string | undefined {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return undefined;
  const id = doc['id'];
  return typeof id === 'string' && id.trim() !== '' ? id.trim() : undefined;
}

/** The two credential values that are secrets (non-empty), for masking. */
export function publishSecrets(c: AdobeCredentials): string[] {
  return [c.accessToken, c.apiKey].filter((s) => s !== '');
}

/** The headers as shown: the bearer token and the API key masked. */
function shownHeaders(c: AdobeCredentials, withBody: boolean): Record<string, string> {
  return adobeHeaders({ ...c, accessToken: MASK, apiKey: MASK }, withBody);
}

/** The names of the credentials not given (nothing is sent while one is missing). */
export function missingCredentials(c: AdobeCredentials): string[] {
  const names: Array<[keyof AdobeCredentials, string]> = [
    ['accessToken', 'IMS access token'],
    ['apiKey', 'API key'],
    ['orgId', 'org id'],
    ['sandbox', 'sandbox'],
  ];
  return names.filter(([k]) => c[k].trim() === '').map(([, label]) => label);
}

/** Why a base URL cannot be used (the `why` of a `base-url` start problem). */
export type BaseUrlProblem = 'not-http' | 'query' | 'not-absolute' | 'user-info' | 'no-host';

/** A base URL's problem as a code, or null when it can be used (see `checkBaseUrl`). */
export function baseUrlProblem(base: string): BaseUrlProblem | null {
  const m = /^(https?):\/\/([^/?#\s]*)([^?#\s]*)$/i.exec(base);
  if (m === null) {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(base) && !/^https?:/i.test(base)) return 'not-http';
    if (/[?#]/.test(base)) return 'query';
    return 'not-absolute';
  }
  const host = m[2] ?? '';
  if (host.includes('@')) return 'user-info';
  if (host === '') return 'no-host';
  return null;
}

/** A base URL that can be used: absolute http(s), a host, no credentials, query or fragment. */
export function checkBaseUrl(base: string): string | null {
  switch (baseUrlProblem(base)) {
    case 'not-http':
      return 'the base URL must be http(s)';
    case 'query':
      return 'the base URL must not have a query or fragment';
    case 'not-absolute':
      return `the base URL “${base}” is not an absolute http(s) URL`;
    case 'user-info':
      return 'the base URL must not carry a user name or password';
    case 'no-host':
      return `the base URL “${base}” has no host`;
    case null:
      return null;
  }
}

/**
 * The params that word a document's kind (`detectDocumentKind`'s message, `why`): `whyCode` and
 * `whyParams.<name>` for each of its params (the codes of `documentKindCode`), when it has them.
 */
export function kindParams(k: DocumentKind, doc: JsonValue): DiagnosticParams {
  const coded = documentKindCode(k, doc);
  if (coded === null) return {};
  const out: DiagnosticParams = { whyCode: coded.code };
  for (const [name, v] of Object.entries(coded.params ?? {})) out[`whyParams.${name}`] = v;
  return out;
}

export type Sent = { ok: true; status: number; value: JsonValue | undefined; ms: number } | { ok: false };

/** What publishing and opening share: the sender, the credentials, the secrets. */
export class Caller {
  readonly secrets: string[];
  constructor(
    private readonly send: LiveSend,
    private readonly c: AdobeCredentials,
    private readonly base: string,
    private readonly timeoutMs: number,
  ) {
    this.secrets = publishSecrets(c);
  }

  /** Sends one call and writes what happened into `step` (masked); never throws. */
  async call(
    step: PublishStep,
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    body: string | undefined,
    what: 'connection-spec' | 'flow-spec' | 'open',
    signal?: LiveAbortSignal,
  ): Promise<Sent> {
    const url = flowServiceUrl(this.base, path);
    const withBody = body !== undefined;
    const request: HttpRequest = { method, url, headers: adobeHeaders(this.c, withBody) };
    const display: HttpRequest = { method, url, headers: shownHeaders(this.c, withBody) };
    if (withBody) {
      request.body = body;
      display.body = maskSecrets(body, this.secrets);
    }
    step.display = display;
    let result: LiveSendResult;
    try {
      result = await this.send(
        {
          request,
          display,
          authHeaders: [...ADOBE_AUTH_HEADERS],
          secrets: [...this.secrets],
          timeoutMs: this.timeoutMs,
        },
        signal,
      );
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      result = { ok: false, error: 'network-error', message: `the request failed: ${why}`, ms: 0 };
      step.code = 'request-failed';
      step.params = { error: maskSecrets(why.replace(/[\r\n]+/g, ' '), this.secrets) };
    }
    step.ms = result.ms;
    if (!result.ok) {
      step.state = 'failed';
      step.message = maskSecrets(result.message.replace(/[\r\n]+/g, ' '), this.secrets);
      if (step.code !== 'request-failed') {
        step.code = 'send-failed';
        step.params = { error: step.message };
      }
      step.hint =
        result.error === 'refused'
          ? 'the local server refused this host: a base URL on this machine needs `spec-studio serve --allow-private-hosts`'
          : result.error === 'aborted'
            ? ''
            : 'check the base URL and that this machine reaches it (DNS, proxy, firewall)';
      if (result.error === 'refused') step.hintCode = 'refused-host';
      else if (result.error !== 'aborted') step.hintCode = 'network';
      return { ok: false };
    }
    step.status = result.status;
    if (result.status < 200 || result.status > 299) {
      const words = adobeErrorMessage(result.body, result.headers['content-type'], this.secrets);
      step.state = 'failed';
      step.message = words !== '' ? `${result.status} ${words}` : `${result.status} (Adobe gave no message)`;
      step.code = words !== '' ? 'adobe-error' : 'adobe-no-message';
      step.params = words !== '' ? { status: result.status, error: words } : { status: result.status };
      step.hint = adobeHint(result.status, what);
      step.hintCode = 'status';
      step.hintParams = { status: result.status, what };
      return { ok: false };
    }
    const parsed = parseJson(lenientText(result.body), { positions: false });
    return { ok: true, status: result.status, value: parsed.ok ? parsed.value : undefined, ms: result.ms };
  }
}

export const isObject = (v: JsonValue | undefined): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Adobe's GET wrapper `{"items":[x]}` unwrapped; any other object as it is. */
export function unwrapItems(v: JsonValue | undefined): JsonObject | undefined {
  if (!isObject(v)) return undefined;
  const items = v['items'];
  if (Array.isArray(items)) return isObject(items[0]) ? items[0] : undefined;
  return v;
}

/**
 * The caller for `options`, or why nothing can be sent (a credential missing, a bad base URL): what
 * publishing and opening check first, in that order.
 */
export function callerFor(
  options: { credentials: AdobeCredentials; baseUrl?: string; timeoutMs?: number },
  send: LiveSend,
): { ok: true; caller: Caller } | StartProblem {
  const missing = missingCredentials(options.credentials);
  if (missing.length > 0) {
    const keys = (['accessToken', 'apiKey', 'orgId', 'sandbox'] as const).filter(
      (k) => options.credentials[k].trim() === '',
    );
    return {
      ok: false,
      message: `give the ${missing.join(', ')} first: nothing was sent`,
      code: 'missing-credentials',
      params: { missing: [...keys] },
    };
  }
  const base = (options.baseUrl ?? ADOBE.platformUrl).trim();
  const badBase = checkBaseUrl(base);
  if (badBase !== null)
    return {
      ok: false,
      message: `${badBase}: nothing was sent`,
      code: 'base-url',
      params: { why: baseUrlProblem(base) ?? 'not-absolute', url: base },
    };
  return {
    ok: true,
    caller: new Caller(send, options.credentials, base, options.timeoutMs ?? LIVE_LIMITS.timeoutMs),
  };
}
