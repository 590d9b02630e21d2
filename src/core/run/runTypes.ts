/** Types of a (simulated) run, re-exported by run/simulate.ts. */
import type { Diagnostic, DiagnosticParams, HttpRequest, SpecModel, StopReason } from '../types';
import type { BaseRequest } from './requests';

/**
 * Why a run stopped: the reason, the English message (the CLI prints it) and, where the message has
 * one, a stable `code` with the `params` it is built from, so the app can write it in another language.
 */
export interface RunStop {
  reason: StopReason;
  message: string;
  code?: string;
  params?: DiagnosticParams;
}

/** What the user chose for a run. */
export interface RunOptions {
  /** Values of user inputs and auth properties, by name. */
  params?: Record<string, string>;
  /** The auth spec to use (its `name`, or its `type`); default the first. */
  authName?: string;
  /** The schedule window, epoch ms; default the 24 h before `now`. */
  window?: { start: number; end: number };
  /** Render the ADVANCE `backfill` template instead of `incremental`. */
  backfill?: boolean;
  /** Epoch ms used for the default window; default `Date.now()`. */
  now?: number;
  /** Show secrets in `display` instead of `••••`. */
  revealSecrets?: boolean;
  /**
   * Block the run when a declared input (user input or auth value) has no value and no default:
   * what a live run, which sends the request, needs. Default false: a simulation sends nothing,
   * so it shows `‹name›` in the value's place and warns once per missing input.
   */
  requireInputs?: boolean;
}

/** One request of a run: the real values and the copy shown to people (secrets masked). */
export interface SimulatedRequest {
  request: HttpRequest;
  display: HttpRequest;
}

/**
 * Where a run stands. Treat it as opaque, and single-use: pass the state that `nextRequest`
 * returned, never an older one (the loop-detection history is shared between states).
 */
export interface RunState {
  readonly model: SpecModel;
  readonly base: BaseRequest;
  /** Requests made so far (the last one is `last`). */
  readonly count: number;
  /** Offset (OFFSET) or page index (PAGE) of `last`. */
  readonly position: number;
  readonly last: SimulatedRequest;
  readonly seen: Set<string>;
  /** Findings made while paging (e.g. a page-count header that is missing). */
  readonly diagnostics: Diagnostic[];
}

/** A simulation over sample responses. */
export interface SimulationResult {
  /** Requests answered by a sample; `page` is the 0-based index of that sample. */
  steps: Array<SimulatedRequest & { page: number | null; contentItems?: number }>;
  stop: RunStop;
  /** The request that would come next, for `samples-exhausted`. */
  next?: SimulatedRequest;
  diagnostics: Diagnostic[];
  /** Inputs without a value, shown as `‹name›` in the requests (never with `requireInputs`). */
  missingInputs: string[];
  estimatedDurationMs: number;
  /** 60000 / delayRequestMillis rounded to 1 decimal; null when there is no delay. */
  requestsPerMinute: number | null;
}
