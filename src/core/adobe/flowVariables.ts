/**
 * The variables of the verification flow: credentials, the chosen auth spec's properties, every
 * `sourceSpec.spec` property, the target, schedule and polling settings, the fixed ids and the ids
 * the flow captures. Each is a Postman variable (FORMAT.md §7's names) and a shell variable.
 */
import { ADOBE } from './calls';
import {
  FLOW_MAX_POLLS,
  FLOW_POLL_SECONDS,
  type FlowOptions,
  type FlowValueType,
  type FlowVariable,
  type FlowVariableKind,
} from './flowTypes';
import type { JsonObject, JsonValue } from '../types';

export const isObj = (v: JsonValue | undefined): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
/** Names that hold a credential even without `format: password` (not `…Url`, `…Name` and the like). */
const SECRET_NAME = /token|secret|password|passwd|apikey|api_key|authkey|credential/i;
const NOT_SECRET_NAME = /(url|uri|path|endpoint|name|type|field|method|header)$/i;

/** `accessToken` → `ACCESS_TOKEN`, `x-api-key` → `X_API_KEY` (non-alphanumerics become `_`). */
export function flowEnvName(name: string): string {
  const s = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
  return s === '' ? 'VALUE' : s;
}

function valueType(schema: JsonValue | undefined): FlowValueType {
  const t = isObj(schema) ? schema.type : undefined;
  if (t === 'integer' || t === 'number' || t === 'boolean') return t;
  if (t === 'object' || t === 'array') return 'json';
  return 'string';
}

/** The variables of a JSON Schema's properties (auth spec or sourceSpec.spec). */
export function propertyVariables(
  schema: JsonValue | undefined,
  kind: 'auth' | 'source',
  prefix: string,
): FlowVariable[] {
  if (!isObj(schema) || !isObj(schema.properties)) return [];
  const required = Array.isArray(schema.required) ? schema.required : [];
  const used = new Set<string>();
  return Object.entries(schema.properties).map(([name, prop]) => {
    const secret =
      (isObj(prop) && prop.format === 'password') || (SECRET_NAME.test(name) && !NOT_SECRET_NAME.test(name));
    const def = isObj(prop) ? prop.default : undefined;
    const value =
      secret || def === undefined || def === null ? '' : typeof def === 'string' ? def : JSON.stringify(def);
    let env = `${prefix}${flowEnvName(name)}`;
    for (let i = 2; used.has(env); i++) env = `${prefix}${flowEnvName(name)}_${i}`;
    used.add(env);
    const desc = isObj(prop) && typeof prop.description === 'string' ? prop.description : '';
    return {
      name,
      env,
      kind,
      type: valueType(prop),
      secret,
      required: required.includes(name) && value === '',
      value,
      description: `${kind === 'auth' ? 'Auth' : 'Source'} parameter ${name}${desc ? `: ${desc}` : ''}`,
    };
  });
}

function v(
  name: string,
  env: string,
  kind: FlowVariableKind,
  description: string,
  extra: Partial<FlowVariable> = {},
): FlowVariable {
  return {
    name,
    env,
    kind,
    type: 'string',
    secret: false,
    required: false,
    value: '',
    description,
    ...extra,
  };
}

/** Every variable of the flow, in the environment's order; `wanted` is the chosen authSpec's name. */
export function flowVariables(
  wanted: string,
  authVars: FlowVariable[],
  sourceVars: FlowVariable[],
  options: FlowOptions,
): FlowVariable[] {
  const s = options.schedule ?? {};
  const frequency = s.frequency ?? 'hour';
  return [
    v(
      'baseUrl',
      'SPEC_STUDIO_BASE_URL',
      'fixed',
      'Base URL of the platform (point it at a test server to try the flow)',
      {
        value: ADOBE.platformUrl,
      },
    ),
    v('authorizationToken', 'ADOBE_ACCESS_TOKEN', 'adobe', 'IMS access token (Authorization: Bearer)', {
      secret: true,
      required: true,
    }),
    v('x-api-key', 'ADOBE_API_KEY', 'adobe', 'API key (client id) of the Adobe Developer Console project', {
      secret: true,
      required: true,
    }),
    v('x-gw-ims-org-id', 'ADOBE_ORG_ID', 'adobe', 'IMS organisation id (…@AdobeOrg)', { required: true }),
    v('x-sandbox-name', 'ADOBE_SANDBOX', 'adobe', 'Sandbox name, e.g. prod', { required: true }),
    v('authSpecName', 'AUTH_SPEC_NAME', 'fixed', 'The authSpec the base connection uses', { value: wanted }),
    ...authVars,
    ...sourceVars,
    v('dataSetId', 'DATASET_ID', 'target', 'Dataset the flow writes to (data lake target connection)', {
      required: true,
    }),
    v('schemaId', 'SCHEMA_ID', 'target', 'XDM schema id of the dataset (needed with mappings)'),
    v('schemaVersion', 'SCHEMA_VERSION', 'target', 'XDM schema version', { value: '1.0' }),
    v('schemaAltId', 'SCHEMA_ALT_ID', 'target', 'XDM schema alt id (reference only)'),
    v(
      'mappings',
      'MAPPINGS',
      'target',
      'Data Prep mappings as a JSON array; empty: no mapping set is created',
      {
        type: 'json',
      },
    ),
    v('mappingId', 'MAPPING_ID', 'target', 'An existing mapping set id (or the one created from mappings)'),
    v('startTime', 'START_TIME', 'schedule', 'Flow start, Unix seconds; empty: now', {
      type: 'integer',
      value: s.startTime === undefined ? '' : String(s.startTime),
    }),
    v('frequency', 'FREQUENCY', 'schedule', 'once, minute, hour, day or week', { value: frequency }),
    v(
      'interval',
      'INTERVAL',
      'schedule',
      'Interval in frequency units (ignored for once; minute needs ≥ 15)',
      {
        type: 'integer',
        value: frequency === 'once' ? '' : String(s.interval ?? (frequency === 'minute' ? 15 : 1)),
      },
    ),
    v('verifyWatTimeInSecond', 'POLL_SECONDS', 'schedule', 'Seconds between two polls of the flow runs', {
      type: 'integer',
      value: String(FLOW_POLL_SECONDS),
    }),
    v('maxPolls', 'MAX_POLLS', 'schedule', 'Most polls of the flow runs before giving up', {
      type: 'integer',
      value: String(FLOW_MAX_POLLS),
    }),
    v('flowSpecificationId', 'FLOW_SPEC_ID', 'fixed', 'RestStorageToAEP flow spec', {
      value: ADOBE.flowSpecId,
    }),
    v('targetConnectionSpecId', 'TARGET_CONNECTION_SPEC_ID', 'fixed', 'Data lake connection spec', {
      value: ADOBE.dataLakeConnectionSpecId,
    }),
    ...(
      [
        ['connectionSpecId', 'CONNECTION_SPEC_ID', 'id of the created connection spec'],
        ['flowSpec', 'FLOW_SPEC', 'the flow spec as read (JSON)'],
        ['baseConnectionId', 'BASE_CONNECTION_ID', 'id of the base connection'],
        ['sourceConnectionId', 'SOURCE_CONNECTION_ID', 'id of the source connection'],
        ['targetConnectionId', 'TARGET_CONNECTION_ID', 'id of the target connection'],
        ['flowId', 'FLOW_ID', 'id of the dataflow'],
        ['runStatus', 'RUN_STATUS', 'status of the latest run'],
      ] as const
    ).map(([name, env, d]) => v(name, env, 'captured', `Set by the flow: ${d}`)),
  ];
}
