import type { Diagnostic, JsonValue } from '@core';
import type { ValidateRequest, ValidateResponse } from './protocol';

export interface ValidationResult {
  revision: number;
  diagnostics: Diagnostic[];
}

export interface ValidateClient {
  /**
   * Validates `doc` (tagged with `revision`). Resolves with the result, or with null when a newer
   * request superseded this one before it finished (the stale result is dropped, never shown).
   */
  validate(doc: JsonValue, revision: number): Promise<ValidationResult | null>;
  dispose(): void;
}

type WorkerFactory = () => Worker;

/** The default worker, bundled by Vite. */
const defaultFactory: WorkerFactory = () =>
  new Worker(new URL('./validate.worker.ts', import.meta.url), { type: 'module', name: 'validate' });

/**
 * Creates a client that runs validation in a worker, correlates answers by id and drops superseded
 * ones. Where `Worker` is missing (tests, Node) or fails to start, it calls core on the main thread.
 */
export function createValidateClient(factory: WorkerFactory | null = defaultFactory): ValidateClient {
  let worker: Worker | null = null;
  if (factory && typeof Worker !== 'undefined') {
    try {
      worker = factory();
    } catch {
      worker = null;
    }
  }
  let nextId = 0;
  let latest = 0;
  let last: { doc: JsonValue; revision: number } | null = null;
  const waiting = new Map<number, (r: ValidationResult | null) => void>();

  const settleStale = (id: number): void => {
    for (const [wid, resolve] of waiting) {
      if (wid < id) {
        waiting.delete(wid);
        resolve(null);
      }
    }
  };

  // Core's validate (ajv and the spec schemas) is loaded only when the fallback first runs, so it
  // never sits in the entry chunk.
  let validation: Promise<typeof import('./runValidation')> | null = null;
  const loadValidation = () => (validation ??= import('./runValidation'));

  const mainThread = (doc: JsonValue, revision: number, id: number): Promise<ValidationResult | null> =>
    new Promise((resolve) => {
      // Yield first so a burst of requests only computes the last one.
      setTimeout(() => {
        if (id !== latest) return resolve(null);
        const failed = (err: unknown): Diagnostic[] => [
          { severity: 'error', pointer: '', message: `Validation failed: ${String(err)}`, code: 'internal' },
        ];
        loadValidation().then(
          ({ runValidation }) => {
            if (id !== latest) return resolve(null);
            let diagnostics: Diagnostic[];
            try {
              diagnostics = runValidation(doc);
            } catch (err) {
              diagnostics = failed(err);
            }
            resolve(id === latest ? { revision, diagnostics } : null);
          },
          (err: unknown) => resolve(id === latest ? { revision, diagnostics: failed(err) } : null),
        );
      }, 0);
    });

  if (worker) {
    const w = worker;
    w.onmessage = (e: MessageEvent<ValidateResponse>) => {
      const msg = e.data;
      const resolve = waiting.get(msg.id);
      if (!resolve) return;
      waiting.delete(msg.id);
      if (msg.id !== latest) return resolve(null);
      if (msg.type === 'diagnostics') resolve({ revision: msg.revision, diagnostics: msg.diagnostics });
      else
        resolve({
          revision: msg.revision,
          diagnostics: [
            {
              severity: 'error',
              pointer: '',
              message: `Validation failed: ${msg.message}`,
              code: 'internal',
            },
          ],
        });
    };
    w.onerror = () => {
      // The worker died (e.g. blocked by CSP): fall back to the main thread for good.
      worker = null;
      for (const [id, resolve] of waiting) {
        if (id === latest && last) void mainThread(last.doc, last.revision, id).then(resolve);
        else resolve(null);
      }
      waiting.clear();
    };
  }

  return {
    validate(doc, revision) {
      const id = ++nextId;
      latest = id;
      last = { doc, revision };
      settleStale(id);
      if (!worker) return mainThread(doc, revision, id);
      const w = worker;
      return new Promise((resolve) => {
        waiting.set(id, resolve);
        const msg: ValidateRequest = { type: 'validate', id, revision, doc };
        w.postMessage(msg);
      });
    },
    dispose() {
      worker?.terminate();
      worker = null;
      for (const [, resolve] of waiting) resolve(null);
      waiting.clear();
    },
  };
}
