/**
 * The live run (SEMANTICS.md §5 "Live run", issue 10): the simulation's step function driven
 * against the real API through a `LiveSend` that the caller provides (the core sends nothing).
 * One page per `step()`: the delay, the request, 429/503 retries, one OAuth token refresh, the
 * page's records and the next request, or the one reason the run stops.
 */
import { DIAGNOSTIC_CODES, nestedParams, type CodedText } from '../diagnosticCodes';
import { flatten } from '../flatten/flatten';
import { parseJson } from '../json/parseJson';
import type { DiagnosticParams, SpecModel } from '../types';
import { chooseAuth, declarationsOf, resolveValues } from './auth';
import { liveSecrets, sendOnce, swapToken, type SendContext } from './liveSend';
import {
  maskParams,
  refusedHint,
  sendFailureHint,
  decodeUtf8,
  liveStopHint,
  maskSecrets,
  retryAfterMs,
  snippet,
  statusText,
  apiErrorMessage,
} from './liveText';
import {
  LIVE_LIMITS,
  type LiveAbortSignal,
  type LiveExchange,
  type LivePage,
  type LiveRun,
  type LiveRunOptions,
  type LiveSend,
  type LiveSendResult,
  type LiveStepResult,
  type LiveStop,
  type LiveStopReason,
} from './liveTypes';
import { readAccessToken, renderAuthUrl, tokenExchangeFields, tokenRequest } from './oauth';
import { nextRequest, startRun } from './pagination';
import type { RunState, SimulatedRequest } from './runTypes';

export {
  apiErrorMessage,
  escapeControls,
  liveStopHint,
  maskSecrets,
  refusedHint,
  retryAfterMs,
  sendFailureHint,
} from './liveText';
export { requestParameterOverrideOf, tokenExchangeFields, type TokenExchangeFields } from './oauth';
export { testConnection, type ConnectionTestResult } from './liveTest';

/** Stop reasons of a sender failure. */
export const SEND_FAILURE_REASON: Record<Extract<LiveSendResult, { ok: false }>['error'], LiveStopReason> = {
  refused: 'refused-host',
  'network-error': 'network-error',
  timeout: 'timeout',
  'too-large': 'too-large',
  aborted: 'aborted',
};

/** Waits `ms`, settling early when `signal` aborts (setTimeout is typed by no core lib). */
export function defaultWait(ms: number, signal?: LiveAbortSignal): Promise<void> {
  const timers = globalThis as unknown as {
    setTimeout(fn: () => void, ms: number): unknown;
    clearTimeout(id: unknown): void;
  };
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = (): void => {
      signal?.removeEventListener('abort', done);
      timers.clearTimeout(id);
      resolve();
    };
    const id = timers.setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** A stop message's stable code and values (for the app's languages), when it has them. */
type Coded = { code: string; params: DiagnosticParams } | Record<string, never>;

const stopOf = (reason: LiveStopReason, message: string, status?: number, coded: Coded = {}): LiveStop => ({
  reason,
  message,
  hint: liveStopHint(reason, status),
  ...(status === undefined ? {} : { status }),
  ...coded,
});

/**
 * The stop of a sender failure, with the hint its code (`sender`: the exchange's error code and
 * params, when the sender gave them) or else its message calls for.
 */
const sendStop = (
  error: Extract<LiveSendResult, { ok: false }>['error'],
  message: string,
  coded: Coded = {},
  sender?: Pick<LiveExchange, 'errorCode' | 'errorParams'>,
): LiveStop => {
  const reason = SEND_FAILURE_REASON[error];
  const by =
    sender?.errorCode === undefined ? undefined : { code: sender.errorCode, params: sender.errorParams };
  const hintCode = reason === 'refused-host' ? { hintCode: refusedHint(message, by) } : {};
  return { reason, message, hint: sendFailureHint(reason, message, by), ...coded, ...hintCode };
};

/** The code of a page request the sender could not send, when the sender's message has one. */
const sendFailedCode = (k: number, exchange: LiveExchange): Coded =>
  exchange.errorCode === undefined
    ? {}
    : {
        code: 'live-send-failed',
        params: {
          ...exchange.errorParams,
          request: k,
          sender: exchange.errorCode,
          detail: exchange.error ?? '',
        },
      };

const positive = (n: number | undefined, fallback: number): number =>
  n !== undefined && Number.isInteger(n) && n > 0 ? n : fallback;

