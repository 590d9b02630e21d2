/**
 * Pagination as a step function (SEMANTICS.md §5): `startRun` builds request 1, `nextRequest`
 * reads response k and returns request k+1 or the one reason the run stops.
 */
import { nestedParams } from '../diagnosticCodes';
import type { HttpRequest, SampleResponse, SpecModel } from '../types';
import { composeRequest } from './compose';
import { decide, pageParts } from './decide';
import { buildBase, type Fail } from './requests';
import type { RunOptions, RunState, RunStop, SimulatedRequest } from './runTypes';

const PAGINATION = '/sourceSpec/attributes/paginationParams';

/** The identity of a request for loop detection: method, URL and headers (in order). */
export function requestKey(r: HttpRequest): string {
  return JSON.stringify([r.method, r.url, Object.entries(r.headers)]);
}

/**
 * Starts a run: validates `maximumRequest` and renders request 1 (spec query, schedule and
 * pagination parameters; headers; body). When the run cannot start (undeclared placeholder,
 * missing value without default, bad host, unknown auth, bad date format) returns `ok:false`
 * with the message and a pointer into the spec; nothing with a literal `${x}` is ever built.
 */
export function startRun(
  model: SpecModel,
  options: RunOptions = {},
): { ok: true; state: RunState; first: SimulatedRequest } | Fail {
  const p = model.pagination;
  if (!Number.isInteger(p.maximumRequest) || p.maximumRequest < 1) {
    const message = `paginationParams.maximumRequest must be a whole number of at least 1, not ${p.maximumRequest}`;
    const params = { value: String(p.maximumRequest) };
    return {
      ok: false,
      message,
      pointer: `${PAGINATION}/maximumRequest`,
      code: 'run-maximum-request',
      params,
    };
  }
  const built = buildBase(model, options);
  if (!built.ok) return built;
  const position = p.type === 'PAGE' ? p.initialPageIndex : 0;
  const first = composeRequest(built.base, pageParts(p, position));
  if ('problem' in first) return { ok: false, ...first.coded, pointer: PAGINATION };
  const state: RunState = {
    model,
    base: built.base,
    count: 1,
    position,
    last: first,
    seen: new Set([requestKey(first.request)]),
    diagnostics: [...built.base.diagnostics],
  };
  return { ok: true, state, first };
}

/**
 * Reads response k and returns request k+1, or why the run stops: the type's own rule first
 * (`single-request`, `end-condition`, `short-page`, `end-page`, `no-pointer`, `no-token`), then
 * `max-requests` once `maximumRequest` requests were made, then `loop-detected` when request
 * k+1 equals an earlier one (method, URL, headers). Never throws on any JSON response.
 */
export function nextRequest(
  state: RunState,
  response: SampleResponse,
): { state: RunState; next?: SimulatedRequest; stop?: RunStop } {
  const step = decide(state, response);
  if ('stop' in step) return { state, stop: step.stop };
  const max = state.model.pagination.maximumRequest;
  if (state.count >= max) {
    const message = `reached maximumRequest (${max} requests)`;
    return { state, stop: { reason: 'max-requests', message, code: 'stop-max-requests', params: { max } } };
  }
  const next = composeRequest(state.base, step.parts);
  if ('problem' in next) {
    const reason = state.model.pagination.type === 'CONTINUATION_TOKEN' ? 'no-token' : 'no-pointer';
    const message = `response ${state.count}: request ${state.count + 1} is not built: ${next.problem}`;
    const params = {
      response: state.count,
      request: state.count + 1,
      ...nestedParams('problem', next.coded),
    };
    return { state, stop: { reason, message, code: 'stop-not-built', params } };
  }
  const key = requestKey(next.request);
  if (state.seen.has(key)) {
    const message = `request ${state.count + 1} (${next.display.method} ${next.display.url}) repeats an earlier request: the spec would loop forever against this API`;
    const params = { request: state.count + 1, method: next.display.method, url: next.display.url };
    return { state, stop: { reason: 'loop-detected', message, code: 'stop-loop', params } };
  }
  state.seen.add(key);
  return { state: { ...state, count: state.count + 1, position: step.position, last: next }, next };
}
