/**
 * The verification flow (issue 11 §2, FORMAT.md §6.3 and §7) as one model: the ordered calls from
 * `POST /connectionSpecs` to polling the flow's runs, each with its method, path, query, body template
 * and the ids it captures, and the variables they use. The Postman collection (postman.ts) and the
 * shell script (flowScript.ts) are both written from this model, so they send the same calls.
 */
import { flowSteps } from './flowSteps';
import { SERVER_FIELDS, type FlowChainResult, type FlowFrequency, type FlowOptions } from './flowTypes';
import { flowVariables, isObj, propertyVariables } from './flowVariables';
import { suggestSource } from '../kit/source';
import { redactSecrets, secretValuePointers } from '../spec/secrets';
import type { JsonObject, JsonValue } from '../types';

export * from './flowTypes';
export { flowEnvName } from './flowVariables';

type Failed = Extract<FlowChainResult, { ok: false }>;

/** The spec object inside `specText` (Adobe's `{"items":[spec]}` unwrapped, `wrapped`), or why not. */
function readSpec(specText: string): { spec: JsonObject; wrapped: boolean } | Failed {
  let doc: JsonValue;
  try {
    doc = JSON.parse(specText.replace(/^\uFEFF/, '')) as JsonValue;
  } catch (e) {
    const error = (e as Error).message;
    return {
      ok: false,
      message: `The spec is not valid JSON: ${error}`,
      code: 'invalid-json',
      params: { error },
    };
  }
  if (isObj(doc) && !('authSpec' in doc) && Array.isArray(doc.items) && doc.items.length === 1) {
    const inner = doc.items[0];
    if (isObj(inner)) return { spec: inner, wrapped: true };
  }
  if (!isObj(doc))
    return { ok: false, message: 'The spec is not a JSON object', code: 'not-object', params: {} };
  return { spec: doc, wrapped: false };
}

/**
 * The body of `POST /connectionSpecs`: the spec text as written (numbers beyond 2^53 and the layout
 * kept) with its `format: password` values blanked; re-serialised only when it was wrapped in
 * `{"items":[…]}` or carries server-set fields (`id`, audit fields), which are dropped.
 */
function specBody(specText: string, spec: JsonObject, wrapped: boolean): string {
  const pointers = secretValuePointers(spec);
  if (!wrapped && !SERVER_FIELDS.some((f) => Object.hasOwn(spec, f)))
    return redactSecrets(specText.replace(/^\uFEFF/, ''), pointers);
  const redacted = JSON.parse(redactSecrets(JSON.stringify(spec), pointers)) as JsonObject;
  for (const f of SERVER_FIELDS) delete redacted[f];
  return JSON.stringify(redacted, null, 2);
}

/**
 * The verification flow of `specText` (a connection spec, or Adobe's `{"items":[spec]}`), in the
 * issue's order: create the spec → GET the RestStorageToAEP flow spec → PUT it with the new id (once)
 * → base connection (`auth.specName` = the chosen authSpec, `auth.params` from its properties) →
 * explore (base64 `sourceParams`) → source connection (`sourceSpec.spec` properties) → data-lake
 * target connection (`dataSetId`) → mapping set (only when `mappings` is set) → flow (schedule) →
 * poll the flow's runs. The spec is sent with its `format: password` values blanked and its server
 * fields dropped. Fails (never throws) on invalid JSON, a spec without `authSpec`, or an unknown
 * `authSpecName` (the message lists the names).
 */
export function buildFlowChain(specText: string, options: FlowOptions = {}): FlowChainResult {
  const read = readSpec(specText);
  if ('ok' in read) return read;
  const spec = read.spec;
  const auths = (Array.isArray(spec.authSpec) ? spec.authSpec : []).filter(isObj);
  if (auths.length === 0)
    return {
      ok: false,
      message: 'The spec has no authSpec: a base connection needs one',
      code: 'no-auth-spec',
      params: {},
    };
  const names = auths.map((a) => (typeof a.name === 'string' ? a.name : ''));
  const wanted = options.authSpecName ?? names[0] ?? '';
  const authIndex = names.indexOf(wanted);
  if (authIndex < 0)
    return {
      ok: false,
      message: `No authSpec named ${JSON.stringify(wanted)}; the spec has ${names.map((n) => JSON.stringify(n)).join(', ')}`,
      code: 'unknown-auth-spec',
      params: { name: JSON.stringify(wanted), names: names.map((n) => JSON.stringify(n)).join(', ') },
    };
  const auth = auths[authIndex]!;
  const source = isObj(spec.sourceSpec) ? spec.sourceSpec.spec : undefined;

  const slug = options.slug || suggestSource(spec) || 'connection-spec';
  const title = typeof spec.name === 'string' && spec.name.trim() ? spec.name.trim() : slug;

  const authVars = propertyVariables(auth.spec, 'auth', 'AUTH_');
  const sourceVars = propertyVariables(source, 'source', 'SOURCE_');
  const variables = flowVariables(wanted, authVars, sourceVars, options);
  const steps = flowSteps(title, specBody(specText, spec, read.wrapped), authVars, sourceVars);
  return { ok: true, chain: { slug, title, authSpecName: wanted, variables, steps } };
}

/**
 * `scheduleParams` of a flow from the Schedule tab's inputs (`start` as `YYYY-MM-DDTHH:mm` in UTC,
 * `interval` as typed): `startTime` in Unix seconds (absent when `start` is empty or unreadable:
 * the exports then start the flow when they run), `interval` absent for `once` or when not a number.
 */
export function flowScheduleFromInputs(inputs: {
  start: string;
  frequency: FlowFrequency;
  interval: string;
}): {
  startTime?: number;
  frequency: FlowFrequency;
  interval?: number;
} {
  const out: { startTime?: number; frequency: FlowFrequency; interval?: number } = {
    frequency: inputs.frequency,
  };
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(inputs.start);
  if (m) {
    const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
    if (Number.isFinite(ms)) out.startTime = Math.floor(ms / 1000);
  }
  const n = Number(inputs.interval);
  if (inputs.frequency !== 'once' && inputs.interval.trim() !== '' && Number.isInteger(n)) out.interval = n;
  return out;
}
