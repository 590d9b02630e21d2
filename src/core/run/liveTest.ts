/**
 * **Test connection** of a live run (issue 10 §2): one GET of the auth spec's
 * `authorizationTestUrl` with its auth headers, to tell whether the credentials work.
 */
import {
  LIVE_LIMITS,
  type LiveAbortSignal,
  type LiveExchange,
  type LiveRunOptions,
  type LiveSend,
} from './liveTypes';
import { nestedParams } from '../diagnosticCodes';
import type { DiagnosticParams, HttpRequest, SpecModel } from '../types';
import { authHeaders, chooseAuth, declarationsOf, resolveValues } from './auth';
import { liveSecrets, ownRecord, sendOnce, type SendContext } from './liveSend';
import { apiErrorMessage, liveStopHint, sendFailureHint, statusText } from './liveText';
import { renderAuthUrl } from './oauth';

/** What a connection test found: `ok` when the API answered 2xx; the exchange when one was sent. */
export interface ConnectionTestResult {
  ok: boolean;
  exchange?: LiveExchange;
  /** English (the CLI prints it); `code` + `params` let the app word it in the user's language. */
  message: string;
  hint: string;
  code: ConnectionTestCode;
  params?: DiagnosticParams;
  /** What `hint` says when it is one of the test's own hints (else the app words `hint` itself). */
  hintCode?: 'choose-auth' | 'give-test-url' | 'check-test-url';
}

export type ConnectionTestCode =
  | 'test-ok'
  | 'test-http'
  | 'test-send-failed'
  | 'test-no-auth-named'
  | 'test-no-auth-spec'
  | 'test-no-test-url'
  | 'test-url'
  | 'test-headers';

/**
 * Sends `GET authorizationTestUrl` of the chosen auth spec (placeholders filled from the run's
 * values, verbatim as in a host; secret ones shown masked) with that auth spec's headers (Basic,
 * Bearer, API-key headers), as exchange 1 of kind `connection-test`. `ok` when the answer is 2xx;
 * otherwise the API's own message (or the sender's) and what to check. `ok:false` without sending
 * when the auth spec has no `authorizationTestUrl`, a credential is missing or the URL is unusable.
 * Never throws.
 */
export async function testConnection(
  model: SpecModel,
  options: LiveRunOptions,
  send: LiveSend,
  signal?: LiveAbortSignal,
): Promise<ConnectionTestResult> {
  const fail = (
    message: string,
    hint: string,
    code: ConnectionTestCode,
    params?: DiagnosticParams,
    hintCode?: ConnectionTestResult['hintCode'],
  ): ConnectionTestResult => ({
    ok: false,
    message,
    hint,
    code,
    ...(params ? { params } : {}),
    ...(hintCode ? { hintCode } : {}),
  });
  const auth = chooseAuth(model, options.authName);
  if (auth === null) {
    const name = options.authName ?? '';
    const hint = "choose one of the spec's auth specs";
    return fail(`no authSpec is named "${name}"`, hint, 'test-no-auth-named', { name }, 'choose-auth');
  }
  if (auth === undefined)
    return fail('this spec has no authSpec, so there is no connection to test', '', 'test-no-auth-spec');
  const decls = declarationsOf(model, auth);
  const values = resolveValues(decls, options.params);
  const template = values['authorizationTestUrl'];
  if (template === undefined || template.trim() === '') {
    return fail(
      `${auth.name} has no authorizationTestUrl, so the connection cannot be tested on its own`,
      'give authorizationTestUrl a value (a URL of the API that answers 2xx with valid credentials), or start a live run',
      'test-no-test-url',
      { auth: auth.name },
      'give-test-url',
    );
  }
  const declared = new Set(decls.map((d) => d.name));
  const secretNames = new Set(decls.filter((d) => d.secret).map((d) => d.name));
  const url = renderAuthUrl('authorizationTestUrl', template, values, declared, secretNames);
  if (!url.ok) {
    const hint = 'check authorizationTestUrl and the values of its placeholders';
    return fail(url.message, hint, 'test-url', nestedParams('detail', url), 'check-test-url');
  }
  const headers = authHeaders(auth, values, 'error');
  if (!headers.ok)
    return fail(headers.message, liveStopHint('blocked'), 'test-headers', nestedParams('detail', headers));
  const request: HttpRequest = {
    method: 'GET',
    url: url.real,
    headers: ownRecord(headers.headers.map((h) => [h.name, h.real])),
  };
  const display: HttpRequest = {
    method: 'GET',
    url: url.shown,
    headers: ownRecord(headers.headers.map((h) => [h.name, h.shown])),
  };
  const sim = { request, display };
  const ctx: SendContext = {
    send,
    secrets: liveSecrets(decls, values, sim),
    authHeaders: [
      'authorization',
      ...auth.params.flatMap((p) => (p.headerParamName ? [p.headerParamName.toLowerCase()] : [])),
    ],
    timeoutMs:
      options.timeoutMs !== undefined && Number.isInteger(options.timeoutMs) && options.timeoutMs > 0
        ? options.timeoutMs
        : LIVE_LIMITS.timeoutMs,
    n: 0,
  };
  const { exchange, result } = await sendOnce(ctx, 'connection-test', sim, signal);
  if (!result.ok) {
    const reason = result.error === 'refused' ? 'refused-host' : result.error;
    return {
      ok: false,
      exchange,
      message: `connection test: ${exchange.error ?? ''}`,
      hint: sendFailureHint(reason, exchange.error ?? '', {
        code: exchange.errorCode,
        params: exchange.errorParams,
      }),
      code: 'test-send-failed',
      params: { detail: exchange.error ?? '' },
    };
  }
  if (result.status >= 200 && result.status <= 299) {
    return {
      ok: true,
      exchange,
      message: `connection test: the API answered ${result.status}: the credentials work`,
      hint: '',
      code: 'test-ok',
      params: { status: result.status },
    };
  }
  const words = apiErrorMessage(result.body, result.headers['content-type'], ctx.secrets);
  return {
    ok: false,
    exchange,
    message: `connection test: ${statusText(result.status, words)}`,
    hint: liveStopHint('http-error', result.status),
    code: 'test-http',
    params: { answer: statusText(result.status, words) },
  };
}
