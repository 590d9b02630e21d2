import { loadRegexEngine, type Diagnostic, type JsonValue } from '@core';
import { t } from '../i18n';
import type { ValidateRequest, ValidateResponse } from './protocol';
import { packLocations, rememberLocations } from './validateLocations';
import { createWatchdog, stoppedMessage, WORKER_STEP_BUDGET_MS } from './watchdog';

export interface ValidationResult {
  revision: number;
  diagnostics: Diagnostic[];
}

export interface ValidateClient {
  /**
   * Validates `doc` (tagged with `revision`). Resolves with the result, or with null when a newer
   * request superseded this one before it finished (the stale result is dropped, never shown). With
   * `text` (the JSON text of `doc`), the result's diagnostics are also located in it, off the main
   * thread (`locationsIn` of validateLocations.ts).
   */
  validate(doc: JsonValue, revision: number, text?: string): Promise<ValidationResult | null>;
  /** How long the last validation that finished took to compute (ms; 0 before the first). */
  lastMs(): number;
  dispose(): void;
}

type WorkerFactory = () => Worker;

/** The default worker, bundled by Vite. */
const defaultFactory: WorkerFactory = () =>
  new Worker(new URL('./validate.worker.ts', import.meta.url), { type: 'module', name: 'validate' });

/**
 * The diagnostic that replaces the result of a validation the watchdog stopped. Its message is the
 * app's own, written in the language current when it is made (no core code renders it).
 */
export function validationStopped(budgetMs = WORKER_STEP_BUDGET_MS): Diagnostic {
  return {
    severity: 'error',
    pointer: '',
    code: 'worker-timeout',
    message: `${stoppedMessage(t('engine.step.validate'), 'validation', budgetMs)} ${t('engine.validate.incomplete')}`,
  };
}

/** The diagnostic of a validation that threw (a bug): `message` is the error's own text. */
function validationFailed(message: string): Diagnostic {
  return {
    severity: 'error',
    pointer: '',
    message: t('engine.validate.failed', { message }),
    code: 'internal',
  };
}

/**
 * Creates a client that runs validation in a worker, correlates answers by id and drops superseded
 * ones. Where `Worker` is missing (tests, Node) or fails to start, it calls core on the main thread.
 * A validation that runs past `budgetMs` is stopped: the worker is terminated and a fresh one started,
 * and the result is one `worker-timeout` error saying so (never a rerun on the main thread).
 */
