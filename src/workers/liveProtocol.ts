import type { JsonValue, RunOptions } from '@core';

export type { LiveEvent, LiveExchangeView, LivePageEvent } from '../store/liveTypes';

/** What a live run is asked to do: the spec, the run inputs (real values) and its bounds. */
export interface LiveRunInput {
  /** The spec document (normalised in the worker). */
  doc: JsonValue;
  /** The run's inputs as the simulation takes them (`requireInputs` is forced on). */
  run: RunOptions;
  /** Pages fetched at most (default 10). */
  maxPages: number;
}

/**
 * Messages the main thread sends to the live worker. `runId` names the run a command belongs to: a
 * `step` or `run` whose id differs from the worker's current run starts a new run from its input.
 */
export type LiveRequest =
  | ({ kind: 'step'; runId: number } & LiveRunInput)
  | ({ kind: 'run'; runId: number } & LiveRunInput)
  | ({ kind: 'test'; runId: number } & LiveRunInput)
  | { kind: 'abort'; runId: number }
  | { kind: 'reveal'; runId: number };
