import {
  maskSecrets,
  normalise,
  startLiveRun,
  testConnection,
  type HttpRequest,
  type LiveAbortSignal,
  type LiveExchange,
  type LiveOutbound,
  type LiveRun,
  type LiveRunOptions,
  type LiveSend,
  type LiveSendResult,
  type LiveStepResult,
  type LiveStop,
  type SpecModel,
  type ConnectionTestResult,
} from '@core';
import type { LiveEvent, LiveExchangeView, LiveRequest, LiveRunInput } from './liveProtocol';

/** Bytes of a non-2xx body shown with its exchange (the API's own error message is near the start). */
export const ERROR_BODY_BYTES = 4096;

/** The core's live driver (run/live.ts); injectable so tests can script one. */
export interface LiveDriver {
  startLiveRun(
    model: SpecModel,
    options: LiveRunOptions,
    send: LiveSend,
  ):
    | { ok: true; run: LiveRun }
    | { ok: false; stop: LiveStop; pointer?: string }
    | Promise<{ ok: true; run: LiveRun } | { ok: false; stop: LiveStop; pointer?: string }>;
  testConnection(
    model: SpecModel,
    options: LiveRunOptions,
    send: LiveSend,
    signal?: LiveAbortSignal,
  ): Promise<
    Pick<ConnectionTestResult, 'ok' | 'exchange' | 'message' | 'hint'> & Partial<ConnectionTestResult>
  >;
}

const coreDriver: LiveDriver = { startLiveRun, testConnection };

/** Posts an event (with the buffers it hands over). */
export type LiveEmit = (event: LiveEvent) => void;

/** The live run's state machine behind one message handler: the worker runs one, tests run one inline. */
export interface LiveEngine {
  handle(msg: LiveRequest): Promise<void>;
}

/** The sample page id of page `index` (0-based) of run `runId`. */
export const livePageId = (runId: number, index: number): string => `live-${runId}-${index + 1}`;

interface Sent {
  outbound: LiveOutbound;
  result: LiveSendResult;
}

/**
 * Creates an engine around `send` (the worker's `fetch('/api/fetch')`, a fake in tests). Commands run
 * one at a time in the order received; `abort` and `reveal` act at once. The real requests (secrets
 * shown) stay here, by exchange number, and leave only when the user reveals them.
 */
