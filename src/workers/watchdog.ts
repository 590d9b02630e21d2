/**
 * The workers' watchdog: a worker that has work and stays silent (no answer, no progress report) for
 * longer than its budget is stuck (a runaway query, a pathological sample). The client then terminates
 * it, starts a fresh one and tells the user which step was stopped. The stuck work is never re-run,
 * and never moved to the main thread (that would freeze the page instead of the worker).
 *
 * Main thread only (the clients): the messages are written in the chosen language.
 */
import { t } from '../i18n';
import { formatNumber } from '../i18n/format';

/**
 * How long a worker may work on one step without answering or reporting progress before it is
 * terminated and restarted. Generous: the heaviest legitimate step (flattening a 50 MB sample) takes
 * about 2 s on a slow laptop.
 */
export const WORKER_STEP_BUDGET_MS = 10_000;

/** The workers that have a watchdog. */
export type WatchedWorker = 'preview' | 'validation' | 'cases';

/**
 * The sentence shown when a step was stopped, e.g. "Flattening the sample pages was stopped after
 * 10 s: …", in the current language. `step` names the step in that language (`engine.step.*`).
 */
export function stoppedMessage(
  step: string,
  worker: WatchedWorker,
  budgetMs = WORKER_STEP_BUDGET_MS,
): string {
  const seconds = formatNumber(Math.round(budgetMs / 100) / 10);
  return t('engine.worker.stopped', { step, worker, seconds });
}

/** Tracks the requests one worker has not answered yet and fires when it stays silent too long. */
export interface Watchdog {
  /** A request was posted: the clock runs while any request is unanswered. */
  posted(id: number): void;
  /** The worker reported progress on a step: the clock starts again. */
  progress(): void;
  /** The worker answered `id`. */
  answered(id: number): void;
  /** The oldest unanswered request (the one the worker is most likely stuck on). */
  oldest(): number | undefined;
  /** Forgets everything and stops the clock (after a restart or on dispose). */
  reset(): void;
}

/** Creates a watchdog that calls `onStuck` once the worker has been silent for `budgetMs` with work. */
export function createWatchdog(onStuck: () => void, budgetMs = WORKER_STEP_BUDGET_MS): Watchdog {
  const open = new Set<number>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const stop = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const restart = (): void => {
    stop();
    if (open.size > 0)
      timer = setTimeout(() => {
        timer = null;
        onStuck();
      }, budgetMs);
  };
  return {
    posted(id) {
      open.add(id);
      if (timer === null) restart();
    },
    progress: restart,
    answered(id) {
      if (open.delete(id)) restart();
    },
    oldest: () => (open.size > 0 ? Math.min(...open) : undefined),
    reset() {
      open.clear();
      stop();
    },
  };
}