/**
 * Starts a live run: request 1 is built exactly as a simulation builds it, except that every value
 * it sends is required (`requireInputs`): a missing input, an unknown auth spec or a bad host gives
 * `ok:false` with a `blocked` stop naming it and a pointer into the spec; nothing is sent. Secrets
 * are always masked in `display` (`revealSecrets` is ignored: the shown form is the only one a
 * sender may log). Then `run.step()` sends one page at a time (see `LiveRun`). Never throws.
 */
export function startLiveRun(
  model: SpecModel,
  options: LiveRunOptions,
  send: LiveSend,
): { ok: true; run: LiveRun; first: SimulatedRequest } | { ok: false; stop: LiveStop; pointer: string } {
  const runOptions = { ...options, requireInputs: true, revealSecrets: false };
  const started = startRun(model, runOptions);
  if (!started.ok) {
    const coded: Coded =
      started.code === undefined ? {} : { code: started.code, params: started.params ?? {} };
    return {
      ok: false,
      stop: stopOf('blocked', started.message, undefined, coded),
      pointer: started.pointer,
    };
  }
  const auth = chooseAuth(model, options.authName) ?? undefined;
  const decls = declarationsOf(model, auth);
  const params = options.params ?? {};
  const values = resolveValues(decls, params);
  const ctx: SendContext = {
    send,
    secrets: liveSecrets(decls, values, started.first),
    authHeaders: [
      'authorization',
      ...(auth?.params ?? []).flatMap((p) => (p.headerParamName ? [p.headerParamName.toLowerCase()] : [])),
    ].filter((h, i, all) => all.indexOf(h) === i),
    timeoutMs: positive(options.timeoutMs, LIVE_LIMITS.timeoutMs),
    n: 0,
  };
  const wait = options.wait ?? defaultWait;
  const maxPages = positive(options.maxPages, LIVE_LIMITS.maxPages);
  const delay = Number.isFinite(model.pagination.delayRequestMillis)
    ? Math.max(0, model.pagination.delayRequestMillis)
    : 0;
  let state: RunState = started.state;
  let current: SimulatedRequest = started.first;
  let stopped: LiveStop | null = null;
  let pages = 0;
  let attempted = false;
  let refreshed = false;
  let accessToken = values['accessToken'] ?? '';
  const canRefresh = (): boolean =>
    !refreshed &&
    auth?.type === 'OAuth2RefreshCode' &&
    (values['refreshToken'] ?? '') !== '' &&
    (values['accessTokenUrl'] ?? '').trim() !== '';

  /** The one OAuth refresh of the run: a `token-refresh` exchange, then the request rebuilt. */
  const refresh = async (
    k: number,
    exchanges: LiveExchange[],
    signal?: LiveAbortSignal,
  ): Promise<LiveStop | null> => {
    refreshed = true;
    // Why the refresh failed is nested as `reason` (diagnostic code `live-refresh-failed`); the hint
    // has its code (`refresh`) for the app's languages.
    const failed = (why: CodedText, status?: number): LiveStop => ({
      ...stopOf('http-error', `request ${k}: 401, and the token refresh failed: ${why.message}`, status, {
        code: 'live-refresh-failed',
        params: { request: String(k), ...nestedParams('reason', why) },
      }),
      hint: 'check refreshToken, clientId, clientSecret, accessTokenUrl and requestParameterOverride (field names, GET or POST)',
      hintCode: 'refresh',
    });
    const fields = tokenExchangeFields(values, params);
    const declared = new Set(decls.map((d) => d.name));
    const secretNames = new Set(decls.filter((d) => d.secret).map((d) => d.name));
    const url = renderAuthUrl(
      'accessTokenUrl',
      values['accessTokenUrl'] ?? '',
      values,
      declared,
      secretNames,
    );
    if (!url.ok) return failed(url, 401);
    const sim = tokenRequest(
      {
        url,
        refreshToken: values['refreshToken'] ?? '',
        clientIdSecret: secretNames.has('clientId'),
        ...(values['clientId'] === undefined ? {} : { clientId: values['clientId'] }),
        ...(values['clientSecret'] === undefined ? {} : { clientSecret: values['clientSecret'] }),
      },
      fields,
    );
    const { exchange, result } = await sendOnce(ctx, 'token-refresh', sim, signal);
    exchanges.push(exchange);
    if (signal?.aborted)
      return stopOf('aborted', `request ${k}: aborted during the token refresh`, undefined, {
        code: 'live-refresh-aborted',
        params: { request: String(k) },
      });
    if (!result.ok) {
      // The sender's words (a transport error) stay as they are: they are not a diagnostic code.
      return sendStop(
        result.error,
        `request ${k}: 401, and the token refresh failed: ${exchange.error ?? ''}`,
        {
          code: 'live-refresh-failed',
          params: { request: String(k), ...nestedParams('reason', { message: exchange.error ?? '' }) },
        },
        exchange,
      );
    }
    if (result.status < 200 || result.status > 299) {
      const words = apiErrorMessage(result.body, result.headers['content-type'], ctx.secrets);
      const answer = statusText(result.status, words);
      return failed(
        { message: `accessTokenUrl answered ${answer}`, code: 'live-refresh-status', params: { answer } },
        result.status,
      );
    }
    const token = readAccessToken(result.body, fields);
    if (!token.ok) return failed(token, 401);
    ctx.secrets.push(token.token);
    const rebuilt = startRun(model, { ...runOptions, params: { ...params, accessToken: token.token } });
    if (!rebuilt.ok) {
      // Why, nested as `reason` (worded by the app when its code is a diagnostic code).
      const why: CodedText = { message: maskSecrets(rebuilt.message, ctx.secrets) };
      if (rebuilt.code !== undefined && (DIAGNOSTIC_CODES as readonly string[]).includes(rebuilt.code)) {
        why.code = rebuilt.code;
        why.params = maskParams(rebuilt.params ?? {}, ctx.secrets);
      }
      return failed({
        message: `the new access token cannot be used: ${why.message}`,
        code: 'token-unusable',
        params: nestedParams('reason', why),
      });
    }
    state = { ...state, base: rebuilt.state.base };
    current = state.count === 1 ? rebuilt.first : swapToken(current, accessToken, token.token);
    accessToken = token.token;
    return null;
  };

  const step = async (signal?: LiveAbortSignal): Promise<LiveStepResult> => {
    if (stopped) return { exchanges: [], stop: stopped };
    const exchanges: LiveExchange[] = [];
    const k = state.count;
    const finish = (stop: LiveStop, page?: LivePage): LiveStepResult => {
      stopped = stop;
      return { exchanges, stop, ...(page ? { page } : {}) };
    };
    const aborted = (): LiveStepResult =>
      finish(
        stopOf('aborted', `request ${k}: aborted`, undefined, {
          code: 'live-aborted',
          params: { request: k },
        }),
      );
    if (signal?.aborted) return aborted();
    if (attempted && delay > 0) {
      options.onWait?.(delay, 'delay');
      await wait(delay, signal);
      if (signal?.aborted) return aborted();
    }
    attempted = true;
    let retries = 0;
    for (;;) {
      const { exchange, result } = await sendOnce(ctx, 'page', current, signal);
      exchanges.push(exchange);
      if (signal?.aborted || (!result.ok && result.error === 'aborted')) return aborted();
      if (!result.ok) {
        return finish(
          sendStop(
            result.error,
            `request ${k}: ${exchange.error ?? ''}`,
            sendFailedCode(k, exchange),
            exchange,
          ),
        );
      }
      const status = result.status;
      if (status >= 200 && status <= 299) {
        const read = readPage(model, k, pages, result, ctx.secrets);
        if ('stop' in read) return finish(read.stop);
        pages++;
        Object.assign(exchange, {
          page: read.page.index,
          contentItems: read.contentItems,
          records: read.page.records.length,
        });
        const next = nextRequest(state, { body: read.page.value, headers: result.headers });
        state = next.state;
        if (next.stop) {
          const message = maskSecrets(next.stop.message, ctx.secrets);
          // nextRequest never says `samples-exhausted` (that is simulate's, when samples run out).
          const reason = next.stop.reason === 'samples-exhausted' ? 'single-request' : next.stop.reason;
          const coded: Coded =
            next.stop.code === undefined
              ? {}
              : { code: next.stop.code, params: maskParams(next.stop.params ?? {}, ctx.secrets) };
          return finish(stopOf(reason, message, undefined, coded), read.page);
        }
        if (!next.next) return finish(stopOf('single-request', `response ${k}: no next request`), read.page);
        current = next.next;
        if (pages >= maxPages) {
          const message = `reached the page cap (${maxPages} pages); request ${state.count} would come next: ${current.display.method} ${current.display.url}`;
          const params = {
            max: maxPages,
            request: state.count,
            method: current.display.method,
            url: current.display.url,
          };
          return finish(
            stopOf('max-pages', message, undefined, { code: 'live-max-pages', params }),
            read.page,
          );
        }
        return { exchanges, page: read.page };
      }
      let note = '';
      // The note's kind and values, for the app's languages (`retry` of diagnostic `live-http-error`).
      let retry: Record<string, string> = { retry: 'none' };
      if (status === 429 || status === 503) {
        const ms = retryAfterMs(result.headers['retry-after'], Date.now());
        if (ms !== null && ms <= LIVE_LIMITS.maxRetryAfterS * 1000 && retries < LIVE_LIMITS.maxRetries) {
          retries++;
          exchange.kind = 'retry';
          exchange.retryAfterMs = ms;
          options.onWait?.(ms, 'retry-after');
          await wait(ms, signal);
          if (signal?.aborted) return aborted();
          continue;
        }
        const seconds = ms === null ? '' : String(Math.ceil(ms / 1000));
        const max = String(LIVE_LIMITS.maxRetryAfterS);
        const tries = String(LIVE_LIMITS.maxRetries);
        note =
          ms === null
            ? ' (no usable Retry-After, so it is not retried)'
            : ms > LIVE_LIMITS.maxRetryAfterS * 1000
              ? ` (Retry-After ${seconds} s is more than ${max} s, so it is not retried)`
              : ` (still refused after ${tries} retries)`;
        retry =
          ms === null
            ? { retry: 'noHeader' }
            : ms > LIVE_LIMITS.maxRetryAfterS * 1000
              ? { retry: 'tooLong', seconds, max }
              : { retry: 'exhausted', retries: tries };
      }
      if (status === 401 && canRefresh()) {
        const failed = await refresh(k, exchanges, signal);
        if (failed) return finish(failed);
        continue;
      }
      const words = apiErrorMessage(result.body, result.headers['content-type'], ctx.secrets);
      const answer = statusText(status, words);
      return finish(
        stopOf('http-error', `request ${k}: ${answer}${note}`, status, {
          code: 'live-http-error',
          params: { request: String(k), answer, ...retry },
        }),
      );
    }
  };

  let queue: Promise<unknown> = Promise.resolve();
  const run: LiveRun = {
    step(signal) {
      const next = queue.then(() => step(signal));
      queue = next.catch(() => undefined);
      return next;
    },
    get stop() {
      return stopped;
    },
    get secrets() {
      return [...ctx.secrets];
    },
  };
  return { ok: true, run, first: started.first };
}

