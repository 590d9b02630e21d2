import { loadRegexEngine } from '@core';
import { t } from '../i18n';
import type { CaseRunResult, CasesRequest, CasesResponse, StoredCase } from './casesProtocol';
import { createWatchdog, stoppedMessage, WORKER_STEP_BUDGET_MS } from './watchdog';
import { specFromPayload, type SpecPayload } from './specPayload';

export type { CaseRunResult, StoredCase } from './casesProtocol';

/** The answer to one run: the results for `revision`, or why there are none. */
export type CasesRun =
  | { ok: true; revision: number; results: CaseRunResult[]; ms: number }
  | { ok: false; revision: number; message: string };

export interface CasesClient {
  /**
   * Runs `cases` against the spec (tagged with `revision`). Resolves with the outcome, or with null when
   * a newer run superseded this one (the stale result is dropped, never shown).
   */
  run(spec: SpecPayload, revision: number, cases: StoredCase[]): Promise<CasesRun | null>;
  /** Runs without superseding (saving a case): its own answer, never dropped. */
  runOnce(spec: SpecPayload, cases: StoredCase[]): Promise<CasesRun>;
  dispose(): void;
}

type WorkerFactory = () => Worker;

const defaultFactory: WorkerFactory = () =>
  new Worker(new URL('./cases.worker.ts', import.meta.url), { type: 'module', name: 'cases' });

/**
 * A client of the cases worker: correlates answers by id, drops superseded runs, and restarts a
 * worker that stays silent past `budgetMs` (that run is answered with a message saying so). Where
 * `Worker` is missing (unit tests, Node) it runs core on the main thread.
 */
export function createCasesClient(
  factory: WorkerFactory | null = defaultFactory,
  budgetMs = WORKER_STEP_BUDGET_MS,
): CasesClient {
  let worker: Worker | null = null;
  /** The cases array the current worker keeps (the store's arrays are replaced, never changed). */
  let keptByWorker: StoredCase[] | null = null;
  const start = (): void => {
    worker = null;
    keptByWorker = null;
    if (!factory || typeof Worker === 'undefined') return;
    try {
      worker = factory();
    } catch {
      worker = null;
    }
    if (worker) attach(worker);
  };
  let nextId = 0;
  let latest = 0;
  const waiting = new Map<
    number,
    { revision: number; once: boolean; resolve: (r: CasesRun | null) => void }
  >();

  const answer = (id: number, run: CasesRun): void => {
    const w = waiting.get(id);
    if (!w) return;
    waiting.delete(id);
    w.resolve(w.once || id === latest ? run : null);
  };

  // The worker is stuck (a run past the budget): replace it, and answer every run waiting on it with a
  // message saying so (they were queued behind the stuck one; none is re-run on the main thread).
  const onStuck = (): void => {
    watchdog.reset();
    worker?.terminate();
    const pending = [...waiting.entries()];
    waiting.clear();
    start();
    const message = stoppedMessage(t('engine.step.cases'), 'cases', budgetMs);
    for (const [id, w] of pending)
      w.resolve(w.once || id === latest ? { ok: false, revision: w.revision, message } : null);
  };
  const watchdog = createWatchdog(onStuck, budgetMs);

  function attach(w: Worker): void {
    w.onmessage = (e: MessageEvent<CasesResponse>) => {
      const msg = e.data;
      watchdog.answered(msg.id);
      const revision = waiting.get(msg.id)?.revision ?? 0;
      if (msg.kind === 'run')
        answer(msg.id, { ok: true, revision: msg.revision, results: msg.results, ms: msg.ms });
      else
        answer(msg.id, { ok: false, revision, message: t('engine.cases.failed', { message: msg.message }) });
    };
    w.onerror = () => {
      worker = null;
      keptByWorker = null;
      watchdog.reset();
      for (const [id, entry] of waiting)
        entry.resolve(
          entry.once || id === latest
            ? { ok: false, revision: entry.revision, message: t('engine.cases.workerFailed') }
            : null,
        );
      waiting.clear();
    };
  }
  start();

  const mainThread = (msg: CasesRequest): Promise<CasesResponse> =>
    Promise.all([import('./casesEngine'), loadRegexEngine()]).then(([{ runCases }]) => {
      const t0 = performance.now();
      try {
        const results = runCases(specFromPayload(msg.spec), msg.cases ?? []);
        return { kind: 'run', id: msg.id, revision: msg.revision, results, ms: performance.now() - t0 };
      } catch (err) {
        return { kind: 'error', id: msg.id, message: err instanceof Error ? err.message : String(err) };
      }
    });

  const send = (spec: SpecPayload, revision: number, cases: StoredCase[], once: boolean) => {
    const id = ++nextId;
    if (!once) {
      latest = id;
      for (const [wid, w] of waiting)
        if (!w.once && wid < id) {
          waiting.delete(wid);
          w.resolve(null);
        }
    }
    return new Promise<CasesRun | null>((resolve) => {
      waiting.set(id, { revision, once, resolve });
      if (worker) {
        const reuse = !once && cases === keptByWorker;
        if (!once) keptByWorker = cases;
        watchdog.posted(id);
        worker.postMessage({
          kind: 'run',
          id,
          revision,
          spec,
          cases: reuse ? null : cases,
          keep: !once,
        } satisfies CasesRequest);
      } else {
        void mainThread({ kind: 'run', id, revision, spec, cases, keep: false }).then((r) =>
          answer(
            id,
            r.kind === 'run'
              ? { ok: true, revision: r.revision, results: r.results, ms: r.ms }
              : { ok: false, revision, message: t('engine.cases.failed', { message: r.message }) },
          ),
        );
      }
    });
  };

  return {
    run: (spec, revision, cases) => send(spec, revision, cases, false),
    runOnce: (spec, cases) => send(spec, -1, cases, true) as Promise<CasesRun>,
    dispose() {
      worker?.terminate();
      worker = null;
      watchdog.reset();
      for (const [, w] of waiting) w.resolve(null);
      waiting.clear();
    },
  };
}
