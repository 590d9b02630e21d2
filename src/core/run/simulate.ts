/**
 * Simulating a run against sample responses (SEMANTICS.md §3, §5, §6, §7): the requests a spec
 * would send, page by page, and the one reason it stops. Entry of the run/ folder.
 */
import { nestedParams } from '../diagnosticCodes';
import { contentItemsOf } from '../flatten/flatten';
import type { Diagnostic, SampleResponse, SpecModel } from '../types';
import { nextRequest, startRun } from './pagination';
import type { RunOptions, SimulatedRequest, SimulationResult } from './runTypes';

export type { RunOptions, RunState, SimulatedRequest, SimulationResult } from './runTypes';
export { nextRequest, startRun } from './pagination';
export { secretNames } from './auth';
export {
  scheduleParts,
  scheduleRuns,
  type FlowSchedule,
  type RunWindow,
  type ScheduleParts,
} from './schedule';

/** Requests per minute for a delay: 60000 / delay rounded to 1 decimal; null without delay. */
export function requestsPerMinute(delayRequestMillis: number): number | null {
  if (!Number.isFinite(delayRequestMillis) || delayRequestMillis <= 0) return null;
  return Math.round((60000 / delayRequestMillis) * 10) / 10;
}

function pushUnique(into: Diagnostic[], found: Diagnostic[]): void {
  for (const d of found) {
    if (!into.some((x) => x.message === d.message && x.pointer === d.pointer)) into.push(d);
  }
}

/**
 * Runs the spec against `responses` (response i answers request i+1) and returns every request
 * made, the one stop reason, and timing estimates. A run that cannot start stops with
 * `blocked` (its message, zero steps, an error diagnostic). When the responses run out before a
 * stop rule fires, the reason is `samples-exhausted` and `next` holds the request that would
 * come next (with no responses at all, that is request 1). `estimatedDurationMs` =
 * (requests − 1) × delayRequestMillis. Never throws on any SpecModel or JSON response.
 */
export function simulate(
  model: SpecModel,
  options: RunOptions,
  responses: SampleResponse[],
): SimulationResult {
  const delay = Math.max(
    0,
    Number.isFinite(model.pagination.delayRequestMillis) ? model.pagination.delayRequestMillis : 0,
  );
  const diagnostics: Diagnostic[] = [];
  const steps: SimulationResult['steps'] = [];
  let missingInputs: string[] = [];
  const result = (stop: SimulationResult['stop'], next?: SimulatedRequest): SimulationResult => ({
    steps,
    stop,
    ...(next === undefined ? {} : { next }),
    diagnostics,
    missingInputs,
    estimatedDurationMs: Math.max(0, steps.length - 1) * delay,
    requestsPerMinute: requestsPerMinute(delay),
  });

  const started = startRun(model, options);
  if (!started.ok) {
    diagnostics.push({
      severity: 'error',
      pointer: started.pointer,
      message: started.message,
      code: 'run-blocked',
      params: nestedParams('detail', started),
    });
    const coded = started.code === undefined ? {} : { code: started.code, params: started.params ?? {} };
    return result({ reason: 'blocked', message: started.message, ...coded });
  }
  let state = started.state;
  missingInputs = started.state.base.missing;
  let current: SimulatedRequest = started.first;
  for (let i = 0; i < responses.length; i++) {
    const response = responses[i] as SampleResponse;
    const counted = contentItemsOf(model.contentPath, response.body);
    pushUnique(diagnostics, counted.diagnostics);
    steps.push({ ...current, page: i, contentItems: counted.items.length });
    const step = nextRequest(state, response);
    state = step.state;
    if (step.stop) {
      pushUnique(diagnostics, state.diagnostics);
      if (step.stop.reason === 'loop-detected') {
        diagnostics.push({
          severity: 'error',
          pointer: '/sourceSpec/attributes/paginationParams',
          message: step.stop.message,
          code: 'pagination-loop',
          params: loopParams(step.stop.message),
        });
      }
      return result(step.stop);
    }
    if (step.next === undefined) break;
    current = step.next;
  }
  pushUnique(diagnostics, state.diagnostics);
  const message =
    responses.length === 0
      ? 'no sample responses: request 1 is shown as the next request'
      : `the ${responses.length} sample responses ran out before any stop rule fired; request ${state.count} would come next`;
  const exhausted = { count: responses.length, request: state.count };
  return result(
    { reason: 'samples-exhausted', message, code: 'stop-samples-exhausted', params: exhausted },
    current,
  );
}

/** The request number, method and URL named by a `loop-detected` stop message (see nextRequest). */
function loopParams(message: string): { request: string; method: string; url: string } {
  const m = /^request (\d+) \((\S+) (.*)\) repeats an earlier request/s.exec(message);
  return { request: m?.[1] ?? '', method: m?.[2] ?? '', url: m?.[3] ?? '' };
}