/** A 2xx answer as a page: strict UTF-8, the core's JSON parser, the records as `flatten` makes them. */
function readPage(
  model: SpecModel,
  k: number,
  index: number,
  result: Extract<LiveSendResult, { ok: true }>,
  secrets: readonly string[],
): { page: LivePage; contentItems: number } | { stop: LiveStop } {
  const decoded = decodeUtf8(result.body);
  if (!decoded.ok) {
    const message = `response ${k} is not JSON: it is not UTF-8 text (byte ${decoded.offset + 1} of ${result.body.length})`;
    const params = { response: k, byte: decoded.offset + 1, length: result.body.length };
    return { stop: stopOf('not-json', message, undefined, { code: 'live-not-utf8', params }) };
  }
  const parsed = parseJson(decoded.text, { positions: false });
  if (!parsed.ok) {
    const e = parsed.error;
    const what = e.message.replace(/ at line \d+, column \d+$/, '');
    const start = maskSecrets(snippet(decoded.text), secrets);
    const message = `response ${k} is not JSON: line ${e.line}, column ${e.column}: ${what}; it starts with ${start}`;
    // The parser's own code and values ride along as `whatCode` and `what.<name>` (its message is `what`).
    const whatParams = Object.fromEntries(Object.entries(e.params ?? {}).map(([n, v]) => [`what.${n}`, v]));
    const parsedCode = e.code === undefined ? {} : { whatCode: e.code, ...whatParams };
    const params = { response: k, line: e.line, column: e.column, what, start, ...parsedCode };
    return { stop: stopOf('not-json', message, undefined, { code: 'live-not-json', params }) };
  }
  const flat = flatten(model, [parsed.value]);
  return {
    page: { index, body: result.body, value: parsed.value, headers: result.headers, records: flat.records },
    contentItems: flat.pages[0]?.contentItems ?? 0,
  };
}
