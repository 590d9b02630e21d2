/** Types and limits of the verification flow model (chain.ts). */
import type { JsonValue } from '../types';
import { ADOBE_SERVER_FIELDS } from './calls';

/** Type of a variable's value in a body: strings are sent as strings, the others as JSON. */
export type FlowValueType = 'string' | 'integer' | 'number' | 'boolean' | 'json';

/** What a variable is for (the environment and the script group them by it). */
export type FlowVariableKind = 'adobe' | 'auth' | 'source' | 'target' | 'schedule' | 'fixed' | 'captured';

/** One variable of the flow: a Postman variable and a shell environment variable. */
export interface FlowVariable {
  /** Postman variable name (FORMAT.md §7's names where it names one). */
  name: string;
  /** Shell environment variable name (`[A-Z][A-Z0-9_]*`). */
  env: string;
  kind: FlowVariableKind;
  type: FlowValueType;
  /** A credential: typed `secret` in Postman, never written, never printed. */
  secret: boolean;
  /** The script refuses to start without it. */
  required: boolean;
  /** Value written into the environment / the script's default ('' when none). Never a secret. */
  value: string;
  description: string;
}

/** A body or query value to build at run time from variables. */
export type FlowTemplate =
  | { t: 'lit'; v: JsonValue }
  | { t: 'var'; name: string }
  | { t: 'obj'; members: Array<{ key: string; value: FlowTemplate; when?: string }> }
  | { t: 'arr'; items: FlowTemplate[] }
  /** `scheduleParams`: startTime (integer), frequency, interval (integer, absent for `once`). */
  | { t: 'schedule' }
  /** The flow spec held in variable `spec` (JSON text) with `id` in `sourceConnectionSpecIds` once, server fields dropped. */
  | { t: 'flowSpecWith'; spec: string; id: string }
  /** The strings of `parts` joined (`flowId=={{flowId}}`). */
  | { t: 'concat'; parts: FlowTemplate[] }
  /** Base64 of the JSON of `value` (explore's `sourceParams`). */
  | { t: 'base64json'; value: FlowTemplate };

export type FlowStepId =
  | 'createConnectionSpec'
  | 'getFlowSpec'
  | 'updateFlowSpec'
  | 'createBaseConnection'
  | 'explore'
  | 'createSourceConnection'
  | 'createTargetConnection'
  | 'createMappingSet'
  | 'createFlow'
  | 'pollRuns';

/** One call of the flow. */
export interface FlowStep {
  id: FlowStepId;
  title: string;
  method: 'GET' | 'POST' | 'PUT';
  /** `flowservice` (`/data/foundation/flowservice`) or `conversion` (`/data/foundation/conversion`). */
  service: 'flowservice' | 'conversion';
  /** Path below the service, with `{{variable}}` segments (ids only). */
  path: string;
  query: Array<{ key: string; value: FlowTemplate }>;
  /** JSON body to build, or the spec text to send as is. */
  body?: { t: 'text'; text: string } | FlowTemplate;
  /** Response values kept in variables: `path` into the response JSON (`['items', '0']`). */
  captures: Array<{ variable: string; path: string[]; json?: boolean }>;
  /** Run only when this variable is set (the optional mapping set). */
  when?: string;
}

/** The whole flow for one spec. */
export interface FlowChain {
  /** Slug of the source (file names): from `uiAttributes.label.key` or the name, else `connection-spec`. */
  slug: string;
  /** The spec's name (or the slug). */
  title: string;
  authSpecName: string;
  variables: FlowVariable[];
  steps: FlowStep[];
}

/** Options of the verification flow exports. */
export interface FlowOptions {
  /** The authSpec the base connection uses (default: the first). */
  authSpecName?: string;
  /** The flow's schedule (the Schedule tab); missing parts: start at run time, `hour`, `1`. */
  schedule?: { startTime?: number; frequency?: FlowFrequency; interval?: number };
  /** Slug for the file names and the Postman names (default from the spec). */
  slug?: string;
}

export type FlowFrequency = 'once' | 'minute' | 'hour' | 'day' | 'week';

/**
 * Why no verification flow can be written, for the app to word in its language (`message` is the
 * English): `invalid-json` {error: the JSON parser's own words}, `not-object`, `no-auth-spec`,
 * `unknown-auth-spec` {name, names: the names in JSON quotes, joined with `, `}.
 */
export type FlowProblem = 'invalid-json' | 'not-object' | 'no-auth-spec' | 'unknown-auth-spec';

/** A chain, or why none can be built from this spec text. */
export type FlowChainResult =
  | { ok: true; chain: FlowChain }
  | { ok: false; message: string; code: FlowProblem; params: { [k: string]: string } };

/** Fields Adobe's server sets on specs and flow specs: dropped from the bodies sent. */
export const SERVER_FIELDS = ADOBE_SERVER_FIELDS;

/** Polling defaults: seconds between polls (`verifyWatTimeInSecond`) and the most polls. */
export const FLOW_POLL_SECONDS = 30;
export const FLOW_MAX_POLLS = 20;

/** The run statuses that end polling: success, or a failure. */
export const RUN_DONE = { success: ['success'], failed: ['failed', 'cancelled'] } as const;
