/**
 * Checks of what a spec lacks or names wrongly (validate, with the semantic checks): missing
 * contentPath / paginationParams / scheduleParams, unknown auth types, KeyBased keys without a
 * required entry or a header, an ADVANCE schedule whose {SCHEDULE_QUERY} is never used, `$schema`
 * values that are not a JSON Schema URI, and an explode path that keep/skip empties.
 */
import { explodeConflictMessage, explodeConflictParams, explodeSkipConflict } from '../flatten/explode';
import { wrapperName } from '../flatten/flatten';
import { joinPointer } from '../json/pointer';
import { AUTH_TYPES } from '../schemas/auth';
import type { JsonObject, JsonValue, SpecModel } from '../types';
import { DiagnosticList, isObject, own } from './jsonUtil';

const A = '/sourceSpec/attributes';
const KNOWN_AUTH: ReadonlySet<string> = new Set(AUTH_TYPES);
/** The JSON Schema dialect URIs (draft-03 to 2020-12), with or without the trailing `#`. */
const SCHEMA_URI =
  /^https?:\/\/json-schema\.org\/(?:draft-0[3467]\/schema#?|draft\/(?:2019-09|2020-12)\/schema#?)$/;
const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';

function checkMissing(attrs: JsonObject, d: DiagnosticList): void {
  if (own(attrs, 'contentPath') === undefined)
    d.add(
      'warning',
      A,
      'content-path-missing',
      'No contentPath: no records are extracted yet. Add one, e.g. { "path": "$.items" }',
      { kind: 'spec', page: 0 },
    );
  if (own(attrs, 'paginationParams') === undefined)
    d.add(
      'warning',
      A,
      'pagination-missing',
      'No paginationParams: read as { "type": "NONE" } (one request per run). Say so explicitly, or choose how the API pages',
    );
  if (own(attrs, 'scheduleParams') === undefined)
    d.add(
      'info',
      A,
      'schedule-missing',
      'No scheduleParams: requests carry no time window, so every scheduled run reads everything again',
    );
}

function checkAuth(doc: JsonObject, model: SpecModel, d: DiagnosticList): void {
  const list = own(doc, 'authSpec');
  if (!Array.isArray(list)) return;
  for (const a of model.authSpecs) {
    const entry = list[a.index];
    const ptr = `/authSpec/${a.index}`;
    const type = isObject(entry) ? own(entry, 'type') : undefined;
    if (typeof type === 'string' && !KNOWN_AUTH.has(type)) {
      d.add(
        'warning',
        `${ptr}/type`,
        'auth-type-unknown',
        `Unknown auth type ${JSON.stringify(type)}: Adobe documents only ${AUTH_TYPES.join(', ')}`,
        { type: JSON.stringify(type), types: AUTH_TYPES.join(', ') },
      );
    }
    if (type !== 'KeyBased') continue;
    const keys = a.params.filter((p) => p.name !== 'host');
    const spec = isObject(entry) ? own(entry, 'spec') : undefined;
    if (!keys.some((p) => p.required)) {
      const where =
        isObject(spec) && own(spec, 'required') !== undefined ? `${ptr}/spec/required` : `${ptr}/spec`;
      d.add(
        'warning',
        where,
        'keybased-no-required-key',
        'KeyBased auth requires no key: list the API key property in spec.required, e.g. ["authKey1"]',
      );
    }
    for (const p of keys) {
      if (!p.required || (p.headerParamName !== undefined && p.headerParamName !== '')) continue;
      d.add(
        'warning',
        p.pointer,
        'keybased-no-header',
        `API key \`${p.name}\` has no restAttributes.headerParamName: no request header carries it`,
        { name: p.name },
      );
    }
  }
}

function checkScheduleQuery(attrs: JsonObject, model: SpecModel, d: DiagnosticList): void {
  if (model.schedule?.type !== 'ADVANCE') return;
  const used = ['urlParams', 'headerParams', 'bodyParams'].some((k) => {
    const v = own(attrs, k);
    return v !== undefined && JSON.stringify(v).includes('{SCHEDULE_QUERY}');
  });
  if (!used) {
    const sched = own(attrs, 'scheduleParams');
    const ptr =
      isObject(sched) && own(sched, 'type') !== undefined
        ? `${A}/scheduleParams/type`
        : `${A}/scheduleParams`;
    d.add(
      'warning',
      ptr,
      'schedule-query-unused',
      'scheduleParams is ADVANCE, but no {SCHEDULE_QUERY} appears in urlParams, headerParams or bodyParams: the time window is never sent',
    );
  }
}

/** Every `$schema` string in the document that is not a JSON Schema dialect URI (iterative walk). */
function checkSchemaUris(doc: JsonObject, d: DiagnosticList): void {
  const stack: Array<[JsonValue, string]> = [[doc, '']];
  while (stack.length > 0) {
    const [v, ptr] = stack.pop() as [JsonValue, string];
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i] as JsonValue, `${ptr}/${i}`]);
      continue;
    }
    if (!isObject(v)) continue;
    const keys = Object.keys(v);
    for (let i = keys.length - 1; i >= 0; i--) {
      const k = keys[i] as string;
      const child = v[k] as JsonValue;
      const at = joinPointer(ptr, k);
      if (k === '$schema' && typeof child === 'string' && !SCHEMA_URI.test(child)) {
        const fixed = child.replace(/\s+/g, '');
        const hint = SCHEMA_URI.test(fixed)
          ? `it contains white space: write ${JSON.stringify(fixed)}`
          : `write ${JSON.stringify(DRAFT_07)}, as Adobe's examples do`;
        d.add(
          'warning',
          at,
          'schema-uri-unknown',
          `$schema ${JSON.stringify(child)} is not a JSON Schema URI: ${hint}`,
          SCHEMA_URI.test(fixed)
            ? { uri: JSON.stringify(child), kind: 'whiteSpace', fixed: JSON.stringify(fixed) }
            : { uri: JSON.stringify(child), kind: 'other', fixed: JSON.stringify(DRAFT_07) },
        );
      } else if (typeof child === 'object' && child !== null) stack.push([child, at]);
    }
  }
}

function checkExplodeSkip(model: SpecModel, d: DiagnosticList): void {
  const { contentPath, explodeEntityPath } = model;
  if (!contentPath || !explodeEntityPath) return;
  const conflict = explodeSkipConflict(contentPath, explodeEntityPath, wrapperName(contentPath));
  if (conflict)
    d.add(
      'warning',
      `${A}/explodeEntityPath/path`,
      'explode-skipped',
      explodeConflictMessage(conflict),
      explodeConflictParams(conflict),
    );
}

/**
 * The completeness checks of `validate` (see the module comment), each finding with a pointer:
 * contentPath and paginationParams missing (warnings), scheduleParams missing (info),
 * unknown auth type, KeyBased without a required key or a required key without
 * `restAttributes.headerParamName`, ADVANCE schedule without `{SCHEDULE_QUERY}`, unknown `$schema`
 * URI, explode through a key keep/skip removes (warnings). Never throws.
 */
export function completenessChecks(doc: JsonValue, model: SpecModel, d: DiagnosticList): void {
  if (!isObject(doc)) return;
  const source = own(doc, 'sourceSpec');
  const attrs = isObject(source) ? own(source, 'attributes') : undefined;
  if (isObject(attrs)) {
    checkMissing(attrs, d);
    checkScheduleQuery(attrs, model, d);
  }
  checkAuth(doc, model, d);
  checkExplodeSkip(model, d);
  checkSchemaUris(doc, d);
}