export function createValidateClient(
  factory: WorkerFactory | null = defaultFactory,
  budgetMs = WORKER_STEP_BUDGET_MS,
): ValidateClient {
  let worker: Worker | null = null;
  if (factory && typeof Worker !== 'undefined') {
    try {
      worker = factory();
    } catch {
      worker = null;
    }
  }
  let nextId = 0;
  let lastMs = 0;
  let latest = 0;
  let last: { doc: JsonValue; revision: number; text?: string } | null = null;
  const waiting = new Map<number, (r: ValidationResult | null) => void>();
  const posted = new Map<number, ValidateRequest>();

  const settleStale = (id: number): void => {
    for (const [wid, resolve] of waiting) {
      if (wid < id) {
        waiting.delete(wid);
        resolve(null);
      }
    }
  };

  // Core's validate (ajv and the spec schemas) is loaded only when the fallback first runs, so it
  // never sits in the entry chunk; the regex engine is awaited too, so JSONPath match()/search() in
  // the spec are checked, not reported as "still loading".
  let validation: Promise<typeof import('./runValidation')> | null = null;
  const loadValidation = () =>
    (validation ??= Promise.all([import('./runValidation'), loadRegexEngine()]).then(([m]) => m));

  const mainThread = (
    doc: JsonValue,
    revision: number,
    id: number,
    text?: string,
  ): Promise<ValidationResult | null> =>
    new Promise((resolve) => {
      // Yield first so a burst of requests only computes the last one.
      setTimeout(() => {
        if (id !== latest) return resolve(null);
        const failed = (err: unknown): Diagnostic[] => [validationFailed(String(err))];
        loadValidation().then(
          ({ runValidation }) => {
            if (id !== latest) return resolve(null);
            let diagnostics: Diagnostic[];
            const t0 = performance.now();
            try {
              diagnostics = runValidation(doc);
              if (text !== undefined) rememberLocations(diagnostics, text, packLocations(text, diagnostics));
            } catch (err) {
              diagnostics = failed(err);
            }
            lastMs = performance.now() - t0;
            resolve(id === latest ? { revision, diagnostics } : null);
          },
          (err: unknown) => resolve(id === latest ? { revision, diagnostics: failed(err) } : null),
        );
      }, 0);
    });

  const post = (w: Worker, msg: ValidateRequest): void => {
    posted.set(msg.id, msg);
    watchdog.posted(msg.id);
    w.postMessage(msg);
  };

  // The worker is stuck on its oldest request: replace it, answer that request with a diagnostic that
  // says so, and send the newest request (if it was queued behind) to the fresh worker.
  const onStuck = (): void => {
    const stuck = watchdog.oldest();
    watchdog.reset();
    worker?.terminate();
    worker = null;
    const queued = [...posted.values()];
    posted.clear();
    try {
      if (factory) worker = factory();
    } catch {
      worker = null;
    }
    if (worker) attach(worker);
    for (const msg of queued) {
      const resolve = waiting.get(msg.id);
      if (!resolve) continue;
      if (msg.id === stuck || !worker) {
        waiting.delete(msg.id);
        resolve(
          msg.id === latest ? { revision: msg.revision, diagnostics: [validationStopped(budgetMs)] } : null,
        );
      } else post(worker, msg);
    }
  };
  const watchdog = createWatchdog(onStuck, budgetMs);

  const attach = (w: Worker): void => {
    w.onmessage = (e: MessageEvent<ValidateResponse>) => {
      const msg = e.data;
      const text = posted.get(msg.id)?.text;
      posted.delete(msg.id);
      watchdog.answered(msg.id);
      if (msg.type === 'diagnostics') lastMs = msg.ms;
      const resolve = waiting.get(msg.id);
      if (!resolve) return;
      waiting.delete(msg.id);
      if (msg.id !== latest) return resolve(null);
      if (msg.type === 'diagnostics') {
        if (text !== undefined && msg.locations) rememberLocations(msg.diagnostics, text, msg.locations);
        resolve({ revision: msg.revision, diagnostics: msg.diagnostics });
      } else
        resolve({
          revision: msg.revision,
          diagnostics: [validationFailed(msg.message)],
        });
    };
    w.onerror = () => {
      // The worker died (e.g. blocked by CSP): fall back to the main thread for good. (A worker that is
      // merely slow is the watchdog's case: replaced, never moved to the main thread.)
      worker = null;
      watchdog.reset();
      posted.clear();
      for (const [id, resolve] of waiting) {
        if (id === latest && last) void mainThread(last.doc, last.revision, id, last.text).then(resolve);
        else resolve(null);
      }
      waiting.clear();
    };
  };
  if (worker) attach(worker);

  return {
    validate(doc, revision, text) {
      const id = ++nextId;
      latest = id;
      last = { doc, revision, text };
      settleStale(id);
      if (!worker) return mainThread(doc, revision, id, text);
      const w = worker;
      return new Promise((resolve) => {
        waiting.set(id, resolve);
        post(
          w,
          text === undefined
            ? { type: 'validate', id, revision, doc }
            : { type: 'validate', id, revision, text },
        );
      });
    },
    lastMs: () => lastMs,
    dispose() {
      worker?.terminate();
      worker = null;
      watchdog.reset();
      posted.clear();
      for (const [, resolve] of waiting) resolve(null);
      waiting.clear();
    },
  };
}
