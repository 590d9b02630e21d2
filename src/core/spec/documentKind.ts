/**
 * What kind of document a JSON value is: a batch connection spec, Adobe's GET wrapper around one, a
 * fragment of one, a streaming spec, a flow spec, a Flow Service request body, or an API response.
 * One recognition shared by `validate`, the CLI and the app (which offers an API response as a sample).
 */
import { AUTH_TYPES } from '../schemas/auth';
import type { Diagnostic, DiagnosticParams, JsonObject, JsonValue } from '../types';
import { isObject, own } from './jsonUtil';

/** The kinds `detectDocumentKind` tells apart. */
export type DocumentKindName =
  | 'connection-spec'
  | 'items-wrapper'
  | 'fragment'
  | 'streaming-spec'
  | 'flow-spec'
  | 'flow-service-request'
  | 'api-response'
  | 'not-json-object';

/** What a document is, with a sentence for people and, for a wrapper, the spec inside. */
export interface DocumentKind {
  kind: DocumentKindName;
  /** Short name, e.g. "paginationParams block", "flow spec", "GET response wrapper". */
  label: string;
  /** One self-contained sentence saying what the document is and what to do with it. */
  message: string;
  /** `items-wrapper` only: pointer and kind of the first element (the spec inside). */
  inner?: { pointer: string; value: JsonValue; kind: DocumentKind };
}

