import type { LiveSend } from '@core';
import { t } from '../i18n';
import type { LiveDriver } from './liveEngine';
import type { LiveEvent, LiveRequest } from './liveProtocol';

/** The part of `Worker` the client uses (a fake in tests). */
export interface LiveWorkerLike {
  postMessage(msg: LiveRequest): void;
  terminate(): void;
  onmessage: ((e: MessageEvent<LiveEvent>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
}

/** Talks to the live worker: commands out, the run's events in (to one listener). */
export interface LiveClient {
  send(msg: LiveRequest): void;
  /** Sets the one listener of the run's events. */
  listen(listener: (event: LiveEvent) => void): void;
  readonly usesWorker: boolean;
  dispose(): void;
}

export interface LiveClientOptions {
  /** Creates the worker; null: run the engine on the main thread (tests). */
  factory?: (() => LiveWorkerLike) | null;
  /** The sender of the main-thread engine (default a fetch to `/api/fetch`). */
  send?: LiveSend;
  /** The driver of the main-thread engine (default the core's). */
  driver?: LiveDriver;
}

/** An event with the words the worker cannot write (it has no language) in the chosen language. */
function localised(event: LiveEvent): LiveEvent {
  if (event.kind !== 'stop' || event.failed === undefined) return event;
  const message = t('engine.live.failed', { message: event.failed });
  return { ...event, stop: { ...event.stop, message } };
}

const defaultFactory = (): LiveWorkerLike =>
  new Worker(new URL('./live.worker.ts', import.meta.url), { type: 'module', name: 'live' });

/**
 * Creates the client. A live run waits on the network (up to a 30 s timeout, a 60 s Retry-After), so
 * it has its own worker with no step watchdog: the preview worker's would take a slow API for a stuck
 * step. Without `Worker` (tests, Node) or when the worker dies, the same engine runs on the main thread.
 */
export function createLiveClient(options: LiveClientOptions = {}): LiveClient {
  const factory = options.factory === undefined ? defaultFactory : options.factory;
  let listener: (event: LiveEvent) => void = () => undefined;
  let worker: LiveWorkerLike | null = null;
  if (factory && (typeof Worker !== 'undefined' || factory !== defaultFactory)) {
    try {
      worker = factory();
    } catch {
      worker = null;
    }
  }
  let engine: Promise<{ handle(msg: LiveRequest): Promise<void> }> | null = null;
  const mainEngine = () => {
    engine ??= Promise.all([import('./liveEngine'), import('./liveFetch')]).then(([e, f]) =>
      e.createLiveEngine(
        options.send ?? f.createFetchSend(),
        (event) => listener(localised(event)),
        options.driver,
      ),
    );
    return engine;
  };
  const attach = (w: LiveWorkerLike): void => {
    w.onmessage = (e) => listener(localised(e.data));
    w.onerror = () => {
      // The worker could not start (CSP, a failed load): run on the main thread from now on.
      w.terminate();
      if (worker === w) worker = null;
    };
  };
  if (worker) attach(worker);
  return {
    send(msg) {
      if (worker) worker.postMessage(msg);
      else void mainEngine().then((e) => e.handle(msg));
    },
    listen(l) {
      listener = l;
    },
    get usesWorker() {
      return worker !== null;
    },
    dispose() {
      worker?.terminate();
      worker = null;
      listener = () => undefined;
    },
  };
}
