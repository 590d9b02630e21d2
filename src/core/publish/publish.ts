/**
 * Publishing a connection spec to Adobe (issue 11 §3), as a step driver that sends through the
 * caller's `LiveSend` (the local server's `/api/fetch` in the app, a fake in tests; the core sends
 * nothing itself): 1) `POST /connectionSpecs`, or `PUT /connectionSpecs/{id}` for a spec that
 * already has an id; 2) `GET` of the `RestStorageToAEP` flow spec; 3) `PUT` of that flow spec with
 * the id appended (skipped when it is there already). Stops at the first failure with Adobe's own
 * message. Also `openFromAdobe`: `GET /connectionSpecs/{id}`.
 */
import { ADOBE, addToFlowSpec } from '../adobe/calls';
import { parseJson } from '../json/parseJson';
import type { LiveAbortSignal, LiveSend } from '../run/liveTypes';
import { detectDocumentKind } from '../spec/documentKind';
import type { JsonObject, JsonValue } from '../types';
import { callerFor, connectionSpecIdOf, isObject, kindParams, unwrapItems } from './adobeCall';
import {
  SERVER_SET_FIELDS,
  type Publish,
  type PublishOptions,
  type PublishResult,
  type PublishStep,
  type StartProblem,
} from './publishTypes';

export { adobeErrorMessage, adobeHint, MAX_ADOBE_MESSAGE_CHARS } from './adobeError';
export { connectionSpecIdOf, missingCredentials, publishSecrets } from './adobeCall';
export { openFromAdobe } from './openFromAdobe';
export * from './publishTypes';

/** The spec to publish: its body text and its value, or why it cannot be published. */
function readSpec(spec: string | JsonValue): { ok: true; body: string; value: JsonObject } | StartProblem {
  let value: JsonValue;
  let body: string | undefined;
  if (typeof spec === 'string') {
    const r = parseJson(spec, { positions: false });
    if (!r.ok)
      return {
        ok: false,
        message: `the spec is not valid JSON (line ${r.error.line}): fix it first`,
        code: 'invalid-json',
        params: { line: r.error.line },
      };
    value = r.value;
    body = spec;
  } else value = spec;
  const kind = detectDocumentKind(value);
  if (kind.kind === 'items-wrapper' && kind.inner && isObject(kind.inner.value))
    return { ok: true, body: JSON.stringify(kind.inner.value, null, 2), value: kind.inner.value };
  if (kind.kind !== 'connection-spec' || !isObject(value))
    return {
      ok: false,
      message: `only a connection spec can be published: ${kind.message}`,
      code: 'not-connection-spec',
      params: { why: kind.message, ...kindParams(kind, value) },
    };
  return { ok: true, body: body ?? JSON.stringify(value, null, 2), value };
}

/** The spec without its server-set fields (a spec that came from Adobe, or was published before). */
function withoutServerFields(value: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(value))
    if (!(SERVER_SET_FIELDS as readonly string[]).includes(k)) out[k] = v;
  return out;
}

/**
 * Starts publishing `spec` (the text as the user has it, sent verbatim, or a value; Adobe's
 * `{"items":[spec]}` wrapper is unwrapped): nothing is sent until `step()`. Returns an error value
 * instead when it cannot start: a credential missing, a bad base URL, a text that is not JSON or a
 * document that is not a connection spec. With `existingId` step 1 is a `PUT` of the complete spec
 * to `/connectionSpecs/{existingId}`, without it a `POST`; either body leaves out the server-set
 * fields (`id`, audit fields), as Adobe's own update request does, and is the text as written when
 * it has none.
 */