/** Keys only a connection spec has: one of them makes an object a spec whatever else it holds. */
const STRONG_KEYS = ['providerId', 'authSpec', 'sourceSpec', 'exploreSpec'];
/** Every top-level key of Adobe's connection specs (Adobe's server adds the second line). */
const SPEC_KEYS = new Set(
  ['name', 'type', 'description', 'version', 'attributes', 'permissionsInfo', ...STRONG_KEYS].concat(
    ['id', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy', 'createdClient', 'updatedClient'],
    ['sandboxId', 'sandboxName', 'imsOrgId'],
  ),
);
const FLOW_KEYS = ['sourceConnectionSpecIds', 'targetConnectionSpecIds', 'transformationSpecs'];
const KNOWN_AUTH: ReadonlySet<string> = new Set(AUTH_TYPES);

/** Fragments recognised by their one key, with where they belong in a connection spec. */
const FRAGMENT_KEYS: Record<string, string> = {
  authSpec: 'authSpec',
  restAttributes: 'authSpec[].spec.properties.<key>',
  sourceSpec: 'sourceSpec',
  exploreSpec: 'exploreSpec',
  urlParams: 'sourceSpec.attributes.urlParams',
  contentPath: 'sourceSpec.attributes.contentPath',
  explodeEntityPath: 'sourceSpec.attributes.explodeEntityPath',
  paginationParams: 'sourceSpec.attributes.paginationParams',
  scheduleParams: 'sourceSpec.attributes.scheduleParams',
  headerParams: 'sourceSpec.attributes.headerParams',
  bodyParams: 'sourceSpec.attributes.bodyParams',
  schema: 'sourceSpec (a custom schema, placement not stated by Adobe)',
  spec: 'sourceSpec.spec',
};
const PAGINATION_TYPES = new Set(['NONE', 'OFFSET', 'PAGE', 'POINTER', 'CONTINUATION_TOKEN']);
const PAGINATION_KEYS = new Set(
  ['type', 'paginationType', 'limitName', 'limitValue', 'offSetName', 'offsetName', 'pageParamName'].concat(
    ['endConditionName', 'endConditionValue', 'initialPageIndex', 'endPageIndex', 'pointerPath'],
    ['pointerName', 'continuationTokenPath', 'parameterType', 'parameterName', 'maximumRequest'],
    ['delayRequestMillis'],
  ),
);

function kind(k: DocumentKindName, label: string, message: string): DocumentKind {
  return { kind: k, label, message };
}

function has(o: JsonObject, k: string): boolean {
  return Object.hasOwn(o, k);
}

function squash(v: JsonValue | undefined): string {
  return typeof v === 'string' ? v.toLowerCase().replace(/[\s_-]/g, '') : '';
}

/** A streaming spec: `type` generic-streaming, or a streaming category (top-level or in uiAttributes). */
function isStreaming(o: JsonObject): boolean {
  if (squash(own(o, 'type')).includes('streaming')) return true;
  const attrs = own(o, 'attributes');
  if (isObject(attrs) && squash(own(attrs, 'category')) === 'streaming') return true;
  const source = own(o, 'sourceSpec');
  const sa = isObject(source) ? own(source, 'attributes') : undefined;
  const ui = isObject(sa) ? own(sa, 'uiAttributes') : undefined;
  const cat = isObject(ui) ? own(ui, 'category') : undefined;
  return isObject(cat) && squash(own(cat, 'key') ?? own(cat, 'text')) === 'streaming';
}

function fragmentKind(o: JsonObject, keys: string[]): DocumentKind | null {
  const frag = (label: string, where: string) =>
    kind(
      'fragment',
      label,
      `This is a fragment of a connection spec (${label}), not a whole spec: it belongs in ${where}. Paste it into a spec to check it`,
    );
  if (keys.length === 1 || (keys.length === 2 && keys.includes('spec') && keys.includes('urlParams'))) {
    const key = keys.includes('urlParams') ? 'urlParams' : (keys[0] as string);
    const where = FRAGMENT_KEYS[key];
    if (where !== undefined) {
      if (keys.length === 2) return frag('urlParams and spec blocks', 'sourceSpec.attributes and sourceSpec');
      return frag(`${key} block`, where);
    }
  }
  // One auth spec entry: { name, type, spec } with a known auth type or a JSON Schema spec.
  const spec = own(o, 'spec');
  if (has(o, 'name') && has(o, 'type') && isObject(spec) && keys.length <= 4) {
    const t = own(o, 'type');
    if ((typeof t === 'string' && KNOWN_AUTH.has(t)) || isObject(own(spec, 'properties'))) {
      return frag('one authSpec entry', 'the authSpec list');
    }
  }
  // A bare pagination block: { type: OFFSET, limitName, … } or the legacy { paginationType, … }.
  const t = own(o, 'type') ?? own(o, 'paginationType');
  const paged = typeof t === 'string' && PAGINATION_TYPES.has(t.toUpperCase());
  if (paged && keys.every((k) => PAGINATION_KEYS.has(k))) {
    return frag('paginationParams block', 'sourceSpec.attributes.paginationParams');
  }
  return null;
}

function flowServiceKind(o: JsonObject): DocumentKind | null {
  const body = (what: string) =>
    kind(
      'flow-service-request',
      what,
      `This is a Flow Service request body (${what}), not a connection spec: Spec Studio writes and checks connection specs`,
    );
  if (has(o, 'flowSpec') && has(o, 'sourceConnectionIds')) return body('POST /flows: a dataflow');
  if (has(o, 'baseConnectionId') && has(o, 'connectionSpec')) return body('POST /sourceConnections');
  if (has(o, 'connectionSpec') && has(o, 'auth')) return body('POST /connections: a base connection');
  return null;
}

function objectKind(o: JsonObject, depth: number): DocumentKind {
  const keys = Object.keys(o);
  const items = own(o, 'items');
  if (depth === 0 && Array.isArray(items) && items.length > 0 && keys.length <= 2) {
    const first = items[0] as JsonValue;
    const inner = detect(first, 1);
    const strong = isObject(first) && STRONG_KEYS.some((k) => has(first, k));
    const other = inner.kind !== 'connection-spec' && inner.kind !== 'api-response';
    if ((inner.kind === 'connection-spec' && strong) || (other && inner.kind !== 'not-json-object')) {
      return {
        kind: 'items-wrapper',
        label: 'GET response wrapper',
        message: `This is Adobe's response wrapper {"items": [...]} around a ${inner.label}: its first item (at /items/0) is read${items.length > 1 ? `; the other ${items.length - 1} items are ignored` : ''}`,
        inner: { pointer: '/items/0', value: first, kind: inner },
      };
    }
  }
  if (FLOW_KEYS.some((k) => has(o, k)) || (has(o, 'runSpec') && has(o, 'scheduleSpec'))) {
    return kind(
      'flow-spec',
      'flow spec',
      'This is a flow spec (it links source and target connection specs), not a connection spec: Spec Studio writes and checks connection specs',
    );
  }
  const service = flowServiceKind(o);
  if (service) return service;
  const fragment = fragmentKind(o, keys);
  if (fragment) return fragment;
  const specLike = STRONG_KEYS.some((k) => has(o, k)) || keys.every((k) => SPEC_KEYS.has(k));
  if (specLike) {
    if (isStreaming(o)) {
      return kind(
        'streaming-spec',
        'streaming connection spec',
        'This is a Streaming SDK connection spec: out of scope, Spec Studio checks batch (REST) connection specs only',
      );
    }
    return kind('connection-spec', 'connection spec', 'A batch connection spec');
  }
  return kind(
    'api-response',
    'API response',
    'This looks like an API response (a sample page), not a connection spec: add it to the preview as a sample page',
  );
}

function detect(value: JsonValue, depth: number): DocumentKind {
  if (Array.isArray(value)) {
    return kind(
      'api-response',
      'API response',
      'A connection spec must be a JSON object; this JSON array looks like an API response (a sample page): add it to the preview as a sample page',
    );
  }
  if (!isObject(value)) {
    return kind('not-json-object', 'JSON value', 'A connection spec must be a JSON object');
  }
  return objectKind(value, depth);
}

/**
 * Recognises what `value` is. An object with a key only specs have (providerId, authSpec, sourceSpec,
 * exploreSpec), or whose keys are all top-level keys of Adobe's specs (name, type, version, id,
 * createdAt, …; the empty object too), is a `connection-spec`, so a spec being written is not
 * mistaken for something else; unless it is a streaming spec, a flow spec, a Flow Service request
 * body or a one-key fragment. `{"items": [x, …]}` (at most one other key) whose first item is a
 * fragment, a flow spec or a spec with one of those spec-only keys is an `items-wrapper` with `inner`
 * set. Any other object, and any array, is an `api-response`; a scalar is `not-json-object`. Reads
 * only the top levels of the value; never throws.
 */
export function detectDocumentKind(value: JsonValue): DocumentKind {
  return detect(value, 0);
}

/**
 * `validate`'s reading of a document that is not a batch connection spec: null for a connection spec
 * (and for a scalar, which normalise reports); for Adobe's `{"items": [spec]}` wrapper, an info at ""
 * followed by `check(inner)` with its pointers moved under `/items/0`; for any other kind, one error
 * at "" saying what the document is (instead of a list of "required" errors).
 */
export function documentKindDiagnostics(
  doc: JsonValue,
  check: (spec: JsonValue) => Diagnostic[],
): Diagnostic[] | null {
  const k = detectDocumentKind(doc);
  if (k.kind === 'connection-spec' || k.kind === 'not-json-object') return null;
  const coded = documentKindCode(k, doc) as { code: string; params?: DiagnosticParams };
  const params = coded.params ? { params: coded.params } : {};
  if (k.kind === 'items-wrapper' && k.inner) {
    const { pointer, value } = k.inner;
    const inner = check(value).map((d) => ({ ...d, pointer: pointer + d.pointer }));
    return [{ severity: 'info', pointer: '', code: coded.code, message: k.message, ...params }, ...inner];
  }
  return [{ severity: 'error', pointer: '', code: coded.code, message: k.message, ...params }];
}

/**
 * The code and parameters of what `k` (detected on `doc`) says, as `validate` reports it, so the app
 * can word `k.message` in the user's language; null for a connection spec or a scalar (no message to
 * word). An array keeps normalise's code: it is a wrong top-level type first (BAD-INPUTS A7).
 */
export function documentKindCode(
  k: DocumentKind,
  doc: JsonValue,
): { code: string; params?: DiagnosticParams } | null {
  if (k.kind === 'connection-spec' || k.kind === 'not-json-object') return null;
  if (k.kind === 'items-wrapper' && k.inner) {
    const items = isObject(doc) ? own(doc, 'items') : undefined;
    return {
      code: 'document-items-wrapper',
      params: {
        inner: k.inner.kind.kind.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()),
        label: k.inner.kind.label,
        others: Array.isArray(items) ? items.length - 1 : 0,
      },
    };
  }
  if (Array.isArray(doc)) return { code: 'not-object', params: { kind: 'array' } };
  const params = kindParams(k);
  return { code: `document-${k.kind}`, ...(params ? { params } : {}) };
}

/** The parameters of a fragment's or a Flow Service request body's message (others have none). */
function kindParams(k: DocumentKind): DiagnosticParams | undefined {
  if (k.kind === 'flow-service-request') {
    const request = k.label.startsWith('POST /flows')
      ? 'flows'
      : k.label.startsWith('POST /sourceConnections')
        ? 'sourceConnections'
        : 'connections';
    return { request };
  }
  if (k.kind !== 'fragment') return undefined;
  if (k.label === 'one authSpec entry') return { fragment: 'authEntry', key: '', where: '' };
  if (k.label === 'urlParams and spec blocks') return { fragment: 'urlAndSpec', key: '', where: '' };
  const key = k.label.replace(/ block$/, '');
  const where = /it belongs in (.*)\. Paste it into a spec/.exec(k.message)?.[1] ?? '';
  return { fragment: 'block', key, where };
}
