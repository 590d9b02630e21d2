import type { ConnectionTestResult, HttpRequest, LiveExchange, LiveStop } from '@core';

/** One exchange as the main thread shows it; `errorBody` is the start of a non-2xx body (masked). */
export interface LiveExchangeView extends LiveExchange {
  errorBody?: string;
  /** The live page this exchange fetched (its sample page id). */
  pageId?: string;
}

/** A 2xx page: its bytes exactly as received (a Blob: handed on without a copy), headers and counts. */
export interface LivePageEvent {
  kind: 'page';
  runId: number;
  /** 0-based among the run's pages. */
  index: number;
  pageId: string;
  body: Blob;
  headers: Record<string, string>;
  records: number;
}

/** What the live worker posts: progress of the run, and the answer to `reveal`. */
export type LiveEvent =
  | { kind: 'exchange'; runId: number; exchange: LiveExchangeView }
  | LivePageEvent
  /** A wait begins (delayRequestMillis or a Retry-After): `ms` from now. */
  | { kind: 'wait'; runId: number; ms: number; why: 'delay' | 'retry-after' }
  /**
   * The run stopped. `failed`: the engine itself threw (a bug), with the error's text; the client then
   * writes `stop.message` in the chosen language (the worker's is English).
   */
  | { kind: 'stop'; runId: number; stop: LiveStop; failed?: string }
  /** The command finished (after a step, a whole run, a connection test): the run waits for the next. */
  | { kind: 'idle'; runId: number }
  /** The connection test's verdict: ok or not, in words, with what to check. */
  | ({ kind: 'tested'; runId: number } & TestedConnection)
  /** The requests as really sent (secrets shown), by exchange number: only when the user reveals. */
  | { kind: 'revealed'; runId: number; requests: Array<[number, HttpRequest]> };

/**
 * Whether the app is served by `spec-studio serve` (which answers `GET /api/status`). Asked once after
 * the first paint; anything else (static hosting, `vite preview`) is `unavailable`.
 */
export type LiveServerState =
  | { state: 'unknown' }
  | { state: 'checking' }
  | { state: 'available'; version: string; allowPrivateHosts: boolean }
  | { state: 'unavailable' };

/** What a live command is doing now. */
export type LiveCommand = 'step' | 'run' | 'test';

/** The live run on screen: its log, its stop, the wait under way. Kept in memory only. */
export interface LiveRunView {
  /** 0: no run yet. */
  runId: number;
  /** A run (Step, Run) or a connection test; null before either. */
  mode: 'run' | 'test' | null;
  /** The command in flight, or null when the run waits for the user (or has stopped). */
  busy: LiveCommand | null;
  exchanges: LiveExchangeView[];
  /** Sample page ids of the run's pages, in order. */
  pageIds: string[];
  stop: LiveStop | null;
  /** A wait under way (delayRequestMillis or Retry-After): when it ends (epoch ms) and why. */
  wait: { until: number; ms: number; why: 'delay' | 'retry-after' } | null;
  /** The connection test's verdict (for the run `runId`). */
  tested: TestedConnection | null;
}

export interface LiveState {
  liveServer: LiveServerState;
  live: LiveRunView;
  /** Pages a live run fetches at most (the input; default 10). */
  liveMaxPages: number;
}

export interface LiveActions {
  setLiveServer: (server: LiveServerState) => void;
  setLiveMaxPages: (n: number) => void;
  /** A command starts: a new run (`fresh`: the log is cleared) or the next step of the current one. */
  beginLive: (runId: number, command: LiveCommand, fresh: boolean) => void;
  /** Applies an event of the live worker (events of another run than the current one are dropped). */
  applyLiveEvent: (event: LiveEvent, now?: number) => void;
  /** Clears the live run on screen (another spec was opened). */
  resetLive: () => void;
  /** Marks every live page kept (they become ordinary sample pages). */
  keepLivePages: () => void;
}

/** A connection test's verdict (core `ConnectionTestResult` without the exchange). */
export type TestedConnection = Pick<ConnectionTestResult, 'ok' | 'message' | 'hint'> &
  Partial<Pick<ConnectionTestResult, 'code' | 'params' | 'hintCode'>>;
