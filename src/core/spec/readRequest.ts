/** Reads the request-building parts of `sourceSpec.attributes`: urlParams, headerParams, paths. */
import type { JsonObject, JsonValue, PathSpec, SpecModel } from '../types';
import { DiagnosticList, isObject, own, parseLegacyParams } from './jsonUtil';

const A = '/sourceSpec/attributes';

/** Reads a string→string map (object, or legacy "a=1,b=2" string with a warning) into ordered pairs. */
export function readParamMap(
  raw: JsonValue | undefined,
  ptr: string,
  what: string,
  d: DiagnosticList,
): Array<[string, string]> {
  if (raw === undefined || raw === null) return [];
  if (typeof raw === 'string') {
    d.add(
      'warning',
      ptr,
      'legacy-params-string',
      `${what} written as a "a=1,b=2" string is a legacy form: use an object`,
      { section: what === 'Headers' ? 'headers' : 'query' },
    );
    return parseLegacyParams(raw);
  }
  if (!isObject(raw)) {
    d.add('error', ptr, 'wrong-type', `${what} must be an object of name → value`, {
      kind: what === 'Headers' ? 'headers' : 'query',
    });
    return [];
  }
  const out: Array<[string, string]> = [];
  for (const k of Object.keys(raw)) {
    const v = raw[k];
    if (typeof v === 'string') out.push([k, v]);
    else if (typeof v === 'number' || typeof v === 'boolean') out.push([k, String(v)]);
  }
  return out;
}

/** Reads `urlParams`: host (or legacy hostName/hostname, warning), path (default ""), method (default GET). */
export function readUrlParams(raw: JsonValue | undefined, d: DiagnosticList): SpecModel['urlParams'] {
  const ptr = `${A}/urlParams`;
  const model: SpecModel['urlParams'] = { path: '', method: 'GET', queryParams: [] };
  if (raw === undefined) return model;
  if (!isObject(raw)) {
    d.add('error', ptr, 'wrong-type', '`urlParams` must be an object with host, path and method', {
      kind: 'urlParams',
    });
    return model;
  }
  for (const legacy of ['hostName', 'hostname']) {
    const v = own(raw, legacy);
    if (v === undefined) continue;
    d.add(
      'warning',
      `${ptr}/${legacy}`,
      'legacy-host-name',
      `\`${legacy}\` is a legacy name: read as \`host\``,
      { legacy },
    );
    if (model.host === undefined && typeof v === 'string' && own(raw, 'host') === undefined) model.host = v;
  }
  const host = own(raw, 'host');
  if (typeof host === 'string') model.host = host;
  const path = own(raw, 'path');
  if (typeof path === 'string') model.path = path;
  const method = own(raw, 'method');
  if (typeof method === 'string') model.method = method;
  model.queryParams = readParamMap(own(raw, 'queryParams'), `${ptr}/queryParams`, 'Query parameters', d);
  return model;
}

function strings(v: JsonValue | undefined): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** Reads `contentPath` or `explodeEntityPath`: object form, or a legacy plain path string (info). */
export function readPathSpec(
  raw: JsonValue | undefined,
  key: string,
  d: DiagnosticList,
): PathSpec | undefined {
  const ptr = `${A}/${key}`;
  if (raw === undefined) return undefined;
  if (typeof raw === 'string') {
    d.add(
      'info',
      ptr,
      'legacy-content-path',
      `\`${key}\` as a plain path is a legacy form: read as { "path": ${JSON.stringify(raw)} }`,
      { field: key, path: JSON.stringify(raw) },
    );
    return { path: raw, skipAttributes: [], keepAttributes: [] };
  }
  if (!isObject(raw)) {
    d.add('error', ptr, 'wrong-type', `\`${key}\` must be an object with a \`path\``, {
      kind: 'pathSpec',
      field: key,
    });
    return undefined;
  }
  const path = own(raw, 'path');
  if (typeof path !== 'string') {
    d.add('error', ptr, 'missing-field', `\`${key}\` needs a \`path\` (a JSONPath such as $.items)`, {
      kind: 'path',
      field: key,
    });
    return undefined;
  }
  const spec: PathSpec = {
    path,
    skipAttributes: strings(own(raw, 'skipAttributes')),
    keepAttributes: strings(own(raw, 'keepAttributes')),
  };
  const wrapper = own(raw, 'overrideWrapperAttribute');
  if (typeof wrapper === 'string' && wrapper !== '') spec.overrideWrapperAttribute = wrapper;
  return spec;
}

/** Flags UI strings written as `{ text }` (info: fine while testing, Adobe assigns keys). */
export function checkUiStrings(ui: JsonValue | undefined, d: DiagnosticList): void {
  if (!isObject(ui)) return;
  for (const k of ['category', 'icon', 'description', 'label']) {
    const v: JsonObject | undefined = isObject(own(ui, k)) ? (own(ui, k) as JsonObject) : undefined;
    if (v !== undefined && own(v, 'text') !== undefined && own(v, 'key') === undefined) {
      d.add(
        'info',
        `${A}/uiAttributes/${k}`,
        'ui-text',
        `\`${k}\` uses { text }: fine while testing; Adobe assigns a key once the artifacts are merged`,
        { field: k },
      );
    }
  }
}
