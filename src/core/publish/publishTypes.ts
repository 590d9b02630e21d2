/** The types of publishing to Adobe and opening from Adobe (publish.ts, openFromAdobe.ts). */
import { ADOBE_SERVER_FIELDS, type AdobeCredentials } from '../adobe/calls';
import type { LiveAbortSignal } from '../run/liveTypes';
import type { HttpRequest, JsonObject } from '../types';

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
  /** What to check after a failure. */
  hint?: string;
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
}

/** What opening from Adobe gave: the spec (unwrapped) as text and value, or why not. */
export type OpenFromAdobeResult =
  | { ok: true; spec: JsonObject; text: string; step: PublishStep }
  | { ok: false; message: string; hint?: string; step?: PublishStep };