export function createLiveEngine(
  send: LiveSend,
  emit: LiveEmit,
  driver: LiveDriver = coreDriver,
): LiveEngine {
  let current: {
    runId: number;
    run: LiveRun | null;
    real: Map<number, HttpRequest>;
    secrets: Set<string>;
  } | null = null;
  let controller: AbortController | null = null;
  let queue: Promise<void> = Promise.resolve();
  let sent: Sent[] = [];

  const recordingSend: LiveSend = async (outbound, signal) => {
    const result = await send(outbound, signal);
    sent.push({ outbound, result });
    return result;
  };

  const options = (runId: number, input: LiveRunInput): LiveRunOptions => ({
    ...input.run,
    requireInputs: true,
    revealSecrets: false,
    maxPages: input.maxPages,
    onWait: (ms, why) => emit({ kind: 'wait', runId, ms, why }),
  });

  /** The exchanges of one step with what only the sender saw: the real request, a failing body. */
  const report = (runId: number, exchanges: LiveExchange[]): void => {
    const pool = sent;
    sent = [];
    for (const ex of exchanges) {
      const i = pool.findIndex(
        (s) => s.outbound.display.url === ex.display.url && s.outbound.display.method === ex.display.method,
      );
      const match = i >= 0 ? pool.splice(i, 1)[0] : undefined;
      const view: LiveExchangeView = { ...ex };
      if (match && current?.runId === runId) {
        current.real.set(ex.n, match.outbound.request);
        for (const s of match.outbound.secrets) current.secrets.add(s);
        const r = match.result;
        if (r.ok && (r.status < 200 || r.status > 299) && r.body.length > 0) {
          const text = new TextDecoder().decode(r.body.subarray(0, ERROR_BODY_BYTES));
          view.errorBody = maskSecrets(text, [...current.secrets]);
        }
      }
      if (ex.page !== undefined) view.pageId = livePageId(runId, ex.page);
      emit({ kind: 'exchange', runId, exchange: view });
    }
  };

  const publish = (runId: number, result: LiveStepResult): void => {
    report(runId, result.exchanges);
    if (result.page) {
      const page = result.page;
      // A copy of the bytes in a Blob: handed to the main thread (and on to the preview worker) as is.
      emit({
        kind: 'page',
        runId,
        index: page.index,
        pageId: livePageId(runId, page.index),
        body: new Blob([page.body.slice()], { type: 'application/json' }),
        headers: page.headers,
        records: page.records.length,
      });
    }
    if (result.stop) emit({ kind: 'stop', runId, stop: result.stop });
  };

  /** The run `runId`, started from `input` when it is not the current one; null when it cannot start. */
  const ensureRun = async (runId: number, input: LiveRunInput): Promise<LiveRun | null> => {
    if (current?.runId === runId && current.run) return current.run;
    current = { runId, run: null, real: new Map(), secrets: new Set() };
    sent = [];
    const { model } = normalise(input.doc);
    const started = await driver.startLiveRun(model, options(runId, input), recordingSend);
    if (!started.ok) {
      emit({ kind: 'stop', runId, stop: started.stop });
      return null;
    }
    current.run = started.run;
    return started.run;
  };

  const steps = async (runId: number, input: LiveRunInput, all: boolean): Promise<void> => {
    const run = await ensureRun(runId, input);
    if (run && !run.stop) {
      controller = new AbortController();
      const signal = controller.signal;
      for (;;) {
        const result = await run.step(signal);
        for (const s of run.secrets) current?.secrets.add(s);
        publish(runId, result);
        if (result.stop || !all || signal.aborted) break;
      }
      controller = null;
    } else if (run?.stop) emit({ kind: 'stop', runId, stop: run.stop });
    emit({ kind: 'idle', runId });
  };

  const test = async (runId: number, input: LiveRunInput): Promise<void> => {
    current = { runId, run: null, real: new Map(), secrets: new Set() };
    sent = [];
    controller = new AbortController();
    const { model } = normalise(input.doc);
    const r = await driver.testConnection(model, options(runId, input), recordingSend, controller.signal);
    controller = null;
    report(runId, r.exchange ? [r.exchange] : []);
    const { ok, message, hint, code, params, hintCode } = r;
    emit({
      kind: 'tested',
      runId,
      ok,
      message,
      hint,
      code,
      ...(params ? { params } : {}),
      ...(hintCode ? { hintCode } : {}),
    });
    emit({ kind: 'idle', runId });
  };

  const run = async (msg: LiveRequest): Promise<void> => {
    try {
      if (msg.kind === 'step' || msg.kind === 'run') await steps(msg.runId, msg, msg.kind === 'run');
      else if (msg.kind === 'test') await test(msg.runId, msg);
    } catch (err) {
      // A bug, not a user error: still end the run in words rather than leave it spinning.
      controller = null;
      const message = err instanceof Error ? err.message : String(err);
      emit({
        kind: 'stop',
        runId: msg.runId,
        stop: { reason: 'network-error', message: `The live run failed: ${message}`, hint: '' },
        failed: message,
      });
      emit({ kind: 'idle', runId: msg.runId });
    }
  };

  return {
    handle(msg) {
      if (msg.kind === 'abort') {
        if (current?.runId === msg.runId) controller?.abort();
        return Promise.resolve();
      }
      if (msg.kind === 'reveal') {
        const requests = current?.runId === msg.runId ? [...current.real.entries()] : [];
        emit({ kind: 'revealed', runId: msg.runId, requests });
        return Promise.resolve();
      }
      queue = queue.then(() => run(msg));
      return queue;
    },
  };
}
