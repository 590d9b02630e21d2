/** The types of publishing to Adobe and opening from Adobe (publish.ts, openFromAdobe.ts). */
import { ADOBE_SERVER_FIELDS, type AdobeCredentials } from '../adobe/calls';
import type { LiveAbortSignal } from '../run/liveTypes';
import type { DiagnosticParams, HttpRequest, JsonObject } from '../types';

/** Where to publish and as whom. The credentials live in memory only. */
export interface PublishOptions {
  credentials: AdobeCredentials;
  /** Default `https://platform.adobe.io` (tests point it at a fake on 127.0.0.1). */
  baseUrl?: string;
  /** The connection spec's id at Adobe: given, step 1 is `PUT /connectionSpecs/{id}`; else `POST`. */
  existingId?: string;
  /** Per-request timeout, ms (default 30 000). */
  timeoutMs?: number;
}

export type PublishStepId = 'connection-spec' | 'flow-spec-get' | 'flow-spec-put';
export type PublishStepState = 'pending' | 'running' | 'done' | 'skipped' | 'failed';

/** One call of publishing, as shown: the request masked, its status and result in words. */
export interface PublishStep {
  id: PublishStepId;
  /** What the step does, e.g. "Create the connection spec". */
  title: string;
  state: PublishStepState;
  /** The request as shown (`Authorization: Bearer ••••`, `x-api-key: ••••`); set once sent. */
  display?: HttpRequest;
  status?: number;
  ms?: number;
  /** The result in words: the id, "already there", or Adobe's own error message (masked). */
  message: string;
  /** `message` as a stable code with its values (see {@link PublishStepCode}), for translations. */
  code?: PublishStepCode;
  params?: DiagnosticParams;
  /** What to check after a failure. */
  hint?: string;
  /** `hint` as a code (see {@link PublishHintCode}) with its values. */
  hintCode?: PublishHintCode;
  hintParams?: DiagnosticParams;
}

/**
 * A step's result, for the app to word in its language (`message` is the English). Adobe's words
 * (`error`), the sender's (`error` of `send-failed`/`request-failed`) and the core's description of
 * a document that is not a connection spec (`why`) are data, passed as they are.
 * - `created` / `updated` {status, id}; `sources-listed` {status, count}; `already-there` {id};
 *   `id-added` {status, id}; `spec-read` {status, name}; `spec-read-unnamed` {status}
 * - `no-spec-id` {status}: a 2xx answer without an id; `no-flow-spec` {status}; `open-no-spec`
 *   {status, id}; `open-not-a-spec` {status, why, whyCode, `whyParams.*`}
 * - `adobe-error` {status, error}; `adobe-no-message` {status}
 * - `send-failed` {error}: the request could not be sent; `request-failed` {error}: the sender threw
 */
export type PublishStepCode =
  | 'created'
  | 'updated'
  | 'sources-listed'
  | 'already-there'
  | 'id-added'
  | 'spec-read'
  | 'spec-read-unnamed'
  | 'no-spec-id'
  | 'no-flow-spec'
  | 'open-no-spec'
  | 'open-not-a-spec'
  | 'adobe-error'
  | 'adobe-no-message'
  | 'send-failed'
  | 'request-failed';

/**
 * What to check after a failed step: `status` {status, what: `connection-spec` | `flow-spec` |
 * `open`} (Adobe refused: `adobeHint`), `refused-host` (the local server refused the host),
 * `network` (DNS, proxy, firewall), `base-url` (a 2xx answer without an id: not Adobe),
 * `base-url-sandbox` (no flow spec in the answer), `id-sandbox` (opened: not a connection spec).
 */
export type PublishHintCode =
  'status' | 'refused-host' | 'network' | 'base-url' | 'base-url-sandbox' | 'id-sandbox';

/**
 * Why publishing or opening could not start (nothing was sent), for the app to word in its language:
 * `missing-credentials` {missing: the `AdobeCredentials` keys not given}; `base-url` {why:
 * `not-http` | `query` | `not-absolute` | `user-info` | `no-host`, url}; `invalid-json` {line};
 * `not-connection-spec` {why: the core's description of the document, whyCode and
 * `whyParams.*`: its code and params, see `kindParams`}; `no-id` (open without an id).
 */
export type StartProblemCode =
  'missing-credentials' | 'base-url' | 'invalid-json' | 'not-connection-spec' | 'no-id';

/** Why nothing was sent: the English `message` and its code with values. */
export interface StartProblem {
  ok: false;
  message: string;
  code: StartProblemCode;
  params: DiagnosticParams;
}

/** Server-set fields of a connection spec: kept for a PUT, left out of a POST. */
export const SERVER_SET_FIELDS = ADOBE_SERVER_FIELDS;

/** Publishing in progress, driven one call at a time. */
export interface Publish {
  /** The steps as they stand (a new array and new step objects after every change). */
  readonly steps: readonly PublishStep[];
  /** The connection spec's id, once step 1 succeeded (or the existing one for a PUT). */
  readonly connectionSpecId: string | null;
  /** `PUT` when the spec had an id, else `POST`. */
  readonly method: 'POST' | 'PUT';
  /** True when every step is done or skipped, or one failed. */
  readonly finished: boolean;
  /** True when a step failed (its message says why). */
  readonly failed: boolean;
  /** Runs the next pending step (a no-op once finished) and returns the steps. */
  step(signal?: LiveAbortSignal): Promise<readonly PublishStep[]>;
}

/** How publishing ended. */
export interface PublishResult {
  ok: boolean;
  /** The connection spec's id (new for a POST). Null when step 1 failed or nothing was sent. */
  connectionSpecId: string | null;
  method: 'POST' | 'PUT';
  steps: PublishStep[];
  /** One line: what was done, or the failure with Adobe's message. */
  message: string;
  /** When nothing could start (no steps): why, as a code with values (see {@link StartProblemCode}). */
  code?: StartProblemCode;
  params?: DiagnosticParams;
}

/** What opening from Adobe gave: the spec (unwrapped) as text and value, or why not. */
export type OpenFromAdobeResult =
  | { ok: true; spec: JsonObject; text: string; step: PublishStep }
  | {
      ok: false;
      message: string;
      hint?: string;
      step?: PublishStep;
      /** When nothing was sent: why, as a code with values (else the step's code says it). */
      code?: StartProblemCode;
      params?: DiagnosticParams;
    };
