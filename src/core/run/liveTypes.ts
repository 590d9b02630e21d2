/**
 * Live runs (SEMANTICS.md §5 "Live run", issue 10): the types shared by the core's driver
 * (run/live.ts), the local server (src/server), the CLI's `run` and the app. The core never sends
 * anything itself: whoever drives a live run passes a `LiveSend` that does (the server's outbound
 * door in Node, a same-origin `fetch('/api/fetch')` in the browser, a fake in tests).
 */
import type { DiagnosticParams, HttpRequest, JsonObject, JsonValue, StopReason } from '../types';
import type { RunOptions } from './runTypes';

/**
 * The part of an AbortSignal the core uses (the core has no DOM lib; DOM's and Node's
 * AbortSignal both fit).
 */
export interface LiveAbortSignal {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

/** Why a live run stopped: the simulation's reasons (never `samples-exhausted`) and the live ones. */
export type LiveStopReason =
  | Exclude<StopReason, 'samples-exhausted'>
  | 'http-error'
  | 'network-error'
  | 'timeout'
  | 'too-large'
  | 'refused-host'
  | 'not-json'
  | 'max-pages'
  | 'aborted';

/** The one stop of a live run, in words, with what to check (`hint`). */
export interface LiveStop {
  reason: LiveStopReason;
  /** What happened, naming the request, and for `http-error` the status and the API's own message. */
  message: string;
  /** What to check: credentials, host, path, placeholder values, … (empty for a normal stop). */
  hint: string;
  /** HTTP status for `http-error`. */
  status?: number;
  /** `message`'s stable code and values, when it has them (for the app's languages). */
  code?: string;
  params?: DiagnosticParams;
  /**
   * Which hint the stop has, when the reason and status do not say it: a `refused-host` stop's
   * `metadata`, `bad-url` or `private-host`; `refresh` for a failed OAuth token refresh.
   */
  hintCode?: RefusedHint | 'refresh';
}

/** The three hints of a refused host (see `sendFailureHint`). */
export type RefusedHint = 'metadata' | 'bad-url' | 'private-host';

/** What the driver asks the sender to send. */
export interface LiveOutbound {
  /** The request as sent (real values). */
  request: HttpRequest;
  /** The same request as shown (secrets masked): the only form a sender may log or quote. */
  display: HttpRequest;
  /** Header names (lower-case) that carry credentials: never forwarded to another origin on redirect. */
  authHeaders: string[];
  /** Secret values (non-empty) the sender masks in anything it logs or returns as text. */
  secrets: string[];
  /** Per-request timeout, ms (default 30 000). */
  timeoutMs: number;
}

/** A redirect the sender followed, as shown (masked URL). */
export interface LiveRedirect {
  status: number;
  url: string;
}

/** What came back: the answer, or why there is none. Never throws. */
export type LiveSendResult =
  | {
      ok: true;
      status: number;
      /** Response headers, lower-case names (repeated headers joined with ", "). */
      headers: Record<string, string>;
      /** The body exactly as received (bytes). */
      body: Uint8Array;
      /** Time to the last byte, ms. */
      ms: number;
      /** Redirects followed before this answer (at most 5). */
      redirects: LiveRedirect[];
    }
  | {
      ok: false;
      /** `refused`: a host rule (nothing was sent); `too-large`: the body passed the cap. */
      error: 'refused' | 'network-error' | 'timeout' | 'too-large' | 'aborted';
      /** One line, quoting only masked URLs. */
      message: string;
      /** `message`'s stable code and values, when the sender has one (for the app's languages). */
      code?: string;
      params?: DiagnosticParams;
      ms: number;
      redirects?: LiveRedirect[];
    };

/** Sends one request: the server's outbound door, a fetch through `/api/fetch`, or a test fake. */
export type LiveSend = (outbound: LiveOutbound, signal?: LiveAbortSignal) => Promise<LiveSendResult>;

/** Limits shared by every live path. */
export const LIVE_LIMITS = {
  /** Response body cap, bytes (50 MB). */
  maxBodyBytes: 50 * 1024 * 1024,
  /** Default per-request timeout, ms. */
  timeoutMs: 30_000,
  /** Redirects followed at most. */
  maxRedirects: 5,
  /** Default page cap of a live run. */
  maxPages: 10,
  /** Retries of a 429/503 with Retry-After ≤ maxRetryAfterS. */
  maxRetries: 3,
  maxRetryAfterS: 60,
} as const;

/**
 * The wire format of the local server's `POST /api/fetch` (same origin, secret cookie):
 * request body = JSON `LiveFetchBody`. Answer:
 * - 200: the first line is JSON `LiveFetchMeta` (no raw line break inside), then `\n`, then the
 *   upstream body's bytes exactly as received;
 * - 502: JSON `{ error, message, code, params, ms, redirects? }` (the `ok:false` fields of
 *   `LiveSendResult`);
 * - 400: JSON `{ error: 'bad-request', message, code, params }` for a body that is not a `LiveFetchBody`;
 * - 413: JSON `{ error: 'bad-request', message, code, params }` for a request body over 10 MB;
 * - 403: JSON `{ error: 'forbidden', message, code, params }` from the guards.
 * `code` + `params`: the English `message`'s stable code (a diagnostic code: `outbound-…`,
 * `host-…`, `url-…`, `server-…`) for the page to word it in its language; an older server sends
 * only `message`.
 * `GET /api/status` (same guards) answers `LiveServerStatus`.
 */
export type LiveFetchBody = LiveOutbound;

export interface LiveFetchMeta {
  status: number;
  headers: Record<string, string>;
  bytes: number;
  ms: number;
  redirects: LiveRedirect[];
}

export interface LiveServerStatus {
  app: 'spec-studio';
  version: string;
  allowPrivateHosts: boolean;
}

/** What the user chose for a live run: the run's inputs plus its bounds. */
export interface LiveRunOptions extends RunOptions {
  /** Pages fetched at most before the run stops with `max-pages` (default 10). */
  maxPages?: number;
  /** Per-request timeout, ms (default 30 000). */
  timeoutMs?: number;
  /**
   * Waits `ms` (delayRequestMillis between requests, a Retry-After before a retry). Default a
   * timer. Must settle early when `signal` aborts.
   */
  wait?: (ms: number, signal?: LiveAbortSignal) => Promise<void>;
  /** Told before each wait, so a UI can show a countdown. */
  onWait?: (ms: number, why: 'delay' | 'retry-after') => void;
}

/** One line of a live run's log: one request sent. A retry and a token refresh are lines of their own. */
export interface LiveExchange {
  /** 1-based, in sending order over the whole run. */
  n: number;
  kind: 'page' | 'retry' | 'token-refresh' | 'connection-test';
  /** The request as shown (secrets masked). The real form is never kept. */
  display: HttpRequest;
  /** Absent when nothing came back (refused, network error, timeout, too large, aborted). */
  status?: number;
  headers?: Record<string, string>;
  bytes?: number;
  ms: number;
  redirects: LiveRedirect[];
  /** Why nothing came back, one line (masked). */
  error?: string;
  /** `error`'s stable code and values, when the sender gave one (for the app's languages). */
  errorCode?: string;
  errorParams?: DiagnosticParams;
  /** A 429/503 that will be retried after this wait, ms. */
  retryAfterMs?: number;
  /** For a 2xx page: its 0-based index among the run's pages, its content items and records. */
  page?: number;
  contentItems?: number;
  records?: number;
}

/** One 2xx page of a live run. */
export interface LivePage {
  /** 0-based among the run's pages. */
  index: number;
  /** The body exactly as received. */
  body: Uint8Array;
  /** The body parsed. */
  value: JsonValue;
  /** Response headers (lower-case names). */
  headers: Record<string, string>;
  /** The page's records, flattened as `flatten` does. */
  records: JsonObject[];
}

/** What one `step` did: the requests it sent (with retries or a refresh), the page, or the stop. */
export interface LiveStepResult {
  exchanges: LiveExchange[];
  page?: LivePage;
  /** Set once the run has stopped (this step's request was the last, or none could be sent). */
  stop?: LiveStop;
}

/** A live run in progress, driven one page at a time. */
export interface LiveRun {
  /** Sends the next request (waiting delayRequestMillis first, retrying a 429/503, refreshing an
   * OAuth token once on 401) and reads its answer. After a stop, returns `{exchanges: [], stop}`. */
  step(signal?: LiveAbortSignal): Promise<LiveStepResult>;
  /** The stop, once there is one. */
  readonly stop: LiveStop | null;
  /** Secret values in use, including a refreshed token (for masking by the caller). */
  readonly secrets: readonly string[];
}
