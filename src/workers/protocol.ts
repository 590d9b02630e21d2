import type { Diagnostic, JsonValue } from '@core';

/** Messages the main thread sends to the validate worker. */
export type ValidateRequest = { type: 'validate'; id: number; revision: number; doc: JsonValue };

/** Messages the validate worker answers with. */
export type ValidateResponse =
  | { type: 'diagnostics'; id: number; revision: number; diagnostics: Diagnostic[]; ms: number }
  | { type: 'error'; id: number; revision: number; message: string };
