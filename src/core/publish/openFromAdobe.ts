/** Open from Adobe: `GET /connectionSpecs/{id}` through the caller's `LiveSend`. */
import type { LiveAbortSignal, LiveSend } from '../run/liveTypes';
import { detectDocumentKind } from '../spec/documentKind';
import { callerFor, kindParams, unwrapItems } from './adobeCall';
import type { OpenFromAdobeResult, PublishOptions, PublishStep } from './publishTypes';

/**
 * `GET /connectionSpecs/{id}` → the connection spec (Adobe's `{"items":[spec]}` unwrapped), as a
 * value and as text (2-space JSON with its server-set fields kept, so a later publish is a PUT).
 * An empty `items`, an answer that is not a connection spec, a failure (Adobe's message) are error
 * values. Never throws.
 */
export async function openFromAdobe(
  id: string,
  options: Omit<PublishOptions, 'existingId'>,
  send: LiveSend,
  signal?: LiveAbortSignal,
): Promise<OpenFromAdobeResult> {
  const wanted = id.trim();
  if (wanted === '')
    return {
      ok: false,
      message: 'give the connection spec id first: nothing was sent',
      code: 'no-id',
      params: {},
    };
  const made = callerFor(options, send);
  if (!made.ok) return made;
  const caller = made.caller;
  const step: PublishStep = {
    id: 'connection-spec',
    title: `Read connection spec ${wanted}`,
    state: 'running',
    message: '',
  };
  const r = await caller.call(
    step,
    'GET',
    `/connectionSpecs/${encodeURIComponent(wanted)}`,
    undefined,
    'open',
    signal,
  );
  if (!r.ok) return { ok: false, message: step.message, ...(step.hint ? { hint: step.hint } : {}), step };
  const spec = unwrapItems(r.value);
  const kind = spec === undefined ? null : detectDocumentKind(spec);
  if (spec === undefined || kind?.kind !== 'connection-spec') {
    step.state = 'failed';
    step.message =
      spec === undefined
        ? `${r.status}, but Adobe's answer holds no connection spec (no item with id ${wanted})`
        : `${r.status}, but the answer is not a connection spec: ${kind?.message ?? ''}`;
    step.code = spec === undefined ? 'open-no-spec' : 'open-not-a-spec';
    step.params =
      spec === undefined
        ? { status: r.status, id: wanted }
        : { status: r.status, why: kind?.message ?? '', ...(kind ? kindParams(kind, spec) : {}) };
    step.hintCode = 'id-sandbox';
    return { ok: false, message: step.message, hint: 'check the id and the sandbox', step };
  }
  step.state = 'done';
  step.message = `${r.status}: ${typeof spec['name'] === 'string' ? `“${spec['name']}”` : 'the spec'} read`;
  if (typeof spec['name'] === 'string') {
    step.code = 'spec-read';
    step.params = { status: r.status, name: spec['name'] };
  } else {
    step.code = 'spec-read-unnamed';
    step.params = { status: r.status };
  }
  return { ok: true, spec, text: `${JSON.stringify(spec, null, 2)}\n`, step };
}