export function startPublish(
  spec: string | JsonValue,
  options: PublishOptions,
  send: LiveSend,
): { ok: true; publish: Publish } | StartProblem {
  const made = callerFor(options, send);
  if (!made.ok) return made;
  const caller = made.caller;
  const read = readSpec(spec);
  if (!read.ok) return { ...read, message: `${read.message}: nothing was sent` };
  const existingId = options.existingId?.trim() || undefined;
  const method = existingId === undefined ? 'POST' : 'PUT';
  const hasServerFields = SERVER_SET_FIELDS.some((k) => Object.hasOwn(read.value, k));
  // Adobe's own update request (examples/…update-request.json) carries no server-set fields: the id
  // goes in the URL of the PUT, the audit fields are the server's.
  const body = hasServerFields ? JSON.stringify(withoutServerFields(read.value), null, 2) : read.body;
  let steps: PublishStep[] = [
    {
      id: 'connection-spec',
      title: method === 'POST' ? 'Create the connection spec' : `Update connection spec ${existingId}`,
      state: 'pending',
      message: '',
    },
    { id: 'flow-spec-get', title: 'Read the RestStorageToAEP flow spec', state: 'pending', message: '' },
    { id: 'flow-spec-put', title: 'Add the id to the flow spec', state: 'pending', message: '' },
  ];
  let id: string | null = null;
  let flowSpec: JsonObject | null = null;
  let failed = false;

  const finished = (): boolean => failed || steps.every((s) => s.state === 'done' || s.state === 'skipped');

  const run = async (step: PublishStep, signal?: LiveAbortSignal): Promise<void> => {
    if (step.id === 'connection-spec') {
      const path =
        method === 'POST' ? '/connectionSpecs' : `/connectionSpecs/${encodeURIComponent(existingId ?? '')}`;
      const r = await caller.call(step, method, path, body, 'connection-spec', signal);
      if (!r.ok) return;
      const got = connectionSpecIdOf(unwrapItems(r.value));
      if (method === 'POST' && got === undefined) {
        step.state = 'failed';
        step.message = `${r.status}, but Adobe's answer has no connection spec id`;
        step.code = 'no-spec-id';
        step.params = { status: r.status };
        step.hint = 'check the base URL: it should be Adobe Experience Platform (https://platform.adobe.io)';
        step.hintCode = 'base-url';
        return;
      }
      id = method === 'POST' ? (got ?? null) : (existingId ?? null);
      step.state = 'done';
      step.message = method === 'POST' ? `${r.status} created: id ${id}` : `${r.status} updated: id ${id}`;
      step.code = method === 'POST' ? 'created' : 'updated';
      step.params = { status: r.status, id: id ?? '' };
      return;
    }
    if (step.id === 'flow-spec-get') {
      const r = await caller.call(
        step,
        'GET',
        `/flowSpecs/${ADOBE.flowSpecId}`,
        undefined,
        'flow-spec',
        signal,
      );
      if (!r.ok) return;
      const spec = unwrapItems(r.value);
      if (spec === undefined) {
        step.state = 'failed';
        step.message = `${r.status}, but Adobe's answer holds no flow spec`;
        step.code = 'no-flow-spec';
        step.params = { status: r.status };
        step.hint = 'check the base URL and the sandbox';
        step.hintCode = 'base-url-sandbox';
        return;
      }
      flowSpec = spec;
      const ids = spec['sourceConnectionSpecIds'];
      const n = Array.isArray(ids) ? ids.length : 0;
      step.state = 'done';
      step.message = `${r.status}: ${n} source connection spec${n === 1 ? '' : 's'} listed`;
      step.code = 'sources-listed';
      step.params = { status: r.status, count: n };
      return;
    }
    if (flowSpec === null || id === null) return;
    const added = addToFlowSpec(flowSpec, id);
    if (!added.changed) {
      step.state = 'skipped';
      step.message = `already there: ${id} is in sourceConnectionSpecIds`;
      step.code = 'already-there';
      step.params = { id };
      return;
    }
    const r = await caller.call(
      step,
      'PUT',
      `/flowSpecs/${ADOBE.flowSpecId}`,
      JSON.stringify(added.flowSpec, null, 2),
      'flow-spec',
      signal,
    );
    if (!r.ok) return;
    step.state = 'done';
    step.message = `${r.status}: ${id} added to sourceConnectionSpecIds`;
    step.code = 'id-added';
    step.params = { status: r.status, id };
  };

  const publish: Publish = {
    get steps() {
      return steps;
    },
    get connectionSpecId() {
      return id;
    },
    method,
    get finished() {
      return finished();
    },
    get failed() {
      return failed;
    },
    async step(signal) {
      const index = steps.findIndex((s) => s.state === 'pending');
      const current = steps[index];
      if (finished() || current === undefined) return steps;
      const working: PublishStep = { ...current, state: 'running' };
      await run(working, signal);
      if (working.state === 'running') working.state = 'failed';
      if (working.state === 'failed') failed = true;
      steps = steps.map((s, i) => (i === index ? working : s));
      return steps;
    },
  };
  return { ok: true, publish };
}

/**
 * Runs every step of publishing (see `startPublish`), telling `onProgress` the steps before each
 * call and after it, and stops at the first failure. Never throws.
 */
export async function publishSteps(
  spec: string | JsonValue,
  options: PublishOptions,
  send: LiveSend,
  onProgress?: (steps: readonly PublishStep[]) => void,
  signal?: LiveAbortSignal,
): Promise<PublishResult> {
  const started = startPublish(spec, options, send);
  if (!started.ok)
    return {
      ok: false,
      connectionSpecId: null,
      method: options.existingId ? 'PUT' : 'POST',
      steps: [],
      message: started.message,
      code: started.code,
      params: started.params,
    };
  const p = started.publish;
  while (!p.finished) {
    const next = p.steps.findIndex((s) => s.state === 'pending');
    onProgress?.(p.steps.map((s, i) => (i === next ? { ...s, state: 'running' as const } : s)));
    await p.step(signal);
    onProgress?.(p.steps);
  }
  const failedStep = p.steps.find((s) => s.state === 'failed');
  return {
    ok: !p.failed,
    connectionSpecId: p.connectionSpecId,
    method: p.method,
    steps: [...p.steps],
    message: failedStep
      ? `${failedStep.title} failed: ${failedStep.message}`
      : `Published: connection spec ${p.connectionSpecId} (${p.method === 'POST' ? 'created' : 'updated'}) is in the RestStorageToAEP flow spec.`,
  };
}
